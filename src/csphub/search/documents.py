"""What a submission's search document says: its reference, what was reported, the place,
the people, vehicles and identifiers, and the canonical keys of phones, registrations and
postcodes (csphub.entities.normalise), so that "07700 900461", "+44 7700 900461" and
"07700900461" all find the same report.

The text is also what search results quote, so it reads as lines of plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from csphub.entities import normalise
from csphub.intelligence.models import (
    IdentifierKind,
    Submission,
    SubmissionIdentifier,
    SubmissionPerson,
    SubmissionVehicle,
)

# The marks the databases put around a match in a snippet (sql.py); never in a document.
MATCH_START = "\u27e6"
MATCH_STOP = "\u27e7"

# Control characters (bar newline and tab) and the match marks are dropped from documents.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f" + MATCH_START + MATCH_STOP + "]")

# Phone numbers and registrations written in free text, found for their keys.
# A UK number starts 0, an international one + or 00; not part of a longer word or reference.
PHONE_IN_TEXT = re.compile(r"(?<![\w+-])(?:\+\d|0)[\d ()-]{8,16}\d(?!\w)")
_PLATE_IN_TEXT = re.compile(r"\b[A-Za-z]{2}\d{2} ?[A-Za-z]{3}\b")


def phone_keys(value: str) -> list[str]:
    """The forms a phone number is searched by: E.164 digits without the plus (what queries
    are turned into, query.py), and the UK national form."""
    e164 = normalise.phone_e164(value)
    if e164 is None:
        return []
    keys = [e164[1:]]
    if e164.startswith("+44"):
        keys.append("0" + e164[3:])
    return keys


def registration_key(value: str) -> str:
    return normalise.vehicle_registration(value) or ""


def _keys_in_text(texts: Iterable[str]) -> list[str]:
    keys: list[str] = []
    for text in texts:
        for match in PHONE_IN_TEXT.finditer(text):
            keys.extend(phone_keys(match.group()))
        for match in _PLATE_IN_TEXT.finditer(text):
            if " " in match.group() and normalise.is_uk_registration(match.group()):
                keys.append(registration_key(match.group()))
    return keys


def _person_line(person: SubmissionPerson) -> str:
    age = f"aged {person.age}" if person.age is not None else ""
    return _line("Person:", person.name, f"({person.get_role_display().lower()})", age)


def _vehicle_line(vehicle: SubmissionVehicle) -> str:
    key = registration_key(vehicle.registration)
    compact = key if key and key != vehicle.registration else ""
    return _line(
        "Vehicle:", vehicle.registration, compact, vehicle.colour, vehicle.make, vehicle.model
    )


def _identifier_line(identifier: SubmissionIdentifier) -> str:
    labels: dict[str, str] = {
        IdentifierKind.PHONE: "Phone:",
        IdentifierKind.EMAIL: "Email:",
        IdentifierKind.SOCIAL: "Handle:",
    }
    label = labels.get(identifier.kind, "Identifier:")
    keys = phone_keys(identifier.value) if identifier.kind == IdentifierKind.PHONE else []
    if identifier.kind == IdentifierKind.SOCIAL:
        handle = normalise.social_handle(identifier.value)
        keys = [handle] if handle and handle != identifier.value else []
    return _line(label, identifier.value, *keys)


def _line(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def document_text(submission: Submission) -> str:
    """The search document of `submission` (its people, vehicles and identifiers are read
    through the related managers: prefetch them when building many)."""
    people = list(submission.people.all())
    vehicles = list(submission.vehicles.all())
    identifiers = list(submission.identifiers.all())
    free_text = [
        submission.information,
        submission.place_description,
        *(p.description for p in people),
    ]
    postcode_compact = submission.postcode.replace(" ", "")
    lines = [
        submission.reference,
        submission.information,
        _line("Place:", submission.place_description),
        _line("Postcode:", submission.postcode, postcode_compact if submission.postcode else ""),
        *(_person_line(p) for p in people),
        *(p.description for p in people),
        *(_vehicle_line(v) for v in vehicles),
        *(_identifier_line(i) for i in identifiers),
    ]
    keys = _keys_in_text(free_text)
    if keys:
        lines.append(_line("Keys:", *dict.fromkeys(keys)))
    text = "\n".join(line for line in lines if line and line not in ("Place:", "Postcode:"))
    return _UNWANTED.sub(" ", text)
