"""Labels: typed, lettered per person consistently, sector option, and an analyst's own spans."""

import pytest

from csphub.sanitise import LABELS, TYPES, Span, find_personal_data, person_letters, redact


def test_each_type_has_its_label():
    text = (
        "Piotr Nowak, 27 Ashby Road, LE11 3AA, 07700 900123, p.nowak@example.com, DOB 03/04/1998, "
        "car AB12 CDE, NI AB123456C, NHS 943 476 5919, sort code 12-34-56, @pnowak_99, IP "
        "81.2.69.160."
    )
    assert redact(text).text == (
        "[PERSON A], [ADDRESS], [POSTCODE], [PHONE], [EMAIL], DOB [DOB], car [VEHICLE], NI "
        "[NI NUMBER], "
        "NHS [NHS NUMBER], sort code [BANK DETAILS], [HANDLE], IP [IP ADDRESS]."
    )
    assert set(LABELS) | {"PERSON"} == set(TYPES)


def test_the_same_person_keeps_the_same_letter_by_full_name_surname_and_first_name():
    text = (
        "Piotr Nowak was seen with Kayleigh Smith. Mr Nowak drove off. Later Piotr came "
        "back and Ms Smith left."
    )
    assert redact(text).text == (
        "[PERSON A] was seen with [PERSON B]. [PERSON A] drove off. Later [PERSON A] came "
        "back and [PERSON B] left."
    )


def test_a_surname_first_met_with_a_title_joins_the_full_name_that_follows():
    assert (
        redact("Mr Nowak called. Piotr Nowak is his name.").text
        == "[PERSON A] called. [PERSON A] is his name."
    )


def test_initials_match_the_first_name():
    assert redact("Mrs D. Taylor and Dawn Taylor are one; Kevin Taylor is another.").text == (
        "[PERSON A] and [PERSON A] are one; [PERSON B] is another."
    )


def test_two_people_sharing_a_surname_keep_their_own_letters():
    text = "Piotr Nowak and Anna Nowak were there. Anna left first."
    assert redact(text).text == "[PERSON A] and [PERSON B] were there. [PERSON B] left first."


def test_letters_run_past_z_like_spreadsheet_columns():
    assert [person_letters(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_the_twenty_seventh_person_is_person_aa():
    names = [f"Mr Zzperson{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(27)]
    spans, text = [], ""
    for name in names:
        spans.append(Span(len(text), len(text) + len(name), "PERSON", name))
        text += name + ". "
    assert redact(text, spans=spans).text.split(". ")[26] == "[PERSON AA]"


def test_postcodes_can_be_shown_as_their_sector():
    result = redact("Seen at LE11 3AA and le2 7dj.", postcode_sector=True)
    assert result.text == "Seen at LE11 3** and LE2 7**."
    assert [r.label for r in result.replacements] == ["LE11 3**", "LE2 7**"]


def test_given_spans_are_applied_exactly_and_nothing_else():
    text = "Piotr Nowak rang 07700 900123 about the shop."
    chosen = [Span(0, 11, "PERSON", "Piotr Nowak"), Span(40, 44, "ADDRESS", "shop")]
    result = redact(text, spans=chosen)
    assert result.text == "[PERSON A] rang 07700 900123 about the [ADDRESS]."
    assert [(s.start, s.end, s.type) for s in result.spans] == [
        (0, 11, "PERSON"),
        (40, 44, "ADDRESS"),
    ]


def test_given_spans_may_be_the_engines_own_with_one_removed():
    text = "Piotr Nowak rang 07700 900123 from LE11 3AA."
    kept = [s for s in find_personal_data(text) if s.type != "POSTCODE"]
    assert redact(text, spans=kept).text == "[PERSON A] rang [PHONE] from LE11 3AA."


def test_overlapping_given_spans_are_merged_and_leave_no_fragment_visible():
    text = "Contact Kayleigh Smith-Jones today."
    chosen = [
        Span(8, 16, "PERSON", "Kayleigh", 0.9),
        Span(12, 28, "PERSON", "eigh Smith-Jones", 0.5),
    ]
    result = redact(text, spans=chosen)
    assert result.text == "Contact [PERSON A] today."
    assert [(s.start, s.end, s.text) for s in result.spans] == [(8, 28, "Kayleigh Smith-Jones")]


def test_overlapping_given_spans_of_different_types_take_the_surer_type():
    text = "Ring 07700 900123 now"
    chosen = [Span(5, 11, "NHS_NUMBER", "07700 ", 0.3), Span(5, 17, "PHONE", "07700 900123", 0.9)]
    assert redact(text, spans=chosen).text == "Ring [PHONE] now"


def test_given_spans_outside_the_text_are_clipped_and_empty_ones_dropped():
    result = redact("Hi Piotr", spans=[Span(3, 99, "PERSON", "Piotr"), Span(1, 1, "PERSON", "")])
    assert result.text == "Hi [PERSON A]"


def test_a_given_span_of_unknown_type_is_refused():
    with pytest.raises(ValueError, match="unknown span type"):
        redact("Hi Piotr", spans=[Span(3, 8, "NAME", "Piotr")])


def test_an_empty_list_of_spans_redacts_nothing():
    assert redact("Piotr Nowak", spans=[]).text == "Piotr Nowak"


def test_no_redacted_text_survives_in_the_output():
    text = (
        "Mrs D. Taylor of Flat 3, 27 Ashby Road, LE11 3AA, says Shane O'Neill (DOB 3.4.98) "
        "uses 07700900123 and drives AB12 CDE."
    )
    result = redact(text)
    for replacement in result.replacements:
        assert replacement.span.text not in result.text
    assert result.text.count("[") == len(result.replacements)


def test_the_engines_spans_are_sorted_and_do_not_overlap():
    spans = find_personal_data(
        "Piotr Nowak, piotr.nowak@example.com, 07700 900123, Mr Nowak, LE11 3AA"
    )
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_many_texts_at_once_give_what_each_gives_alone():
    from csphub.sanitise import find_personal_data_many

    texts = [
        "Piotr Nowak rang 07700 900123.",
        "",
        "Florian Thistlewood met Mr Nowak at 2 Bridge St.",
        "Nothing personal here.",
    ]
    assert find_personal_data_many(texts) == [find_personal_data(t) for t in texts]
