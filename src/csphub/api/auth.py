"""Bearer-token authentication for API v1.

`Authorization: Bearer <token>`. Only the SHA-256 hash of a token is stored (ApiToken), so the
lookup is by hash. Revoked tokens and inactive users are refused as if the token did not exist
(401). An endpoint may also demand a role: a valid token whose user lacks it gets 403.
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache

from django.db import connection
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthorizationError
from ninja.security import HttpBearer

from csphub.accounts.models import User, UserRole
from csphub.core.roles import Role
from csphub.core.sql import fetch_all, instance_from_row, select_columns

from .models import ApiToken, hash_token

# Record a token's use at most this often, to spare a database write on every request.
LAST_USED_INTERVAL = timedelta(minutes=1)

# Issued tokens are "csp_" + 43 characters; anything far longer is not one of ours.
_MAX_TOKEN_LENGTH = 200


def user_for_token(token: str) -> User | None:
    """The active user a live (unrevoked) token belongs to, or None."""
    token = (token or "").strip()
    if not token or len(token) > _MAX_TOKEN_LENGTH:
        return None
    # One indexed query per request finds the token, its user and the user's roles (a row per
    # role), so revoking a token or deactivating a user takes effect on the very next request.
    now = timezone.now()
    rows = fetch_all(_lookup_sql(), [now - LAST_USED_INTERVAL, hash_token(token)])
    if not rows:
        return None
    user = instance_from_row(User, rows[0])
    token_id, _, stale = rows[0][_USER_COLUMNS:]
    # What User.role_set would otherwise ask the database for.
    user.__dict__["role_set"] = frozenset(
        row[_USER_COLUMNS + 1] for row in rows if row[_USER_COLUMNS + 1] is not None
    )
    if stale:
        _note_use(token_id, now)
    return user


_USER_COLUMNS = len(User._meta.concrete_fields)


@lru_cache(maxsize=1)
def _lookup_sql() -> str:
    q = connection.ops.quote_name
    token_table, user_table = q(ApiToken._meta.db_table), q(User._meta.db_table)
    role_table = q(UserRole._meta.db_table)
    return (
        f"SELECT {select_columns(User, 'u')}, t.{q('id')}, r.{q('role')}, "
        f"(t.{q('last_used_at')} IS NULL OR t.{q('last_used_at')} <= %s) "
        f"FROM {token_table} t JOIN {user_table} u ON u.{q('id')} = t.{q('user_id')} "
        f"LEFT JOIN {role_table} r ON r.{q('user_id')} = u.{q('id')} "
        f"WHERE t.{q('token_hash')} = %s AND t.{q('revoked_at')} IS NULL AND u.{q('is_active')}"
    )


def _note_use(token_id: int, now) -> None:
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
