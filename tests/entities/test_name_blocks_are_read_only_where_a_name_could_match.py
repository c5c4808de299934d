"""A name block at a million reports holds hundreds of names; linking reads only the part of it
where the new name could match, and still finds initials, nicknames and typos."""

import pytest

from csphub.entities import people, sql
from csphub.entities.models import Entity, Link, NameKey
from tests.entities.support import linked

pytestmark = pytest.mark.django_db


def person(name, age=34):
    return {"name": name, "role": "subject", "age": age}


def entity_of(name):
    return Entity.objects.get(kind="person", key=people.normalise_name(name))


@pytest.fixture
def candidates_read(monkeypatch):
    """The person entities whose mentions the linking service read as candidates."""
    read: list[int] = []
    original = sql.person_candidates

    def spy(*, entity_ids, other_than, at_most):
        read.extend(entity_ids)
        return original(entity_ids=entity_ids, other_than=other_than, at_most=at_most)

    monkeypatch.setattr(sql, "person_candidates", spy)
    return read


def test_each_name_is_filed_under_its_keys_and_narrows(submitter):
    linked(submitter, people=[person("Kevin Dunn")])
    filed = set(NameKey.objects.filter(entity=entity_of("Kevin Dunn")).values_list("key", "narrow"))
    assert filed == set(people.blocking_keys("kevin dunn"))
    assert ("TN:k", "KF") in filed


def test_names_of_the_same_block_that_could_not_match_are_not_read(submitter, candidates_read):
    for name in ("Karen Dunn", "Kyle Dean", "Kevin Dunn"):
        linked(submitter, people=[person(name)])
    candidates_read.clear()
    linked(submitter, people=[person("Kev Dunn")])
    assert entity_of("Kevin Dunn").pk in candidates_read
    assert entity_of("Karen Dunn").pk not in candidates_read
    assert entity_of("Kyle Dean").pk not in candidates_read


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("K. Dunn", "Kevin Dunn"),
        ("Kevin Dunn", "K Dunn"),
        ("Bill Jenkins", "William Jenkins"),
        ("Laura Kingsley", "Laua Kingsley"),
    ],
)
def test_initials_nicknames_and_typos_are_still_found_either_way_round(submitter, before, after):
    first = linked(submitter, people=[person(before)])
    second = linked(submitter, people=[person(after)])
    assert Link.objects.filter(low=first, high=second).exists()


def test_candidates_of_far_ages_are_not_weighed_by_name(submitter, monkeypatch):
    linked(submitter, people=[person("Kevin Dunn", age=19)])
    weighed = []
    original = people.could_match
    monkeypatch.setattr(
        people, "could_match", lambda *a, **k: weighed.append(a) or original(*a, **k)
    )
    linked(submitter, people=[person("Kevin Dunn", age=60)])
    assert weighed == []
    linked(submitter, people=[person("Kevin Dunn", age=21)])
    assert weighed
