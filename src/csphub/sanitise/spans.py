"""The value types of the redaction engine (re-exported by `csphub.sanitise`)."""

from __future__ import annotations

from dataclasses import dataclass, field

TYPES: tuple[str, ...] = (
    "PERSON",
    "ADDRESS",
    "POSTCODE",
    "PHONE",
    "EMAIL",
    "DOB",
    "VEHICLE",
    "NI_NUMBER",
    "NHS_NUMBER",
    "BANK_DETAILS",
    "HANDLE",
    "IP_ADDRESS",
)

LABELS: dict[str, str] = {
    "ADDRESS": "[ADDRESS]",
    "POSTCODE": "[POSTCODE]",
    "PHONE": "[PHONE]",
    "EMAIL": "[EMAIL]",
    "DOB": "[DOB]",
    "VEHICLE": "[VEHICLE]",
    "NI_NUMBER": "[NI NUMBER]",
    "NHS_NUMBER": "[NHS NUMBER]",
    "BANK_DETAILS": "[BANK DETAILS]",
    "HANDLE": "[HANDLE]",
    "IP_ADDRESS": "[IP ADDRESS]",
}  # PERSON labels are lettered per text: [PERSON A], [PERSON B], ...


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    text: str
    score: float = 1.0
    source: str = ""  # which recogniser found it, for the analyst's review and for debugging


@dataclass(frozen=True)
class Replacement:
    span: Span
    label: str


@dataclass(frozen=True)
class Redaction:
    text: str
    spans: list[Span] = field(default_factory=list)
    replacements: list[Replacement] = field(default_factory=list)
