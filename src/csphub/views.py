"""The portal's front pages, which bring several apps together (the home page counts a
submitter's reports and an analyst's queue), so they live at the top, beside the URL map."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.core.permissions import role_required, signed_in
from csphub.core.roles import Role
from csphub.intelligence import selectors


@signed_in
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    context: dict[str, Any] = {}
    if request.user.has_role(Role.SUBMITTER):
        context["my_recent"] = selectors.submissions_for_originator(user=request.user)[:5]
        context["unanswered"] = selectors.originator_unanswered_count(user=request.user)
    if request.user.has_role(Role.ANALYST):
        context["queue_counts"] = selectors.queue_counts()
    return render(request, "core/home.html", context)


@role_required(Role.ADMINISTRATOR)
def admin_home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/admin_home.html")
