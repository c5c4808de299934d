import pytest
from django.core.exceptions import ValidationError

from csphub.audit.models import AuditEvent
from csphub.entities.models import Link, LinkStatus
from csphub.entities.services import link_decide, link_decision_undo
from tests.entities.support import PHONE, linked

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(submitter):
    linked(submitter, identifiers=[PHONE])
    linked(submitter, identifiers=[PHONE])
    return Link.objects.get()


def test_a_decision_records_who_and_why(link, analyst):
    decision = link_decide(link=link, user=analyst, status=LinkStatus.CONFIRMED, reason="Same flat")
    link.refresh_from_db()
    assert (link.status, link.decided_by, link.decision_reason) == (
        "confirmed",
        analyst,
        "Same flat",
    )
    assert (decision.from_status, decision.to_status) == ("suggested", "confirmed")
    event = AuditEvent.objects.filter(object_type="link").latest("at")
    assert event.actor == analyst
    assert event.changes["reason"] == "Same flat"


def test_a_decision_without_a_reason_is_refused_and_changes_nothing(link, analyst):
    with pytest.raises(ValidationError) as raised:
        link_decide(link=link, user=analyst, status=LinkStatus.REJECTED, reason="  ")
    assert "Say why" in str(raised.value)
    link.refresh_from_db()
    assert link.status == LinkStatus.SUGGESTED
    assert not link.decisions.exists()


def test_undo_puts_the_link_back_and_is_itself_recorded(link, analyst):
    rejection = link_decide(link=link, user=analyst, status=LinkStatus.REJECTED, reason="No")
    undo = link_decision_undo(decision=rejection, user=analyst, reason="Clicked the wrong one")
    link.refresh_from_db()
    assert link.status == LinkStatus.SUGGESTED
    assert undo.undoes == rejection
    assert link.decisions.count() == 2


def test_only_the_latest_decision_can_be_undone(link, analyst):
    first = link_decide(link=link, user=analyst, status=LinkStatus.REJECTED, reason="No")
    link_decide(link=link, user=analyst, status=LinkStatus.CONFIRMED, reason="Yes after all")
    with pytest.raises(ValidationError):
        link_decision_undo(decision=first, user=analyst)


def test_someone_who_is_not_an_analyst_cannot_decide(link, submitter):
    with pytest.raises(ValidationError):
        link_decide(link=link, user=submitter, status=LinkStatus.CONFIRMED, reason="Mine")
