"""Small KpiResult rows for the dashboard tests, built directly (no engine run needed)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from csphub.core.roles import Role
from csphub.performance.models import KpiResult, Lsoa

OCTOBER = dt.date(2022, 10, 1)
SEPTEMBER = dt.date(2022, 9, 1)
BLABY, CHARNWOOD = "E07000129", "E07000130"
DASHBOARD_ROLES = [
    Role.BOARD_MEMBER,
    Role.FORUM_MEMBER,
    Role.ANALYST,
    Role.PERFORMANCE_ANALYST,
    Role.ADMINISTRATOR,
]
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[-1.2, 52.6], [-1.1, 52.6], [-1.1, 52.7], [-1.2, 52.7], [-1.2, 52.6]]],
}


def result(
    kpi: str = "all-crime",
    area_type: str = "county",
    area_code: str | None = None,
    area_name: str = "",
    period: dt.date = OCTOBER,
    **values,
) -> KpiResult:
    code = area_code or settings.CSPHUB_COUNTY_CODE
    defaults = dict(
        area_name=area_name or (settings.CSPHUB_COUNTY_NAME if area_type == "county" else code),
        district_code=code if area_type == "district" else values.pop("district_code", ""),
    )
    defaults.update(values)
    return KpiResult.objects.create(
        kpi=kpi, area_type=area_type, area_code=code, period_end=period, **defaults
    )


def load_results() -> None:
    """The county and two districts for all crime (two periods), MARAC, youth ETE and
    first-time entrants; LSOA results with boundaries for the map and hotspots."""
    for period, shift in ((SEPTEMBER, -1.0), (OCTOBER, 0.0)):
        result(
            count_12m=50062 + shift,
            count_prev_12m=42647,
            count_3m=13126,
            population=713085,
            rate_per_1000=70.2 + shift,
            rate_prev_per_1000=59.81,
            value=70.2 + shift,
            value_prev=59.81,
            change_pct=17.4,
            direction="up",
            significant=True,
            assessment="worse",
            p_value=0.0,
            period=period,
        )
    result(
        area_type="district",
        area_code=BLABY,
        area_name="Blaby",
        count_12m=6784,
        count_prev_12m=5791,
        population=101950,
        value=66.54,
        value_prev=56.8,
        rate_per_1000=66.54,
        change_pct=17.1,
        direction="up",
        significant=True,
        assessment="worse",
        rank=1,
        rank_of=2,
    )
    result(
        area_type="district",
        area_code=CHARNWOOD,
        area_name="Charnwood",
        count_12m=14714,
        count_prev_12m=12701,
        population=188416,
        value=78.09,
        value_prev=67.41,
        rate_per_1000=78.09,
        change_pct=15.8,
        direction="up",
        significant=False,
        assessment="no significant change",
        rank=2,
        rank_of=2,
        note="No police data for 2019-03",
    )
    result(
        kpi="marac-repeats",
        count_12m=370,
        count_prev_12m=420,
        value=37.0,
        value_prev=42.0,
        base=1000,
        change_pct=-11.9,
        direction="down",
        significant=True,
        assessment="better",
    )
    result(
        kpi="youth-ete",
        value=63.6,
        value_prev=52.9,
        change_pct=20.2,
        direction="up",
        significant=False,
        assessment="no significant change",
    )
    result(
        kpi="first-time-entrants",
        count_12m=84,
        count_prev_12m=88,
        value=84,
        value_prev=88,
        change_pct=-4.5,
        direction="down",
        significant=False,
        assessment="no significant change",
    )
    for n, (value, count) in enumerate([(120.5, 40), (80.25, 30), (30.0, 12), (10.0, 3)]):
        code = f"E0102500{n}"
        Lsoa.objects.create(
            code=code,
            name=f"Blaby 00{n}A",
            district_code=BLABY,
            district_name="Blaby",
            boundary={
                "type": "Polygon",
                "coordinates": [[[x + n * 0.1, y] for x, y in SQUARE["coordinates"][0]]],
            },
        )
        result(
            area_type="lsoa",
            area_code=code,
            area_name=f"Blaby 00{n}A",
            district_code=BLABY,
            count_12m=count,
            population=1000 if n != 2 else 400,
            value=value,
            rate_per_1000=value,
        )
