"""Records whose ages are far apart are ruled out before their names are compared: never a
pair that person_match would match, whatever the names or what else the reports share."""

from datetime import date

from csphub.entities.people import SHARED_CONTEXT_MAX, PersonRecord, ages_rule_out, person_match
from tests.entities.test_people_evaluation import record, rows

DAY = date(2026, 1, 1)


def test_no_labelled_pair_that_matches_is_ruled_out_by_its_ages():
    for row in rows():
        a, b = record(row, "a"), record(row, "b")
        for context in range(SHARED_CONTEXT_MAX + 1):
            if person_match(a, b, shared_context=context).is_match:
                assert not ages_rule_out(a, b), row["id"]


def test_namesakes_forty_years_apart_are_ruled_out_even_sharing_everything():
    young = PersonRecord("John Smith", age=19, seen_on=DAY)
    older = PersonRecord("John Smith", age=58, seen_on=DAY)
    assert ages_rule_out(young, older)
    assert not person_match(young, older, shared_context=SHARED_CONTEXT_MAX).is_match


def test_close_or_unknown_ages_are_left_to_the_names():
    assert not ages_rule_out(
        PersonRecord("John Smith", age=30, seen_on=DAY), PersonRecord("Jon Smith", age=33)
    )
    assert not ages_rule_out(PersonRecord("John Smith", age=30), PersonRecord("John Smith"))


def test_an_age_is_as_of_its_reports_day():
    """Aged 20 in 2016 and aged 30 in 2026: one birth year, not ten years apart."""
    then = PersonRecord("John Smith", age=20, seen_on=date(2016, 1, 1))
    now = PersonRecord("John Smith", age=30, seen_on=DAY)
    assert not ages_rule_out(then, now)
