"""Evaluating the rules for a new submission is a handful of indexed queries, however many
rules it meets, and it runs in the linking task the worker already runs."""

import pytest
from django.db import connection

from csphub.alerts.services import alerts_evaluate
from tests.alerts.support import PHONE, alerts, places, reported
from tests.factories import make_submission

pytestmark = pytest.mark.django_db


def test_a_submission_that_meets_no_rule_costs_a_few_queries(
    submitter, django_assert_max_num_queries
):
    places()
    submission = reported(submitter, identifiers=[PHONE], postcode="LE11 3AA")
    # Rules, the submission, its mentions, their window, two areas, its themes, the theme
    # counts: eight, and the savepoint around them.
    with django_assert_max_num_queries(10):
        assert alerts_evaluate(submission_id=submission.pk) == []


def test_the_task_chain_after_commit_raises_the_alert(
    submitter, django_capture_on_commit_callbacks
):
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            make_submission(submitter, identifiers=[PHONE])
    assert any(a.entity and a.entity.kind == "phone" for a in alerts())


@pytest.mark.postgres_only
def test_the_area_look_ups_can_use_their_indexes(submitter):
    places()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM intelligence_submission "
            "WHERE postcode::text LIKE 'LE11 3%%' AND created_at >= now() - interval '14 days'"
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "alerts_sub_postcode_created" in plan


@pytest.mark.postgres_only
def test_the_theme_counts_have_indexes_that_cover_them(db):
    """Whether the planner uses them depends on the data (benchmarks/link.py measures it at a
    million: 166 ms to 38 ms); here, that they exist with the columns the count reads."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN "
            "('alerts_sub_district_created_id', 'alerts_theme_submission', "
            "'alerts_sub_district_created')"
        )
        indexes = dict(cursor.fetchall())
    assert set(indexes) == {"alerts_sub_district_created_id", "alerts_theme_submission"}
    assert "(district_id, created_at) INCLUDE (id)" in indexes["alerts_sub_district_created_id"]
    assert "(theme_id, submission_id)" in indexes["alerts_theme_submission"]
