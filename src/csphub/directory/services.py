"""Writes for the signposting directory. Views, commands and the demo loader call these.

Every write is atomic, validated here (a ValidationError with a message per field) and
recorded in the audit trail with its before and after values.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import HttpRequest

from csphub.audit.services import audit_record, diff
from csphub.geography.models import District
from csphub.intelligence.models import Theme

from . import oruk
from .models import SupportService

FIELDS = (
    "organisation",
    "name",
    "description",
    "phone",
    "email",
    "website",
    "notes",
    "active",
    "oruk_id",
)
MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_MESSAGES = 20
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]*$")
_URL = URLValidator(schemes=["http", "https"])
_EMAIL = EmailValidator()

ThemeLike = Theme | str


@dataclass(frozen=True)
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def _check_contact(clean: dict[str, Any], errors: dict[str, list[str]]) -> None:
    """The telephone number, email address and website, when given, must look like one."""
    if clean["phone"] and not _PHONE.match(clean["phone"]):
        errors.setdefault("phone", []).append("Enter a telephone number, like 0808 80 200 28")
    if clean["email"]:
        try:
            _EMAIL(clean["email"])
        except ValidationError:
            errors.setdefault("email", []).append(
                "Enter an email address in the correct format, like name@example.com"
            )
    if clean["website"]:
        try:
            _URL(clean["website"])
        except ValidationError:
            errors.setdefault("website", []).append(
                "Enter a full website address, like https://www.example.org"
            )


def _oruk_id_taken(oruk_id: str, instance: SupportService | None) -> bool:
    others = SupportService.objects.filter(oruk_id=oruk_id)
    if instance is not None:
        others = others.exclude(pk=instance.pk)
    return others.exists()


def _clean(values: dict[str, Any], *, instance: SupportService | None) -> dict[str, Any]:
    """Normalise and check field values; raise ValidationError({field: [message]})."""
    errors: dict[str, list[str]] = {}
    clean: dict[str, Any] = {}

    def text(name: str, label: str, max_length: int, required: bool = False) -> str:
        value = values.get(name)
        value = "" if value is None else value
        if not isinstance(value, str):
            errors.setdefault(name, []).append(f"{label} must be text")
            return ""
        value = value.strip()
        if required and not value:
            errors.setdefault(name, []).append(f"Enter {label.lower()}")
        elif len(value) > max_length:
            errors.setdefault(name, []).append(f"{label} must be {max_length} characters or fewer")
        return value

    long_text = settings.CSPHUB_MAX_TEXT_LENGTH
    clean["organisation"] = text("organisation", "The organisation", 200, required=True)
    clean["name"] = text("name", "The name of the service", 200, required=True)
    clean["description"] = text("description", "The description", long_text)
    clean["notes"] = text("notes", "The notes", long_text)
    clean["phone"] = text("phone", "The telephone number", 60)
    clean["email"] = text("email", "The email address", 254)
    clean["website"] = text("website", "The website address", 500)
    _check_contact(clean, errors)
    active = values.get("active", True if instance is None else instance.active)
    if not isinstance(active, bool):
        errors.setdefault("active", []).append("Select whether the service is shown")
    clean["active"] = active
    clean["oruk_id"] = text("oruk_id", "The ORUK id", 64) or (
        instance.oruk_id if instance else str(uuid.uuid4())
    )
    if "oruk_id" not in errors and _oruk_id_taken(clean["oruk_id"], instance):
        errors.setdefault("oruk_id", []).append("Another service already uses this ORUK id")
    if errors:
        raise ValidationError(errors)
    return clean


def _themes(themes: Iterable[ThemeLike]) -> list[Theme]:
    """Theme objects for the given themes or slugs; unknown slugs are an error, not ignored."""
    items = list(themes or [])
    slugs = [t.slug if isinstance(t, Theme) else str(t).strip() for t in items]
    found = {t.slug: t for t in Theme.objects.filter(slug__in=slugs)}
    unknown = [s for s in slugs if s not in found]
    if unknown:
        raise ValidationError({"themes": [f"Unknown theme: {', '.join(unknown)}"]})
    return sorted(set(found.values()), key=lambda t: (t.order, t.name))


def _districts(districts: Iterable[District | str]) -> list[District]:
    """District objects for the given districts, codes or slugs; unknown ones are an error."""
    items = [d.code if isinstance(d, District) else str(d).strip() for d in districts or []]
    matching = District.objects.filter(Q(code__in=items) | Q(slug__in=items) | Q(name__in=items))
    found = {key: d for d in matching for key in (d.code, d.slug, d.name)}
    unknown = [i for i in items if i not in found]
    if unknown:
        raise ValidationError({"districts": [f"Unknown district: {', '.join(unknown)}"]})
    return sorted({found[i] for i in items}, key=lambda d: d.name)


def _snapshot(service: SupportService) -> dict[str, Any]:
    data = {name: getattr(service, name) for name in FIELDS}
    data["themes"] = sorted(service.themes.values_list("slug", flat=True))
    data["districts"] = sorted(service.districts.values_list("slug", flat=True))
    return data


def _check(
    values: dict[str, Any],
    themes: Iterable[ThemeLike] | None,
    instance: SupportService | None,
    districts: Iterable[District | str] | None = None,
) -> tuple[dict[str, Any], list[Theme] | None]:
    """Validate fields, themes and districts together so every problem is reported at once.
    The districts, when given, are put in `clean["districts"]`."""
    errors: dict[str, list[str]] = {}
    clean, theme_objects = {}, None
    try:
        clean = _clean(values, instance=instance)
    except ValidationError as error:
        errors.update(error.message_dict)
    if themes is not None:
        try:
            theme_objects = _themes(themes)
        except ValidationError as error:
            errors.update(error.message_dict)
    if districts is not None:
        try:
            clean["districts"] = _districts(districts)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return clean, theme_objects


def _store(
    *,
    actor,
    service: SupportService | None,
    clean: dict[str, Any],
    themes: list[Theme] | None,
    request: HttpRequest | None,
    summary: str = "",
) -> tuple[SupportService, str]:
    """Save and audit; answer the service and "created", "updated" or "unchanged"."""
    before = _snapshot(service) if service is not None else {}
    clean = dict(clean)
    districts = clean.pop("districts", None)
    after = {**before, **clean}
    if themes is not None:
        after["themes"] = sorted(t.slug for t in themes)
    if districts is not None:
        after["districts"] = sorted(d.slug for d in districts)
    if service is not None and after == before:
        return service, "unchanged"
    action = "created" if service is None else "updated"
    service = service or SupportService()
    for name, value in clean.items():
        setattr(service, name, value)
    service.save()
    if themes is not None:
        service.themes.set(themes)
    if districts is not None:
        service.districts.set(districts)
    audit_record(
        actor=actor,
        action=action,
        obj=service,
        summary=summary or str(service),
        changes=diff(before, after),
        request=request,
    )
    return service, action


@transaction.atomic
def support_service_create(
    *,
    actor,
    organisation: str,
    name: str,
    description: str = "",
    themes: Iterable[ThemeLike] = (),
    districts: Iterable[District | str] = (),
    phone: str = "",
    email: str = "",
    website: str = "",
    notes: str = "",
    active: bool = True,
    oruk_id: str = "",
    request: HttpRequest | None = None,
) -> SupportService:
    """A new directory entry. No districts: it covers the whole partnership area."""
    values = dict(
        organisation=organisation,
        name=name,
        description=description,
        phone=phone,
        email=email,
        website=website,
        notes=notes,
        active=active,
        oruk_id=oruk_id,
    )
    clean, theme_objects = _check(values, themes, None, districts)
    service, _ = _store(
        actor=actor, service=None, clean=clean, themes=theme_objects, request=request
    )
    return service


@transaction.atomic
def support_service_update(
    *,
    actor,
    service: SupportService,
    organisation: str | None = None,
    name: str | None = None,
    description: str | None = None,
    themes: Iterable[ThemeLike] | None = None,
    districts: Iterable[District | str] | None = None,
    phone: str | None = None,
    email: str | None = None,
    website: str | None = None,
    notes: str | None = None,
    active: bool | None = None,
    oruk_id: str | None = None,
    request: HttpRequest | None = None,
) -> SupportService:
    """Change the given fields; those left as None keep their value."""
    given = dict(
        organisation=organisation,
        name=name,
        description=description,
        phone=phone,
        email=email,
        website=website,
        notes=notes,
        active=active,
        oruk_id=oruk_id,
    )
    values = {**_snapshot(service), **{k: v for k, v in given.items() if v is not None}}
    values.pop("districts", None)
    clean, theme_objects = _check(values, themes, service, districts)
    _store(actor=actor, service=service, clean=clean, themes=theme_objects, request=request)
    service.refresh_from_db()
    return service


def support_service_deactivate(
    *, actor, service: SupportService, request: HttpRequest | None = None
) -> SupportService:
    """Hide a service from searches but keep it (and its ORUK id) for the record."""
    return support_service_update(actor=actor, service=service, active=False, request=request)


@transaction.atomic
def support_service_delete(
    *, actor, service: SupportService, request: HttpRequest | None = None
) -> None:
    before = _snapshot(service)
    object_id, summary = str(service.pk), str(service)
    service.delete()
    audit_record(
        actor=actor,
        action="deleted",
        object_type="supportservice",
        object_id=object_id,
        summary=summary,
        changes=diff(before, {}),
        request=request,
    )


def _parse(data: bytes | str | list) -> list:
    if isinstance(data, (bytes, bytearray)):
        if len(data) > MAX_IMPORT_BYTES:
            raise ValidationError("The file must be smaller than 2MB")
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("The file must be UTF-8 encoded JSON") from None
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as error:
            raise ValidationError(
                f"The file is not valid JSON: {error.msg} at line {error.lineno}, "
                f"column {error.colno}"
            ) from None
    if isinstance(data, dict) and isinstance(data.get("content"), list):
        data = data["content"]  # an ORUK API page: {"totalElements": ..., "content": [...]}
    if not isinstance(data, list):
        raise ValidationError("The file must contain a JSON list of Open Referral UK services")
    return data


def _capped(messages: list[str]) -> list[str]:
    if len(messages) <= MAX_IMPORT_MESSAGES:
        return messages
    extra = len(messages) - MAX_IMPORT_MESSAGES
    return messages[:MAX_IMPORT_MESSAGES] + [f"and {extra} more problems"]


@transaction.atomic
def directory_import_oruk(
    *, data: bytes | str | list, actor=None, request: HttpRequest | None = None
) -> ImportSummary:
    """Upsert services by ORUK id. Any bad row rejects the whole file: nothing is written.

    Services missing from the file are left alone (an import never deletes).
    """
    rows = _parse(data)
    existing = {s.oruk_id: s for s in SupportService.objects.all()}
    problems: list[str] = []
    plan: list[tuple[SupportService | None, dict, list[Theme] | None]] = []
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        try:
            values, slugs = oruk.service_from_oruk(row)
        except ValueError as error:
            problems.append(f"Service {number}: {error}")
            continue
        label = f'Service {number} ("{values["name"]}")'
        if values["oruk_id"] in seen:
            problems.append(f'{label}: the id "{values["oruk_id"]}" is used more than once')
            continue
        seen.add(values["oruk_id"])
        instance = existing.get(values["oruk_id"])
        districts = values.pop("districts", None)
        try:
            clean, themes = _check(values, slugs, instance, districts)
        except ValidationError as error:
            problems.extend(f"{label}: {m}" for m in error.messages)
            continue
        plan.append((instance, clean, themes))
    if problems:
        raise ValidationError(_capped(problems))
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for instance, clean, themes in plan:
        _, outcome = _store(
            actor=actor,
            service=instance,
            clean=clean,
            themes=themes,
            request=request,
            summary=f"Imported from ORUK JSON: {clean['name']}"[:300],
        )
        counts[outcome] += 1
    return ImportSummary(**counts)


def directory_export_oruk() -> list[dict[str, Any]]:
    """Every service, shown or not, as ORUK JSON objects in a stable order."""
    services = SupportService.objects.order_by("organisation", "name", "oruk_id").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("order", "name")),
        Prefetch("districts", queryset=District.objects.order_by("name")),
    )
    return [
        oruk.service_to_oruk(
            {name: getattr(s, name) for name in FIELDS},
            [(t.slug, t.name) for t in s.themes.all()],
            [(d.code, d.name) for d in s.districts.all()],
        )
        for s in services
    ]
