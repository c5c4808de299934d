"""Reads for the network view: the one-hop neighbourhood of a submission or an entity.

Nodes are submissions (``s:<id>``) and entities (``e:<id>``); edges are mentions (a submission
mentions an entity) and links (two submissions, with status and score). The view starts from one
node and expands one hop at a time. Each expansion returns at most ``limit`` connected items, the
strongest first (confirmed links, then what a report mentions, then suggested links by score,
common values last; ties by number of links, then the newest), and says how many there are in
all, so a partial picture is never mistaken for the whole one. Rejected links are left out
unless asked for. Analysts only: for anyone else the network does not exist (404).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from csphub.accounts.models import User
from csphub.core.roles import Role
from csphub.intelligence.models import Submission

from .models import Entity, Kind, Link, LinkStatus, Mention
from .services import WEIGHTS

SUBMISSION = "submission"
# The kinds a node can be, in the order the filter lists them.
NODE_KINDS: list[tuple[str, str]] = [(SUBMISSION, "Submission"), *Kind.choices]
# An entity seen in very many submissions is ranked among its newest mentions only.
CANDIDATES = 5000
_CHUNK = 900
# Confirmed links are chosen before anything else, rejected ones (when shown at all) after.
_STATUS_BONUS: dict[str, float] = {LinkStatus.CONFIRMED: 2.0, LinkStatus.REJECTED: -2.0}


def node_limit() -> int:
    return int(getattr(settings, "CSPHUB_NETWORK_NODE_LIMIT", 50))


@dataclass(frozen=True)
class NetworkFilters:
    min_links: int = 0
    kinds: frozenset[str] = frozenset()  # empty: every kind
    rejected: bool = False  # draw rejected links too

    def admits(self, node: Node) -> bool:
        return node.links >= self.min_links and (not self.kinds or node.kind in self.kinds)


@dataclass
class Node:
    id: str
    pk: int
    kind: str  # "submission" or an entity kind
    kind_label: str
    label: str
    links: int = 0
    common: bool = False
    detail: str = ""
    reference: str = ""  # submissions only

    @property
    def is_submission(self) -> bool:
        return self.kind == SUBMISSION


@dataclass
class Edge:
    id: str
    source: str
    target: str
    kind: str  # "mention" or "link"
    status: str = ""
    score: float | None = None
    label: str = ""


@dataclass
class Neighbourhood:
    centre: Node
    nodes: list[Node]  # the centre first, then the connected items shown, strongest first
    edges: list[Edge]
    total: int  # connected items that pass the filters
    hidden: int = 0  # connected items the filters leave out
    limit: int = 0

    @property
    def shown(self) -> int:
        return len(self.nodes) - 1

    @property
    def partial(self) -> bool:
        return self.shown < self.total

    @property
    def message(self) -> str:
        if self.partial:
            return (
                f"Showing {self.shown:,} of {self.total:,} connected items. "
                "Expand a node or filter to see more."
            )
        noun = "item" if self.total == 1 else "items"
        text = f"Showing all {self.total:,} connected {noun}."
        if self.hidden:
            verb = "is" if self.hidden == 1 else "are"
            text += f" {self.hidden:,} more {verb} left out by the filters."
        return text


def _analyst(user: User) -> None:
    if not user.has_role(Role.ANALYST):
        raise Http404


def parse_node(value: str) -> tuple[str, int]:
    """``s:12`` -> ("s", 12); anything else is not a node (404)."""
    prefix, _, number = (value or "").partition(":")
    if prefix not in ("s", "e") or not number.isdigit() or len(number) > 12:
        raise Http404
    return prefix, int(number)


def start_node(
    *, user: User, node: str = "", reference: str = "", entity: str = ""
) -> Submission | Entity:
    """The submission or entity the view starts from, by node id, reference or entity id."""
    _analyst(user)
    if node:
        prefix, pk = parse_node(node)
        model: type[Submission] | type[Entity] = Submission if prefix == "s" else Entity
        found = model.objects.filter(pk=pk).first()
    elif reference:
        found = Submission.objects.filter(reference=reference.strip().upper()).first()
    elif entity.isdigit() and len(entity) <= 12:
        found = Entity.objects.filter(pk=int(entity)).first()
    else:
        found = None
    if found is None:
        raise Http404
    return found


def node_id(obj: Submission | Entity) -> str:
    return f"{'s' if isinstance(obj, Submission) else 'e'}:{obj.pk}"


def network_around(
    *,
    user: User,
    node: str,
    filters: NetworkFilters | None = None,
    limit: int | None = None,
) -> Neighbourhood:
    """The node, its connected items (at most `limit`, strongest first) and the edges among them."""
    _analyst(user)
    filters = filters or NetworkFilters()
    limit = node_limit() if limit is None else max(1, limit)
    prefix, pk = parse_node(node)
    if prefix == "s":
        centre_qs = _submission_nodes([pk], filters)
        candidates = _around_submission(pk, filters)
    else:
        centre_qs = _entity_nodes([pk])
        candidates = _around_entity(pk, filters)
    if not centre_qs:
        raise Http404
    centre = centre_qs[0]
    neighbours = _nodes_for(candidates)
    admitted = [n for n in neighbours if filters.admits(n)]
    admitted.sort(key=lambda n: (-candidates.strength[n.id], -n.links, -n.pk))
    shown = admitted[:limit]
    total = max(len(admitted), candidates.total - (len(neighbours) - len(admitted)))
    nodes = [centre, *shown]
    return Neighbourhood(
        centre=centre,
        nodes=nodes,
        edges=_edges_among(nodes, filters),
        total=total,
        hidden=len(neighbours) - len(admitted),
        limit=limit,
    )


@dataclass
class _Candidates:
    submissions: set[int] = field(default_factory=set)
    entities: set[int] = field(default_factory=set)
    strength: dict[str, float] = field(default_factory=dict)
    total: int = 0
    filters: NetworkFilters = field(default_factory=NetworkFilters)


def _links_of(pk: int, filters: NetworkFilters) -> QuerySet[Link]:
    links = Link.objects.filter(Q(low_id=pk) | Q(high_id=pk))
    return links if filters.rejected else links.exclude(status=LinkStatus.REJECTED)


def _around_submission(pk: int, filters: NetworkFilters) -> _Candidates:
    found = _Candidates(filters=filters)
    for entity_id, kind, common in (
        Mention.objects.filter(submission_id=pk)
        .values_list("entity_id", "entity__kind", "entity__common")
        .distinct()
    ):
        found.entities.add(entity_id)
        found.strength[f"e:{entity_id}"] = -1.0 if common else 1.0 + WEIGHTS.get(kind, 0.5)
    for low, high, status, score in _links_of(pk, filters).values_list(
        "low_id", "high_id", "status", "score"
    ):
        other = high if low == pk else low
        found.submissions.add(other)
        bonus = _STATUS_BONUS.get(status, 0.0)
        found.strength[f"s:{other}"] = bonus + score
    found.total = len(found.entities) + len(found.submissions)
    return found


def _around_entity(pk: int, filters: NetworkFilters) -> _Candidates:
    found = _Candidates(filters=filters)
    mentions = Mention.objects.filter(entity_id=pk)
    found.total = mentions.values("submission_id").distinct().count()
    ids = (
        mentions.values_list("submission_id", flat=True)
        .distinct()
        .order_by("-submission_id")[:CANDIDATES]
    )
    found.submissions = set(ids)
    found.strength = {f"s:{sid}": 0.0 for sid in found.submissions}
    return found


def _nodes_for(candidates: _Candidates) -> list[Node]:
    return _submission_nodes(sorted(candidates.submissions), candidates.filters) + _entity_nodes(
        sorted(candidates.entities)
    )


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def submission_link_counts(ids: Iterable[int], filters: NetworkFilters) -> Counter[int]:
    """For each submission: the entities it mentions and the submissions it is linked to."""
    counts: Counter[int] = Counter()
    links = (
        Link.objects.all() if filters.rejected else Link.objects.exclude(status=LinkStatus.REJECTED)
    )
    for chunk in _chunks(ids):
        counts.update(
            dict(
                Mention.objects.filter(submission_id__in=chunk)
                .values("submission_id")
                .annotate(n=Count("entity_id", distinct=True))
                .values_list("submission_id", "n")
            )
        )
        for column in ("low_id", "high_id"):
            counts.update(
                dict(
                    links.filter(**{f"{column}__in": chunk})
                    .values(column)
                    .annotate(n=Count("id"))
                    .values_list(column, "n")
                )
            )
    return counts


def _submission_nodes(ids: list[int], filters: NetworkFilters) -> list[Node]:
    if not ids:
        return []
    counts = submission_link_counts(ids, filters)
    nodes = []
    for chunk in _chunks(ids):
        for pk, reference, created_at, district in (
            Submission.objects.filter(pk__in=chunk)
            .order_by("pk")
            .values_list("pk", "reference", "created_at", "district__name")
        ):
            nodes.append(
                Node(
                    id=f"s:{pk}",
                    pk=pk,
                    kind=SUBMISSION,
                    kind_label="Submission",
                    label=reference,
                    links=counts[pk],
                    detail=f"{_day(created_at)}, {district or 'district not known'}",
                    reference=reference,
                )
            )
    return nodes


def _day(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local.day} {local:%b %Y}"


def _entity_nodes(ids: list[int]) -> list[Node]:
    nodes = []
    labels = dict(Kind.choices)
    for chunk in _chunks(ids):
        for entity in Entity.objects.filter(pk__in=chunk).order_by("pk"):
            nodes.append(
                Node(
                    id=f"e:{entity.pk}",
                    pk=entity.pk,
                    kind=entity.kind,
                    kind_label=labels.get(entity.kind, entity.kind),
                    label=entity.label,
                    links=entity.submission_count,
                    common=entity.common,
                    detail=entity.common_reason if entity.common else "",
                )
            )
    return nodes


def _edges_among(nodes: list[Node], filters: NetworkFilters) -> list[Edge]:
    """Every mention and link between the nodes shown (a mention drawn once per pair)."""
    submissions = [n.pk for n in nodes if n.is_submission]
    entities = [n.pk for n in nodes if not n.is_submission]
    edges: list[Edge] = []
    if submissions and entities:
        fields: dict[tuple[int, int], list[str]] = defaultdict(list)
        for sid, eid, where in (
            Mention.objects.filter(submission_id__in=submissions, entity_id__in=entities)
            .order_by("id")
            .values_list("submission_id", "entity_id", "field")
        ):
            if where not in fields[(sid, eid)]:
                fields[(sid, eid)].append(where)
        edges += [
            Edge(
                id=f"m:{sid}-{eid}",
                source=f"s:{sid}",
                target=f"e:{eid}",
                kind="mention",
                label="Mentioned in " + ", ".join(where),
            )
            for (sid, eid), where in sorted(fields.items())
        ]
    if len(submissions) > 1:
        links = Link.objects.filter(low_id__in=submissions, high_id__in=submissions)
        if not filters.rejected:
            links = links.exclude(status=LinkStatus.REJECTED)
        edges += [
            Edge(
                id=f"l:{link.pk}",
                source=f"s:{link.low_id}",
                target=f"s:{link.high_id}",
                kind="link",
                status=link.status,
                score=round(link.score, 2),
                label=_link_label(link),
            )
            for link in links.order_by("id")
        ]
    return edges


def _link_label(link: Link) -> str:
    reasons = "; ".join(
        f"{r.get('kind', '')} {r.get('value', '')}".strip() for r in link.reasons or []
    )
    return f"{link.get_status_display()} link, score {link.score:.2f}" + (
        f": {reasons}" if reasons else ""
    )
