"""Pairs of person records that must match, and pairs that must not."""

from datetime import date

import pytest

from csphub.entities.people import MATCH_THRESHOLD, PersonMatch, PersonRecord, person_match

SEEN = date(2025, 6, 1)


def aged(name: str, age: int, seen: date = SEEN) -> PersonRecord:
    return PersonRecord(name, age=age, seen_on=seen)


def kinds(match: PersonMatch) -> list[str]:
    return [reason.kind for reason in match.reasons]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (aged("Jon Smyth", 34), aged("Jonathan Smith", 34)),
        (aged("SMITH, Jonathan", 34), aged("jonny smith", 35, date(2026, 3, 1))),
        (aged("J. Smith", 34), aged("John Smith", 34)),
        (PersonRecord("Bill Threlfall"), PersonRecord("William Threlfall")),
        (PersonRecord("Peggy Ashworth"), PersonRecord("Margaret Ashworth")),
        (PersonRecord("Zoltán Kónya"), PersonRecord("ZOLTAN KONYA")),
        (PersonRecord("Nguyễn Văn Hùng"), PersonRecord("Hung Nguyen", age=40, seen_on=SEEN)),
        (aged("Li Xiao Ming", 30), aged("Xiaoming Li", 30)),
        (PersonRecord("Muhammad Iqbal"), PersonRecord("Mohammed Ikbal")),
        (PersonRecord("Sergei Kovalenko"), PersonRecord("Sergey Kowalenko")),
        (PersonRecord("Ahmed El-Sayed"), PersonRecord("Ahmad Elsayed")),
        (PersonRecord("Shannon Threlfall-Gallagher"), PersonRecord("Shannon Gallagher")),
        (PersonRecord("Gary Fairbrother"), PersonRecord("Gary Fairbrohter")),
        (PersonRecord("Craig James Holloway"), PersonRecord("Craig Holloway")),
    ],
)
def test_one_person_written_two_ways_matches(a, b):
    match = person_match(a, b)
    assert match.is_match, match
    assert match.score >= MATCH_THRESHOLD
    assert person_match(b, a).score == match.score


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        (aged("John Smith", 15), aged("John Smith", 60), 0),
        (aged("John Smith", 15), aged("John Smith", 60), 3),  # father and son at one address
        (aged("Jon Smith", 20), aged("James Smith", 22), 1),  # brothers
        (aged("John Smith", 34), aged("John Taylor", 34), 0),
        (PersonRecord("Jon"), PersonRecord("Jon Smith"), 0),
        (PersonRecord("John Smith"), PersonRecord("John Smith"), 0),  # a very common name alone
        (aged("Paul Morgan", 40), PersonRecord("Paula Morgan"), 0),
        (PersonRecord("unknown male"), PersonRecord("unknown male"), 2),
    ],
)
def test_two_people_who_look_alike_do_not_match(a, b, shared):
    assert not person_match(a, b, shared_context=shared).is_match


def test_a_nickname_and_a_spelling_variant_are_given_as_reasons():
    match = person_match(aged("Jon Smyth", 34), aged("Jonathan Smith", 34))
    values = {(reason.kind, reason.value) for reason in match.reasons}
    assert ("nickname", "Jon / Jonathan") in values
    assert ("similar_surname", "Smyth / Smith") in values
    assert ("same_age_band", "about 34") in values
    assert "similar_name" in kinds(match)


def test_the_same_name_is_one_reason():
    match = person_match(PersonRecord("SMITH, Jonathan"), PersonRecord("jonathan smith"))
    assert match.reasons[0].kind == "same_name"
    assert match.reasons[0].value == "Jonathan Smith"


def test_a_first_name_alone_matches_only_with_something_else_shared():
    alone = person_match(PersonRecord("Jonny"), PersonRecord("Jonny Threlfall"))
    shared = person_match(PersonRecord("Jonny"), PersonRecord("Jonny Threlfall"), shared_context=1)
    assert not alone.is_match
    assert shared.is_match
    assert "single_name" in kinds(alone)
    assert "shared_context" in kinds(shared)


def test_a_shared_address_raises_the_score():
    a, b = PersonRecord("John Smith"), PersonRecord("John Smith")
    assert person_match(a, b, shared_context=1).score > person_match(a, b).score
    assert person_match(a, b, shared_context=1).is_match


def test_a_record_without_a_usable_name_scores_nothing():
    match = person_match(PersonRecord("the lad"), PersonRecord("Jon Smith"), shared_context=3)
    assert match.score == 0.0
    assert kinds(match) == ["no_name"]


def test_a_score_is_a_probability():
    match = person_match(aged("Jonathan Smith", 34), aged("Jonathan Smith", 34))
    assert 0.0 <= match.score <= 1.0
