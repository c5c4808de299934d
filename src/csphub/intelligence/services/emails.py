"""The emails intelligence sends: a submission's acknowledgement and the note of a new message
on its thread. The intelligence itself is never put in an email, only its reference and a link.

Sent after the work commits (the services call these from transaction.on_commit); a mail
server that fails does not undo the work (fail_silently).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from ..models import Message, Submission


def portal_link(name: str, reference: str) -> str:
    """The full address of a submission's page `name` (a URL name), for an email."""
    return settings.CSPHUB_BASE_URL.rstrip("/") + reverse(name, args=[reference])


def submission_acknowledgement_send(*, submission: Submission) -> None:
    """Email the submitter the reference."""
    user = submission.submitted_by
    if not user.email:
        return
    link = portal_link("intelligence:my_submission", submission.reference)
    send_mail(
        subject=f"Intelligence received: {submission.reference}",
        message=(
            f"Dear {user.display_name},\n\n"
            f"Thank you. Your intelligence submission has been received.\n\n"
            f"Reference number: {submission.reference}\n\n"
            "What happens next: an intelligence analyst will assess it, usually within 3 working "
            "days. They may contact you through the portal if they need more information. "
            "Information may be sanitised and shared with partnership forums to identify and "
            "reduce risk.\n\n"
            f"See its progress: {link}\n\n"
            "This portal does not replace 999 or 101. If someone is in immediate danger, call 999."
        ),
        from_email=None,
        recipient_list=[user.email],
        fail_silently=True,
    )


def message_notification_send(*, message: Message) -> None:
    """Tell the other side of the thread: the originator when an analyst wrote, else the
    assigned analyst (nobody if none is assigned)."""
    submission = message.submission
    if message.from_analyst:
        recipients = [submission.submitted_by.email] if submission.submitted_by.email else []
        link = portal_link("intelligence:my_submission", submission.reference)
        text = (
            "An intelligence analyst has a question about your submission "
            f"{submission.reference}.\n\n"
            f"Read and answer it in the portal: {link}\n"
        )
    else:
        analyst = submission.assigned_to
        recipients = [analyst.email] if analyst and analyst.email else []
        link = portal_link("intelligence:triage_detail", submission.reference)
        text = (
            f"The originator has replied on {submission.reference}.\n\n"
            f"Read it in the portal: {link}\n"
        )
    if recipients:
        send_mail(
            subject=f"New message on {submission.reference}",
            message=text,
            from_email=None,
            recipient_list=recipients,
            fail_silently=True,
        )
