"""A filtered search (a district, a status) looks for its newest matches among the newest
reports the filters allow before asking the full-text index (PostgreSQL, selectors.RECENT_FIRST);
either way it answers with the newest matches, and reaches older ones when the newest reports
hold too few."""

from datetime import timedelta

import pytest
from django.utils import timezone

from csphub.intelligence.services import submission_create
from csphub.search import selectors
from csphub.search.services import search_documents_rebuild
from tests.factories import submission_input

pytestmark = pytest.mark.django_db

CHARNWOOD, MELTON = "E07000130", "E07000133"


@pytest.fixture
def reports(submitter, monkeypatch):
    """Eight Charnwood reports a day apart, oldest first: a blue car in the first two and the
    last three, other things between; one Melton blue car, newest of all."""
    monkeypatch.setattr(selectors, "RANKED_AT_MOST", 2)
    monkeypatch.setattr(selectors, "RECENT_FIRST", 4)
    start = timezone.now() - timedelta(days=20)
    texts = ["a blue car parked"] * 2 + ["shouting at night"] * 3 + ["a blue car again"] * 3
    made = []
    for n, text in enumerate([*texts, "a blue car in Melton"]):
        made.append(
            submission_create(
                submitted_by=submitter,
                data=submission_input(
                    information=text, district_code=MELTON if n == len(texts) else CHARNWOOD
                ),
                now=start + timedelta(days=n),
                notify=False,
            ).submission
        )
    search_documents_rebuild()
    return made


def found(search_api, **params):
    body = search_api(**params).json()
    return [hit["reference"] for hit in body["results"]], body["more"]


def test_the_newest_matches_of_the_district_are_found_among_its_newest_reports(reports, search_api):
    shown, more = found(search_api, q='"blue car"', district="charnwood")
    assert set(shown) == {reports[6].reference, reports[7].reference}
    assert more is True


def test_matches_older_than_the_newest_reports_are_still_reached(reports, search_api):
    day = timezone.localtime(reports[4].created_at).date()
    shown, more = found(search_api, q='"blue car"', district="charnwood", to=day.isoformat())
    assert set(shown) == {reports[0].reference, reports[1].reference}
    assert more is False


def test_a_word_rare_among_the_newest_reports_is_found_through_the_index(reports, search_api):
    shown, _ = found(search_api, q="shouting", district="charnwood")
    assert set(shown) == {reports[3].reference, reports[4].reference}


def test_postgresql_reads_the_newest_reports_of_the_district_first(
    reports, search_api, monkeypatch
):
    from django.db import connection

    from csphub.search import sql

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's FTS5 has no such path")
    asked = []
    original = sql.newest_among
    monkeypatch.setattr(sql, "newest_among", lambda **kw: asked.append(kw) or original(**kw))
    found(search_api, q='"blue car"', district="charnwood")
    assert len(asked) == 1
    found(search_api, q='"blue car"')
    assert len(asked) == 1  # unfiltered: the newest-first index of every report serves it
