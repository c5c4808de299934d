"""The second opinion: a logistic model over sentence embeddings (csphub.embeddings).

Trained by evaluation/urgency/train.py on the tuning sets (never the held-out set) and stored
as plain numbers in model.json, so loading it needs numpy only. It reads a sentence's meaning
rather than its words, and catches emergencies phrased in ways the rules have no pattern for;
it is asked only about texts that have some wording of danger, when the rules found nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_FILE = Path(__file__).with_name("model.json")


@dataclass(frozen=True)
class Classifier:
    weights: np.ndarray
    bias: float
    threshold: float
    about: dict[str, Any]

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        from csphub.embeddings import encode

        if not texts:
            return np.zeros(0)
        logits = encode(texts) @ self.weights + self.bias
        probabilities: np.ndarray = 1.0 / (1.0 + np.exp(-logits))
        return probabilities


@lru_cache(maxsize=1)
def classifier() -> Classifier:
    data = json.loads(MODEL_FILE.read_text())
    return Classifier(
        weights=np.asarray(data["weights"], dtype=np.float32),
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        about=data.get("about", {}),
    )
