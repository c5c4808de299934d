"""Phone numbers: UK mobiles and landlines in every common spacing, +44, (0) and brackets."""

import pytest

from csphub.sanitise import find_personal_data, redact


def phones(text):
    return [s.text for s in find_personal_data(text) if s.type == "PHONE"]


@pytest.mark.parametrize(
    "number",
    [
        "07700 900123",
        "07700900123",
        "07700 900 123",
        "07700-900-123",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)7700 900123",
        "0044 7700 900123",
        "(07700) 900123",
        "0116 496 0123",
        "01164960123",
        "(0116) 4960123",
        "(0116)4960123",
        "+44 116 496 0123",
        "+44 (0)116 496 0123",
        "01509 123456",
        "020 7946 0123",
        "029 2018 0123",
    ],
)
def test_a_uk_phone_number_is_found_whole_however_it_is_written(number):
    assert phones(f"Call him on {number} after six.") == [number]


def test_a_phone_number_at_the_end_of_a_sentence_leaves_the_full_stop():
    assert redact("His mobile is 07700 900123.").text == "His mobile is [PHONE]."


def test_a_foreign_mobile_number_with_its_country_code_is_found():
    assert phones("She uses a Polish number, +48 601 234 567, on WhatsApp.") == ["+48 601 234 567"]


def test_two_numbers_in_a_row_are_two_phones():
    assert phones("Numbers: 07700 900123 and 0116 496 0123.") == ["07700 900123", "0116 496 0123"]


def test_a_national_helpline_is_not_personal_data():
    assert phones("Anyone with information can call Crimestoppers on 0800 555 111.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The call was logged at 21:30 on 03/04/2026.",
        "Reference CIP-2026-000123 was given.",
        "It cost £1,200 and 40 people attended.",
        "PC 1234 and PCSO 5678 attended.",
    ],
)
def test_times_references_amounts_and_collar_numbers_are_not_phones(text):
    assert phones(text) == []


def test_a_phone_scores_high():
    (span,) = [s for s in find_personal_data("Mobile 07700 900123") if s.type == "PHONE"]
    assert span.score >= 0.9


def test_numbers_joined_by_a_slash_are_two_phones_and_dashed_international_ones_are_found():
    assert phones("Call 07700900111/07700900112 or +44-7925-661147.") == [
        "07700900111",
        "07700900112",
        "+44-7925-661147",
    ]
