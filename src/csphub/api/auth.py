"""Bearer-token authentication for API v1.

`Authorization: Bearer <token>`. Only the SHA-256 hash of a token is stored (ApiToken), so the
lookup is by hash. Revoked tokens and inactive users are refused as if the token did not exist
(401). An endpoint may also demand a role: a valid token whose user lacks it gets 403.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthorizationError
from ninja.security import HttpBearer

from csphub.accounts.models import User
from csphub.core.orm import instance_set_cached
from csphub.core.roles import Role

from .models import ApiToken, hash_token
from .sql import token_owner

# Record a token's use at most this often, to spare a database write on every request.
LAST_USED_INTERVAL = timedelta(minutes=1)

# Issued tokens are "csp_" + 43 characters; anything far longer is not one of ours.
_MAX_TOKEN_LENGTH = 200


def user_for_token(token: str) -> User | None:
    """The active user a live (unrevoked) token belongs to, or None."""
    token = (token or "").strip()
    if not token or len(token) > _MAX_TOKEN_LENGTH:
        return None
    # One indexed query per request finds the token, its user and the user's roles, so revoking
    # a token or deactivating a user takes effect on the very next request.
    now = timezone.now()
    owner = token_owner(token_hash=hash_token(token), stale_before=now - LAST_USED_INTERVAL)
    if owner is None:
        return None
    # What User.role_set would otherwise ask the database for.
    instance_set_cached(owner.user, "role_set", owner.roles)
    if owner.stale:
        _note_use(owner.token_id, now)
    return owner.user


def _note_use(token_id: int, now: datetime) -> None:
    # Conditional, so concurrent requests in the same minute write once between them.
    stale = now - LAST_USED_INTERVAL
    ApiToken.objects.filter(pk=token_id).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lte=stale)
    ).update(last_used_at=now)


class ApiTokenAuth(HttpBearer):
    """Any live token; with `roles`, only users holding one of them (others get 403)."""

    def __init__(self, *roles: str) -> None:
        self.roles = frozenset(roles)
        super().__init__()

    def __call__(self, request: HttpRequest) -> User | None:
        # Parsed here rather than by HttpBearer, which in DEBUG logs a header it does not
        # understand: that could be a token sent without "Bearer ".
        scheme, _, token = request.headers.get(self.header, "").partition(" ")
        if scheme.lower() != "bearer":
            return None
        return self.authenticate(request, token)

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token)
        if user is None:
            return None
        if self.roles and not user.has_role(*self.roles):
            names = " or ".join(sorted(Role(role).label.lower() for role in self.roles))
            raise AuthorizationError(message=f"Only users with the {names} role can do this.")
        return user
