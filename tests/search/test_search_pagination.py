"""Results come a page at a time, with GOV.UK pagination on the page."""

import pytest

from csphub.search.models import SearchDocument
from csphub.search.services import search_documents_rebuild
from tests.factories import make_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(submitter):
    made = [
        make_submission(submitter, information=f"Speeding van, sighting {n}") for n in range(45)
    ]
    search_documents_rebuild()
    assert SearchDocument.objects.count() == 45
    return made


def test_the_api_answers_twenty_a_page_with_the_count(many, search_api):
    first, third = search_api(q="speeding").json(), search_api(q="speeding", page=3).json()
    assert first["count"] == 45 and first["pages"] == 3
    assert len(first["results"]) == 20 and len(third["results"]) == 5
    seen = {
        h["reference"]
        for p in (1, 2, 3)
        for h in search_api(q="speeding", page=p).json()["results"]
    }
    assert seen == {s.reference for s in many}


def test_the_api_refuses_a_page_past_the_last(many, search_api):
    response = search_api(q="speeding", page=4)
    assert response.status_code == 422
    assert "page" in response.json()["errors"]


def test_the_page_has_govuk_pagination_keeping_the_search(many, search_page):
    body = search_page(q="speeding", status="received").content.decode()
    assert 'class="govuk-pagination"' in body
    assert "45 submissions match" in body
    assert "q=speeding&amp;status=received" in body
    assert "page=2" in body
    last = search_page(q="speeding", page=3).content.decode()
    assert 'rel="prev"' in last and 'rel="next"' not in last
