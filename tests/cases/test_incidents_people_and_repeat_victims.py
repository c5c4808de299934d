"""Incidents logged on a case, the people in it (one person in many cases), and repeat victims:
three incidents within 90 days in cases of one category where the person is a victim."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from csphub.cases.models import CaseEvent, CaseParty, Incident
from csphub.cases.services import case_close, case_party_add, incident_log

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 4, 10, tzinfo=UTC)


def log(officer, case, days_ago, **overrides):
    at = NOW - timedelta(days=days_ago)
    values = dict(
        actor=officer,
        case=case,
        occurred_at=at,
        reported_at=at + timedelta(hours=2),
        description="Loud music and shouting at the door.",
        now=NOW,
    )
    values.update(overrides)
    return incident_log(**values)


def repeat_events(case):
    return list(
        CaseEvent.objects.filter(case=case, kind="repeat_victim").values_list("text", flat=True)
    )


def test_an_incident_is_logged_on_the_timeline(open_case, officer):
    case = open_case(now=NOW)
    incident = log(officer, case, 1, police_incident_number="llr-2026-1234")
    assert incident.police_incident_number == "LLR-2026-1234"
    assert CaseEvent.objects.filter(case=case, kind="incident").count() == 1


@pytest.mark.parametrize(
    ("occurred", "reported", "field"),
    [
        (NOW + timedelta(hours=1), NOW + timedelta(hours=2), "occurred_at"),
        (NOW - timedelta(days=1), NOW - timedelta(days=2), "reported_at"),
    ],
)
def test_impossible_times_are_refused_and_nothing_is_written(
    open_case, officer, occurred, reported, field
):
    case = open_case(now=NOW)
    with pytest.raises(ValidationError) as raised:
        incident_log(
            actor=officer,
            case=case,
            occurred_at=occurred,
            reported_at=reported,
            description="x",
            now=NOW,
        )
    assert field in raised.value.message_dict
    assert not Incident.objects.exists()


def test_one_person_can_be_in_many_cases(open_case, officer):
    first, second = open_case(now=NOW), open_case(now=NOW)
    victim = case_party_add(actor=officer, case=first, role="victim", name="Ann Example")
    case_party_add(actor=officer, case=second, role="witness", person=victim.person)
    assert CaseParty.objects.filter(person=victim.person).count() == 2


def test_a_third_incident_within_ninety_days_makes_a_repeat_victim(open_case, officer):
    case = open_case(now=NOW)
    case_party_add(actor=officer, case=case, role="victim", name="Ann Example", now=NOW)
    log(officer, case, 120)  # outside the 90 days
    log(officer, case, 60)
    log(officer, case, 30)
    assert repeat_events(case) == []
    log(officer, case, 2)
    assert repeat_events(case) == ["Ann Example is a repeat victim: 3 incidents in 90 days"]
    log(officer, case, 1)
    assert len(repeat_events(case)) == 1  # found once


def test_incidents_of_her_other_cases_of_the_category_count(open_case, officer):
    first, second = open_case(now=NOW), open_case(now=NOW)
    ann = case_party_add(actor=officer, case=first, role="victim", name="Ann Example", now=NOW)
    log(officer, first, 10)
    log(officer, first, 5)
    case_party_add(actor=officer, case=second, role="victim", person=ann.person, now=NOW)
    assert repeat_events(second) == []
    log(officer, second, 1)
    assert repeat_events(second) == ["Ann Example is a repeat victim: 3 incidents in 90 days"]


def test_a_closed_case_takes_no_more_incidents(open_case, officer):
    case = open_case(now=NOW)
    case_close(actor=officer, case=case, reason="Perpetrator moved away", victim_satisfaction=4)
    assert case.status == "closed" and case.next_review_due is None
    with pytest.raises(ValidationError, match="closed"):
        log(officer, case, 1)


@pytest.mark.parametrize(("reason", "satisfaction"), [("", None), ("Resolved", 6)])
def test_closing_needs_a_reason_and_a_satisfaction_from_one_to_five(
    open_case, officer, reason, satisfaction
):
    case = open_case(now=NOW)
    with pytest.raises(ValidationError):
        case_close(actor=officer, case=case, reason=reason, victim_satisfaction=satisfaction)
