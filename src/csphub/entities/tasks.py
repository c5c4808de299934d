"""Background work for connected intelligence, run by the worker (`csphub db_worker`)."""

from __future__ import annotations

from django_tasks import task

from . import services
from .signals import links_ready


@task()
def link_submission(submission_id: int) -> dict[str, object]:
    outcome = services.submission_link(submission_id=submission_id)
    links_ready.send(sender=None, outcome=outcome)
    return {"mentions": outcome.mentions, "linked": outcome.linked}
