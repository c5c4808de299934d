"""Building an INSERT from unsaved model instances, for the few hot paths that write several
tables in one statement (see intelligence.services._store_in_one_statement).

Columns and values come from the model exactly as Model.save() or bulk_create() would write
them: defaults, `auto_now` and each field's conversion for the database. A column may be given
an SQL expression instead of a value, e.g. the id of a row inserted earlier in the statement.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models


def insert_sql(
    objs: Sequence[models.Model],
    *,
    expressions: dict[str, str | tuple[str, list]] | None = None,
    returning: Sequence[str] = (),
) -> tuple[str, list]:
    """`INSERT INTO table (columns) VALUES (...), ... [RETURNING ...]` and its parameters.

    `expressions` maps a field's attname (e.g. "submission_id") to SQL used for it in every row,
    or to (SQL, its parameters).
    The automatic primary key is left to the database.
    """
    expressions = expressions or {}
    meta = objs[0]._meta
    fields = [f for f in meta.local_concrete_fields if f is not meta.auto_field]
    quote = connection.ops.quote_name
    params: list = []
    rows = []
    for obj in objs:
        row = []
        for field in fields:
            if field.attname in expressions:
                expression = expressions[field.attname]
                if isinstance(expression, tuple):
                    expression, expression_params = expression
                    params.extend(expression_params)
                row.append(expression)
            else:
                row.append("%s")
                params.append(
                    field.get_db_prep_save(field.pre_save(obj, True), connection=connection)
                )
        rows.append(f"({', '.join(row)})")
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES {', '.join(rows)}"
    )
    if returning:
        sql += " RETURNING " + ", ".join(quote(meta.get_field(name).column) for name in returning)
    return sql, params
