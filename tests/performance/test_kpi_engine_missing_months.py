"""A month never imported is missing, not zero: windows that include it are blank, with a note."""

from csphub.performance.kpi import engine
from tests.performance_fixtures import COUNTY, LSOAS, counts, inputs, m, months_between, result

L1 = LSOAS[0][0]
MONTHS = [f"{year}-{month:02d}" for year in (2021, 2022) for month in range(1, 13)]


def compute_without(missing: set[str]):
    rows = [(month, L1, "Vehicle crime", 3) for month in MONTHS if month not in missing]
    present = months_between("2021-01", "2022-12") - {m(x) for x in missing}
    return engine.compute(
        inputs(
            police_counts=counts(rows),
            police_months=present,
            population_rows=[(2021, L1, 1000), (2022, L1, 1000)],
        )
    )


def test_a_window_that_includes_a_missing_month_has_no_count():
    row = result(compute_without({"2022-03"}), "vehicle-offences", COUNTY, "2022-12")
    assert row["count_12m"] is None
    assert row["rate_per_1000"] is None
    assert row["significant"] is None
    assert "2022-03" in row["note"]


def test_windows_that_end_before_the_missing_month_are_still_computed():
    row = result(compute_without({"2022-03"}), "vehicle-offences", COUNTY, "2022-02")
    assert row["count_12m"] == 36


def test_a_missing_month_in_the_previous_window_blanks_only_the_comparison():
    row = result(compute_without({"2021-03"}), "vehicle-offences", COUNTY, "2022-12")
    assert row["count_12m"] == 36
    assert row["count_prev_12m"] is None
    assert row["change_pct"] is None
    assert row["note"].startswith("Previous 12 months: No police data for 2021-03")


def test_a_month_imported_with_no_records_in_an_area_counts_as_zero():
    rows = [(month, L1, "Vehicle crime", 3) for month in MONTHS if month != "2022-03"]
    frame = engine.compute(
        inputs(
            police_counts=counts(rows),
            police_months=months_between("2021-01", "2022-12"),
            population_rows=[(2022, L1, 1000)],
        )
    )
    row = result(frame, "vehicle-offences", COUNTY, "2022-12")
    assert row["count_12m"] == 33
    assert row["note"] is None


def test_a_long_gap_is_summarised():
    present = months_between("2018-10", "2019-02") | months_between("2019-12", "2020-10")
    note = engine.missing_months_note(m("2020-05"), present)
    assert note == "No police data for 6 of the 12 months (2019-06 to 2019-11)"
