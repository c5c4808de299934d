"""Telling analysts that an alert has opened. The email names the rule and the references and
links to the alert; it never carries what the reports say, nor the entity, person or place an
alert is about (those stay in the portal)."""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from csphub.accounts.selectors import analysts_for_digest, analysts_to_alert
from csphub.intelligence.tasks import send_email

from .models import Alert, AlertStatus, RuleKind


def alert_link(alert_id: int) -> str:
    return settings.CSPHUB_BASE_URL.rstrip("/") + reverse("alerts:detail", args=[alert_id])


def alert_opened_notify(*, alert_id: int) -> list[str]:
    """Queue one email per analyst who should hear of a new alert: those on duty for its
    district (accounts.selectors.analysts_to_alert), or every analyst when it has none."""
    alert = (
        Alert.objects.select_related("rule", "district")
        .filter(pk=alert_id, status=AlertStatus.OPEN)
        .first()
    )
    if alert is None:
        return []
    if alert.district_id is not None:
        people = analysts_to_alert(district_id=alert.district_id)
    else:
        people = analysts_for_digest()
    recipients = [u.email for u in people if u.email]
    subject, body = alert_email(alert)
    for address in recipients:
        transaction.on_commit(partial(send_email.enqueue, subject, body, [address]))
    return recipients


def alert_email(alert: Alert) -> tuple[str, str]:
    references = list(alert.submissions.order_by("created_at").values_list("reference", flat=True))
    rule = alert.rule
    lines = [
        f"A new alert has opened under the rule '{rule.name}' ({rule.get_kind_display().lower()}).",
        "",
        f"Submissions it concerns ({len(references)}):",
        *[f"- {reference}" for reference in references],
    ]
    if rule.kind == RuleKind.THEME_RISE and alert.district is not None:
        lines += ["", f"District: {alert.district.name}"]
    lines += [
        "",
        "Open the alert in the portal to see what it is about, acknowledge or dismiss it:",
        alert_link(alert.pk),
        "",
        "This email lists references only; read the reports in the portal.",
    ]
    return f"Alert: {rule.name} ({len(references)} reports)", "\n".join(lines)
