"""Scoring personal-data detection against the labelled corpus (plain functions, no I/O).

Matching rule (the same one README.md documents):

* A predicted span **matches** a gold span when they have the **same type** and either are exactly
  the same characters or overlap by **at least 50% of the gold span's length**.
* Each gold span and each predicted span is used in **at most one** match. Within a text the
  matching is a maximum one-to-one matching (Kuhn's augmenting paths, trying the largest
  overlaps first), so the count of matches never depends on the order spans are listed in.
* **precision** = matched predictions / predictions; **recall** = matched gold / gold;
  **F1** = their harmonic mean. Overall figures are micro-averaged (summed over types and texts).
* **covered recall** (the "leak" view): a gold span is covered when the predicted spans of **any**
  type together cover at least **90%** of its non-whitespace characters. A redaction that hides
  a phone number under an [ADDRESS] label leaks nothing, so this is the figure that matters for a
  breach; it ignores types and boundaries' exact placement.

Spans may be dicts (``start``, ``end``, ``type``) or objects with those attributes (such as
``csphub.sanitise.Span``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

MIN_OVERLAP = 0.5  # of the gold span's length
MIN_COVER = 0.9  # of the gold span's non-whitespace characters

# The goals the engine is held to (issue "Sanitisation"); the benchmark prints them and
# tests/sanitise/test_redaction_corpus_quality.py guards them.
STRUCTURED_TYPES = (
    "PHONE",
    "EMAIL",
    "POSTCODE",
    "VEHICLE",
    "NI_NUMBER",
    "NHS_NUMBER",
    "BANK_DETAILS",
)
RECALL_GOALS: dict[str, float] = {
    **{t: 0.99 for t in STRUCTURED_TYPES},
    "PERSON": 0.95,
    "ADDRESS": 0.95,
}
PRECISION_GOAL = 0.90  # overall (micro)
THROUGHPUT_GOAL = 100.0  # texts per second, single-threaded, and at least stock Presidio's


@dataclass(frozen=True, order=True)
class S:
    """A span reduced to what scoring needs."""

    start: int
    end: int
    type: str

    def __len__(self) -> int:
        return self.end - self.start


def as_span(x: Any) -> S:
    if isinstance(x, S):
        return x
    if isinstance(x, dict):
        return S(int(x["start"]), int(x["end"]), str(x["type"]))
    return S(int(x.start), int(x.end), str(x.type))


def overlap(a: S, b: S) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def is_match(gold: Any, pred: Any, min_overlap: float = MIN_OVERLAP) -> bool:
    """Whether ``pred`` may match ``gold`` under the rule (ignoring one-to-one use)."""
    g, p = as_span(gold), as_span(pred)
    if g.type != p.type:
        return False
    if (g.start, g.end) == (p.start, p.end):
        return True
    return len(g) > 0 and overlap(g, p) >= min_overlap * len(g)


def match(
    gold: Sequence[Any], pred: Sequence[Any], min_overlap: float = MIN_OVERLAP
) -> list[tuple[int, int]]:
    """One-to-one matched pairs ``(gold index, predicted index)``, as many as possible."""
    gs = [as_span(g) for g in gold]
    ps = [as_span(p) for p in pred]
    candidates: list[list[int]] = []
    for g in gs:
        cands = [j for j, p in enumerate(ps) if is_match(g, p, min_overlap)]
        cands.sort(key=lambda j: (-overlap(g, ps[j]), abs(len(ps[j]) - len(g)), j))
        candidates.append(cands)
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gs)):
        if candidates[i]:
            augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def covered_fraction(gold: Any, text: str | None, cover: Iterable[Any]) -> float:
    """Share of ``gold``'s non-whitespace characters inside any of the ``cover`` spans.

    Without ``text`` every character of the gold span counts.
    """
    g = as_span(gold)
    positions = [i for i in range(g.start, g.end) if text is None or not text[i].isspace()]
    if not positions:
        positions = list(range(g.start, g.end))
    if not positions:
        return 1.0
    hidden = set()
    for c in cover:
        c = as_span(c)
        lo, hi = max(c.start, g.start), min(c.end, g.end)
        if lo < hi:
            hidden.update(range(lo, hi))
    return sum(1 for i in positions if i in hidden) / len(positions)


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    matched: int = 0  # matched gold == matched predictions (one-to-one)
    covered: int = 0  # gold spans covered by predictions of any type

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.matched += other.matched
        self.covered += other.covered

    @property
    def precision(self) -> float | None:
        return self.matched / self.pred if self.pred else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if r is None:
            return None
        if not p or not r:
            return 0.0
        return 2 * p * r / (p + r)

    @property
    def covered_recall(self) -> float | None:
        return self.covered / self.gold if self.gold else None


@dataclass
class DocScore:
    by_type: dict[str, Counts] = field(default_factory=dict)
    missed: list[S] = field(default_factory=list)  # gold spans not matched
    false_positives: list[S] = field(default_factory=list)  # predictions not matched
    uncovered: list[S] = field(default_factory=list)  # gold spans not covered (leaks)


def score_document(
    gold: Sequence[Any],
    pred: Sequence[Any],
    *,
    text: str | None = None,
    cover: Sequence[Any] | None = None,
    min_overlap: float = MIN_OVERLAP,
    min_cover: float = MIN_COVER,
) -> DocScore:
    """Counts for one text. ``cover`` (default: ``pred``) are the spans a redaction would hide,
    including any the typed comparison leaves out."""
    gs = [as_span(g) for g in gold]
    ps = [as_span(p) for p in pred]
    cover_spans = [as_span(c) for c in (pred if cover is None else cover)]
    pairs = match(gs, ps, min_overlap)
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    out = DocScore()
    for i, g in enumerate(gs):
        c = out.by_type.setdefault(g.type, Counts())
        c.gold += 1
        if i in matched_g:
            c.matched += 1
        else:
            out.missed.append(g)
        if covered_fraction(g, text, cover_spans) >= min_cover:
            c.covered += 1
        else:
            out.uncovered.append(g)
    for j, p in enumerate(ps):
        out.by_type.setdefault(p.type, Counts()).pred += 1
        if j not in matched_p:
            out.false_positives.append(p)
    return out


def aggregate(docs: Iterable[DocScore], types: Sequence[str]) -> dict[str, Counts]:
    """Per-type counts over all texts plus ``"ALL"`` (micro: the sum over ``types``)."""
    total = {t: Counts() for t in types}
    for d in docs:
        for t, c in d.by_type.items():
            total.setdefault(t, Counts()).add(c)
    overall = Counts()
    for t in types:
        overall.add(total[t])
    total["ALL"] = overall
    return total


def figures(counts: dict[str, Counts]) -> dict[str, dict[str, float | int | None]]:
    """The counts as plain numbers, for JSON."""
    return {
        t: {
            "gold": c.gold,
            "pred": c.pred,
            "matched": c.matched,
            "covered": c.covered,
            "precision": c.precision,
            "recall": c.recall,
            "f1": c.f1,
            "covered_recall": c.covered_recall,
        }
        for t, c in counts.items()
    }
