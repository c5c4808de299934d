"""Reads: the submissions most like one, for analysts only (anyone else: 404)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
from django.conf import settings
from django.http import Http404

from csphub.accounts.models import User
from csphub.core.roles import Role
from csphub.geography.models import District
from csphub.intelligence.models import Submission

from . import index
from .models import SubmissionVector
from .vectors import embed, submission_text

LIMIT = 5
EXCERPT = 150


@dataclass(frozen=True)
class SimilarSubmission:
    reference: str
    similarity: float  # cosine similarity, 0 to 1
    created_at: datetime
    district: District | None
    excerpt: str  # the start of the information

    @property
    def percentage(self) -> int:
        return round(self.similarity * 100)


def _vector_of(submission: Submission) -> np.ndarray:
    stored = SubmissionVector.objects.filter(submission=submission).first()
    if stored is not None:
        return stored.as_array()
    # Not embedded yet (the worker has not reached it): embed it now, without storing.
    return embed([submission_text(submission.information, submission.place_description)])[0]


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= EXCERPT:
        return text
    return text[:EXCERPT].rsplit(" ", 1)[0] + "…"


def similar_submissions(
    *, user: User, submission: Submission, limit: int = LIMIT
) -> list[SimilarSubmission]:
    """Up to `limit` other submissions whose text is at least
    `CSPHUB_SIMILAR_THRESHOLD` similar to `submission`'s, most similar first."""
    if not user.has_role(Role.ANALYST):
        raise Http404
    threshold = settings.CSPHUB_SIMILAR_THRESHOLD
    hits = [
        hit
        for hit in index.nearest(_vector_of(submission), count=limit + 1)
        if hit.submission_id != submission.pk and hit.similarity >= threshold
    ][:limit]
    found = Submission.objects.select_related("district").in_bulk([h.submission_id for h in hits])
    return [
        SimilarSubmission(
            reference=other.reference,
            similarity=min(max(hit.similarity, 0.0), 1.0),
            created_at=other.created_at,
            district=other.district,
            excerpt=_excerpt(other.information),
        )
        for hit in hits
        if (other := found.get(hit.submission_id)) is not None
    ]
