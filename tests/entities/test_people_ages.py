"""Ages and dates of birth: agreement raises the score, namesakes of different ages never match,
and a missing age says nothing."""

from datetime import date

from csphub.entities.people import PersonRecord, person_match

SEEN = date(2025, 6, 1)


def test_the_same_date_of_birth_is_strong_evidence():
    a = PersonRecord("Jon Smith", date_of_birth=date(1990, 7, 12))
    b = PersonRecord("Jonathan Smith", date_of_birth=date(1990, 7, 12))
    match = person_match(a, b)
    assert match.score > 0.99
    assert ("same_date_of_birth", "12 July 1990") in {(r.kind, r.value) for r in match.reasons}


def test_an_age_agrees_with_a_date_of_birth_it_allows():
    born = PersonRecord("Adam Richardson", date_of_birth=date(1990, 7, 12))
    aged = PersonRecord("A. Richardson", age=34, seen_on=SEEN)  # 34 on 1 June 2025
    match = person_match(born, aged)
    assert match.is_match
    assert "same_age_band" in [r.kind for r in match.reasons]


def test_namesakes_of_very_different_ages_never_match_even_at_one_address():
    boy = PersonRecord("Jonathan Fairbrother", age=15, seen_on=SEEN)
    man = PersonRecord("Jonathan Fairbrother", age=60, seen_on=SEEN)
    match = person_match(boy, man, shared_context=3)
    assert not match.is_match
    assert ("different_age", "about 15 / about 60") in {(r.kind, r.value) for r in match.reasons}


def test_a_ten_year_gap_between_dates_of_birth_is_a_different_person():
    a = PersonRecord("Gary Threlfall", date_of_birth=date(1970, 3, 1))
    b = PersonRecord("Gary Threlfall", date_of_birth=date(1980, 3, 1))
    assert not person_match(a, b, shared_context=1).is_match


def test_an_age_reported_a_year_later_is_the_same_age_band():
    a = PersonRecord("Gary Threlfall", age=34, seen_on=date(2024, 6, 1))
    b = PersonRecord("Gary Threlfall", age=35, seen_on=date(2025, 6, 1))
    assert [r.kind for r in person_match(a, b).reasons][-1] == "same_age_band"


def test_a_missing_age_is_neutral():
    with_age = PersonRecord("Gary Threlfall", age=34, seen_on=SEEN)
    without = PersonRecord("Gary Threlfall")
    assert person_match(with_age, without).score == person_match(without, without).score


def test_a_date_of_birth_with_day_and_month_swapped_still_helps():
    a = PersonRecord("Gary Threlfall", date_of_birth=date(1990, 7, 12))
    b = PersonRecord("Gary Threlfall", date_of_birth=date(1990, 12, 7))
    match = person_match(a, b)
    assert match.is_match
    assert "similar_date_of_birth" in [r.kind for r in match.reasons]
