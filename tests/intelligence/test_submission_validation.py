"""The submission service checks every field once, for the form and the API alike, and
saves nothing when anything is wrong."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from csphub.geography.models import Postcode
from csphub.intelligence.models import Submission
from csphub.intelligence.services import submission_create
from tests.factories import UserFactory, make_submission, submission_input

pytestmark = pytest.mark.django_db


def errors_for(user, **overrides) -> dict:
    with pytest.raises(ValidationError) as error:
        submission_create(submitted_by=user, data=submission_input(**overrides), notify=False)
    assert Submission.objects.count() == 0
    return error.value.message_dict


def test_unknown_and_missing_themes_are_refused(submitter):
    assert errors_for(submitter, themes=["not-a-theme"])["themes"] == ["Unknown theme: not-a-theme"]
    assert errors_for(submitter, themes=[])["themes"] == ["Select at least one theme"]


def test_text_over_the_limit_is_refused_with_the_limit_named(submitter):
    message = errors_for(submitter, information="x" * 10_001)["information"][0]
    assert "10,000 characters or fewer" in message


def test_invalid_postcodes_are_refused(submitter):
    for bad in ["LE11", "12345", "LE11 3AAA", "<b>LE1</b>"]:
        assert errors_for(submitter, postcode=bad)["postcode"] == [
            "Enter a real UK postcode, like LE11 3AA"
        ]


def test_a_place_is_needed(submitter):
    assert "postcode" in errors_for(submitter, postcode="", place_description="", district_code="")


def test_future_dates_and_back_to_front_periods_are_refused(submitter):
    tomorrow = date.today() + timedelta(days=1)
    assert "occurred_on" in errors_for(submitter, occurred_on=tomorrow)
    assert "occurred_to" in errors_for(
        submitter, occurred_from=date(2026, 3, 2), occurred_to=date(2026, 3, 1)
    )


def test_people_vehicles_and_identifiers_are_checked_item_by_item(submitter):
    errors = errors_for(
        submitter,
        people=[{"name": "Ann", "role": "boss"}, {"role": "victim", "age": 300, "name": "Bo"}],
        vehicles=[{"registration": "AB12 CD$"}],
        identifiers=[
            {"kind": "phone", "value": "call me"},
            {"kind": "email", "value": "not-an-email"},
            {"kind": "pager", "value": "123"},
        ],
    )
    assert set(errors) >= {
        "people[0].role",
        "people[1].age",
        "vehicles[0].registration",
        "identifiers[0].value",
        "identifiers[1].value",
        "identifiers[2].kind",
    }


def test_how_known_and_the_yes_no_questions_are_required(submitter):
    errors = errors_for(submitter, how_known="guess", may_contact=None, source_disclosable="yes")
    assert set(errors) >= {"how_known", "may_contact", "source_disclosable"}


def test_only_submitters_can_submit():
    analyst_only = UserFactory(roles=["analyst"])
    with pytest.raises(ValidationError):
        submission_create(submitted_by=analyst_only, data=submission_input(), notify=False)


def test_the_postcode_gives_the_district_and_lsoa(submitter):
    Postcode.objects.create(
        postcode="LE13 0AA",
        lsoa_code="E01025900",
        district_code="E07000133",
        latitude=52.76,
        longitude=-0.88,
    )
    submission = make_submission(submitter, postcode="le130aa", district_code="")
    assert submission.postcode == "LE13 0AA"
    assert submission.district.name == "Melton"
    assert submission.lsoa_code == "E01025900"
    assert submission.latitude == pytest.approx(52.76)


def test_a_valid_postcode_missing_from_the_table_is_kept_without_a_district(submitter):
    submission = make_submission(submitter, postcode="ZE1 0AA", district_code="")
    assert submission.postcode == "ZE1 0AA" and submission.district is None


def test_registrations_and_emails_are_normalised(submitter):
    submission = make_submission(
        submitter,
        vehicles=[{"registration": "fv19 xkt", "colour": "Red"}],
        identifiers=[{"kind": "email", "value": "Someone@Example.ORG"}],
    )
    assert submission.vehicles.get().registration == "FV19XKT"
    assert submission.identifiers.get().value == "someone@example.org"


def test_nul_characters_are_refused_rather_than_stored(submitter):
    assert "information" in errors_for(submitter, information="abc\x00def")


def test_every_text_limit_matches_its_column(submitter):
    errors = errors_for(
        submitter,
        vehicles=[{"registration": "AB12CDE", "colour": "c" * 41}],
        people=[{"name": "n" * 201, "role": "subject"}],
    )
    assert "vehicles[0].colour" in errors and "people[0].name" in errors
