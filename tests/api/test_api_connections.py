"""GET /api/v1/submissions/{reference}/connections and /api/v1/entities/{id}: analysts only."""

import pytest

from csphub.api.models import ApiToken
from csphub.entities.models import Entity, Link, LinkStatus
from csphub.entities.services import link_decide
from tests.entities.support import PHONE, linked
from tests.factories import ALL_ROLES, UserFactory

pytestmark = pytest.mark.django_db


def bearer(user):
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


@pytest.fixture
def pair(submitter):
    return linked(submitter, identifiers=[PHONE]), linked(submitter, identifiers=[PHONE])


def test_an_analyst_reads_a_submissions_connections_with_score_status_and_reasons(
    client, analyst, pair
):
    first, second = pair
    response = client.get(
        f"/api/v1/submissions/{second.reference}/connections", headers=bearer(analyst)
    )
    assert response.status_code == 200
    [connection] = response.json()
    assert connection["reference"] == first.reference
    assert connection["status"] == "suggested"
    assert connection["score"] == pytest.approx(0.9)
    assert connection["reasons"] == [{"kind": "phone", "value": "+447700900461"}]


def test_a_rejected_link_is_listed_as_rejected_with_who_decided(client, analyst, pair):
    link_decide(link=Link.objects.get(), user=analyst, status=LinkStatus.REJECTED, reason="No")
    response = client.get(
        f"/api/v1/submissions/{pair[0].reference}/connections", headers=bearer(analyst)
    )
    assert response.json()[0]["status"] == "rejected"
    assert response.json()[0]["decided_by"] == analyst.username


@pytest.mark.parametrize("role", [r for r in ALL_ROLES if r != "analyst"])
def test_everyone_but_analysts_gets_404_for_connections_and_entities(client, role, pair):
    headers = bearer(UserFactory(roles=[role]))
    entity = Entity.objects.get(kind="phone")
    assert (
        client.get(
            f"/api/v1/submissions/{pair[0].reference}/connections", headers=headers
        ).status_code
        == 404
    )
    assert client.get(f"/api/v1/entities/{entity.pk}", headers=headers).status_code == 404


def test_the_originator_cannot_see_connections_of_their_own_report(client, submitter, pair):
    response = client.get(
        f"/api/v1/submissions/{pair[0].reference}/connections", headers=bearer(submitter)
    )
    assert response.status_code == 404


def test_an_analyst_reads_an_entity_with_its_mentions(client, analyst, pair):
    entity = Entity.objects.get(kind="phone")
    body = client.get(f"/api/v1/entities/{entity.pk}", headers=bearer(analyst)).json()
    assert body["kind"] == "phone" and body["label"] == "+447700900461"
    assert body["submission_count"] == 2
    assert {m["reference"] for m in body["mentions"]} == {s.reference for s in pair}


def test_an_unknown_entity_or_reference_is_404(client, analyst):
    assert client.get("/api/v1/entities/999999", headers=bearer(analyst)).status_code == 404
    assert (
        client.get(
            "/api/v1/submissions/CIP-2026-999999/connections", headers=bearer(analyst)
        ).status_code
        == 404
    )
    assert (
        client.get("/api/v1/submissions/nonsense/connections", headers=bearer(analyst)).status_code
        == 404
    )


def test_the_connection_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/submissions/{reference}/connections" in paths
    assert "/api/v1/entities/{entity_id}" in paths
