"""Open Referral UK (ORUK) JSON <-> plain dicts of SupportService fields. No database here.

We export the ORUK "full service" shape: the service with its organization, contacts (with
phones) and service_taxonomys. Our themes travel as taxonomy terms of the vocabulary
`csphub-theme` whose ids are theme slugs, so other ORUK tools keep them and ignore them
safely. Our staff-facing notes travel as `application_process` (how to use the service).
Import is tolerant of the variants other publishers use (phones on the service itself,
HSDS 3 `attributes`), and strict about what we need (id, name, organization name).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

THEME_VOCABULARY = "csphub-theme"

# Derived ids (organisation, contact, phone, taxonomy link) are uuid5s in this namespace, so
# exporting the same data twice gives byte-identical files.
NAMESPACE = uuid.UUID("77cb4f37-1a00-497e-b778-1f75a7ef19ee")


def derived_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def organisation_id(organisation: str) -> str:
    return derived_id("organization", organisation.strip().casefold())


AREA_URI = "http://statistics.data.gov.uk/id/statistical-geography/"


def service_to_oruk(
    values: dict[str, Any],
    themes: list[tuple[str, str]],
    districts: Sequence[tuple[str, str]] = (),
) -> dict[str, Any]:
    """One service as an ORUK service object. `themes` is [(slug, name)]; `districts` is
    [(ONS code, name)] where it works (none: the whole partnership area, no service_areas)."""
    sid = values["oruk_id"]
    phone = values.get("phone") or ""
    return {
        "id": sid,
        "name": values["name"],
        "description": values.get("description") or "",
        "url": values.get("website") or "",
        "email": values.get("email") or "",
        "status": "active" if values.get("active", True) else "inactive",
        "application_process": values.get("notes") or "",
        "organization": {
            "id": organisation_id(values["organisation"]),
            "name": values["organisation"],
        },
        "contacts": [
            {
                "id": derived_id("contact", sid),
                "name": values["organisation"],
                "phones": [{"id": derived_id("phone", sid), "number": phone}],
            }
        ]
        if phone
        else [],
        "service_taxonomys": [
            {
                "id": derived_id("service_taxonomy", sid, slug),
                "taxonomy": {"id": slug, "name": name, "vocabulary": THEME_VOCABULARY},
            }
            for slug, name in themes
        ],
        "service_areas": [
            {
                "id": derived_id("service_area", sid, code),
                "service_area": name,
                "uri": AREA_URI + code,
            }
            for code, name in districts
        ],
    }


def _text(row: dict, key: str, problems: list[str]) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append(f'"{key}" must be text')
        return ""
    return value.strip()


def _list(row: dict, key: str) -> list:
    value = row.get(key)
    return list(value) if isinstance(value, list) else []


def _first_phone(row: dict) -> Any:
    """The first phone number: on the service (ORUK 3), else on its contacts (ORUK 1)."""
    phones = _list(row, "phones")
    for contact in _list(row, "contacts"):
        if isinstance(contact, dict):
            phones.extend(_list(contact, "phones"))
    for phone in phones:
        if isinstance(phone, dict) and phone.get("number"):
            return phone["number"]
    return ""


def _theme_slugs(row: dict) -> list[str]:
    """Terms of our vocabulary, from service_taxonomys (ORUK 1) or attributes (ORUK 3)."""
    terms = []
    for link in _list(row, "service_taxonomys"):
        taxonomy = link.get("taxonomy") if isinstance(link, dict) else None
        if isinstance(taxonomy, dict) and taxonomy.get("vocabulary") == THEME_VOCABULARY:
            terms.append(taxonomy.get("id"))
    for attribute in _list(row, "attributes"):
        term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
        if isinstance(term, dict) and THEME_VOCABULARY in (
            term.get("vocabulary"),
            term.get("taxonomy"),
        ):
            terms.append(term.get("code") or term.get("id"))
    slugs = []
    for term in terms:
        slug = str(term or "").strip()
        if slug and slug not in slugs:
            slugs.append(slug)
    return slugs


def service_from_oruk(row: Any) -> tuple[dict[str, Any], list[str]]:
    """One ORUK service object as (SupportService field values, theme slugs).

    Raises ValueError with every shape problem found; field-level checks (lengths, email,
    URL, known themes) are the service layer's job.
    """
    if not isinstance(row, dict):
        raise ValueError("each service must be a JSON object")
    problems: list[str] = []
    oruk_id = row.get("id")
    if isinstance(oruk_id, int) and not isinstance(oruk_id, bool):
        oruk_id = str(oruk_id)
    if not isinstance(oruk_id, str) or not oruk_id.strip():
        problems.append('"id" is missing')
        oruk_id = ""
    organization = row.get("organization")
    organisation = ""
    if isinstance(organization, dict) and isinstance(organization.get("name"), str):
        organisation = organization["name"].strip()
    if not organisation:
        problems.append('"organization.name" is missing')
    values = {
        "oruk_id": oruk_id.strip(),
        "organisation": organisation,
        "name": _text(row, "name", problems),
        "description": _text(row, "description", problems),
        "website": _text(row, "url", problems),
        "email": _text(row, "email", problems),
        "notes": _text(row, "application_process", problems),
        "phone": str(_first_phone(row)).strip(),
        "active": str(row.get("status") or "active").strip().lower() == "active",
    }
    if not values["name"] and '"name" must be text' not in problems:
        problems.append('"name" is missing')
    if problems:
        raise ValueError("; ".join(problems))
    areas = _areas(row)
    if areas is not None:
        values["districts"] = areas
    return values, _theme_slugs(row)


def _areas(row: dict) -> list[str] | None:
    """District codes (from each service area's statistical-geography URI) or names; None when
    the file says nothing of areas, so an import leaves them as they are."""
    if "service_areas" not in row:
        return None
    found = []
    for area in _list(row, "service_areas"):
        if not isinstance(area, dict):
            continue
        uri = str(area.get("uri") or "")
        ref = (
            uri.rstrip("/").rsplit("/", 1)[-1]
            if uri.startswith(AREA_URI)
            else str(area.get("service_area") or "")
        )
        if ref.strip():
            found.append(ref.strip())
    return found
