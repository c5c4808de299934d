"""Every search is recorded: who searched for what, with which filters, finding how many."""

import pytest

from csphub.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_search_on_the_page_is_recorded(submit, search_page, analyst):
    submit(information="Knife found in the hedge.")
    search_page(q="knife", district="charnwood")
    event = AuditEvent.objects.get(object_type="search")
    assert event.actor == analyst
    assert event.action == "viewed"
    assert event.changes == {"query": "knife", "filters": {"district": "charnwood"}, "results": 1}
    assert "knife" in event.summary


def test_a_search_through_the_api_is_recorded(search_api, analyst):
    search_api(q="hedge")
    event = AuditEvent.objects.get(object_type="search")
    assert event.actor == analyst
    assert event.summary.endswith("via API")


def test_a_refused_search_is_not_recorded(search_page, search_api):
    search_page(q="!!!")
    search_api(q="")
    search_page()
    assert not AuditEvent.objects.filter(object_type="search").exists()
