"""Pages of the signposting directory: search for everyone, editing for administrators."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.core.forms import add_service_errors
from csphub.core.permissions import role_required, signed_in
from csphub.core.roles import Role

from . import selectors, services
from .forms import ImportForm, SearchForm, ServiceForm


@signed_in
def search(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    q = theme = ""
    district = None
    if form.is_bound and form.is_valid():
        q, theme, district = (
            form.cleaned_data["q"],
            form.cleaned_data["theme"],
            form.cleaned_data["district"],
        )
    results = selectors.services_search(q=q, theme_slug=theme, district=district)
    return render(
        request,
        "directory/search.html",
        {
            "form": form,
            "services": results,
            "searched": bool(q or theme or district),
            "is_administrator": request.user.has_role(Role.ADMINISTRATOR),
        },
    )


@role_required(Role.ADMINISTRATOR)
def manage(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "directory/manage.html", {"services": selectors.services_all()})


def _service_values(form: ServiceForm) -> dict:
    return {name: form.cleaned_data[name] for name in form.fields}


@role_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def service_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ServiceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            service = services.support_service_create(
                actor=request.user, request=request, **_service_values(form)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{service.name} has been added to the directory")
            return redirect("directory:manage")
    return render(request, "directory/service_form.html", {"form": form, "service": None})


@role_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def service_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    service = selectors.support_service_get(pk=pk)
    initial = {
        name: getattr(service, name)
        for name in ServiceForm.base_fields
        if name not in ("themes", "districts")
    }
    initial["themes"] = list(service.themes.all())
    initial["districts"] = list(service.districts.all())
    form = ServiceForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.support_service_update(
                actor=request.user, service=service, request=request, **_service_values(form)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{service.name} has been updated")
            return redirect("directory:manage")
    return render(request, "directory/service_form.html", {"form": form, "service": service})


@role_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def service_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Confirm, then hide the service (deactivate) or remove it for good (delete)."""
    service = selectors.support_service_get(pk=pk)
    if request.method == "POST":
        name = service.name
        if request.POST.get("action") == "delete":
            services.support_service_delete(actor=request.user, service=service, request=request)
            messages.success(request, f"{name} has been deleted")
        else:
            services.support_service_deactivate(
                actor=request.user, service=service, request=request
            )
            messages.success(request, f"{name} has been deactivated: staff no longer see it")
        return redirect("directory:manage")
    return render(request, "directory/service_delete.html", {"service": service})


@role_required(Role.ADMINISTRATOR)
def export(request: AuthenticatedHttpRequest) -> HttpResponse:
    body = json.dumps(services.directory_export_oruk(), indent=2, ensure_ascii=False) + "\n"
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="support-services-oruk.json"'
    return response


@role_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def import_(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if request.method == "POST" and form.is_valid():
        try:
            summary = services.directory_import_oruk(
                data=form.cleaned_data["file"].read(), actor=request.user, request=request
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
        else:
            messages.success(request, f"Directory imported: {summary}")
            return redirect("directory:manage")
    return render(request, "directory/import.html", {"form": form})
