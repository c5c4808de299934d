"""The immediate-risk screen keeps what it catches on the labelled sets (evaluation/urgency/).

The tuning sets shaped the rules and trained the model, so these are regression floors, not
measures of quality: that is the held-out set's job (benchmarks/urgency.py), and it is never
asserted on, so nobody is tempted to tune to it.
"""

import json
from pathlib import Path

import pytest

from csphub.urgency import assess
from csphub.urgency.rules import _has_danger, might_be_urgent
from csphub.urgency.text import normalise

SETS = Path(__file__).resolve().parents[2] / "evaluation" / "urgency"
TUNING = ("dev", "tuning2", "tuning3", "tuning4")
RECALL_FLOOR = {"dev": 0.97, "tuning2": 0.97, "tuning3": 0.97, "tuning4": 0.95}


def rows(*names):
    out = []
    for name in names:
        out += [
            json.loads(line)
            for line in (SETS / f"{name}.jsonl").read_text().splitlines()
            if line.strip()
        ]
    return out


def test_the_held_out_set_exists_and_is_big_enough_to_say_something():
    held = rows("heldout")
    assert len(held) >= 150
    assert sum(r["urgent"] for r in held) >= 75
    assert len(held) + len(rows(*TUNING)) >= 300


def test_no_text_is_in_both_a_held_out_and_a_tuning_set():
    held = {normalise(r["text"]) for r in rows("heldout", "heldout2")}
    assert not held & {normalise(r["text"]) for r in rows(*TUNING)}


@pytest.mark.parametrize("name", TUNING)
def test_the_screen_still_catches_the_tuning_sets_emergencies_without_crying_wolf(name):
    data = rows(name)
    flagged = [bool(assess(r["text"])) for r in data]
    urgent = [f for f, r in zip(flagged, data, strict=True) if r["urgent"]]
    calm = [f for f, r in zip(flagged, data, strict=True) if not r["urgent"]]
    assert sum(urgent) / len(urgent) >= RECALL_FLOOR[name]
    assert sum(calm) / len(calm) <= 0.02


def test_the_fast_first_look_never_turns_away_a_text_the_rules_could_match():
    for row in rows(*TUNING, "heldout", "heldout2"):
        text = row["text"]
        if _has_danger(normalise(text)):
            assert might_be_urgent(text), text[:80]
