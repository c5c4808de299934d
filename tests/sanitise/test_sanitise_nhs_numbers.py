"""NHS numbers, checked with the modulus 11 checksum."""

import pytest

from csphub.sanitise import find_personal_data, nhs_checksum_ok


def nhs_numbers(text):
    return [s.text for s in find_personal_data(text) if s.type == "NHS_NUMBER"]


@pytest.mark.parametrize("number", ["943 476 5919", "9434765919", "943-476-5919", "401 023 2137"])
def test_an_nhs_number_with_a_valid_checksum_is_found(number):
    assert nhs_numbers(f"NHS number {number} was on the referral.") == [number]


def test_a_valid_nhs_number_is_found_even_without_the_word_nhs():
    assert nhs_numbers("The referral quoted 943 476 5919 twice.") == ["943 476 5919"]


@pytest.mark.parametrize("number", ["943 476 5918", "123 456 7890", "000 000 0001"])
def test_a_ten_digit_number_with_a_wrong_checksum_is_not_an_nhs_number(number):
    assert nhs_numbers(f"NHS number {number} was on the referral.") == []


def test_the_checksum_is_modulus_eleven():
    assert nhs_checksum_ok("9434765919")
    assert not nhs_checksum_ok("9434765918")
    assert not nhs_checksum_ok("94347659")


def test_mixed_separators_are_not_one_nhs_number():
    assert nhs_numbers("Ref 943 476-5919") == []


def test_context_raises_the_score():
    with_context = find_personal_data("NHS no. 943 476 5919")[0]
    without = find_personal_data("Ref 943 476 5919")[0]
    assert with_context.score > without.score >= 0.9
