"""Phones written the ways partners write them come out as one E.164 key."""

import pytest

from csphub.entities.normalise import phone_e164


@pytest.mark.parametrize(
    "written",
    ["07700 900461", "07700900461", "+44 7700 900461", "+44 (0)7700 900461", "0044 7700 900461"],
)
def test_a_uk_mobile_written_any_way_is_one_key(written):
    assert phone_e164(written) == "+447700900461"


def test_a_landline_keeps_its_area_code():
    assert phone_e164("0116 222 3333") == "+441162223333"


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("+40 721 234 567", "+40721234567"),  # Romania
        ("0040 721 234 567", "+40721234567"),
        ("+48 512 345 678", "+48512345678"),  # Poland
        ("+355 69 123 4567", "+355691234567"),  # Albania
        ("+84 912 345 678", "+84912345678"),  # Vietnam
        ("+370 612 34567", "+37061234567"),  # Lithuania
        ("+421 912 345 678", "+421912345678"),  # Slovakia
        ("+234 803 123 4567", "+2348031234567"),  # Nigeria
    ],
)
def test_an_international_number_keeps_its_own_country(written, key):
    assert phone_e164(written) == key


def test_a_national_number_is_read_as_the_partnerships_country_unless_told_otherwise():
    assert phone_e164("0721 234 567", region="RO") == "+40721234567"


@pytest.mark.parametrize("written", ["", "12345", "0 7700 900", "call me", "999", "+44 12"])
def test_what_is_not_a_whole_phone_number_gives_no_key(written):
    assert phone_e164(written) is None
