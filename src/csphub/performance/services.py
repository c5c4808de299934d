"""Writes for performance: the four importers and `kpi_compute`.

Every import is one transaction (a file that fails part-way leaves the tables as they were)
and idempotent: re-importing a month, a population year or an indicator period replaces it.
Each returns an `ImportSummary` (rows read, accepted, rejected with reasons) and leaves an
`ImportRun` row and an audit event behind.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from csphub.audit.services import audit_record
from csphub.geography.models import District

from . import engine
from .definitions import board_kpis
from .models import (
    CrimeCount,
    ImportRun,
    IndicatorValue,
    KpiResult,
    Lsoa,
    PoliceMonth,
    PopulationEstimate,
)
from .policeuk import PoliceFileError, read_police
from .selectors import county, engine_inputs

LSOA_CODE = re.compile(r"^[EW]0\d{7}$")
AREA_CODE = re.compile(r"^[EWSN]\d{8}$")
INSERT_BATCH = 5_000


@dataclass
class ImportSummary:
    kind: str
    files: list[str]
    rows_read: int = 0
    accepted: int = 0
    reasons: Counter = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return sum(self.reasons.values())

    def lines(self) -> list[str]:
        out = [
            f"Rows read: {self.rows_read:,}",
            f"Accepted:  {self.accepted:,}",
            f"Rejected:  {self.rejected:,}",
        ]
        out += [f"  {count:,} × {reason}" for reason, count in self.reasons.most_common()]
        return out + self.details


def _record_run(summary: ImportSummary, user) -> ImportRun:
    run = ImportRun.objects.create(
        kind=summary.kind,
        files="\n".join(summary.files)[:5000],
        imported_by=user,
        rows_read=summary.rows_read,
        accepted=summary.accepted,
        rejected=summary.rejected,
        reasons=dict(summary.reasons),
        summary="\n".join(summary.details),
    )
    audit_record(
        actor=user,
        action="performance.import",
        obj=run,
        summary=f"{run.get_kind_display()}: {summary.accepted:,} accepted, {summary.rejected:,} rejected",
        changes={"files": summary.files[:50], "reasons": dict(summary.reasons)},
    )
    return run


def _read_text(path: str | Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"{path}: no such file.")
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            raise ValidationError(f"{path.name}: not a readable gzip file.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            f"{path.name}: the file is not UTF-8 text. Save it as CSV UTF-8 and try again."
        ) from None


def _csv_rows(text: str, aliases: dict[str, tuple[str, ...]], required: Iterable[str], name: str):
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise ValidationError(f"{name}: the file is empty.") from None
    positions: dict[str, int] = {}
    for ours, theirs in aliases.items():
        for alias in theirs:
            if alias.lower() in header:
                positions[ours] = header.index(alias.lower())
                break
    missing = [f for f in required if f not in positions]
    if missing:
        raise ValidationError(
            f"{name}: missing column(s) {', '.join(missing)} (found: {', '.join(header)})."
        )
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        yield line, {f: (row[i].strip() if i < len(row) else "") for f, i in positions.items()}


def _bulk_insert(table: str, columns: list[str], rows: Iterable[tuple]) -> int:
    """Plain multi-row INSERTs: the importers write hundreds of thousands of counts."""
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    total = 0
    batch: list[tuple] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) >= INSERT_BATCH:
                cursor.executemany(sql, batch)
                total += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            total += len(batch)
    return total


# -- LSOA lookup and boundaries --------------------------------------------------------------

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


def lsoa_lookup_import(*, path: str | Path, user=None) -> ImportSummary:
    """Load the LSOA -> district lookup (ONS layout); rows for known LSOAs are replaced."""
    name = Path(path).name
    summary = ImportSummary(kind=ImportRun.Kind.LSOA_LOOKUP, files=[name])
    rows: dict[str, Lsoa] = {}
    for _line, row in _csv_rows(
        _read_text(path), LOOKUP_ALIASES, ("lsoa_code", "lsoa_name", "district_code"), name
    ):
        summary.rows_read += 1
        code = row["lsoa_code"].upper()
        if not LSOA_CODE.match(code):
            summary.reasons["LSOA code is not an England or Wales LSOA code"] += 1
        elif not AREA_CODE.match(row["district_code"].upper()):
            summary.reasons["district code is not an ONS area code"] += 1
        elif not row["lsoa_name"]:
            summary.reasons["LSOA name is blank"] += 1
        elif code in rows:
            summary.reasons["LSOA listed twice (the first row was kept)"] += 1
        else:
            rows[code] = Lsoa(
                code=code,
                name=row["lsoa_name"][:100],
                district_code=row["district_code"].upper(),
                district_name=row.get("district_name", "")[:100],
                police_force=row.get("police_force", "")[:100],
            )
    with transaction.atomic():
        existing = set(Lsoa.objects.filter(code__in=list(rows)).values_list("code", flat=True))
        Lsoa.objects.bulk_create([r for c, r in rows.items() if c not in existing], batch_size=1000)
        Lsoa.objects.bulk_update(
            [r for c, r in rows.items() if c in existing],
            ["name", "district_code", "district_name", "police_force"],
            batch_size=1000,
        )
        summary.accepted = len(rows)
        known = set(District.objects.filter(in_county=True).values_list("code", flat=True))
        in_county = sum(1 for r in rows.values() if r.district_code in known)
        summary.details.append(
            f"{in_county:,} LSOAs lie in the county's {len(known)} districts; "
            f"{len(rows) - in_county:,} elsewhere."
        )
        _record_run(summary, user)
    return summary


def boundaries_import(*, path: str | Path, user=None) -> ImportSummary:
    """Attach LSOA boundaries (GeoJSON in longitude/latitude) to LSOAs already in the lookup."""
    name = Path(path).name
    summary = ImportSummary(kind=ImportRun.Kind.LSOA_LOOKUP, files=[name])
    try:
        data = json.loads(_read_text(path))
        features = data["features"]
    except (ValueError, KeyError, TypeError):
        raise ValidationError(f"{name}: not a GeoJSON FeatureCollection.") from None
    known = {lsoa.code: lsoa for lsoa in Lsoa.objects.all()}
    changed = []
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
        _record_run(summary, user)
    return summary


# -- population -------------------------------------------------------------------------------

POPULATION_ALIASES = {
    "lsoa_code": ("lsoa_code", "lsoa11cd", "lsoa21cd", "lsoa 2011 code", "lsoa code"),
    "population": ("population", "all ages", "total", "total_population", "obs_value"),
}


def population_import(*, path: str | Path, year: int, user=None) -> ImportSummary:
    """Load one mid-year estimate by LSOA; re-importing a year replaces it."""
    name = Path(path).name
    if not 1991 <= year <= dt.date.today().year + 1:
        raise ValidationError(f"The year {year} is not a plausible mid-year estimate.")
    summary = ImportSummary(kind=ImportRun.Kind.POPULATION, files=[name])
    values: dict[str, int] = {}
    for _line, row in _csv_rows(
        _read_text(path), POPULATION_ALIASES, ("lsoa_code", "population"), name
    ):
        summary.rows_read += 1
        code = row["lsoa_code"].upper()
        raw = row["population"].replace(",", "")
        if not LSOA_CODE.match(code):
            summary.reasons["LSOA code is not an England or Wales LSOA code"] += 1
        elif not raw.isdigit() or int(raw) == 0:
            summary.reasons["population is not a whole number above zero"] += 1
        elif code in values:
            summary.reasons["LSOA listed twice (the first row was kept)"] += 1
        else:
            values[code] = int(raw)
    with transaction.atomic():
        PopulationEstimate.objects.filter(year=year).delete()
        PopulationEstimate.objects.bulk_create(
            [PopulationEstimate(year=year, lsoa_code=c, population=p) for c, p in values.items()],
            batch_size=2000,
        )
        summary.accepted = len(values)
        lookup = dict(Lsoa.objects.values_list("code", "district_code"))
        districts = dict(District.objects.filter(in_county=True).values_list("code", "name"))
        totals: Counter = Counter()
        unplaced = 0
        for code, population in values.items():
            district = lookup.get(code)
            if district is None:
                unplaced += 1
            elif district in districts:
                totals[district] += population
        for code, district_name in sorted(districts.items(), key=lambda item: item[1]):
            summary.details.append(f"  {district_name}: {totals[code]:,}")
        summary.details.insert(
            0, f"County ({len(districts)} districts, mid-{year}): {sum(totals.values()):,}"
        )
        if unplaced:
            summary.details.append(
                f"{unplaced:,} LSOAs are not in the lookup (import the lookup to place them)."
            )
        _record_run(summary, user)
    return summary


# -- police records ---------------------------------------------------------------------------


def police_import(
    *, paths: list[str | Path], user=None, progress: Callable[[str, int], None] | None = None
) -> ImportSummary:
    """Load data.police.uk files; each month present replaces what was stored for it."""
    try:
        read = read_police(list(paths), progress=progress)
    except PoliceFileError as exc:
        raise ValidationError(str(exc)) from None
    summary = ImportSummary(
        kind=ImportRun.Kind.POLICE,
        files=read.files,
        rows_read=read.rows_read,
        accepted=read.accepted,
        reasons=read.reasons,
    )
    months = sorted(read.months)
    with transaction.atomic():
        dates = [engine.month_date(m) for m in months]
        replaced = PoliceMonth.objects.filter(month__in=dates).count()
        CrimeCount.objects.filter(month__in=dates).delete()
        table = CrimeCount._meta.db_table
        _bulk_insert(
            table,
            ["month", "lsoa_code", "category", "count"],
            (
                (engine.month_date(m), lsoa, category, count)
                for m, lsoa, category, count in read.counts.iter_rows()
            ),
        )
        PoliceMonth.objects.filter(month__in=dates).delete()
        PoliceMonth.objects.bulk_create(
            [
                PoliceMonth(
                    month=engine.month_date(m),
                    records=read.months[m],
                    source=read.month_sources[m][:255],
                )
                for m in months
            ]
        )
        if months:
            summary.details.append(
                f"Months: {engine.month_label(months[0])} to {engine.month_label(months[-1])} "
                f"({len(months)} month(s); {replaced} replaced, {len(months) - replaced} new)"
            )
            gaps = [
                engine.month_label(m)
                for m in range(months[0], months[-1] + 1)
                if m not in read.months
            ]
            if gaps:
                summary.details.append(f"Not in these files: {', '.join(gaps)}")
        _record_run(summary, user)
    return summary


# -- indicator figures ------------------------------------------------------------------------

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
PERIOD = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def _number(raw: str) -> float | None:
    if raw == "":
        return None
    value = float(raw.replace(",", "").rstrip("%"))
    if not math.isfinite(value):
        raise ValueError(raw)
    return value


def indicators_import(*, path: str | Path, user=None) -> ImportSummary:
    """Load indicator figures (see docs/performance-data.md for the layout); a row for a KPI, area
    and period already stored replaces it."""
    name = Path(path).name
    summary = ImportSummary(kind=ImportRun.Kind.INDICATORS, files=[name])
    kpis = {k.id: k for k in board_kpis().kpis}
    areas = (
        {county().code}
        | set(District.objects.values_list("code", flat=True))
        | set(Lsoa.objects.values_list("code", flat=True))
    )
    rows: dict[tuple, IndicatorValue] = {}
    for _line, row in _csv_rows(
        _read_text(path), INDICATOR_ALIASES, ("kpi", "area_code", "period_end"), name
    ):
        summary.rows_read += 1
        kpi = kpis.get(row["kpi"])
        period = PERIOD.match(row["period_end"][:7]) if row["period_end"] else None
        try:
            numbers = {
                f: _number(row.get(f, ""))
                for f in ("value", "numerator", "base", "regional_average", "msf_rank", "msf_size")
            }
        except ValueError:
            summary.reasons["a figure is not a number"] += 1
            continue
        area = row["area_code"].upper()
        if kpi is None:
            summary.reasons["unknown KPI id"] += 1
        elif area not in areas:
            summary.reasons["unknown area code (not the county, a district or a known LSOA)"] += 1
        elif period is None:
            summary.reasons["period_end is not YYYY-MM"] += 1
        elif all(numbers[f] is None for f in numbers):
            summary.reasons["no figure in the row"] += 1
        elif kpi.source == "police" and numbers["value"] is not None:
            summary.reasons[
                "police KPIs are computed from records; only comparators may be given"
            ] += 1
        elif (
            kpi.is_percentage and numbers["value"] is not None and not 0 <= numbers["value"] <= 100
        ):
            summary.reasons["a percentage must be between 0 and 100"] += 1
        elif (
            kpi.is_percentage
            and (numbers["value"] is not None or numbers["numerator"] is not None)
            and not numbers["base"]
        ):
            summary.reasons["a percentage needs its base (the number asked or referred)"] += 1
        elif (
            numbers["base"] is not None
            and numbers["numerator"] is not None
            and numbers["numerator"] > numbers["base"]
        ):
            summary.reasons["numerator is larger than the base"] += 1
        elif any(
            numbers[f] is not None and numbers[f] < 0 for f in numbers if f != "regional_average"
        ):
            summary.reasons["a figure is negative"] += 1
        else:
            value = numbers["value"]
            if kpi.is_percentage and value is None and numbers["numerator"] is not None:
                value = numbers["numerator"] / numbers["base"] * 100
            key = (kpi.id, area, period.group(0))
            if key in rows:
                summary.reasons["the same KPI, area and period twice (the later row was kept)"] += 1
                summary.accepted -= 1
            rows[key] = IndicatorValue(
                kpi=kpi.id,
                area_code=area,
                period_end=dt.date(int(period.group(1)), int(period.group(2)), 1),
                value=value,
                numerator=numbers["numerator"],
                base=numbers["base"],
                regional_average=numbers["regional_average"],
                msf_rank=int(numbers["msf_rank"]) if numbers["msf_rank"] is not None else None,
                msf_size=int(numbers["msf_size"]) if numbers["msf_size"] is not None else None,
                source=name[:255],
            )
            summary.accepted += 1
    with transaction.atomic():
        IndicatorValue.objects.bulk_create(
            list(rows.values()),
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
        _record_run(summary, user)
    return summary


# -- computing --------------------------------------------------------------------------------


@transaction.atomic
def kpi_compute(*, user=None) -> int:
    """Recompute every KPI for every area and period from what is stored; returns rows written."""
    results = engine.compute(engine_inputs())
    KpiResult.objects.all().delete()
    columns = [
        "kpi",
        "area_type",
        "area_code",
        "area_name",
        "district_code",
        "period_end",
        "count_12m",
        "count_prev_12m",
        "count_3m",
        "population",
        "population_prev",
        "population_year",
        "rate_per_1000",
        "rate_prev_per_1000",
        "value",
        "value_prev",
        "base",
        "base_prev",
        "change_pct",
        "direction",
        "p_value",
        "significant",
        "assessment",
        "note",
        "regional_average",
        "msf_rank",
        "msf_size",
        "rank",
        "rank_of",
    ]
    frame = results.with_columns(
        pl.date(pl.col("period") // 12, pl.col("period") % 12 + 1, 1).alias("period_end"),
        *[pl.col(c).fill_null("") for c in ("district_code", "direction", "assessment", "note")],
    ).select(columns)
    written = _bulk_insert(KpiResult._meta.db_table, columns, frame.iter_rows())
    audit_record(
        actor=user,
        action="performance.compute",
        object_type="kpiresult",
        summary=f"KPIs computed: {written:,} results",
    )
    return written
