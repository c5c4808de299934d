"""The network view's graph: one hop around a node, expanded one hop at a time, within limits
that are stated, without rejected links unless asked, with common values flagged."""

import pytest
from django.http import Http404

from csphub.core.roles import Role
from csphub.entities.models import Entity, Link, LinkStatus
from csphub.entities.network import NetworkFilters, network_around, start_node
from csphub.entities.services import link_decide
from tests.entities.support import PHONE, linked
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EMAIL = {"kind": "email", "value": "dealer@example.com"}


def ids(hood):
    return {node.id for node in hood.nodes}


def link_between(a, b):
    low, high = sorted((a.pk, b.pk))
    return Link.objects.get(low_id=low, high_id=high)


@pytest.fixture
def trio(submitter):
    """Three reports of one phone; the third also gives an email that a fourth shares."""
    first = linked(submitter, identifiers=[PHONE])
    second = linked(submitter, information="Calls from +44 7700 900461 at night.")
    third = linked(submitter, identifiers=[PHONE, EMAIL])
    fourth = linked(submitter, identifiers=[EMAIL])
    return first, second, third, fourth


def test_a_submission_shows_what_it_mentions_and_the_submissions_linked_to_it(trio, analyst):
    first, second, third, fourth = trio
    phone = Entity.objects.get(kind="phone")
    hood = network_around(user=analyst, node=f"s:{first.pk}")
    assert hood.centre.id == f"s:{first.pk}"
    assert ids(hood) == {f"s:{first.pk}", f"e:{phone.pk}", f"s:{second.pk}", f"s:{third.pk}"}
    assert f"s:{fourth.pk}" not in ids(hood)  # two hops away, through the email
    assert not hood.partial
    assert hood.message == "Showing all 3 connected items."


def test_the_edges_are_the_mentions_and_links_among_the_nodes_shown(trio, analyst):
    first, second, third, _ = trio
    phone = Entity.objects.get(kind="phone")
    edges = {
        (e.kind, e.source, e.target)
        for e in network_around(user=analyst, node=f"s:{first.pk}").edges
    }
    assert ("mention", f"s:{first.pk}", f"e:{phone.pk}") in edges
    assert ("mention", f"s:{second.pk}", f"e:{phone.pk}") in edges
    assert ("link", f"s:{first.pk}", f"s:{second.pk}") in edges
    assert ("link", f"s:{second.pk}", f"s:{third.pk}") in edges  # between two neighbours too


def test_a_link_edge_carries_its_status_score_and_reasons(trio, analyst):
    first, second, _, _ = trio
    hood = network_around(user=analyst, node=f"s:{first.pk}")
    edge = next(e for e in hood.edges if e.id == f"l:{link_between(first, second).pk}")
    assert (edge.status, edge.score) == ("suggested", 0.9)
    assert edge.label == "Suggested link, score 0.90: phone +447700900461"


def test_expanding_a_neighbour_reaches_one_hop_further(trio, analyst):
    _, _, third, fourth = trio
    email = Entity.objects.get(kind="email")
    hood = network_around(user=analyst, node=f"e:{email.pk}")
    assert ids(hood) == {f"e:{email.pk}", f"s:{third.pk}", f"s:{fourth.pk}"}
    assert f"s:{fourth.pk}" in ids(network_around(user=analyst, node=f"s:{third.pk}"))


def test_each_node_says_how_many_links_it_has(trio, analyst):
    first, _, third, _ = trio
    nodes = {n.id: n for n in network_around(user=analyst, node=f"s:{third.pk}").nodes}
    phone = Entity.objects.get(kind="phone")
    assert nodes[f"e:{phone.pk}"].links == 3  # three submissions mention it
    # the first report: the phone it mentions, and its links to the second and third
    assert nodes[f"s:{first.pk}"].links == 3


def test_rejected_links_are_not_drawn_unless_asked_for(trio, analyst):
    first, second, _, _ = trio
    link = link_between(first, second)
    link_decide(link=link, user=analyst, status=LinkStatus.REJECTED, reason="Different flats")
    hood = network_around(user=analyst, node=f"s:{first.pk}")
    assert f"l:{link.pk}" not in {e.id for e in hood.edges}
    # second is still there through the phone they both mention, but not as a link
    with_rejected = network_around(
        user=analyst, node=f"s:{first.pk}", filters=NetworkFilters(rejected=True)
    )
    assert any(e.id == f"l:{link.pk}" and e.status == "rejected" for e in with_rejected.edges)


def test_a_submission_linked_only_by_a_rejected_link_is_not_a_neighbour(submitter, analyst):
    first = linked(submitter, identifiers=[PHONE])
    second = linked(submitter, identifiers=[PHONE])
    link_decide(
        link=link_between(first, second), user=analyst, status="rejected", reason="Not the same"
    )
    hood = network_around(user=analyst, node=f"s:{first.pk}")
    assert f"s:{second.pk}" not in ids(hood)


def test_at_most_the_limit_is_shown_and_the_view_says_it_shows_only_part(
    submitter, analyst, settings
):
    settings.CSPHUB_NETWORK_NODE_LIMIT = 3
    reports = [linked(submitter, identifiers=[PHONE]) for _ in range(6)]
    phone = Entity.objects.get(kind="phone")
    hood = network_around(user=analyst, node=f"e:{phone.pk}")
    assert (hood.shown, hood.total, hood.partial) == (3, 6, True)
    assert hood.message == ("Showing 3 of 6 connected items. Expand a node or filter to see more.")
    around_first = network_around(user=analyst, node=f"s:{reports[0].pk}")
    assert (around_first.shown, around_first.total) == (3, 6)  # the phone and 5 linked reports


def test_the_strongest_connections_are_chosen_first(submitter, analyst):
    first = linked(submitter, identifiers=[PHONE])
    others = [linked(submitter, identifiers=[PHONE]) for _ in range(3)]
    confirmed = others[1]
    link_decide(
        link=link_between(first, confirmed), user=analyst, status="confirmed", reason="Same flat"
    )
    hood = network_around(user=analyst, node=f"s:{first.pk}", limit=1)
    assert [n.id for n in hood.nodes] == [f"s:{first.pk}", f"s:{confirmed.pk}"]


def test_the_most_connected_submissions_of_an_entity_are_chosen_first(submitter, analyst):
    busy = linked(submitter, identifiers=[PHONE, EMAIL])
    linked(submitter, identifiers=[EMAIL])
    for _ in range(3):
        linked(submitter, identifiers=[PHONE])
    phone = Entity.objects.get(kind="phone")
    hood = network_around(user=analyst, node=f"e:{phone.pk}", limit=1)
    assert hood.nodes[1].id == f"s:{busy.pk}"


def test_common_values_are_flagged_and_come_last(submitter, analyst, settings):
    settings.CSPHUB_COMMON_VALUE_COUNT = 3
    switchboard = {"kind": "phone", "value": "0116 232 3232"}
    for _ in range(3):
        linked(submitter, identifiers=[switchboard])
    report = linked(submitter, identifiers=[switchboard, EMAIL])
    linked(submitter, identifiers=[EMAIL])
    hood = network_around(user=analyst, node=f"s:{report.pk}")
    common = [n for n in hood.nodes if n.common]
    assert [n.label for n in common] == ["+441162323232"]
    assert hood.nodes[-1].common
    assert "or more submissions" in common[0].detail


def test_the_minimum_number_of_links_leaves_out_loosely_connected_items(trio, analyst):
    first, second, third, _ = trio
    phone = Entity.objects.get(kind="phone")
    hood = network_around(user=analyst, node=f"e:{phone.pk}", filters=NetworkFilters(min_links=4))
    # third mentions the phone and the email and is linked to first, second and fourth
    assert ids(hood) == {f"e:{phone.pk}", f"s:{third.pk}"}
    assert hood.hidden == 2
    assert hood.message == "Showing all 1 connected item. 2 more are left out by the filters."


def test_kinds_can_be_picked(trio, analyst):
    first, *_ = trio
    hood = network_around(
        user=analyst, node=f"s:{first.pk}", filters=NetworkFilters(kinds=frozenset({"phone"}))
    )
    assert {n.kind for n in hood.nodes[1:]} == {"phone"}


def test_the_start_node_is_found_by_reference_entity_or_node(trio, analyst):
    first, *_ = trio
    phone = Entity.objects.get(kind="phone")
    assert start_node(user=analyst, reference=first.reference.lower()) == first
    assert start_node(user=analyst, entity=str(phone.pk)) == phone
    assert start_node(user=analyst, node=f"e:{phone.pk}") == phone
    for bad in ({"reference": "CIP-1999-000000"}, {"entity": "x"}, {"node": "q:1"}, {}):
        with pytest.raises(Http404):
            start_node(user=analyst, **bad)


@pytest.mark.parametrize(
    "role", [Role.SUBMITTER, Role.FORUM_MEMBER, Role.PERFORMANCE_ANALYST, Role.ADMINISTRATOR]
)
def test_the_network_does_not_exist_for_anyone_but_analysts(trio, role):
    first, *_ = trio
    with pytest.raises(Http404):
        network_around(user=UserFactory(roles=[role]), node=f"s:{first.pk}")
