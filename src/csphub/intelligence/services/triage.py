"""Triage: the analysts' work on a submission (assigning, moving it along its workflow,
grading, setting its district, closing) and the thread and notes beside it.

Every service is atomic, checks that its actor may do it, and records the change in the audit
trail with its before and after.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from csphub.accounts.models import User
from csphub.audit.services import audit_record, diff
from csphub.core.roles import Role
from csphub.geography.models import District

from .. import validation as v
from ..models import (
    AnalystNote,
    HandlingCode,
    IntelligenceAssessment,
    Message,
    Outcome,
    SourceEvaluation,
    Status,
    Submission,
)
from ..signals import submission_changed
from .emails import message_notification_send

_TRACKED = (
    "status",
    "assigned_to",
    "source_evaluation",
    "intelligence_assessment",
    "handling_code",
    "handling_conditions",
    "outcome",
    "outcome_notes",
)


def _snapshot(submission: Submission) -> dict[str, Any]:
    values = {name: getattr(submission, name) for name in _TRACKED}
    values["assigned_to"] = submission.assigned_to.username if submission.assigned_to else None
    return values


def _require_analyst(user: User) -> None:
    if not user.has_role(Role.ANALYST):
        raise ValidationError("Only intelligence analysts can do this.")


def _save_and_audit(
    submission: Submission,
    *,
    actor: User,
    before: dict[str, Any],
    summary: str,
    fields: list[str],
) -> None:
    submission.save(update_fields=[*fields, "updated_at"])
    submission_changed.send(sender=Submission, submission=submission, fields=frozenset(fields))
    audit_record(
        actor=actor,
        action="updated",
        obj=submission,
        summary=summary,
        changes=diff(before, _snapshot(submission)),
    )


@transaction.atomic
def submission_assign(*, submission: Submission, analyst: User | None, actor: User) -> Submission:
    _require_analyst(actor)
    if analyst is not None and not analyst.has_role(Role.ANALYST):
        raise ValidationError({"assigned_to": "Choose an intelligence analyst"})
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    before = _snapshot(submission)
    submission.assigned_to = analyst
    fields = ["assigned_to"]
    if submission.status == Status.RECEIVED and analyst is not None:
        submission.status = Status.UNDER_ASSESSMENT
        fields.append("status")
    _save_and_audit(
        submission,
        actor=actor,
        before=before,
        fields=fields,
        summary=f"Assigned to {analyst.display_name}" if analyst else "Unassigned",
    )
    return submission


_ALLOWED_MOVES: dict[str, set[str]] = {
    Status.RECEIVED: {Status.UNDER_ASSESSMENT, Status.AWAITING_INFORMATION, Status.CLOSED},
    Status.UNDER_ASSESSMENT: {Status.AWAITING_INFORMATION, Status.CLOSED, Status.RECEIVED},
    Status.AWAITING_INFORMATION: {Status.UNDER_ASSESSMENT, Status.CLOSED},
    Status.GRADED: {Status.UNDER_ASSESSMENT, Status.AWAITING_INFORMATION, Status.CLOSED},
    Status.CLOSED: {Status.UNDER_ASSESSMENT},
}


@transaction.atomic
def submission_set_status(*, submission: Submission, status: str, actor: User) -> Submission:
    """Move a submission along its workflow. Grading and closing have their own services."""
    _require_analyst(actor)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if status in (Status.GRADED, Status.CLOSED):
        raise ValidationError({"status": "Use grading or closing to move to this status"})
    if status not in _ALLOWED_MOVES.get(submission.status, set()):
        target = Status(status).label.lower() if status in Status.values else status
        raise ValidationError(
            {
                "status": f"A submission that is {submission.get_status_display().lower()} "
                f"cannot be moved to {target}"
            }
        )
    before = _snapshot(submission)
    submission.status = status
    fields = ["status"]
    if before["status"] == Status.CLOSED:
        submission.closed_at = None
        submission.outcome = ""
        fields += ["closed_at", "outcome"]
    _save_and_audit(
        submission,
        actor=actor,
        before=before,
        fields=fields,
        summary=f"Status changed to {submission.get_status_display()}",
    )
    return submission


def _grading_errors(
    *, source_evaluation: str, intelligence_assessment: str, handling_code: str
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if source_evaluation not in SourceEvaluation.values:
        errors["source_evaluation"] = ["Select the source evaluation (1, 2 or 3)"]
    if intelligence_assessment not in IntelligenceAssessment.values:
        errors["intelligence_assessment"] = ["Select the intelligence assessment (A to E)"]
    if handling_code not in HandlingCode.values:
        errors["handling_code"] = ["Select the handling code (P or C)"]
    return errors


@transaction.atomic
def submission_grade(
    *,
    submission: Submission,
    source_evaluation: str,
    intelligence_assessment: str,
    handling_code: str,
    handling_conditions: str = "",
    actor: User,
) -> Submission:
    """Grade with the 3x5x2 model; handling code C needs its conditions written down."""
    _require_analyst(actor)
    errors = _grading_errors(
        source_evaluation=source_evaluation,
        intelligence_assessment=intelligence_assessment,
        handling_code=handling_code,
    )
    handling_conditions = v.clean_text(
        handling_conditions,
        field="handling_conditions",
        errors=errors,
        max_length=2000,
        label="the handling conditions",
    )
    if handling_code == HandlingCode.CONDITIONS and not handling_conditions:
        errors.setdefault("handling_conditions", []).append(
            "Enter the conditions for sharing when the handling code is C"
        )
    if handling_code == HandlingCode.PERMITTED:
        handling_conditions = ""
    if errors:
        raise ValidationError(errors)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status == Status.CLOSED:
        raise ValidationError({"status": "Reopen the submission before grading it"})
    before = _snapshot(submission)
    submission.source_evaluation = source_evaluation
    submission.intelligence_assessment = intelligence_assessment
    submission.handling_code = handling_code
    submission.handling_conditions = handling_conditions
    submission.status = Status.GRADED
    submission.graded_by = actor
    submission.graded_at = timezone.now()
    submission.assessed_at = submission.assessed_at or submission.graded_at
    _save_and_audit(
        submission,
        actor=actor,
        before=before,
        fields=[
            "source_evaluation",
            "intelligence_assessment",
            "handling_code",
            "handling_conditions",
            "status",
            "graded_by",
            "graded_at",
            "assessed_at",
        ],
        summary=f"Graded {submission.grading}",
    )
    return submission


@transaction.atomic
def submission_set_district(
    *, submission: Submission, district: District | None, actor: User
) -> Submission:
    """Correct the district a report belongs to (which forum it can reach), e.g. when its
    postcode was missing or wrong. The postcode and place stay as the submitter wrote them."""
    _require_analyst(actor)
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("district")
        .get(pk=submission.pk)
    )
    if submission.district_id == (district.pk if district else None):
        return submission
    before = submission.district.name if submission.district else None
    submission.district = district
    submission.save(update_fields=["district", "updated_at"])
    submission_changed.send(sender=Submission, submission=submission, fields={"district"})
    audit_record(
        actor=actor,
        action="updated",
        obj=submission,
        summary=f"District set to {district.name}" if district else "District cleared",
        changes={"district": [before, district.name if district else None]},
    )
    return submission


@transaction.atomic
def submission_close(
    *, submission: Submission, outcome: str, outcome_notes: str = "", actor: User
) -> Submission:
    _require_analyst(actor)
    errors: dict[str, list[str]] = {}
    if outcome not in Outcome.values:
        errors["outcome"] = [
            "Select the outcome: no further action, actioned, or referred to another agency"
        ]
    outcome_notes = v.clean_text(
        outcome_notes,
        field="outcome_notes",
        errors=errors,
        max_length=2000,
        label="the outcome notes",
    )
    if outcome == Outcome.REFERRED and not outcome_notes:
        errors.setdefault("outcome_notes", []).append("Enter which agency it was referred to")
    if errors:
        raise ValidationError(errors)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    before = _snapshot(submission)
    submission.status = Status.CLOSED
    submission.outcome = outcome
    submission.outcome_notes = outcome_notes
    submission.closed_at = timezone.now()
    submission.assessed_at = submission.assessed_at or submission.closed_at
    _save_and_audit(
        submission,
        actor=actor,
        before=before,
        fields=["status", "outcome", "outcome_notes", "closed_at", "assessed_at"],
        summary=f"Closed: {submission.get_outcome_display()}",
    )
    return submission


def _required_text(body: str, *, label: str) -> str:
    """A message or note body: required, within the site's text limit."""
    errors: dict[str, list[str]] = {}
    body = v.clean_text(
        body,
        field="body",
        errors=errors,
        required=True,
        max_length=settings.CSPHUB_MAX_TEXT_LENGTH,
        label=label,
    )
    if errors:
        raise ValidationError(errors)
    return body


@transaction.atomic
def message_send(*, submission: Submission, author: User, body: str) -> Message:
    """Post to the thread between analysts and the originator, and email the other side."""
    body = _required_text(body, label="your message")
    from_analyst = author.has_role(Role.ANALYST) and author.pk != submission.submitted_by_id
    if not from_analyst and author.pk != submission.submitted_by_id:
        raise ValidationError("Only the originator and analysts can write on this thread.")
    message = Message.objects.create(
        submission=submission, author=author, from_analyst=from_analyst, body=body
    )
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    before = _snapshot(locked)
    if from_analyst and locked.status in (Status.RECEIVED, Status.UNDER_ASSESSMENT, Status.GRADED):
        locked.status = Status.AWAITING_INFORMATION
        locked.assessed_at = locked.assessed_at or message.created_at
        _save_and_audit(
            locked,
            actor=author,
            before=before,
            fields=["status", "assessed_at"],
            summary="Asked the originator for more information",
        )
    elif not from_analyst and locked.status == Status.AWAITING_INFORMATION:
        locked.status = Status.UNDER_ASSESSMENT
        _save_and_audit(
            locked, actor=author, before=before, fields=["status"], summary="The originator replied"
        )
    else:
        audit_record(
            actor=author,
            action="created",
            obj=message,
            object_type="message",
            object_id=submission.reference,
            summary="Message on the thread",
        )
    transaction.on_commit(lambda: message_notification_send(message=message))
    return message


@transaction.atomic
def note_add(*, submission: Submission, author: User, body: str) -> AnalystNote:
    _require_analyst(author)
    body = _required_text(body, label="your note")
    note = AnalystNote.objects.create(submission=submission, author=author, body=body)
    audit_record(
        actor=author,
        action="created",
        obj=note,
        object_type="analyst_note",
        object_id=submission.reference,
        summary="Analyst note added",
    )
    return note
