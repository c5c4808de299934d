"""A mention keeps the day its report was received: ages are compared as of then, however late
the report is linked, and a name block's candidates are read without the submissions."""

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from csphub.entities.models import Link, Mention
from csphub.entities.services import submission_link
from csphub.intelligence.models import Submission
from tests.factories import make_submission


def kevin(age):
    return {"name": "Kevin Dunn", "role": "subject", "age": age}


def received_on(submission, day):
    Submission.objects.filter(pk=submission.pk).update(
        created_at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    )


@pytest.mark.django_db
def test_a_mention_is_dated_by_its_report_not_by_when_it_was_linked(submitter):
    submission = make_submission(submitter, people=[kevin(30)])
    received_on(submission, date(2020, 5, 1))
    submission_link(submission_id=submission.pk, now=datetime(2026, 12, 1, tzinfo=UTC))
    assert set(Mention.objects.values_list("seen_on", flat=True)) == {date(2020, 5, 1)}


@pytest.mark.django_db
def test_ages_are_compared_as_of_each_reports_day(submitter):
    """Aged 30 in 2020 is aged 36 in 2026: the same person, though the ages differ."""
    earlier = make_submission(submitter, people=[kevin(30)])
    received_on(earlier, date(2020, 5, 1))
    submission_link(submission_id=earlier.pk)
    later = make_submission(submitter, people=[kevin(36)])
    submission_link(submission_id=later.pk)
    assert Link.objects.filter(low=earlier, high=later).exists()


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_day_from_the_submissions(submitter):
    submission = make_submission(submitter, people=[kevin(30)])
    submission_link(submission_id=submission.pk)
    received_on(submission, date(2021, 3, 9))
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([("entities", "0002_namekey_narrow")])
        executor.loader.build_graph()
        executor.migrate([("entities", "0003_mention_seen_on")])
        days = set(Mention.objects.values_list("seen_on", flat=True))
        assert days == {date(2021, 3, 9)}
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
