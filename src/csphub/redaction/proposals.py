"""The redactions CSP Hub proposes for a submission's information text, and the analyst's edits.

Proposals come from three places, in this order of precedence:

1. the redaction engine (`csphub.sanitise.find_personal_data`),
2. the submission's own structured details (people's names, vehicle registrations, phone
   numbers, emails and handles, the postcode, the submitter's name) wherever they also occur
   in the text and the engine missed them,
3. text the analyst marked ("Also redact this exact text"): every occurrence is added, and it
   replaces any proposal it overlaps (so an analyst can widen "Nowak" to "Piotr Nowak").

Nothing here writes to the database; `services.sanitised_version_approve` stores the result.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from csphub import sanitise
from csphub.intelligence.models import IdentifierKind, Submission

SOURCE_ENGINE = "engine"
SOURCE_SUBMISSION = "submission"
SOURCE_ANALYST = "analyst"

SOURCE_LABELS = {
    SOURCE_ENGINE: "found by CSP Hub",
    SOURCE_SUBMISSION: "given in the submission's details",
    SOURCE_ANALYST: "added by you",
}

TYPE_NAMES = {
    "PERSON": "Person",
    "ADDRESS": "Address",
    "POSTCODE": "Postcode",
    "PHONE": "Phone number",
    "EMAIL": "Email address",
    "DOB": "Date of birth",
    "VEHICLE": "Vehicle",
    "NI_NUMBER": "NI number",
    "NHS_NUMBER": "NHS number",
    "BANK_DETAILS": "Bank details",
    "HANDLE": "Social media handle",
    "IP_ADDRESS": "IP address",
}

# Keyed by IdentifierKind's values (the model field holds the plain string).
_IDENTIFIER_TYPES: dict[str, str] = {
    IdentifierKind.PHONE: "PHONE",
    IdentifierKind.EMAIL: "EMAIL",
    IdentifierKind.SOCIAL: "HANDLE",
}
# Characters a writer may put inside a number or registration ("07700 900-123", "FV19 XKT").
_SEPARATORS = " \t\r\n-().'"
_SEPARATOR_PATTERN = r"[\s\-().']*"
MIN_VALUE_LENGTH = 3


def type_name(kind: str) -> str:
    return TYPE_NAMES.get(kind, kind.replace("_", " ").capitalize())


def type_choices() -> list[tuple[str, str]]:
    return [(kind, type_name(kind)) for kind in sanitise.TYPES]


@dataclass(frozen=True)
class Proposal:
    start: int
    end: int
    type: str
    text: str
    source: str = SOURCE_ENGINE

    @property
    def key(self) -> str:
        return f"{self.start}:{self.end}:{self.type}"

    @property
    def type_name(self) -> str:
        return type_name(self.type)

    @property
    def source_label(self) -> str:
        return SOURCE_LABELS.get(self.source, self.source)

    def overlaps(self, other: Proposal) -> bool:
        return self.start < other.end and other.start < self.end

    def within(self, other: Proposal) -> bool:
        return other.start <= self.start and self.end <= other.end

    def as_span(self) -> sanitise.Span:
        return sanitise.Span(
            start=self.start,
            end=self.end,
            type=self.type,
            text=self.text,
            score=1.0,
            source=self.source,
        )


def parse_key(key: str, information: str, *, source: str = SOURCE_ANALYST) -> Proposal | None:
    """A proposal from its form value "start:end:TYPE", or None if it is not a valid one."""
    parts = (key or "").split(":")
    if (
        len(parts) != 3
        or not parts[0].isdigit()
        or not parts[1].isdigit()
        or parts[2] not in sanitise.TYPES
    ):
        return None
    start, end = int(parts[0]), int(parts[1])
    if not 0 <= start < end <= len(information):
        return None
    return Proposal(start, end, parts[2], information[start:end], source)


# ---- Finding values in text --------------------------------------------------------------


def value_pattern(value: str, *, ignore_case: bool = True) -> re.Pattern | None:
    """A pattern for `value` as written in free text: separators optional, whole words only."""
    core = "".join(ch for ch in (value or "") if ch not in _SEPARATORS)
    if len(core) < MIN_VALUE_LENGTH:
        return None
    body = _SEPARATOR_PATTERN.join(re.escape(ch) for ch in core)
    before = r"(?<![^\W_])" if core[0].isalnum() else ""
    after = r"(?![^\W_])" if core[-1].isalnum() else ""
    return re.compile(before + body + after, re.IGNORECASE if ignore_case else 0)


def occurrences(text: str, value: str, *, ignore_case: bool = True) -> list[tuple[int, int]]:
    pattern = value_pattern(value, ignore_case=ignore_case)
    return [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []


def exact_occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every occurrence of exactly `phrase` (case-insensitive), as the analyst typed it."""
    phrase = (phrase or "").strip()
    if not phrase:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text, re.IGNORECASE)]


def structured_values(submission: Submission) -> list[tuple[str, str]]:
    """(type, value) for each detail given in the submission's structured fields.

    None of these may ever reach a forum: the approval service refuses a text that contains one.
    """
    values: list[tuple[str, str]] = []
    for person in submission.people.all():
        if person.name.strip():
            values.append(("PERSON", person.name.strip()))
    for vehicle in submission.vehicles.all():
        if vehicle.registration:
            values.append(("VEHICLE", vehicle.registration))
    for identifier in submission.identifiers.all():
        value = identifier.value.strip()
        kind = _IDENTIFIER_TYPES.get(identifier.kind, "HANDLE")
        values.append((kind, value.lstrip("@") if kind == "HANDLE" else value))
    if submission.postcode:
        values.append(("POSTCODE", submission.postcode))
    submitter = submission.submitted_by
    if submitter.full_name.strip():
        values.append(("PERSON", submitter.full_name.strip()))
    return values


def structured_leaks(submission: Submission, text: str) -> list[tuple[str, str]]:
    """The structured details (type, value) that occur in `text`."""
    return [
        (kind, value) for kind, value in structured_values(submission) if occurrences(text, value)
    ]


def _name_parts(submission: Submission) -> list[str]:
    parts = []
    for kind, value in structured_values(submission):
        if kind == "PERSON":
            parts += [
                p for p in re.split(r"\s+", value) if len(p) >= MIN_VALUE_LENGTH and p[:1].isupper()
            ]
    return parts


# ---- Building the list -------------------------------------------------------------------


def _add(proposals: list[Proposal], new: Proposal, *, replace: bool) -> None:
    """Add `new` unless it is inside one already there; with `replace`, it displaces any it
    overlaps."""
    if any(new.within(p) for p in proposals):
        return
    clashing = [p for p in proposals if p.overlaps(new)]
    if clashing and not replace:
        return
    for p in clashing:
        proposals.remove(p)
    proposals.append(new)


def engine_proposals(information: str, spans: list[sanitise.Span] | None = None) -> list[Proposal]:
    """The engine's finds as proposals; `spans` if the engine already ran (in a batch)."""
    found: list[Proposal] = []
    for span in sanitise.find_personal_data(information) if spans is None else spans:
        if span.type in sanitise.TYPES and 0 <= span.start < span.end <= len(information):
            _add(
                found,
                Proposal(
                    span.start,
                    span.end,
                    span.type,
                    information[span.start : span.end],
                    SOURCE_ENGINE,
                ),
                replace=False,
            )
    return found


def propose(
    submission: Submission,
    *,
    added: Sequence[Proposal] = (),
    engine: list[Proposal] | None = None,
) -> list[Proposal]:
    """Everything to offer the analyst for this submission, sorted by position. `engine`: the
    engine's proposals, if already found."""
    information = submission.information
    proposals = list(engine_proposals(information) if engine is None else engine)
    for kind, value in structured_values(submission):
        for start, end in occurrences(information, value):
            _add(
                proposals,
                Proposal(start, end, kind, information[start:end], SOURCE_SUBMISSION),
                replace=False,
            )
    for part in _name_parts(submission):  # "Nowak" alone, for a person given as "Piotr Nowak"
        for start, end in occurrences(information, part, ignore_case=False):
            _add(
                proposals,
                Proposal(start, end, "PERSON", information[start:end], SOURCE_SUBMISSION),
                replace=False,
            )
    for proposal in added:
        _add(proposals, proposal, replace=True)
    return sorted(proposals, key=lambda p: (p.start, p.end))


def phrase_proposals(information: str, phrase: str, kind: str) -> list[Proposal]:
    """The analyst's "Also redact this exact text": one proposal per occurrence."""
    return [
        Proposal(s, e, kind, information[s:e], SOURCE_ANALYST)
        for s, e in exact_occurrences(information, phrase)
    ]


def without_overlaps(chosen: list[Proposal]) -> list[Proposal]:
    kept: list[Proposal] = []
    for proposal in sorted(chosen, key=lambda p: (p.start, -(p.end - p.start))):
        if not any(proposal.overlaps(k) for k in kept):
            kept.append(proposal)
    return kept


@dataclass(frozen=True)
class Preview:
    text: str
    spans: list[dict]  # {start, end, type, label}: what the approval stores


def preview(information: str, chosen: list[Proposal], *, postcode_sector: bool) -> Preview:
    """The information text with the chosen redactions applied by the engine."""
    chosen = without_overlaps(chosen)
    result = sanitise.redact(
        information, spans=[p.as_span() for p in chosen], postcode_sector=postcode_sector
    )
    labels = {(r.span.start, r.span.end): r.label for r in result.replacements}
    spans = [
        {
            "start": p.start,
            "end": p.end,
            "type": p.type,
            "label": labels.get((p.start, p.end)) or sanitise.LABELS.get(p.type, f"[{p.type}]"),
        }
        for p in chosen
    ]
    return Preview(text=result.text, spans=spans)


@dataclass(frozen=True)
class Segment:
    text: str
    proposal: Proposal | None = None
    number: int = 0
    kept: bool = False


def segments(information: str, proposals: list[Proposal], kept_keys: set[str]) -> list[Segment]:
    """The information text cut into plain runs and proposals, for highlighting."""
    out: list[Segment] = []
    at = 0
    for number, proposal in enumerate(proposals, start=1):
        if proposal.start < at:
            continue
        if proposal.start > at:
            out.append(Segment(information[at : proposal.start]))
        out.append(Segment(proposal.text, proposal, number, proposal.key in kept_keys))
        at = proposal.end
    if at < len(information):
        out.append(Segment(information[at:]))
    return out
