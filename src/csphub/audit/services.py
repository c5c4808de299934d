"""Recording to the audit trail. There is deliberately no update or delete here."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from .models import AuditEvent


def _object_id(obj: models.Model) -> str:
    return str(getattr(obj, "reference", None) or obj.pk)


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if isinstance(value, models.Model):
        return str(value)
    return str(value)


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [before, after]} for the fields whose value changed."""
    return {
        key: [_jsonable(before.get(key)), _jsonable(after.get(key))]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def client_ip(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    return request.META.get("REMOTE_ADDR", "")[:45]


def audit_record(**fields) -> AuditEvent:
    """Record an event now; takes audit_event()'s keyword arguments."""
    event = audit_event(**fields)
    event.save()
    return event


def audit_event(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    summary: str = "",
    changes: dict | None = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """The event audit_record() would record, not yet saved: for a service that writes it in the
    same statement as the change itself (intelligence.services, on PostgreSQL)."""
    if obj is not None:
        object_type = object_type or obj._meta.model_name or ""
        object_id = object_id or _object_id(obj)
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent(
        actor=actor if authenticated else None,
        actor_username=actor.get_username() if authenticated else "",
        action=action,
        object_type=object_type,
        object_id=object_id,
        summary=summary[:300],
        changes=changes or {},
        ip_address=client_ip(request),
    )
