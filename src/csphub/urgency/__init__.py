"""Spot wording that says someone is at immediate risk, so the submitter is told to call 999.

Plain Python (no Django). Two readers, explained to the submitter and the analyst:

- **rules** (`rules.py`): emergencies described in the present ("he's getting battered outside
  the chippy right now", "she isn't breathing"), not in the past, a video, a plan, a question or
  a denial ("was beaten last month", "might hurt her one day", "nobody was hurt");
- **model** (`classifier.py`): a logistic model over sentence embeddings, asked only when the
  rules found nothing in a text that has some wording of danger, for emergencies phrased in
  ways no pattern foresaw.

Recall matters more than precision: a false alarm costs one extra page, a miss may cost a life.
`benchmarks/urgency.py` measures both on evaluation/urgency/ (a held-out set among them).

    findings = assess(information, place_description)
    if findings: ...   # each has .reason, .excerpt, .wording, .source, .explanation
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import might_be_urgent, open_danger, rule_hits

__all__ = ["MODEL_REASON", "Finding", "assess", "find_immediate_risk"]

MODEL_REASON = "the wording reads like an emergency happening now"
_MAX_MODEL_SENTENCES = 12


@dataclass(frozen=True)
class Finding:
    reason: str  # plain words, e.g. "someone is being attacked"
    excerpt: str  # the sentence as the submitter wrote it (at most 200 characters)
    wording: str  # what the rules matched, or the model's score
    source: str  # "rules" or "model"
    score: float | None = None

    @property
    def explanation(self) -> str:
        return f"{self.reason} (“{self.wording}”)"


def assess(*texts: str, use_model: bool = True) -> list[Finding]:
    """What in the texts suggests someone is at immediate risk, one finding per reason."""
    findings: list[Finding] = []
    seen: set[str] = set()
    texts = tuple(t for t in texts if t and t.strip() and might_be_urgent(t))
    for text in texts:
        for hit in rule_hits(text):
            if hit.reason not in seen:
                seen.add(hit.reason)
                findings.append(
                    Finding(
                        reason=hit.reason,
                        excerpt=hit.sentence[:200],
                        wording=hit.words,
                        source="rules",
                    )
                )
    if findings or not use_model:
        return findings
    return _model_findings(texts)


def _model_findings(texts: tuple[str, ...]) -> list[Finding]:
    """Score each text whole and each of its sentences with danger wording; the best decides,
    and the best-scoring sentence is what the submitter and analyst are shown."""
    if not texts:
        return []
    from .classifier import classifier

    model = classifier()
    candidates: list[str] = []
    for text in texts:
        parts = open_danger(text)
        if parts:
            candidates += [text, *parts] if parts != [text] else [text]
    if not candidates:
        return []
    candidates = candidates[:_MAX_MODEL_SENTENCES]
    scores = model.probabilities(candidates)
    best = float(scores.max())
    if best < model.threshold:
        return []
    sentence_scores = [
        (score, c) for score, c in zip(scores, candidates, strict=True) if c not in texts
    ]
    excerpt = max(sentence_scores)[1] if sentence_scores else candidates[int(scores.argmax())]
    return [
        Finding(
            reason=MODEL_REASON,
            excerpt=excerpt[:200],
            wording=f"model score {best:.2f}",
            source="model",
            score=best,
        )
    ]


# The name the intelligence app has always used.
find_immediate_risk = assess
