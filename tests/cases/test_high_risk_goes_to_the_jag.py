"""A high-risk case is referred to its district's JAG automatically, once: on opening, or at
the review that first finds it high; the review dates follow the level."""

from datetime import UTC, date, datetime, timedelta

import pytest

from csphub.cases.models import CaseEvent
from csphub.cases.services import risk_review
from tests.cases.conftest import HIGH, MEDIUM, answers

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 4, 10, tzinfo=UTC)


def referrals(case):
    return list(CaseEvent.objects.filter(case=case, kind="referral").values_list("text", flat=True))


def test_a_case_opened_at_high_risk_is_referred_at_once(open_case):
    case = open_case(*HIGH, "property", now=NOW)
    assert case.risk_level == "high" and case.jag_referred_at == NOW
    assert referrals(case) == ["High risk: referred to the Charnwood JAG"]
    assert case.next_review_due == date(2026, 12, 18)  # high: 14 days


def test_a_review_that_finds_high_risk_refers_the_case(open_case, officer):
    case = open_case(*MEDIUM, now=NOW)
    assert referrals(case) == []
    later = NOW + timedelta(days=20)
    risk_review(actor=officer, case=case, answers=answers(*HIGH, "property"), now=later)
    case.refresh_from_db()
    assert case.jag_referred_at == later and len(referrals(case)) == 1
    assert case.next_review_due == date(2027, 1, 7)  # a new level: its first interval, 14 days


def test_a_case_is_referred_once_however_many_high_reviews(open_case, officer):
    case = open_case(*HIGH, "property", now=NOW)
    for days in (14, 42):
        risk_review(
            actor=officer, case=case, answers=answers(*HIGH, "property"), now=NOW + timedelta(days)
        )
    assert len(referrals(case)) == 1


def test_reviews_at_the_same_level_take_the_next_interval(open_case, officer):
    case = open_case(*HIGH, "property", now=NOW)
    due = []
    at = NOW
    for _ in range(4):
        at = at + timedelta(days=14)
        risk_review(actor=officer, case=case, answers=answers(*HIGH, "property"), now=at)
        case.refresh_from_db()
        due.append((case.next_review_due - at.date()).days)
    assert due == [28, 56, 56, 56]


def test_a_standard_risk_case_has_no_scheduled_review(open_case):
    case = open_case(now=NOW)
    assert case.risk_level == "standard" and case.next_review_due is None
