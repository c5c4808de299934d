"""The board paper's figures, read through the performance selectors into plain objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from csphub.performance import selectors
from csphub.performance.kpi import engine
from csphub.performance.kpi.definitions import Kpi, board_kpis
from csphub.performance.models import KpiResult

from ..charts.board import TrendPoint
from .narrative import Figure, KpiFigures, KpiInfo

if TYPE_CHECKING:
    from csphub.intelligence.selectors import IntelligencePicture

TREND_MONTHS = 24


@dataclass
class ReportData:
    period: dt.date
    county_name: str
    district_count: int
    groups: list[tuple[str, list[KpiFigures]]]
    trends: dict[str, list[TrendPoint]] = field(default_factory=dict)
    population_year: int | None = None
    intelligence: IntelligencePicture | None = None  # for the quarter
    police_months: tuple[dt.date, dt.date] | None = None  # first and last month of police data

    @property
    def all_kpis(self) -> list[KpiFigures]:
        return [kf for _, kfs in self.groups for kf in kfs]


def kpi_info(kpi: Kpi) -> KpiInfo:
    return KpiInfo(
        id=kpi.id,
        title=kpi.title,
        unit=kpi.unit,
        good=kpi.good,
        source=kpi.source,
        target=kpi.target,
        target_label=kpi.target_label,
    )


def figure(result: KpiResult) -> Figure:
    return Figure(
        area_name=result.area_name,
        value=result.value,
        value_prev=result.value_prev,
        change_pct=result.change_pct,
        direction=result.direction or None,
        significant=result.significant,
        note=result.note or "",
        rank=result.rank,
        rank_of=result.rank_of,
    )


def report_data(*, period: dt.date, trends: bool = True) -> ReportData:
    """The figures the paper (and the dashboard's narrative, without trends) is written from."""
    kpis = board_kpis()
    county = selectors.county()
    districts = selectors.county_districts()
    county_rows: dict[str, KpiResult] = {}
    district_rows: dict[str, list[KpiResult]] = {}
    for result in selectors.report_results(period=period):
        if result.area_type == engine.COUNTY:
            county_rows[result.kpi] = result
        else:
            district_rows.setdefault(result.kpi, []).append(result)
    groups = []
    for group in kpis.groups:
        kfs = []
        for kpi in kpis.in_group(group):
            row = county_rows.get(kpi.id)
            kfs.append(
                KpiFigures(
                    kpi=kpi_info(kpi),
                    county=figure(row) if row is not None else None,
                    districts=[figure(r) for r in district_rows.get(kpi.id, [])],
                )
            )
        groups.append((group, kfs))
    series = {}
    for kpi in kpis.by_source("police") if trends else []:
        if kpi.id in county_rows:
            series[kpi.id] = [
                TrendPoint(r.period_end, r.value, r.value_prev)
                for r in selectors.series(
                    kpi=kpi.id, area=county, until=period, months=TREND_MONTHS
                )
            ]
    years = [r.population_year for r in county_rows.values() if r.population_year]
    return ReportData(
        period=period,
        county_name=county.name,
        district_count=len(districts),
        groups=groups,
        trends=series,
        population_year=max(years) if years else None,
        intelligence=_quarter_picture(period) if trends else None,
        police_months=selectors.police_month_range(),
    )


def _quarter_picture(period: dt.date):
    """Community intelligence received in the three months to the end of `period`."""
    from csphub.geography.models import District
    from csphub.intelligence.selectors import intelligence_picture

    index = period.year * 12 + period.month - 1
    start = dt.date((index - 2) // 12, (index - 2) % 12 + 1, 1)
    end = dt.date((index + 1) // 12, (index + 1) % 12 + 1, 1)
    return intelligence_picture(
        start=start,
        end=end,
        districts=list(District.objects.filter(in_county=True).order_by("name")),
    )
