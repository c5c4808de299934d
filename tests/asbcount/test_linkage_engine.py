"""The linkage engine on a labelled synthetic pair: it finds the true matches with few false
ones, links one to one, lets an exact police incident number win, and learns without labels
(the truth is never given to it)."""

import polars as pl
import pytest

from csphub.asbcount import engine, synthetic


@pytest.fixture(scope="module")
def linked():
    pair = synthetic.generate(3000, 3000, seed=11)
    return pair, engine.link(pair.police, pair.cases)


def test_it_finds_the_true_matches_with_few_false_ones(linked):
    pair, result = linked
    right = result.pairs.join(pair.truth, on=["police_id", "case_id"]).height
    assert right / result.linked >= 0.95  # precision
    assert right / pair.truth.height >= 0.95  # recall


def test_the_combined_count_is_near_the_truth(linked):
    pair, result = linked
    truth = pair.police.height + pair.cases.height - pair.truth.height
    assert abs(result.combined - truth) / truth < 0.02


def test_every_incident_is_linked_at_most_once(linked):
    _, result = linked
    assert result.pairs["police_id"].n_unique() == result.linked
    assert result.pairs["case_id"].n_unique() == result.linked


def test_the_model_s_weights_are_there_for_the_analyst(linked):
    _, result = linked
    weights = {(p["comparison"], p["level"]): p["match_weight"] for p in result.parameters}
    assert weights[("reported_at", "Abs difference of 'reported_at <= 1 hour'")] > 5
    assert weights[("place", "All other comparisons")] < 0


def test_an_exact_police_incident_number_wins_over_the_model():
    police = pl.DataFrame(
        {
            "unique_id": ["LP-1", "LP-2"],
            "reported_at": pl.Series(["2026-03-01 21:00", "2026-03-01 21:05"]).str.to_datetime(),
            "latitude": [52.77, 52.77],
            "longitude": [-1.2, -1.2],
            "postcode": ["LE11 3AA", "LE11 3AA"],
            "category": ["personal", "personal"],
            "description": ["stones thrown at window", "stones thrown at window"],
        }
    )
    cases = police.with_columns(
        pl.Series("unique_id", ["C-1"]).head(1).extend_constant("C-2", 1),
        pl.Series("police_incident_number", [None, "lp-1"], dtype=pl.Utf8),
    )  # C-1 is LP-1's twin in every field but carries no number; C-2 names LP-1
    result = engine.link(police, cases)
    exact = result.pairs.filter(pl.col("exact"))
    assert exact.select("police_id", "case_id").rows() == [("LP-1", "C-2")]
    assert result.pairs.filter(pl.col("case_id") == "C-1")["police_id"].to_list() != ["LP-1"]


def test_one_to_one_keeps_the_likelier_pair():
    pairs = pl.DataFrame(
        {
            "police_id": ["P1", "P1", "P2"],
            "case_id": ["C1", "C2", "C1"],
            "match_probability": [0.9, 0.8, 0.95],
            "match_weight": [1.0, 1.0, 1.0],
            "exact": [False] * 3,
        }
    )
    kept = engine.one_to_one(pairs).select("police_id", "case_id").rows()
    assert sorted(kept) == [("P1", "C2"), ("P2", "C1")]
