"""Street addresses with a house number, and flats."""

import pytest

from csphub.sanitise import find_personal_data, redact


def addresses(text):
    return [s.text for s in find_personal_data(text) if s.type == "ADDRESS"]


@pytest.mark.parametrize(
    "address",
    [
        "27 Ashby Road",
        "14a Station Street",
        "Flat 3, 27 Ashby Road",
        "Flat 12B 4 Granby Street",
        "2 Bridge St",
        "101 Narborough Rd",
        "6 St Peter's Road",
        "45 Braunstone Lane East",
        "3 Harper-Davies Close",
        "12-14 Church Gate",
        "27 ashby road",
    ],
)
def test_a_numbered_street_address_is_found_whole(address):
    assert addresses(f"Drugs are being sold from {address} most evenings.") == [address]


def test_the_flat_at_a_numbered_address_is_redacted_and_the_words_before_it_stay():
    assert (
        redact("They used the flat at 2 Bridge St for dealing.").text
        == "They used the flat at [ADDRESS] for dealing."
    )


def test_a_flat_written_above_its_street_is_one_address():
    assert addresses("Address:\nFlat 66\nClaire Plaza\nLeicester") == ["Flat 66\nClaire Plaza"]


def test_the_town_and_postcode_after_an_address_are_kept_apart():
    spans = find_personal_data("She lives at 27 Ashby Road, Loughborough LE11 3AA.")
    assert [(s.type, s.text) for s in spans] == [
        ("ADDRESS", "27 Ashby Road"),
        ("POSTCODE", "LE11 3AA"),
    ]


def test_a_street_name_on_its_own_is_not_an_address_or_a_name():
    assert find_personal_data("Youths gather on Ashby Road and Victoria Park Road at night.") == []


@pytest.mark.parametrize(
    "text",
    [
        "2 Leicestershire Police officers attended.",
        "On 3 April 2026 at 9pm a fight broke out.",
        "15 youths were dispersed from the park.",
        "About 30 Park Rangers and 12 Council staff helped.",
    ],
)
def test_numbers_before_capitalised_words_are_not_addresses(text):
    assert addresses(text) == []


def test_a_person_named_in_a_street_name_is_part_of_the_address():
    spans = find_personal_data("He stays at 9 Harper Road.")
    assert [(s.type, s.text) for s in spans] == [("ADDRESS", "9 Harper Road")]


@pytest.mark.parametrize(
    "text, address",
    [
        ("two men told hamza ali of flat 17, 10 doherty court that", "flat 17, 10 doherty court"),
        ("written on the door of 199 sutton way, home of", "199 sutton way"),
        ("LIVES 22 WARWICK WAY, LOUGHBOROUGH", "22 WARWICK WAY"),
        (
            "Possible cuckooing at Flat 12, Goscote House, St Peter's estate.",
            "Flat 12, Goscote House",
        ),
        ("Mrs Pickering, 91, at Rose Cottage, Church Lane, Saxby.", "Rose Cottage, Church Lane"),
        ("Abdul Mohamed of 231 The Rise (LE14 4JG) was targeted.", "231 The Rise"),
        ("Tyrese has been found twice at 168 May Mews in Oadby.", "168 May Mews"),
        ("post built up at 3/209a albert promenade", "3/209a albert promenade"),
    ],
)
def test_lower_case_capitals_named_buildings_and_house_names_are_addresses(text, address):
    assert addresses(text) == [address]


@pytest.mark.parametrize("text", ["He made 2 phone calls either way.", "About 3 people walk past."])
def test_lower_case_words_after_a_number_are_not_an_address_without_a_street_word(text):
    assert addresses(text) == []
