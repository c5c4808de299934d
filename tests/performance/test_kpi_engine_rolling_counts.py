"""The engine's rolling 12-month counts, rates, change and direction on hand-computed data."""

import pytest

from csphub.performance.kpi import engine, stats
from tests.performance_fixtures import (
    COUNTY,
    LSOAS,
    NORTH,
    OUTSIDE,
    SOUTH,
    counts,
    inputs,
    m,
    months_between,
    result,
)

L1, L2, L3 = (code for code, _, _ in LSOAS)
MONTHS = [f"{year}-{month:02d}" for year in (2021, 2022) for month in range(1, 13)]
POPULATION = [
    (2021, L1, 1000),
    (2021, L2, 2000),
    (2021, L3, 1500),
    (2022, L1, 1200),
    (2022, L2, 2000),
    (2022, L3, 1500),
]


def police_rows(skip: set[str] = frozenset()):
    rows = []
    for month in MONTHS:
        if month in skip:
            continue
        rows.append((month, L1, "Vehicle crime", 1))
        rows.append((month, L2, "Vehicle crime", 2 if month.startswith("2022") else 1))
        rows.append((month, L3, "Anti-social behaviour", 5))
    rows.append(("2022-12", OUTSIDE, "Vehicle crime", 100))
    return rows


@pytest.fixture(scope="module")
def results():
    return engine.compute(
        inputs(
            police_counts=counts(police_rows()),
            police_months=months_between("2021-01", "2022-12"),
            population_rows=POPULATION,
        )
    )


def test_an_lsoa_counts_the_twelve_months_ending_with_the_period(results):
    row = result(results, "vehicle-offences", L2, "2022-12")
    assert row["count_12m"] == 24
    assert row["count_prev_12m"] == 12


def test_a_window_across_a_new_year_takes_months_from_both_years(results):
    # July 2021 to June 2022: six months at 1 and six at 2.
    assert result(results, "vehicle-offences", L2, "2022-06")["count_12m"] == 18


def test_the_quarter_count_is_the_last_three_months(results):
    assert result(results, "vehicle-offences", L2, "2022-12")["count_3m"] == 6


def test_districts_and_the_county_add_up_their_lsoas(results):
    assert result(results, "vehicle-offences", NORTH, "2022-12")["count_12m"] == 36
    assert result(results, "vehicle-offences", SOUTH, "2022-12")["count_12m"] == 0
    assert result(results, "vehicle-offences", COUNTY, "2022-12")["count_12m"] == 36


def test_records_in_lsoas_outside_the_county_are_not_counted(results):
    assert results.filter(results["area_code"] == OUTSIDE).height == 0
    assert result(results, "all-crime", COUNTY, "2022-12")["count_12m"] == 36


def test_all_crime_leaves_out_anti_social_behaviour(results):
    assert result(results, "all-crime", SOUTH, "2022-12")["count_12m"] == 0
    assert result(results, "asb-police", SOUTH, "2022-12")["count_12m"] == 60


def test_rates_use_the_population_of_each_windows_own_year(results):
    row = result(results, "vehicle-offences", NORTH, "2022-12")
    assert row["population"] == 3200 and row["population_year"] == 2022
    assert row["rate_per_1000"] == pytest.approx(36 / 3200 * 1000)  # 11.25
    assert row["population_prev"] == 3000
    assert row["rate_prev_per_1000"] == pytest.approx(24 / 3000 * 1000)  # 8.00
    assert row["change_pct"] == pytest.approx((11.25 - 8) / 8 * 100)
    assert row["direction"] == "up"


def test_an_unchanged_count_has_no_direction_of_travel(results):
    row = result(results, "asb-police", SOUTH, "2022-12")
    assert row["direction"] == "no change"
    assert row["change_pct"] == 0
    assert row["significant"] is False
    assert row["assessment"] == "no significant change"


def test_significance_comes_from_the_poisson_rate_ratio_test(results):
    row = result(results, "vehicle-offences", NORTH, "2022-12")
    assert row["p_value"] == pytest.approx(float(stats.poisson_rate_ratio_p(36, 24, 3200, 3000)))
    assert row["significant"] == (row["p_value"] < 0.05)


def test_a_significant_rise_in_crime_is_assessed_as_worse():
    rows = [(month, L1, "Burglary", 10 if month.startswith("2022") else 2) for month in MONTHS]
    frame = engine.compute(
        inputs(
            police_counts=counts(rows),
            police_months=months_between("2021-01", "2022-12"),
            population_rows=POPULATION,
        )
    )
    row = result(frame, "burglary", L1, "2022-12")
    assert row["significant"] is True
    assert row["assessment"] == "worse"


def test_the_first_period_has_no_previous_window_and_says_so(results):
    row = result(results, "vehicle-offences", L1, "2021-12")
    assert row["count_12m"] == 12
    assert row["count_prev_12m"] is None
    assert row["change_pct"] is None and row["significant"] is None
    assert "previous 12 months" in row["note"].lower()


def test_no_period_is_reported_before_twelve_months_of_data(results):
    assert results["period"].min() == m("2021-12")


def test_districts_are_ranked_best_first(results):
    assert result(results, "vehicle-offences", SOUTH, "2022-12")["rank"] == 1
    north = result(results, "vehicle-offences", NORTH, "2022-12")
    assert (north["rank"], north["rank_of"]) == (2, 2)
    assert result(results, "vehicle-offences", COUNTY, "2022-12")["rank"] is None
