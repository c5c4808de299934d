"""What a submission mentions: people, phones, vehicles, emails, handles, addresses and
postcodes, from its fields and from its free text (plain Python, no Django).

The free text is read by the redaction engine's detectors (`csphub.sanitise`), so the spans an
analyst sees redacted are the spans that link. Every value found keeps where it came from: the
field, and for free text the character span.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from csphub.sanitise.spans import Span

from . import normalise, people

PERSON = "person"
PHONE = "phone"
VEHICLE = "vehicle"
EMAIL = "email"
HANDLE = "handle"
ADDRESS = "address"
POSTCODE = "postcode"

_TEXT_TYPES = {
    "PERSON": PERSON,
    "PHONE": PHONE,
    "VEHICLE": VEHICLE,
    "EMAIL": EMAIL,
    "HANDLE": HANDLE,
    "ADDRESS": ADDRESS,
    "POSTCODE": POSTCODE,
}


@dataclass(frozen=True)
class PersonFacts:
    name: str
    role: str = ""
    age: int | None = None
    date_of_birth: date | None = None
    description: str = ""


@dataclass(frozen=True)
class VehicleFacts:
    registration: str
    make: str = ""
    model: str = ""
    colour: str = ""


@dataclass(frozen=True)
class SubmissionFacts:
    """The parts of a submission that can mention something."""

    information: str = ""
    place_description: str = ""
    postcode: str = ""
    people: Sequence[PersonFacts] = ()
    vehicles: Sequence[VehicleFacts] = ()
    identifiers: Sequence[tuple[str, str]] = ()  # (kind: phone/email/social, value)
    seen_on: date | None = None


@dataclass(frozen=True)
class Found:
    kind: str
    key: str
    label: str
    field: str
    text: str
    start: int | None = None
    end: int | None = None
    role: str = ""
    age: int | None = None
    date_of_birth: date | None = None
    details: dict[str, str] = dataclasses.field(default_factory=dict)

    @property
    def identity(self) -> tuple[str, str]:
        return (self.kind, self.key)


def extract(
    facts: SubmissionFacts, *, text_spans: Iterable[tuple[str, Span]] | None = None
) -> list[Found]:
    """Everything `facts` mentions, fields first, each value once per place it appears.

    `text_spans` is (field name, Span) for the free text; when None the redaction engine is run
    on the information and place description here."""
    found: list[Found] = [
        *_from_people(facts.people),
        *_from_vehicles(facts.vehicles),
        *_from_identifiers(facts.identifiers),
        *_from_place(facts.place_description, facts.postcode),
    ]
    if text_spans is None:
        text_spans = text_spans_of(facts)
    found.extend(_from_text(text_spans, normalise.postcode(facts.postcode) or ""))
    return _without_repeats(found)


def text_spans_of(facts: SubmissionFacts) -> list[tuple[str, Span]]:
    from csphub.sanitise import find_personal_data_many

    texts = {
        "information": facts.information,
        "place_description": facts.place_description,
        **{f"people.{i}.description": p.description for i, p in enumerate(facts.people)},
    }
    names = [name for name, text in texts.items() if text.strip()]
    results = find_personal_data_many([texts[name] for name in names]) if names else []
    return [(name, span) for name, spans in zip(names, results, strict=True) for span in spans]


def _from_people(records: Sequence[PersonFacts]) -> Iterable[Found]:
    for record in records:
        key = people.normalise_name(record.name)
        if key:
            yield Found(
                PERSON,
                key,
                _title(key),
                "people.name",
                record.name,
                role=record.role,
                age=record.age,
                date_of_birth=record.date_of_birth,
            )


def _from_vehicles(records: Sequence[VehicleFacts]) -> Iterable[Found]:
    for record in records:
        key = normalise.vehicle_registration(record.registration)
        if key:
            details = {
                name: value
                for name, value in (
                    ("make", record.make),
                    ("model", record.model),
                    ("colour", record.colour),
                )
                if value
            }
            yield Found(
                VEHICLE, key, key, "vehicles.registration", record.registration, details=details
            )


def _from_identifiers(records: Sequence[tuple[str, str]]) -> Iterable[Found]:
    for kind, value in records:
        if kind == "phone" and (key := normalise.phone_e164(value)):
            yield Found(PHONE, key, key, "identifiers.phone", value)
        elif kind == "email" and (key := normalise.email_address(value)):
            yield Found(EMAIL, key, key, "identifiers.email", value)
        elif kind == "social" and (key := normalise.social_handle(value)):
            yield Found(HANDLE, key, key, "identifiers.social", value)


def _from_place(description: str, postcode: str) -> Iterable[Found]:
    code = normalise.postcode(postcode) if postcode else None
    if code:
        yield Found(POSTCODE, code, code, "postcode", postcode)
    if description.strip():
        address = normalise.address(f"{description}, {code}" if code else description)
        if address and address.number:
            yield _address_found(address, "place_description", description)


def _address_found(
    address: normalise.Address, field_name: str, text: str, start: int | None = None
) -> Found:
    label = ", ".join(
        part
        for part in (
            f"Flat {address.flat}" if address.flat else "",
            f"{address.number} {address.street.title()}".strip(),
            address.town.title(),
            address.postcode,
        )
        if part
    )
    end = start + len(text) if start is not None else None
    return Found(ADDRESS, address.key, label, field_name, text, start=start, end=end)


def _from_text(spans: Iterable[tuple[str, Span]], postcode: str) -> Iterable[Found]:
    """`postcode` (the submission's own) places a text address that names neither town nor
    postcode; a postcode written just after an address is taken as its own."""
    listed = list(spans)
    for i, (field_name, span) in enumerate(listed):
        kind = _TEXT_TYPES.get(span.type)
        if kind is None:
            continue
        text: str = span.text
        start: int = span.start
        end: int = span.end
        place = postcode
        if kind == ADDRESS:
            following = _postcode_after(listed[i + 1 :], field_name, end)
            place = following or postcode
        item = _text_value(kind, text, field_name, start, end, place)
        if item is not None:
            yield item


def _postcode_after(spans: list[tuple[str, Span]], field_name: str, end: int) -> str:
    for other_field, span in spans[:2]:
        if other_field != field_name or span.start - end > 40:
            return ""
        if span.type == "POSTCODE":
            return normalise.postcode(span.text) or ""
    return ""


def _text_value(
    kind: str, text: str, field_name: str, start: int, end: int, place: str
) -> Found | None:
    key: str | None
    if kind == ADDRESS:
        address = normalise.address(text)
        if not address or not address.number:
            return None
        if place and not address.postcode:
            address = normalise.Address(
                address.flat, address.number, address.street, address.town, place
            )
        return _address_found(address, field_name, text, start)
    if kind == PERSON:
        key = people.normalise_name(text)
        return Found(PERSON, key, _title(key), field_name, text, start, end) if key else None
    normaliser = _NORMALISERS[kind]
    key = normaliser(text)
    if not key or (kind == VEHICLE and not normalise.is_uk_registration(key)):
        return None
    return Found(kind, key, key, field_name, text, start, end)


_NORMALISERS: dict[str, Callable[[str], str | None]] = {
    PHONE: normalise.phone_e164,
    VEHICLE: normalise.vehicle_registration,
    EMAIL: normalise.email_address,
    HANDLE: normalise.social_handle,
    POSTCODE: normalise.postcode,
}


def _title(name: str) -> str:
    return " ".join(part[:1].upper() + part[1:] for part in name.split())


def _without_repeats(found: list[Found]) -> list[Found]:
    """A value the partner typed in a field and repeated in the text is one mention per place;
    the same value twice in one text is kept once (the first)."""
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for item in found:
        mark = (item.kind, item.key, item.field)
        if mark not in seen:
            seen.add(mark)
            kept.append(item)
    return kept
