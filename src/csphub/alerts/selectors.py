"""Reads of alerts, scoped to who may see them: analysts see every alert (as they see every
submission); anyone else gets 404. Rules are read by administrators."""

from __future__ import annotations

from django.db.models import Case, Count, Prefetch, QuerySet, Value, When
from django.http import Http404

from csphub.accounts.models import User
from csphub.core.roles import Role
from csphub.intelligence.models import Submission

from .models import LIVE, Alert, AlertRule, AlertStatus


def _analyst_only(user: User) -> None:
    if not user.has_role(Role.ANALYST):
        raise Http404


def _references() -> Prefetch:
    return Prefetch(
        "submissions",
        queryset=Submission.objects.only("pk", "reference", "created_at").order_by("created_at"),
    )


def alerts_for_analyst(*, user: User, statuses: tuple[str, ...] = LIVE) -> QuerySet[Alert]:
    """Open and acknowledged alerts, open first and then the most recently changed."""
    _analyst_only(user)
    return (
        Alert.objects.filter(status__in=statuses)
        .select_related("rule", "district")
        .prefetch_related(_references())
        .annotate(concerns=Count("submissions"))
        .order_by(
            Case(When(status=AlertStatus.OPEN, then=Value(0)), default=Value(1)),
            "-updated_at",
            "-id",
        )
    )


def alert_for_analyst(*, user: User, alert_id: int) -> Alert:
    _analyst_only(user)
    try:
        return Alert.objects.select_related(
            "rule", "district", "theme", "entity", "status_changed_by"
        ).get(pk=alert_id)
    except Alert.DoesNotExist:
        raise Http404 from None


def alert_submissions(alert: Alert) -> QuerySet[Submission]:
    return (
        alert.submissions.select_related("district")
        .prefetch_related("themes")
        .order_by("-created_at", "-id")
    )


def open_alert_count() -> int:
    """One indexed count (Alert status+updated_at)."""
    return Alert.objects.filter(status=AlertStatus.OPEN).count()


def rules_for_administrator(*, user: User) -> QuerySet[AlertRule]:
    if not user.has_role(Role.ADMINISTRATOR):
        raise Http404
    return AlertRule.objects.annotate(alert_count=Count("alerts")).order_by("kind", "name")


def rule_for_administrator(*, user: User, rule_id: int) -> AlertRule:
    if not user.has_role(Role.ADMINISTRATOR):
        raise Http404
    try:
        return AlertRule.objects.get(pk=rule_id)
    except AlertRule.DoesNotExist:
        raise Http404 from None
