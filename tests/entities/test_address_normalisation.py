"""Addresses written differently by different partners share one key."""

import pytest

from csphub.entities.normalise import Address, address


@pytest.mark.parametrize(
    "written",
    [
        "Flat 2, 14 High St, Loughborough LE11 3AA",
        "flat 2 14 high street le113aa",
        "2/14 High Street, LE11 3AA",
        "Apt 2, 14 High Street, Loughborough, LE11 3AA",
    ],
)
def test_one_flat_written_four_ways_is_one_key(written):
    assert address(written).key == "2|14|HIGH STREET|LE11 3AA"


def test_the_parts_are_kept_for_display():
    assert address("Flat 2, 14 High St, Loughborough LE11 3AA") == Address(
        flat="2", number="14", street="HIGH STREET", town="LOUGHBOROUGH", postcode="LE11 3AA"
    )


@pytest.mark.parametrize(
    ("written", "street"),
    [
        ("27 Ashby Rd", "ASHBY ROAD"),
        ("3 Beech Ave", "BEECH AVENUE"),
        ("9 Mill Ln", "MILL LANE"),
        ("4 Oak Cres", "OAK CRESCENT"),
        ("12 Park Dr", "PARK DRIVE"),
        ("5 Rose Gdns", "ROSE GARDENS"),
    ],
)
def test_street_abbreviations_are_written_out(written, street):
    assert address(written).street == street


def test_st_at_the_start_of_a_street_is_saint_and_at_the_end_is_street():
    assert address("3 St Margaret's Way, Leicester").street == "SAINT MARGARETS WAY"
    assert address("3 Church St, Leicester").street == "CHURCH STREET"


def test_different_flats_in_one_building_are_different_keys():
    first = address("Flat 1, 14 High St, LE11 3AA")
    second = address("Flat 2, 14 High St, LE11 3AA")
    assert first.key != second.key


def test_without_a_postcode_the_town_stands_in():
    assert address("27 Ashby Rd, Loughborough").key == "|27|ASHBY ROAD|LOUGHBOROUGH"


@pytest.mark.parametrize("written", ["", "LE11 3AA", "  ,  "])
def test_a_postcode_alone_or_nothing_is_not_an_address(written):
    assert address(written) is None
