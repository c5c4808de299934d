"""Matches are ranked among the newest RANKED_AT_MOST, so a word found in half the reports
answers as fast as a rare one; the page and the API say when more matched, and how to reach
them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from csphub.intelligence.services import submission_create
from csphub.search import selectors
from csphub.search.services import search_documents_rebuild
from tests.factories import submission_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_reports(submitter, monkeypatch):
    """Five matching reports, a day apart, the oldest mentioning the van most; only the newest
    three are ranked."""
    monkeypatch.setattr(selectors, "RANKED_AT_MOST", 3)
    start = timezone.now() - timedelta(days=10)
    made = []
    for n in range(5):
        text = "van van van van parked" if n == 0 else f"a van seen, sighting {n}"
        made.append(
            submission_create(
                submitted_by=submitter,
                data=submission_input(information=text),
                now=start + timedelta(days=n),
                notify=False,
            ).submission
        )
    search_documents_rebuild()
    return made


def test_only_the_newest_matches_are_ranked_and_returned(five_reports, search_api):
    body = search_api(q="van").json()
    assert body["count"] == 3 and body["more"] is True
    newest = {s.reference for s in five_reports[2:]}
    assert {hit["reference"] for hit in body["results"]} == newest  # the oldest is left out


def test_a_filter_that_narrows_the_matches_reaches_older_ones(five_reports, search_api):
    oldest = five_reports[0]
    day = timezone.localtime(oldest.created_at).date()
    body = search_api(q="van", to=day.isoformat()).json()
    assert body["more"] is False
    assert [hit["reference"] for hit in body["results"]] == [oldest.reference]


def test_the_page_says_more_matched_and_how_to_narrow(five_reports, search_page):
    body = search_page(q="van").content.decode()
    assert "More than 3 submissions match" in body
    assert "The newest 3 are shown" in body
    assert "filter by district, theme, status or dates" in body


def test_no_more_flag_when_everything_matching_is_shown(five_reports, search_api):
    body = search_api(q="parked").json()
    assert body["count"] == 1 and body["more"] is False
