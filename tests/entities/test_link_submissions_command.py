import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from csphub.entities.models import Link, Mention
from tests.entities.support import PHONE
from tests.factories import make_submission

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("link_submissions", *args, stdout=out)
    return out.getvalue()


def test_the_command_links_a_backlog_made_without_the_worker(submitter):
    make_submission(submitter, identifiers=[PHONE])
    make_submission(submitter, identifiers=[PHONE])
    assert not Mention.objects.exists()
    output = run()
    assert Link.objects.count() == 1
    assert "Linked 2 submissions" in output


def test_only_unlinked_submissions_are_taken_when_asked(submitter):
    make_submission(submitter, identifiers=[PHONE])
    run()
    make_submission(submitter, identifiers=[PHONE])
    assert "Linked 1 submissions" in run("--unlinked")


def test_a_bad_date_is_refused_with_a_clear_message():
    with pytest.raises(CommandError, match="--since must be a date"):
        run("--since", "yesterday")
