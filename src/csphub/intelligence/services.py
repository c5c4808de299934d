"""Writes for community intelligence. Views, forms, the API and commands all call these.

Every service is atomic: it either does all of its work or, on bad input, raises
ValidationError (a message per field) and leaves nothing behind.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from csphub.accounts.models import User
from csphub.audit.services import audit_event, audit_record, diff
from csphub.core.roles import Role
from csphub.core.sql import insert_row, insert_rows, prepared_cursor
from csphub.geography.models import District
from csphub.geography.selectors import district_for_code, postcode_lookup, postcode_problem
from csphub.urgency import Finding, assess

from . import validation as v
from .models import (
    AnalystNote,
    HandlingCode,
    IdempotencyKey,
    IntelligenceAssessment,
    Message,
    Outcome,
    SourceEvaluation,
    Status,
    Submission,
    SubmissionIdentifier,
    SubmissionPerson,
    SubmissionVehicle,
    Theme,
)
from .references import allocate_reference, next_reference_cte
from .selectors import active_themes_by_slug
from .targets import assessment_target


@dataclass
class SubmissionInput:
    """What a submitter tells us, in the same shape from the form and the API."""

    themes: Sequence[str]  # theme slugs
    information: str
    how_known: str
    may_contact: bool
    source_disclosable: bool
    postcode: str = ""
    place_description: str = ""
    district_code: str = ""
    occurred_on: date | None = None
    occurred_from: date | None = None
    occurred_to: date | None = None
    when_description: str = ""
    people: Sequence[dict] = field(default_factory=list)
    vehicles: Sequence[dict] = field(default_factory=list)
    identifiers: Sequence[dict] = field(default_factory=list)


@dataclass
class CleanSubmission:
    themes: list[Theme]
    data: dict
    people: list[dict]
    vehicles: list[dict]
    identifiers: list[dict]
    district: District | None


MAX_ITEMS = 20


def submission_validate(data: SubmissionInput) -> CleanSubmission:
    """Check and normalise a submission; raise ValidationError({field: [messages]})."""
    errors: dict[str, list[str]] = {}
    slugs = [s.strip() for s in (data.themes or []) if isinstance(s, str) and s.strip()]
    active = active_themes_by_slug()
    themes = sorted({active[s] for s in slugs if s in active}, key=lambda t: (t.order, t.name))
    if not slugs:
        errors.setdefault("themes", []).append("Select at least one theme")
    else:
        unknown = sorted(set(slugs) - {t.slug for t in themes})
        if unknown:
            errors.setdefault("themes", []).append(f"Unknown theme: {', '.join(unknown)}")

    information = v.clean_text(
        data.information,
        field="information",
        errors=errors,
        required=True,
        max_length=settings.CSPHUB_MAX_TEXT_LENGTH,
        label="what you know",
    )
    postcode = v.clean_postcode(data.postcode, field="postcode", errors=errors)
    place = v.clean_text(
        data.place_description,
        field="place_description",
        errors=errors,
        max_length=2000,
        label="the address or description of the place",
    )
    district = None
    if data.district_code:
        district = district_for_code(data.district_code)
        if district is None:
            errors.setdefault("district", []).append("Select a district from the list")
    lsoa, lat, lon = "", None, None
    if postcode:
        found = postcode_lookup(postcode)
        from_postcode = district_for_code(found.district_code) if found is not None else None
        if from_postcode is not None:
            lsoa, lat, lon = found.lsoa_code, found.latitude, found.longitude
            district = from_postcode
        else:
            problem = postcode_problem(postcode, found)
            if problem:
                errors.setdefault("postcode", []).append(problem)
    if not (postcode or place or district) and "postcode" not in errors:
        errors.setdefault("postcode", []).append(
            "Enter a postcode, an address or a description of the place, or choose a district"
        )

    occurred_on = v.clean_past_date(
        data.occurred_on, field="occurred_on", errors=errors, label="The date"
    )
    occurred_from = v.clean_past_date(
        data.occurred_from, field="occurred_from", errors=errors, label="The start of the period"
    )
    occurred_to = v.clean_past_date(
        data.occurred_to, field="occurred_to", errors=errors, label="The end of the period"
    )
    if occurred_from and occurred_to and occurred_from > occurred_to:
        errors.setdefault("occurred_to", []).append("The end of the period must be after its start")
    when_description = v.clean_text(
        data.when_description, field="when_description", errors=errors, label="when it happened"
    )

    how_known = v.check_how_known(data.how_known, errors=errors)
    for name in ("may_contact", "source_disclosable"):
        if not isinstance(getattr(data, name), bool):
            errors.setdefault(name, []).append("Select yes or no")

    for name in ("people", "vehicles", "identifiers"):
        if len(getattr(data, name) or []) > MAX_ITEMS:
            errors.setdefault(name, []).append(f"Add no more than {MAX_ITEMS} {name}")
    people = [
        v.clean_person(p, index=i, errors=errors)
        for i, p in enumerate((data.people or [])[:MAX_ITEMS])
    ]
    vehicles = [
        v.clean_vehicle(x, index=i, errors=errors)
        for i, x in enumerate((data.vehicles or [])[:MAX_ITEMS])
    ]
    identifiers = [
        v.clean_identifier(x, index=i, errors=errors)
        for i, x in enumerate((data.identifiers or [])[:MAX_ITEMS])
    ]

    if errors:
        raise ValidationError(errors)
    return CleanSubmission(
        themes=themes,
        district=district,
        people=people,
        vehicles=vehicles,
        identifiers=identifiers,
        data={
            "information": information,
            "postcode": postcode,
            "place_description": place,
            "lsoa_code": lsoa,
            "latitude": lat,
            "longitude": lon,
            "occurred_on": occurred_on,
            "occurred_from": occurred_from,
            "occurred_to": occurred_to,
            "when_description": when_description,
            "how_known": how_known,
            "may_contact": data.may_contact,
            "source_disclosable": data.source_disclosable,
        },
    )


@dataclass(frozen=True)
class SubmissionResult:
    submission: Submission
    created: bool  # False when an idempotency key returned an earlier submission


def submission_create(
    *,
    submitted_by: User,
    data: SubmissionInput,
    idempotency_key: str = "",
    now: datetime | None = None,
    notify: bool = True,
) -> SubmissionResult:
    """Validate, number and store a submission with its people, vehicles and identifiers.

    `notify` sends the acknowledgement and, for an urgent report, the analysts' alert (the demo
    loader, recreating past reports, turns both off).

    With an idempotency key, a retry returns the submission the first attempt created. The key
    is not looked up first: almost every key is new, so the store simply tries, and the unique
    key (user, key) refuses a repeat, which is then answered with the earlier submission.
    """
    if not submitted_by.has_role(Role.SUBMITTER):
        raise ValidationError("Only submitters can submit intelligence.")
    if idempotency_key and len(idempotency_key) > 200:
        raise ValidationError(
            {"idempotency_key": "Idempotency-Key must be 200 characters or fewer"}
        )
    try:
        clean = submission_validate(data)
    except ValidationError:
        # A retry is answered with the first submission even if the data no longer passes
        # (a theme retired since, say).
        earlier = _submission_for_key(submitted_by, idempotency_key) if idempotency_key else None
        if earlier is None:
            raise
        return SubmissionResult(earlier, created=False)
    findings = assess(
        clean.data["information"],
        clean.data["place_description"],
        *(p["description"] for p in clean.people),
    )
    try:
        submission = _submission_store(
            submitted_by, clean, findings, idempotency_key, now or timezone.now()
        )
    except IntegrityError:
        # The key was used before (or a concurrent retry with it won the race): answer with
        # its submission. Nothing of this attempt was kept, not even its reference number.
        earlier = _submission_for_key(submitted_by, idempotency_key) if idempotency_key else None
        if earlier is None:
            raise
        return SubmissionResult(earlier, created=False)
    if notify:
        transaction.on_commit(lambda: _send_acknowledgement(submission))
    if submission.urgent and notify:
        # Analysts on duty are told at once, by the worker; the submitter is not kept waiting.
        from .tasks import send_urgent_alert

        transaction.on_commit(lambda: send_urgent_alert.enqueue(submission.pk))
    return SubmissionResult(submission, created=True)


def _submission_for_key(user: User, key: str) -> Submission | None:
    ids = list(
        IdempotencyKey.objects.filter(user=user, key=key).values_list("submission_id", flat=True)[
            :1
        ]
    )
    return Submission.objects.get(pk=ids[0]) if ids else None


def _submission_store(
    user: User, clean: CleanSubmission, findings: list[Finding], key: str, now: datetime
) -> Submission:
    submission = Submission(
        reference="",
        submitted_by=user,
        organisation_id=user.organisation_id,
        district=clean.district,
        urgent=bool(findings),
        urgent_reasons=urgent_reasons_text(findings),
        created_at=now,
        target_at=assessment_target(
            now,
            urgent=bool(findings),
            working_days=settings.CSPHUB_TARGET_WORKING_DAYS,
            urgent_minutes=settings.CSPHUB_URGENT_TARGET_MINUTES,
        ),
        **clean.data,
    )
    summary = "Submitted" + (" (flagged urgent)" if findings else "")
    if connection.vendor == "postgresql":
        _store_in_one_statement(submission, user, clean, key, summary, now)
    else:
        _store_with_orm(submission, user, clean, key, summary, now)
    _remember_themes(submission, clean.themes)
    return submission


def urgent_reasons_text(findings: list[Finding]) -> str:
    """What the analyst reads: each reason with the wording that raised it."""
    return "; ".join(f.explanation.replace(";", ",") for f in findings)


_CHILDREN = (
    (SubmissionPerson, "people"),
    (SubmissionVehicle, "vehicles"),
    (SubmissionIdentifier, "identifiers"),
)


@transaction.atomic
def _store_with_orm(
    submission: Submission,
    user: User,
    clean: CleanSubmission,
    key: str,
    summary: str,
    now: datetime,
) -> None:
    """The short transaction. Validation and look-ups happened before it, and the reference
    is taken last, so concurrent submissions queue on the counter row only briefly."""
    submission.reference = f"pending-{uuid.uuid4().hex[:12]}"
    submission.save(force_insert=True)
    if key:
        IdempotencyKey.objects.create(user=user, key=key, submission=submission, created_at=now)
    Submission.themes.through.objects.bulk_create(
        Submission.themes.through(submission=submission, theme=theme) for theme in clean.themes
    )
    for model, name in _CHILDREN:
        items = getattr(clean, name)
        if items:
            model.objects.bulk_create(model(submission=submission, **item) for item in items)
    submission.reference = allocate_reference(timezone.localtime(now).year)
    Submission.objects.filter(pk=submission.pk).update(reference=submission.reference)
    audit_record(actor=user, action="created", obj=submission, summary=summary)


_NEW_ID = "(SELECT id FROM new_submission)"


def _store_in_one_statement(
    submission: Submission,
    user: User,
    clean: CleanSubmission,
    key: str,
    summary: str,
    now: datetime,
) -> None:
    """PostgreSQL: the same rows as _store_with_orm, written by a single statement of
    data-modifying common table expressions, so the database does it in one round trip and
    one implicit transaction. The reference counter row is locked only from inside this
    statement to its commit, and if anything fails (a repeated idempotency key, say) the whole
    statement is undone, its reference number included.

    The statement's text is the same for every submission (rows go as arrays, csphub.core.sql),
    so each connection prepares it once; values are converted by the models' own fields."""
    year = timezone.localtime(now).year
    reference_cte, reference_params, reference_sql, reference_expression_params = (
        next_reference_cte(year)
    )
    sql, values = insert_row(
        submission, expressions={"reference": reference_sql}, returning=("id", "reference")
    )
    parts = [reference_cte, f"new_submission AS ({sql})"]
    params: list = [*reference_params, *reference_expression_params, *values]

    children: list[tuple[type, list[dict]]] = [
        (IdempotencyKey, [{"user_id": user.pk, "key": key, "created_at": now}] if key else []),
        (Submission.themes.through, [{"theme_id": theme.pk} for theme in clean.themes]),
        *((model, getattr(clean, name)) for model, name in _CHILDREN),
    ]
    for n, (model, rows) in enumerate(children):
        sql, columns = insert_rows(model, rows, expressions={"submission_id": _NEW_ID})
        parts.append(f"part_{n} AS ({sql})")
        params += columns
    event = audit_event(
        actor=user, action="created", obj=submission, object_id="-", summary=summary
    )
    sql, values = insert_row(
        event, expressions={"object_id": "(SELECT reference FROM new_submission)"}
    )
    parts.append(f"audit AS ({sql})")
    params += values

    statement = "WITH " + ", ".join(parts) + " SELECT id, reference FROM new_submission"
    with prepared_cursor() as cursor:
        if connection.in_atomic_block:
            # Inside a caller's transaction: a savepoint, so a refused insert leaves it usable.
            with transaction.atomic():
                cursor.execute(statement, params)
                row = cursor.fetchone()
        else:
            cursor.execute(statement, params)
            row = cursor.fetchone()
    submission.pk, submission.reference = row
    submission._state.adding = False
    submission._state.db = connection.alias


def _remember_themes(submission: Submission, themes: list[Theme]) -> None:
    """Let `submission.themes.all()` answer from memory: callers showing the new submission
    (confirmation, API response, signposting) need not query what was just written."""
    cached = _themes_query(tuple(sorted(t.pk for t in themes))).all()
    cached._result_cache = sorted(themes, key=lambda t: (t.order, t.name))
    cached._prefetch_done = True
    submission._prefetched_objects_cache = {"themes": cached}


@lru_cache(maxsize=256)
def _themes_query(pks: tuple[int, ...]) -> QuerySet[Theme]:
    # Never evaluated itself: each use takes a copy, cheaper than building the filter again.
    return Theme.objects.filter(pk__in=pks).order_by("order", "name")


def _portal_link(name: str, reference: str) -> str:
    return settings.CSPHUB_BASE_URL.rstrip("/") + reverse(name, args=[reference])


def _send_acknowledgement(submission: Submission) -> None:
    """Email the reference. The intelligence itself is never put in an email."""
    user = submission.submitted_by
    if not user.email:
        return
    send_mail(
        subject=f"Intelligence received: {submission.reference}",
        message=(
            f"Dear {user.display_name},\n\n"
            f"Thank you. Your intelligence submission has been received.\n\n"
            f"Reference number: {submission.reference}\n\n"
            "What happens next: an intelligence analyst will assess it, usually within 3 working "
            "days. They may contact you through the portal if they need more information. "
            "Information may be sanitised and shared with partnership forums to identify and "
            "reduce risk.\n\n"
            f"See its progress: {_portal_link('intelligence:my_submission', submission.reference)}\n\n"
            "This portal does not replace 999 or 101. If someone is in immediate danger, call 999."
        ),
        from_email=None,
        recipient_list=[user.email],
        fail_silently=True,
    )


# ---- Triage ------------------------------------------------------------------------------

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


def _snapshot(submission: Submission) -> dict:
    values = {name: getattr(submission, name) for name in _TRACKED}
    values["assigned_to"] = submission.assigned_to.username if submission.assigned_to else None
    return values


def _require_analyst(user: User) -> None:
    if not user.has_role(Role.ANALYST):
        raise ValidationError("Only intelligence analysts can do this.")


def _save_and_audit(
    submission: Submission, *, actor: User, before: dict, summary: str, fields: list[str]
) -> None:
    submission.save(update_fields=[*fields, "updated_at"])
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


_ALLOWED_MOVES = {
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
        raise ValidationError(
            {
                "status": f"A submission that is {submission.get_status_display().lower()} "
                f"cannot be moved to {Status(status).label.lower() if status in Status.values else status}"
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
    errors: dict[str, list[str]] = {}
    if source_evaluation not in SourceEvaluation.values:
        errors["source_evaluation"] = ["Select the source evaluation (1, 2 or 3)"]
    if intelligence_assessment not in IntelligenceAssessment.values:
        errors["intelligence_assessment"] = ["Select the intelligence assessment (A to E)"]
    if handling_code not in HandlingCode.values:
        errors["handling_code"] = ["Select the handling code (P or C)"]
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


@transaction.atomic
def message_send(*, submission: Submission, author: User, body: str) -> Message:
    """Post to the thread between analysts and the originator, and email the other side."""
    errors: dict[str, list[str]] = {}
    body = v.clean_text(
        body,
        field="body",
        errors=errors,
        required=True,
        max_length=settings.CSPHUB_MAX_TEXT_LENGTH,
        label="your message",
    )
    if errors:
        raise ValidationError(errors)
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
    transaction.on_commit(lambda: _notify_message(message))
    return message


def _notify_message(message: Message) -> None:
    submission = message.submission
    if message.from_analyst:
        recipients = [submission.submitted_by.email] if submission.submitted_by.email else []
        link = _portal_link("intelligence:my_submission", submission.reference)
        text = (
            f"An intelligence analyst has a question about your submission {submission.reference}.\n\n"
            f"Read and answer it in the portal: {link}\n"
        )
    else:
        analyst = submission.assigned_to
        recipients = [analyst.email] if analyst and analyst.email else []
        link = _portal_link("intelligence:triage_detail", submission.reference)
        text = f"The originator has replied on {submission.reference}.\n\nRead it in the portal: {link}\n"
    if recipients:
        send_mail(
            subject=f"New message on {submission.reference}",
            message=text,
            from_email=None,
            recipient_list=recipients,
            fail_silently=True,
        )


@transaction.atomic
def note_add(*, submission: Submission, author: User, body: str) -> AnalystNote:
    _require_analyst(author)
    errors: dict[str, list[str]] = {}
    body = v.clean_text(
        body,
        field="body",
        errors=errors,
        required=True,
        max_length=settings.CSPHUB_MAX_TEXT_LENGTH,
        label="your note",
    )
    if errors:
        raise ValidationError(errors)
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
