"""Links a new submission. Runs in the worker, in the submission's follow-up task
(intelligence/follow_up.py), once the submission has committed."""

from __future__ import annotations

from typing import Any


def submission_stored_link(sender: Any, submission_id: int, **kwargs: Any) -> None:
    from .tasks import link_submission

    link_submission.call(submission_id)
