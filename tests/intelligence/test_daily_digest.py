"""Once a day analysts are emailed the reports received since the last digest, and those past
their target: references only, never what was written."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from csphub.intelligence.models import DigestRun, Submission
from csphub.intelligence.notifications import digest_send
from tests.factories import make_submission


@pytest.mark.django_db
def test_the_digest_lists_new_reports_to_every_analyst(
    submitter, analyst, django_capture_on_commit_callbacks
):
    first = make_submission(submitter, information="Cars stopping outside the flat after 10pm")
    with django_capture_on_commit_callbacks(execute=True):
        result = digest_send()
    assert result.submissions == 1
    (email,) = mail.outbox
    assert email.to == [analyst.email]
    assert first.reference in email.body
    assert "Cars stopping" not in email.body


@pytest.mark.django_db
def test_a_second_digest_the_same_day_is_not_sent_unless_forced(
    submitter, analyst, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        digest_send()
        again = digest_send()
    assert again.skipped and DigestRun.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert not digest_send(force=True).skipped


@pytest.mark.django_db
def test_the_next_digest_starts_where_the_last_ended(
    submitter, analyst, django_capture_on_commit_callbacks
):
    old = make_submission(submitter)
    now = timezone.now()
    DigestRun.objects.create(
        sent_at=now - timedelta(days=1),
        covered_from=now - timedelta(days=2),
        covered_to=now - timedelta(minutes=1),
    )
    Submission.objects.filter(pk=old.pk).update(created_at=now - timedelta(hours=2))
    new = make_submission(submitter)
    with django_capture_on_commit_callbacks(execute=True):
        digest_send(now=now + timedelta(seconds=1))
    body = mail.outbox[-1].body
    assert new.reference in body and old.reference not in body


@pytest.mark.django_db
def test_reports_past_their_target_are_listed_as_overdue(
    submitter, analyst, django_capture_on_commit_callbacks
):
    late = make_submission(submitter)
    Submission.objects.filter(pk=late.pk).update(target_at=timezone.now() - timedelta(hours=3))
    with django_capture_on_commit_callbacks(execute=True):
        digest_send()
    email = mail.outbox[-1]
    assert "1 overdue" in email.subject
    assert f"{late.reference}: target was" in email.body


@pytest.mark.django_db
def test_the_command_sends_it_and_says_so(submitter, analyst):
    out = io.StringIO()
    call_command("send_digest", stdout=out)
    assert "queued for 1 analyst" in out.getvalue()
    call_command("send_digest", stdout=out)
    assert "Nothing sent" in out.getvalue()
