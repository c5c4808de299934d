"""Two-factor enforcement and the idle session timeout."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

# Paths a half-signed-in user (password given, second factor not yet) may still reach.
# Only the sign-in steps themselves: the administration pages under /account/ are not exempt.
# The API authenticates by bearer token, not by this session.
_TWO_FACTOR_EXEMPT_PREFIXES = (
    "/account/sign-in",
    "/account/sign-out",
    "/account/two-factor/",
    "/account/invitation/",
    "/static/",
    "/healthz",
    "/api/",
)


def _with_next(url: str, request) -> str:
    return f"{url}?{urlencode({'next': request.get_full_path()})}"


def two_factor_satisfied(user) -> bool:
    if not user.requires_2fa:
        return True
    if user.is_verified():
        return True
    return bool(settings.CSPHUB_RELAX_2FA_FOR_DEMO and user.is_demo)


class TwoFactorRequiredMiddleware:
    """Analysts and administrators must confirm a one-time code before using the service."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(_TWO_FACTOR_EXEMPT_PREFIXES)
            and not two_factor_satisfied(user)
        ):
            from django_otp import devices_for_user

            if any(True for _ in devices_for_user(user, confirmed=True)):
                return redirect(_with_next(reverse("accounts:two_factor_verify"), request))
            return redirect(_with_next(reverse("accounts:two_factor_setup"), request))
        return self.get_response(request)


class IdleTimeoutMiddleware:
    """Ends a session after SESSION_IDLE_TIMEOUT seconds without a request."""

    KEY = "last_activity"
    # Refresh the stored time at most this often, to spare a session write on every request.
    WRITE_INTERVAL = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and hasattr(request, "session"):
            now = int(time.time())
            last = request.session.get(self.KEY)
            if last is not None and now - last > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                messages.info(
                    request,
                    "You were signed out because you were inactive. Sign in again to continue.",
                )
                return redirect(_with_next(reverse("accounts:login"), request))
            if last is None or now - last >= self.WRITE_INTERVAL:
                request.session[self.KEY] = now
        return self.get_response(request)
