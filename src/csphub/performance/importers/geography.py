"""The LSOA lookup (LSOA to district, ONS layout) and the LSOA boundaries (GeoJSON)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from csphub.accounts.models import User
from csphub.geography.models import District

from ..models import ImportRun, Lsoa
from .files import AREA_CODE, LSOA_CODE, csv_rows, read_text
from .summary import ImportSummary, record_run

LOOKUP_ALIASES = {
    "lsoa_code": ("lsoa_code", "lsoa11cd", "lsoa21cd", "lsoa11", "lsoacd"),
    "lsoa_name": ("lsoa_name", "lsoa11nm", "lsoa21nm", "lsoanm"),
    "district_code": (
        "district_code",
        "lad22cd",
        "lad21cd",
        "lad20cd",
        "lad19cd",
        "ladcd",
        "lad11cd",
    ),
    "district_name": (
        "district_name",
        "lad22nm",
        "lad21nm",
        "lad20nm",
        "lad19nm",
        "ladnm",
        "lad11nm",
    ),
    "police_force": ("police_force", "pfa22nm", "pfanm", "force"),
}


def lsoa_lookup_import(*, path: str | Path, user: User | None = None) -> ImportSummary:
    """Load the LSOA -> district lookup (ONS layout); rows for known LSOAs are replaced."""
    name = Path(path).name
    summary = ImportSummary(kind=ImportRun.Kind.LSOA_LOOKUP, files=[name])
    rows: dict[str, Lsoa] = {}
    for _line, row in csv_rows(
        read_text(path), LOOKUP_ALIASES, ("lsoa_code", "lsoa_name", "district_code"), name
    ):
        summary.rows_read += 1
        code = row["lsoa_code"].upper()
        reason = _lookup_rejection(code, row, rows)
        if reason:
            summary.reasons[reason] += 1
        else:
            rows[code] = Lsoa(
                code=code,
                name=row["lsoa_name"][:100],
                district_code=row["district_code"].upper(),
                district_name=row.get("district_name", "")[:100],
                police_force=row.get("police_force", "")[:100],
            )
    with transaction.atomic():
        _store_lookup(rows)
        summary.accepted = len(rows)
        known = set(District.objects.filter(in_county=True).values_list("code", flat=True))
        in_county = sum(1 for r in rows.values() if r.district_code in known)
        summary.details.append(
            f"{in_county:,} LSOAs lie in the county's {len(known)} districts; "
            f"{len(rows) - in_county:,} elsewhere."
        )
        record_run(summary, user)
    return summary


def _lookup_rejection(code: str, row: dict[str, str], kept: dict[str, Lsoa]) -> str:
    """Why a lookup row is refused ("" if it is kept)."""
    if not LSOA_CODE.match(code):
        return "LSOA code is not an England or Wales LSOA code"
    if not AREA_CODE.match(row["district_code"].upper()):
        return "district code is not an ONS area code"
    if not row["lsoa_name"]:
        return "LSOA name is blank"
    if code in kept:
        return "LSOA listed twice (the first row was kept)"
    return ""


def _store_lookup(rows: dict[str, Lsoa]) -> None:
    existing = set(Lsoa.objects.filter(code__in=list(rows)).values_list("code", flat=True))
    Lsoa.objects.bulk_create([r for c, r in rows.items() if c not in existing], batch_size=1000)
    Lsoa.objects.bulk_update(
        [r for c, r in rows.items() if c in existing],
        ["name", "district_code", "district_name", "police_force"],
        batch_size=1000,
    )


def boundaries_import(*, path: str | Path, user: User | None = None) -> ImportSummary:
    """Attach LSOA boundaries (GeoJSON in longitude/latitude) to LSOAs already in the lookup."""
    name = Path(path).name
    summary = ImportSummary(kind=ImportRun.Kind.LSOA_LOOKUP, files=[name])
    try:
        data = json.loads(read_text(path))
        features = data["features"]
    except (ValueError, KeyError, TypeError):
        raise ValidationError(f"{name}: not a GeoJSON FeatureCollection.") from None
    known = {lsoa.code: lsoa for lsoa in Lsoa.objects.all()}
    changed: list[Lsoa] = []
    for feature in features:
        summary.rows_read += 1
        props = feature.get("properties") or {}
        code = str(
            props.get("LSOA11CD") or props.get("LSOA21CD") or props.get("lsoa_code") or ""
        ).upper()
        geometry = feature.get("geometry") or {}
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            summary.reasons["geometry is not a polygon"] += 1
        elif code not in known:
            summary.reasons["LSOA not in the lookup (import the lookup first)"] += 1
        else:
            known[code].boundary = geometry
            changed.append(known[code])
    with transaction.atomic():
        Lsoa.objects.bulk_update(changed, ["boundary"], batch_size=200)
        summary.accepted = len(changed)
        record_run(summary, user)
    return summary
