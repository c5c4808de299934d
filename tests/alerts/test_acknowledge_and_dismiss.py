"""Analysts acknowledge or dismiss an alert, with a reason; every change is audited."""

import pytest
from django.core.exceptions import ValidationError

from csphub.alerts.models import Alert, RuleKind
from csphub.alerts.services import alert_acknowledge, alert_dismiss
from csphub.audit.models import AuditEvent
from csphub.core.roles import Role
from tests.alerts.support import PHONE, only, reported
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert(submitter):
    only(RuleKind.ENTITY)
    for _ in range(3):
        reported(submitter, identifiers=[PHONE])
    return Alert.objects.get()


def test_acknowledging_keeps_it_listed_and_records_who_when_and_why(alert, analyst):
    alert_acknowledge(alert=alert, user=analyst, reason="Passed to the county lines team")
    alert.refresh_from_db()
    assert alert.status == "acknowledged"
    assert alert.status_changed_by == analyst
    assert alert.status_changed_at is not None
    assert alert.status_reason == "Passed to the county lines team"
    event = AuditEvent.objects.filter(object_type="alert", action="updated").latest("at")
    assert event.actor == analyst
    assert event.changes["status"] == ["open", "acknowledged"]
    assert event.changes["reason"] == "Passed to the county lines team"


def test_dismissing_needs_a_reason(alert, analyst):
    with pytest.raises(ValidationError) as caught:
        alert_dismiss(alert=alert, user=analyst, reason="  ")
    assert caught.value.message_dict["reason"] == ["Say why you are dismissing this alert"]
    alert.refresh_from_db()
    assert alert.status == "open"


def test_dismissing_closes_it_and_is_audited(alert, analyst):
    alert_dismiss(alert=alert, user=analyst, reason="Same family, already known")
    alert.refresh_from_db()
    assert alert.status == "dismissed"
    assert alert.status_reason == "Same family, already known"
    event = AuditEvent.objects.filter(object_type="alert", action="updated").latest("at")
    assert event.changes["status"] == ["open", "dismissed"]
    assert event.actor == analyst


def test_an_acknowledged_alert_can_be_dismissed_but_not_acknowledged_twice(alert, analyst):
    alert_acknowledge(alert=alert, user=analyst)
    with pytest.raises(ValidationError):
        alert_acknowledge(alert=alert, user=analyst)
    alert_dismiss(alert=alert, user=analyst, reason="Dealt with")
    with pytest.raises(ValidationError):
        alert_dismiss(alert=alert, user=analyst, reason="Again")


@pytest.mark.parametrize(
    "role",
    [
        Role.SUBMITTER,
        Role.FORUM_MEMBER,
        Role.PERFORMANCE_ANALYST,
        Role.BOARD_MEMBER,
        Role.ADMINISTRATOR,
    ],
)
def test_only_analysts_may_acknowledge_or_dismiss(alert, role):
    user = UserFactory(roles=[role])
    with pytest.raises(ValidationError):
        alert_acknowledge(alert=alert, user=user)
    with pytest.raises(ValidationError):
        alert_dismiss(alert=alert, user=user, reason="No")
    alert.refresh_from_db()
    assert alert.status == "open"
