"""Interventions follow their rules, checked with a clear message: a CPN needs a CPW first,
a civil injunction is for people aged 10 or over and lasts at most 12 months for under-18s, a
CBO needs a conviction, a closure notice lasts 24 hours (48 extended), a closure order 3 months
(6 extended), a PSPO is for a place, up to 3 years, consulted on. A CPN's appeal is due within
21 days; breaches are recorded with their evidence."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from csphub.cases.models import CaseEvent, InterventionType
from csphub.cases.selectors import cases_due_for_review, interventions_ending
from csphub.cases.services import breach_record, case_party_add, intervention_issue

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 4)
NOW = datetime(2026, 12, 4, 10, tzinfo=UTC)


def kind(key):
    return InterventionType.objects.get(key=key)


@pytest.fixture
def case(open_case):
    return open_case(now=NOW)


@pytest.fixture
def perpetrator(case, officer):
    def make(age=30):
        born = date(TODAY.year - age, 1, 1)
        return case_party_add(
            actor=officer,
            case=case,
            role="perpetrator",
            name="Dan Example",
            date_of_birth=born,
            now=NOW,
        )

    return make


def issue(officer, case, key, **values):
    values.setdefault("issued_on", TODAY)
    return intervention_issue(actor=officer, case=case, type=kind(key), now=NOW, **values)


def refused(officer, case, key, **values) -> dict:
    with pytest.raises(ValidationError) as raised:
        issue(officer, case, key, **values)
    return raised.value.message_dict


def test_the_shipped_types_are_in_their_usual_escalation():
    assert list(InterventionType.objects.values_list("key", flat=True)) == [
        "warning-letter", "abc", "cpw", "cpn", "civil-injunction", "cbo", "closure-notice",
        "closure-order", "pspo",
    ]  # fmt: skip


def test_a_cpn_needs_a_cpw_first_and_its_appeal_is_due_in_21_days(officer, case, perpetrator):
    dan = perpetrator()
    assert refused(officer, case, "cpn", subject=dan) == {
        "type": ["A Community Protection Notice needs a Community Protection Warning given to "
                 "the person first"]
    }  # fmt: skip
    issue(officer, case, "cpw", subject=dan, issued_on=TODAY - timedelta(days=14))
    notice = issue(officer, case, "cpn", subject=dan)
    assert notice.appeal_by == date(2026, 12, 25)


@pytest.mark.parametrize(("age", "ok"), [(9, False), (10, True)])
def test_a_civil_injunction_is_for_people_aged_ten_or_over(officer, case, perpetrator, age, ok):
    values = dict(subject=perpetrator(age), ends_on=TODAY + timedelta(days=90))
    if ok:
        issue(officer, case, "civil-injunction", **values)
    else:
        assert refused(officer, case, "civil-injunction", **values) == {
            "subject": ["A civil injunction is for people aged 10 or over"]
        }


@pytest.mark.parametrize(("days", "ok"), [(365, True), (366, False)])
def test_an_under_18s_injunction_lasts_at_most_twelve_months(officer, case, perpetrator, days, ok):
    values = dict(subject=perpetrator(16), ends_on=TODAY + timedelta(days=days))
    if ok:
        issue(officer, case, "civil-injunction", **values)
    else:
        assert refused(officer, case, "civil-injunction", **values) == {
            "ends_on": ["A civil injunction lasts at most 12 months for someone under 18"]
        }


def test_an_adults_injunction_may_last_longer(officer, case, perpetrator):
    issue(officer, case, "civil-injunction", subject=perpetrator(30), ends_on=date(2028, 12, 4))


def test_a_cbo_is_made_only_on_conviction(officer, case, perpetrator):
    dan = perpetrator()
    assert "conviction" in refused(officer, case, "cbo", subject=dan)
    issue(officer, case, "cbo", subject=dan, conviction_recorded=True)


@pytest.mark.parametrize(
    ("hours", "extended", "ok"), [(24, False, True), (25, False, False), (48, True, True),
                                  (49, True, False)]
)  # fmt: skip
def test_a_closure_notice_lasts_24_hours_or_48_extended(officer, case, hours, extended, ok):
    values = dict(hours=hours, extended=extended)
    if ok:
        issue(officer, case, "closure-notice", **values)
    else:
        assert "hours" in refused(officer, case, "closure-notice", **values)


@pytest.mark.parametrize(
    ("days", "extended", "message"),
    [(92, False, None), (93, False, "at most 3 months"), (184, True, None),
     (185, True, "at most 6 months with its extension")],
)  # fmt: skip
def test_a_closure_order_lasts_three_months_or_six_at_most(officer, case, days, extended, message):
    values = dict(ends_on=TODAY + timedelta(days=days), extended=extended)
    if message is None:
        issue(officer, case, "closure-order", **values)
    else:
        assert message in refused(officer, case, "closure-order", **values)["ends_on"][0]


def test_a_pspo_is_for_a_place_up_to_three_years_with_its_consultation(officer, case, perpetrator):
    three_years = dict(ends_on=TODAY + timedelta(days=1096), consultation_recorded=True)
    assert refused(officer, case, "pspo", ends_on=TODAY + timedelta(days=1097)) == {
        "consultation": ["A Public Spaces Protection Order needs its consultation recorded"],
        "ends_on": ["A Public Spaces Protection Order lasts at most 3 years"],
    }
    assert "subject" in refused(officer, case, "pspo", subject=perpetrator(), **three_years)
    issue(officer, case, "pspo", **three_years)


def test_a_breach_is_recorded_within_the_interventions_dates(officer, case, perpetrator):
    order = issue(
        officer, case, "abc", subject=perpetrator(), issued_on=TODAY - timedelta(days=30),
        ends_on=TODAY + timedelta(days=150),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="before the intervention starts"):
        breach_record(
            actor=officer, intervention=order, occurred_on=TODAY - timedelta(days=31),
            evidence="Seen at the door", now=NOW,
        )  # fmt: skip
    breach_record(
        actor=officer, intervention=order, occurred_on=TODAY - timedelta(days=2),
        evidence="Seen at the door by a neighbour", action_taken="Warning letter", now=NOW,
    )  # fmt: skip
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds[-2:] == ["intervention", "breach"]


def test_the_caseload_lists_interventions_ending_soon_and_reviews_due(
    officer, case, perpetrator, housing_officer
):
    issue(officer, case, "abc", subject=perpetrator(), ends_on=TODAY + timedelta(days=20))
    assert [i.type.key for i in interventions_ending(officer, today=TODAY)] == ["abc"]
    assert list(interventions_ending(officer, today=TODAY, within_days=10)) == []
    assert list(interventions_ending(housing_officer, today=TODAY)) == []
    assert list(cases_due_for_review(officer, today=TODAY)) == []
