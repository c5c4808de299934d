"""How well person matching tells one person from two, and what a comparison costs.

    .venv/bin/python benchmarks/person_match.py                  # both splits, by family
    .venv/bin/python benchmarks/person_match.py --show-misses    # the tune split's errors

For the labelled pairs in evaluation/people/pairs.csv it prints precision, recall and F1 of
`person_match(...).is_match` for each split (`tune`, which the weights were chosen on, and
`heldout`, which they were not) and for each family of pairs, how often two records of one
person the name keys find, and the time per comparison (cold: parsing each name for the first
time; warm: names already parsed, as when one new record is compared with its candidates). The
goal (issue 12): precision and recall at least 0.95 each. Held-out pairs are printed only with
`--show-heldout`.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from csphub.entities import people  # noqa: E402
from csphub.entities.people import PersonRecord, blocked_together, blocking_keys, person_match  # noqa: E402

PAIRS = ROOT / "evaluation" / "people" / "pairs.csv"
GOAL = 0.95


def record(row: dict[str, str], side: str) -> PersonRecord:
    def day(value: str) -> date | None:
        return date.fromisoformat(value) if value else None

    age = row[f"age_{side}"]
    return PersonRecord(
        name=row[f"name_{side}"],
        age=int(age) if age else None,
        date_of_birth=day(row[f"dob_{side}"]),
        seen_on=day(row[f"seen_{side}"]),
    )


def scores(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(name: str, rows: list[dict], predicted: list[bool], show: int) -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
    for row, guess in zip(rows, predicted, strict=True):
        truth = row["label"] == "1"
        cell = 0 if truth and guess else 1 if guess else 2 if truth else 3
        counts[row["family"]][cell] += 1
        counts["all"][cell] += 1
    tp, fp, fn, tn = counts["all"]
    precision, recall, f1 = scores(tp, fp, fn)
    met = "meets" if precision >= GOAL and recall >= GOAL else "misses"
    print(f"\n{name}: {len(rows)} pairs ({tp + fn} same person, {fp + tn} different)")
    print(f"  precision {precision:.3f}   recall {recall:.3f}   F1 {f1:.3f}   ({met} the goal)")
    print(f"  {'family':<18} {'pairs':>5} {'same':>5} {'P':>6} {'R':>6} {'F1':>6}  errors")
    for family in sorted(k for k in counts if k != "all"):
        tp, fp, fn, tn = counts[family]
        p, r, f = scores(tp, fp, fn)
        errors = f"{fn} missed, {fp} wrongly matched" if fn or fp else ""
        total = tp + fp + fn + tn
        shown_p = f"{p:>6.3f}" if tp + fp else f"{'-':>6}"
        shown_r, shown_f = (f"{r:>6.3f}", f"{f:>6.3f}") if tp + fn else (f"{'-':>6}", f"{'-':>6}")
        print(f"  {family:<18} {total:>5} {tp + fn:>5} {shown_p} {shown_r} {shown_f}  {errors}")
    if show:
        wrong = [
            (row, guess)
            for row, guess in zip(rows, predicted, strict=True)
            if guess != (row["label"] == "1")
        ]
        for row, guess in wrong[:show]:
            a, b = record(row, "a"), record(row, "b")
            match = person_match(a, b, shared_context=int(row["shared_context"]))
            kind = "wrongly matched" if guess else "missed"
            print(f"  - {row['id']} {row['family']} {kind} score {match.score:.3f}")
            print(f"      {a}\n      {b}  context {row['shared_context']}")
            print(f"      {[(r.kind, r.value) for r in match.reasons]}")


def blocking(rows: list[dict]) -> tuple[float, float, float]:
    """Of the same-person pairs, and of the pairs person_match matches, the share that the name
    keys find (no shared context: nothing else brings them together); name keys per name."""
    same = [r for r in rows if r["label"] == "1" and r["shared_context"] == "0"]
    matched = [r for r in rows if person_match(record(r, "a"), record(r, "b")).is_match]
    found = sum(blocked_together(r["name_a"], r["name_b"]) for r in same)
    found_matched = sum(blocked_together(r["name_a"], r["name_b"]) for r in matched)
    sizes = [len(blocking_keys(r[f"name_{s}"])) for r in rows for s in "ab"]
    return (
        found / max(len(same), 1),
        found_matched / max(len(matched), 1),
        statistics.mean(sizes),
    )


def timing(rows: list[dict], repeats: int) -> tuple[float, float]:
    pairs = [(record(r, "a"), record(r, "b"), int(r["shared_context"])) for r in rows]
    caches = [
        people._parse, people._nickname_forms, people._canonicals, people._metaphone,
        people._nysiis,
    ]  # fmt: skip
    colds = []
    for _ in range(5):  # the median of five cold passes: the machine may be busy
        for cache in caches:
            cache.cache_clear()
        start = time.perf_counter()
        for a, b, context in pairs:
            person_match(a, b, shared_context=context)
        colds.append((time.perf_counter() - start) / len(pairs))
    cold = statistics.median(colds)
    start = time.perf_counter()
    for _ in range(repeats):
        for a, b, context in pairs:
            person_match(a, b, shared_context=context)
    warm = (time.perf_counter() - start) / (len(pairs) * repeats)
    return cold * 1e6, warm * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", type=int, nargs="?", const=40, default=0)
    parser.add_argument("--show-heldout", action="store_true")
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    with PAIRS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    print(f"person matching, threshold {people.MATCH_THRESHOLD}, goal P and R >= {GOAL}")
    cold, warm = timing(rows, args.repeats)
    for split in ("tune", "heldout"):
        chosen = [r for r in rows if r["split"] == split]
        predicted = [
            person_match(
                record(r, "a"), record(r, "b"), shared_context=int(r["shared_context"])
            ).is_match
            for r in chosen
        ]
        show = args.show_misses if split == "tune" or args.show_heldout else 0
        report(split, chosen, predicted, show)
        recall, matched, size = blocking(chosen)
        print(
            f"  blocking: the name keys find {recall:.3f} of same-person pairs (no shared "
            f"context) and {matched:.3f} of the pairs matched; {size:.1f} name keys per name"
        )
    print(
        f"\ntime per comparison: {cold:.1f} µs cold (names parsed for the first time), "
        f"{warm:.1f} µs warm ({len(rows)} pairs x {args.repeats})"
    )


if __name__ == "__main__":
    main()
