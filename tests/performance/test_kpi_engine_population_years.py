"""Which mid-year population a rolling 12 months is divided by."""

import pytest

from csphub.performance.kpi import engine
from tests.performance_fixtures import COUNTY, LSOAS, counts, inputs, m, months_between, result

L1 = LSOAS[0][0]


@pytest.mark.parametrize(
    ("period", "year"),
    [
        ("2022-12", 2022),  # January to December 2022
        ("2023-03", 2022),  # April 2022 to March 2023: the middle is autumn 2022
        ("2022-05", 2021),  # June 2021 to May 2022: the middle is late 2021
        ("2022-06", 2021),
        ("2022-07", 2022),
    ],
)
def test_the_year_is_the_one_nearest_the_middle_of_the_window(period, year):
    assert engine.population_year_for(m(period)) == year


def frame(population_rows):
    rows = [(f"{y}-{mo:02d}", L1, "Vehicle crime", 1) for y in (2021, 2022) for mo in range(1, 13)]
    return engine.compute(
        inputs(
            police_counts=counts(rows),
            police_months=months_between("2021-01", "2022-12"),
            population_rows=population_rows,
        )
    )


def test_a_later_year_not_yet_published_falls_back_to_the_latest_earlier_estimate():
    row = result(frame([(2020, L1, 1000), (2021, L1, 2000)]), "vehicle-offences", COUNTY, "2022-12")
    assert row["population_year"] == 2021
    assert row["rate_per_1000"] == pytest.approx(12 / 2000 * 1000)


def test_an_earlier_year_falls_forward_to_the_earliest_estimate():
    row = result(frame([(2023, L1, 4000)]), "vehicle-offences", COUNTY, "2022-12")
    assert row["population_year"] == 2023


def test_without_any_population_the_count_is_kept_but_no_rate_is_given():
    row = result(frame([]), "vehicle-offences", COUNTY, "2022-12")
    assert row["count_12m"] == 12
    assert row["rate_per_1000"] is None
    assert row["significant"] is None
