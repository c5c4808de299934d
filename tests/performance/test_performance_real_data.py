"""The real LLR files in ../shared/data import with the totals the files and their README
state, and the computed KPIs match figures recounted independently from the archive."""

import csv
import io
import zipfile

import pytest

from csphub.performance import selectors
from csphub.performance.importers.dataset import load_dataset, real_dataset
from csphub.performance.importers.shared_data import shared_data_dir
from csphub.performance.kpi import engine
from csphub.performance.models import CrimeCount, KpiResult, PoliceMonth
from csphub.performance.services import lsoa_lookup_import, police_import, population_import

DATA = shared_data_dir()
ARCHIVE = DATA / "police-uk" / "leicestershire-street-2018-10_2022-10.zip"
COUNTY_DISTRICTS = {f"E07000{n}" for n in range(129, 136)}
MISSING = [f"2019-{m:02d}" for m in range(3, 12)]

pytestmark = pytest.mark.skipif(
    not ARCHIVE.is_file(), reason="needs ../shared/data (the real LLR files)"
)


def county_lsoas() -> set[str]:
    with (DATA / "ons" / "lsoa11-lookup.csv").open(encoding="utf-8", newline="") as f:
        return {
            row["lsoa_code"]
            for row in csv.DictReader(f)
            if row["district_code"] in COUNTY_DISTRICTS
        }


def recount(first: str, last: str, lsoas: set[str]) -> int:
    """Crimes (ASB excluded) in the archive for months first..last in the given LSOAs, with the
    csv module."""
    total = 0
    with zipfile.ZipFile(ARCHIVE) as archive:
        for name in archive.namelist():
            if not name.endswith("-street.csv") or not first <= name[:7] <= last:
                continue
            with archive.open(name) as raw:
                for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")):
                    total += (
                        row["LSOA code"] in lsoas and row["Crime type"] != "Anti-social behaviour"
                    )
    return total


@pytest.fixture
def loaded(db):
    return load_dataset(real_dataset(DATA))


def result(kpi: str, area_code: str, period: str) -> KpiResult:
    return KpiResult.objects.get(
        kpi=kpi, area_code=area_code, period_end=selectors.parse_period(period)
    )


def test_the_police_archive_imports_with_the_totals_in_its_readme(db):
    summary = police_import(paths=[ARCHIVE])
    assert summary.rows_read == 344_693
    assert summary.rejected == 8_751
    assert summary.reasons == {
        "no location (no LSOA code), so it cannot be placed in an area": 8_751
    }
    months = list(PoliceMonth.objects.values_list("month", "records"))
    assert len(months) == 40
    labels = [engine.month_label(engine.month_index(m)) for m, _ in months]
    assert labels[0] == "2018-10" and labels[-1] == "2022-10" and not set(MISSING) & set(labels)
    assert sum(records for _, records in months) == summary.accepted == 344_693 - 8_751
    assert sum(CrimeCount.objects.values_list("count", flat=True)) == summary.accepted


def test_county_and_district_populations_are_the_sums_of_their_lsoas(db):
    lsoa_lookup_import(path=DATA / "ons" / "lsoa11-lookup.csv")
    summary = population_import(path=DATA / "ons" / "population-lsoa-mid2020.csv", year=2020)
    assert "County (7 districts, mid-2020): 713,085" in summary.details
    assert "  Charnwood: 188,416" in summary.details


def test_the_october_2022_county_figures_match_an_independent_recount(loaded):
    count = recount("2021-11", "2022-10", county_lsoas())
    county = result("all-crime", "E10000018", "2022-10")
    assert county.count_12m == count
    assert (
        county.population == 713_085 and county.population_year == 2020
    )  # the latest estimate loaded
    assert county.rate_per_1000 == pytest.approx(count / 713_085 * 1000)
    assert county.count_prev_12m == recount("2020-11", "2021-10", county_lsoas())
    assert county.p_value is not None and county.assessment
    charnwood = result("all-crime", "E07000130", "2022-10")
    assert charnwood.population == 188_416
    assert charnwood.rate_per_1000 == pytest.approx(charnwood.count_12m / 188_416 * 1000)
    districts = KpiResult.objects.filter(
        kpi="all-crime", area_type="district", period_end=county.period_end
    )
    assert sum(districts.values_list("count_12m", flat=True)) == count


def test_windows_that_include_the_nine_missing_months_are_blank_with_a_note_not_zero(loaded):
    blank = result("all-crime", "E10000018", "2019-11")  # 2018-12 to 2019-11
    assert blank.count_12m is None and blank.rate_per_1000 is None and blank.value is None
    assert blank.note == "No police data for 9 of the 12 months (2019-03 to 2019-11)"
    later = result("all-crime", "E07000133", "2020-06")  # 2019-07 to 2020-06, in a district too
    assert (
        later.count_12m is None
        and later.note == "No police data for 5 of the 12 months (2019-07 to 2019-11)"
    )
    # the first window after the gap is whole, but the year before it is not
    after = result("all-crime", "E10000018", "2020-11")
    assert after.count_12m == recount("2019-12", "2020-11", county_lsoas())
    assert after.count_prev_12m is None and after.note.startswith("Previous 12 months:")
    assert after.significant is None
    # once both years are whole the change is assessed
    assert result("all-crime", "E10000018", "2021-11").significant is not None


def test_the_board_papers_summary_names_every_significant_deterioration_on_the_real_data(loaded):
    from csphub.performance.report.data import report_data
    from csphub.performance.report.narrative import (
        in_sentence,
        significant_deteriorations,
        summary_paragraphs,
    )

    period = selectors.available_periods()[0]
    data = report_data(period=period)
    paragraphs = summary_paragraphs(data.all_kpis, period_label=f"{period:%B %Y}")
    worse = significant_deteriorations(data.all_kpis)
    assert worse, "the real data has deteriorations to report"
    for kpi, area in worse:
        where = "county" if area.area_name == data.county_name else area.area_name
        assert any((in_sentence(kpi) in p or kpi.title in p) and where in p for p in paragraphs), (
            kpi.title,
            area.area_name,
        )
