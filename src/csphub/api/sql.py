"""Every hand-written SQL statement of the API, behind named functions.

One: the look-up of a bearer token, run on every request, so it is prepared on PostgreSQL
(csphub.core.sql.fetch_all; docs/adr/0005).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from django.db import connection

from csphub.accounts.models import User, UserRole
from csphub.core.sql import fetch_all, instance_from_row, select_columns

from .models import ApiToken

_USER_COLUMNS = len(User._meta.concrete_fields)


@dataclass(frozen=True)
class TokenOwner:
    user: User  # not yet given its roles
    roles: frozenset[str]
    token_id: int
    stale: bool  # the token's last use was recorded at or before `stale_before`, or never


def token_owner(*, token_hash: str, stale_before: datetime) -> TokenOwner | None:
    """The active user holding the live (unrevoked) token with this hash, with their roles, in
    one indexed query (a row per role); None if there is no such token."""
    rows = fetch_all(_token_owner_sql(), [stale_before, token_hash])
    if not rows:
        return None
    token_id, _, stale = rows[0][_USER_COLUMNS:]
    return TokenOwner(
        user=instance_from_row(User, rows[0]),
        roles=frozenset(
            row[_USER_COLUMNS + 1] for row in rows if row[_USER_COLUMNS + 1] is not None
        ),
        token_id=token_id,
        stale=bool(stale),
    )


@lru_cache(maxsize=1)
def _token_owner_sql() -> str:
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
