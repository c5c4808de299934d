"""What an analyst types, checked and prepared for the databases.

The syntax is the web-search one both engines are given: words (all must match), "a phrase"
in quotes, `or` between alternatives, and `-word` to leave out. Words match by their stem and
as prefixes, so "dealing" finds "dealers" and "07700 9004" finds "07700 900461". Phone numbers
and registrations are first written as the keys the documents carry (documents.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .documents import PHONE_IN_TEXT, phone_keys, registration_key

MAX_QUERY_LENGTH = 500

_WORD = re.compile(r"\w", re.UNICODE)
_PLATE = re.compile(r"\b[A-Za-z]{2}\d{2} [A-Za-z]{3}\b")


class QueryProblem(ValueError):
    """A query that cannot be searched; the message says why, for the analyst."""


@dataclass(frozen=True)
class SearchTerms:
    text: str  # what the analyst typed, trimmed
    prepared: str  # with phone numbers and registrations as their keys


def search_terms(value: str | None) -> SearchTerms:
    """Check a query; raise QueryProblem with a message fit to show."""
    text = " ".join((value or "").split())
    if not text:
        raise QueryProblem("Enter words, a phone number or a registration to search for")
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryProblem(f"Search terms must be {MAX_QUERY_LENGTH} characters or fewer")
    if not _WORD.search(text):
        raise QueryProblem(
            "Enter words or numbers to search for: punctuation on its own cannot be searched"
        )
    return SearchTerms(text=text, prepared=_with_keys(text))


def _with_keys(text: str) -> str:
    def phone(match: re.Match[str]) -> str:
        keys = phone_keys(match.group())
        return keys[0] if keys else match.group()

    def plate(match: re.Match[str]) -> str:
        return registration_key(match.group()) or match.group()

    return _PLATE.sub(plate, PHONE_IN_TEXT.sub(phone, text))


# --- SQLite FTS5 -------------------------------------------------------------------------

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


# PostgreSQL's English configuration drops these; FTS5 keeps every word, so they are dropped
# from queries here for both to find the same.
_STOPWORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on such that the their then "
    "there these they this to was will with".split()
)


def _fts_words(text: str) -> list[str]:
    return re.findall(r"\w+", text, flags=re.UNICODE)


def _fts_phrase(words: list[str], *, prefix: bool) -> str:
    """A quoted FTS5 phrase; its last word as a prefix when `prefix` (and long enough)."""
    quoted = '"' + " ".join(words) + '"'
    return quoted + "*" if prefix and len(words[-1]) >= 3 else quoted


def fts5_match(terms: SearchTerms) -> str:
    """The FTS5 MATCH expression for `terms`, built only of quoted words (so nothing the
    analyst types is read as FTS5 syntax), or "" when nothing is left to find."""
    groups: list[list[str]] = [[]]  # alternatives (or), each a list of terms all required
    excluded: list[str] = []
    for match in _TOKEN.finditer(terms.prepared):
        negate, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None and bare.lower() == "or":
            groups.append([])
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negate, bare = "-", bare[1:]
        words = _fts_words(phrase if phrase is not None else bare)
        if phrase is None and len(words) == 1 and words[0].lower() in _STOPWORDS:
            continue
        if not words:
            continue
        if phrase is not None:
            term = _fts_phrase(words, prefix=False)
        else:
            # "x@y.com" or "AB12-CDE" is several tokens to FTS5, matched next to each other.
            term = _fts_phrase(words, prefix=True)
        (excluded if negate else groups[-1]).append(term)
    alternatives = [" AND ".join(group) for group in groups if group]
    if not alternatives:
        return ""
    expression = " OR ".join(f"({a})" for a in alternatives)
    for term in excluded:
        expression = f"({expression}) NOT {term}"
    return expression
