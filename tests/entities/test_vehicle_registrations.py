"""Registrations come out upper case without spaces; makes and colours are not plates."""

import pytest

from csphub.entities.normalise import is_uk_registration, vehicle_registration


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("ab12 cde", "AB12CDE"),
        ("AB12CDE", "AB12CDE"),
        ("ab-12-cde", "AB12CDE"),
        ("P123 ABC", "P123ABC"),
        ("ABC 123D", "ABC123D"),
        ("1234 AB", "1234AB"),
    ],
)
def test_a_uk_registration_written_any_way_is_one_key(written, key):
    assert vehicle_registration(written) == key
    assert is_uk_registration(written)


def test_a_foreign_plate_is_kept_as_written_without_spaces():
    assert vehicle_registration("B 123 XYZ") == "B123XYZ"
    assert not is_uk_registration("WX 12345")


@pytest.mark.parametrize("written", ["", "silver", "Ford Fiesta", "1234", "ABCDEFG"])
def test_words_and_bare_numbers_are_not_registrations(written):
    assert vehicle_registration(written) is None
