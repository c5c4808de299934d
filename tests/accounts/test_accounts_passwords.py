"""Password rules: at least 12 characters, not common, and a mix of character kinds."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from csphub.accounts.passwords import CharacterVarietyValidator


@pytest.mark.parametrize(
    "password",
    [
        "lowercaseUPPER1",  # lower, upper, digit
        "lowercase-UPPER",  # lower, upper, symbol
        "lowercase-12345",  # lower, digit, symbol
        "UPPERCASE-12345",  # upper, digit, symbol
        "All-Four-Kinds-9",  # all four
        "spaces count as symbols 1",
    ],
)
def test_three_or_more_kinds_of_character_are_accepted(password):
    CharacterVarietyValidator().validate(password)


@pytest.mark.parametrize(
    "password",
    [
        "onlylowercaseletters",
        "ONLYCAPITALLETTERS",
        "123456789012",
        "lowercase123456",
        "lowercaseUPPERCASE",
        "!!!!----????",
        "UPPER-----",
    ],
)
def test_fewer_than_three_kinds_are_refused_with_a_clear_message(password):
    with pytest.raises(ValidationError) as excinfo:
        CharacterVarietyValidator().validate(password)
    assert excinfo.value.code == "password_too_simple"
    assert (
        "at least three of: lower-case letters, capital letters, numbers and symbols"
        in excinfo.value.messages[0]
    )


def test_accented_and_non_latin_letters_count_by_their_case():
    CharacterVarietyValidator().validate("élan-ÉCOLE-été")


def test_the_help_text_describes_the_rule():
    assert "at least three of" in CharacterVarietyValidator().get_help_text()


@pytest.mark.django_db
def test_eleven_characters_are_too_short():
    with pytest.raises(ValidationError) as excinfo:
        validate_password("Abc-def-123")
    assert (
        "This password is too short. It must contain at least 12 characters."
        in excinfo.value.messages
    )


@pytest.mark.django_db
def test_twelve_characters_of_three_kinds_are_enough():
    validate_password("Abc-def-1234")


@pytest.mark.django_db
def test_the_variety_rule_is_part_of_the_configured_validators():
    with pytest.raises(ValidationError) as excinfo:
        validate_password("lanternorchardhouse")
    assert any("at least three of" in m for m in excinfo.value.messages)


@pytest.mark.django_db
def test_common_passwords_are_refused_even_when_long_and_varied():
    with pytest.raises(ValidationError) as excinfo:
        validate_password("1Q2w3e4r5t6y")
    assert "This password is too common." in excinfo.value.messages
