"""The performance demo: a deterministic synthetic dataset in the real file layouts, loaded
through the importers, that gives the dashboard every KPI and both kinds of change."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from csphub.demo import performance as synthetic
from csphub.geography.models import District
from csphub.performance import selectors
from csphub.performance.importers.dataset import load_dataset
from csphub.performance.kpi.definitions import board_kpis
from csphub.performance.models import KpiResult, Lsoa

LATEST = synthetic.last_full_month()


@pytest.fixture(autouse=True)
def no_shared_data(tmp_path, monkeypatch):
    """Force the synthetic LSOAs, as on a machine without ../shared/data."""
    monkeypatch.setenv("CSPHUB_SHARED_DATA", str(tmp_path / "absent"))


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def loaded(db, tmp_path):
    dataset = synthetic.generate(tmp_path / "demo")
    load_dataset(dataset)
    return dataset


def latest(kpi: str, area_code: str) -> KpiResult:
    return KpiResult.objects.get(
        kpi=kpi, area_code=area_code, period_end=selectors.parse_period(LATEST)
    )


def test_the_generator_writes_the_same_files_for_the_same_seed_and_others_for_another(tmp_path):
    first = files(synthetic.generate(tmp_path / "a").lookup.parent)
    again = files(synthetic.generate(tmp_path / "b").lookup.parent)
    other = files(synthetic.generate(tmp_path / "c", seed=7).lookup.parent)
    assert first == again
    assert (
        len(first) == 36 + 4 + 3
    )  # police months, population years, lookup, boundaries, indicators
    name = f"police/{LATEST}/{LATEST}-leicestershire-street.csv"
    assert first[name] != other[name]


def test_the_police_files_are_in_the_data_police_uk_layout(tmp_path):
    dataset = synthetic.generate(tmp_path / "demo")
    text = (dataset.police[0] / LATEST / f"{LATEST}-leicestershire-street.csv").read_text(
        encoding="utf-8"
    )
    lines = text.splitlines()
    assert lines[0] == ",".join(synthetic.HEADER)
    asb = [line for line in lines if ",Anti-social behaviour," in line]
    assert asb and all(line.startswith(f",{LATEST},Leicestershire Police,") for line in asb)
    crime = [line for line in lines[1:] if line not in asb]
    assert all(len(line.split(",")[0]) == 64 for line in crime)
    # about 70 crimes and 7 ASB incidents per 1,000 people a year across the county
    assert 0.85 < (len(crime) * 12) / 700_000 / 0.070 < 1.15
    assert 0.6 < (len(asb) * 12) / 700_000 / 0.007 < 1.5


def test_without_the_shared_data_the_demo_uses_synthetic_lsoas_that_still_draw_a_map(loaded):
    assert not loaded.real_geography
    in_county = Lsoa.objects.filter(
        district_code__in=District.objects.filter(in_county=True).values("code")
    )
    assert 350 < in_county.count() < 450
    assert all(code.startswith("E0199") for code in in_county.values_list("code", flat=True))
    assert not in_county.filter(boundary__isnull=True).exists()
    charnwood = selectors.district_by_slug("charnwood")
    shaded = selectors.lsoa_map(
        kpi="all-crime", period=selectors.latest_period(), district_code=charnwood.code
    )
    assert shaded and all(result is not None for _, result in shaded)


def test_the_demo_has_every_police_kpi_for_every_district_and_every_kpi_for_the_county(loaded):
    assert selectors.latest_period() == selectors.parse_period(LATEST)
    kpis = board_kpis()
    for district in District.objects.filter(in_county=True):
        for kpi in kpis.by_source("police"):
            result = latest(kpi.id, district.code)
            assert result.value is not None and result.value_prev is not None, (
                kpi.id,
                district.name,
            )
            assert result.significant is not None and result.rank is not None
    county = selectors.county()
    for card in selectors.area_results(area=county, period=selectors.latest_period()):
        assert card.result is not None and card.result.value is not None, card.kpi.id
    assert 80 <= latest("first-time-entrants", county.code).value <= 110
    assert 30 <= latest("marac-repeats", county.code).value <= 45
    assert latest("all-crime", county.code).regional_average is not None
    assert latest("all-crime", "E07000130").msf_rank is not None


def test_the_demo_shows_significant_and_non_significant_changes(loaded):
    districts = KpiResult.objects.filter(
        area_type="district", period_end=selectors.parse_period(LATEST)
    )
    assert districts.filter(significant=True).exists()
    assert districts.filter(significant=False).exists()
    vehicle = latest("vehicle-offences", "E07000132")  # Hinckley and Bosworth: up by about 30%
    assert vehicle.significant and vehicle.assessment == "worse" and 15 < vehicle.change_pct < 45
    asb = latest("asb-police", "E07000130")  # Charnwood: down by about 25%
    assert asb.significant and asb.assessment == "better"


def test_load_demo_loads_the_performance_data_and_a_second_run_gives_the_same_results(db, tmp_path):
    def run() -> tuple[str, list[tuple]]:
        out = io.StringIO()
        call_command(
            "load_demo",
            submissions=3,
            force=True,
            performance_dir=str(tmp_path / "perf"),
            stdout=out,
        )
        rows = list(
            KpiResult.objects.order_by("kpi", "area_type", "area_code", "period_end").values_list(
                "kpi", "area_code", "period_end", "count_12m", "value", "p_value", "assessment"
            )
        )
        return out.getvalue(), rows

    output, first = run()
    assert "Performance:" in output and "KPI results" in output
    _, second = run()
    assert first and first == second


def test_the_demo_ends_at_the_last_full_month_before_today():
    import datetime as dt

    assert synthetic.last_full_month(dt.date(2026, 12, 2)) == "2026-11"
    assert synthetic.last_full_month(dt.date(2027, 1, 31)) == "2026-12"
