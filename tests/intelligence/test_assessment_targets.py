"""Every report has a target (3 working days; an hour when urgent), and overdue ones show."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from csphub.intelligence.services import message_send, submission_grade
from csphub.intelligence.targets import add_working_days, assessment_target, is_working_day
from tests.factories import make_submission

LONDON = ZoneInfo("Europe/London")


def at(*args):
    return datetime(*args, tzinfo=LONDON)


def test_three_working_days_from_a_monday_is_thursday_at_the_same_time():
    assert add_working_days(at(2026, 11, 30, 10, 15), 3) == at(2026, 12, 3, 10, 15)


def test_a_weekend_in_between_is_skipped():
    assert add_working_days(at(2026, 12, 4, 16, 0), 3) == at(
        2026, 12, 9, 16, 0
    )  # Friday -> Wednesday


def test_a_report_made_on_saturday_counts_from_monday_morning():
    assert add_working_days(at(2026, 12, 5, 22, 0), 3) == at(2026, 12, 10, 9, 0)


def test_bank_holidays_of_england_and_wales_are_not_working_days():
    assert not is_working_day(at(2026, 12, 25).date())  # Christmas Day, a Friday
    assert not is_working_day(at(2026, 12, 28).date())  # Boxing Day's substitute, Monday
    assert add_working_days(at(2026, 12, 24, 12, 0), 3) == at(2026, 12, 31, 12, 0)


def test_an_urgent_report_is_due_within_the_hour():
    created = at(2026, 12, 5, 22, 0)
    assert assessment_target(created, urgent=True) == created + timedelta(hours=1)


@pytest.mark.django_db
def test_a_new_submission_gets_its_target_and_is_not_yet_assessed(submitter):
    submission = make_submission(submitter)
    assert submission.target_at > submission.created_at
    assert submission.assessed_at is None
    assert not submission.overdue


@pytest.mark.django_db
def test_the_queue_flags_and_filters_reports_past_their_target(verified_client, submitter, analyst):
    late = make_submission(submitter, information="An old report")
    late.__class__.objects.filter(pk=late.pk).update(target_at=timezone.now() - timedelta(hours=1))
    fresh = make_submission(submitter, information="A new report")
    client = verified_client(analyst)
    page = client.get(reverse("intelligence:queue")).content.decode()
    assert "1 past target" in page
    assert page.count(">Overdue</strong>") == 1
    only = (
        client.get(reverse("intelligence:queue"), {"overdue": "yes"})
        .content.decode()
        .split("<table", 1)[1]
    )
    assert late.reference in only and fresh.reference not in only


@pytest.mark.django_db
def test_grading_or_asking_the_originator_meets_the_target(submitter, analyst):
    graded, asked = make_submission(submitter), make_submission(submitter)
    for s in (graded, asked):
        s.__class__.objects.filter(pk=s.pk).update(target_at=timezone.now() - timedelta(hours=1))
    submission_grade(
        submission=graded,
        source_evaluation="2",
        intelligence_assessment="B",
        handling_code="P",
        actor=analyst,
    )
    message_send(submission=asked, author=analyst, body="Which flat is it?")
    for s in (graded, asked):
        s.refresh_from_db()
        assert s.assessed_at is not None
        assert not s.overdue


@pytest.mark.django_db
def test_the_originator_sees_when_an_analyst_aims_to_assess_it(client, submitter):
    submission = make_submission(submitter)
    client.force_login(submitter)
    page = client.get(
        reverse("intelligence:my_submission", args=[submission.reference])
    ).content.decode()
    assert "aims to assess it by" in page
    assert timezone.localtime(submission.target_at).strftime("%H:%M") in page
