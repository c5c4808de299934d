"""Suggesting themes for a text: nearest centroid over sentence embeddings (no Django).

Each theme is the mean of the unit vectors of its examples (its name, its description, example
wordings and the texts of submissions graded under it), normalised again. A text is scored
against every centroid by cosine similarity; the suggestions are the best few that score at
least `min_score` and come within `margin` of the best, so a text that reads like one theme
gets one suggestion, not three.

    classifier = ThemeClassifier.fit(labels, vectors)        # labels[i] names vectors[i]
    classifier.suggest(encode([text])[0])                     # [("county-lines", 0.52), ...]

Nearest centroid rather than a trained classifier: themes change (an administrator adds one
with a name and a description and nothing else), and a centroid needs no training run, works
from one example and is refitted in milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

MIN_SCORE = 0.25
MARGIN = 0.08
LIMIT = 3


@dataclass(frozen=True)
class ThemeClassifier:
    labels: tuple[str, ...]
    centroids: np.ndarray  # (len(labels), dimensions), unit rows, float32

    @classmethod
    def fit(cls, labels: Sequence[str], vectors: np.ndarray) -> ThemeClassifier:
        """One centroid per distinct label, in the order labels first appear."""
        if len(labels) != len(vectors):
            raise ValueError("one label per vector")
        names = tuple(dict.fromkeys(labels))
        if not names:
            return cls(labels=(), centroids=np.zeros((0, vectors.shape[1]), dtype=np.float32))
        position = {name: i for i, name in enumerate(names)}
        sums = np.zeros((len(names), vectors.shape[1]), dtype=np.float64)
        np.add.at(sums, [position[label] for label in labels], vectors)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centroids = (sums / np.maximum(norms, 1e-12)).astype(np.float32)
        return cls(labels=names, centroids=centroids)

    def scores(self, vector: np.ndarray) -> dict[str, float]:
        """Cosine similarity of a unit `vector` to each theme."""
        values = self.centroids @ vector.astype(np.float32)
        return {label: float(value) for label, value in zip(self.labels, values, strict=True)}

    def suggest(
        self,
        vector: np.ndarray,
        *,
        limit: int = LIMIT,
        min_score: float = MIN_SCORE,
        margin: float = MARGIN,
    ) -> list[tuple[str, float]]:
        """The best themes for a unit `vector`, best first: at most `limit`, each scoring at
        least `min_score` and no more than `margin` below the best."""
        if not self.labels or not np.any(vector):
            return []
        values = self.centroids @ vector.astype(np.float32)
        order = np.argsort(-values, kind="stable")
        best = float(values[order[0]])
        chosen: list[tuple[str, float]] = []
        for i in order[:limit]:
            score = float(values[i])
            if score < min_score or score < best - margin:
                break
            chosen.append((self.labels[i], score))
        return chosen
