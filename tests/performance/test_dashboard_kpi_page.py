"""A KPI's own page: trend, quarters, districts, hotspots and the map, each chart with its
data table and a CSV download of exactly that table."""

import csv
import io
import re

import pytest
from django.urls import reverse

from csphub.core.roles import Role
from tests.dashboard_support import load_results
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(client):
    client.force_login(UserFactory(roles=[Role.FORUM_MEMBER]))
    load_results()
    return client


def tables(html: str) -> dict[str, list[list[str]]]:
    """data-table slug -> rows of cell texts (header row first)."""
    out = {}
    for slug, body in re.findall(
        r'<table class="govuk-table csphub-data-table[^"]*" data-table="(\w+)">(.*?)</table>',
        html,
        re.S,
    ):
        rows = []
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
            rows.append(
                [
                    re.sub(r"<[^>]+>", "", c).strip()
                    for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
                ]
            )
        out[slug] = rows
    return out


def download(client, url: str) -> tuple[str, list[list[str]]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return response["Content-Disposition"], list(csv.reader(io.StringIO(response.content.decode())))


def normalised(cell: str) -> str:
    return "" if cell == "No data" else cell.replace(",", "").replace("%", "").lstrip("+")


def test_the_kpi_page_draws_accessible_charts(board):
    html = board.get(reverse("performance:kpi", args=["county", "all-crime"])).content.decode()
    assert html.count('role="img"') == 3  # trend, districts, map
    for chart in ("chart-trend", "chart-districts", "chart-map"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html
        assert f'<desc id="{chart}-desc">' in html
    assert html.count("Show the data") == 3
    assert "<title>Blaby 000A (E01025000): 120.50 per 1,000</title>" in html


@pytest.mark.parametrize("section", ["trend", "quarterly", "districts", "hotspots", "map"])
def test_each_csv_download_matches_its_table(board, section):
    url = reverse("performance:kpi", args=["county", "all-crime"])
    html = board.get(url, {"period": "2022-10"}).content.decode()
    shown = tables(html)[section]
    disposition, rows = download(board, f"{url}?period=2022-10&format=csv&data={section}")
    assert disposition == f'attachment; filename="county-all-crime-{section}-2022-10.csv"'
    assert len(rows) == len(shown) and len(rows) > 1
    assert [[normalised(c) for c in row] for row in shown[1:]] == rows[1:]
    assert f"format=csv&amp;data={section}" in html


def test_the_district_comparison_has_the_county_as_reference(board):
    html = board.get(reverse("performance:kpi", args=["county", "all-crime"])).content.decode()
    assert tables(html)["districts"][1:] == [
        ["Blaby", "66.54", "6,784", "+17.1%", "1"],
        ["Charnwood", "78.09", "14,714", "+15.8%", "2"],
        ["Leicestershire (county)", "70.20", "50,062", "+17.4%", "No data"],
    ]
    assert "Leicestershire: 70.20" in html


def test_hotspots_leave_out_small_counts_and_populations(board):
    _, rows = download(
        board, reverse("performance:kpi", args=["blaby", "all-crime"]) + "?format=csv&data=hotspots"
    )
    assert rows[0] == [
        "area_code",
        "area_name",
        "district",
        "count_12m",
        "population",
        "value",
        "change_pct",
    ]
    assert [r[0] for r in rows[1:]] == ["E01025000", "E01025001"]


def test_the_map_shades_lsoas_in_five_quantile_classes_with_a_legend(board):
    url = reverse("performance:kpi", args=["blaby", "all-crime"])
    html = board.get(url).content.decode()
    assert html.count("<path ") == 4
    assert html.count(" LSOAs)</text>") == 5
    _, rows = download(board, url + "?format=csv&data=map")
    assert {r[0]: r[-1] for r in rows[1:]} == {
        "E01025000": "5",
        "E01025001": "4",
        "E01025002": "2",
        "E01025003": "1",
    }


def test_a_kpi_without_results_still_has_its_page(board):
    response = board.get(reverse("performance:kpi", args=["county", "hate-crimes"]))
    assert response.status_code == 200
    assert "No data loaded" in response.content.decode()


def test_percentage_kpis_show_the_target_line(board):
    html = board.get(reverse("performance:kpi", args=["county", "marac-repeats"])).content.decode()
    assert "Target 40.0%" in html


@pytest.mark.parametrize(
    "url",
    [
        "/performance/atlantis/",
        "/performance/atlantis/all-crime/",
        "/performance/county/not-a-kpi/",
        "/performance/?period=2019-01",
        "/performance/?period=nonsense",
        "/performance/blaby/?period=2030-01",
        "/performance/county/all-crime/?period=2019-01",
        "/performance/county/all-crime/?format=csv&data=everything",
    ],
)
def test_unknown_areas_kpis_and_periods_are_not_found(board, url):
    assert board.get(url).status_code == 404


def test_the_county_can_be_reached_by_its_area_slug(board):
    response = board.get("/performance/county/?period=2022-10")
    assert response.status_code == 302 and response.url == "/performance/?period=2022-10"
