"""Probabilistic person matching (plain Python). Interim version: exact normalised names with
an age check; the full engine replaces it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

MATCH_THRESHOLD = 0.8
_NOT_NAMES = {
    "unknown",
    "unknown male",
    "unknown female",
    "him",
    "her",
    "the lad",
    "male",
    "female",
}


@dataclass(frozen=True)
class PersonRecord:
    name: str
    age: int | None = None
    date_of_birth: date | None = None
    seen_on: date | None = None


@dataclass(frozen=True)
class Reason:
    kind: str
    value: str


@dataclass(frozen=True)
class PersonMatch:
    score: float
    reasons: tuple[Reason, ...]

    @property
    def is_match(self) -> bool:
        return self.score >= MATCH_THRESHOLD


def normalise_name(name: str) -> str | None:
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    if "," in text:
        last, _, first = text.partition(",")
        text = f"{first} {last}"
    text = re.sub(r"[^a-z' -]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text or text in _NOT_NAMES:
        return None
    return text


def blocking_keys(name: str) -> list[str]:
    normal = normalise_name(name)
    if not normal:
        return []
    parts = normal.split()
    return [f"{parts[-1]}|{parts[0][0]}"]


def _birth_year(record: PersonRecord) -> int | None:
    if record.date_of_birth:
        return record.date_of_birth.year
    if record.age is not None and record.seen_on:
        return record.seen_on.year - record.age
    return None


def person_match(a: PersonRecord, b: PersonRecord, *, shared_context: int = 0) -> PersonMatch:
    name_a, name_b = normalise_name(a.name), normalise_name(b.name)
    if not name_a or name_a != name_b:
        return PersonMatch(0.0, ())
    reasons = [Reason("same_name", a.name)]
    score = 0.8 if " " in name_a else 0.3
    year_a, year_b = _birth_year(a), _birth_year(b)
    if year_a and year_b:
        if abs(year_a - year_b) <= 2:
            score = min(1.0, score + 0.15)
            reasons.append(Reason("same_age_band", f"born about {year_a}"))
        else:
            return PersonMatch(0.05, (*reasons, Reason("different_age", f"{year_a} / {year_b}")))
    score = min(1.0, score + 0.1 * shared_context)
    return PersonMatch(score, tuple(reasons))
