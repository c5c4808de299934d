"""Links a new submission in the worker, once it has committed."""

from __future__ import annotations

from typing import Any


def submission_stored_link(sender: Any, submission_id: int, **kwargs: Any) -> None:
    from .tasks import link_submission

    link_submission.enqueue(submission_id)
