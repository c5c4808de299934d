import pytest

from csphub.entities.models import Link
from tests.entities.support import linked

pytestmark = pytest.mark.django_db


def person(name, age=None):
    return {"name": name, "role": "subject", "age": age}


def test_the_same_person_named_in_two_reports_links_them_with_the_match_as_reason(submitter):
    first = linked(submitter, people=[person("Jonathan Smith", 34)])
    second = linked(submitter, people=[person("Jonathan Smith", 34)])
    link = Link.objects.get(low=first, high=second)
    assert link.reasons[0]["kind"] == "person"
    assert "Jonathan Smith" in link.reasons[0]["value"]


def test_namesakes_of_very_different_ages_are_not_linked(submitter):
    linked(submitter, people=[person("John Smith", 15)])
    linked(submitter, people=[person("John Smith", 60)])
    assert not Link.objects.exists()


def test_a_nickname_and_a_spelling_variant_link_with_both_names_and_why(submitter):
    first = linked(submitter, people=[person("Jonathan Smith", 34)])
    second = linked(submitter, people=[person("Jon Smyth", 34)])
    link = Link.objects.get(low=first, high=second)
    assert link.reasons[0] == {
        "kind": "person",
        "value": "Jon Smyth / Jonathan Smith",
        "score": link.reasons[0]["score"],
    }
    kinds = {r["kind"] for r in link.reasons}
    assert "nickname" in kinds
    assert kinds & {"similar_surname", "same_surname"}


def test_a_person_named_only_in_the_free_text_links_to_one_named_in_the_people_fields(submitter):
    first = linked(
        submitter,
        people=[person("Denise Walsh", 52)],
        identifiers=[{"kind": "phone", "value": "07700 900461"}],
    )
    second = linked(
        submitter,
        information="Denise Walsh rang from 07700 900461 saying men will not leave her flat.",
    )
    link = Link.objects.get(low=first, high=second)
    assert {"kind": "phone", "value": "+447700900461"} in link.reasons
    assert any(r["kind"] == "person" and r["value"] == "Denise Walsh" for r in link.reasons)
