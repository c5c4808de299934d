"""A new submission queues exactly one follow-up task (alert, acknowledgement, linking, search,
similar reports), and queues it in the submission's own commit: on PostgreSQL inside the
one-statement insert, elsewhere inside the ORM's transaction. Refused input or a repeated
idempotency key queues nothing."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from csphub.entities.models import Mention
from csphub.intelligence.follow_up import submission_follow_up
from csphub.intelligence.models import Submission
from csphub.intelligence.services import storage, submission_create
from csphub.search.models import SearchDocument
from tests.factories import submission_input

pytestmark = pytest.mark.django_db

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
PATHS = [False] + ([True] if connection.vendor == "postgresql" else [])


@pytest.fixture
def queued(settings):
    """Tasks go to the database queue, as in production, instead of running at once."""
    settings.TASKS = DATABASE_BACKEND


# The worker closes its database connection after each task: those tests run outside the
# test's transaction.


def _submit(submitter, **kwargs):
    data = submission_input(identifiers=[{"kind": "phone", "value": "07700 900461"}])
    return submission_create(submitted_by=submitter, data=data, **kwargs)


@pytest.mark.parametrize("one_statement", PATHS, ids=lambda one: "one statement" if one else "ORM")
def test_a_submission_queues_one_follow_up_task_for_itself(
    submitter, queued, monkeypatch, one_statement, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(storage, "uses_one_statement", lambda: one_statement)
    with django_capture_on_commit_callbacks() as callbacks:
        submission = _submit(submitter, idempotency_key="k-1").submission

    (row,) = DBTaskResult.objects.all()
    assert row.task_path == "csphub.intelligence.follow_up.submission_follow_up"
    assert row.args_kwargs == {"args": [submission.pk, True], "kwargs": {}}
    assert row.status == "READY"
    assert callbacks == []  # nothing left for after the commit: the row is in it


@pytest.mark.parametrize("one_statement", PATHS, ids=lambda one: "one statement" if one else "ORM")
def test_a_repeated_idempotency_key_queues_nothing_more(
    submitter, queued, monkeypatch, one_statement
):
    monkeypatch.setattr(storage, "uses_one_statement", lambda: one_statement)
    first = _submit(submitter, idempotency_key="k-1")
    again = _submit(submitter, idempotency_key="k-1")
    assert not again.created and again.submission.pk == first.submission.pk
    assert DBTaskResult.objects.count() == 1


@pytest.mark.postgres_only
def test_the_statement_writes_the_row_the_task_backend_would(submitter, queued):
    submission = _submit(submitter, notify=False).submission
    ours = DBTaskResult.objects.get()
    theirs = DBTaskResult.objects.get(pk=submission_follow_up.enqueue(submission.pk, False).id)
    for field in DBTaskResult._meta.concrete_fields:
        if field.name not in {"id", "enqueued_at"}:
            assert getattr(ours, field.attname) == getattr(theirs, field.attname), field.name
    assert ours.task_result.args == [submission.pk, False]


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_follow_up_for_every_app(submitter, queued):
    submission = _submit(submitter).submission
    assert not Mention.objects.exists() and not mail.outbox

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert Mention.objects.filter(submission=submission, entity__kind="phone").exists()
    assert SearchDocument.objects.filter(submission=submission).exists()
    assert [m.subject for m in mail.outbox] == [f"Intelligence received: {submission.reference}"]


@pytest.mark.django_db(transaction=True)
def test_the_demo_loader_path_queues_the_follow_up_without_emails(submitter, queued):
    submission = _submit(submitter, notify=False).submission
    assert DBTaskResult.objects.get().args_kwargs["args"] == [submission.pk, False]
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_a_submission_gone_before_its_follow_up_is_skipped(submitter, queued):
    submission = _submit(submitter).submission
    Submission.objects.filter(pk=submission.pk).delete()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    row = DBTaskResult.objects.get()
    assert row.status == "SUCCESSFUL" and row.return_value == {"found": False}
