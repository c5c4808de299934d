"""One app failing in a submission's follow-up does not keep the others from their work; the
task is marked failed, with the failing receiver named, so the worker's admin shows it."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from csphub.intelligence.models import Submission
from csphub.intelligence.services import submission_create
from csphub.intelligence.signals import submission_stored
from csphub.search.models import SearchDocument
from tests.factories import submission_input

pytestmark = pytest.mark.django_db


def broken(sender, **kwargs):
    raise RuntimeError("index unavailable")


@pytest.fixture
def a_broken_receiver_first():
    # Moved ahead of the others (signals call receivers in order), so they run after it.
    submission_stored.connect(broken, dispatch_uid="broken")
    submission_stored.receivers.insert(0, submission_stored.receivers.pop())
    submission_stored.sender_receivers_cache.clear()
    yield
    submission_stored.disconnect(dispatch_uid="broken")


@pytest.mark.django_db(transaction=True)
def test_a_failing_receiver_fails_the_task_but_the_others_still_run(
    submitter, settings, a_broken_receiver_first
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    submission = submission_create(submitted_by=submitter, data=submission_input()).submission

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    row = DBTaskResult.objects.get()
    assert row.status == "FAILED"
    assert "test_follow_up_receivers_run_independently.broken failed" in row.traceback
    assert SearchDocument.objects.filter(submission=submission).exists()
    assert Submission.objects.filter(pk=submission.pk).exists()  # the submission stands
