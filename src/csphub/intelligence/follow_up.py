"""What happens after a submission is stored, in the background worker: one task per submission.

The urgent alert to analysts on duty, the submitter's acknowledgement, and then the
`submission_stored` signal, to which the apps above intelligence connect (entities link it,
search indexes it, similar reports embed it), all run in one task, `submission_follow_up`.

Its queue row is written in the same commit as the submission (docs/adr/0008): on PostgreSQL by
the one-statement insert itself, elsewhere inside the ORM's transaction. So a submission costs
one commit however many apps follow it, and a stored submission always has its follow-up: a
crash between commit and enqueue cannot lose it. With a backend that runs tasks at once
(the tests' ImmediateBackend) it is enqueued once the submission has committed.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django_tasks import task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from .models import Submission
from .signals import submission_stored

logger = logging.getLogger(__name__)


class FollowUpFailed(Exception):
    """Some receivers of submission_stored failed (the others ran); the task shows as failed."""


@task()
def submission_follow_up(submission_id: int, notify: bool) -> dict[str, Any]:
    """Alert, acknowledge (when `notify`), then tell the apps above. Each receiver runs even if
    another fails; the failures are logged and fail the task, so the worker's admin shows them.
    Each app can also catch up by itself (`csphub link-submissions --unlinked`,
    `csphub search-reindex`, the similar index rebuild)."""
    from .notifications import urgent_alert_send
    from .services.emails import submission_acknowledgement_send

    submission = (
        Submission.objects.select_related("submitted_by", "district")
        .filter(pk=submission_id)
        .first()
    )
    if submission is None:
        return {"found": False}
    if notify and submission.urgent:
        urgent_alert_send(submission_id=submission.pk)
    if notify:
        submission_acknowledgement_send(submission=submission)
    failed = []
    for receiver, outcome in submission_stored.send_robust(
        sender=Submission, submission=submission, submission_id=submission.pk
    ):
        if isinstance(outcome, Exception):
            name = f"{receiver.__module__}.{receiver.__qualname__}"
            logger.error(
                "submission_stored receiver %s failed for submission %s",
                name,
                submission.pk,
                exc_info=outcome,
            )
            failed.append(name)
    if failed:
        raise FollowUpFailed(f"submission {submission.pk}: {', '.join(failed)} failed")
    return {"found": True}


def follow_up_in_commit() -> DatabaseBackend | None:
    """The database backend when the follow-up's row can be written in the submission's own
    commit; None for a backend that runs tasks elsewhere or at once."""
    backend = submission_follow_up.get_backend()
    return backend if isinstance(backend, DatabaseBackend) else None


def follow_up_task_row(backend: DatabaseBackend) -> DBTaskResult:
    """The unsaved queue row of submission_follow_up, as DatabaseBackend.enqueue would write it,
    except its arguments, which the one-statement insert fills in (the new submission's id is
    known only inside it). tests/intelligence/test_follow_up_in_the_same_commit.py compares
    the two."""
    follow_up = submission_follow_up
    backend.validate_task(follow_up)
    return DBTaskResult(
        id=backend._get_id(),
        args_kwargs={},
        priority=follow_up.priority,
        task_path=follow_up.module_path,
        queue_name=follow_up.queue_name,
        run_after=follow_up.run_after or get_date_max(),
        backend_name=backend.alias,
    )


def follow_up_enqueue(*, submission: Submission, notify: bool) -> None:
    """For the ORM path: inside its transaction with the database backend, on commit otherwise."""
    if follow_up_in_commit() is not None and transaction.get_connection().in_atomic_block:
        submission_follow_up.enqueue(submission.pk, notify)
        return
    pk = submission.pk
    transaction.on_commit(lambda: submission_follow_up.enqueue(pk, notify))
