"""The network view: submissions and entities around one start node, expanded one hop at a time.

The page is server-rendered and useful without JavaScript (the table lists every node shown,
and each "Expand" button re-centres the page on that node); with JavaScript, Cytoscape.js draws
the graph and the same buttons expand it in place from ``network.json``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.audit.services import audit_record
from csphub.core.permissions import role_required
from csphub.core.roles import Role

from . import network
from .network import Neighbourhood, NetworkFilters, Node


class NetworkFilterForm(forms.Form):
    min_links = forms.IntegerField(
        label="Show only items with at least this many links",
        required=False,
        min_value=0,
        max_value=100_000,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "invalid": "Enter the number of links as a whole number, like 2",
            "min_value": "The number of links must be 0 or more",
            "max_value": "The number of links must be 100,000 or fewer",
        },
    )
    kinds = forms.MultipleChoiceField(
        label="Kinds of item",
        required=False,
        choices=network.NODE_KINDS,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked to show every kind.",
    )
    rejected = forms.BooleanField(label="Show rejected links", required=False)

    def filters(self) -> NetworkFilters:
        if not self.is_valid():
            return NetworkFilters()
        data = self.cleaned_data
        return NetworkFilters(
            min_links=data.get("min_links") or 0,
            kinds=frozenset(data.get("kinds") or ()),
            rejected=bool(data.get("rejected")),
        )


def node_href(node: Node) -> str:
    """The submission's triage page, or the entity page."""
    if node.is_submission:
        return reverse("intelligence:triage_detail", args=[node.reference])
    return reverse("entities:entity", args=[node.pk])


def _node_data(node: Node, centre: str) -> dict[str, Any]:
    return {
        "id": node.id,
        "kind": node.kind,
        "kind_label": node.kind_label,
        "label": node.label,
        "links": node.links,
        "common": node.common,
        "detail": node.detail,
        "href": node_href(node),
        "centre": node.id == centre,
    }


def graph_data(hood: Neighbourhood) -> dict[str, Any]:
    """What the page's script and the JSON endpoint hand to the browser: plain data."""
    centre = hood.centre.id
    return {
        "centre": centre,
        "nodes": [_node_data(node, centre) for node in hood.nodes],
        "edges": [
            {
                "id": edge.id,
                "source": edge.source,
                "target": edge.target,
                "kind": edge.kind,
                "status": edge.status,
                "score": edge.score,
                "label": edge.label,
            }
            for edge in hood.edges
        ],
        "shown": hood.shown,
        "total": hood.total,
        "hidden": hood.hidden,
        "limit": hood.limit,
        "partial": hood.partial,
        "message": hood.message,
    }


def _audit(request: AuthenticatedHttpRequest, hood: Neighbourhood, summary: str) -> None:
    centre = hood.centre
    audit_record(
        actor=request.user,
        action="viewed",
        object_type="submission" if centre.is_submission else "entity",
        object_id=centre.reference if centre.is_submission else str(centre.pk),
        request=request,
        summary=summary,
        changes={"shown": hood.shown, "total": hood.total},
    )


def _centre_name(node: Node) -> str:
    return node.reference if node.is_submission else f"{node.kind_label.lower()} {node.pk}"


@role_required(Role.ANALYST)
def network_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    params = request.GET
    form = NetworkFilterForm(params or None)
    if not any(params.get(k) for k in ("expand", "node", "submission", "entity")):
        return render(request, "entities/network.html", {"form": form, "hood": None})
    start = network.start_node(
        user=request.user,
        node=params.get("expand") or params.get("node", ""),
        reference=params.get("submission", ""),
        entity=params.get("entity", ""),
    )
    hood = network.network_around(
        user=request.user, node=network.node_id(start), filters=form.filters()
    )
    _audit(request, hood, f"Analyst viewed the network around {_centre_name(hood.centre)}")
    rows = [(node, node_href(node)) for node in hood.nodes]
    return render(
        request,
        "entities/network.html",
        {"form": form, "hood": hood, "rows": rows, "graph": graph_data(hood)},
    )


@role_required(Role.ANALYST)
def network_json(request: AuthenticatedHttpRequest) -> JsonResponse:
    form = NetworkFilterForm(request.GET)
    hood = network.network_around(
        user=request.user, node=request.GET.get("node", ""), filters=form.filters()
    )
    _audit(request, hood, f"Analyst expanded the network at {_centre_name(hood.centre)}")
    return JsonResponse(graph_data(hood))
