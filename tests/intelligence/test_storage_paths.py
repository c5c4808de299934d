"""PostgreSQL writes a submission with one hand-built statement, other databases with the ORM
(csphub.intelligence.services.storage; docs/adr/0005). Both must leave the same rows behind:
the same input is stored each way, on PostgreSQL, and every row of every table that changed is
compared, column by column, leaving out only ids and the timestamps taken at the moment of
writing."""

from datetime import UTC, date, datetime

import pytest
from django.apps import apps
from django.db import models, transaction

from csphub.audit.models import AuditEvent
from csphub.geography.models import Postcode
from csphub.intelligence.models import Submission
from csphub.intelligence.services import storage, submission_create
from tests.factories import submission_input

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db]

NOW = datetime(2026, 3, 4, 21, 15, tzinfo=UTC)

# Set at the moment of writing (auto_now, or a default of "now"), so the two paths differ.
WRITTEN_AT = {(Submission, "updated_at"), (AuditEvent, "at")}


class _Undo(Exception):
    pass


def _tables() -> dict[type[models.Model], dict]:
    return {
        model: {row["pk"]: row for row in model._base_manager.values("pk", *_columns(model))}
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed
    }


def _columns(model: type[models.Model]) -> list[str]:
    return [
        f.attname
        for f in model._meta.concrete_fields
        if not f.primary_key and (model, f.attname) not in WRITTEN_AT
    ]


def _written(before: dict, after: dict, submission_pk: int) -> dict[str, list[dict]]:
    """Rows added or changed, per table, without their generated ids; a reference to the new
    submission is written as "new submission"."""
    changes: dict[str, list[dict]] = {}
    for model, rows in after.items():
        changed = [row for pk, row in rows.items() if before[model].get(pk) != row]
        if not changed:
            continue
        generated_id = isinstance(model._meta.pk, models.AutoField)
        pointing_at_submission = {
            f.attname
            for f in model._meta.concrete_fields
            if f.is_relation and f.related_model is Submission
        }
        changes[model._meta.db_table] = sorted(
            (
                {
                    name: "new submission"
                    if name in pointing_at_submission and value == submission_pk
                    else value
                    for name, value in row.items()
                    if name != "pk" or not generated_id
                }
                for row in changed
            ),
            key=repr,
        )
    return changes


def _store(submitter, *, one_statement: bool, monkeypatch) -> tuple[dict, Submission]:
    """Store the submission one way, note what was written, then undo all of it (its reference
    number included), so the other way starts from the same database."""
    monkeypatch.setattr(storage, "uses_one_statement", lambda: one_statement)
    before = _tables()
    try:
        with transaction.atomic():
            submission = submission_create(
                submitted_by=submitter,
                data=submission_input(
                    themes=["county-lines", "anti-social-behaviour"],
                    information="He has a knife and is outside now, dealing from the flat.",
                    postcode="LE11 3AA",
                    place_description="Flat above the bakery; Market Street",
                    occurred_from=date(2026, 2, 1),
                    occurred_to=date(2026, 2, 28),
                    when_description="Most evenings",
                    people=[
                        {"name": "Jay", "role": "subject", "age": 17, "description": "Tall"},
                        {
                            "role": "victim",
                            "description": "Older woman",
                            "date_of_birth": date(2010, 5, 6),
                        },
                    ],
                    vehicles=[{"registration": "ab12 cde", "make": "Ford", "colour": "Silver"}],
                    identifiers=[
                        {"kind": "phone", "value": "07700 900123"},
                        {"kind": "social", "value": "@jay"},
                    ],
                ),
                idempotency_key="retry-1",
                now=NOW,
                notify=False,
            ).submission
            written = _written(before, _tables(), submission.pk)
            raise _Undo
    except _Undo:
        pass
    return written, submission


def test_both_storage_paths_write_the_same_rows_to_every_table(submitter, monkeypatch):
    Postcode.objects.create(
        postcode="LE11 3AA",
        district_code="E07000130",
        lsoa_code="E01025789",
        latitude=52.77,
        longitude=-1.2,
    )
    in_one_statement, first = _store(submitter, one_statement=True, monkeypatch=monkeypatch)
    with_orm, second = _store(submitter, one_statement=False, monkeypatch=monkeypatch)

    assert first.urgent and first.reference == second.reference  # the number was given back
    assert set(in_one_statement) == {
        "intelligence_submission",
        "intelligence_submission_themes",
        "intelligence_submissionperson",
        "intelligence_submissionvehicle",
        "intelligence_submissionidentifier",
        "intelligence_idempotencykey",
        "intelligence_referencecounter",
        "audit_auditevent",
    }
    assert len(in_one_statement["intelligence_submissionperson"]) == 2
    for table in in_one_statement:
        assert in_one_statement[table] == with_orm[table], table
    assert set(with_orm) == set(in_one_statement)


def test_both_storage_paths_hand_back_the_same_saved_submission(submitter, monkeypatch):
    _, first = _store(submitter, one_statement=True, monkeypatch=monkeypatch)
    _, second = _store(submitter, one_statement=False, monkeypatch=monkeypatch)
    for submission in (first, second):
        assert submission.pk is not None and not submission._state.adding
        assert submission._state.db == "default"
    assert [t.slug for t in first.themes.all()] == [t.slug for t in second.themes.all()]
