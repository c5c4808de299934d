"""The analyst's sanitise page: review CSP Hub's proposed redactions of a submission's
information text, edit the result and approve it as the sanitised version forums read."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.audit.services import audit_record
from csphub.core.forms import add_service_errors
from csphub.core.permissions import role_required
from csphub.core.roles import Role
from csphub.forums import selectors as forum_selectors
from csphub.forums.models import SanitisedVersion
from csphub.intelligence import selectors as intelligence_selectors
from csphub.intelligence.models import Submission

from . import proposals as p
from . import services
from .forms import SanitiseForm

MAX_PHRASE_LENGTH = 200


def _render_sanitise(
    request: AuthenticatedHttpRequest,
    submission: Submission,
    *,
    form: SanitiseForm,
    proposals: list[p.Proposal],
    kept: set[str],
    status: int = 200,
) -> HttpResponse:
    audit_record(
        actor=request.user,
        action="viewed",
        obj=submission,
        request=request,
        summary="Analyst viewed the full text to prepare a sanitised version",
    )
    versions = list(
        forum_selectors.sanitised_versions_for_analyst(user=request.user, submission=submission)
    )
    return render(
        request,
        "redaction/sanitise.html",
        {
            "submission": submission,
            "form": form,
            "segments": p.segments(submission.information, proposals, kept),
            "proposals": proposals,
            "kept_count": len(kept),
            "added": [x.key for x in proposals if x.source == p.SOURCE_ANALYST],
            "versions": versions,
            "latest": versions[0] if versions else None,
        },
        status=status,
    )


def _start(request: AuthenticatedHttpRequest, submission: Submission) -> HttpResponse:
    """A fresh proposal every time: "Start again" undoes everything the analyst changed."""
    proposals = p.propose(submission)
    kept = {x.key for x in proposals}
    draft = p.preview(submission.information, proposals, postcode_sector=False)
    form = SanitiseForm(
        initial={"keep": sorted(kept), "text": draft.text, "also_type": "PERSON"},
        proposals=proposals,
    )
    return _render_sanitise(request, submission, form=form, proposals=proposals, kept=kept)


def _phrase_error(
    also_text: str, also_type: str, found: list[p.Proposal], action: str
) -> tuple[str, str] | None:
    """Why the text in "Also redact this exact text" cannot be added: (field, message)."""
    if also_type not in dict(p.type_choices()):
        return "also_type", "Select what kind of personal data it is"
    if len(also_text) > MAX_PHRASE_LENGTH:
        return "also_text", f"The text to redact must be {MAX_PHRASE_LENGTH} characters or fewer"
    if not found:
        return "also_text", f"“{also_text}” does not appear in the information text"
    if action == "approve":
        return "also_text", "Add this text to the redactions, or clear it, before approving"
    return None


def _phrase_proposals(
    request: AuthenticatedHttpRequest, information: str, action: str
) -> tuple[list[p.Proposal], dict[str, str]]:
    """Every occurrence of the text the analyst asked to redact too, or the field errors."""
    also_text = request.POST.get("also_text", "").strip()
    if not also_text:
        return [], {}
    also_type = request.POST.get("also_type", "")
    found = p.phrase_proposals(information, also_text, also_type)
    error = _phrase_error(also_text, also_type, found, action)
    if error is not None:
        field, message = error
        return [], {field: message}
    return found, {}


def _bound_form(
    request: AuthenticatedHttpRequest,
    proposals: list[p.Proposal],
    kept: set[str],
    *,
    clear_phrase: bool,
    text: str | None,
    field_errors: dict[str, str],
) -> SanitiseForm:
    """The form as the analyst sent it, with the ticked redactions that exist, the added text
    cleared once it is added, and (unless approving) the text replaced by the new preview."""
    data = request.POST.copy()
    data.setlist("keep", sorted(kept))
    if clear_phrase:
        data["also_text"] = ""
    if text is not None:
        data["text"] = text
    form = SanitiseForm(data, proposals=proposals)
    form.is_valid()
    for name, message in field_errors.items():
        form.add_error(name, message)
    return form


def _approved_message(version: SanitisedVersion) -> str:
    district = version.district
    return f"Sanitised version {version.version} approved. " + (
        f"Forum members for {district.name} can now read it."
        if district is not None
        else "The submission has no district, so no forum can read it."
    )


def _approve(
    request: AuthenticatedHttpRequest,
    submission: Submission,
    form: SanitiseForm,
    *,
    spans: list[dict],
    postcode_sector: bool,
) -> HttpResponse | None:
    """Approve the form's text; back to triage, or None with the refusal added to the form."""
    try:
        version = services.sanitised_version_approve(
            submission=submission,
            actor=request.user,
            spans=spans,
            text=form.cleaned_data["text"],
            postcode_sector=postcode_sector,
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None
    messages.success(request, _approved_message(version))
    return redirect("intelligence:triage_detail", reference=submission.reference)


def _submitted(request: AuthenticatedHttpRequest, submission: Submission) -> HttpResponse:
    """Update the preview, or approve, from what the analyst sent."""
    information = submission.information
    action = request.POST.get("action", "preview")
    added = [x for x in (p.parse_key(k, information) for k in request.POST.getlist("added")) if x]
    phrase, field_errors = _phrase_proposals(request, information, action)
    added += phrase
    kept_keys = set(request.POST.getlist("keep")) | {x.key for x in phrase}

    proposals = p.propose(submission, added=added)
    chosen = [x for x in proposals if x.key in kept_keys]
    kept = {x.key for x in chosen}
    postcode_sector = request.POST.get("postcode_sector") in ("on", "true", "1")
    draft = p.preview(information, chosen, postcode_sector=postcode_sector)
    form = _bound_form(
        request,
        proposals,
        kept,
        clear_phrase=bool(phrase),
        text=None if action == "approve" else draft.text,
        field_errors=field_errors,
    )
    if action == "approve" and form.is_valid():
        done = _approve(
            request, submission, form, spans=draft.spans, postcode_sector=postcode_sector
        )
        if done is not None:
            return done
    status = 400 if form.errors else 200
    return _render_sanitise(
        request, submission, form=form, proposals=proposals, kept=kept, status=status
    )


@role_required(Role.ANALYST)
def sanitise(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    submission = intelligence_selectors.submission_for_analyst(
        user=request.user, reference=reference
    )
    if request.method != "POST":
        return _start(request, submission)
    return _submitted(request, submission)
