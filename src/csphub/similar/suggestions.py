"""Theme suggestions on the submission form: the Django side of csphub.embeddings.themes.

The classifier is fitted per process from the active themes (name, description, the example
wordings of seeded themes in theme_examples.py) and from the stored vectors of graded
submissions under each theme, at most GRADED_PER_THEME of the newest each. It is kept as
reference data (csphub.core.cache): refitted when a theme is saved or deleted in this
process, and at least every REFIT_SECONDS, so other processes and new gradings catch up.
"""

from __future__ import annotations

import numpy as np

from csphub.core.cache import ReferenceData
from csphub.embeddings import DIMENSIONS
from csphub.embeddings.themes import ThemeClassifier
from csphub.intelligence.models import Status, Submission, Theme

from .models import SubmissionVector, vectors_from_bytes
from .theme_examples import EXAMPLES
from .vectors import embed

GRADED_PER_THEME = 200
REFIT_SECONDS = 600.0


def _graded_vectors(theme: Theme) -> list[bytes]:
    graded = Submission.objects.filter(
        themes=theme, status__in=[Status.GRADED, Status.CLOSED], graded_at__isnull=False
    )
    return [
        bytes(v)
        for v in SubmissionVector.objects.filter(submission__in=graded)
        .order_by("-id")
        .values_list("vector", flat=True)[:GRADED_PER_THEME]
    ]


def classifier_fit() -> ThemeClassifier:
    labels: list[str] = []
    texts: list[str] = []
    graded_labels: list[str] = []
    graded: list[bytes] = []
    for theme in Theme.objects.filter(active=True).order_by("order", "name"):
        own = [theme.name, theme.description, *EXAMPLES.get(theme.slug, ())]
        for text in filter(None, (t.strip() for t in own)):
            labels.append(theme.slug)
            texts.append(text)
        rows = _graded_vectors(theme)
        graded_labels += [theme.slug] * len(rows)
        graded += rows
    vectors = _embedded(texts)
    return ThemeClassifier.fit(
        labels + graded_labels, np.vstack([vectors, vectors_from_bytes(graded)])
    )


_known: dict[str, np.ndarray] = {}


def _embedded(texts: list[str]) -> np.ndarray:
    """Vectors of theme names, descriptions and examples, each text embedded once per
    process: a refit then costs only the queries."""
    if len(_known) > 10_000:
        _known.clear()
    new = [t for t in dict.fromkeys(texts) if t not in _known]
    if new:
        _known.update(zip(new, embed(new), strict=True))
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.vstack([_known[t] for t in texts])


_classifier: ReferenceData[ThemeClassifier] = ReferenceData(
    "theme-classifier", classifier_fit, models=(Theme,), ttl=REFIT_SECONDS
)


def connect_signals() -> None:
    _classifier.connect_signals()


def theme_slugs_suggested_for(text: str) -> list[str]:
    """Up to three theme slugs `text` reads like, best first (the registry's suggester)."""
    return [slug for slug, _score in _classifier.get().suggest(embed([text])[0])]
