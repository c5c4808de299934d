"""The network page and its JSON endpoint: what they show, what they record, who may use them."""

import pytest
from django.urls import reverse

from csphub.audit.models import AuditEvent
from csphub.core.roles import Role
from csphub.entities.models import Entity
from tests.entities.support import PHONE, linked
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = reverse("entities:network")
JSON = reverse("entities:network_json")


@pytest.fixture
def pair(submitter):
    return linked(submitter, identifiers=[PHONE]), linked(submitter, identifiers=[PHONE])


def test_the_page_is_at_the_connections_address():
    assert PAGE == "/intelligence/connections/network"
    assert JSON == "/intelligence/connections/network.json"


def test_the_page_lists_every_node_in_a_table_with_links_to_their_pages(
    verified_client, analyst, pair
):
    first, second = pair
    phone = Entity.objects.get(kind="phone")
    response = verified_client(analyst).get(PAGE, {"submission": first.reference})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="network-table"' in html
    assert reverse("intelligence:triage_detail", args=[second.reference]) in html
    assert reverse("entities:entity", args=[phone.pk]) in html
    assert f'data-expand="e:{phone.pk}"' in html
    assert "Showing all 2 connected items." in html
    assert 'id="network-data" type="application/json"' in html


def test_the_page_has_no_inline_script_or_style(verified_client, analyst, pair):
    html = verified_client(analyst).get(PAGE, {"submission": pair[0].reference}).content.decode()
    assert "style=" not in html
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert "src=" in opening or 'type="application/json"' in opening
    assert "/static/vendor/cytoscape.min.js" in html


def test_the_page_says_plainly_when_it_shows_only_part(
    verified_client, analyst, submitter, settings
):
    settings.CSPHUB_NETWORK_NODE_LIMIT = 2
    reports = [linked(submitter, identifiers=[PHONE]) for _ in range(4)]
    html = verified_client(analyst).get(PAGE, {"submission": reports[0].reference}).content.decode()
    assert "Showing 2 of 4 connected items. Expand a node or filter to see more." in html


def test_without_a_start_the_page_asks_for_a_reference(verified_client, analyst):
    response = verified_client(analyst).get(PAGE)
    assert response.status_code == 200
    assert "Submission reference" in response.content.decode()


def test_an_unknown_start_is_not_found(verified_client, analyst):
    client = verified_client(analyst)
    assert client.get(PAGE, {"submission": "CIP-1999-000001"}).status_code == 404
    assert client.get(PAGE, {"entity": "999999"}).status_code == 404
    assert client.get(JSON, {"node": "s:999999"}).status_code == 404
    assert client.get(JSON, {"node": "nonsense"}).status_code == 404


def test_expand_without_javascript_recentres_the_page_on_the_node(verified_client, analyst, pair):
    first, _ = pair
    phone = Entity.objects.get(kind="phone")
    response = verified_client(analyst).get(
        PAGE, {"node": f"s:{first.pk}", "expand": f"e:{phone.pk}"}
    )
    assert response.context["hood"].centre.id == f"e:{phone.pk}"


def test_the_filters_apply_to_the_page(verified_client, analyst, pair):
    response = verified_client(analyst).get(
        PAGE, {"submission": pair[0].reference, "kinds": ["submission"]}
    )
    assert {n.kind for n in response.context["hood"].nodes} == {"submission"}
    bad = verified_client(analyst).get(PAGE, {"submission": pair[0].reference, "min_links": "x"})
    assert "Enter the number of links as a whole number" in bad.content.decode()


def test_the_json_endpoint_returns_the_nodes_edges_and_how_much_is_shown(
    verified_client, analyst, pair
):
    first, second = pair
    phone = Entity.objects.get(kind="phone")
    data = verified_client(analyst).get(JSON, {"node": f"e:{phone.pk}"}).json()
    assert data["centre"] == f"e:{phone.pk}"
    assert set(data) >= {"nodes", "edges", "shown", "total", "partial", "message", "limit"}
    centre, *others = data["nodes"]
    assert centre == {
        "id": f"e:{phone.pk}",
        "kind": "phone",
        "kind_label": "Phone number",
        "label": "+447700900461",
        "links": 2,
        "common": False,
        "detail": "",
        "href": centre["href"],
        "centre": True,
    }
    assert {n["id"] for n in others} == {f"s:{first.pk}", f"s:{second.pk}"}
    assert others[0]["href"].startswith("/intelligence/queue/")
    kinds = sorted(e["kind"] for e in data["edges"])
    assert kinds == ["link", "mention", "mention"]
    link = next(e for e in data["edges"] if e["kind"] == "link")
    assert (link["status"], link["score"]) == ("suggested", 0.9)
    assert (data["shown"], data["total"], data["partial"]) == (2, 2, False)


def test_viewing_and_expanding_the_network_are_audited(verified_client, analyst, pair):
    first, _ = pair
    phone = Entity.objects.get(kind="phone")
    client = verified_client(analyst)
    client.get(PAGE, {"submission": first.reference})
    client.get(JSON, {"node": f"e:{phone.pk}"})
    page_event, json_event = AuditEvent.objects.filter(action="viewed").order_by("id")[:2]
    assert (page_event.actor, page_event.object_type, page_event.object_id) == (
        analyst,
        "submission",
        first.reference,
    )
    assert page_event.summary == f"Analyst viewed the network around {first.reference}"
    assert (json_event.object_type, json_event.object_id) == ("entity", str(phone.pk))
    assert json_event.summary.startswith("Analyst expanded the network at")


@pytest.mark.parametrize(
    "role",
    [
        Role.SUBMITTER,
        Role.FORUM_MEMBER,
        Role.PERFORMANCE_ANALYST,
        Role.BOARD_MEMBER,
        Role.ADMINISTRATOR,
    ],
)
def test_the_network_is_not_found_for_anyone_but_analysts(verified_client, role, pair):
    first, _ = pair
    client = verified_client(UserFactory(roles=[role]))
    assert client.get(PAGE).status_code == 404
    assert client.get(PAGE, {"submission": first.reference}).status_code == 404
    assert client.get(JSON, {"node": f"s:{first.pk}"}).status_code == 404
    assert not AuditEvent.objects.filter(summary__contains="network").exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, pair):
    for url in (PAGE, f"{JSON}?node=s:{pair[0].pk}"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_the_triage_panel_and_the_entity_page_link_to_the_network(verified_client, analyst, pair):
    first, _ = pair
    phone = Entity.objects.get(kind="phone")
    client = verified_client(analyst)
    triage = client.get(reverse("intelligence:triage_detail", args=[first.reference]))
    assert f"{PAGE}?submission={first.reference}" in triage.content.decode()
    entity = client.get(reverse("entities:entity", args=[phone.pk]))
    assert f"{PAGE}?entity={phone.pk}" in entity.content.decode()
