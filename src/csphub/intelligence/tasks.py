"""Background work for community intelligence, run by the worker (`csphub db_worker`)."""

from __future__ import annotations

from django.core.mail import send_mail
from django_tasks import task

from . import notifications


@task()
def send_urgent_alert(submission_id: int) -> list[str]:
    return notifications.urgent_alert_send(submission_id=submission_id)


@task()
def send_email(subject: str, body: str, recipients: list[str]) -> int:
    return send_mail(
        subject=subject,
        message=body,
        from_email=None,
        recipient_list=recipients,
        fail_silently=False,
    )
