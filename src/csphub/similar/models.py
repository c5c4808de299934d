"""The stored embedding of each submission."""

from __future__ import annotations

import numpy as np
from django.db import models
from django.utils import timezone

from csphub.embeddings import DIMENSIONS


class SubmissionVector(models.Model):
    """all-MiniLM-L6-v2's unit vector of a submission's text: DIMENSIONS float32 values,
    little-endian, as bytes (no vector type needed: SQLite and PostgreSQL alike). Its `id`
    only grows, so vectors stored after the index file was written are those above the
    highest id the file holds (index.py)."""

    submission = models.OneToOneField(
        "intelligence.Submission", on_delete=models.CASCADE, related_name="vector"
    )
    vector = models.BinaryField()
    model_name = models.CharField(max_length=100)
    model_version = models.CharField(max_length=40)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"vector of submission {self.submission_id}"

    def as_array(self) -> np.ndarray:
        return vector_from_bytes(bytes(self.vector))


_DTYPE = np.dtype("<f4")


def vector_to_bytes(vector: np.ndarray) -> bytes:
    if vector.shape != (DIMENSIONS,):
        raise ValueError(f"a vector has {DIMENSIONS} values")
    return np.ascontiguousarray(vector, dtype=_DTYPE).tobytes()


def vector_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=_DTYPE).astype(np.float32)


def vectors_from_bytes(rows: list[bytes]) -> np.ndarray:
    """Many stored vectors as one (len(rows), DIMENSIONS) float32 matrix."""
    if not rows:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.frombuffer(b"".join(rows), dtype=_DTYPE).reshape(len(rows), DIMENSIONS)
