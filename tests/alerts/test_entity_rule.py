"""Several submissions about one entity within the window raise one alert: at its boundaries."""

import pytest

from csphub.alerts.models import RuleKind
from tests.alerts.support import OTHER_PHONE, PHONE, alerts, only, reported

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def entity_rule(db):
    return only(RuleKind.ENTITY)  # at least 3 within 30 days, every kind but postcode


def test_the_default_rule_asks_for_three_submissions_within_thirty_days(entity_rule):
    assert (entity_rule.count, entity_rule.days) == (3, 30)
    assert "postcode" not in entity_rule.entity_kinds
    assert {"person", "phone", "vehicle", "email", "handle", "address"} <= set(
        entity_rule.entity_kinds
    )


def test_two_submissions_sharing_a_phone_raise_no_alert(submitter):
    reported(submitter, identifiers=[PHONE])
    reported(submitter, identifiers=[PHONE])
    assert alerts() == []


def test_the_third_submission_sharing_a_phone_raises_an_alert_naming_all_three(submitter):
    made = [reported(submitter, identifiers=[PHONE]) for _ in range(3)]
    [alert] = alerts()
    assert alert.status == "open"
    assert alert.subject == "Phone number: +447700900461"
    assert alert.entity.key == "+447700900461"
    assert set(alert.submissions.all()) == set(made)
    assert alert.observed_count == 3
    assert "3 submissions within 30 days mention Phone number: +447700900461" in alert.summary


def test_a_submission_just_outside_the_window_does_not_count(submitter):
    reported(submitter, identifiers=[PHONE], days_ago=30.01)
    reported(submitter, identifiers=[PHONE])
    reported(submitter, identifiers=[PHONE])
    assert alerts() == []


def test_a_submission_just_inside_the_window_counts(submitter):
    reported(submitter, identifiers=[PHONE], days_ago=29.9)
    reported(submitter, identifiers=[PHONE])
    reported(submitter, identifiers=[PHONE])
    assert len(alerts()) == 1


def test_different_phones_are_different_subjects(submitter):
    reported(submitter, identifiers=[PHONE])
    reported(submitter, identifiers=[PHONE])
    reported(submitter, identifiers=[OTHER_PHONE])
    assert alerts() == []


def test_a_vehicle_seen_three_times_raises_an_alert(submitter):
    for _ in range(3):
        reported(submitter, vehicles=[{"registration": "AB12 CDE", "make": "Ford"}])
    [alert] = alerts()
    assert alert.subject == "Vehicle: AB12CDE"


def test_postcodes_are_left_out_by_default(submitter):
    from csphub.geography.models import Postcode

    Postcode.objects.create(postcode="LE11 3AA", district_code="E07000130", lsoa_code="E01025123")
    for _ in range(3):
        reported(submitter, postcode="LE11 3AA")
    assert alerts() == []


def test_a_rule_limited_to_vehicles_ignores_phones(submitter, entity_rule):
    entity_rule.entity_kinds = ["vehicle"]
    entity_rule.save()
    for _ in range(3):
        reported(submitter, identifiers=[PHONE])
    assert alerts() == []


def test_a_rule_that_is_off_raises_nothing(submitter, entity_rule):
    entity_rule.active = False
    entity_rule.save()
    for _ in range(3):
        reported(submitter, identifiers=[PHONE])
    assert alerts() == []
