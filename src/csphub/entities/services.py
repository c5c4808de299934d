"""Writes of connected intelligence: linking a submission, and analysts' decisions on links."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from csphub.accounts.models import User
from csphub.audit.services import audit_record
from csphub.core.roles import Role
from csphub.intelligence.models import Submission

from . import extract as ex
from . import people, sql
from .models import Entity, Kind, Link, LinkDecision, LinkStatus, Mention, NameKey

# How much one shared value says that two reports are about the same thing. Combined as
# independent evidence: 1 - (1 - a)(1 - b)...
WEIGHTS: dict[str, float] = {
    Kind.EMAIL: 0.95,
    Kind.PHONE: 0.9,
    Kind.HANDLE: 0.85,
    Kind.VEHICLE: 0.85,
    Kind.ADDRESS: 0.8,
}
PERSON_WEIGHT = 0.9
# Postcodes stay entities (search, area alerts) but do not link: many households share one.
LINKING_KINDS = frozenset(WEIGHTS)
_PERSON_CANDIDATES = 500


@dataclass
class LinkOutcome:
    submission_id: int
    mentions: int = 0
    entities: list[int] = field(default_factory=list)
    linked: list[int] = field(default_factory=list)  # the other submissions, suggested or kept
    newly_common: list[int] = field(default_factory=list)


def common_value_count() -> int:
    return int(getattr(settings, "CSPHUB_COMMON_VALUE_COUNT", 25))


def submission_facts(submission: Submission) -> ex.SubmissionFacts:
    return ex.SubmissionFacts(
        information=submission.information,
        place_description=submission.place_description,
        postcode=submission.postcode,
        people=[
            ex.PersonFacts(p.name, p.role, p.age, p.date_of_birth, p.description)
            for p in submission.people.all()
        ],
        vehicles=[
            ex.VehicleFacts(v.registration, v.make, v.model, v.colour)
            for v in submission.vehicles.all()
        ],
        identifiers=[(i.kind, i.value) for i in submission.identifiers.all()],
        seen_on=submission.created_at.date(),
    )


def submission_link(*, submission_id: int, now: datetime | None = None) -> LinkOutcome:
    """Extract what the submission mentions and link it to every submission that shares a
    linking value or a matching person. Safe to run again: it replaces its own mentions and
    never revives a rejected link."""
    submission = Submission.objects.prefetch_related("people", "vehicles", "identifiers").get(
        pk=submission_id
    )
    found = ex.extract(submission_facts(submission))
    with transaction.atomic():
        sql.plans_serial()
        return _link(submission, found, now or timezone.now())


def _link(submission: Submission, found: list[ex.Found], now: datetime) -> LinkOutcome:
    outcome = LinkOutcome(submission.pk)
    before = set(Mention.objects.filter(submission=submission).values_list("entity_id", flat=True))
    Mention.objects.filter(submission=submission).delete()
    entities = _entities_upsert(found, now)
    ids = {entity.pk for entity in entities.values()}
    added, dropped = ids - before, before - ids
    if added:
        Entity.objects.filter(pk__in=added).update(
            submission_count=F("submission_count") + 1, last_seen=now
        )
        outcome.newly_common = _mark_common(added)
    if dropped:
        Entity.objects.filter(pk__in=dropped, submission_count__gt=0).update(
            submission_count=F("submission_count") - 1
        )
    Mention.objects.bulk_create(
        Mention(
            entity=entities[item.identity],
            submission=submission,
            field=item.field,
            start=item.start,
            end=item.end,
            text=item.text[:300],
            role=item.role,
            age=item.age,
            date_of_birth=item.date_of_birth,
            seen_on=submission.created_at.date(),
            created_at=now,
        )
        for item in found
    )
    outcome.mentions, outcome.entities = len(found), sorted(ids)
    # The entities were read just now, after the upsert; only _mark_common changed them since.
    common = {e.pk for e in entities.values() if e.common} | set(outcome.newly_common)
    evidence = _shared_values(submission, entities, common)
    _add_people(submission, found, entities, common, evidence)
    outcome.linked = _links_upsert(submission, evidence, now)
    return outcome


def _entities_upsert(found: list[ex.Found], now: datetime) -> dict[tuple[str, str], Entity]:
    wanted: dict[tuple[str, str], ex.Found] = {}
    for item in found:
        wanted.setdefault(item.identity, item)
    if not wanted:
        return {}
    Entity.objects.bulk_create(
        [
            Entity(
                kind=item.kind,
                key=item.key[:300],
                label=item.label[:300],
                details=item.details,
                first_seen=now,
                last_seen=now,
            )
            for item in wanted.values()
        ],
        ignore_conflicts=True,
    )
    query = Q()
    for kind, key in wanted:
        query |= Q(kind=kind, key=key[:300])
    entities = {(e.kind, e.key): e for e in Entity.objects.filter(query)}
    _details_merge(entities, wanted)
    people_entities = [e for e in entities.values() if e.kind == Kind.PERSON]
    NameKey.objects.bulk_create(
        [
            NameKey(entity=e, key=key, narrow=narrow)
            for e in people_entities
            for key, narrow in people.blocking_keys(e.key)
        ],
        ignore_conflicts=True,
    )
    return {identity: entities[(identity[0], identity[1][:300])] for identity in wanted}


def _details_merge(
    entities: dict[tuple[str, str], Entity], wanted: dict[tuple[str, str], ex.Found]
) -> None:
    """A vehicle's make and colour, kept from whichever report gave them first."""
    for identity, item in wanted.items():
        entity = entities[(identity[0], identity[1][:300])]
        missing = {k: v for k, v in item.details.items() if k not in entity.details}
        if missing:
            entity.details = {**entity.details, **missing}
            Entity.objects.filter(pk=entity.pk).update(details=entity.details)


def _mark_common(ids: set[int]) -> list[int]:
    threshold = common_value_count()
    newly = list(
        Entity.objects.filter(pk__in=ids, common=False, submission_count__gte=threshold)
        .exclude(kind=Kind.POSTCODE)
        .values_list("pk", flat=True)
    )
    if newly:
        Entity.objects.filter(pk__in=newly).update(
            common=True, common_reason=f"Mentioned in {threshold} or more submissions"
        )
    return newly


Evidence = dict[int, list[dict[str, str]]]  # other submission id -> reasons


def _shared_values(
    submission: Submission, entities: dict[tuple[str, str], Entity], common: set[int]
) -> Evidence:
    linking = {e.pk: e for e in entities.values() if e.kind in LINKING_KINDS and e.pk not in common}
    evidence: Evidence = defaultdict(list)
    if not linking:
        return evidence
    shared = (
        Mention.objects.filter(entity_id__in=linking)
        .exclude(submission_id=submission.pk)
        .values_list("submission_id", "entity_id")
        .distinct()
    )
    for other, entity_id in shared:
        entity = linking[entity_id]
        reason = {"kind": entity.kind, "value": entity.label}
        if reason not in evidence[other]:
            evidence[other].append(reason)
    return evidence


def _add_people(
    submission: Submission,
    found: list[ex.Found],
    entities: dict[tuple[str, str], Entity],
    common: set[int],
    evidence: Evidence,
) -> None:
    persons = [f for f in found if f.kind == Kind.PERSON and entities[f.identity].pk not in common]
    if not persons:
        return
    records = _person_candidates(submission, persons)
    seen_on = submission.created_at.date()
    best: dict[int, tuple[float, list[dict[str, str]]]] = {}
    for person in persons:
        ours = people.PersonRecord(person.text, person.age, person.date_of_birth, seen_on)
        possible: dict[tuple[str, int], bool] = {}
        for other, text, theirs in records:
            if people.ages_rule_out(ours, theirs):
                continue
            context = len(evidence.get(other, ()))
            test = (text, min(context, people.SHARED_CONTEXT_MAX))
            if test not in possible:
                possible[test] = people.could_match(person.text, text, shared_context=context)
            if not possible[test]:
                continue
            match = people.person_match(ours, theirs, shared_context=context)
            if not match.is_match or match.score <= best.get(other, (0.0, []))[0]:
                continue
            same = people.normalise_name(text) == person.key
            named = person.text if same else f"{person.text} / {text}"
            reasons = [{"kind": "person", "value": named}]
            reasons += [{"kind": r.kind, "value": r.value} for r in match.reasons]
            best[other] = (match.score, reasons)
    for other, (score, reasons) in best.items():
        reasons[0]["score"] = f"{score:.2f}"
        evidence[other].extend(reasons)


def _person_candidates(
    submission: Submission, persons: list[ex.Found]
) -> list[tuple[int, str, people.PersonRecord]]:
    """The newest mentions of the names that could match, from the parts of their name blocks
    that blocking_lookup names."""
    blocks = Q()
    for key, narrows in people.blocking_lookup(person.key for person in persons).items():
        blocks |= Q(key=key) if narrows is None else Q(key=key, narrow__in=sorted(narrows))
    entity_ids = set(
        NameKey.objects.filter(blocks)
        .exclude(entity__common=True)
        .values_list("entity_id", flat=True)
    )
    candidates = sql.person_candidates(
        entity_ids=sorted(entity_ids), other_than=submission.pk, at_most=_PERSON_CANDIDATES
    )
    return [
        (other, text, people.PersonRecord(text, age, born, seen))
        for other, text, age, born, seen in candidates
    ]


def link_score(reasons: Iterable[dict[str, str]]) -> float:
    """Independent evidence combined: each shared value, and each matched person by its score."""
    miss = 1.0
    for reason in reasons:
        kind = reason["kind"]
        if kind in WEIGHTS:
            miss *= 1 - WEIGHTS[kind]
        elif kind == "person":
            miss *= 1 - PERSON_WEIGHT * float(reason.get("score", "0.8"))
    return round(1 - miss, 4) if not math.isclose(miss, 1.0) else 0.0


def _links_upsert(submission: Submission, evidence: Evidence, now: datetime) -> list[int]:
    sid = submission.pk
    existing = {
        link.other(sid): link
        for link in Link.objects.filter(Q(low_id=sid) | Q(high_id=sid)).select_for_update()
    }
    new, changed, stale = [], [], []
    for other, reasons in evidence.items():
        score = link_score(reasons)
        link = existing.get(other)
        if link is None:
            low, high = sorted((sid, other))
            new.append(
                Link(
                    low_id=low,
                    high_id=high,
                    score=score,
                    reasons=reasons,
                    created_at=now,
                    updated_at=now,
                )
            )
        elif link.status != LinkStatus.REJECTED and (
            link.reasons != reasons or link.score != score
        ):
            link.reasons, link.score, link.updated_at = reasons, score, now
            changed.append(link)
    for other, link in existing.items():
        if other not in evidence and link.status == LinkStatus.SUGGESTED:
            stale.append(link.pk)
    Link.objects.bulk_create(new, ignore_conflicts=True)
    if changed:
        Link.objects.bulk_update(changed, ["reasons", "score", "updated_at"])
    if stale:
        Link.objects.filter(pk__in=stale).delete()
    return sorted(
        other
        for other in evidence
        if other not in existing or existing[other].status != LinkStatus.REJECTED
    )


# Analysts' decisions -------------------------------------------------------------------------

_DECISIONS = {LinkStatus.CONFIRMED: "Confirmed", LinkStatus.REJECTED: "Rejected"}


def _analyst(user: User) -> None:
    if not user.has_role(Role.ANALYST):
        raise ValidationError("Only intelligence analysts can decide on links.")


@transaction.atomic
def link_decide(*, link: Link, user: User, status: str, reason: str) -> LinkDecision:
    """Confirm or reject a link. A rejected link is kept, so linking never suggests it again."""
    _analyst(user)
    if status not in _DECISIONS:
        raise ValidationError({"status": "Choose whether the reports are connected or not"})
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why, for the record"})
    if len(reason) > 1000:
        raise ValidationError({"reason": "The reason must be 1,000 characters or fewer"})
    link = Link.objects.select_for_update().get(pk=link.pk)
    if link.status == status:
        raise ValidationError(
            {"status": f"This link is already {link.get_status_display().lower()}"}
        )
    return _decision_record(link, user, status, reason, undoes=None)


@transaction.atomic
def link_decision_undo(*, decision: LinkDecision, user: User, reason: str = "") -> LinkDecision:
    """Put a link back as it was before `decision`; only the latest decision can be undone."""
    _analyst(user)
    link = Link.objects.select_for_update().get(pk=decision.link_id)
    latest = link.decisions.order_by("-decided_at", "-id").first()
    if latest is None or latest.pk != decision.pk:
        raise ValidationError("Only the latest decision on a link can be undone")
    return _decision_record(
        link, user, decision.from_status, reason.strip() or "Undone", undoes=decision
    )


def _decision_record(
    link: Link, user: User, status: str, reason: str, *, undoes: LinkDecision | None
) -> LinkDecision:
    before = link.status
    now = timezone.now()
    link.status, link.decided_by, link.decided_at, link.decision_reason = status, user, now, reason
    link.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    decision = LinkDecision.objects.create(
        link=link,
        from_status=before,
        to_status=status,
        reason=reason,
        decided_by=user,
        decided_at=now,
        undoes=undoes,
    )
    verb = "Undid a decision on" if undoes else _DECISIONS[LinkStatus(status)]
    audit_record(
        actor=user,
        action="updated",
        obj=link,
        summary=f"{verb} the link between submissions {link.low_id} and {link.high_id}"[:300],
        changes={"status": [before, status], "reason": reason},
    )
    return decision


@transaction.atomic
def entity_common_set(*, entity: Entity, user: User, common: bool, reason: str) -> Entity:
    """An analyst marks a value common (it stops linking) or takes the mark off."""
    _analyst(user)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why, for the record"})
    before = entity.common
    entity.common, entity.common_reason = common, reason[:200] if common else ""
    entity.save(update_fields=["common", "common_reason"])
    audit_record(
        actor=user,
        action="updated",
        obj=entity,
        summary=f"{'Marked' if common else 'Unmarked'} {entity} as common"[:300],
        changes={"common": [before, common], "reason": reason},
    )
    return entity
