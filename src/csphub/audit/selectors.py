"""Reads of the audit trail. Only administrators may see it (the views say so)."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from .models import AuditEvent


def audit_events(
    *,
    actor_username: str = "",
    action: str = "",
    object_type: str = "",
    object_id: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEvent]:
    """Audit events, newest first, narrowed by any filters given.

    Usernames, object types and object ids match whole values, ignoring case, so
    "CIP-2026-000123" finds that submission and not CIP-2026-0001234. Dates are inclusive and
    in the service's time zone.
    """
    events = AuditEvent.objects.all()
    if actor_username.strip():
        events = events.filter(actor_username__iexact=actor_username.strip())
    if action:
        events = events.filter(action=action)
    if object_type.strip():
        events = events.filter(object_type__iexact=object_type.strip())
    if object_id.strip():
        events = events.filter(object_id__iexact=object_id.strip())
    if date_from:
        events = events.filter(at__date__gte=date_from)
    if date_to:
        events = events.filter(at__date__lte=date_to)
    return events.order_by("-at", "-id")


def audit_object_types() -> list[str]:
    """The kinds of object the trail mentions, for the filter's list."""
    return list(
        AuditEvent.objects.order_by("object_type").values_list("object_type", flat=True).distinct()
    )


# What each kind of record is called on the page (the trail keeps the short name).
RECORD_TYPES = {
    "submission": "Submission",
    "message": "Message on a submission",
    "analyst_note": "Analyst note",
    "user": "User account",
    "organisation": "Organisation",
    "invitation": "Invitation",
    "supportservice": "Support service",
    "theme": "Theme",
    "apitoken": "API token",
    "sanitisedversion": "Sanitised version",
    "audit": "Audit trail",
    "import": "Data import",
}


def record_type_label(object_type: str) -> str:
    return RECORD_TYPES.get(object_type, object_type.replace("_", " ").capitalize())
