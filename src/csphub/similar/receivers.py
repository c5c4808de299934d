"""What similar reports does when intelligence tells it something (connected in apps.py)."""

from __future__ import annotations

from typing import Any

from csphub.intelligence.models import Submission


def submission_stored(*, submission: Submission, **_kwargs: Any) -> None:
    """Embed the new submission, as loaded by the follow-up task (not read again). Runs in the
    worker, in the submission's follow-up task."""
    from .tasks import submission_embed

    submission_embed(submission)
