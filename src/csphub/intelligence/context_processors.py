"""The analysts' banner: urgent reports nobody has picked up yet, on every page."""

from __future__ import annotations

from django.http import HttpRequest

from csphub.core.roles import Role


def urgent_waiting(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_role(Role.ANALYST):
        return {}
    from .notifications import urgent_waiting as waiting

    return {"urgent_waiting": waiting()}
