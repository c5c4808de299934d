"""Background work for community intelligence, run by the worker (`csphub db_worker`).

A new submission's own follow-up (urgent alert, acknowledgement, the apps that follow it) is
one task, in follow_up.py."""

from __future__ import annotations

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(subject: str, body: str, recipients: list[str]) -> int:
    return send_mail(
        subject=subject,
        message=body,
        from_email=None,
        recipient_list=recipients,
        fail_silently=False,
    )
