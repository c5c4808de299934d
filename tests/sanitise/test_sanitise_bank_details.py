"""Sort codes, account numbers, IBANs and card numbers."""

import pytest

from csphub.sanitise import find_personal_data


def bank(text):
    return [s.text for s in find_personal_data(text) if s.type == "BANK_DETAILS"]


def test_a_sort_code_and_account_number_are_found():
    assert bank("Pay into sort code 12-34-56, account 12345678.") == ["12-34-56", "12345678"]


@pytest.mark.parametrize(
    "text, found",
    [
        ("a/c 87654321", ["87654321"]),
        ("acc no. 1234 5678", ["1234 5678"]),
        ("bank account number 12345678", ["12345678"]),
        ("s/c 20 45 77", ["20 45 77"]),
        ("12-34-56", ["12-34-56"]),
    ],
)
def test_bank_details_are_found_in_their_usual_shorthand(text, found):
    assert bank(f"Money goes to {text} weekly.") == found


def test_an_iban_and_a_card_number_are_bank_details():
    assert bank("IBAN GB29 NWBK 6016 1331 9268 19 and card 4539 1488 0343 6467.") == [
        "GB29 NWBK 6016 1331 9268 19",
        "4539 1488 0343 6467",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Eight digits 12345678 with no bank word nearby.",
        "The incident on 03-04-26 was reviewed.",
        "Crime reference 20260403 was given.",
    ],
)
def test_numbers_without_bank_context_are_left_alone(text):
    assert bank(text) == []


def test_a_sort_code_written_next_to_an_account_number_needs_no_bank_word():
    assert bank("Benefits go to 09-01-29 11223345 (Santander) and 60-83-71 / 40056321.") == [
        "09-01-29",
        "11223345",
        "60-83-71",
        "40056321",
    ]


def test_a_case_number_at_the_bank_is_not_an_account_number():
    assert bank("The bank's case number 01164960 is the fraud team's.") == []
