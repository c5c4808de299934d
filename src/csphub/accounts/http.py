"""Typing for views behind a sign-in check (`core.permissions`): their request's user is a CSP
Hub user, never anonymous. Annotate such a view's request with `AuthenticatedHttpRequest`."""

from django.http import HttpRequest

from csphub.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User


def otp_verified(user: User) -> bool:
    """Whether this session has confirmed a two-factor code. django_otp's OTPMiddleware gives
    the request's user an `is_verified()` method, which the model's type does not declare."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified is not None and is_verified())
