"""Reads of connected intelligence, for analysts only: anyone else gets 404."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from csphub.accounts.models import User
from csphub.core.roles import Role
from csphub.intelligence.models import Submission

from .models import Entity, Link, LinkDecision, LinkStatus, Mention


def _analyst_only(user: User) -> None:
    if not user.has_role(Role.ANALYST):
        raise Http404


@dataclass(frozen=True)
class Connection:
    link: Link
    other: Submission
    latest_decision: LinkDecision | None

    @property
    def reasons(self) -> list[dict[str, str]]:
        return list(self.link.reasons)

    @property
    def score_percent(self) -> int:
        return round(self.link.score * 100)


def connections_for(
    *, user: User, submission: Submission, include_rejected: bool = True
) -> list[Connection]:
    """The submissions linked to `submission`, strongest first; confirmed before suggested."""
    _analyst_only(user)
    links = (
        Link.objects.filter(Q(low_id=submission.pk) | Q(high_id=submission.pk))
        .select_related("decided_by")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=LinkDecision.objects.select_related("decided_by").order_by(
                    "-decided_at", "-id"
                ),
            )
        )
    )
    if not include_rejected:
        links = links.exclude(status=LinkStatus.REJECTED)
    links_list = list(links)
    others = Submission.objects.select_related("district").in_bulk(
        [link.other(submission.pk) for link in links_list]
    )
    order = {LinkStatus.CONFIRMED: 0, LinkStatus.SUGGESTED: 1, LinkStatus.REJECTED: 2}
    connections = [
        Connection(link, others[link.other(submission.pk)], next(iter(link.decisions.all()), None))
        for link in links_list
        if link.other(submission.pk) in others
    ]
    connections.sort(key=lambda c: (order[LinkStatus(c.link.status)], -c.link.score, c.other.pk))
    return connections


def connection_for(*, user: User, link_id: int) -> Link:
    _analyst_only(user)
    try:
        return Link.objects.select_related("low", "high", "low__district", "high__district").get(
            pk=link_id
        )
    except Link.DoesNotExist:
        raise Http404 from None


def decision_for(*, user: User, decision_id: int) -> LinkDecision:
    _analyst_only(user)
    try:
        return LinkDecision.objects.select_related("link", "link__low").get(pk=decision_id)
    except LinkDecision.DoesNotExist:
        raise Http404 from None


def entities_of(*, user: User, submission: Submission) -> list[Entity]:
    """What the submission mentions, each entity once with its mentions in this submission."""
    _analyst_only(user)
    entities = (
        Entity.objects.filter(mentions__submission=submission)
        .distinct()
        .prefetch_related(
            Prefetch(
                "mentions",
                queryset=Mention.objects.filter(submission=submission),
                to_attr="here",
            )
        )
        .order_by("kind", "label")
    )
    return list(entities)


def linking_done(*, submission: Submission) -> bool:
    return (
        Mention.objects.filter(submission=submission).exists()
        or Link.objects.filter(Q(low_id=submission.pk) | Q(high_id=submission.pk)).exists()
    )


def entity_for_analyst(*, user: User, entity_id: int) -> Entity:
    _analyst_only(user)
    try:
        return Entity.objects.get(pk=entity_id)
    except Entity.DoesNotExist:
        raise Http404 from None


def mentions_of(*, entity: Entity) -> QuerySet[Mention]:
    """Every mention of the entity, newest submission first, with the submission for listing."""
    return (
        Mention.objects.filter(entity=entity)
        .select_related("submission", "submission__district")
        .order_by("-submission__created_at", "-submission_id", "id")
    )
