"""UK vehicle registrations: current, prefix and suffix formats, and dateless ones in context."""

import pytest

from csphub.sanitise import find_personal_data


def vehicles(text):
    return [s.text for s in find_personal_data(text) if s.type == "VEHICLE"]


@pytest.mark.parametrize(
    "plate", ["AB12 CDE", "AB12CDE", "LE70 XYZ", "A123 BCD", "P7 ABC", "ABC 123D", "KLM 45F"]
)
def test_a_registration_is_found(plate):
    assert vehicles(f"A black Audi, {plate}, drops off youths.") == [plate]


def test_a_current_format_plate_with_a_valid_age_scores_high():
    (span,) = [s for s in find_personal_data("Car AB12 CDE") if s.type == "VEHICLE"]
    assert span.score >= 0.95


@pytest.mark.parametrize(
    "text, plate",
    [
        ("reg ABC 123", "ABC 123"),
        ("registration number: 123 ABC", "123 ABC"),
        ("VRM ab12 cde", "ab12 cde"),
        ("index 9 XYZ", "9 XYZ"),
    ],
)
def test_a_dateless_or_lower_case_plate_is_found_after_a_registration_word(text, plate):
    assert vehicles(f"The van, {text}, was parked up.") == [plate]


@pytest.mark.parametrize(
    "text",
    [
        "We met at ABC 123 Club.",
        "PC 1234 stopped the car.",
        "The car was seen on the A46 and M1.",
        "It was a Ford Focus ST 250 model.",
    ],
)
def test_plate_shaped_words_without_context_are_left_alone(text):
    assert vehicles(text) == []


@pytest.mark.parametrize(
    "text, plate",
    [
        ("seen getting into a silver skoda octavia fy66 bom driven by an older male", "fy66 bom"),
        ("a green peugeot 208 (y119utw) was doing doughnuts", "y119utw"),
        ("a grey yamaha moped j875 ylc was seen", "j875 ylc"),
    ],
)
def test_a_lower_case_plate_is_found_after_a_description_of_the_vehicle(text, plate):
    assert vehicles(text) == [plate]
