"""What similar reports does when intelligence tells it something (connected in apps.py)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from csphub.intelligence.models import Submission


def submission_stored(*, submission: Submission, **_kwargs: Any) -> None:
    """Embed the new submission in the worker, once it is committed."""
    from .tasks import submission_vector_compute

    pk = submission.pk
    transaction.on_commit(lambda: submission_vector_compute.enqueue(pk))
