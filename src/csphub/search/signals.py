"""Search documents follow submissions. Connected in SearchConfig.ready().

- A new submission: `intelligence.signals.submission_stored` is sent by the worker, in the
  submission's follow-up task, once it and all its rows are committed (on both storage paths:
  the one-statement insert sends no post_save). The document is written there, so submitting
  is not slowed by it.
- A change (triage sets the status or the district): `submission_changed` is sent inside the
  triage service's transaction, and the two are copied into the document at once. (Not
  post_save: Submission keeps no save signal receivers, docs/adr/0005.)
"""

from __future__ import annotations

from typing import Any

from csphub.intelligence.models import Submission
from csphub.intelligence.signals import submission_changed, submission_stored


def _on_submission_stored(sender: Any, submission: Submission, **kwargs: Any) -> None:
    from .services import search_document_update

    search_document_update(submission=submission)


def _on_submission_changed(
    sender: Any, submission: Submission, fields: frozenset[str], **kwargs: Any
) -> None:
    if not {"status", "district"} & set(fields):
        return
    from .services import search_document_copy_state

    search_document_copy_state(submission=submission)


def connect() -> None:
    submission_stored.connect(_on_submission_stored, dispatch_uid="search-submission-stored")
    submission_changed.connect(_on_submission_changed, dispatch_uid="search-copy-state")
