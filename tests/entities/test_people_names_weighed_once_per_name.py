"""Linking weighs a candidate's name once per name, not once per record: `could_match` rules
out the names no age could bring to a match, and never one that person_match would match."""

from datetime import date

from csphub.entities.people import PersonRecord, could_match, person_match
from tests.entities.test_people_evaluation import record, rows


def test_no_labelled_pair_that_matches_is_ruled_out_by_its_names():
    for row in rows():
        context = int(row["shared_context"])
        if person_match(record(row, "a"), record(row, "b"), shared_context=context).is_match:
            assert could_match(row["name_a"], row["name_b"], shared_context=context), row["id"]


def test_a_different_first_name_in_the_same_surname_is_ruled_out():
    assert not could_match("John Smith", "Jake Smith")


def test_the_same_name_is_left_for_the_ages_to_decide():
    assert could_match("John Smith", "Jon Smyth")
    young = PersonRecord("Jon Smyth", age=19, seen_on=date(2026, 1, 1))
    older = PersonRecord("John Smith", age=58, seen_on=date(2026, 1, 1))
    assert not person_match(young, older).is_match


def test_a_first_name_alone_needs_something_else_shared():
    assert not could_match("Jamal", "Jamal Ahmed")
    assert could_match("Jamal", "Jamal Ahmed", shared_context=1)


def test_no_age_could_rescue_a_name_that_is_not_one():
    assert not could_match("unknown male", "John Smith")
