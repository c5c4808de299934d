"""The KPI page's sections: for each, the data table (also its CSV download) and the SVG
chart drawn from the same rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from . import selectors
from .charts import svg as charts
from .charts.numbers import format_number
from .forms import period_label
from .kpi import engine
from .kpi.definitions import Kpi
from .presentation import Column, DataTable

TREND_MONTHS = 24


class _Change(Protocol):
    value: float | None
    value_prev: float | None
    change_pct: float | None


def _change_column(kpi: Kpi) -> Column:
    if kpi.unit == "percentage":
        return Column("Change (percentage points)", "change_points", "change")
    return Column("Change (%)", "change_pct", "change")


def _change_value(row: _Change, kpi: Kpi) -> float | None:
    """Per cent for rates and counts; percentage points for percentages of people."""
    if kpi.unit == "percentage":
        if row.value is None or row.value_prev is None:
            return None
        return round(row.value - row.value_prev, 1)
    return row.change_pct


def _month(period: dt.date) -> str:
    return f"{period:%B %Y}"


def _trend(kpi: Kpi, area: selectors.Area, period: dt.date) -> tuple[DataTable, str]:
    rows = selectors.series(kpi=kpi.id, area=area, until=period, months=TREND_MONTHS)
    comparison = (
        "Year before" if kpi.comparator == "previous_year" else "Same 12 months a year before"
    )
    table = DataTable(
        "trend",
        f"{kpi.title}, {area.name}: rolling 12 months, last {TREND_MONTHS} months",
        [
            Column("12 months to", "period_end"),
            Column(f"Value ({kpi.unit_label})", "value", "value"),
            Column(f"{comparison} ({kpi.unit_label})", "value_year_before", "value"),
            _change_column(kpi),
        ],
        [[_month(r.period_end), r.value, r.value_prev, _change_value(r, kpi)] for r in rows],
        unit=kpi.unit,
    )
    first = rows[0].period_end if rows else period
    svg = charts.line_chart(
        chart_id="chart-trend",
        title=f"{kpi.title} in {area.name}: rolling 12-month trend",
        desc=f"Line chart of the rolling 12-month figure ({kpi.unit_label}) for each month from "
        f"{_month(first)} to {_month(period)}, against the same 12 months a year before. "
        "The figures are in the table that follows.",
        x_labels=[f"{r.period_end:%b %Y}" for r in rows],
        lines=[
            charts.Line("12 months to the month", [r.value for r in rows], charts.BLUE),
            charts.Line("A year before", [r.value_prev for r in rows], charts.GREY, dashed=True),
        ],
        unit=kpi.unit,
        target=kpi.target,
    )
    return table, svg


def _quarterly(kpi: Kpi, area: selectors.Area, period: dt.date) -> tuple[DataTable, str]:
    rows = selectors.quarterly_series(kpi=kpi.id, area=area, until=period)
    table = DataTable(
        "quarterly",
        f"{kpi.title}, {area.name}: quarter by quarter",
        [
            Column("Quarter to", "quarter_end"),
            Column("Count in the quarter", "count_3m", "count"),
            Column("Count in 12 months", "count_12m", "count"),
            Column(f"Value ({kpi.unit_label})", "value", "value"),
            Column("Previous 12 months", "value_prev", "value"),
            _change_column(kpi),
            Column("Significant", "significant", "bool"),
        ],
        [
            [
                _month(r.period_end),
                r.count_3m,
                r.count_12m,
                r.value,
                r.value_prev,
                _change_value(r, kpi),
                r.significant,
            ]
            for r in rows
        ],
        unit=kpi.unit,
    )
    return table, ""


def _districts(kpi: Kpi, area: selectors.Area, period: dt.date) -> tuple[DataTable, str]:
    rows = selectors.district_comparison(kpi=kpi.id, period=period)
    county_row = selectors.county_result(kpi=kpi.id, period=period)
    county_value = county_row.value if county_row else None
    table = DataTable(
        "districts",
        f"{kpi.title} by district, {period_label(period).lower()}",
        [
            Column("District", "area_name"),
            Column(f"Value ({kpi.unit_label})", "value", "value"),
            Column("Count", "count_12m", "count"),
            _change_column(kpi),
            Column("Rank (1 is best)", "rank"),
        ],
        [[r.area_name, r.value, r.count_12m, _change_value(r, kpi), r.rank] for r in rows],
        unit=kpi.unit,
    )
    if county_row is not None:
        table.rows.append(
            [
                f"{county_row.area_name} (county)",
                county_row.value,
                county_row.count_12m,
                _change_value(county_row, kpi),
                None,
            ]
        )
    svg = charts.bar_chart(
        chart_id="chart-districts",
        title=f"{kpi.title} by district, {period_label(period).lower()}",
        desc=f"Bar chart of each district's figure ({kpi.unit_label}), with the county figure "
        f"({format_number(county_value, kpi.unit)}) as a reference line. "
        "The figures are in the table that follows.",
        bars=[charts.Bar(r.area_name, r.value, highlight=r.area_code == area.code) for r in rows],
        unit=kpi.unit,
        reference=county_value,
        reference_label=selectors.county().name,
        target=kpi.target,
    )
    return table, svg


def _district_names() -> dict[str, str]:
    return {d.code: d.name for d in selectors.county_districts()}


def _hotspots(kpi: Kpi, area: selectors.Area, period: dt.date) -> tuple[DataTable, str]:
    district_code = area.code if area.area_type == engine.DISTRICT else None
    rows = selectors.hotspots(kpi=kpi.id, period=period, district_code=district_code)
    names = _district_names()
    table = DataTable(
        "hotspots",
        f"{kpi.title}: LSOAs with the highest rates in {area.name}",
        [
            Column("LSOA", "area_code"),
            Column("Name", "area_name"),
            Column("District", "district"),
            Column("Count", "count_12m", "count"),
            Column("Population", "population", "count"),
            Column(f"Value ({kpi.unit_label})", "value", "value"),
            _change_column(kpi),
        ],
        [
            [
                r.area_code,
                r.area_name,
                names.get(r.district_code, r.district_code),
                r.count_12m,
                r.population,
                r.value,
                _change_value(r, kpi),
            ]
            for r in rows
        ],
        unit=kpi.unit,
    )
    return table, ""


def _map(kpi: Kpi, area: selectors.Area, period: dt.date) -> tuple[DataTable, str]:
    district_code = area.code if area.area_type == engine.DISTRICT else None
    pairs = selectors.lsoa_map(kpi=kpi.id, period=period, district_code=district_code)
    names = _district_names()
    areas = [
        charts.MapArea(
            lsoa.code,
            lsoa.name,
            lsoa.boundary,
            result.value if result else None,
            names.get(lsoa.district_code, ""),
        )
        for lsoa, result in pairs
    ]
    breaks, _ = charts.map_classes(areas)
    table = DataTable(
        "map",
        f"{kpi.title} by LSOA in {area.name}, {period_label(period).lower()}",
        [
            Column("LSOA", "area_code"),
            Column("Name", "area_name"),
            Column("District", "district"),
            Column("Count", "count_12m", "count"),
            Column(f"Value ({kpi.unit_label})", "value", "value"),
            Column("Shade (1 lightest to 5 darkest)", "shade"),
        ],
        [
            [
                lsoa.code,
                lsoa.name,
                names.get(lsoa.district_code, lsoa.district_code),
                result.count_12m if result else None,
                result.value if result else None,
                charts.class_of(result.value, breaks) + 1
                if result and result.value is not None
                else None,
            ]
            for lsoa, result in sorted(pairs, key=lambda p: p[0].code)
        ],
        unit=kpi.unit,
    )
    if not any(a.value is not None for a in areas) or not areas:
        return table, ""
    svg, _ = charts.lsoa_map(
        chart_id="chart-map",
        title=f"Map of {kpi.title.lower()} by LSOA in {area.name}",
        desc=f"Map of {len(areas)} LSOAs shaded in five classes (quantiles) by "
        f"{kpi.unit_label}, darker "
        "for higher; LSOAs without a figure are hatched grey; district boundaries drawn in black "
        "and named. "
        "The figures are in the table that follows.",
        areas=areas,
        unit=kpi.unit,
    )
    return table, svg


SECTIONS: dict[str, Callable[[Kpi, selectors.Area, dt.date], tuple[DataTable, str]]] = {
    "trend": _trend,
    "quarterly": _quarterly,
    "districts": _districts,
    "hotspots": _hotspots,
    "map": _map,
}
