"""UK postcodes in every format, with or without the space, in any case."""

import pytest

from csphub.sanitise import find_personal_data, postcode_sector, redact


def postcodes(text):
    return [s.text for s in find_personal_data(text) if s.type == "POSTCODE"]


@pytest.mark.parametrize(
    "postcode",
    [
        "LE11 3AA",
        "LE113AA",
        "le11 3aa",
        "le113aa",
        "LE1 1AA",
        "B1 1AA",
        "M1 1AE",
        "B33 8TH",
        "CR2 6XH",
        "DN55 1PT",
        "W1A 0AX",
        "EC1A 1BB",
        "SW1A 1AA",
        "LE67 5FT",
    ],
)
def test_a_postcode_is_found_whole(postcode):
    assert postcodes(f"She lives in Loughborough, {postcode}, near the park.") == [postcode]


def test_a_postcode_scores_high():
    (span,) = [s for s in find_personal_data("Postcode LE11 3AA") if s.type == "POSTCODE"]
    assert span.score >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "The M1 5pm traffic was heavy.",
        "Vehicle AB12 CDE was seen.",
        "It happened in LE11 last week.",
        "Flat 3B was searched.",
    ],
)
def test_things_shaped_a_little_like_postcodes_are_not_postcodes(text):
    assert postcodes(text) == []


def test_the_sector_keeps_the_outward_code_and_the_first_digit_of_the_inward_code():
    assert postcode_sector("LE11 3AA") == "LE11 3**"
    assert postcode_sector("le113aa") == "LE11 3**"
    assert postcode_sector("SW1A 1AA") == "SW1A 1**"
    assert postcode_sector("not a postcode") is None


def test_redaction_can_show_the_postcode_sector_instead_of_a_label():
    text = "Cannabis smell at LE11 3AA most nights."
    assert redact(text).text == "Cannabis smell at [POSTCODE] most nights."
    assert redact(text, postcode_sector=True).text == "Cannabis smell at LE11 3** most nights."
