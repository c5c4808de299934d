"""The analysts' side: the triage queue and the work on one submission."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.accounts.models import User
from csphub.audit.services import audit_record
from csphub.core.forms import add_service_errors
from csphub.core.permissions import role_required
from csphub.core.roles import Role

from . import forms, selectors, services
from .models import Submission, Theme


@role_required(Role.ANALYST)
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = forms.QueueFilterForm(request.GET or None)
    filters = selectors.QueueFilters()
    if form.is_bound and form.is_valid():
        filters = selectors.QueueFilters(
            **{k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        )
    page = Paginator(selectors.triage_queue(user=request.user, filters=filters), 50).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "intelligence/queue.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "counts": selectors.queue_counts(),
            "duty_form": forms.DutyForm(
                initial={"on_duty": "yes" if request.user.on_duty else "no"}
            ),
            "covered_districts": selectors.covered_district_names(user=request.user),
        },
    )


@role_required(Role.ANALYST)
@require_POST
def duty(request: AuthenticatedHttpRequest) -> HttpResponse:
    from csphub.accounts.services import analyst_set_duty

    form = forms.DutyForm(request.POST)
    if form.is_valid():
        analyst_set_duty(user=request.user, on_duty=form.cleaned_data["on_duty"], request=request)
        messages.success(
            request,
            "You are on duty: urgent reports will be emailed to you."
            if request.user.on_duty
            else "You are off duty: urgent reports will not be emailed to you.",
        )
    return redirect("intelligence:queue")


def _detail(
    request: AuthenticatedHttpRequest, reference: str, status: int = 200, **forms_in_error: Form
) -> HttpResponse:
    submission = selectors.submission_for_analyst(user=request.user, reference=reference)
    analysts = list(selectors.analysts())
    context = {
        "submission": submission,
        "thread": selectors.thread_for(submission),
        "notes": selectors.notes_for(submission),
        "assign_form": forms.AssignForm(
            initial={"analyst": submission.assigned_to_id}, analysts=analysts
        ),
        "status_form": forms.StatusForm(initial={"status": submission.status}),
        "grade_form": forms.GradeForm(
            initial={
                "source_evaluation": submission.source_evaluation,
                "intelligence_assessment": submission.intelligence_assessment,
                "handling_code": submission.handling_code,
                "handling_conditions": submission.handling_conditions,
            }
        ),
        "district_form": forms.DistrictForm(initial={"district": submission.district_id}),
        "urgent_reasons": [r for r in submission.urgent_reasons.split("; ") if r],
        "close_form": forms.CloseForm(
            initial={"outcome": submission.outcome, "outcome_notes": submission.outcome_notes}
        ),
        "message_form": forms.MessageForm(),
        "note_form": forms.NoteForm(),
        "history": selectors.submission_history(submission),
    }
    context.update(forms_in_error)
    audit_record(
        actor=request.user,
        action="viewed",
        obj=submission,
        request=request,
        summary="Analyst viewed the full submission",
    )
    return render(request, "intelligence/triage_detail.html", context, status=status)


@role_required(Role.ANALYST)
def triage_detail(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    return _detail(request, reference)


# What a triage action does with the submission and its form's cleaned data.
Action = Callable[[Submission, dict[str, Any]], object]


def _apply(
    request: AuthenticatedHttpRequest,
    reference: str,
    form: Form,
    form_name: str,
    action: Action,
    success: str,
) -> HttpResponse:
    submission = selectors.submission_for_analyst(user=request.user, reference=reference)
    if form.is_valid():
        try:
            action(submission, form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect("intelligence:triage_detail", reference=reference)
    return _detail(request, reference, status=400, **{form_name: form, "form_in_error": form})


@role_required(Role.ANALYST)
@require_POST
def triage_assign(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    analysts = list(selectors.analysts())
    if request.POST.get("analyst") == "me":
        post = request.POST.copy()
        post["analyst"] = str(request.user.pk)
        form = forms.AssignForm(post, analysts=analysts)
    else:
        form = forms.AssignForm(request.POST, analysts=analysts)

    def act(submission: Submission, data: dict[str, Any]) -> None:
        analyst = User.objects.get(pk=data["analyst"]) if data["analyst"] else None
        services.submission_assign(submission=submission, analyst=analyst, actor=request.user)

    return _apply(request, reference, form, "assign_form", act, "Assignment updated.")


@role_required(Role.ANALYST)
@require_POST
def triage_district(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    return _apply(
        request,
        reference,
        forms.DistrictForm(request.POST),
        "district_form",
        lambda s, d: services.submission_set_district(
            submission=s, district=d["district"], actor=request.user
        ),
        "District updated.",
    )


@role_required(Role.ANALYST)
@require_POST
def triage_status(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    return _apply(
        request,
        reference,
        forms.StatusForm(request.POST),
        "status_form",
        lambda s, d: services.submission_set_status(
            submission=s, status=d["status"], actor=request.user
        ),
        "Status updated.",
    )


@role_required(Role.ANALYST)
@require_POST
def triage_grade(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    return _apply(
        request,
        reference,
        forms.GradeForm(request.POST),
        "grade_form",
        lambda s, d: services.submission_grade(submission=s, actor=request.user, **d),
        "Grading saved.",
    )


@role_required(Role.ANALYST)
@require_POST
def triage_close(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    return _apply(
        request,
        reference,
        forms.CloseForm(request.POST),
        "close_form",
        lambda s, d: services.submission_close(submission=s, actor=request.user, **d),
        "Submission closed.",
    )


@role_required(Role.ANALYST)
@require_POST
def triage_message(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    return _apply(
        request,
        reference,
        forms.MessageForm(request.POST),
        "message_form",
        lambda s, d: services.message_send(submission=s, author=request.user, body=d["body"]),
        "Message sent to the originator.",
    )


@role_required(Role.ANALYST)
@require_POST
def triage_note(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    return _apply(
        request,
        reference,
        forms.NoteForm(request.POST),
        "note_form",
        lambda s, d: services.note_add(submission=s, author=request.user, body=d["body"]),
        "Note added.",
    )


# ---- Themes (administrator-managed reference data) ---------------------------------------


@role_required(Role.ADMINISTRATOR)
def themes_manage(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "intelligence/themes.html", {"themes": selectors.themes_all()})


@role_required(Role.ADMINISTRATOR)
def theme_edit(request: AuthenticatedHttpRequest, slug: str | None = None) -> HttpResponse:
    theme = get_object_or_404(Theme, slug=slug) if slug else None
    form = forms.ThemeForm(request.POST or None, instance=theme)
    if request.method == "POST" and form.is_valid():
        try:
            if theme is None:
                saved = services.theme_create(actor=request.user, **form.cleaned_data)
            else:
                saved = services.theme_update(theme=theme, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)  # a message per field of the form, or for the whole form
        else:
            messages.success(request, f"Theme '{saved.name}' saved.")
            return redirect("intelligence:themes")
    return render(request, "intelligence/theme_edit.html", {"form": form, "theme": theme})
