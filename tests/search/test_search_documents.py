"""Each submission's search document: what it carries, and that it is written once the
submission and all its rows are committed, on either storage path."""

import pytest

from csphub.search.documents import document_text
from csphub.search.models import SearchDocument
from tests.factories import make_submission

pytestmark = pytest.mark.django_db


def test_the_document_carries_every_searchable_field_and_the_keys(submit):
    made = submit(
        information="Deals from the flat.",
        postcode="LE11 3AA",
        place_description="Above the bookies",
        people=[{"name": "Dave Smith", "role": "subject", "age": 30, "description": "Tall"}],
        vehicles=[{"registration": "AB12 CDE", "make": "Ford", "colour": "Blue"}],
        identifiers=[
            {"kind": "phone", "value": "07700 900461"},
            {"kind": "email", "value": "dave@example.com"},
            {"kind": "social", "value": "@BigDave"},
        ],
    )
    text = SearchDocument.objects.get(pk=made.pk).document
    for expected in (
        made.reference,
        "Deals from the flat.",
        "Place: Above the bookies",
        "Postcode: LE11 3AA LE113AA",
        "Person: Dave Smith (subject) aged 30",
        "Tall",
        "Vehicle: AB12CDE Blue Ford",
        "Phone: 07700 900461 447700900461 07700900461",
        "Email: dave@example.com",
        "Handle: @BigDave bigdave",
    ):
        assert expected in text


def test_the_document_is_written_once_the_submission_is_committed(
    submitter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        made = make_submission(submitter, people=[{"name": "Alan Late", "role": "witness"}])
    assert not SearchDocument.objects.filter(pk=made.pk).exists()
    for callback in callbacks:
        callback()
    assert "Alan Late" in SearchDocument.objects.get(pk=made.pk).document


@pytest.mark.django_db(transaction=True)
def test_a_real_commit_writes_the_document_with_the_people_and_vehicles(submitter):
    made = make_submission(
        submitter,
        people=[{"name": "Rita Real", "role": "victim"}],
        vehicles=[{"registration": "XY51 ABC", "make": "", "colour": ""}],
    )
    document = SearchDocument.objects.get(pk=made.pk)
    assert "Rita Real" in document.document and "XY51ABC" in document.document
    assert document.status == made.status and document.district_id == made.district_id


def test_control_characters_and_the_match_marks_are_not_kept(submit):
    made = submit(information="one two")
    made.information = "one\x00two\u27e6three\u27e7four"
    text = document_text(made)
    assert "\x00" not in text and "\u27e6" not in text and "\u27e7" not in text
    assert "one two three four" in text
