"""Mid-year population estimates by LSOA (ONS layout), the denominators of the rates."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from csphub.accounts.models import User
from csphub.geography.models import District

from ..models import ImportRun, Lsoa, PopulationEstimate
from .files import LSOA_CODE, csv_rows, read_text
from .summary import ImportSummary, record_run

POPULATION_ALIASES = {
    "lsoa_code": ("lsoa_code", "lsoa11cd", "lsoa21cd", "lsoa 2011 code", "lsoa code"),
    "population": ("population", "all ages", "total", "total_population", "obs_value"),
}


def population_import(*, path: str | Path, year: int, user: User | None = None) -> ImportSummary:
    """Load one mid-year estimate by LSOA; re-importing a year replaces it."""
    name = Path(path).name
    if not 1991 <= year <= dt.date.today().year + 1:
        raise ValidationError(f"The year {year} is not a plausible mid-year estimate.")
    summary = ImportSummary(kind=ImportRun.Kind.POPULATION, files=[name])
    values: dict[str, int] = {}
    for _line, row in csv_rows(
        read_text(path), POPULATION_ALIASES, ("lsoa_code", "population"), name
    ):
        summary.rows_read += 1
        code = row["lsoa_code"].upper()
        raw = row["population"].replace(",", "")
        reason = _population_rejection(code, raw, values)
        if reason:
            summary.reasons[reason] += 1
        else:
            values[code] = int(raw)
    with transaction.atomic():
        PopulationEstimate.objects.filter(year=year).delete()
        PopulationEstimate.objects.bulk_create(
            [PopulationEstimate(year=year, lsoa_code=c, population=p) for c, p in values.items()],
            batch_size=2000,
        )
        summary.accepted = len(values)
        summary.details += _district_totals(values, year)
        record_run(summary, user)
    return summary


def _population_rejection(code: str, raw: str, kept: dict[str, int]) -> str:
    """Why a population row is refused ("" if it is kept)."""
    if not LSOA_CODE.match(code):
        return "LSOA code is not an England or Wales LSOA code"
    if not raw.isdigit() or int(raw) == 0:
        return "population is not a whole number above zero"
    if code in kept:
        return "LSOA listed twice (the first row was kept)"
    return ""


def _district_totals(values: dict[str, int], year: int) -> list[str]:
    """The county's and each district's total, for the analyst to check against ONS."""
    lookup = dict(Lsoa.objects.values_list("code", "district_code"))
    districts = dict(District.objects.filter(in_county=True).values_list("code", "name"))
    totals: Counter[str] = Counter()
    unplaced = 0
    for code, population in values.items():
        district = lookup.get(code)
        if district is None:
            unplaced += 1
        elif district in districts:
            totals[district] += population
    lines = [f"County ({len(districts)} districts, mid-{year}): {sum(totals.values()):,}"]
    for code, district_name in sorted(districts.items(), key=lambda item: item[1]):
        lines.append(f"  {district_name}: {totals[code]:,}")
    if unplaced:
        lines.append(f"{unplaced:,} LSOAs are not in the lookup (import the lookup to place them).")
    return lines
