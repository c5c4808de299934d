"""Email addresses, including ones written to dodge filters."""

import pytest

from csphub.sanitise import find_personal_data, redact


def emails(text):
    return [s.text for s in find_personal_data(text) if s.type == "EMAIL"]


@pytest.mark.parametrize(
    "address",
    [
        "kayleigh.smith@example.com",
        "k_smith99@hotmail.co.uk",
        "piotr.nowak+jag@mail.example.org",
        "o'neill.shane@example.net",
        "PIOTR@EXAMPLE.COM",
    ],
)
def test_an_email_address_is_found_whole(address):
    assert emails(f"Her email is {address} apparently.") == [address]


def test_an_email_at_the_end_of_a_sentence_leaves_the_full_stop():
    assert redact("Contact: kayleigh.smith@example.com.").text == "Contact: [EMAIL]."


def test_an_obfuscated_email_is_found():
    assert emails("He writes as tazz99 [at] gmail [dot] com to avoid filters.") == [
        "tazz99 [at] gmail [dot] com"
    ]


def test_the_name_inside_an_email_is_part_of_the_email_not_a_person():
    spans = find_personal_data("Email Piotr.Nowak@example.com now")
    assert [(s.type, s.text) for s in spans] == [("EMAIL", "Piotr.Nowak@example.com")]


def test_an_at_sign_used_as_at_is_not_an_email():
    assert emails("Meet @ 9pm by the shops.") == []
