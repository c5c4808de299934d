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
