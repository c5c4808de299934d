"""Storing a checked submission: both ways of writing the same rows.

On PostgreSQL one statement writes everything (intelligence/sql.py, docs/adr/0005): the
submission, its idempotency key, themes, people, vehicles, identifiers, reference number, audit
event and the queue row of its follow-up task (intelligence/follow_up.py, docs/adr/0008).
Elsewhere the ORM writes the same rows in a short transaction. Either way the
caller gets the saved submission, numbered, with its themes in memory.

The statement writes rows without Model.save() and without signals: a model it writes must not
rely on either (tests/intelligence/test_fast_path_models.py fails if one starts to).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.db import connection, models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from csphub.audit.services import audit_event, audit_record
from csphub.core.orm import instance_mark_saved, instance_set_prefetched

from .. import sql
from ..follow_up import follow_up_enqueue, follow_up_in_commit, follow_up_task_row
from ..models import (
    IdempotencyKey,
    Submission,
    SubmissionIdentifier,
    SubmissionPerson,
    SubmissionVehicle,
    Theme,
)
from ..references import allocate_reference, reference_prefix

if TYPE_CHECKING:
    from .submissions import CleanSubmission

_CHILDREN: tuple[tuple[type[models.Model], str], ...] = (
    (SubmissionPerson, "people"),
    (SubmissionVehicle, "vehicles"),
    (SubmissionIdentifier, "identifiers"),
)

# Every model a submission writes a row of, on either path (with the audit event and the
# reference counter): what the tests that compare the paths, and guard the fast one, look at.
SUBMISSION_MODELS: tuple[type[models.Model], ...] = (
    Submission,
    IdempotencyKey,
    Submission.themes.through,
    *(model for model, _ in _CHILDREN),
)


def uses_one_statement() -> bool:
    """Whether this database takes the one-statement insert (PostgreSQL)."""
    return connection.vendor == "postgresql"


def submission_store(
    *,
    submission: Submission,
    clean: CleanSubmission,
    idempotency_key: str,
    summary: str,
    now: datetime,
    notify: bool = False,
) -> Submission:
    """Save `submission` (built, not yet saved) with the rows of `clean`, number it, record it
    in the audit trail with `summary` and queue its follow-up (`notify`: with the emails). A
    repeated idempotency key raises IntegrityError and leaves nothing behind, its reference
    number and follow-up included."""
    store = submission_store_in_one_statement if uses_one_statement() else submission_store_with_orm
    store(
        submission=submission,
        clean=clean,
        idempotency_key=idempotency_key,
        summary=summary,
        now=now,
        notify=notify,
    )
    _remember_themes(submission, clean.themes)
    return submission


@transaction.atomic
def submission_store_with_orm(
    *,
    submission: Submission,
    clean: CleanSubmission,
    idempotency_key: str,
    summary: str,
    now: datetime,
    notify: bool = False,
) -> None:
    """The short transaction. Validation and look-ups happened before it, and the reference
    is taken last, so concurrent submissions queue on the counter row only briefly."""
    user = submission.submitted_by
    submission.reference = f"pending-{uuid.uuid4().hex[:12]}"
    submission.save(force_insert=True)
    if idempotency_key:
        IdempotencyKey.objects.create(
            user=user, key=idempotency_key, submission=submission, created_at=now
        )
    Submission.themes.through.objects.bulk_create(
        Submission.themes.through(submission=submission, theme=theme) for theme in clean.themes
    )
    for model, name in _CHILDREN:
        items = getattr(clean, name)
        if items:
            model._default_manager.bulk_create(
                [model(submission=submission, **item) for item in items]
            )
    submission.reference = allocate_reference(timezone.localtime(now).year)
    Submission.objects.filter(pk=submission.pk).update(reference=submission.reference)
    audit_record(actor=user, action="created", obj=submission, summary=summary)
    follow_up_enqueue(submission=submission, notify=notify)


def submission_store_in_one_statement(
    *,
    submission: Submission,
    clean: CleanSubmission,
    idempotency_key: str,
    summary: str,
    now: datetime,
    notify: bool = False,
) -> None:
    """PostgreSQL: the same rows as submission_store_with_orm, written by a single statement
    (intelligence.sql.submission_insert), so the database does it in one round trip and one
    implicit transaction. The reference counter row is locked only from inside this statement
    to its commit. Values are converted by the models' own fields."""
    user = submission.submitted_by
    backend = follow_up_in_commit()
    key_rows: list[dict[str, Any]] = (
        [{"user_id": user.pk, "key": idempotency_key, "created_at": now}] if idempotency_key else []
    )
    rows = sql.SubmissionRows(
        children=[
            (IdempotencyKey, key_rows),
            (Submission.themes.through, [{"theme_id": theme.pk} for theme in clean.themes]),
            *((model, getattr(clean, name)) for model, name in _CHILDREN),
        ],
        audit=audit_event(
            actor=user, action="created", obj=submission, object_id="-", summary=summary
        ),
        follow_up=(follow_up_task_row(backend), notify) if backend is not None else None,
    )
    year = timezone.localtime(now).year
    submission.pk, submission.reference = sql.submission_insert(
        submission, rows, year=year, reference_prefix=reference_prefix(year)
    )
    instance_mark_saved(submission, using=connection.alias)
    if backend is None:
        follow_up_enqueue(submission=submission, notify=notify)


def _remember_themes(submission: Submission, themes: list[Theme]) -> None:
    """Let `submission.themes.all()` answer from memory: callers showing the new submission
    (confirmation, API response, signposting) need not query what was just written."""
    instance_set_prefetched(
        submission,
        "themes",
        _themes_query(tuple(sorted(t.pk for t in themes))).all(),
        sorted(themes, key=lambda t: (t.order, t.name)),
    )


@lru_cache(maxsize=256)
def _themes_query(pks: tuple[int, ...]) -> QuerySet[Theme]:
    # Never evaluated itself: each use takes a copy, cheaper than building the filter again.
    return Theme.objects.filter(pk__in=pks).order_by("order", "name")
