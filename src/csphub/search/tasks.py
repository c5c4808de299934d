"""Background work for search, run by the worker (`csphub db_worker`)."""

from __future__ import annotations

from django_tasks import task

from csphub.intelligence.models import Submission

from .services import search_document_update


@task()
def search_document_refresh(submission_id: int) -> bool:
    """Write the search document of a submission; False if it no longer exists."""
    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is None:
        return False
    search_document_update(submission=submission)
    return True
