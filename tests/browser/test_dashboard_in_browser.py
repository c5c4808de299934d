"""The performance dashboard in real Chromium: the numbers on the cards are the ones the
kpi-export gives, and the county, district and KPI pages pass axe."""

import json

import pytest

from csphub.core.roles import Role
from csphub.performance import selectors, services
from csphub.performance.charts import format_change, format_number
from tests import performance_files as files
from tests.browser.conftest import check_accessibility, sign_in
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

MONTHS = [
    f"{2020 + (n + 10) // 12}-{(n + 10) % 12 + 1:02d}" for n in range(24)
]  # 2020-11 .. 2022-10


def load_small_dataset(tmp_path) -> None:
    files.load_geography(tmp_path)
    shapes = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"LSOA11CD": code},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [
                        [
                            [-1.2 + n * 0.05, 52.6],
                            [-1.15 + n * 0.05, 52.6],
                            [-1.15 + n * 0.05, 52.65],
                            [-1.2 + n * 0.05, 52.6],
                        ]
                    ],
                },
            }
            for n, (code, _, _) in enumerate(files.LSOAS)
        ],
    }
    (tmp_path / "shapes.geojson").write_text(json.dumps(shapes))
    services.boundaries_import(path=tmp_path / "shapes.geojson")
    archive = files.write_archive(
        tmp_path / "police.zip",
        {
            month: files.police_csv(
                month, files.month_rows(month, vehicle=2 + (n > 11) * (n % 4), asb=1 + n % 2)
            )
            for n, month in enumerate(MONTHS)
        },
    )
    services.police_import(paths=[archive])
    (tmp_path / "indicators.csv").write_text(
        "kpi,area_code,period_end,value,numerator,base\n"
        "marac-repeats,E10000018,2021-10,42.0,,200\n"
        "marac-repeats,E10000018,2022-10,37.0,,220\n"
    )
    services.indicators_import(path=tmp_path / "indicators.csv")
    services.kpi_compute()


def check_cards_match_the_export(page, area_type: str, area_code: str) -> int:
    units = {}
    checked = 0
    for row in selectors.export_rows(
        period=selectors.parse_period("2022-10"), area_types=(area_type,)
    ):
        if row["area_code"] != area_code:
            continue
        units[row["kpi"]] = row["unit"]
        card = page.locator(f'[data-kpi="{row["kpi"]}"]')
        if row["value"] is None:
            continue
        assert card.locator('[data-field="value"]').inner_text() == format_number(
            row["value"], row["unit"]
        )
        assert card.locator('[data-field="value_prev"]').inner_text() == format_number(
            row["value_prev"], row["unit"]
        )
        if row["change_pct"] is not None:
            assert card.locator('[data-field="change_pct"]').inner_text() == format_change(
                row["change_pct"], unit=row["unit"], now=row["value"], before=row["value_prev"]
            )
        if row["direction"]:
            assert card.locator('[data-field="direction"]').inner_text() == row["direction"]
        assert card.locator('[data-field="significant"]').count() == (
            1 if row["significant"] else 0
        )
        checked += 1
    return checked


def test_the_dashboard_shows_the_exported_figures_and_is_accessible(page, tmp_path):
    load_small_dataset(tmp_path)
    UserFactory(username="bea", roles=[Role.BOARD_MEMBER])
    sign_in(page, "bea", TEST_PASSWORD)

    page.get_by_role("link", name="Performance").click()
    assert page.get_by_role("heading", name="Leicestershire", level=1).is_visible()
    assert (
        page.locator("#period-label")
        .get_by_text("12 months to October 2022, compared with")
        .is_visible()
    )
    assert check_cards_match_the_export(page, "county", "E10000018") >= 5
    assert page.locator('[data-kpi="marac-repeats"] [data-field="value"]').inner_text() == "37.0%"
    assert page.locator('[data-kpi="hate-crimes"]').get_by_text("No data loaded").is_visible()
    assert page.get_by_role("button", name="Download the board report").is_visible()
    check_accessibility(page, "county dashboard")

    page.get_by_role("link", name="Blaby").click()
    assert page.get_by_role("heading", level=1, name="Blaby").is_visible()
    assert check_cards_match_the_export(page, "district", files.BLABY) >= 4
    check_accessibility(page, "district dashboard")

    page.get_by_role("link", name="Vehicle offences").click()
    assert page.get_by_role("heading", name="Vehicle offences", level=1).is_visible()
    assert page.get_by_role(
        "img", name="Vehicle offences in Blaby: rolling 12-month trend"
    ).is_visible()
    assert page.get_by_role("img", name="Map of vehicle offences by LSOA in Blaby").is_visible()
    page.get_by_text("Show the data").first.click()
    assert page.locator('[data-table="trend"]').is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV of the trend").click()
    assert download.value.suggested_filename == "blaby-vehicle-offences-trend-2022-10.csv"
    check_accessibility(page, "KPI page")

    page.goto("/performance/county/marac-repeats/")
    check_accessibility(page, "KPI page for a percentage")
