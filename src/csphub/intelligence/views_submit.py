"""The submission journey: one question per page, check your answers, confirmation.

Answers are kept in the session until the submitter confirms; the draft's idempotency key
means a double-clicked or resent confirmation still makes one submission.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.audit.services import audit_record
from csphub.core.permissions import role_required
from csphub.core.roles import Role
from csphub.geography.models import District
from csphub.urgency import assess

from . import forms, selectors
from .models import HowKnown, IdentifierKind, PersonRole
from .services import SubmissionInput, message_send, submission_create
from .signposting import signposting_for
from .theme_suggestions import themes_suggested_for

DRAFT = "cip_draft"
# What they know comes first, so the themes page can suggest themes from it.
STEPS = ["information", "themes", "where", "when", "people", "vehicles", "identifiers", "source"]
SIMPLE_FORMS: dict[str, type[Form]] = {
    "themes": forms.ThemesForm,
    "information": forms.InformationForm,
    "where": forms.WhereForm,
    "when": forms.WhenForm,
    "source": forms.SourceForm,
}
COLLECTIONS = {
    "people": (forms.PersonForm, "person", "people"),
    "vehicles": (forms.VehicleForm, "vehicle", "vehicles"),
    "identifiers": (forms.IdentifierForm, "phone number, email or handle", "identifiers"),
}
DATE_FIELDS = {"occurred_on", "occurred_from", "occurred_to", "date_of_birth"}


def _draft(request: AuthenticatedHttpRequest) -> dict:
    draft = request.session.get(DRAFT)
    if draft is None:
        draft = {"key": f"web-{uuid.uuid4()}", "people": [], "vehicles": [], "identifiers": []}
        request.session[DRAFT] = draft
    return draft


def _save(request: AuthenticatedHttpRequest, draft: dict) -> None:
    request.session[DRAFT] = draft
    request.session.modified = True


def _jsonable(data: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data.items()}


def _as_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _next_url(step: str, request: AuthenticatedHttpRequest) -> str:
    if request.GET.get("return") == "check" and _complete(_draft(request)):
        return reverse("intelligence:submit_check")
    index = STEPS.index(step)
    if index + 1 < len(STEPS):
        return reverse("intelligence:submit_step", args=[STEPS[index + 1]])
    return reverse("intelligence:submit_check")


def _back_url(step: str) -> str:
    index = STEPS.index(step)
    if index == 0:
        return reverse("home")
    return reverse("intelligence:submit_step", args=[STEPS[index - 1]])


def _complete(draft: dict) -> bool:
    return all(key in draft for key in ("themes", "information", "when_known", "how_known"))


@role_required(Role.SUBMITTER)
def submit_start(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST":
        request.session.pop(DRAFT, None)
        _draft(request)
        return redirect("intelligence:submit_step", step=STEPS[0])
    return render(request, "intelligence/submit/start.html")


@role_required(Role.SUBMITTER)
@require_http_methods(["GET", "POST"])
def submit_step(request: AuthenticatedHttpRequest, step: str) -> HttpResponse:
    if step not in STEPS:
        raise Http404
    draft = _draft(request)
    if step in COLLECTIONS:
        return _collection_step(request, step, draft)
    form_class = SIMPLE_FORMS[step]
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            data = _jsonable(form.cleaned_data)
            if step == "when" and data.get("when_known") != "period":
                data["occurred_from"] = data["occurred_to"] = None
            if step == "when" and data.get("when_known") != "date":
                data["occurred_on"] = None
            if step == "information":
                findings = assess(data["information"])
                data["urgent_findings"] = [
                    {"reason": f.reason, "excerpt": f.excerpt} for f in findings
                ]
            draft.update(data)
            _save(request, draft)
            if step == "information" and draft["urgent_findings"]:
                return redirect(
                    f"{reverse('intelligence:submit_urgent')}?next={_next_url(step, request)}"
                )
            return redirect(_next_url(step, request))
    else:
        initial = {name: draft.get(name) for name in form_class.base_fields if name in draft}
        for name in DATE_FIELDS & initial.keys():
            initial[name] = _as_date(initial[name])
        form = form_class(initial=initial)
    return render(
        request,
        f"intelligence/submit/{step}.html",
        {
            "form": form,
            "step": step,
            "back_url": _back_url(step),
            "step_number": STEPS.index(step) + 1,
            "step_count": len(STEPS),
            **(_theme_suggestions(request, draft) if step == "themes" else {}),
        },
    )


SUGGESTED_HINT = "Suggested from what you wrote"


def _theme_suggestions(request: AuthenticatedHttpRequest, draft: dict) -> dict:
    """The themes what the submitter wrote reads like: shown, never ticked for them. Worked
    out once per text and kept in the draft."""
    text = "\n".join(filter(None, (draft.get("information"), draft.get("place_description"))))
    key = hashlib.sha256(text.encode()).hexdigest()[:16]
    held = draft.get("theme_suggestions") or {}
    if held.get("text") != key:
        held = {"text": key, "slugs": themes_suggested_for(text)}
        draft["theme_suggestions"] = held
        _save(request, draft)
    active = selectors.active_themes_by_slug()
    suggested = [active[slug] for slug in held["slugs"] if slug in active]
    names = [theme.name for theme in suggested]
    listed = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + (names[-1:] or [""])[0]
    return {
        "suggested_themes": suggested,
        "suggestion": f"{SUGGESTED_HINT}: {listed}. Select the ones that fit, and any others."
        if suggested
        else "",
        "theme_hints": {theme.slug: SUGGESTED_HINT for theme in suggested},
    }


def _collection_step(request: AuthenticatedHttpRequest, step: str, draft: dict) -> HttpResponse:
    form_class, noun, key = COLLECTIONS[step]
    items = draft.setdefault(key, [])
    form = form_class()
    if request.method == "POST":
        action = request.POST.get("action", "continue")
        if action.startswith("remove-"):
            try:
                del items[int(action.removeprefix("remove-"))]
            except (ValueError, IndexError):
                pass
            _save(request, draft)
            return redirect(request.get_full_path())
        # The "add" form is optional: continuing with it blank moves on.
        filled = any(
            isinstance(value, str) and value.strip()
            for name, value in request.POST.items()
            if name not in ("csrfmiddlewaretoken", "action")
        )
        if action == "add" or filled:
            form = form_class(request.POST)
            if form.is_valid():
                if len(items) >= 20:
                    form.add_error(None, f"You can add up to 20 {key}")
                else:
                    items.append(_jsonable(form.cleaned_data))
                    _save(request, draft)
                    if action == "add":
                        messages.success(request, f"The {noun} has been added.")
                        return redirect(request.get_full_path())
                    return redirect(_next_url(step, request))
        else:
            return redirect(_next_url(step, request))
    return render(
        request,
        f"intelligence/submit/{step}.html",
        {
            "form": form,
            "items": items,
            "step": step,
            "back_url": _back_url(step),
            "step_number": STEPS.index(step) + 1,
            "step_count": len(STEPS),
            "role_labels": dict(PersonRole.choices),
            "kind_labels": dict(IdentifierKind.choices),
        },
    )


def _submission_input(draft: dict) -> SubmissionInput:
    def dates(item: dict) -> dict:
        return {k: (_as_date(v) if k in DATE_FIELDS else v) for k, v in item.items()}

    return SubmissionInput(
        themes=draft.get("themes", []),
        information=draft.get("information", ""),
        how_known=draft.get("how_known", ""),
        may_contact=draft.get("may_contact") == "yes",
        source_disclosable=draft.get("source_disclosable") == "yes",
        postcode=draft.get("postcode", ""),
        place_description=draft.get("place_description", ""),
        district_code=draft.get("district", ""),
        occurred_on=_as_date(draft.get("occurred_on")),
        occurred_from=_as_date(draft.get("occurred_from")),
        occurred_to=_as_date(draft.get("occurred_to")),
        when_description=draft.get("when_description", ""),
        people=[dates(p) for p in draft.get("people", [])],
        vehicles=draft.get("vehicles", []),
        identifiers=draft.get("identifiers", []),
    )


# Which page to send the submitter back to for each field the service may reject.
_FIELD_STEP = {
    "themes": "themes",
    "information": "information",
    "postcode": "where",
    "place_description": "where",
    "district": "where",
    "occurred_on": "when",
    "occurred_from": "when",
    "occurred_to": "when",
    "when_description": "when",
    "how_known": "source",
    "may_contact": "source",
    "source_disclosable": "source",
}


@role_required(Role.SUBMITTER)
@require_http_methods(["GET", "POST"])
def submit_check(request: AuthenticatedHttpRequest) -> HttpResponse:
    draft = request.session.get(DRAFT)
    if not draft or not _complete(draft):
        messages.info(request, "Answer the questions before checking your answers.")
        return redirect("intelligence:submit_start")
    errors: list[dict] = []
    if request.method == "POST":
        try:
            result = submission_create(
                submitted_by=request.user,
                data=_submission_input(draft),
                idempotency_key=draft["key"],
            )
        except ValidationError as exc:
            for field, field_errors in exc.message_dict.items():
                step = _FIELD_STEP.get(field.split("[")[0], field.split("[")[0])
                href = reverse("intelligence:submit_step", args=[step]) if step in STEPS else ""
                errors += [{"text": e, "href": href} for e in field_errors]
        else:
            request.session.pop(DRAFT, None)
            submission = result.submission
            if submission.urgent:
                return redirect(
                    f"{reverse('intelligence:submit_urgent')}?reference={submission.reference}"
                )
            return redirect("intelligence:submit_confirmation", reference=submission.reference)
    themes = list(selectors.themes_with_slugs(draft.get("themes", [])))
    district, district_from_postcode = _district_for_draft(draft)
    return render(
        request,
        "intelligence/submit/check.html",
        {
            "draft": draft,
            "themes": themes,
            "district": district,
            "errors": errors,
            "district_from_postcode": district_from_postcode,
            "how_known_label": dict(HowKnown.choices).get(draft.get("how_known"), ""),
            "when_label": dict(forms.WhenForm.KNOWN).get(draft.get("when_known"), ""),
            "dates": {
                k: _as_date(draft.get(k)) for k in ("occurred_on", "occurred_from", "occurred_to")
            },
            "people": [
                {
                    **p,
                    "date_of_birth": _as_date(p.get("date_of_birth")),
                    "role_label": dict(PersonRole.choices).get(p.get("role"), ""),
                }
                for p in draft.get("people", [])
            ],
            "role_labels": dict(PersonRole.choices),
            "kind_labels": dict(IdentifierKind.choices),
        },
    )


def _district_for_draft(draft: dict) -> tuple[District | None, bool]:
    """The district the report will reach, as the service will work it out: from the postcode
    when the postcode table knows it, else the one chosen. Second: whether it came from the
    postcode."""
    from csphub.geography.selectors import district_for_code, postcode_lookup

    if draft.get("postcode"):
        found = postcode_lookup(draft["postcode"])
        district = district_for_code(found.district_code) if found is not None else None
        if district is not None:
            return district, True
    return district_for_code(draft.get("district") or ""), False


@role_required(Role.SUBMITTER)
def submit_urgent(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The unmissable 'call 999 now' page, shown before anything else happens."""
    reference = request.GET.get("reference", "")
    submission = (
        selectors.submission_for_originator(user=request.user, reference=reference)
        if reference
        else None
    )
    next_url = request.GET.get("next", "")
    if not next_url.startswith("/intelligence/"):
        next_url = reverse("intelligence:submit_step", args=[STEPS[STEPS.index("information") + 1]])
    if submission is not None:
        next_url = reverse("intelligence:submit_confirmation", args=[submission.reference])
    findings = (
        (request.session.get(DRAFT) or {}).get("urgent_findings", []) if submission is None else []
    )
    return render(
        request,
        "intelligence/submit/urgent.html",
        {
            "submission": submission,
            "next_url": next_url,
            "findings": findings,
            "reasons": [r for r in submission.urgent_reasons.split("; ") if r]
            if submission
            else [],
        },
    )


@role_required(Role.SUBMITTER)
def submit_confirmation(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    submission = selectors.submission_for_originator(user=request.user, reference=reference)
    themes = list(submission.themes.all())
    return render(
        request,
        "intelligence/submit/confirmation.html",
        {
            "submission": submission,
            "themes": themes,
            "services": signposting_for(themes, submission.district),
        },
    )


@role_required(Role.SUBMITTER)
def my_submissions(request: AuthenticatedHttpRequest) -> HttpResponse:
    from django.core.paginator import Paginator

    page = Paginator(selectors.submissions_for_originator(user=request.user), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "intelligence/my_submissions.html", {"page": page})


@role_required(Role.SUBMITTER)
@require_http_methods(["GET", "POST"])
def my_submission(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    submission = selectors.submission_for_originator(user=request.user, reference=reference)
    form = forms.MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message_send(submission=submission, author=request.user, body=form.cleaned_data["body"])
        except ValidationError as exc:
            form.add_error("body", exc.messages)
        else:
            messages.success(request, "Your reply has been sent to the analyst.")
            return redirect("intelligence:my_submission", reference=reference)
    if request.method == "GET":
        audit_record(
            actor=request.user,
            action="viewed",
            obj=submission,
            request=request,
            summary="Originator viewed their submission",
        )
    return render(
        request,
        "intelligence/my_submission.html",
        {
            "submission": submission,
            "thread": selectors.thread_for(submission),
            "form": form,
            "history": selectors.status_history(submission),
        },
    )
