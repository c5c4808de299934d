"""Background work for similar reports, run by the worker (`csphub db_worker`)."""

from __future__ import annotations

from django_tasks import task

from csphub.intelligence.models import Submission

from . import index, services


def submission_embed(submission: Submission) -> None:
    """Embed a newly committed submission, and add it to the index file when that is due."""
    services.submission_vector_store(submission=submission)
    index.index_extend_if_due()


@task()
def submission_vector_compute(submission_id: int) -> bool:
    """submission_embed for a submission by id; False if it no longer exists."""
    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is None:
        return False
    submission_embed(submission)
    return True


@task()
def similar_index_rebuild() -> int | None:
    """Rebuild the index file from the table, unless it is current or being rebuilt."""
    return index.index_rebuild_if_needed()
