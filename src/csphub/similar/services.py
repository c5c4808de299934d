"""Writes: the stored vectors of submissions."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from django.db import transaction

from csphub.intelligence.models import Submission

from .models import SubmissionVector, vector_to_bytes
from .vectors import MODEL_NAME, embed, model_version, submission_text

BATCH = 64


def _row(submission_id: int, vector: np.ndarray) -> SubmissionVector:
    return SubmissionVector(
        submission_id=submission_id,
        vector=vector_to_bytes(vector),
        model_name=MODEL_NAME,
        model_version=model_version(),
    )


def submission_vector_store(*, submission: Submission) -> SubmissionVector:
    """Embed `submission`'s text and store it, replacing any vector it had. A replaced vector
    gets a new id, so the index file (index.py) notices that it no longer matches. The model
    runs before the transaction opens, so no transaction is held open while it computes."""
    vector = embed([submission_text(submission.information, submission.place_description)])[0]
    with transaction.atomic():
        SubmissionVector.objects.filter(submission=submission).delete()
        row = _row(submission.pk, vector)
        row.save(force_insert=True)
    return row


def submission_vectors_fill(
    *,
    batch_size: int = BATCH,
    recompute: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Store vectors for the submissions without one (with `recompute`, also for those
    embedded by another model version), `batch_size` at a time, each batch in its own
    transaction. Returns how many were stored."""
    pending = Submission.objects.exclude(
        pk__in=SubmissionVector.objects.filter(model_version=model_version()).values(
            "submission_id"
        )
        if recompute
        else SubmissionVector.objects.values("submission_id")
    ).order_by("pk")
    done, last = 0, 0
    while True:
        batch = list(
            pending.filter(pk__gt=last).values_list("pk", "information", "place_description")[
                :batch_size
            ]
        )
        if not batch:
            return done
        vectors = embed([submission_text(info, place) for _pk, info, place in batch])
        ids = [pk for pk, _info, _place in batch]
        with transaction.atomic():
            SubmissionVector.objects.filter(submission_id__in=ids).delete()
            SubmissionVector.objects.bulk_create(
                _row(pk, vector) for pk, vector in zip(ids, vectors, strict=True)
            )
        done, last = done + len(batch), ids[-1]
        if progress is not None:
            progress(done)
