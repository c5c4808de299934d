"""Names written the ways partners write them come out as one normal form, or None."""

import pytest

from csphub.entities.people import normalise_name


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("SMITH, Jonathan ", "jonathan smith"),
        ("Jonathan Smith", "jonathan smith"),
        ("SMITH Jonathan", "jonathan smith"),
        ("  jonathan   SMITH ", "jonathan smith"),
        ("Mr Jonathan Smith Jr", "jonathan smith"),
        ("J. Smith", "j smith"),
        ("Smith J", "j smith"),
        ("Zoltán Kónya", "zoltan konya"),
        ("Łukasz Wiśniewski", "lukasz wisniewski"),
        ("Đặng Văn Nam", "dang van nam"),
        ("Sarah Smith-Jones", "sarah smith-jones"),
        ("O'Brien, Sean", "sean obrien"),
        ("EL SAYED Ahmed", "ahmed el sayed"),
        ('John "Jonny" Smith', "john smith"),
        ("unknown male called Jon", "jon"),
    ],
)
def test_a_name_written_any_way_has_one_normal_form(written, normal):
    assert normalise_name(written) == normal


@pytest.mark.parametrize(
    "written",
    ["", "   ", "unknown male", "Unknown", "him", "the lad", "a man", "J.", "N/A", "Mr X"],
)
def test_something_that_is_not_a_name_is_none(written):
    assert normalise_name(written) is None


def test_a_first_name_alone_is_a_usable_name():
    assert normalise_name("Jonny") == "jonny"
