"""Submissions made through the real service, dated as a test needs, then linked by the task
the worker runs (which sends links_ready, so the alert rules are evaluated as in production)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from csphub.alerts.models import Alert, AlertRule, RuleKind
from csphub.entities.tasks import link_submission
from csphub.geography.models import Postcode
from csphub.intelligence.models import Submission
from tests.factories import make_submission

PHONE = {"kind": "phone", "value": "07700 900461"}
OTHER_PHONE = {"kind": "phone", "value": "07700 900999"}


def reported(user, *, days_ago: float = 0, **overrides) -> Submission:
    submission = make_submission(user, **overrides)
    if days_ago:
        at = timezone.now() - timedelta(days=days_ago)
        Submission.objects.filter(pk=submission.pk).update(created_at=at)
        submission.created_at = at
    link_submission.call(submission.pk)
    return submission


def in_use_for_a_year(user, **overrides) -> Submission:
    """A report of another theme 400 days ago: the district has a full baseline's history (a
    theme rise is measured against the history there is)."""
    return reported(user, days_ago=400, themes=["hate-crime"], **overrides)


def only(kind: str, **changes) -> AlertRule:
    """Switch every rule off but the first of `kind`, changed as asked; return it."""
    rule = AlertRule.objects.filter(kind=kind, **_area(changes)).order_by("pk").first()
    assert rule is not None
    AlertRule.objects.exclude(pk=rule.pk).update(active=False)
    for name, value in changes.items():
        setattr(rule, name, value)
    rule.active = True
    rule.save()
    return rule


def _area(changes: dict) -> dict:
    return {"area_type": changes["area_type"]} if "area_type" in changes else {}


def alerts() -> list[Alert]:
    return list(Alert.objects.order_by("pk"))


def places() -> None:
    """Postcodes in two sectors of Loughborough (Charnwood) and their LSOAs."""
    for code, lsoa in (
        ("LE11 3AA", "E01025123"),
        ("LE11 3QF", "E01025123"),
        ("LE11 3XY", "E01025124"),
        ("LE11 2AB", "E01025123"),
        ("LE11 2CD", "E01025125"),
    ):
        Postcode.objects.create(postcode=code, district_code="E07000130", lsoa_code=lsoa)


__all__ = ["PHONE", "OTHER_PHONE", "RuleKind", "alerts", "only", "places", "reported"]
