"""Reference numbers like CIP-2026-000123: unique, never reused, sequential per year.

The counter row is incremented by one atomic UPSERT inside the submission's transaction. The
database serialises concurrent increments on that row (a row lock on PostgreSQL, the write lock
on SQLite), and if the submission rolls back so does its number: no duplicates and no gaps.
"""

from django.db import connection

from .models import ReferenceCounter

PREFIX = "CIP"


def format_reference(year: int, sequence: int) -> str:
    return f"{PREFIX}-{year}-{sequence:06d}"


def allocate_reference(year: int) -> str:
    """Take the next number for `year`. Must be called inside transaction.atomic()."""
    if not connection.in_atomic_block:
        raise RuntimeError("allocate_reference must run inside the submission's transaction")
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (year, last_value) VALUES (%s, 1) "
            f"ON CONFLICT (year) DO UPDATE SET last_value = {table}.last_value + 1 "
            "RETURNING last_value",
            [year],
        )
        (sequence,) = cursor.fetchone()
    return format_reference(year, sequence)


def next_reference_cte(year: int) -> tuple[str, list, str, list]:
    """For PostgreSQL's one-statement submission insert (services._store_in_one_statement): a
    common table expression `next_reference` that takes the next number for `year` with the same
    UPSERT as allocate_reference, and the SQL expression of the formatted reference (each with
    its parameters).

    The statement is atomic by itself: if any part of it fails, the number is given back.
    """
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    cte = (
        f"next_reference AS (INSERT INTO {table} (year, last_value) VALUES (%s, 1) "
        f"ON CONFLICT (year) DO UPDATE SET last_value = {table}.last_value + 1 RETURNING last_value)"
    )
    # format_reference in SQL: at least six digits, zero-padded, never truncated.
    expression = (
        "(SELECT %s || lpad(last_value::text, greatest(6, length(last_value::text)), '0') "
        "FROM next_reference)"
    )
    return cte, [year], expression, [f"{PREFIX}-{year}-"]
