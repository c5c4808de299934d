"""Writes of emerging-issue alerts: evaluating the rules for a new submission, analysts'
acknowledgements and dismissals, and administrators' changes to the rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from csphub.accounts.models import User
from csphub.audit.services import audit_record, diff
from csphub.core.roles import Role
from csphub.entities.models import Kind
from csphub.intelligence.models import Submission

from . import rules as r
from .models import LIVE, Alert, AlertRule, AlertStatus, AreaType, RuleKind

# Evaluation -----------------------------------------------------------------------------------


@transaction.atomic
def alerts_evaluate(*, submission_id: int) -> list[Alert]:
    """Apply every active rule to a newly linked submission. A rule met for a subject with an
    open or acknowledged alert updates that alert; otherwise a new alert opens, unless the
    subject's last alert was dismissed and too few submissions have arrived since then to
    meet the rule on their own. Returns the alerts opened or updated."""
    rules = list(AlertRule.objects.filter(active=True))
    if not rules:
        return []
    submission = (
        Submission.objects.select_related("district")
        .only("pk", "created_at", "postcode", "lsoa_code", "district__name")
        .filter(pk=submission_id)
        .first()
    )
    if submission is None:
        return []
    found = r.findings(submission, rules)
    if not found:
        return []
    latest: dict[str, Alert] = {}
    for row in (
        Alert.objects.select_for_update()
        .filter(fingerprint__in=[f.fingerprint for f in found])
        .order_by("created_at", "id")
    ):
        latest[row.fingerprint] = row
    touched = []
    for finding in found:
        last = latest.get(finding.fingerprint)
        if last is not None and last.live:
            if _alert_update(last, finding):
                touched.append(last)
            continue
        opened = _alert_open(finding, dismissed=last)
        if opened is not None:
            touched.append(opened)
    return touched


def _alert_open(finding: r.Finding, *, dismissed: Alert | None) -> Alert | None:
    members = finding.members
    since = dismissed.status_changed_at if dismissed is not None else None
    if since is not None:
        # Dismissal memory: only what arrived after the dismissal can raise it again.
        fresh = [m for m in members if m[1] > since]
        if not r.meets(finding.rule, finding, fresh):
            return None
    now = timezone.now()
    alert = Alert(
        rule=finding.rule,
        fingerprint=finding.fingerprint,
        subject=finding.subject,
        entity_id=finding.entity_id,
        theme_id=finding.theme_id,
        district_id=finding.district_id,
        area_code=finding.area_code,
        created_at=now,
        updated_at=now,
    )
    _figures(alert, finding, since=since)
    try:
        with transaction.atomic():
            alert.save()
    except IntegrityError:  # another worker opened it a moment ago: update theirs
        live = Alert.objects.select_for_update().get(
            fingerprint=finding.fingerprint, status__in=LIVE
        )
        return live if _alert_update(live, finding) else None
    alert.submissions.add(*[m[0] for m in members])
    audit_record(
        actor=None,
        action="created",
        obj=alert,
        summary=f"Alert {alert.pk} raised by the rule '{finding.rule.name}'",
        changes={"submissions": len(members), "status": [None, AlertStatus.OPEN]},
    )
    from .notifications import alert_opened_notify

    transaction.on_commit(lambda: alert_opened_notify(alert_id=alert.pk))
    return alert


def _alert_update(alert: Alert, finding: r.Finding) -> bool:
    """Add what is new to a live alert; False when the trigger brought nothing new. Only the
    finding's members are looked up: a live alert keeps growing while it is open, and reading
    all it holds on every new submission would grow with it."""
    wanted = [m[0] for m in finding.members]
    have = set(
        Alert.submissions.through.objects.filter(
            alert_id=alert.pk, submission_id__in=wanted
        ).values_list("submission_id", flat=True)
    )
    new = [pk for pk in wanted if pk not in have]
    before = (alert.observed_count, alert.expected_count, alert.p_value)
    since = _dismissed_before(alert)
    _figures(alert, finding, since=since)
    if not new and before == (alert.observed_count, alert.expected_count, alert.p_value):
        return False
    alert.updated_at = timezone.now()
    alert.save(
        update_fields=["observed_count", "expected_count", "p_value", "summary", "updated_at"]
    )
    if new:
        alert.submissions.add(*new)
    audit_record(
        actor=None,
        action="updated",
        obj=alert,
        summary=f"Alert {alert.pk} triggered again: {len(new)} more submission(s)",
        changes={"submissions_added": len(new)},
    )
    return True


def _dismissed_before(alert: Alert) -> datetime | None:
    previous = (
        Alert.objects.filter(
            fingerprint=alert.fingerprint,
            status=AlertStatus.DISMISSED,
            created_at__lt=alert.created_at,
        )
        .order_by("-created_at")
        .values_list("status_changed_at", flat=True)
        .first()
    )
    return previous


def _figures(alert: Alert, finding: r.Finding, *, since: datetime | None) -> None:
    rule = finding.rule
    alert.observed_count = len(finding.members)
    if finding.test is not None:
        alert.expected_count, alert.p_value = finding.test.expected, finding.test.p_value
    alert.summary = alert_summary(rule=rule, finding=finding, since=since)


def alert_summary(*, rule: AlertRule, finding: r.Finding, since: datetime | None = None) -> str:
    n = len(finding.members)
    submissions = f"{n} submission{'s' if n != 1 else ''}"
    if rule.kind == RuleKind.THEME_RISE and finding.test is not None:
        baseline_days = finding.baseline_days or rule.baseline_days
        text = (
            f"{finding.subject}: {finding.test.in_words()}. The previous "
            f"{baseline_days} days had {finding.baseline_count} report"
            f"{'s' if finding.baseline_count != 1 else ''}; the rule alerts when "
            f"p < {rule.alpha:g} and there are at least {rule.count} reports."
        )
    elif rule.kind == RuleKind.ENTITY:
        text = (
            f"{submissions} within {rule.days} days mention {finding.subject} "
            f"(the rule: at least {rule.count} in {rule.days} days)."
        )
    else:
        text = (
            f"{submissions} within {rule.days} days in {finding.subject} "
            f"(the rule: at least {rule.count} in {rule.days} days)."
        )
    if since is not None:
        text += (
            f" Raised again: new submissions arrived after the last alert on this was dismissed"
            f" on {timezone.localtime(since):%d %B %Y}."
        )
    return text


# Analysts' decisions --------------------------------------------------------------------------


def _analyst(user: User) -> None:
    if not user.has_role(Role.ANALYST):
        raise ValidationError("Only intelligence analysts can act on alerts.")


def _reason(reason: str, *, required: bool) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationError({"reason": "Say why you are dismissing this alert"})
    if len(reason) > 1000:
        raise ValidationError({"reason": "The reason must be 1,000 characters or fewer"})
    return reason


def _status_set(
    alert: Alert, user: User, status: str, reason: str, request: HttpRequest | None
) -> Alert:
    before = alert.status
    now = timezone.now()
    alert.status, alert.status_reason = status, reason
    alert.status_changed_by, alert.status_changed_at, alert.updated_at = user, now, now
    alert.save(
        update_fields=[
            "status",
            "status_reason",
            "status_changed_by",
            "status_changed_at",
            "updated_at",
        ]
    )
    verb = "Acknowledged" if status == AlertStatus.ACKNOWLEDGED else "Dismissed"
    audit_record(
        actor=user,
        action="updated",
        obj=alert,
        summary=f"{verb} alert {alert.pk} ({alert.rule.name})"[:300],
        changes={"status": [before, status], "reason": reason},
        request=request,
    )
    return alert


@transaction.atomic
def alert_acknowledge(
    *, alert: Alert, user: User, reason: str = "", request: HttpRequest | None = None
) -> Alert:
    """An analyst has seen it and is looking into it: it stays listed, as acknowledged."""
    _analyst(user)
    reason = _reason(reason, required=False)
    alert = Alert.objects.select_for_update().select_related("rule").get(pk=alert.pk)
    if alert.status != AlertStatus.OPEN:
        raise ValidationError(f"This alert is already {alert.get_status_display().lower()}")
    return _status_set(alert, user, AlertStatus.ACKNOWLEDGED, reason, request)


@transaction.atomic
def alert_dismiss(
    *, alert: Alert, user: User, reason: str, request: HttpRequest | None = None
) -> Alert:
    """Close an alert. Its subject is not alerted again until enough new submissions arrive
    after the dismissal to meet the rule by themselves."""
    _analyst(user)
    reason = _reason(reason, required=True)
    alert = Alert.objects.select_for_update().select_related("rule").get(pk=alert.pk)
    if alert.status == AlertStatus.DISMISSED:
        raise ValidationError("This alert is already dismissed")
    return _status_set(alert, user, AlertStatus.DISMISSED, reason, request)


# Rules ----------------------------------------------------------------------------------------


@dataclass
class RuleInput:
    name: str
    active: bool
    count: int
    days: int
    description: str = ""
    entity_kinds: list[str] | None = None
    area_type: str = ""
    baseline_days: int | None = None
    alpha: float | None = None


_RULE_FIELDS = (
    "name",
    "kind",
    "active",
    "description",
    "count",
    "days",
    "entity_kinds",
    "area_type",
    "baseline_days",
    "alpha",
)


def _rule_check(kind: str, data: RuleInput, *, exclude: int) -> None:
    errors: dict[str, str] = {}
    name = data.name.strip()
    if not name:
        errors["name"] = "Enter a name for the rule"
    elif AlertRule.objects.filter(name__iexact=name).exclude(pk=exclude).exists():
        errors["name"] = "Another rule already has this name"
    if data.count is None or not 2 <= data.count <= 10_000:
        errors["count"] = "The number of submissions must be 2 or more"
    if data.days is None or not 1 <= data.days <= 365:
        errors["days"] = "The number of days must be between 1 and 365"
    errors.update(_kind_check(kind, data))
    if errors:
        raise ValidationError(errors)


def _kind_check(kind: str, data: RuleInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if kind == RuleKind.ENTITY:
        kinds = data.entity_kinds or []
        if not kinds or any(k not in Kind.values for k in kinds):
            errors["entity_kinds"] = "Select at least one kind of entity"
    elif kind == RuleKind.AREA:
        if data.area_type not in AreaType.values:
            errors["area_type"] = "Choose a postcode sector or an LSOA"
    elif kind == RuleKind.THEME_RISE:
        if data.baseline_days is None or not 1 <= data.baseline_days <= 365:
            errors["baseline_days"] = "The baseline must be between 1 and 365 days"
        if data.alpha is None or not 0 < data.alpha < 0.2:
            errors["alpha"] = "The significance level must be more than 0 and less than 0.2"
    return errors


def _rule_values(rule: AlertRule) -> dict[str, object]:
    return {name: getattr(rule, name) for name in _RULE_FIELDS}


def _rule_fill(rule: AlertRule, data: RuleInput) -> None:
    rule.name, rule.active = data.name.strip(), data.active
    rule.description, rule.count, rule.days = data.description.strip(), data.count, data.days
    rule.entity_kinds = list(data.entity_kinds or []) if rule.kind == RuleKind.ENTITY else []
    rule.area_type = data.area_type if rule.kind == RuleKind.AREA else ""
    theme = rule.kind == RuleKind.THEME_RISE
    rule.baseline_days = data.baseline_days if theme else None
    rule.alpha = data.alpha if theme else None
    rule.updated_at = timezone.now()


@transaction.atomic
def alert_rule_update(
    *, rule: AlertRule, actor: User, data: RuleInput, request: HttpRequest | None = None
) -> AlertRule:
    """Change a rule's name, thresholds or whether it is on. Alerts already raised stay."""
    rule = AlertRule.objects.select_for_update().get(pk=rule.pk)
    _rule_check(rule.kind, data, exclude=rule.pk)
    before = _rule_values(rule)
    _rule_fill(rule, data)
    rule.save()
    changes = diff(before, _rule_values(rule))
    if changes:
        audit_record(
            actor=actor,
            action="updated",
            obj=rule,
            summary=f"Changed the alert rule '{rule.name}'"[:300],
            changes=changes,
            request=request,
        )
    return rule


# A new rule starts from the thresholds of the shipped rule of its kind (docs/alerts.md): the
# values of migrations/0002_default_rules.py, which stays frozen and so is not imported here.
RULE_DEFAULTS: dict[str, dict[str, object]] = {
    RuleKind.ENTITY: {
        "count": 3,
        "days": 30,
        "entity_kinds": [k for k in Kind.values if k != Kind.POSTCODE],
    },
    RuleKind.AREA: {"count": 4, "days": 14, "area_type": AreaType.SECTOR},
    RuleKind.THEME_RISE: {"count": 3, "days": 28, "baseline_days": 182, "alpha": 0.01},
}


def alert_rule_new(*, kind: str) -> AlertRule:
    """An unsaved rule of `kind` with the shipped thresholds, for the form to start from."""
    if kind not in RuleKind.values:
        raise ValidationError({"kind": "Choose an entity, area or theme rule"})
    return AlertRule(kind=kind, **RULE_DEFAULTS[kind])


@transaction.atomic
def alert_rule_create(
    *, kind: str, actor: User, data: RuleInput, request: HttpRequest | None = None
) -> AlertRule:
    """Add a rule (a second entity rule with a shorter window, a rule for vehicles only ...).
    It applies to the submissions that arrive from then on."""
    rule = alert_rule_new(kind=kind)
    _rule_check(kind, data, exclude=0)
    _rule_fill(rule, data)
    try:
        with transaction.atomic():
            rule.save()
    except IntegrityError:  # the same name, added a moment ago by another administrator
        raise ValidationError({"name": "Another rule already has this name"}) from None
    audit_record(
        actor=actor,
        action="created",
        obj=rule,
        summary=f"Added the alert rule '{rule.name}'"[:300],
        changes=diff({}, _rule_values(rule)),
        request=request,
    )
    return rule
