"""Every raw SQL statement of the performance app, behind named functions.

The importers and the KPI computation write hundreds of thousands of rows, more than the ORM's
bulk_create carries cheaply. On PostgreSQL each batch is one `INSERT ... SELECT FROM unnest`
(csphub.core.sql.insert_rows: one array per column, values converted by the model's fields);
elsewhere (SQLite) a plain multi-row INSERT with the names quoted by the connection.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import islice
from typing import Any

from django.db import connection, models
from django.db.models.fields import Field

from csphub.core.sql import insert_rows

from .models import CrimeCount, KpiResult

INSERT_BATCH = 5_000


def value_columns(model: type[models.Model]) -> list[str]:
    """The model's columns a row gives, in field order (the automatic key is the database's)."""
    return [f.attname for f in _value_fields(model)]


def _value_fields(model: type[models.Model]) -> list[Field]:
    meta = model._meta
    return [f for f in meta.local_concrete_fields if f is not meta.auto_field]


def crime_counts_insert(rows: Iterable[Sequence[Any]]) -> int:
    """Rows of (month, lsoa_code, category, count); returns how many were written."""
    return _bulk_insert(CrimeCount, rows)


def kpi_results_insert(rows: Iterable[Sequence[Any]]) -> int:
    """Rows holding every KpiResult column in `value_columns(KpiResult)` order."""
    return _bulk_insert(KpiResult, rows)


def _bulk_insert(model: type[models.Model], rows: Iterable[Sequence[Any]]) -> int:
    columns = value_columns(model)
    total = 0
    with connection.cursor() as cursor:
        for batch in _batches(rows):
            if connection.vendor == "postgresql":
                sql, arrays = insert_rows(
                    model, [dict(zip(columns, row, strict=True)) for row in batch]
                )
                cursor.execute(sql, arrays)
            else:
                cursor.executemany(_values_statement(model), batch)
            total += len(batch)
    return total


def _batches(rows: Iterable[Sequence[Any]]) -> Iterator[list[Sequence[Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, INSERT_BATCH)):
        yield batch


@cache
def _values_statement(model: type[models.Model]) -> str:
    q = connection.ops.quote_name
    fields = _value_fields(model)
    columns = ", ".join(q(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    return f"INSERT INTO {q(model._meta.db_table)} ({columns}) VALUES ({placeholders})"
