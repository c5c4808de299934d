"""The analysts' alerts banner: how many alerts are open, on every page (one count query)."""

from __future__ import annotations

from django.http import HttpRequest

from csphub.core.roles import Role


def open_alerts(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_role(Role.ANALYST):
        return {}
    from .selectors import open_alert_count

    return {"open_alert_count": open_alert_count()}
