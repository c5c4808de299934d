"""The ASB Case Review (Community Trigger): three complaints in six months qualify, one
incident reported to several agencies counts once; the decision is due in ten working days;
a met threshold leads to a review and its recommendations; the year's published figures."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from csphub.cases.case_reviews import (
    Complaint,
    case_review_appeal,
    case_review_apply,
    case_review_decide,
    case_review_figures,
    case_review_meeting,
    case_reviews_visible_to,
    months_before,
    qualifying_complaints,
)
from tests.factories import district

pytestmark = pytest.mark.django_db

RECEIVED = date(2026, 12, 4)  # a Friday


def complaint(agency, reported_on, incident_on=None):
    return Complaint(agency, reported_on, incident_on or reported_on)


def apply(officer, complaints, **values):
    return case_review_apply(
        actor=officer,
        applicant="Ann Example",
        district=district("charnwood"),
        received_on=RECEIVED,
        complaints=complaints,
        **values,
    )


def test_six_calendar_months_before_keeps_to_the_end_of_a_short_month():
    assert months_before(date(2026, 12, 4), 6) == date(2026, 6, 4)
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)


def test_three_complaints_in_six_months_qualify_and_older_ones_do_not():
    complaints = [
        complaint("Council", date(2026, 6, 3)),  # a day too early
        complaint("Police", date(2026, 6, 4)),
        complaint("Council", date(2026, 9, 1)),
    ]
    assert qualifying_complaints(complaints, received_on=RECEIVED) == 2
    complaints.append(complaint("Housing", date(2026, 11, 30)))
    assert qualifying_complaints(complaints, received_on=RECEIVED) == 3


def test_one_incident_reported_to_several_agencies_counts_once():
    same_night = date(2026, 11, 1)
    complaints = [
        complaint("Police", same_night),
        complaint("Council", date(2026, 11, 2), same_night),
        complaint("Housing", date(2026, 11, 3), same_night),
    ]
    assert qualifying_complaints(complaints, received_on=RECEIVED) == 1


@override_settings(CSPHUB_ASB_REVIEW_COMPLAINTS=2)
def test_the_threshold_is_configurable(officer):
    review = apply(
        officer, [complaint("Police", date(2026, 10, 1)), complaint("Council", date(2026, 11, 1))]
    )
    assert review.threshold_met


def test_the_decision_is_due_in_ten_working_days(officer):
    review = apply(officer, [])
    assert review.decision_due == date(2026, 12, 18)
    assert not review.threshold_met and review.qualifying_complaints == 0


def test_a_met_threshold_leads_to_a_review_with_recommendations_and_an_appeal(officer):
    complaints = [
        complaint(a, date(2026, m, 1)) for a, m in (("Police", 9), ("Council", 10), ("Housing", 11))
    ]
    review = apply(officer, complaints)
    case_review_decide(actor=officer, review=review, decided_on=date(2026, 12, 10))
    assert review.outcome == "review"
    case_review_meeting(
        actor=officer, review=review, held_on=date(2026, 12, 17),
        recommendations=["Joint visit by police and housing", " ", "Noise monitoring"],
    )  # fmt: skip
    assert review.recommendations == ["Joint visit by police and housing", "Noise monitoring"]
    case_review_appeal(actor=officer, review=review, received_on=date(2027, 1, 5))
    assert review.appeal_received_on == date(2027, 1, 5)


def test_a_threshold_not_met_needs_a_reason_and_has_no_review(officer):
    review = apply(officer, [complaint("Police", date(2026, 11, 1))])
    with pytest.raises(ValidationError, match="why the threshold is not met"):
        case_review_decide(actor=officer, review=review, decided_on=date(2026, 12, 10))
    case_review_decide(
        actor=officer, review=review, decided_on=date(2026, 12, 10), reason="One complaint"
    )
    with pytest.raises(ValidationError, match="follows a decision that the threshold is met"):
        case_review_meeting(
            actor=officer, review=review, held_on=date(2026, 12, 17), recommendations=[]
        )


def test_the_years_figures_and_who_sees_the_applications(officer, housing_officer):
    met = [
        complaint(a, date(2026, m, 1)) for a, m in (("Police", 9), ("Council", 10), ("Housing", 11))
    ]
    reviewed = apply(officer, met)
    case_review_decide(actor=officer, review=reviewed, decided_on=date(2026, 12, 10))
    case_review_meeting(
        actor=officer, review=reviewed, held_on=date(2026, 12, 17), recommendations=["A visit"]
    )
    not_met = apply(officer, [])
    case_review_decide(actor=officer, review=not_met, decided_on=date(2026, 12, 10), reason="None")
    apply(officer, met)  # awaiting its decision
    assert case_review_figures(officer, 2026) == {
        "applications": 3, "threshold_not_met": 1, "reviews": 1, "with_recommendations": 1,
    }  # fmt: skip
    assert case_review_figures(officer, 2025)["applications"] == 0
    assert list(case_reviews_visible_to(housing_officer)) == []
    with pytest.raises(ValidationError, match="another organisation's"):
        case_review_decide(actor=housing_officer, review=not_met, decided_on=date(2026, 12, 11))
