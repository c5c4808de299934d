"""Emails, social media handles and postcodes come out in one form each."""

import pytest

from csphub.entities.normalise import email_address, postcode, social_handle


def test_an_email_address_loses_case_spaces_and_mailto():
    assert email_address(" J.Smith@Example.ORG ") == "j.smith@example.org"
    assert email_address("mailto:j.smith@example.org") == "j.smith@example.org"


@pytest.mark.parametrize("written", ["", "j.smith", "j smith@example.org", "j@localhost", "@x.org"])
def test_what_is_not_an_email_address_gives_no_key(written):
    assert email_address(written) is None


@pytest.mark.parametrize(
    "written",
    [
        "@Big_Dave.99",
        "big_dave.99",
        "https://www.instagram.com/big_dave.99/",
        "tiktok.com/@Big_Dave.99",
    ],
)
def test_a_handle_or_its_profile_link_is_one_key(written):
    assert social_handle(written) == "big_dave.99"


@pytest.mark.parametrize("written", ["", "@", "___", "has space", "@12345"])
def test_what_is_not_a_handle_gives_no_key(written):
    assert social_handle(written) is None


def test_a_postcode_is_written_the_royal_mail_way_or_not_at_all():
    assert postcode("le113aa") == "LE11 3AA"
    assert postcode("LE11 3ZZZ") is None
