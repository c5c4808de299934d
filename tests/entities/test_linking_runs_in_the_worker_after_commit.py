import pytest

from csphub.entities.models import Link, Mention
from tests.entities.support import PHONE
from tests.factories import make_submission

pytestmark = pytest.mark.django_db


def test_a_new_submission_is_linked_by_the_task_once_it_has_committed(
    submitter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_submission(submitter, identifiers=[PHONE])
    with django_capture_on_commit_callbacks(execute=True):
        make_submission(submitter, identifiers=[PHONE])
    assert Mention.objects.filter(entity__kind="phone").count() == 2
    assert Link.objects.count() == 1


def test_nothing_is_linked_before_the_submission_commits(
    submitter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_submission(submitter, identifiers=[PHONE])
    assert not Mention.objects.exists()
    assert callbacks
