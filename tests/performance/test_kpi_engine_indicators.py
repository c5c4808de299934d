"""KPIs whose figures arrive as figures: percentages with a base, yearly counts, 12-month counts
turned into rates, and the comparators attached to any KPI."""

import pytest

from csphub.performance.kpi import engine, stats
from tests.performance_fixtures import (
    COUNTY,
    LSOAS,
    NORTH,
    SOUTH,
    counts,
    indicators,
    inputs,
    result,
)

L1, L2, L3 = (code for code, _, _ in LSOAS)
POPULATION = [
    (2021, L1, 1000),
    (2021, L2, 2000),
    (2021, L3, 1500),
    (2022, L1, 1000),
    (2022, L2, 2000),
    (2022, L3, 1500),
]


def compute(rows):
    return engine.compute(
        inputs(
            police_counts=counts([]),
            police_months=set(),
            population_rows=POPULATION,
            indicators=indicators(rows),
        )
    )


def test_a_percentage_is_compared_with_the_same_period_a_year_before():
    frame = compute(
        [
            {
                "kpi": "survey-safe-after-dark",
                "area_code": COUNTY,
                "period": "2022-12",
                "value": 70.0,
                "base": 1000,
            },
            {
                "kpi": "survey-safe-after-dark",
                "area_code": COUNTY,
                "period": "2021-12",
                "value": 79.0,
                "base": 1000,
            },
        ]
    )
    row = result(frame, "survey-safe-after-dark", COUNTY, "2022-12")
    assert (row["value"], row["value_prev"]) == (70.0, 79.0)
    assert row["count_12m"] == 700 and row["base"] == 1000
    assert row["p_value"] == pytest.approx(stats.two_proportions_p(700, 1000, 790, 1000))
    assert row["direction"] == "down"
    assert row["assessment"] == "worse"  # feeling safe is good when it goes up
    assert row["rate_per_1000"] is None


def test_a_percentage_may_arrive_as_numerator_and_base():
    frame = compute(
        [
            {
                "kpi": "marac-repeats",
                "area_code": NORTH,
                "period": "2022-12",
                "numerator": 37,
                "base": 100,
                "value": 37.0,
            },
            {
                "kpi": "marac-repeats",
                "area_code": NORTH,
                "period": "2021-12",
                "numerator": 30,
                "base": 100,
                "value": 30.0,
            },
        ]
    )
    row = result(frame, "marac-repeats", NORTH, "2022-12")
    assert row["count_12m"] == 37 and row["count_prev_12m"] == 30
    assert row["significant"] is False


def test_a_twelve_month_count_becomes_a_rate_with_the_areas_population():
    frame = compute(
        [
            {"kpi": "hate-crimes", "area_code": SOUTH, "period": "2022-12", "value": 30},
            {"kpi": "hate-crimes", "area_code": SOUTH, "period": "2021-12", "value": 15},
        ]
    )
    row = result(frame, "hate-crimes", SOUTH, "2022-12")
    assert row["rate_per_1000"] == pytest.approx(20.0)
    assert row["rate_prev_per_1000"] == pytest.approx(10.0)
    assert row["change_pct"] == pytest.approx(100.0)
    assert row["p_value"] == pytest.approx(float(stats.poisson_rate_ratio_p(30, 15, 1500, 1500)))


def test_a_yearly_count_is_compared_as_a_count():
    frame = compute(
        [
            {"kpi": "first-time-entrants", "area_code": COUNTY, "period": "2022-03", "value": 84},
            {"kpi": "first-time-entrants", "area_code": COUNTY, "period": "2021-03", "value": 88},
        ]
    )
    row = result(frame, "first-time-entrants", COUNTY, "2022-03")
    assert (row["value"], row["value_prev"]) == (84, 88)
    assert row["change_pct"] == pytest.approx(-4 / 88 * 100)
    assert row["significant"] is False
    assert row["rate_per_1000"] is None


def test_a_figure_without_one_a_year_before_says_so():
    frame = compute([{"kpi": "hate-crimes", "area_code": SOUTH, "period": "2022-12", "value": 30}])
    row = result(frame, "hate-crimes", SOUTH, "2022-12")
    assert row["value_prev"] is None and row["significant"] is None
    assert row["note"] == "No figure for the 12 months to 2021-12"


def test_regional_averages_and_family_ranks_attach_to_police_kpis():
    rows = [(f"{y}-{mo:02d}", L1, "Vehicle crime", 1) for y in (2021, 2022) for mo in range(1, 13)]
    frame = engine.compute(
        inputs(
            police_counts=counts(rows),
            police_months={
                engine.month_index(f"{y}-{mo:02d}") for y in (2021, 2022) for mo in range(1, 13)
            },
            population_rows=POPULATION,
            indicators=indicators(
                [
                    {
                        "kpi": "vehicle-offences",
                        "area_code": COUNTY,
                        "period": "2022-12",
                        "regional_average": 5.2,
                        "msf_rank": 8,
                        "msf_size": 15,
                    }
                ]
            ),
        )
    )
    row = result(frame, "vehicle-offences", COUNTY, "2022-12")
    assert (row["regional_average"], row["msf_rank"], row["msf_size"]) == (5.2, 8, 15)
    assert row["count_12m"] == 12
