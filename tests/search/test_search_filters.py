"""Search filters: theme, district, status and the dates a submission was received."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from csphub.intelligence.models import Status
from csphub.intelligence.services import (
    submission_create,
    submission_set_district,
    submission_set_status,
)
from csphub.search.services import search_documents_rebuild
from tests.factories import district, submission_input
from tests.search.conftest import references

pytestmark = pytest.mark.django_db


def _at(day: date):
    return timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=12)))


def test_a_theme_filter_keeps_only_submissions_with_that_theme(submit, search_api):
    asb = submit(information="Scooters ridden on the pavement.")
    lines = submit(information="Scooters dropping parcels.", themes=["county-lines"])
    assert references(search_api(q="scooters", theme="county-lines")) == [lines.reference]
    assert asb.reference in references(search_api(q="scooters", theme="anti-social-behaviour"))


def test_a_district_filter_keeps_only_that_district(submit, search_api):
    charnwood = submit(information="Shouting outside the takeaway.", district_code="E07000130")
    melton = submit(information="Shouting outside the pub.", district_code="E07000133")
    assert references(search_api(q="shouting", district="charnwood")) == [charnwood.reference]
    assert references(search_api(q="shouting", district="melton")) == [melton.reference]


def test_a_status_filter_follows_triage(submit, search_api, analyst):
    graded = submit(information="Cars racing on the bypass.")
    submit(information="Cars racing at night.")
    assert references(search_api(q="racing", status="under_assessment")) == []
    submission_set_status(submission=graded, status=Status.UNDER_ASSESSMENT, actor=analyst)
    assert references(search_api(q="racing", status="under_assessment")) == [graded.reference]


def test_a_district_changed_in_triage_is_followed(submit, search_api, analyst):
    moved = submit(information="Dumped mattresses in the alley.", district_code="E07000130")
    submission_set_district(submission=moved, district=district("melton"), actor=analyst)
    assert references(search_api(q="mattresses", district="melton")) == [moved.reference]
    assert references(search_api(q="mattresses", district="charnwood")) == []


def test_dates_keep_submissions_received_between_them_inclusive(submitter, search_api):
    made = {}
    for day in (date(2026, 1, 10), date(2026, 1, 20), date(2026, 1, 30)):
        made[day] = submission_create(
            submitted_by=submitter,
            data=submission_input(information="Needles found in the stairwell."),
            now=_at(day),
            notify=False,
        ).submission
    search_documents_rebuild()
    found = references(search_api(q="needles", **{"from": "2026-01-20", "to": "2026-01-30"}))
    assert set(found) == {made[date(2026, 1, 20)].reference, made[date(2026, 1, 30)].reference}
    assert references(search_api(q="needles", to="2026-01-10")) == [
        made[date(2026, 1, 10)].reference
    ]


def test_unknown_filters_are_refused_with_a_message_each(search_api):
    response = search_api(q="anything", theme="no-such", district="atlantis", status="lost")
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"theme", "district", "status"}


def test_a_to_date_before_the_from_date_is_refused(search_api):
    response = search_api(q="anything", **{"from": "2026-02-01", "to": "2026-01-01"})
    assert response.status_code == 422
    assert "to" in response.json()["errors"]


def test_the_page_filters_by_its_form_fields(submit, search_page):
    lines = submit(information="Bikes with no lights.", themes=["county-lines"])
    submit(information="Bikes on the footpath.")
    response = search_page(q="bikes", theme="county-lines", district="", status="")
    body = response.content.decode()
    assert response.status_code == 200
    assert lines.reference in body
    assert "1 submission match" in body
