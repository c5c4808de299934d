"""`csphub kpi-export`: one row per KPI and area for a period, as CSV or JSON."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from csphub.performance.services import kpi_compute, police_import
from tests.performance_files import (
    BLABY,
    LSOAS,
    load_geography,
    month_rows,
    police_csv,
    write_archive,
)

pytestmark = pytest.mark.django_db
REQUIRED = [
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
]


@pytest.fixture
def computed(tmp_path):
    load_geography(tmp_path)
    months = {f"{y}-{m:02d}": None for y in (2021, 2022) for m in range(1, 13)}
    archive = write_archive(
        tmp_path / "police.zip",
        {
            month: police_csv(
                month, month_rows(month, vehicle=4 if month.startswith("2022") else 2, asb=1)
            )
            for month in months
        },
    )
    police_import(paths=[archive])
    kpi_compute()


def export(*args) -> str:
    out = io.StringIO()
    call_command("kpi_export", *args, stdout=out)
    return out.getvalue()


def test_the_csv_has_the_documented_columns_and_a_row_per_kpi_and_area(computed):
    rows = list(csv.DictReader(io.StringIO(export("--period", "2022-12"))))
    assert list(rows[0])[: len(REQUIRED)] == REQUIRED
    vehicle = [r for r in rows if r["kpi"] == "vehicle-offences"]
    # the county, its seven districts, and the three LSOAs in the lookup
    assert [r["area_type"] for r in vehicle].count("county") == 1
    assert [r["area_type"] for r in vehicle].count("district") == 7
    assert [r["area_type"] for r in vehicle].count("lsoa") == 3


def test_the_figures_are_the_engines(computed):
    rows = {
        (r["kpi"], r["area_code"]): r
        for r in csv.DictReader(io.StringIO(export("--period", "2022-12")))
    }
    blaby = rows[("vehicle-offences", BLABY)]
    # 4 vehicle crimes a month in 2022 and 2 in 2021, all in Blaby's two LSOAs (population 3,000).
    assert (blaby["count_12m"], blaby["count_prev_12m"], blaby["population"]) == (
        "48",
        "24",
        "3000",
    )
    assert blaby["rate_per_1000"] == "16.0" and blaby["rate_prev_per_1000"] == "8.0"
    assert (
        blaby["change_pct"] == "100.0"
        and blaby["direction"] == "up"
        and blaby["significant"] == "True"
    )
    assert blaby["period_end"] == "2022-12" and blaby["area_name"] == "Blaby"
    county = rows[("vehicle-offences", "E10000018")]
    assert county["count_12m"] == "48" and county["area_type"] == "county"
    lsoa = rows[("vehicle-offences", LSOAS[0][0])]
    assert lsoa["area_type"] == "lsoa" and lsoa["count_12m"] == "24"


def test_json_carries_the_same_rows(computed):
    rows = json.loads(export("--period", "2022-12", "--format", "json"))
    csv_rows = list(csv.DictReader(io.StringIO(export("--period", "2022-12"))))
    assert len(rows) == len(csv_rows)
    assert rows[0]["significant"] in (True, False, None)


def test_output_goes_to_a_file_when_asked(computed, tmp_path):
    target = tmp_path / "kpis.csv"
    assert export("--period", "2022-12", "--output", str(target)) == ""
    assert target.read_text().startswith("kpi,area_type,area_code")


def test_a_period_without_results_is_refused_with_the_periods_available(computed):
    with pytest.raises(CommandError, match="Periods available: 2021-12 to 2022-12"):
        export("--period", "2023-06")
    with pytest.raises(CommandError, match="YYYY-MM"):
        export("--period", "June")


def test_recomputing_gives_the_same_results(computed):
    first = export("--period", "2022-12")
    kpi_compute()
    assert export("--period", "2022-12") == first
