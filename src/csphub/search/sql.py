"""The SQL of full-text search, behind named functions (docs/adr/0007).

PostgreSQL: `PrefixWebSearchQuery` is `websearch_to_tsquery('english', ...)` with every
lexeme of three characters or more outside a quoted phrase made a prefix, so that stems match
longer words ("dealing" → 'deal':* finds "dealers"). The rest of the PostgreSQL path (the @@
match, ts_rank, ts_headline) is the ORM with django.contrib.postgres.search (selectors.py).

SQLite: the FTS5 table `search_fts` (migration 0002), searched with an expression that
query.fts5_match built, filtered on the search documents' own columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.postgres.search import SearchQuery
from django.db import connection

from .documents import MATCH_START, MATCH_STOP


class PrefixWebSearchQuery(SearchQuery):
    """websearch_to_tsquery('english', value), each lexeme of 3+ characters outside a phrase
    as a prefix."""

    def __init__(self, value: str) -> None:
        super().__init__(value, search_type="websearch", config="english")

    def as_sql(self, compiler, connection, function=None, template=None):  # type: ignore[override]
        sql, params = super().as_sql(compiler, connection, function, template)
        # The text form quotes each lexeme ('deal' & 'blue' <-> 'car'); operators always have
        # spaces around them, so a quoted run without spaces is exactly one lexeme. A lexeme
        # next to a phrase operator (<-> or <N>) stays exact: "blue car" means those words, as
        # on SQLite, and prefixes there would have the index return every "card" and "carpet"
        # for the phrase to be checked against.
        # The result is read back literally (::tsquery), not parsed again by a configuration,
        # which would split a lexeme such as 'fly-tip'.
        return (
            "(regexp_replace((" + sql + ")::text, '(?<!> )''([^'' ]{3,})''(?! <)', "
            "'''\\1'':*', 'g'))::tsquery",
            params,
        )


def work_mem_local(amount: str) -> None:
    """PostgreSQL's work_mem for the rest of the current transaction. At 4 MB (the default) the
    bitmap of a phrase's candidates in one district outgrows it and turns lossy: every row of
    22,735 pages re-read against 6,095 exact ones, 307 ms against 84 ms at a million
    (benchmarks/search.py's database, EXPLAIN ANALYZE)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('work_mem', %s, true)", [amount])


@dataclass(frozen=True)
class Fts5Filters:
    theme_id: int | None = None
    district_id: int | None = None
    status: str = ""
    created_from: datetime | None = None  # inclusive
    created_before: datetime | None = None  # exclusive


def _fts5_where(match: str, filters: Fts5Filters) -> tuple[str, list]:
    where = ["search_fts MATCH %s"]
    params: list = [match]
    if filters.district_id is not None:
        where.append("d.district_id = %s")
        params.append(filters.district_id)
    if filters.status:
        where.append("d.status = %s")
        params.append(filters.status)
    if filters.created_from is not None:
        where.append("d.created_at >= %s")
        params.append(filters.created_from)
    if filters.created_before is not None:
        where.append("d.created_at < %s")
        params.append(filters.created_before)
    if filters.theme_id is not None:
        where.append(
            "EXISTS (SELECT 1 FROM intelligence_submission_themes t "
            "WHERE t.submission_id = d.submission_id AND t.theme_id = %s)"
        )
        params.append(filters.theme_id)
    return " AND ".join(where), params


_FTS5_FROM = (
    "FROM search_fts JOIN search_searchdocument d ON d.submission_id = search_fts.rowid WHERE "
)


def fts5_newest(*, match: str, filters: Fts5Filters, at_most: int) -> list[int]:
    """Ids of the newest `at_most` matching documents, newest first."""
    where, params = _fts5_where(match, filters)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.submission_id "
            + _FTS5_FROM
            + where
            + " ORDER BY d.created_at DESC, d.submission_id DESC LIMIT %s",
            [*params, at_most],
        )
        return [int(row[0]) for row in cursor.fetchall()]


def fts5_ranked(
    *, match: str, ids: list[int], offset: int, limit: int, snippet_words: int = 24
) -> list[tuple[int, str]]:
    """(submission id, snippet) of a page of `ids` (documents matching `match`), the best
    matches first (bm25), then the newest."""
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.submission_id, snippet(search_fts, 0, %s, %s, ' … ', %s) "
            + _FTS5_FROM
            + f"search_fts MATCH %s AND d.submission_id IN ({marks})"
            + " ORDER BY search_fts.rank, d.created_at DESC, d.submission_id DESC "
            "LIMIT %s OFFSET %s",
            [MATCH_START, MATCH_STOP, snippet_words, match, *ids, limit, offset],
        )
        return [(int(row[0]), row[1]) for row in cursor.fetchall()]


def fts5_rebuild() -> None:
    """Rebuild the FTS5 index from the search documents (after a bulk load)."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
