"""Indicator figures for the KPIs that arrive as numbers (surveys, MARAC, referrals) and the
comparators of the police KPIs (regional average, most similar family rank)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from django.db import transaction

from csphub.accounts.models import User
from csphub.geography.models import District

from ..kpi.definitions import Kpi, board_kpis
from ..models import ImportRun, IndicatorValue, Lsoa
from ..selectors import county
from .files import csv_rows, number, read_text
from .summary import ImportSummary, record_run

INDICATOR_ALIASES = {
    "kpi": ("kpi", "indicator"),
    "area_code": ("area_code", "area"),
    "period_end": ("period_end", "period"),
    "value": ("value",),
    "numerator": ("numerator",),
    "base": ("base", "base_n", "n"),
    "regional_average": ("regional_average",),
    "msf_rank": ("msf_rank",),
    "msf_size": ("msf_size",),
}
FIGURES = ("value", "numerator", "base", "regional_average", "msf_rank", "msf_size")
PERIOD = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
Numbers = dict[str, float | None]


def indicators_import(*, path: str | Path, user: User | None = None) -> ImportSummary:
    """Load indicator figures (see docs/performance-data.md for the layout); a row for a KPI,
    area and period already stored replaces it."""
    name = Path(path).name
    summary = ImportSummary(kind=ImportRun.Kind.INDICATORS, files=[name])
    kpis = {k.id: k for k in board_kpis().kpis}
    areas = _known_areas()
    rows: dict[tuple[str, str, str], IndicatorValue] = {}
    for _line, row in csv_rows(
        read_text(path), INDICATOR_ALIASES, ("kpi", "area_code", "period_end"), name
    ):
        summary.rows_read += 1
        kpi = kpis.get(row["kpi"])
        period = PERIOD.match(row["period_end"][:7]) if row["period_end"] else None
        try:
            numbers: Numbers = {f: number(row.get(f, "")) for f in FIGURES}
        except ValueError:
            summary.reasons["a figure is not a number"] += 1
            continue
        area = row["area_code"].upper()
        reason = _identity_rejection(kpi, area in areas, period)
        if not reason and kpi is not None:
            reason = _figures_rejection(kpi, numbers)
        if reason or kpi is None or period is None:
            summary.reasons[reason] += 1
            continue
        key = (kpi.id, area, period.group(0))
        if key in rows:
            summary.reasons["the same KPI, area and period twice (the later row was kept)"] += 1
            summary.accepted -= 1
        rows[key] = _indicator_value(kpi, area, period, numbers, source=name[:255])
        summary.accepted += 1
    with transaction.atomic():
        _store_indicators(list(rows.values()))
        record_run(summary, user)
    return summary


def _known_areas() -> set[str]:
    return (
        {county().code}
        | set(District.objects.values_list("code", flat=True))
        | set(Lsoa.objects.values_list("code", flat=True))
    )


def _identity_rejection(kpi: Kpi | None, known_area: bool, period: re.Match[str] | None) -> str:
    """Why a row's KPI, area or period is refused ("" if they are all known)."""
    if kpi is None:
        return "unknown KPI id"
    if not known_area:
        return "unknown area code (not the county, a district or a known LSOA)"
    if period is None:
        return "period_end is not YYYY-MM"
    return ""


def _figures_rejection(kpi: Kpi, numbers: Numbers) -> str:
    """Why a row's figures are refused ("" if they make sense for the KPI)."""
    if all(numbers[f] is None for f in numbers):
        return "no figure in the row"
    if kpi.source == "police" and numbers["value"] is not None:
        return "police KPIs are computed from records; only comparators may be given"
    if kpi.is_percentage and (reason := _percentage_rejection(numbers)):
        return reason
    base, numerator = numbers["base"], numbers["numerator"]
    if base is not None and numerator is not None and numerator > base:
        return "numerator is larger than the base"
    if any((numbers[f] or 0) < 0 for f in numbers if f != "regional_average"):
        return "a figure is negative"
    return ""


def _percentage_rejection(numbers: Numbers) -> str:
    value = numbers["value"]
    if value is not None and not 0 <= value <= 100:
        return "a percentage must be between 0 and 100"
    if (value is not None or numbers["numerator"] is not None) and not numbers["base"]:
        return "a percentage needs its base (the number asked or referred)"
    return ""


def _indicator_value(
    kpi: Kpi, area: str, period: re.Match[str], numbers: Numbers, *, source: str
) -> IndicatorValue:
    value, numerator, base = numbers["value"], numbers["numerator"], numbers["base"]
    if kpi.is_percentage and value is None and numerator is not None and base:
        value = numerator / base * 100
    msf_rank, msf_size = numbers["msf_rank"], numbers["msf_size"]
    return IndicatorValue(
        kpi=kpi.id,
        area_code=area,
        period_end=dt.date(int(period.group(1)), int(period.group(2)), 1),
        value=value,
        numerator=numerator,
        base=base,
        regional_average=numbers["regional_average"],
        msf_rank=int(msf_rank) if msf_rank is not None else None,
        msf_size=int(msf_size) if msf_size is not None else None,
        source=source,
    )


def _store_indicators(values: list[IndicatorValue]) -> None:
    IndicatorValue.objects.bulk_create(
        values,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["kpi", "area_code", "period_end"],
        update_fields=[
            "value",
            "numerator",
            "base",
            "regional_average",
            "msf_rank",
            "msf_size",
            "source",
            "imported_at",
        ],
    )
