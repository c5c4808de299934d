"""The dashboard shows the board paper's own exception sentences: the summary on the county
page, a district's significant changes on its page, a KPI's paragraph on the KPI page."""

import html

import pytest
from django.urls import reverse

from csphub.core.roles import Role
from csphub.performance import selectors
from csphub.performance.report.data import report_data
from csphub.performance.report.narrative import area_exceptions, kpi_exceptions, summary_paragraphs
from tests.dashboard_support import load_results
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def paragraphs(page: str) -> str:
    return html.unescape(page.split('id="exceptions-heading"', 1)[1].split("</section>", 1)[0])


@pytest.fixture
def reader(client):
    load_results()
    client.force_login(UserFactory(roles=[Role.BOARD_MEMBER]))
    return client


def test_the_county_dashboard_shows_the_papers_summary(reader):
    period = selectors.latest_period()
    page = reader.get(reverse("performance:county")).content.decode()
    for sentence in summary_paragraphs(
        report_data(period=period, trends=False).all_kpis, period_label=f"{period:%B %Y}"
    ):
        assert sentence in paragraphs(page)


def test_a_district_page_shows_that_districts_exceptions(reader):
    period = selectors.latest_period()
    district = next(d for d in selectors.county_districts() if d.name == "Blaby")
    page = reader.get(reverse("performance:district", args=[district.slug])).content.decode()
    for sentence in area_exceptions(
        report_data(period=period, trends=False).all_kpis, district.name
    ):
        assert sentence in paragraphs(page)


def test_the_kpi_page_shows_the_kpis_paragraph(reader):
    period = selectors.latest_period()
    kf = next(
        kf for kf in report_data(period=period, trends=False).all_kpis if kf.kpi.id == "all-crime"
    )
    page = reader.get(reverse("performance:kpi", args=["county", "all-crime"])).content.decode()
    expected = kpi_exceptions(kf)
    assert expected and expected in html.unescape(page)


def test_a_district_with_a_significant_rise_is_told_it_in_the_papers_words(reader):
    page = reader.get(reverse("performance:district", args=["blaby"])).content.decode()
    assert (
        "All crime in Blaby rose to 66.54 per 1,000 from 56.80, a significant rise of 17%."
        in paragraphs(page)
    )
