"""Deny by default: every view states who may use it.

Each view is wrapped by exactly one of `public`, `signed_in` or `role_required`; the test
suite walks the URL configuration and fails on any view that states nothing. A page or a
record the user may not use answers 404 (selectors scope querysets), not 403, so its existence
is not revealed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest

ACCESS_ATTRIBUTE = "csphub_access"


def _mark(view: Callable, access: str) -> Callable:
    setattr(view, ACCESS_ATTRIBUTE, access)
    return view


def public(view: Callable) -> Callable:
    """Reachable without signing in (sign-in pages, health check)."""
    return _mark(view, "public")


def signed_in(view: Callable) -> Callable:
    """Any signed-in user, whatever their role."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return _mark(wrapper, "signed_in")


def role_required(*roles: str) -> Callable[[Callable], Callable]:
    """Only users holding one of `roles`; anyone else signed in gets 404: what they may not use
    does not exist for them, so a reference or a page never confirms that it is there."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_role(*roles):
                raise Http404
            return view(request, *args, **kwargs)

        wrapper.csphub_roles = frozenset(roles)  # type: ignore[attr-defined]
        return _mark(wrapper, "roles")

    return decorator
