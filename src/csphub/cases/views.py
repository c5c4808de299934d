"""The case officer's pages: the caseload and a case. Case officers only (404 for anyone
else), a case only to the organisations that lead it or share it; every view of a case is on
the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.audit.services import audit_record
from csphub.core.forms import add_service_errors
from csphub.core.permissions import role_required
from csphub.core.roles import Role

from . import forms, selectors, services
from .models import Case, CaseStatus


@role_required(Role.CASE_OFFICER)
def caseload(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    cases = (
        selectors.cases_visible_to(request.user)
        .filter(status=CaseStatus.OPEN)
        .select_related("district", "officer", "lead_organisation")
        .order_by("next_review_due", "-opened_at")
    )
    return render(
        request,
        "cases/caseload.html",
        {
            "today": today,
            "mine": [c for c in cases if c.officer_id == request.user.pk],
            "others": [c for c in cases if c.officer_id != request.user.pk],
            "reviews_due": list(selectors.cases_due_for_review(request.user, today=today)),
            "ending": list(selectors.interventions_ending(request.user, today=today)),
        },
    )


@role_required(Role.CASE_OFFICER)
def case_detail(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_for(request.user, reference)
    audit_record(
        actor=request.user,
        action="case.viewed",
        obj=case,
        summary=f"Viewed {case.reference}",
        request=request,
    )
    return render(
        request,
        "cases/detail.html",
        {
            "case": case,
            "today": timezone.localdate(),
            "parties": case.parties.select_related("person"),
            "incidents": case.incidents.all(),
            "assessments": case.assessments.select_related("assessed_by"),
            "interventions": case.interventions.select_related(
                "type", "subject__person"
            ).prefetch_related("breaches"),
            "events": case.events.select_related("actor"),
            "shared_with": case.shared_with.all(),
        },
    )


@role_required(Role.CASE_OFFICER)
def case_open(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = forms.CaseOpenForm(request.POST or None, matrix=selectors.risk_matrix_active())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_open(
                actor=request.user,
                title=data["title"],
                subject_type=data["subject_type"],
                category=data["category"],
                asb_type=data["asb_type"],
                district=data["district"],
                location=data["location"],
                postcode=data["postcode"],
                answers=form.answers(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"Case {case.reference} opened: {case.get_risk_level_display().lower()} risk.",
            )
            return redirect("cases:detail", reference=case.reference)
    return render(
        request,
        "cases/open.html",
        {"form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@role_required(Role.CASE_OFFICER)
def case_review(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_for(request.user, reference)
    form = forms.RiskReviewForm(request.POST or None, matrix=selectors.risk_matrix_active())
    if request.method == "POST" and form.is_valid():
        try:
            done = services.risk_review(actor=request.user, case=case, answers=form.answers())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Reviewed: {done.get_level_display().lower()} risk.")
            return redirect("cases:detail", reference=case.reference)
    return render(
        request,
        "cases/review.html",
        {"form": form, "case": case},
        status=400 if form.is_bound and form.errors else 200,
    )


def _case_form_page(
    request: AuthenticatedHttpRequest,
    reference: str,
    form_class: type,
    save: Callable[[Case, Any], str],
    *,
    heading: str,
    button: str,
) -> HttpResponse:
    """A form on an open case: `save` calls the service and returns the message shown."""
    case = selectors.case_for(request.user, reference)
    if case.status != CaseStatus.OPEN:
        raise Http404
    form = form_class(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        try:
            done = save(case, form)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect("cases:detail", reference=case.reference)
    return render(
        request,
        "cases/form.html",
        {"form": form, "case": case, "heading": heading, "button": button},
        status=400 if form.is_bound and form.errors else 200,
    )


@role_required(Role.CASE_OFFICER)
def case_incident(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    def save(case: Case, form: forms.IncidentForm) -> str:
        occurred, reported = form.times()
        data = form.cleaned_data
        services.incident_log(
            actor=request.user,
            case=case,
            occurred_at=occurred,
            reported_at=reported,
            description=data["description"],
            reported_by=data["reported_by"],
            police_incident_number=data["police_incident_number"],
        )
        return "Incident logged."

    return _case_form_page(
        request,
        reference,
        forms.IncidentForm,
        save,
        heading="Log an incident",
        button="Log incident",
    )


@role_required(Role.CASE_OFFICER)
def case_person(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    def save(case: Case, form: forms.PersonForm) -> str:
        data = form.cleaned_data
        party = services.case_party_add(
            actor=request.user,
            case=case,
            role=data["role"],
            name=data["name"],
            date_of_birth=data["date_of_birth"],
        )
        return f"{party.person.name} added as {party.get_role_display().lower()}."

    return _case_form_page(
        request, reference, forms.PersonForm, save, heading="Add a person", button="Add person"
    )


@role_required(Role.CASE_OFFICER)
def case_close(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    def save(case: Case, form: forms.CloseForm) -> str:
        data = form.cleaned_data
        services.case_close(
            actor=request.user,
            case=case,
            reason=data["reason"],
            victim_satisfaction=data["victim_satisfaction"],
        )
        return f"Case {case.reference} closed."

    return _case_form_page(
        request, reference, forms.CloseForm, save, heading="Close the case", button="Close case"
    )


@role_required(Role.CASE_OFFICER)
def case_intervention(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    def save(case: Case, form: forms.InterventionForm) -> str:
        data = form.cleaned_data
        issued = services.intervention_issue(
            actor=request.user,
            case=case,
            type=data["type"],
            subject=data["subject"],
            issued_on=data["issued_on"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            hours=data["hours"],
            extended=data["extended"],
            terms=data["terms"],
            conviction_recorded=data["conviction_recorded"],
            consultation_recorded=data["consultation_recorded"],
        )
        appeal = f" Appeal by {issued.appeal_by:%-d %B %Y}." if issued.appeal_by else ""
        return f"{forms.intervention_label(issued)} recorded.{appeal}"

    return _case_form_page(
        request,
        reference,
        forms.InterventionForm,
        save,
        heading="Record an intervention",
        button="Record intervention",
    )


@role_required(Role.CASE_OFFICER)
def case_breach(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    def save(case: Case, form: forms.BreachForm) -> str:
        data = form.cleaned_data
        services.breach_record(
            actor=request.user,
            intervention=data["intervention"],
            occurred_on=data["occurred_on"],
            evidence=data["evidence"],
            action_taken=data["action_taken"],
        )
        return f"Breach of the {data['intervention'].type.name} recorded."

    return _case_form_page(
        request,
        reference,
        forms.BreachForm,
        save,
        heading="Record a breach",
        button="Record breach",
    )


@role_required(Role.CASE_OFFICER)
def case_share(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    def save(case: Case, form: forms.ShareForm) -> str:
        organisation = form.cleaned_data["organisation"]
        services.case_share(actor=request.user, case=case, organisation=organisation)
        return f"Case shared with {organisation.name}."

    return _case_form_page(
        request, reference, forms.ShareForm, save, heading="Share the case", button="Share case"
    )
