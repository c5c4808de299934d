"""Dates of birth in any common writing; other dates stay."""

import pytest

from csphub.sanitise import find_personal_data, redact


def dobs(text):
    return [s.text for s in find_personal_data(text) if s.type == "DOB"]


@pytest.mark.parametrize(
    "text, date",
    [
        ("DOB 03/04/1998", "03/04/1998"),
        ("DOB: 3/4/98", "3/4/98"),
        ("born 3 April 1998", "3 April 1998"),
        ("born on 3rd April 1998", "3rd April 1998"),
        ("d.o.b. 3.4.98", "3.4.98"),
        ("D.O.B. 03-04-1998", "03-04-1998"),
        ("date of birth: 1998-04-03", "1998-04-03"),
        ("Date of Birth 3rd of April 1998", "3rd of April 1998"),
        ("born April 3, 1998", "April 3, 1998"),
        ("dob 03 Apr 98", "03 Apr 98"),
        ("born on the 3rd of March 2001", "3rd of March 2001"),
        ("date of birth given as 1999-12-05", "1999-12-05"),
    ],
)
def test_a_date_of_birth_is_found_and_its_label_word_stays(text, date):
    assert dobs(f"The male, {text}, was arrested.") == [date]


def test_the_words_before_a_date_of_birth_remain_readable():
    assert (
        redact("Kayleigh Smith (DOB 03/04/1998) was seen.").text
        == "[PERSON A] (DOB [DOB]) was seen."
    )


def test_a_date_written_straight_after_a_name_is_a_date_of_birth():
    assert dobs("Piotr NOWAK (03/04/1998) is linked to the address.") == ["03/04/1998"]


@pytest.mark.parametrize(
    "text",
    [
        "The incident happened on 3 April 2026 at 9pm.",
        "Reported on 03/04/2026 and reviewed 2026-04-10.",
        "The JAG meets on 12 May.",
        "He was born in Leicester.",
        "He was born in 1989 and moved here in 2004.",
    ],
)
def test_dates_that_are_not_birth_dates_are_left_alone(text):
    assert dobs(text) == []
    assert redact(text).text == text
