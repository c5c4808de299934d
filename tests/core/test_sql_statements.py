"""The hand-built statements on the submission path: constant text, prepared once on
PostgreSQL, rows converted as the ORM converts them."""

import pytest
from django.db import connection

from csphub.accounts.models import User
from csphub.core.sql import (
    _numbered,
    fetch_all,
    insert_row,
    insert_rows,
    instance_from_row,
    select_columns,
)
from csphub.intelligence.models import Submission, SubmissionVehicle
from tests.factories import make_submission


def test_placeholders_are_numbered_in_order():
    assert _numbered("SELECT %s, %s FROM t WHERE x = %s") == "SELECT $1, $2 FROM t WHERE x = $3"


def test_a_literal_percent_sign_is_refused_rather_than_misnumbered():
    with pytest.raises(ValueError):
        _numbered("SELECT '100%%' WHERE x = %s")


def test_the_insert_of_many_rows_has_the_same_text_for_any_number_of_rows():
    none, _ = insert_rows(SubmissionVehicle, [], expressions={"submission_id": "1"})
    three, columns = insert_rows(
        SubmissionVehicle, [{"registration": "AB12CDE"}] * 3, expressions={"submission_id": "1"}
    )
    assert none == three
    assert all(len(column) == 3 for column in columns)


def test_a_field_missing_from_a_row_gets_its_default():
    _, columns = insert_rows(
        SubmissionVehicle, [{"registration": "AB12CDE"}], expressions={"submission_id": "1"}
    )
    assert columns == [["AB12CDE"], [""], [""], [""]]  # registration, make, model, colour


@pytest.mark.django_db
def test_an_instance_from_a_row_has_the_types_the_orm_gives(submitter):
    sql = f"SELECT {select_columns(User)} FROM {User._meta.db_table} WHERE id = %s"
    user = instance_from_row(User, fetch_all(sql, [submitter.pk])[0])
    expected = User.objects.get(pk=submitter.pk)
    assert user.is_active is True and user.is_superuser is False
    assert user.date_joined == expected.date_joined
    assert user.username == expected.username and not user._state.adding


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_the_submission_insert_is_prepared_once_per_connection(submitter):
    for _ in range(3):
        make_submission(submitter)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s",
            ["WITH next_reference%"],
        )
        assert len(cursor.fetchall()) == 1


@pytest.mark.django_db
def test_a_row_has_the_values_the_fields_themselves_would_write(submitter):
    submission = Submission(
        reference="",
        submitted_by=submitter,
        information="Seen at 10pm",
        how_known="first_hand",
        may_contact=True,
        source_disclosable=False,
        latitude=52.6,
        urgent=True,
    )
    _, values = insert_row(submission, expressions={"reference": "'x'"})
    fields = [
        f
        for f in Submission._meta.local_concrete_fields
        if f is not Submission._meta.auto_field and f.attname != "reference"
    ]
    expected = [
        f.get_db_prep_save(f.pre_save(submission, True), connection=connection) for f in fields
    ]
    stamped = [
        n for n, f in enumerate(fields) if getattr(f, "auto_now", False)
    ]  # differ by microseconds
    assert [v for n, v in enumerate(values) if n not in stamped] == [
        v for n, v in enumerate(expected) if n not in stamped
    ]


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_with_prepared_statements_turned_off_submissions_are_still_stored(submitter):
    def prepared() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_prepared_statements")
            return cursor.fetchone()[0]

    connection.ensure_connection()
    threshold = connection.connection.prepare_threshold
    connection.connection.prepare_threshold = None  # what DB_PREPARED_STATEMENTS=false sets
    try:
        before = prepared()
        first, second = make_submission(submitter), make_submission(submitter)
        assert prepared() == before
    finally:
        connection.connection.prepare_threshold = threshold
    assert first.reference < second.reference
