"""The redaction evaluation corpus is big enough, labelled consistently and rebuilt identically."""

import collections
import json
import subprocess
import sys
from pathlib import Path

import pytest
from evaluation.redaction import markup
from evaluation.redaction.build_corpus import is_valid_nhs

from csphub.sanitise import TYPES

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "evaluation" / "redaction" / "corpus.jsonl"
BUILD = ROOT / "evaluation" / "redaction" / "build_corpus.py"


@pytest.fixture(scope="module")
def records():
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def test_the_corpus_has_at_least_300_texts_and_60_hand_written_hard_cases(records):
    assert len(records) >= 300
    assert sum(r["kind"] == "hard" for r in records) >= 60
    assert {r["kind"] for r in records} == {"template", "hard"}


def test_ids_are_unique(records):
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))


def test_every_span_text_is_the_substring_it_points_at(records):
    for r in records:
        for s in r["spans"]:
            assert r["text"][s["start"] : s["end"]] == s["text"], (r["id"], s)


def test_span_types_are_the_engine_types(records):
    assert markup.TYPES == TYPES
    for r in records:
        for s in r["spans"]:
            assert s["type"] in TYPES, (r["id"], s)


def test_spans_are_sorted_and_do_not_overlap(records):
    for r in records:
        spans = r["spans"]
        for a, b in zip(spans, spans[1:], strict=False):
            assert a["end"] <= b["start"], (r["id"], a, b)


def test_spans_are_not_empty_and_have_no_surrounding_whitespace(records):
    for r in records:
        for s in r["spans"]:
            assert s["text"] and s["text"] == s["text"].strip(), (r["id"], s)


def test_every_type_appears_at_least_15_times(records):
    counts = collections.Counter(s["type"] for r in records for s in r["spans"])
    for t in TYPES:
        assert counts[t] >= 15, (t, counts[t])


def test_every_labelled_nhs_number_passes_the_modulus_11_check(records):
    for r in records:
        for s in r["spans"]:
            if s["type"] == "NHS_NUMBER":
                assert is_valid_nhs(s["text"]), (r["id"], s)


def test_texts_are_the_length_of_real_submissions(records):
    lengths = [len(r["text"]) for r in records]
    assert 700 <= sum(lengths) / len(lengths) <= 1000
    assert max(lengths) <= 1500
    assert sum(n >= 300 for n in lengths) >= 0.95 * len(lengths)


def test_some_texts_have_no_personal_data_at_all(records):
    assert sum(not r["spans"] for r in records if r["kind"] == "hard") >= 5


def test_markup_parsing_gives_offsets_into_the_plain_text():
    text, spans = markup.parse("Call [[Mrs D. Taylor|PERSON]] on [[0116 496 0123|PHONE]].")
    assert text == "Call Mrs D. Taylor on 0116 496 0123."
    assert spans == [
        {"start": 5, "end": 18, "type": "PERSON", "text": "Mrs D. Taylor"},
        {"start": 22, "end": 35, "type": "PHONE", "text": "0116 496 0123"},
    ]
    with pytest.raises(ValueError):
        markup.parse("[[x|NOT_A_TYPE]]")


def test_the_build_script_regenerates_the_identical_file(tmp_path):
    out = tmp_path / "corpus.jsonl"
    subprocess.run(
        [sys.executable, str(BUILD), "--out", str(out)], check=True, capture_output=True, cwd=ROOT
    )
    assert out.read_bytes() == CORPUS.read_bytes()
