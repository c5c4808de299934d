"""What a search finds: words by their stem, phrases, alternatives, phone numbers in any
format, registrations with or without the space, names, emails, handles and postcodes."""

import pytest

from tests.search.conftest import references

pytestmark = pytest.mark.django_db


def test_a_word_finds_other_forms_of_it_by_its_stem(submit, search_api):
    found = submit(information="Known drug dealers meet behind the leisure centre.")
    submit(information="Litter dropped in the park every weekend.")
    assert references(search_api(q="dealing")) == [found.reference]
    assert references(search_api(q="DEALER")) == [found.reference]


def test_every_word_must_match(submit, search_api):
    both = submit(information="A blue van parks by the school gates.")
    submit(information="A blue bicycle left by the library.")
    assert references(search_api(q="blue van")) == [both.reference]


def test_a_quoted_phrase_matches_the_words_together(submit, search_api):
    phrase = submit(information="They drive a blue car with tinted windows.")
    submit(information="A car, blue paint on the wall, and shouting.")
    assert references(search_api(q='"blue car"')) == [phrase.reference]


def test_a_quoted_phrase_takes_its_words_whole_not_as_prefixes(submit, search_api):
    exact = submit(information="They drive a blue car with tinted windows.")
    submit(information="He wears a blue cardigan and carries a bag.")
    assert references(search_api(q='"blue car"')) == [exact.reference]
    assert len(references(search_api(q="blue car"))) == 2  # outside quotes, prefixes


def test_or_finds_either_and_a_minus_leaves_a_word_out(submit, search_api):
    fireworks = submit(information="Fireworks thrown at buses on Belgrave Road.")
    graffiti = submit(information="Graffiti sprayed on the underpass.")
    assert set(references(search_api(q="fireworks or graffiti"))) == {
        fireworks.reference,
        graffiti.reference,
    }
    assert references(search_api(q="fireworks -buses")) == []


@pytest.mark.parametrize(
    "query", ["07700 900461", "07700900461", "+44 7700 900461", "+447700900461", "447700900461"]
)
def test_a_phone_number_is_found_however_it_is_written(submit, search_api, query):
    found = submit(identifiers=[{"kind": "phone", "value": "07700 900461"}])
    submit(identifiers=[{"kind": "phone", "value": "07700 900999"}])
    assert references(search_api(q=query)) == [found.reference]


def test_a_phone_number_written_in_the_text_is_found_too(submit, search_api):
    found = submit(information="He hands out cards saying call 07700 900123 for anything.")
    assert references(search_api(q="+447700900123")) == [found.reference]


@pytest.mark.parametrize("query", ["AB12 CDE", "ab12cde", "AB12CDE"])
def test_a_registration_is_found_with_or_without_its_space(submit, search_api, query):
    found = submit(vehicles=[{"registration": "AB12 CDE", "make": "Ford", "colour": "Blue"}])
    submit(vehicles=[{"registration": "XY34 ZZZ", "make": "Ford", "colour": "Blue"}])
    assert references(search_api(q=query)) == [found.reference]


def test_a_vehicle_is_found_by_its_make_and_colour(submit, search_api):
    found = submit(vehicles=[{"registration": "", "make": "Vauxhall", "colour": "Silver"}])
    assert references(search_api(q="silver vauxhall")) == [found.reference]


def test_people_are_found_by_name_and_description(submit, search_api):
    found = submit(
        people=[{"name": "Jonathan Smyth", "role": "subject", "description": "Wears a red cap"}]
    )
    assert references(search_api(q="smyth")) == [found.reference]
    assert references(search_api(q="red cap")) == [found.reference]


def test_emails_and_handles_are_found(submit, search_api):
    found = submit(
        identifiers=[
            {"kind": "email", "value": "deals4u@example.com"},
            {"kind": "social", "value": "@Big_Dave.99"},
        ]
    )
    assert references(search_api(q="deals4u@example.com")) == [found.reference]
    assert references(search_api(q="big_dave.99")) == [found.reference]


def test_places_and_postcodes_are_found(submit, search_api):
    found = submit(postcode="LE11 3AA", place_description="The flat above the bookies")
    assert references(search_api(q="bookies")) == [found.reference]
    assert references(search_api(q="LE11 3AA")) == [found.reference]
    assert references(search_api(q="le113aa")) == [found.reference]


def test_the_reference_is_found(submit, search_api):
    found = submit()
    assert found.reference in references(search_api(q=found.reference))


def test_the_best_match_comes_first(submit, search_api):
    once = submit(information="Noise from a party, and a dog barking.")
    often = submit(information="Party after party: a party every night, loud party music.")
    assert references(search_api(q="party")) == [often.reference, once.reference]
