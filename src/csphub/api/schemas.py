"""Request and response shapes for API v1.

Requests are checked here only for *shape* (types, unknown fields, characters the database
cannot store); what the values mean is checked by the same service as the web form, so both
give the same message for the same mistake.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StrictBool, StrictInt

from csphub.directory.selectors import signposting_for
from csphub.intelligence.models import (
    HowKnown,
    IdentifierKind,
    PersonRole,
    Submission,
    Theme,
)
from csphub.intelligence.services import SubmissionInput

# ---- Input building blocks ---------------------------------------------------------------

_NOT_STORABLE = re.compile("[\x00\ud800-\udfff]")  # NUL and lone surrogates: no database takes them
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_THEMES = 50


def _storable(value: str | None) -> str:
    if value is None:
        return ""
    if _NOT_STORABLE.search(value):
        raise ValueError("Contains characters that are not allowed")
    return value


def _at_most(limit: int, label: str):
    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(
                f"{label} must be {limit:,} characters or fewer (you entered {len(value):,})"
            )
        return value

    return check


def _iso_date(value: object) -> object:
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError("Enter a date in the format YYYY-MM-DD, like 2026-03-31")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError("Enter a real date in the format YYYY-MM-DD, like 2026-03-31") from None


# Required text: must be a JSON string.
Text = Annotated[str, AfterValidator(_storable)]
# Optional text: a string, or null / absent meaning blank.
OptionalText = Annotated[str | None, AfterValidator(_storable)]
# An ISO date (YYYY-MM-DD), or null / "" / absent.
IsoDate = Annotated[date | None, BeforeValidator(_iso_date)]


def _enum(choices) -> dict:
    return {"enum": list(choices.values)}


class _Input(BaseModel):
    # Unknown fields are refused, so a misspelt field name is reported instead of lost.
    # Plain pydantic, not ninja's Schema: requests are JSON, never ORM objects, so the Schema's
    # wrapper that reads attributes off Django models would only slow every submission down.
    model_config = ConfigDict(extra="forbid")


class PersonIn(_Input):
    name: OptionalText = ""
    role: Text = Field(json_schema_extra=_enum(PersonRole))
    age: StrictInt | None = Field(None, description="Whole years, 0 to 120")
    date_of_birth: IsoDate = None
    description: OptionalText = ""


class VehicleIn(_Input):
    registration: OptionalText = ""
    make: OptionalText = ""
    model: OptionalText = ""
    # The column holds 40 characters but the shared validation allows 60: check it here,
    # or PostgreSQL would refuse the row.
    colour: Annotated[OptionalText, AfterValidator(_at_most(40, "Colour"))] = ""


class IdentifierIn(_Input):
    kind: Text = Field(json_schema_extra=_enum(IdentifierKind))
    value: Text


class SubmissionIn(_Input):
    themes: list[Annotated[Text, AfterValidator(_at_most(100, "A theme"))]] = Field(
        max_length=MAX_THEMES, description="Theme slugs, from GET /themes"
    )
    information: Text = Field(description="What you know; up to 10,000 characters")
    how_known: Text = Field(json_schema_extra=_enum(HowKnown))
    may_contact: StrictBool
    source_disclosable: StrictBool
    postcode: OptionalText = ""
    place_description: OptionalText = ""
    district_code: OptionalText = Field("", description="ONS district code, e.g. E07000130")
    occurred_on: IsoDate = None
    occurred_from: IsoDate = None
    occurred_to: IsoDate = None
    when_description: OptionalText = ""
    people: list[PersonIn] | None = None
    vehicles: list[VehicleIn] | None = None
    identifiers: list[IdentifierIn] | None = None

    def to_input(self) -> SubmissionInput:
        return SubmissionInput(
            themes=list(self.themes),
            information=self.information,
            how_known=self.how_known,
            may_contact=self.may_contact,
            source_disclosable=self.source_disclosable,
            postcode=self.postcode or "",
            place_description=self.place_description or "",
            district_code=self.district_code or "",
            occurred_on=self.occurred_on,
            occurred_from=self.occurred_from,
            occurred_to=self.occurred_to,
            when_description=self.when_description or "",
            people=[p.model_dump() for p in self.people or []],
            vehicles=[x.model_dump() for x in self.vehicles or []],
            identifiers=[x.model_dump() for x in self.identifiers or []],
        )


# ---- Output -----------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = Field(
        None, description='Messages per field, e.g. {"people[0].role": ["..."]}'
    )


class ThemeOut(Schema):
    slug: str
    name: str


class DistrictOut(Schema):
    code: str
    name: str


class SupportServiceOut(Schema):
    organisation: str
    name: str
    phone: str
    email: str
    website: str


class PersonOut(Schema):
    name: str
    role: str
    age: int | None
    date_of_birth: date | None
    description: str


class VehicleOut(Schema):
    registration: str
    make: str
    model: str
    colour: str


class IdentifierOut(Schema):
    kind: str
    value: str


def _themes(submission: Submission) -> list[Theme]:
    return sorted(submission.themes.all(), key=lambda t: (t.order, t.name))


class SubmissionCreatedOut(Schema):
    reference: str = Field(examples=["CIP-2026-000123"])
    status: str
    urgent: bool
    urgent_reasons: list[str]
    created_at: datetime
    themes: list[ThemeOut]
    district: DistrictOut | None
    signposting: list[SupportServiceOut] = Field(
        description="Support services for the chosen themes, to pass on to the person affected"
    )

    @staticmethod
    def resolve_urgent_reasons(obj: Submission) -> list[str]:
        return [r for r in obj.urgent_reasons.split("; ") if r]

    @staticmethod
    def resolve_themes(obj: Submission) -> list[Theme]:
        return _themes(obj)

    @staticmethod
    def resolve_signposting(obj: Submission) -> list[dict]:
        return signposting_for(_themes(obj), obj.district)


def submission_created_body(submission: Submission) -> dict:
    """What SubmissionCreatedOut makes of a new submission, built directly: the API answers
    every submission with it, and validating the model through the schema costs more than the
    rest of the response (a test checks the two agree)."""
    themes = _themes(submission)
    district = submission.district
    return {
        "reference": submission.reference,
        "status": submission.status,
        "urgent": submission.urgent,
        "urgent_reasons": SubmissionCreatedOut.resolve_urgent_reasons(submission),
        "created_at": submission.created_at,
        "themes": [{"slug": t.slug, "name": t.name} for t in themes],
        "district": None if district is None else {"code": district.code, "name": district.name},
        "signposting": [
            {key: service[key] for key in SupportServiceOut.model_fields}
            for service in signposting_for(themes, district)
        ],
    }


class SubmissionOut(Schema):
    reference: str
    status: str
    grading: str = Field(description="3x5x2 grading like 2/B/P; empty until graded")
    outcome: str = Field(description="Set when closed; empty otherwise")
    urgent: bool
    urgent_reasons: list[str]
    created_at: datetime
    themes: list[ThemeOut]
    information: str
    postcode: str
    place_description: str
    district: DistrictOut | None
    occurred_on: date | None
    occurred_from: date | None
    occurred_to: date | None
    when_description: str
    how_known: str
    may_contact: bool
    source_disclosable: bool
    people: list[PersonOut]
    vehicles: list[VehicleOut]
    identifiers: list[IdentifierOut]

    @staticmethod
    def resolve_urgent_reasons(obj: Submission) -> list[str]:
        return [r for r in obj.urgent_reasons.split("; ") if r]

    @staticmethod
    def resolve_themes(obj: Submission) -> list[Theme]:
        return _themes(obj)

    @staticmethod
    def resolve_people(obj: Submission):
        return list(obj.people.all())

    @staticmethod
    def resolve_vehicles(obj: Submission):
        return list(obj.vehicles.all())

    @staticmethod
    def resolve_identifiers(obj: Submission):
        return list(obj.identifiers.all())


class SanitisedOut(Schema):
    """The newest approved sanitised version: personal details removed by an analyst."""

    reference: str = Field(examples=["CIP-2026-000123"])
    version: int = Field(description="1, 2, ...: a later approval replaces the text forums see")
    text: str = Field(description="The sanitised information text, as the analyst approved it")
    themes: list[ThemeOut]
    district: DistrictOut | None
    approved_at: datetime
