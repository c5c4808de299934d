from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from csphub.accounts.models import Role
from csphub.core.permissions import public, role_required, signed_in


@public
def health(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for load balancers; also the framework's speed ceiling."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    from csphub.intelligence import selectors

    context = {}
    if request.user.has_role(Role.SUBMITTER):
        context["my_recent"] = selectors.submissions_for_originator(user=request.user)[:5]
        context["unanswered"] = selectors.originator_unanswered_count(user=request.user)
    if request.user.has_role(Role.ANALYST):
        context["queue_counts"] = selectors.queue_counts()
    return render(request, "core/home.html", context)


@role_required(Role.ADMINISTRATOR)
def admin_home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/admin_home.html")


def error_404(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_403(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "403.html", status=403)


def error_500(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "csrf_failure.html", status=403)
