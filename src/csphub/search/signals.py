"""Search documents follow submissions. Connected in SearchConfig.ready().

- A new submission: `intelligence.signals.submission_stored` is sent once it and all its rows
  are committed, on both storage paths (the one-statement insert sends no post_save). The
  document is then written by the worker, so submitting is not slowed by it.
- A change (triage sets the status or the district, through Model.save()): post_save copies
  the two into the document at once, in the same transaction.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save

from csphub.intelligence.models import Submission
from csphub.intelligence.signals import submission_stored


def _on_submission_stored(sender: Any, submission: Submission, **kwargs: Any) -> None:
    from .tasks import search_document_refresh

    search_document_refresh.enqueue(submission.pk)


def _on_submission_saved(
    sender: Any, instance: Submission, created: bool, update_fields: Any = None, **kwargs: Any
) -> None:
    if created:
        return  # its document is written once everything is committed (above)
    if update_fields is not None and not {"status", "district"} & set(update_fields):
        return
    from .services import search_document_copy_state

    search_document_copy_state(submission=instance)


def connect() -> None:
    submission_stored.connect(_on_submission_stored, dispatch_uid="search-submission-stored")
    post_save.connect(_on_submission_saved, sender=Submission, dispatch_uid="search-copy-state")
