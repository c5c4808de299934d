"""Our personal-data engine keeps its accuracy on the evaluation corpus.

A regression guard on accuracy, not on speed: recall per type against the goals of the
"Sanitisation" issue (0.99 for the structured types, 0.95 for people and addresses) and overall
precision of at least 0.90, with the benchmark's matching rule (evaluation/redaction/scoring.py).
A goal the engine does not reach yet is marked xfail with the figure last measured, so the
assert stays at the goal and the mark comes off when it is met. `benchmarks/redact.py
--show-misses N` lists what is being missed.
"""

import json
from pathlib import Path

import pytest
from evaluation.redaction.scoring import PRECISION_GOAL, RECALL_GOALS, aggregate, score_document

import csphub.sanitise as sanitise
from csphub.sanitise import TYPES

CORPUS = Path(__file__).resolve().parents[2] / "evaluation" / "redaction" / "corpus.jsonl"

# type (or "precision") -> the figure measured when this file was last updated, for goals not yet
# met
NOT_YET_MET: dict[str, str] = {}


@pytest.fixture(scope="module")
def totals():
    if not hasattr(sanitise, "find_personal_data"):
        pytest.skip("csphub.sanitise.find_personal_data does not exist yet")
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    texts = [r["text"] for r in records]
    many = getattr(sanitise, "find_personal_data_many", None)
    found = many(texts) if many else [sanitise.find_personal_data(t) for t in texts]
    docs = [
        score_document(r["spans"], spans, text=r["text"])
        for r, spans in zip(records, found, strict=True)
    ]
    return aggregate(docs, TYPES)


def _goal(type_: str, goal: float):
    if type_ in NOT_YET_MET:
        return pytest.param(
            type_,
            goal,
            id=type_,
            marks=pytest.mark.xfail(strict=False, reason=f"{NOT_YET_MET[type_]}; goal {goal}"),
        )
    return pytest.param(type_, goal, id=type_)


@pytest.mark.parametrize(("type_", "goal"), [_goal(t, g) for t, g in RECALL_GOALS.items()])
def test_recall_per_type_reaches_the_goal(totals, type_, goal):
    recall = totals[type_].recall
    assert recall is not None and recall >= goal, (
        f"{type_}: recall {recall:.3f} < {goal} ({totals[type_].matched}/{totals[type_].gold})"
    )


@pytest.mark.parametrize(("what", "goal"), [_goal("precision", PRECISION_GOAL)])
def test_overall_precision_reaches_the_goal(totals, what, goal):
    precision = totals["ALL"].precision
    assert precision is not None and precision >= goal, f"precision {precision:.3f} < {goal}"
