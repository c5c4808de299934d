"""Hand-built SQL for the API submission path, the one place where the ORM's own cost shows
(see docs/adr/0005-submission-hot-path.md).

INSERTs: the text depends only on the model and on which columns are given as SQL expressions,
never on the values or the number of rows: several rows travel as one array parameter per
column, turned back into rows by `unnest`. Constant text is what lets PostgreSQL prepare a
statement once per connection (`prepared_cursor`) instead of parsing and planning it on every
request. Values are converted for the database by each model field, as Model.save() would:
defaults, `auto_now` (for an instance) and each field's own conversion. A column may be given
an SQL expression instead of a value, e.g. the id of a row inserted earlier in the statement;
the expressions' parameters come first in the statement's parameters, in the order given.

Reads (`fetch_all`, `instance_from_row`): a query run on every request, prepared on
PostgreSQL, and its rows made into model instances without a QuerySet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TypeVar

import psycopg
from django.db import connection, models
from django.db.models.fields import Field

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class _Statement:
    sql: str
    fields: tuple[Field, ...]  # the columns given as values, in the statement's order
    plain_types: tuple[type | None, ...]  # per field, see _plain_type


# Fields whose conversion for the database returns a value of this exact Python type (or
# None) unchanged, so it can be skipped: half the cost of building a submission's parameters.
# Anything else (dates, JSON, subclasses that may convert) goes through the field.
_PLAIN = {
    models.CharField: str,
    models.TextField: str,
    models.SlugField: str,
    models.EmailField: str,
    models.BooleanField: bool,
    models.IntegerField: int,
    models.SmallIntegerField: int,
    models.PositiveSmallIntegerField: int,
    models.PositiveIntegerField: int,
    models.BigIntegerField: int,
    models.FloatField: float,
}
_AUTO_KEYS = (models.AutoField, models.BigAutoField, models.SmallAutoField)


def _plain_type(field: Field) -> type | None:
    if isinstance(field, models.ForeignKey) and type(field.target_field) in _AUTO_KEYS:
        return int
    return _PLAIN.get(type(field))


def _statement(sql: str, fields: tuple[Field, ...]) -> _Statement:
    return _Statement(sql, fields, tuple(_plain_type(field) for field in fields))


def _for_db(field: Field, plain_type: type | None, value):
    if plain_type is not None and (value is None or type(value) is plain_type):
        return value
    return field.get_db_prep_save(value, connection=connection)


def insert_row(
    obj: models.Model,
    *,
    expressions: Mapping[str, str] | None = None,
    returning: Sequence[str] = (),
) -> tuple[str, list]:
    """`INSERT INTO table (columns) VALUES (...) [RETURNING ...]` for one unsaved instance.

    `expressions` maps a field's attname (e.g. "submission_id") to the SQL used for it.
    The automatic primary key is left to the database.
    """
    statement = _row_statement(type(obj), tuple((expressions or {}).items()), tuple(returning))
    # A plain field's pre_save() is the attribute itself; others (auto_now …) need the call.
    return statement.sql, [
        _for_db(
            field,
            plain_type,
            getattr(obj, field.attname) if plain_type else field.pre_save(obj, True),
        )
        for field, plain_type in zip(statement.fields, statement.plain_types, strict=True)
    ]


def insert_rows(
    model: type[models.Model],
    rows: Sequence[Mapping],
    *,
    expressions: Mapping[str, str] | None = None,
) -> tuple[str, list[list]]:
    """`INSERT INTO table (columns) SELECT ... FROM unnest(...)` for any number of rows (none
    included), each a mapping of attname to value; a field missing from a row gets its default.
    """
    statement = _rows_statement(model, tuple((expressions or {}).items()))
    return statement.sql, [
        [
            _for_db(
                field,
                plain_type,
                row[field.attname] if field.attname in row else field.get_default(),
            )
            for row in rows
        ]
        for field, plain_type in zip(statement.fields, statement.plain_types, strict=True)
    ]


def _value_fields(model: type[models.Model], expression_names: set[str]) -> tuple[Field, ...]:
    meta = model._meta
    return tuple(
        f
        for f in meta.local_concrete_fields
        if f is not meta.auto_field and f.attname not in expression_names
    )


def _column(model: type[models.Model], name: str) -> str:
    """The column of the model's concrete field `name` (an attname such as "submission_id")."""
    field = model._meta.get_field(name)
    if not isinstance(field, Field) or field.column is None:
        raise ValueError(f"{model._meta.label}.{name} is not a column")
    return field.column


def _column_list(model: type[models.Model], expressions: tuple, fields: tuple[Field, ...]) -> str:
    q = connection.ops.quote_name
    columns = [_column(model, name) for name, _ in expressions] + [
        _column(model, f.attname) for f in fields
    ]
    return ", ".join(q(column) for column in columns)


@cache
def _row_statement(model: type[models.Model], expressions: tuple, returning: tuple) -> _Statement:
    fields = _value_fields(model, {name for name, _ in expressions})
    values = [sql for _, sql in expressions] + ["%s"] * len(fields)
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} "
        f"({_column_list(model, expressions, fields)}) VALUES ({', '.join(values)})"
    )
    if returning:
        q = connection.ops.quote_name
        sql += " RETURNING " + ", ".join(q(_column(model, name)) for name in returning)
    return _statement(sql, fields)


@cache
def _rows_statement(model: type[models.Model], expressions: tuple) -> _Statement:
    fields = _value_fields(model, {name for name, _ in expressions})
    # An array of each column's base type: varchar, not varchar(200), as an explicit cast to
    # varchar(n) would silently cut a value the column itself refuses.
    arrays = [f"%s::{_BASE_TYPE.sub('', _db_type(f))}[]" for f in fields]
    select = [sql for _, sql in expressions] + [f"u.c{n}" for n in range(len(fields))]
    aliases = ", ".join(f"c{n}" for n in range(len(fields)))
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} "
        f"({_column_list(model, expressions, fields)}) SELECT {', '.join(select)} "
        f"FROM unnest({', '.join(arrays)}) AS u({aliases})"
    )
    return _statement(sql, fields)


_BASE_TYPE = re.compile(r"\(.*?\)")


def _db_type(field: Field) -> str:
    db_type = field.db_type(connection)
    if db_type is None:  # a field without a column of its own
        raise ValueError(f"{field} has no database type")
    return db_type


def fetch_all(sql: str, params: Sequence) -> list[tuple]:
    """Rows of a query run on every request: prepared once per connection on PostgreSQL, so
    it is parsed and planned once rather than each time; a plain cursor elsewhere."""
    if connection.vendor == "postgresql":
        with prepared_cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def instance_from_row(model: type[M], row: Sequence) -> M:
    """A model instance from a row holding its concrete columns in field order (as selected by
    `select_columns`), with each value converted as the ORM would (SQLite's 0 and 1 to booleans,
    its text to datetimes …)."""
    names, converters = _row_converters(model, connection.vendor)
    values = list(row[: len(names)])
    for i, column, functions in converters:
        for function in functions:
            values[i] = function(values[i], column, connection)
    return model.from_db(connection.alias, names, values)


def select_columns(model: type[models.Model], table_alias: str = "") -> str:
    """The model's concrete columns, in field order, quoted, for instance_from_row."""
    q, prefix = connection.ops.quote_name, f"{table_alias}." if table_alias else ""
    return ", ".join(f"{prefix}{q(f.column)}" for f in model._meta.concrete_fields)


@cache
def _row_converters(model: type[models.Model], vendor: str) -> tuple[list[str], list]:
    # `vendor` only keys the cache: each database converts differently.
    converters = []
    for i, field in enumerate(model._meta.concrete_fields):
        column = field.get_col(model._meta.db_table)
        # Field.get_db_converters() exists (django/db/models/fields/__init__.py); the stubs
        # leave it out.
        field_converters = field.get_db_converters  # type: ignore[attr-defined]
        functions = connection.ops.get_db_converters(column) + field_converters(connection)
        if functions:
            converters.append((i, column, functions))
    return [f.attname for f in model._meta.concrete_fields], converters


@contextmanager
def prepared_cursor() -> Iterator:
    """A PostgreSQL cursor that binds parameters on the server and prepares each statement it
    runs, once per connection (psycopg keeps the prepared statements). Django's cursors bind on
    the client and never prepare, which for a long statement costs more than running it.

    Statements are written with Django's `%s` placeholders. Wrapped like any Django cursor:
    errors are Django's (IntegrityError …) and queries are logged when Django logs them.
    """
    connection.ensure_connection()
    raw = _PreparingCursor(connection.connection)
    # Both wrap a raw DB-API cursor in Django's CursorWrapper; the stubs type their argument as
    # the wrapper itself.
    cursor = (
        connection.make_debug_cursor(raw)  # type: ignore[arg-type]
        if connection.queries_logged
        else connection.make_cursor(raw)  # type: ignore[arg-type]
    )
    with cursor:
        yield cursor


class _PreparingCursor(psycopg.RawCursor):
    # A raw cursor passes the text through untouched: psycopg's own `%s` parsing is skipped
    # (it caches only short statements), and the numbering is done once per text here.
    def execute(self, query, params=None, *, prepare=None, binary=None):
        return super().execute(_numbered(query), params, prepare=True, binary=binary)


@lru_cache(maxsize=64)
def _numbered(query: str) -> str:
    """`%s` placeholders as PostgreSQL's `$1`, `$2` …"""
    if "%%" in query or "%(" in query:
        raise ValueError("Only plain %s placeholders are supported")
    pieces = query.split("%s")
    return pieces[0] + "".join(f"${n}{piece}" for n, piece in enumerate(pieces[1:], start=1))


def counter_upsert(model: type[models.Model]) -> str:
    """The statement that takes a counter's next value (ADR 0002): the row of the key given as
    its one parameter is created at 1 or incremented, and its new `last_value` returned. The
    row stays locked to the end of the transaction, so concurrent takers queue with no gaps
    and no duplicates. `model` has the key as its primary key and a `last_value` column."""
    table = connection.ops.quote_name(model._meta.db_table)
    key = connection.ops.quote_name(model._meta.pk.column)
    return (
        f"INSERT INTO {table} ({key}, last_value) VALUES (%s, 1) "
        f"ON CONFLICT ({key}) DO UPDATE SET last_value = {table}.last_value + 1 "
        "RETURNING last_value"
    )
