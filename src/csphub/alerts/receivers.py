"""Looks for emerging issues once the worker has stored a submission's mentions and links."""

from __future__ import annotations

from typing import Any


def links_ready_evaluate(sender: Any, outcome: Any, **kwargs: Any) -> None:
    # Runs inside the linking task: the mentions are stored, so the entity rule can count them.
    from .services import alerts_evaluate

    alerts_evaluate(submission_id=outcome.submission_id)
