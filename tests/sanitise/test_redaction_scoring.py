"""The redaction benchmark's matching rule: same type, overlap of at least half the gold span,
one-to-one; covered recall counts any type hiding 90% of a gold span's characters."""

import pytest
from evaluation.redaction.scoring import (
    Counts,
    S,
    aggregate,
    as_span,
    covered_fraction,
    figures,
    is_match,
    match,
    score_document,
)

from csphub.sanitise import Span


def test_an_exact_span_of_the_same_type_matches():
    assert is_match(S(10, 20, "PHONE"), S(10, 20, "PHONE"))


def test_a_span_of_another_type_never_matches_even_when_exact():
    assert not is_match(S(10, 20, "PHONE"), S(10, 20, "NHS_NUMBER"))


@pytest.mark.parametrize(
    ("pred", "expected"),
    [
        (S(0, 5, "PERSON"), True),  # 5 of 10 gold characters: exactly half
        (S(0, 4, "PERSON"), False),  # 4 of 10: less than half
        (S(5, 30, "PERSON"), True),  # longer than gold, overlapping half of it
        (S(6, 30, "PERSON"), False),
        (S(-20, 40, "PERSON"), True),  # a prediction swallowing the gold span overlaps all of it
        (S(10, 20, "PERSON"), False),  # touching is not overlapping
    ],
)
def test_overlap_is_measured_against_the_gold_span_length(pred, expected):
    assert is_match(S(0, 10, "PERSON"), pred) is expected


def test_a_title_left_out_still_matches_under_the_half_rule():
    # "Mrs D. Taylor" (0-13) predicted as "D. Taylor" (4-13): 9 of 13 characters
    assert is_match(S(0, 13, "PERSON"), S(4, 13, "PERSON"))


def test_one_prediction_covering_two_gold_spans_matches_only_one():
    gold = [S(0, 4, "PERSON"), S(9, 13, "PERSON")]  # "Jack and Jill"
    pred = [S(0, 13, "PERSON")]
    assert len(match(gold, pred)) == 1
    score = score_document(gold, pred)
    assert score.by_type["PERSON"].matched == 1
    assert score.by_type["PERSON"].gold == 2
    assert score.by_type["PERSON"].pred == 1
    assert score.missed == [S(9, 13, "PERSON")]
    assert score.false_positives == []


def test_two_predictions_inside_one_gold_span_match_once_and_the_other_is_a_false_positive():
    gold = [S(0, 12, "PHONE")]  # "07700 900123"
    pred = [S(0, 6, "PHONE"), S(6, 12, "PHONE")]
    score = score_document(gold, pred)
    assert score.by_type["PHONE"].matched == 1
    assert len(score.false_positives) == 1


def test_matching_finds_the_largest_number_of_pairs_whatever_the_order():
    # g1 prefers p1 (bigger overlap) but only p1 can match g2; p2 can match g1.
    g1, g2 = S(0, 10, "PERSON"), S(10, 16, "PERSON")
    p1, p2 = S(2, 16, "PERSON"), S(0, 5, "PERSON")
    assert len(match([g1, g2], [p1, p2])) == 2
    assert len(match([g2, g1], [p2, p1])) == 2
    assert sorted(match([g1, g2], [p1, p2])) == [(0, 1), (1, 0)]


def test_spans_may_be_dicts_objects_or_engine_spans():
    assert as_span({"start": 1, "end": 3, "type": "EMAIL", "text": "ab"}) == S(1, 3, "EMAIL")
    assert as_span(Span(1, 3, "EMAIL", "ab", 0.9, "regex")) == S(1, 3, "EMAIL")
    assert as_span(S(1, 3, "EMAIL")) == S(1, 3, "EMAIL")


def test_covered_counts_predictions_of_any_type():
    text = "NHS 943 476 5919 today"
    gold = S(4, 16, "NHS_NUMBER")
    assert covered_fraction(gold, text, [S(4, 16, "PHONE")]) == 1.0
    score = score_document([gold], [S(4, 16, "PHONE")], text=text)
    assert score.by_type["NHS_NUMBER"].matched == 0
    assert score.by_type["NHS_NUMBER"].covered == 1
    assert score.uncovered == []


def test_covered_ignores_whitespace_between_two_predictions():
    text = "ring 07700 900123 now"
    gold = S(5, 17, "PHONE")
    assert covered_fraction(gold, text, [S(5, 10, "PHONE"), S(11, 17, "PHONE")]) == 1.0


def test_a_gold_span_less_than_90_percent_hidden_is_a_leak():
    text = "Mrs D. Taylor said"
    gold = S(0, 13, "PERSON")  # 11 non-space characters
    assert covered_fraction(gold, text, [S(4, 13, "PERSON")]) == pytest.approx(8 / 11)
    score = score_document([gold], [S(4, 13, "PERSON")], text=text)
    assert score.by_type["PERSON"].matched == 1  # typed match (9 of 13 >= half) ...
    assert score.by_type["PERSON"].covered == 0  # ... but "Mrs" stays visible: not covered
    assert score.uncovered == [gold]


def test_cover_spans_can_differ_from_the_typed_predictions():
    gold = S(0, 8, "VEHICLE")
    score = score_document([gold], [], text="FN19 XYZ", cover=[S(0, 8, "US_DRIVER_LICENSE")])
    assert score.by_type["VEHICLE"].matched == 0
    assert score.by_type["VEHICLE"].covered == 1


def test_precision_recall_and_f1_are_micro_averaged():
    docs = [
        score_document(
            [S(0, 5, "PHONE"), S(10, 15, "EMAIL")], [S(0, 5, "PHONE"), S(20, 25, "EMAIL")]
        ),
        score_document([S(0, 5, "PHONE")], [S(0, 5, "PHONE"), S(7, 9, "PHONE")]),
    ]
    totals = aggregate(docs, ("PHONE", "EMAIL", "DOB"))
    assert (totals["PHONE"].gold, totals["PHONE"].pred, totals["PHONE"].matched) == (2, 3, 2)
    assert totals["PHONE"].precision == pytest.approx(2 / 3)
    assert totals["PHONE"].recall == 1.0
    assert totals["EMAIL"].precision == 0.0
    assert totals["EMAIL"].recall == 0.0
    assert totals["EMAIL"].f1 == 0.0
    assert totals["ALL"].precision == pytest.approx(2 / 4)
    assert totals["ALL"].recall == pytest.approx(2 / 3)
    assert totals["ALL"].f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    # a type with neither gold nor predictions has no figures rather than a made-up 0 or 1
    assert totals["DOB"].precision is None and totals["DOB"].recall is None
    assert figures(totals)["DOB"]["f1"] is None


def test_no_predictions_means_no_precision_but_zero_recall():
    c = Counts(gold=3, pred=0, matched=0, covered=0)
    assert c.precision is None
    assert c.recall == 0.0
    assert c.f1 == 0.0
