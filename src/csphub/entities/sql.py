"""Every hand-written SQL statement of connected intelligence, behind named functions."""

from __future__ import annotations

from django.db import connection


def plans_serial() -> None:
    """No parallel plans for the rest of the current transaction (PostgreSQL; elsewhere
    nothing). Linking runs small queries, but their estimates at a million mentions (the
    person candidates of a name block) can tip the planner into a parallel plan, whose start-up
    costs more than the query: 25 ms against 8 ms measured by benchmarks/link.py."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
