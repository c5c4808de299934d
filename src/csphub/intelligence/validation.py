"""Checks on submitted intelligence shared by the web form and the API, so both give the
same message for the same mistake. Errors are collected per field, not raised one at a time."""

from __future__ import annotations

import re
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from csphub.geography.postcodes import InvalidPostcode, normalise_postcode

from .models import HowKnown, IdentifierKind, PersonRole

_PHONE_ALLOWED = re.compile(r"^\+?[0-9 ()\-]{6,24}$")
_HANDLE = re.compile(r"^@?[A-Za-z0-9_.\-/:]{2,100}$")
_REGISTRATION = re.compile(r"^[A-Z0-9]{1,8}$")


def clean_text(
    value: str | None,
    *,
    field: str,
    errors: dict,
    required: bool = False,
    max_length: int | None = None,
    label: str = "",
) -> str:
    value = (value or "").strip()
    max_length = max_length or settings.CSPHUB_MAX_SHORT_TEXT_LENGTH
    if "\x00" in value:
        errors.setdefault(field, []).append(
            f"{label or 'This field'} contains characters that are not allowed"
        )
        return ""
    if required and not value:
        errors.setdefault(field, []).append(f"Enter {label or 'this field'}")
    if len(value) > max_length:
        errors.setdefault(field, []).append(
            f"{(label or 'This field').capitalize()} must be {max_length:,} characters or fewer "
            f"(you entered {len(value):,})"
        )
    return value


def clean_postcode(value: str | None, *, field: str, errors: dict) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return normalise_postcode(value)
    except InvalidPostcode as exc:
        errors.setdefault(field, []).append(str(exc))
        return ""


def clean_past_date(value: date | None, *, field: str, errors: dict, label: str) -> date | None:
    if value is None:
        return None
    if value > date.today():
        errors.setdefault(field, []).append(f"{label} must be today or in the past")
    if value.year < 1900:
        errors.setdefault(field, []).append(f"{label} must be after 1900")
    return value


def normalise_registration(value: str) -> str:
    return re.sub(r"[\s\-]", "", value or "").upper()


def clean_person(person: dict, *, index: int, errors: dict) -> dict:
    prefix = f"people[{index}]"
    role = (person.get("role") or "").strip()
    if role not in PersonRole.values:
        errors.setdefault(f"{prefix}.role", []).append(
            "Select whether the person is a subject, victim, witness or other"
        )
    name = clean_text(
        person.get("name"), field=f"{prefix}.name", errors=errors, label="name", max_length=200
    )
    description = clean_text(
        person.get("description"),
        field=f"{prefix}.description",
        errors=errors,
        label="description",
        max_length=2000,
    )
    raw_age = person.get("age")
    age: int | None = None
    if raw_age is not None and raw_age != "":
        try:
            age = int(raw_age)
            if not 0 <= age <= 120:
                raise ValueError
        except (TypeError, ValueError):
            errors.setdefault(f"{prefix}.age", []).append(
                "Age must be a whole number between 0 and 120"
            )
            age = None
    dob = clean_past_date(
        person.get("date_of_birth"),
        field=f"{prefix}.date_of_birth",
        errors=errors,
        label="Date of birth",
    )
    if not (name or description):
        errors.setdefault(f"{prefix}.name", []).append(
            "Enter the person's name or a description of them"
        )
    return {
        "name": name,
        "role": role,
        "age": age,
        "date_of_birth": dob,
        "description": description,
    }


def clean_vehicle(vehicle: dict, *, index: int, errors: dict) -> dict:
    prefix = f"vehicles[{index}]"
    registration = normalise_registration(vehicle.get("registration") or "")
    if registration and not _REGISTRATION.match(registration):
        errors.setdefault(f"{prefix}.registration", []).append(
            "Registration must be letters and numbers only, like AB12 CDE"
        )
    cleaned = {"registration": registration}
    for key, limit in (("make", 60), ("model", 60), ("colour", 40)):
        cleaned[key] = clean_text(
            vehicle.get(key), field=f"{prefix}.{key}", errors=errors, label=key, max_length=limit
        )
    if not any(cleaned.values()):
        errors.setdefault(f"{prefix}.registration", []).append(
            "Enter the registration or describe the vehicle"
        )
    return cleaned


def clean_identifier(identifier: dict, *, index: int, errors: dict) -> dict:
    prefix = f"identifiers[{index}]"
    kind = (identifier.get("kind") or "").strip()
    value = clean_text(
        identifier.get("value"),
        field=f"{prefix}.value",
        errors=errors,
        required=True,
        label="the phone number, email or handle",
        max_length=200,
    )
    if kind not in IdentifierKind.values:
        errors.setdefault(f"{prefix}.kind", []).append(
            "Select whether this is a phone number, email address or social media handle"
        )
    elif value:
        if kind == IdentifierKind.PHONE:
            digits = re.sub(r"\D", "", value)
            if not _PHONE_ALLOWED.match(value) or not 9 <= len(digits) <= 15:
                errors.setdefault(f"{prefix}.value", []).append(
                    "Enter a phone number, like 07700 900 982 or +44 116 496 0000"
                )
        elif kind == IdentifierKind.EMAIL:
            try:
                validate_email(value)
            except ValidationError:
                errors.setdefault(f"{prefix}.value", []).append(
                    "Enter an email address in the correct format, like name@example.com"
                )
            value = value.lower()
        elif kind == IdentifierKind.SOCIAL and not _HANDLE.match(value):
            errors.setdefault(f"{prefix}.value", []).append(
                "Enter the handle or profile address, like @name or a link to the profile"
            )
    return {"kind": kind, "value": value}


def check_how_known(value: str | None, *, errors: dict) -> str:
    if value not in HowKnown.values:
        errors.setdefault("how_known", []).append(
            "Select how you know this: first-hand, second-hand or from a member of the community"
        )
        return ""
    return value
