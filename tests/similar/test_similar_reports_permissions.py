"""The "similar reports" panel and API are for analysts; everyone else gets 404."""

import pytest
from django.urls import reverse

from csphub.api.models import ApiToken
from csphub.audit.models import AuditEvent
from csphub.core.roles import Role
from tests.factories import ALL_ROLES, UserFactory

pytestmark = pytest.mark.django_db

BOOKIES = "Drugs are being sold from the flat above the bookies on High Street."
BETTING_SHOP = "Flat 2, 14 High St, above the betting shop: people call at all hours to buy drugs."


@pytest.fixture
def pair(submitter, embedded):
    return embedded(submitter, BOOKIES), embedded(submitter, BETTING_SHOP)


def api_get(client, user, reference):
    return client.get(
        f"/api/v1/submissions/{reference}/similar",
        headers={"Authorization": f"Bearer {ApiToken.issue(user)[1]}"},
    )


def test_the_triage_page_lists_similar_reports_with_link_similarity_date_and_district(
    verified_client, analyst, pair
):
    first, second = pair
    page = verified_client(analyst).get(
        reverse("intelligence:triage_detail", args=[first.reference])
    )
    html = page.content.decode()
    panel = html[html.index('id="similar"') :]
    assert reverse("intelligence:triage_detail", args=[second.reference]) in panel
    assert "% similar" in panel and "Charnwood" in panel
    assert second.created_at.strftime("%Y") in panel
    assert "Flat 2, 14 High St" in panel


def test_the_panel_says_so_when_nothing_is_similar(verified_client, analyst, submitter, embedded):
    lone = embedded(submitter, BOOKIES)
    html = (
        verified_client(analyst)
        .get(reverse("intelligence:triage_detail", args=[lone.reference]))
        .content.decode()
    )
    assert "No similar reports found." in html


@pytest.mark.parametrize("role", [r for r in ALL_ROLES if r != Role.ANALYST])
def test_no_other_role_reaches_the_page_with_the_panel(verified_client, role, pair):
    user = UserFactory(roles=[role])
    page = verified_client(user).get(
        reverse("intelligence:triage_detail", args=[pair[0].reference])
    )
    assert page.status_code == 404


def test_the_api_lists_similar_submissions_for_an_analyst(client, analyst, pair):
    first, second = pair
    response = api_get(client, analyst, first.reference)
    assert response.status_code == 200
    [item] = response.json()
    assert set(item) == {"reference", "similarity", "created_at", "district"}
    assert item["reference"] == second.reference
    assert 0.5 <= item["similarity"] <= 1
    assert item["district"] == {"code": "E07000130", "name": "Charnwood"}
    assert AuditEvent.objects.filter(
        action="viewed", object_id=first.reference, summary="Listed 1 similar reports via API"
    ).exists()


@pytest.mark.parametrize("role", [r for r in ALL_ROLES if r != Role.ANALYST])
def test_the_api_answers_404_to_every_other_role(client, role, pair):
    user = UserFactory(roles=[role])
    assert api_get(client, user, pair[0].reference).status_code == 404


def test_the_api_answers_404_to_the_originator_too(client, submitter, pair):
    assert api_get(client, submitter, pair[0].reference).status_code == 404


def test_the_api_answers_404_for_an_unknown_or_malformed_reference(client, analyst):
    assert api_get(client, analyst, "CIP-2026-999999").status_code == 404
    assert api_get(client, analyst, "nonsense").status_code == 404


def test_the_api_wants_a_token(client, pair):
    assert client.get(f"/api/v1/submissions/{pair[0].reference}/similar").status_code == 401
