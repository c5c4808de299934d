"""Test data for sanitised intelligence: a submission full of personal data, and an approval
that redacts it without relying on the redaction engine (so these tests test the portal)."""

from __future__ import annotations

from csphub.redaction.services import sanitised_version_approve
from csphub.sanitise import LABELS
from tests.factories import OrganisationFactory, UserFactory, make_submission

INFORMATION = (
    "Piotr Nowak (07700 900123, someone@example.org) is dealing from a silver Ford Fiesta FV19 XKT "
    "parked behind the Co-op on Market Street, LE11 3AA. Mr Nowak is there most evenings after 9pm."
)
# What forums must never read, in any form.
PERSONAL = [
    "Piotr",
    "Nowak",
    "07700 900123",
    "07700900123",
    "someone@example.org",
    "FV19 XKT",
    "FV19XKT",
    "LE11 3AA",
]
REDACT = {
    "Piotr Nowak": "PERSON",
    "Mr Nowak": "PERSON",
    "07700 900123": "PHONE",
    "someone@example.org": "EMAIL",
    "FV19 XKT": "VEHICLE",
    "LE11 3AA": "POSTCODE",
}
SANITISED = (
    "[PERSON A] ([PHONE], [EMAIL]) is dealing from a silver Ford Fiesta [VEHICLE] "
    "parked behind the Co-op on Market Street, [POSTCODE]. "
    "[PERSON A] is there most evenings after 9pm."
)


def make_originator(username: str = "originator"):
    from csphub.accounts.models import Role

    return UserFactory(
        username=username,
        full_name="Olivia Originator",
        roles=[Role.SUBMITTER],
        organisation=OrganisationFactory(name="Originating Housing Trust"),
    )


def make_rich_submission(user, **overrides):
    """A Charnwood submission whose text and structured details both hold personal data."""
    values = dict(
        information=INFORMATION,
        postcode="LE11 3AA",
        people=[
            {
                "name": "Piotr Nowak",
                "role": "subject",
                "age": 31,
                "description": "Tall, shaved head",
            }
        ],
        vehicles=[
            {"registration": "FV19 XKT", "make": "Ford", "model": "Fiesta", "colour": "silver"}
        ],
        identifiers=[
            {"kind": "phone", "value": "07700 900123"},
            {"kind": "email", "value": "someone@example.org"},
        ],
    )
    values.update(overrides)
    return make_submission(user, **values)


def spans_for(information: str, redact: dict[str, str] = REDACT) -> list[dict]:
    spans = []
    for phrase, kind in redact.items():
        at = information.find(phrase)
        while at >= 0:
            label = "[PERSON A]" if kind == "PERSON" else LABELS[kind]
            spans.append({"start": at, "end": at + len(phrase), "type": kind, "label": label})
            at = information.find(phrase, at + len(phrase))
    return sorted(spans, key=lambda s: s["start"])


def apply_spans(information: str, spans: list[dict]) -> str:
    text = information
    for span in sorted(spans, key=lambda s: s["start"], reverse=True):
        text = text[: span["start"]] + span["label"] + text[span["end"] :]
    return text


def approve(
    submission,
    analyst,
    *,
    text: str | None = None,
    spans: list[dict] | None = None,
    postcode_sector: bool = False,
):
    spans = spans_for(submission.information) if spans is None else spans
    text = apply_spans(submission.information, spans) if text is None else text
    return sanitised_version_approve(
        submission=submission,
        actor=analyst,
        spans=spans,
        text=text,
        postcode_sector=postcode_sector,
    )
