"""Searching submissions, for analysts (who see every submission: see
intelligence.selectors.submission_for_analyst). Anyone else gets 404.

PostgreSQL: the tsvector column with its GIN index, matched, ranked (ts_rank) and quoted
(ts_headline) through django.contrib.postgres.search. SQLite: FTS5 (sql.py). Either way the
page's submissions are then read with their district and themes.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import overload

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchRank
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Replace
from django.http import Http404
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from csphub.accounts.models import User
from csphub.core.roles import Role
from csphub.geography.models import District
from csphub.intelligence.models import Status, Submission, Theme

from . import sql
from .documents import MATCH_START, MATCH_STOP
from .models import SearchDocument
from .query import QueryProblem, SearchTerms, fts5_match, search_terms

SNIPPET_WORDS = 30

# Matches are ranked among the newest this many (docs/adr/0007): ranking reads each match's
# whole vector, so a word found in half a million reports would take seconds to rank, and no
# analyst pages past a thousand results: past that they narrow the search.
RANKED_AT_MOST = 1000


@dataclass(frozen=True)
class SearchFilters:
    theme: Theme | None = None
    district: District | None = None
    status: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def described(self) -> dict[str, str]:
        """The filters in use, as the audit trail records them."""
        values = {
            "theme": self.theme.slug if self.theme else "",
            "district": self.district.slug if self.district else "",
            "status": self.status,
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
        }
        return {key: value for key, value in values.items() if value}


def search_filters(
    *,
    theme: str = "",
    district: str = "",
    status: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> SearchFilters:
    """Filters from their slugs and values; ValidationError names each one not known."""
    errors: dict[str, list[str]] = {}
    found_theme = Theme.objects.filter(slug=theme).first() if theme else None
    if theme and found_theme is None:
        errors["theme"] = ["Select a theme from the list"]
    found_district = District.objects.filter(slug=district).first() if district else None
    if district and found_district is None:
        errors["district"] = ["Select a district from the list"]
    if status and status not in Status.values:
        errors["status"] = ["Select a status from the list"]
    if date_from and date_to and date_from > date_to:
        errors["to"] = ["The to date must be the same as or after the from date"]
    if errors:
        raise ValidationError(errors)
    return SearchFilters(found_theme, found_district, status, date_from, date_to)


def search_terms_or_error(value: str | None, *, field: str = "q") -> SearchTerms:
    try:
        return search_terms(value)
    except QueryProblem as problem:
        raise ValidationError({field: [str(problem)]}) from None


@dataclass(frozen=True)
class SearchHit:
    reference: str
    snippet: SafeString  # escaped, the matches in <mark>
    district: str
    themes: list[str]
    status: str
    status_label: str
    created_at: datetime


def snippet_html(raw: str) -> SafeString:
    """Escape everything the database quoted, then mark its matches."""
    escaped = escape(raw).replace(MATCH_START, "<mark>").replace(MATCH_STOP, "</mark>")
    return mark_safe(escaped)  # noqa: S308 - escaped above; only our own <mark> is added


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class _Backend:
    """Two steps, so the costly one (the full-text match, which reads each candidate's vector
    to check a phrase) runs once: the ids of the newest matches, then the ranking and snippets
    of a page among those ids only."""

    def __init__(self, terms: SearchTerms, filters: SearchFilters) -> None:
        self.terms = terms
        self.filters = filters

    def newest(self, at_most: int) -> list[int]:
        """Ids of the newest `at_most` matching submissions, newest first."""
        raise NotImplementedError

    def ranked(self, ids: list[int], offset: int, limit: int) -> list[tuple[int, str]]:
        """(id, snippet) of the page of `ids` from `offset`, best matches first."""
        raise NotImplementedError


class _Postgres(_Backend):
    def _matching(self) -> QuerySet[SearchDocument]:
        f = self.filters
        qs = SearchDocument.objects.filter(vector=self._query())
        if f.district is not None:
            qs = qs.filter(district=f.district)
        if f.status:
            qs = qs.filter(status=f.status)
        if f.date_from:
            qs = qs.filter(created_at__gte=_start_of(f.date_from))
        if f.date_to:
            qs = qs.filter(created_at__lt=_start_of(f.date_to + timedelta(days=1)))
        if f.theme is not None:
            through = Submission.themes.through.objects.filter(
                submission_id=OuterRef("submission_id"), theme_id=f.theme.pk
            )
            qs = qs.filter(Exists(through))
        return qs

    def _query(self) -> sql.PrefixWebSearchQuery:
        return sql.PrefixWebSearchQuery(self.terms.prepared)

    def newest(self, at_most: int) -> list[int]:
        with transaction.atomic():
            sql.work_mem_local(settings.CSPHUB_SEARCH_WORK_MEM)
            return list(
                self._matching()
                .order_by("-created_at", "-submission_id")
                .values_list("submission_id", flat=True)[:at_most]
            )

    def ranked(self, ids: list[int], offset: int, limit: int) -> list[tuple[int, str]]:
        page = list(
            SearchDocument.objects.filter(pk__in=ids)
            .annotate(rank=SearchRank(F("vector"), self._query()))
            .order_by("-rank", "-created_at", "-submission_id")
            .values_list("submission_id", flat=True)[offset : offset + limit]
        )
        # ts_headline reads the whole document again: only for the page shown.
        headlines = dict(
            SearchDocument.objects.filter(pk__in=page)
            .annotate(
                # Given escaped text: ts_headline drops what looks like an HTML tag, and a
                # partner's "<script>" must be shown as written (snippet_html unescapes it).
                headline=SearchHeadline(
                    _escaped(F("document")),
                    self._query(),
                    config="english",
                    start_sel=MATCH_START,
                    stop_sel=MATCH_STOP,
                    max_words=SNIPPET_WORDS,
                    min_words=SNIPPET_WORDS // 2,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            )
            .values_list("submission_id", "headline")
        )
        return [(pk, html.unescape(headlines.get(pk, ""))) for pk in page]


def _escaped(text: F) -> Replace:
    """& < > as HTML entities, in the database."""
    amp = Replace(text, Value("&"), Value("&amp;"))
    return Replace(Replace(amp, Value("<"), Value("&lt;")), Value(">"), Value("&gt;"))


class _Fts5(_Backend):
    def _filters(self) -> sql.Fts5Filters:
        f = self.filters
        return sql.Fts5Filters(
            theme_id=f.theme.pk if f.theme else None,
            district_id=f.district.pk if f.district else None,
            status=f.status,
            created_from=_start_of(f.date_from) if f.date_from else None,
            created_before=_start_of(f.date_to + timedelta(days=1)) if f.date_to else None,
        )

    def newest(self, at_most: int) -> list[int]:
        match = fts5_match(self.terms)
        return (
            sql.fts5_newest(match=match, filters=self._filters(), at_most=at_most) if match else []
        )

    def ranked(self, ids: list[int], offset: int, limit: int) -> list[tuple[int, str]]:
        match = fts5_match(self.terms)
        if not match or not ids:
            return []
        return sql.fts5_ranked(
            match=match, ids=ids, offset=offset, limit=limit, snippet_words=SNIPPET_WORDS
        )


class SearchResults:
    """The matches, best first, as Django's Paginator takes them: found once, and ranked a
    page at a time. At most the newest RANKED_AT_MOST matches; `more` says there were more."""

    def __init__(self, terms: SearchTerms, filters: SearchFilters) -> None:
        backend = _Postgres if connection.vendor == "postgresql" else _Fts5
        self._backend = backend(terms, filters)
        self._found: list[int] | None = None
        self.limit = RANKED_AT_MOST

    def _ids(self) -> list[int]:
        if self._found is None:
            self._found = self._backend.newest(RANKED_AT_MOST + 1)
        return self._found

    def count(self) -> int:
        return min(len(self._ids()), RANKED_AT_MOST)

    @property
    def more(self) -> bool:
        """More matched than are shown: only the newest RANKED_AT_MOST are ranked."""
        return len(self._ids()) > RANKED_AT_MOST

    def __len__(self) -> int:
        return self.count()

    @overload
    def __getitem__(self, index: int) -> SearchHit: ...

    @overload
    def __getitem__(self, index: slice) -> list[SearchHit]: ...

    def __getitem__(self, index: int | slice) -> SearchHit | list[SearchHit]:
        if isinstance(index, int):
            hits = self[index : index + 1]
            if not hits:
                raise IndexError(index)
            return hits[0]
        start = index.start or 0
        stop = index.stop if index.stop is not None else self.count()
        ids = self._ids()[:RANKED_AT_MOST]
        return _hits(self._backend.ranked(ids, start, max(stop - start, 0)))

    def __iter__(self) -> Iterator[SearchHit]:
        """Every match, a page at a time (pages are what callers want: slice instead)."""
        for start in range(0, self.count(), 100):
            yield from self[start : start + 100]


def _hits(rows: list[tuple[int, str]]) -> list[SearchHit]:
    submissions = Submission.objects.select_related("district").prefetch_related("themes")
    by_pk = {s.pk: s for s in submissions.filter(pk__in=[pk for pk, _ in rows])}
    hits = []
    for pk, raw in rows:
        submission = by_pk.get(pk)
        if submission is None:  # removed since it was found
            continue
        hits.append(
            SearchHit(
                reference=submission.reference,
                snippet=snippet_html(raw or submission.information[:200]),
                district=submission.district.name if submission.district else "",
                themes=[t.name for t in submission.themes.all()],
                status=submission.status,
                status_label=submission.get_status_display(),
                created_at=submission.created_at,
            )
        )
    return hits


def submissions_search(*, user: User, terms: SearchTerms, filters: SearchFilters) -> SearchResults:
    """Every submission matching `terms` and `filters`, for an analyst; 404 for anyone else."""
    if not user.has_role(Role.ANALYST):
        raise Http404
    return SearchResults(terms, filters)
