"""The rules of ASB interventions (plain Python): what must come first, who may receive one,
how long it may last. The types are data (cases.models.InterventionType: the law changes; the
Crime and Policing Bill adds Respect Orders), shipped with those of the Anti-social Behaviour,
Crime and Policing Act 2014 and local practice; this module checks an intervention against its
type's rules and says plainly what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Rules:
    name: str
    requires_first: str = ""  # the name of a type the same person must have had first
    requires_first_key: str = ""
    minimum_age: int | None = None  # on the day issued
    max_days: int | None = None  # the longest it may last, in days ...
    max_days_under_18: int | None = None
    max_days_extended: int | None = None  # ... with an extension
    max_words: str = ""  # ... and as the law says it ("3 months")
    max_words_under_18: str = ""
    max_words_extended: str = ""
    max_hours: int | None = None  # for a notice measured in hours
    max_hours_extended: int | None = None
    requires_conviction: bool = False
    area_based: bool = False  # applies to a place (a PSPO), not a person
    requires_consultation: bool = False
    appeal_days: int | None = None


@dataclass(frozen=True)
class Proposed:
    issued_on: date
    starts_on: date
    ends_on: date | None = None  # the day it expires (for hours: the same or next day)
    hours: int | None = None
    extended: bool = False
    subject_age: int | None = None  # the person's age on the day issued; None if not known
    has_subject: bool = True
    had_first: bool = False  # the person had the type this one requires first
    conviction: bool = False
    consultation: bool = False


def problems(rules: Rules, proposed: Proposed) -> dict[str, str]:
    """Field -> what is wrong, in words for the case officer; empty when it may be issued."""
    found: dict[str, str] = {}
    if proposed.starts_on < proposed.issued_on:
        found["starts_on"] = "It cannot start before it is issued"
    if proposed.ends_on is not None and proposed.ends_on < proposed.starts_on:
        found["ends_on"] = "It cannot end before it starts"
    found.update(_subject(rules, proposed))
    if rules.requires_first_key and not proposed.had_first:
        first = _a(rules.requires_first, capital=False)
        found["type"] = f"{_a(rules.name)} needs {first} given to the person first"
    if rules.requires_conviction and not proposed.conviction:
        found["conviction"] = f"{_a(rules.name)} is made only on conviction: record the conviction"
    if rules.requires_consultation and not proposed.consultation:
        found["consultation"] = f"{_a(rules.name)} needs its consultation recorded"
    found.update(_duration(rules, proposed))
    return found


def _subject(rules: Rules, proposed: Proposed) -> dict[str, str]:
    if rules.area_based:
        if proposed.has_subject:
            return {"subject": f"{_a(rules.name)} applies to a place, not to a person"}
        return {}
    if not proposed.has_subject:
        return {"subject": f"{_a(rules.name)} is given to a person: choose the perpetrator"}
    if rules.minimum_age is None:
        return {}
    if proposed.subject_age is None:
        return {"subject": f"{_a(rules.name)} needs the person's age: record their date of birth"}
    if proposed.subject_age < rules.minimum_age:
        return {"subject": f"{_a(rules.name)} is for people aged {rules.minimum_age} or over"}
    return {}


def _duration(rules: Rules, proposed: Proposed) -> dict[str, str]:
    if rules.max_hours is not None:
        limit = rules.max_hours_extended if proposed.extended else rules.max_hours
        if proposed.hours is None:
            return {"hours": f"Say how many hours the {rules.name} lasts"}
        if limit is not None and proposed.hours > limit:
            how = " with its extension" if proposed.extended else ""
            return {"hours": f"{_a(rules.name)} lasts at most {limit} hours{how}"}
        return {}
    if proposed.ends_on is None:
        return {"ends_on": f"Give the day the {rules.name} ends"} if rules.max_days else {}
    days = (proposed.ends_on - proposed.starts_on).days
    if proposed.extended:
        limits = [(rules.max_days_extended, rules.max_words_extended, " with its extension")]
    else:
        limits = [(rules.max_days, rules.max_words, "")]
    if proposed.subject_age is not None and proposed.subject_age < 18:
        limits.append((rules.max_days_under_18, rules.max_words_under_18, " for someone under 18"))
    for limit, words, why in limits:
        if limit is not None and days > limit:
            return {"ends_on": f"{_a(rules.name)} lasts at most {words or f'{limit} days'}{why}"}
    return {}


def _a(name: str, *, capital: bool = True) -> str:
    """'A Community Protection Notice', 'An Acceptable Behaviour Contract'."""
    article = "an" if name[:1].lower() in "aeiou" else "a"
    return f"{article.capitalize() if capital else article} {name}"


def appeal_by(rules: Rules, issued_on: date) -> date | None:
    return issued_on + timedelta(days=rules.appeal_days) if rules.appeal_days else None
