"""Personal-data detection and redaction for intelligence text (plain Python, no Django).

Public interface (stable; the portal, the `csphub redact` command and the evaluation use it):

    find_personal_data(text) -> list[Span]
        every personal-data item found, as typed spans with a confidence, sorted, not overlapping
    redact(text, *, spans=None, postcode_sector=False) -> Redaction
        the text with each item replaced by a typed, document-consistent label; `spans` lets an
        analyst's edited choice of spans be applied instead of the engine's own proposal

Span types (TYPES) and their labels: PERSON -> [PERSON A], [PERSON B] ... (the same person keeps
the same letter through a text, "Mr Nowak" after "Piotr Nowak" included), ADDRESS -> [ADDRESS],
POSTCODE -> [POSTCODE] (or the sector, "LE11 3**", with postcode_sector=True), PHONE -> [PHONE],
EMAIL -> [EMAIL], DOB -> [DOB], VEHICLE -> [VEHICLE], NI_NUMBER -> [NI NUMBER],
NHS_NUMBER -> [NHS NUMBER], BANK_DETAILS -> [BANK DETAILS], HANDLE -> [HANDLE],
IP_ADDRESS -> [IP ADDRESS].
"""

from __future__ import annotations

from dataclasses import dataclass, field

TYPES: tuple[str, ...] = (
    "PERSON", "ADDRESS", "POSTCODE", "PHONE", "EMAIL", "DOB", "VEHICLE",
    "NI_NUMBER", "NHS_NUMBER", "BANK_DETAILS", "HANDLE", "IP_ADDRESS",
)

LABELS: dict[str, str] = {
    "ADDRESS": "[ADDRESS]", "POSTCODE": "[POSTCODE]", "PHONE": "[PHONE]", "EMAIL": "[EMAIL]",
    "DOB": "[DOB]", "VEHICLE": "[VEHICLE]", "NI_NUMBER": "[NI NUMBER]", "NHS_NUMBER": "[NHS NUMBER]",
    "BANK_DETAILS": "[BANK DETAILS]", "HANDLE": "[HANDLE]", "IP_ADDRESS": "[IP ADDRESS]",
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
