"""Several submissions in one postcode sector, or one LSOA, within the window: at its boundaries."""

import pytest

from csphub.alerts.models import AreaType, RuleKind
from csphub.alerts.rules import sector_of
from tests.alerts.support import alerts, only, places, reported

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _places(db):
    places()


def test_the_sector_is_the_outward_code_and_the_first_digit_of_the_inward_code():
    assert sector_of("LE11 3AA") == "LE11 3"
    assert sector_of("LE1 1AB") == "LE1 1"
    assert sector_of("") == ""


def test_the_default_area_rules_ask_for_four_submissions_within_fourteen_days(db):
    for area in (AreaType.SECTOR, AreaType.LSOA):
        rule = only(RuleKind.AREA, area_type=area)
        assert (rule.count, rule.days) == (4, 14)


def test_three_submissions_in_one_sector_raise_no_alert(submitter):
    only(RuleKind.AREA, area_type=AreaType.SECTOR)
    for code in ("LE11 3AA", "LE11 3QF", "LE11 3XY"):
        reported(submitter, postcode=code)
    reported(submitter, postcode="LE11 2AB")  # next sector
    assert alerts() == []


def test_the_fourth_submission_in_one_sector_raises_an_alert(submitter):
    only(RuleKind.AREA, area_type=AreaType.SECTOR)
    made = [reported(submitter, postcode=code) for code in ("LE11 3AA", "LE11 3QF", "LE11 3XY")]
    made.append(reported(submitter, postcode="LE11 3AA"))
    [alert] = alerts()
    assert alert.subject == "Postcode sector LE11 3"
    assert alert.area_code == "LE11 3"
    assert set(alert.submissions.all()) == set(made)
    assert alert.district.name == "Charnwood"


def test_a_submission_just_outside_the_window_does_not_count(submitter):
    only(RuleKind.AREA, area_type=AreaType.SECTOR)
    reported(submitter, postcode="LE11 3AA", days_ago=14.01)
    for code in ("LE11 3AA", "LE11 3QF", "LE11 3XY"):
        reported(submitter, postcode=code)
    assert alerts() == []


def test_a_submission_just_inside_the_window_counts(submitter):
    only(RuleKind.AREA, area_type=AreaType.SECTOR)
    reported(submitter, postcode="LE11 3AA", days_ago=13.9)
    for code in ("LE11 3AA", "LE11 3QF", "LE11 3XY"):
        reported(submitter, postcode=code)
    assert len(alerts()) == 1


def test_four_submissions_in_one_lsoa_across_two_sectors_raise_an_lsoa_alert(submitter):
    only(RuleKind.AREA, area_type=AreaType.LSOA)
    for code in ("LE11 3AA", "LE11 3QF", "LE11 2AB"):
        reported(submitter, postcode=code)
    assert alerts() == []
    reported(submitter, postcode="LE11 2AB")
    [alert] = alerts()
    assert alert.subject == "LSOA E01025123"


def test_submissions_without_a_place_in_the_postcode_table_are_not_in_any_area(submitter):
    only(RuleKind.AREA, area_type=AreaType.LSOA)
    for _ in range(4):
        reported(submitter)  # a description of the place and a district only
    assert alerts() == []
