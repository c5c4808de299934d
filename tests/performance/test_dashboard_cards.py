"""The county and district dashboards show each KPI's card from the computed results."""

import re

import pytest
from django.urls import reverse

from csphub.core.roles import Role
from csphub.performance.kpi.definitions import board_kpis
from tests.dashboard_support import load_results
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(client):
    client.force_login(UserFactory(roles=[Role.BOARD_MEMBER]))
    return client


def card(html: str, kpi: str) -> str:
    match = re.search(rf'<div class="csphub-kpi[^"]*" data-kpi="{kpi}">(.*?)\n</div>', html, re.S)
    assert match, kpi
    return match.group(0)


def text(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


def test_the_county_card_shows_value_previous_change_and_significance(board):
    load_results()
    html = board.get(reverse("performance:county")).content.decode()
    all_crime = card(html, "all-crime")
    assert "70.20 per 1,000" in all_crime
    assert "Previous 12 months: 59.81 per 1,000" in text(all_crime)
    assert "up +17.4%" in text(all_crime)
    assert (
        ">Significant<" in all_crime and "csphub-kpi--worse" in all_crime and ">Worse<" in all_crime
    )


def test_the_latest_period_is_shown_by_default_as_twelve_months_to(board):
    load_results()
    html = board.get(reverse("performance:county")).content.decode()
    assert "12 months to October 2022" in html
    assert '<option value="2022-09">12 months to September 2022</option>' in html


def test_an_earlier_period_can_be_chosen(board):
    load_results()
    html = board.get(reverse("performance:county"), {"period": "2022-09"}).content.decode()
    assert "69.20 per 1,000" in card(html, "all-crime")


def test_percentages_counts_and_the_marac_target_are_shown_in_their_units(board):
    load_results()
    html = board.get(reverse("performance:county")).content.decode()
    assert "63.6%" in card(html, "youth-ete")
    assert ">84<" in card(html, "first-time-entrants")
    assert "Year before: 88" in text(card(html, "first-time-entrants"))
    marac = card(html, "marac-repeats")
    assert (
        "37.0%" in marac and "csphub-kpi--better" in marac and "down -5.0 pts" in text(marac)
    )  # percentage points, as in the paper
    assert "Target: below 40.0% (SafeLives recommended upper threshold)" in text(marac)


def test_kpis_without_results_say_no_data_loaded(board):
    load_results()
    html = board.get(reverse("performance:county")).content.decode()
    assert "No data loaded" in card(html, "hate-crimes")
    assert html.count("No data loaded") == len(board_kpis().kpis) - 4


def test_cards_are_grouped_under_the_boards_headings(board):
    load_results()
    html = board.get(reverse("performance:county")).content.decode()
    positions = [html.index(f">{group}</h2>") for group in board_kpis().groups]
    assert positions == sorted(positions)


def test_a_district_page_shows_its_own_figures_rank_and_note(board):
    load_results()
    html = board.get(reverse("performance:district", args=["charnwood"])).content.decode()
    all_crime = card(html, "all-crime")
    assert "78.09 per 1,000" in all_crime and "2nd of 2 districts" in all_crime
    assert "No police data for 2019-03" in all_crime
    assert ">Significant<" not in all_crime and "No significant change" in all_crime
    assert "<h1" in html and "Charnwood" in html


def test_an_empty_dashboard_says_nothing_is_computed_yet(board):
    response = board.get(reverse("performance:county"))
    assert response.status_code == 200
    assert "No performance figures have been computed yet" in response.content.decode()


def test_the_county_page_offers_the_board_report(board):
    load_results()
    html = board.get(reverse("performance:county")).content.decode()
    assert "Download the board report" in html
    assert reverse("performance:board_report") + "?period=2022-10&amp;format=docx" in html
