"""Every hand-written SQL statement of community intelligence, behind named functions.

Two: taking the next reference number of a year (ADR 0002), and PostgreSQL's one-statement
submission insert (ADR 0005), which takes that number too, from inside the statement, and
queues the submission's follow-up task in the same commit (ADR 0008). Column
lists and value conversion come from the models through csphub.core.sql.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, models, transaction

from csphub.audit.models import AuditEvent
from csphub.core.sql import counter_upsert, insert_row, insert_rows, prepared_cursor

from .models import ReferenceCounter, Submission


def _counter_upsert() -> str:
    return counter_upsert(ReferenceCounter)


def reference_counter_next(year: int) -> int:
    """Increment `year`'s counter row (creating it at 1) and return its new value. The row stays
    locked to the end of the caller's transaction."""
    with connection.cursor() as cursor:
        cursor.execute(_counter_upsert(), [year])
        row = cursor.fetchone()
    assert row is not None  # an UPSERT ... RETURNING always returns its row
    return int(row[0])


def _next_reference_cte(year: int, prefix: str) -> tuple[str, list[Any], str, list[Any]]:
    """A common table expression `next_reference` that takes the next number for `year` with
    the same UPSERT as reference_counter_next, and the SQL expression of the formatted reference
    (references.format_reference in SQL: `prefix` and at least six digits, zero-padded, never
    truncated), each with its parameters."""
    cte = f"next_reference AS ({_counter_upsert()})"
    expression = (
        "(SELECT %s || lpad(last_value::text, greatest(6, length(last_value::text)), '0') "
        "FROM next_reference)"
    )
    return cte, [year], expression, [prefix]


_NEW_ID = "(SELECT id FROM new_submission)"


@dataclass(frozen=True)
class SubmissionRows:
    """What the one-statement insert writes besides the submission row itself: rows of each
    child model (attname to value; `submission_id` is filled in by the statement) and the audit
    event, whose object_id becomes the new reference."""

    children: Sequence[tuple[type[models.Model], Sequence[Mapping[str, Any]]]]
    audit: AuditEvent
    # The follow-up task's queue row (intelligence/follow_up.py) and its `notify` argument; its
    # other argument, the new submission's id, is filled in here.
    follow_up: tuple[models.Model, bool] | None = None


# The task's arguments as DatabaseBackend.enqueue stores them: {"args": [id, notify], ...}.
_FOLLOW_UP_ARGS = (
    "jsonb_build_object('args', jsonb_build_array((SELECT id FROM new_submission), %s::boolean),"
    " 'kwargs', '{}'::jsonb)"
)


def submission_insert_statement(
    submission: Submission, rows: SubmissionRows, *, year: int, reference_prefix: str
) -> tuple[str, list[Any]]:
    """The statement and its parameters. Its text depends only on the models, never on the
    values or the number of child rows, so each connection prepares it once."""
    reference_cte, reference_params, reference_sql, reference_expression_params = (
        _next_reference_cte(year, reference_prefix)
    )
    sql, values = insert_row(
        submission, expressions={"reference": reference_sql}, returning=("id", "reference")
    )
    parts = [reference_cte, f"new_submission AS ({sql})"]
    params: list[Any] = [*reference_params, *reference_expression_params, *values]
    for n, (model, child_rows) in enumerate(rows.children):
        sql, columns = insert_rows(model, child_rows, expressions={"submission_id": _NEW_ID})
        parts.append(f"part_{n} AS ({sql})")
        params += columns
    sql, values = insert_row(
        rows.audit, expressions={"object_id": "(SELECT reference FROM new_submission)"}
    )
    parts.append(f"audit AS ({sql})")
    params += values
    if rows.follow_up is not None:
        task_row, notify = rows.follow_up
        sql, values = insert_row(task_row, expressions={"args_kwargs": _FOLLOW_UP_ARGS})
        parts.append(f"follow_up AS ({sql})")
        params += [notify, *values]
    statement = "WITH " + ", ".join(parts) + " SELECT id, reference FROM new_submission"
    return statement, params


def submission_insert(
    submission: Submission, rows: SubmissionRows, *, year: int, reference_prefix: str
) -> tuple[int, str]:
    """PostgreSQL: write the submission, `rows` and the next reference number of `year` in one
    statement, prepared once per connection; return the new id and reference. The statement is
    atomic by itself: if any part fails (a repeated idempotency key, say), all of it is undone,
    its reference number included."""
    statement, params = submission_insert_statement(
        submission, rows, year=year, reference_prefix=reference_prefix
    )
    with prepared_cursor() as cursor:
        if connection.in_atomic_block:
            # Inside a caller's transaction: a savepoint, so a refused insert leaves it usable.
            with transaction.atomic():
                cursor.execute(statement, params)
                row = cursor.fetchone()
        else:
            cursor.execute(statement, params)
            row = cursor.fetchone()
    assert row is not None  # the statement always returns the row it inserted
    return int(row[0]), str(row[1])
