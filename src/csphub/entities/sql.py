"""Every hand-written SQL statement of connected intelligence, behind named functions."""

from __future__ import annotations

from datetime import date

from django.db import connection


def plans_serial() -> None:
    """No parallel plans for the rest of the current transaction (PostgreSQL; elsewhere
    nothing). Linking runs small queries, but their estimates at a million mentions (the
    person candidates of a name block) can tip the planner into a parallel plan, whose start-up
    costs more than the query: 25 ms against 8 ms measured by benchmarks/link.py."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")


def person_candidates(
    *, entity_ids: list[int], other_than: int, at_most: int
) -> list[tuple[int, str, int | None, date | None, date]]:
    """(submission id, name as written, age, date of birth, day the report was received) of the
    newest `at_most` mentions of `entity_ids` outside submission `other_than`, newest first.

    PostgreSQL: each entity's newest mentions from the (entity, submission) index, then the
    newest of those. Asked as one `entity_id IN (...) ORDER BY submission_id DESC LIMIT`, the
    planner walks every mention newest first looking for the block's, which at a million
    reports took 150 to 440 ms for a block with few mentions (benchmarks/link.py)."""
    if not entity_ids:
        return []
    if connection.vendor != "postgresql":
        from .models import Mention

        return list(
            Mention.objects.filter(entity_id__in=entity_ids)
            .exclude(submission_id=other_than)
            .values_list("submission_id", "text", "age", "date_of_birth", "seen_on")
            .order_by("-submission_id")[:at_most]
        )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT m.submission_id, m.text, m.age, m.date_of_birth, m.seen_on"
            " FROM unnest(%s::bigint[]) AS e(id) CROSS JOIN LATERAL ("
            "  SELECT m.submission_id, m.text, m.age, m.date_of_birth, m.seen_on"
            "  FROM entities_mention m WHERE m.entity_id = e.id AND m.submission_id <> %s"
            "  ORDER BY m.submission_id DESC LIMIT %s"
            " ) AS m ORDER BY m.submission_id DESC LIMIT %s",
            [list(entity_ids), other_than, at_most, at_most],
        )
        return cursor.fetchall()
