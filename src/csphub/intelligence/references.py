"""Reference numbers like CIP-2026-000123: unique, never reused, sequential per year.

The counter row is incremented by one atomic UPSERT inside the submission's transaction. The
database serialises concurrent increments on that row (a row lock on PostgreSQL, the write lock
on SQLite), and if the submission rolls back so does its number: no duplicates and no gaps.
The statements themselves are in intelligence/sql.py; PostgreSQL's one-statement submission
insert takes its number with the same UPSERT, from inside that statement.
"""

import re

from django.db import connection

from . import sql

PREFIX = "CIP"

# Six digits at least: the 1,000,000th report of a year is CIP-2026-1000000 (ADR 0002).
_REFERENCE = re.compile(rf"{PREFIX}-\d{{4}}-\d{{6,}}")


def is_reference(value: str) -> bool:
    """Whether `value` has the form of a reference (so a look-up is worth a query)."""
    return _REFERENCE.fullmatch(value) is not None


def reference_prefix(year: int) -> str:
    """What every reference of `year` starts with, before its sequence number."""
    return f"{PREFIX}-{year}-"


def format_reference(year: int, sequence: int) -> str:
    return f"{reference_prefix(year)}{sequence:06d}"


def allocate_reference(year: int) -> str:
    """Take the next number for `year`. Must be called inside transaction.atomic()."""
    if not connection.in_atomic_block:
        raise RuntimeError("allocate_reference must run inside the submission's transaction")
    return format_reference(year, sql.reference_counter_next(year))
