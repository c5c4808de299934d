"""Every connected-intelligence page, for every role: analysts only, everyone else 404."""

import pytest
from django.urls import reverse

from csphub.entities.models import Entity, Link
from tests.entities.support import PHONE, linked
from tests.factories import ALL_ROLES, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(submitter):
    linked(submitter, identifiers=[PHONE])
    linked(submitter, identifiers=[PHONE])
    link = Link.objects.get()
    return {
        "entity": reverse("entities:entity", args=[Entity.objects.get().pk]),
        "link": reverse("entities:link_decide", args=[link.pk]),
    }


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("page", ["entity", "link"])
def test_only_analysts_open_connected_intelligence_pages(verified_client, pages, role, page):
    response = verified_client(UserFactory(roles=[role])).get(pages[page])
    assert response.status_code == (200 if role == "analyst" else 404)


@pytest.mark.parametrize("role", [r for r in ALL_ROLES if r != "analyst"])
def test_only_analysts_can_post_a_decision(verified_client, pages, role):
    response = verified_client(UserFactory(roles=[role])).post(
        pages["link"], {"status": "rejected", "reason": "no"}
    )
    assert response.status_code == 404
    assert Link.objects.get().status == "suggested"


def test_a_link_that_does_not_exist_is_404(verified_client, analyst):
    response = verified_client(analyst).get(reverse("entities:link_decide", args=[999999]))
    assert response.status_code == 404
