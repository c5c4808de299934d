"""A report is placed in the partnership: postcodes are checked against the imported table, the
district it reaches is shown before and after sending, and an analyst can correct it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from csphub.audit.models import AuditEvent
from csphub.geography.models import Postcode
from csphub.intelligence.services import submission_create, submission_set_district
from tests.factories import district, make_submission, submission_input
from tests.intelligence.test_submission_journey import step, walk_to_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def postcodes():
    for code, lad in (
        ("LE11 3AA", "E07000130"),
        ("LE11 3QF", "E07000130"),
        ("LE13 0AA", "E07000133"),
        ("NG10 1AA", "E07000032"),
    ):  # the last: Erewash, on the border, outside
        Postcode.objects.create(postcode=code, district_code=lad, lsoa_code="E01000001")


def refused(submitter, **overrides):
    with pytest.raises(ValidationError) as caught:
        submission_create(submitted_by=submitter, data=submission_input(**overrides))
    return " ".join(caught.value.message_dict["postcode"])


def test_a_postcode_that_does_not_exist_is_refused_with_a_way_forward(postcodes, submitter):
    message = refused(submitter, postcode="LE11 3ZZ")
    assert "We could not find LE11 3ZZ" in message and "describe the place instead" in message


def test_a_postcode_outside_the_partnership_is_refused_and_says_so(postcodes, submitter):
    assert "not a postcode in Leicester, Leicestershire and Rutland" in refused(
        submitter, postcode="NG1 1AA"
    )
    assert "NG10 1AA is outside Leicester, Leicestershire and Rutland" in refused(
        submitter, postcode="NG10 1AA"
    )


def test_a_known_postcode_places_the_report_in_its_district(postcodes, submitter):
    submission = make_submission(submitter, postcode="LE13 0AA", district_code="")
    assert submission.district.name == "Melton"


def test_without_an_imported_postcode_table_a_well_formed_postcode_is_accepted(submitter):
    assert make_submission(submitter, postcode="LE11 3ZZ").postcode == "LE11 3ZZ"


def test_the_form_says_at_once_when_a_postcode_is_not_found(client, submitter, postcodes):
    client.force_login(submitter)
    client.post(reverse("intelligence:submit_start"))
    response = client.post(
        step("where"), {"postcode": "le11 3zz", "place_description": "", "district": ""}
    )
    assert response.status_code == 200
    assert "We could not find LE11 3ZZ" in response.content.decode()
    response = client.post(
        step("where"), {"postcode": "", "place_description": "Behind the Co-op", "district": ""}
    )
    assert response.status_code == 302


def test_check_your_answers_and_the_confirmation_show_the_district(client, submitter, postcodes):
    client.force_login(submitter)
    walk_to_check(client)  # postcode LE11 3AA
    page = client.get(reverse("intelligence:submit_check")).content.decode()
    assert "District: <strong>Charnwood</strong> (from the postcode)" in page
    response = client.post(reverse("intelligence:submit_check"), follow=True)
    confirmation = (
        response.content.decode().split('id="confirmation-district"')[1].split("</dd>")[0]
    )
    assert "Charnwood" in confirmation


def test_the_api_refuses_an_unknown_postcode_with_the_same_message(client, submitter, postcodes):
    from tests.api.test_api_submissions import FULL_SUBMISSION, post

    response = post(client, submitter, {**FULL_SUBMISSION, "postcode": "LE11 3ZZ"})
    assert response.status_code == 422
    assert "We could not find LE11 3ZZ" in response.content.decode()


def test_an_analyst_corrects_the_district_and_it_is_audited(verified_client, submitter, analyst):
    submission = make_submission(submitter, district_code="")
    response = verified_client(analyst).post(
        reverse("intelligence:triage_district", args=[submission.reference]),
        {"district": district("harborough").pk},
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.district.name == "Harborough"
    assert AuditEvent.objects.filter(
        object_id=submission.reference, summary="District set to Harborough"
    ).exists()


def test_only_analysts_may_set_a_district(submitter):
    submission = make_submission(submitter)
    with pytest.raises(ValidationError):
        submission_set_district(submission=submission, district=district("melton"), actor=submitter)
