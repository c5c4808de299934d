"""Analysts' pages for connected intelligence: entity pages and decisions on links."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.audit.services import audit_record
from csphub.core.permissions import role_required
from csphub.core.roles import Role

from . import forms, selectors, services
from .models import Link


def _back_to(link: Link, reference: str) -> str:
    """The triage page the analyst came from, if it is one of the link's two submissions."""
    if reference not in (link.low.reference, link.high.reference):
        reference = link.low.reference
    return reverse("intelligence:triage_detail", args=[reference]) + "#connections"


@role_required(Role.ANALYST)
def link_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    link = selectors.connection_for(user=request.user, link_id=pk)
    came_from = request.GET.get("from") or request.POST.get("from", "")
    form = forms.LinkDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.link_decide(
                link=link,
                user=request.user,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            link.refresh_from_db()
            messages.success(
                request,
                f"Link between {link.low.reference} and {link.high.reference} "
                f"{link.get_status_display().lower()}.",
            )
            return redirect(_back_to(link, came_from))
    return render(
        request,
        "entities/link_decide.html",
        {"link": link, "form": form, "came_from": came_from, "back": _back_to(link, came_from)},
    )


@role_required(Role.ANALYST)
@require_POST
def decision_undo(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    decision = selectors.decision_for(user=request.user, decision_id=pk)
    link = selectors.connection_for(user=request.user, link_id=decision.link_id)
    form = forms.UndoForm(request.POST)
    back = _back_to(link, request.POST.get("from", ""))
    if not form.is_valid():
        messages.error(request, "The reason must be 1,000 characters or fewer")
        return redirect(back)
    try:
        services.link_decision_undo(
            decision=decision, user=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Decision undone.")
    return redirect(back)


@role_required(Role.ANALYST)
def entity_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entity = selectors.entity_for_analyst(user=request.user, entity_id=pk)
    form = forms.CommonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.entity_common_set(
                entity=entity,
                user=request.user,
                common=form.cleaned_data["common"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                "Marked as common: it no longer links reports."
                if entity.common
                else "No longer marked as common: new reports will link on it.",
            )
            return redirect("entities:entity", pk=entity.pk)
    page = Paginator(selectors.mentions_of(entity=entity), 50).get_page(request.GET.get("page"))
    audit_record(
        actor=request.user,
        action="viewed",
        obj=entity,
        summary=f"Viewed {entity.get_kind_display().lower()} {entity.label}"[:300],
        request=request,
    )
    return render(request, "entities/entity.html", {"entity": entity, "page": page, "form": form})
