import pytest

from csphub.entities.models import Link, LinkStatus
from csphub.entities.services import link_decide, submission_link
from tests.entities.support import PHONE, linked

pytestmark = pytest.mark.django_db


def test_a_rejected_link_stays_rejected_when_the_reports_are_linked_again(submitter, analyst):
    first = linked(submitter, identifiers=[PHONE])
    second = linked(submitter, identifiers=[PHONE])
    link = Link.objects.get()
    link_decide(link=link, user=analyst, status=LinkStatus.REJECTED, reason="Different families")
    submission_link(submission_id=second.pk)
    submission_link(submission_id=first.pk)
    link.refresh_from_db()
    assert link.status == LinkStatus.REJECTED
    assert Link.objects.count() == 1


def test_a_confirmed_link_is_kept_when_linking_runs_again(submitter, analyst):
    linked(submitter, identifiers=[PHONE])
    second = linked(submitter, identifiers=[PHONE])
    link_decide(
        link=Link.objects.get(), user=analyst, status=LinkStatus.CONFIRMED, reason="Same flat"
    )
    submission_link(submission_id=second.pk)
    assert Link.objects.get().status == LinkStatus.CONFIRMED
