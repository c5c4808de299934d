"""Intake: checking, numbering and storing what a submitter tells us, in one shape for the web
form, the API and the demo loader.

Every service is atomic: it either does all of its work or, on bad input, raises
ValidationError (a message per field) and leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from csphub.accounts.models import User
from csphub.core.roles import Role
from csphub.geography.models import District
from csphub.geography.selectors import district_for_code, postcode_lookup, postcode_problem
from csphub.urgency import Finding, assess

from .. import validation as v
from ..models import IdempotencyKey, Submission, Theme
from ..selectors import active_themes_by_slug
from ..targets import assessment_target
from .storage import submission_store


@dataclass
class SubmissionInput:
    """What a submitter tells us, in the same shape from the form and the API."""

    themes: Sequence[str]  # theme slugs
    information: str
    how_known: str
    may_contact: bool
    source_disclosable: bool
    postcode: str = ""
    place_description: str = ""
    district_code: str = ""
    occurred_on: date | None = None
    occurred_from: date | None = None
    occurred_to: date | None = None
    when_description: str = ""
    people: Sequence[dict] = field(default_factory=list)
    vehicles: Sequence[dict] = field(default_factory=list)
    identifiers: Sequence[dict] = field(default_factory=list)


@dataclass
class CleanSubmission:
    themes: list[Theme]
    data: dict[str, Any]
    people: list[dict]
    vehicles: list[dict]
    identifiers: list[dict]
    district: District | None


MAX_ITEMS = 20

Errors = dict[str, list[str]]


def _clean_themes(data: SubmissionInput, errors: Errors) -> list[Theme]:
    slugs = [s.strip() for s in (data.themes or []) if isinstance(s, str) and s.strip()]
    active = active_themes_by_slug()
    themes = sorted({active[s] for s in slugs if s in active}, key=lambda t: (t.order, t.name))
    if not slugs:
        errors.setdefault("themes", []).append("Select at least one theme")
    else:
        unknown = sorted(set(slugs) - {t.slug for t in themes})
        if unknown:
            errors.setdefault("themes", []).append(f"Unknown theme: {', '.join(unknown)}")
    return themes


class _Place(NamedTuple):
    postcode: str
    place_description: str
    district: District | None
    lsoa_code: str
    latitude: float | None
    longitude: float | None


def _clean_place(data: SubmissionInput, errors: Errors) -> _Place:
    """Where: the postcode, when the postcode table places it in the partnership, decides the
    district (and gives the LSOA and coordinates); otherwise the district chosen, if any."""
    postcode = v.clean_postcode(data.postcode, field="postcode", errors=errors)
    place = v.clean_text(
        data.place_description,
        field="place_description",
        errors=errors,
        max_length=2000,
        label="the address or description of the place",
    )
    district = None
    if data.district_code:
        district = district_for_code(data.district_code)
        if district is None:
            errors.setdefault("district", []).append("Select a district from the list")
    lsoa, lat, lon = "", None, None
    if postcode:
        found = postcode_lookup(postcode)
        from_postcode = district_for_code(found.district_code) if found is not None else None
        if found is not None and from_postcode is not None:
            lsoa, lat, lon = found.lsoa_code, found.latitude, found.longitude
            district = from_postcode
        else:
            problem = postcode_problem(postcode, found)
            if problem:
                errors.setdefault("postcode", []).append(problem)
    if not (postcode or place or district) and "postcode" not in errors:
        errors.setdefault("postcode", []).append(
            "Enter a postcode, an address or a description of the place, or choose a district"
        )
    return _Place(postcode, place, district, lsoa, lat, lon)


def _clean_when(data: SubmissionInput, errors: Errors) -> dict[str, Any]:
    occurred_on = v.clean_past_date(
        data.occurred_on, field="occurred_on", errors=errors, label="The date"
    )
    occurred_from = v.clean_past_date(
        data.occurred_from, field="occurred_from", errors=errors, label="The start of the period"
    )
    occurred_to = v.clean_past_date(
        data.occurred_to, field="occurred_to", errors=errors, label="The end of the period"
    )
    if occurred_from and occurred_to and occurred_from > occurred_to:
        errors.setdefault("occurred_to", []).append("The end of the period must be after its start")
    when_description = v.clean_text(
        data.when_description, field="when_description", errors=errors, label="when it happened"
    )
    return {
        "occurred_on": occurred_on,
        "occurred_from": occurred_from,
        "occurred_to": occurred_to,
        "when_description": when_description,
    }


def _clean_source(data: SubmissionInput, errors: Errors) -> str:
    how_known = v.check_how_known(data.how_known, errors=errors)
    for name in ("may_contact", "source_disclosable"):
        if not isinstance(getattr(data, name), bool):
            errors.setdefault(name, []).append("Select yes or no")
    return how_known


def _clean_items(data: SubmissionInput, errors: Errors) -> tuple[list[dict], ...]:
    """People, vehicles and identifiers, at most MAX_ITEMS of each."""
    for name in ("people", "vehicles", "identifiers"):
        if len(getattr(data, name) or []) > MAX_ITEMS:
            errors.setdefault(name, []).append(f"Add no more than {MAX_ITEMS} {name}")
    people = [
        v.clean_person(p, index=i, errors=errors)
        for i, p in enumerate((data.people or [])[:MAX_ITEMS])
    ]
    vehicles = [
        v.clean_vehicle(x, index=i, errors=errors)
        for i, x in enumerate((data.vehicles or [])[:MAX_ITEMS])
    ]
    identifiers = [
        v.clean_identifier(x, index=i, errors=errors)
        for i, x in enumerate((data.identifiers or [])[:MAX_ITEMS])
    ]
    return people, vehicles, identifiers


def submission_validate(data: SubmissionInput) -> CleanSubmission:
    """Check and normalise a submission; raise ValidationError({field: [messages]})."""
    errors: Errors = {}
    themes = _clean_themes(data, errors)
    information = v.clean_text(
        data.information,
        field="information",
        errors=errors,
        required=True,
        max_length=settings.CSPHUB_MAX_TEXT_LENGTH,
        label="what you know",
    )
    place = _clean_place(data, errors)
    when = _clean_when(data, errors)
    how_known = _clean_source(data, errors)
    people, vehicles, identifiers = _clean_items(data, errors)
    if errors:
        raise ValidationError(errors)
    return CleanSubmission(
        themes=themes,
        district=place.district,
        people=people,
        vehicles=vehicles,
        identifiers=identifiers,
        data={
            "information": information,
            "postcode": place.postcode,
            "place_description": place.place_description,
            "lsoa_code": place.lsoa_code,
            "latitude": place.latitude,
            "longitude": place.longitude,
            **when,
            "how_known": how_known,
            "may_contact": data.may_contact,
            "source_disclosable": data.source_disclosable,
        },
    )


@dataclass(frozen=True)
class SubmissionResult:
    submission: Submission
    created: bool  # False when an idempotency key returned an earlier submission


def submission_create(
    *,
    submitted_by: User,
    data: SubmissionInput,
    idempotency_key: str = "",
    now: datetime | None = None,
    notify: bool = True,
) -> SubmissionResult:
    """Validate, number and store a submission with its people, vehicles and identifiers.

    `notify` sends the acknowledgement and, for an urgent report, the analysts' alert (the demo
    loader, recreating past reports, turns both off).

    With an idempotency key, a retry returns the submission the first attempt created. The key
    is not looked up first: almost every key is new, so the store simply tries, and the unique
    key (user, key) refuses a repeat, which is then answered with the earlier submission.
    """
    if not submitted_by.has_role(Role.SUBMITTER):
        raise ValidationError("Only submitters can submit intelligence.")
    if idempotency_key and len(idempotency_key) > 200:
        raise ValidationError(
            {"idempotency_key": "Idempotency-Key must be 200 characters or fewer"}
        )
    try:
        clean = submission_validate(data)
    except ValidationError:
        # A retry is answered with the first submission even if the data no longer passes
        # (a theme retired since, say).
        earlier = _submission_for_key(submitted_by, idempotency_key)
        if earlier is None:
            raise
        return SubmissionResult(earlier, created=False)
    findings = assess(
        clean.data["information"],
        clean.data["place_description"],
        *(p["description"] for p in clean.people),
    )
    now = now or timezone.now()
    submission = _submission_build(submitted_by, clean, findings, now)
    try:
        submission_store(
            submission=submission,
            clean=clean,
            idempotency_key=idempotency_key,
            summary="Submitted" + (" (flagged urgent)" if findings else ""),
            now=now,
            notify=notify,
        )
    except IntegrityError:
        # The key was used before (or a concurrent retry with it won the race): answer with
        # its submission. Nothing of this attempt was kept, not even its reference number.
        earlier = _submission_for_key(submitted_by, idempotency_key)
        if earlier is None:
            raise
        return SubmissionResult(earlier, created=False)
    # The urgent alert, the acknowledgement and the apps above intelligence (entities, search,
    # similar reports) follow in the worker, in one task queued in the submission's own commit
    # (intelligence/follow_up.py).
    return SubmissionResult(submission, created=True)


def _submission_for_key(user: User, key: str) -> Submission | None:
    if not key:
        return None
    ids = list(
        IdempotencyKey.objects.filter(user=user, key=key).values_list("submission_id", flat=True)[
            :1
        ]
    )
    return Submission.objects.get(pk=ids[0]) if ids else None


def _submission_build(
    user: User, clean: CleanSubmission, findings: list[Finding], now: datetime
) -> Submission:
    """The submission row, not yet saved nor numbered."""
    return Submission(
        reference="",
        submitted_by=user,
        organisation_id=user.organisation_id,
        district=clean.district,
        urgent=bool(findings),
        urgent_reasons=urgent_reasons_text(findings),
        created_at=now,
        target_at=assessment_target(
            now,
            urgent=bool(findings),
            working_days=settings.CSPHUB_TARGET_WORKING_DAYS,
            urgent_minutes=settings.CSPHUB_URGENT_TARGET_MINUTES,
        ),
        **clean.data,
    )


def urgent_reasons_text(findings: list[Finding]) -> str:
    """What the analyst reads: each reason with the wording that raised it."""
    return "; ".join(f.explanation.replace(";", ",") for f in findings)
