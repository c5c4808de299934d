"""Themes suggested on the submission form from what the submitter has written.

The suggester (`csphub.similar`, the sentence-embedding model) is a layer above intelligence,
so the form asks through this registry and the suggester registers itself at start-up
(SimilarConfig.ready()). Without one nothing is suggested.
"""

from __future__ import annotations

from collections.abc import Callable

# text -> theme slugs, best first
ThemeSuggester = Callable[[str], list[str]]

_suggesters: list[ThemeSuggester] = []


def register_theme_suggester(suggester: ThemeSuggester) -> None:
    """Answer themes_suggested_for() with `suggester` (it takes the place of any other)."""
    _suggesters[:] = [suggester]


def themes_suggested_for(text: str) -> list[str]:
    """Slugs of the themes `text` reads like, best first; none without a suggester or text."""
    if not _suggesters or not text.strip():
        return []
    return _suggesters[0](text)
