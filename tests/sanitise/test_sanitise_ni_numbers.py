"""National Insurance numbers, including the unissued prefixes used on forms and in training."""

import pytest

from csphub.sanitise import find_personal_data


def ni_numbers(text):
    return [s.text for s in find_personal_data(text) if s.type == "NI_NUMBER"]


@pytest.mark.parametrize(
    "number", ["AB123456C", "AB 12 34 56 C", "QQ123456C", "QQ 12 34 56 A", "JG103759A"]
)
def test_a_national_insurance_number_is_found_with_or_without_spaces(number):
    assert ni_numbers(f"The letter shows {number} on it.") == [number]


def test_a_lower_case_ni_number_is_found_when_it_is_called_one():
    assert ni_numbers("NI number: qq123456c") == ["qq123456c"]


def test_an_ni_number_without_its_letter_is_found_only_when_it_is_called_one():
    assert ni_numbers("National Insurance number QQ 12 34 56 on the form.") == ["QQ 12 34 56"]
    assert ni_numbers("Box QQ 12 34 56 was ticked.") == []


def test_an_ni_number_scores_high():
    (span,) = [s for s in find_personal_data("NI AB123456C") if s.type == "NI_NUMBER"]
    assert span.score >= 0.95


@pytest.mark.parametrize("number", ["qq123456c", "JX-40-11-92-B", "nw003061d"])
def test_dashed_and_lower_case_ni_numbers_are_found(number):
    assert ni_numbers(f"He gave it ({number}) when asked.") == [number]
