"""People's names: titles, initials, hyphens, apostrophes, unfamiliar names, and not places."""

import pytest

from csphub.sanitise import find_personal_data, redact


def people(text):
    return [s.text for s in find_personal_data(text) if s.type == "PERSON"]


@pytest.mark.parametrize(
    "name",
    [
        "Mrs D. Taylor",
        "Cllr. L. Harper-Davies",
        "Shane O'Neill",
        "Piotr Nowak",
        "Dr Patel",
        "Miss Kayleigh-Ann Smith",
        "Mx Jordan Reilly",
        "J.P. Smith",
        "Mary-Jane McDonald",
    ],
)
def test_a_name_is_found_whole_with_its_title_and_initials(name):
    assert people(f"The report was made by {name} on Monday.") == [name]


def test_a_surname_with_only_a_title_is_a_name():
    assert people("Mr Nowak was not at home.") == ["Mr Nowak"]


def test_a_police_rank_is_a_job_title_and_stays_readable_before_the_name():
    assert (
        redact("Sgt Khan and DC Emma Greaves attended.").text
        == "Sgt [PERSON A] and DC [PERSON B] attended."
    )
    assert people("PC Smith took the statement.") == ["Smith"]


def test_a_collar_number_after_a_rank_is_not_a_name_but_an_officer_named_after_it_is():
    assert people("PC 1234 attended.") == []
    assert people("PC 1234 Smith attended.") == ["Smith"]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Kacper Wiśniewski was seen outside the shop.", "Kacper Wiśniewski"),
        ("Yesterday Ngozi Okafor was seen drinking in the park.", "Ngozi Okafor"),
        ("The flat is used by Florian Thistlewood and others.", "Florian Thistlewood"),
        ("Her son Tyler has been missing from school.", "Tyler"),
        ("A male known as 'Tiny' sells from the flat.", "Tiny"),
        ("Suspect: Piotr NOWAK.", "Piotr NOWAK"),
        ("Associate NOWAK Piotr was with him.", "NOWAK Piotr"),
    ],
)
def test_names_that_no_list_holds_are_found_from_their_context(sentence, name):
    assert people(sentence) == [name]


def test_a_later_bare_surname_or_first_name_is_found_once_the_full_name_is_known():
    assert people("Bronwyn Ollerenshaw called. Later Ollerenshaw came back and Bronwyn left.") == [
        "Bronwyn Ollerenshaw",
        "Ollerenshaw",
        "Bronwyn",
    ]


def test_a_possessive_keeps_its_s_outside_the_name():
    assert redact("Piotr Nowak's car was seen.").text == "[PERSON A]'s car was seen."


@pytest.mark.parametrize(
    "text",
    [
        "She lives on Ashby Road in Loughborough.",
        "Leicestershire Police and Charnwood Borough Council attended.",
        "Victim First contacted the family.",
        "The shops in Melton Mowbray and Market Harborough were targeted.",
        "Youths gather at Victoria Park and on Grace Road.",
        "He drives a silver Ford Focus.",
        "The housing officer and the PCSO visited.",
        "National Insurance and Universal Credit letters were found.",
        "Will you call back? May I help? Mark the date.",
    ],
)
def test_places_organisations_and_ordinary_words_are_not_names(text):
    assert people(text) == []


def test_a_name_from_the_rules_scores_higher_than_one_from_the_model_alone():
    spans = {s.text: s.score for s in find_personal_data("Mrs D. Taylor met Florian Thistlewood.")}
    assert spans["Mrs D. Taylor"] >= 0.9
    assert spans["Florian Thistlewood"] < spans["Mrs D. Taylor"]


def test_every_span_says_which_recogniser_found_it():
    assert all(s.source for s in find_personal_data("Piotr Nowak rang 07700 900123 from LE11 3AA."))


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Marcus's mother, NIXON, Fatima, lives nearby.", "NIXON, Fatima"),
        ("Submitted by ROBINSON, Tyrese, tenancy officer.", "ROBINSON, Tyrese"),
        ("Jade WHITE lives at the flat.", "Jade WHITE"),
        ("Muhammad bin Tariq, the imam, asked for a meeting.", "Muhammad bin Tariq"),
        ("Tyler Hinckley comes over on the bus.", "Tyler Hinckley"),
    ],
)
def test_police_style_capitals_particles_and_place_surnames_stay_one_name(sentence, name):
    assert people(sentence)[-1] == name


@pytest.mark.parametrize(
    "sentence, nickname",
    [
        ("Dev Norton (known locally as 'Tiny') sleeps in the doorway.", "Tiny"),
        ("The driver is known to Sanjay as 'Spider' and texts him.", "Spider"),
        ("Drill videos reference 'K-Dog' and threaten people.", "K-Dog"),
    ],
)
def test_a_nickname_in_quotes_after_a_naming_word_is_a_name(sentence, nickname):
    assert nickname in people(sentence)


@pytest.mark.parametrize(
    "text",
    [
        "He was called a 'terrorist' in the street.",
        "They call cannabis 'smoke' round here.",
        "The line number was saved as 'Work' on both phones.",
        "Someone is running the 'Gucci' line from the flat.",
    ],
)
def test_quoted_ordinary_words_and_line_names_are_not_names(text):
    assert people(text) == []


def test_a_text_written_all_in_lower_case_still_has_its_names_found():
    text = (
        "welfare concern for anna mcdonald, 86, who lives alone. anna was found outside the shop. "
        "her neighbour mr. dixon says anna's daughter harpreet visits. many thanks, kirsty"
    )
    assert people(text) == ["anna mcdonald", "anna", "mr. dixon", "anna", "harpreet", "kirsty"]


def test_lower_case_names_in_an_ordinary_text_are_found_by_known_first_and_last_names():
    assert people("The caller named toby dixon as the driver.") == ["toby dixon"]


@pytest.mark.parametrize(
    "text",
    [
        "He drives a matt black Seat Leon and a Mini Cooper.",
        "Mrs Bell's silver Range Rover Evoque was scratched.",
        "Leaflets went through doors on Russell Lane and Albert Promenade.",
        "Mrs Priya Patel runs Patel's News on Melton Road.",
        "The walk to john cleveland college is unsafe, says the note.",
        "Status on the action log is Amber.",
        "His dad is in Jordan and his cousin is back from Devon.",
        "A return home interview on 3rd June was done by the council.",
    ],
)
def test_car_models_streets_shops_and_words_named_like_people_are_not_names(text):
    assert all(p in ("Mrs Bell", "Mrs Priya Patel") for p in people(text))


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Kai's phone number is new.", "Kai"),
        ("Rose says the roses were dug up.", "Rose"),
        ("Grace, 79, told the carer.", "Grace"),
        ("Chelsea (15) was seen in town.", "Chelsea"),
        ("Amber from number 9 saw two lads.", "Amber"),
    ],
)
def test_a_given_name_that_is_also_a_word_is_a_name_when_what_follows_says_so(sentence, name):
    assert people(sentence) == [name]


def test_dotted_initials_standing_for_a_person_are_a_name():
    assert people("J.B. and his cousin are suspected of the burglaries.") == ["J.B."]
