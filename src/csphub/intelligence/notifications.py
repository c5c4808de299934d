"""Telling analysts about new work: the urgent alert, the portal's banner and the daily digest.

Emails say what a report is (reference, district, themes, why it was flagged) and link to the
portal; they never carry what the submitter wrote. Sending happens in the background worker
(intelligence/tasks.py); these functions decide who and what.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from csphub.accounts.selectors import analysts_for_digest, analysts_to_alert

from .models import DigestRun, Status, Submission


def _link(name: str, *args: str) -> str:
    return settings.CSPHUB_BASE_URL.rstrip("/") + reverse(name, args=args)


def _reasons_without_wording(submission: Submission) -> list[str]:
    # "someone is being attacked (“getting battered … right now”)" -> "someone is being attacked":
    # the submitter's words stay in the portal.
    return [reason.split(" (“")[0] for reason in submission.urgent_reasons.split("; ") if reason]


def urgent_alert_send(*, submission_id: int) -> list[str]:
    """Email the analysts who should know about an urgent report now; return their addresses."""
    submission = (
        Submission.objects.select_related("district")
        .prefetch_related("themes")
        .filter(pk=submission_id, urgent=True)
        .first()
    )
    if submission is None:
        return []
    recipients = [u.email for u in analysts_to_alert(district_id=submission.district_id) if u.email]
    if not recipients:
        return []
    district = submission.district.name if submission.district else "district not known"
    received = timezone.localtime(submission.created_at)
    reasons = "; ".join(_reasons_without_wording(submission)) or "flagged urgent"
    send_mail(
        subject=f"URGENT report {submission.reference} ({district})",
        message=(
            f"An urgent report has just arrived and has not yet been assigned.\n\n"
            f"Reference: {submission.reference}\n"
            f"District: {district}\n"
            f"Themes: {', '.join(t.name for t in submission.themes.all())}\n"
            f"Received: {received:%d %B %Y, %H:%M}\n"
            f"Flagged because: {reasons}\n\n"
            "The submitter was told to call 999. Open it in the portal and assign it:\n"
            f"{_link('intelligence:triage_detail', submission.reference)}\n"
        ),
        from_email=None,
        recipient_list=recipients,
        fail_silently=False,
    )
    return recipients


def urgent_waiting() -> list[Submission]:
    """Urgent reports nobody has picked up yet, newest first (the analysts' banner)."""
    return list(
        Submission.objects.select_related("district")
        .filter(urgent=True, assigned_to__isnull=True)
        .exclude(status=Status.CLOSED)
        .order_by("-created_at")[:5]
    )


@dataclass(frozen=True)
class DigestResult:
    run: DigestRun | None
    submissions: int
    recipients: list[str]
    skipped: str = ""  # why nothing was sent


def digest_send(*, now: datetime | None = None, force: bool = False) -> DigestResult:
    """Send the digest of reports received since the last one (or in the last day).

    Run once a day (cron or a timer: `csphub send-digest`). Running it again on the same day
    does nothing unless forced, so a repeated timer cannot send it twice."""
    now = now or timezone.now()
    with transaction.atomic():
        last = DigestRun.objects.select_for_update().order_by("-covered_to").first()
        if last and not force and timezone.localdate(last.sent_at) == timezone.localdate(now):
            return DigestResult(
                run=None,
                submissions=0,
                recipients=[],
                skipped=(
                    f"a digest was already sent today at {timezone.localtime(last.sent_at):%H:%M}"
                ),
            )
        start = last.covered_to if last else now - timedelta(days=1)
        new = list(
            Submission.objects.select_related("district")
            .prefetch_related("themes")
            .filter(created_at__gte=start, created_at__lt=now)
            .order_by("created_at")
        )
        waiting = list(
            Submission.objects.select_related("district")
            .prefetch_related("themes")
            .filter(assessed_at__isnull=True, target_at__lt=now)
            .exclude(status=Status.CLOSED)
            .order_by("target_at")
        )
        recipients = [u.email for u in analysts_for_digest()]
        run = DigestRun.objects.create(
            sent_at=now,
            covered_from=start,
            covered_to=now,
            recipients=len(recipients),
            submissions=len(new),
        )
        if recipients:
            body = _digest_body(new, waiting, start, now)
            subject = f"Daily digest: {len(new)} new report{'s' if len(new) != 1 else ''}" + (
                f", {len(waiting)} overdue" if waiting else ""
            )
            from .tasks import send_email

            for address in recipients:
                transaction.on_commit(partial(send_email.enqueue, subject, body, [address]))
    return DigestResult(run=run, submissions=len(new), recipients=recipients)


def _digest_body(
    new: list[Submission], overdue: list[Submission], start: datetime, end: datetime
) -> str:
    def line(s: Submission) -> str:
        flags = " URGENT" if s.urgent else ""
        district = s.district.name if s.district else "district not known"
        themes = ", ".join(t.name for t in s.themes.all())
        target = (
            f", assess by {timezone.localtime(s.target_at):%a %d %b %H:%M}" if s.target_at else ""
        )
        return f"- {s.reference}{flags}: {district}{'; ' + themes if themes else ''}{target}"

    parts = [
        f"Reports received from {timezone.localtime(start):%d %B %H:%M} to "
        f"{timezone.localtime(end):%d %B %H:%M}: {len(new)}."
    ]
    if new:
        parts += ["", *[line(s) for s in new]]
    if overdue:
        parts += [
            "",
            f"Past their target and not yet assessed: {len(overdue)}.",
            *[
                f"- {s.reference}: target was {timezone.localtime(s.target_at):%a %d %b %H:%M}"
                for s in overdue
            ],
        ]
    parts += [
        "",
        f"The queue: {_link('intelligence:queue')}",
        "This email lists references only; read the reports in the portal.",
    ]
    return "\n".join(parts)
