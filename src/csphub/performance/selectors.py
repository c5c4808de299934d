"""Reads for performance: the engine's inputs from the database, and the computed results as
the dashboard, the export and the board report need them.

Performance figures are aggregate statistics (no personal data); every role that may open the
dashboard sees the county and all its districts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl
from django.conf import settings
from django.db.models import Max, Min, Q

from csphub.geography.models import District

from .kpi import engine
from .kpi.definitions import Kpi, board_kpis
from .models import CrimeCount, IndicatorValue, KpiResult, Lsoa, PoliceMonth, PopulationEstimate

# LSOA hotspots leave out tiny bases: a rate on a handful of crimes is noise.
HOTSPOT_MIN_COUNT = 10
HOTSPOT_MIN_POPULATION = 500

EXPORT_COLUMNS = (
    "kpi",
    "area_type",
    "area_code",
    "area_name",
    "period_end",
    "count_12m",
    "count_prev_12m",
    "population",
    "rate_per_1000",
    "rate_prev_per_1000",
    "change_pct",
    "direction",
    "significant",
    "kpi_title",
    "unit",
    "value",
    "value_prev",
    "p_value",
    "assessment",
    "population_year",
    "count_3m",
    "district_code",
    "rank",
    "rank_of",
    "regional_average",
    "msf_rank",
    "msf_size",
    "note",
)


@dataclass(frozen=True)
class Area:
    area_type: str
    code: str
    name: str
    slug: str = ""


def county() -> Area:
    return Area(engine.COUNTY, settings.CSPHUB_COUNTY_CODE, settings.CSPHUB_COUNTY_NAME, "county")


def county_districts() -> list[Area]:
    return [
        Area(engine.DISTRICT, d.code, d.name, d.slug)
        for d in District.objects.filter(in_county=True).order_by("name")
    ]


def district_by_slug(slug: str) -> Area | None:
    district = District.objects.filter(in_county=True, slug=slug).first()
    return Area(engine.DISTRICT, district.code, district.name, district.slug) if district else None


# -- engine inputs ----------------------------------------------------------------------------


def engine_geography() -> engine.Geography:
    districts = dict(
        District.objects.filter(in_county=True).order_by("name").values_list("code", "name")
    )
    lsoas = list(
        Lsoa.objects.filter(district_code__in=list(districts)).values_list(
            "code", "name", "district_code"
        )
    )
    return engine.Geography(
        county_code=settings.CSPHUB_COUNTY_CODE,
        county_name=settings.CSPHUB_COUNTY_NAME,
        districts=districts,
        lsoas=pl.DataFrame(
            lsoas,
            schema={"lsoa_code": pl.String, "lsoa_name": pl.String, "district_code": pl.String},
            orient="row",
        ),
    )


def engine_inputs() -> engine.Inputs:
    counts = pl.DataFrame(
        list(
            CrimeCount.objects.values_list("month", "lsoa_code", "category", "count").iterator(
                chunk_size=20_000
            )
        ),
        schema={"month": pl.Date, "lsoa_code": pl.String, "category": pl.String, "count": pl.Int64},
        orient="row",
    ).with_columns(
        (pl.col("month").dt.year() * 12 + pl.col("month").dt.month() - 1)
        .cast(pl.Int32)
        .alias("month")
    )
    population = pl.DataFrame(
        list(PopulationEstimate.objects.values_list("year", "lsoa_code", "population")),
        schema={"year": pl.Int32, "lsoa_code": pl.String, "population": pl.Int64},
        orient="row",
    )
    indicators = pl.DataFrame(
        [
            (
                i.kpi,
                i.area_code,
                engine.month_index(i.period_end),
                i.value,
                i.numerator,
                i.base,
                i.regional_average,
                i.msf_rank,
                i.msf_size,
            )
            for i in IndicatorValue.objects.all()
        ],
        schema=engine.empty_indicators().schema,
        orient="row",
    )
    return engine.Inputs(
        geography=engine_geography(),
        kpis=board_kpis(),
        police_counts=counts,
        police_months={
            engine.month_index(m) for m in PoliceMonth.objects.values_list("month", flat=True)
        },
        population=population,
        indicators=indicators,
    )


# -- computed results -------------------------------------------------------------------------


def available_periods() -> list[dt.date]:
    """Periods with a computed county figure, newest first."""
    return list(
        KpiResult.objects.filter(area_type=engine.COUNTY, count_12m__isnull=False)
        .values_list("period_end", flat=True)
        .distinct()
        .order_by("-period_end")
    )


def police_month_range() -> tuple[dt.date, dt.date] | None:
    """The first and last month of police data loaded (for the paper's background papers)."""
    found = PoliceMonth.objects.aggregate(first=Min("month"), last=Max("month"))
    return (found["first"], found["last"]) if found["first"] else None


def latest_period() -> dt.date | None:
    return KpiResult.objects.filter(area_type=engine.COUNTY, count_12m__isnull=False).aggregate(
        latest=Max("period_end")
    )["latest"]


def parse_period(value: str | None) -> dt.date | None:
    """'2022-10' -> date(2022, 10, 1); None for anything else."""
    if not value:
        return None
    try:
        year, month = value.strip()[:7].split("-")
        return dt.date(int(year), int(month), 1)
    except ValueError:
        return None


@dataclass
class KpiCard:
    kpi: Kpi
    result: KpiResult | None


def area_results(*, area: Area, period: dt.date) -> list[KpiCard]:
    """Every KPI (in the board's order) for one area and period; result None when not computed."""
    found = {
        r.kpi: r
        for r in KpiResult.objects.filter(
            area_type=area.area_type, area_code=area.code, period_end=period
        )
    }
    return [KpiCard(kpi, found.get(kpi.id)) for kpi in board_kpis().kpis]


def series(*, kpi: str, area: Area, until: dt.date, months: int = 36) -> list[KpiResult]:
    """Monthly rolling-12-month results up to `until` (oldest first)."""
    start = engine.month_date(engine.month_index(until) - months + 1)
    return list(
        KpiResult.objects.filter(
            kpi=kpi,
            area_type=area.area_type,
            area_code=area.code,
            period_end__gte=start,
            period_end__lte=until,
        ).order_by("period_end")
    )


def quarterly_series(*, kpi: str, area: Area, until: dt.date, quarters: int = 8) -> list[KpiResult]:
    """Rolling-12-month results at the last `quarters` quarter ends (March, June, September,
    December) up to `until`, oldest first; `count_3m` is the quarter's own count."""
    rows = series(kpi=kpi, area=area, until=until, months=quarters * 3 + 2)
    return [r for r in rows if r.period_end.month in (3, 6, 9, 12)][-quarters:]


def district_comparison(*, kpi: str, period: dt.date) -> list[KpiResult]:
    """The county's districts for one KPI and period, in name order."""
    codes = [a.code for a in county_districts()]
    return list(
        KpiResult.objects.filter(
            kpi=kpi, area_type=engine.DISTRICT, area_code__in=codes, period_end=period
        ).order_by("area_name")
    )


def county_result(*, kpi: str, period: dt.date) -> KpiResult | None:
    return KpiResult.objects.filter(kpi=kpi, area_type=engine.COUNTY, period_end=period).first()


def hotspots(
    *, kpi: str, period: dt.date, district_code: str | None = None, limit: int = 10
) -> list[KpiResult]:
    """LSOAs with the highest rates, leaving out tiny bases."""
    rows = KpiResult.objects.filter(
        kpi=kpi,
        area_type=engine.LSOA,
        period_end=period,
        rate_per_1000__isnull=False,
        count_12m__gte=HOTSPOT_MIN_COUNT,
        population__gte=HOTSPOT_MIN_POPULATION,
    )
    if district_code:
        rows = rows.filter(district_code=district_code)
    return list(rows.order_by("-rate_per_1000", "area_code")[:limit])


def lsoa_map(
    *, kpi: str, period: dt.date, district_code: str | None = None
) -> list[tuple[Lsoa, KpiResult | None]]:
    """LSOAs with boundaries and their result, for the shaded map."""
    lsoas = Lsoa.objects.filter(
        boundary__isnull=False, district_code__in=[a.code for a in county_districts()]
    )
    if district_code:
        lsoas = lsoas.filter(district_code=district_code)
    results = {
        r.area_code: r
        for r in KpiResult.objects.filter(
            kpi=kpi,
            area_type=engine.LSOA,
            period_end=period,
            **({"district_code": district_code} if district_code else {}),
        )
    }
    return [(lsoa, results.get(lsoa.code)) for lsoa in lsoas]


def export_rows(*, period: dt.date, area_types: tuple[str, ...] = engine.AREA_TYPES):
    """One dict per KPI and area for the period, in EXPORT_COLUMNS order (county, districts,
    LSOAs)."""
    kpis = {k.id: k for k in board_kpis().kpis}
    order = {kpi_id: i for i, kpi_id in enumerate(kpis)}
    type_order = {t: i for i, t in enumerate(engine.AREA_TYPES)}
    rows = sorted(
        KpiResult.objects.filter(period_end=period, area_type__in=area_types),
        key=lambda r: (order.get(r.kpi, 999), type_order[r.area_type], r.area_code),
    )
    for r in rows:
        kpi = kpis.get(r.kpi)
        yield {
            "kpi": r.kpi,
            "area_type": r.area_type,
            "area_code": r.area_code,
            "area_name": r.area_name,
            "period_end": r.period_end.strftime("%Y-%m"),
            "count_12m": _int(r.count_12m),
            "count_prev_12m": _int(r.count_prev_12m),
            "population": _int(r.population),
            "rate_per_1000": _round(r.rate_per_1000),
            "rate_prev_per_1000": _round(r.rate_prev_per_1000),
            "change_pct": _round(r.change_pct, 1),
            "direction": r.direction or None,
            "significant": r.significant,
            "kpi_title": kpi.title if kpi else r.kpi,
            "unit": kpi.unit if kpi else "",
            "value": _round(r.value),
            "value_prev": _round(r.value_prev),
            "p_value": _round(r.p_value, 4),
            "assessment": r.assessment or None,
            "population_year": r.population_year,
            "count_3m": _int(r.count_3m),
            "district_code": r.district_code or None,
            "rank": r.rank,
            "rank_of": r.rank_of,
            "regional_average": r.regional_average,
            "msf_rank": r.msf_rank,
            "msf_size": r.msf_size,
            "note": r.note or None,
        }


def _int(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


def _round(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def has_results() -> bool:
    return KpiResult.objects.filter(~Q(area_type=engine.LSOA)).exists()


def report_results(*, period: dt.date) -> list[KpiResult]:
    """The county's and its districts' results for one period in one query (the board report)."""
    codes = [settings.CSPHUB_COUNTY_CODE, *(a.code for a in county_districts())]
    return list(
        KpiResult.objects.filter(
            period_end=period,
            area_type__in=(engine.COUNTY, engine.DISTRICT),
            area_code__in=codes,
        ).order_by("kpi", "area_type", "area_name")
    )


def recent_import_runs(*, limit: int = 10) -> list:
    """The latest imports, newest first, for the upload page."""
    from .models import ImportRun

    return list(
        ImportRun.objects.select_related("imported_by").order_by("-created_at", "-id")[:limit]
    )
