"""A rule met again for the same subject updates the live alert instead of raising another."""

import pytest

from csphub.alerts.models import Alert, RuleKind
from csphub.alerts.services import alert_acknowledge
from csphub.audit.models import AuditEvent
from csphub.entities.tasks import link_submission
from tests.alerts.support import PHONE, alerts, only, reported

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def entity_rule(db):
    return only(RuleKind.ENTITY)


def test_a_fourth_submission_joins_the_open_alert(submitter):
    for _ in range(3):
        reported(submitter, identifiers=[PHONE])
    fourth = reported(submitter, identifiers=[PHONE])
    [alert] = alerts()
    assert alert.submissions.count() == 4
    assert fourth in alert.submissions.all()
    assert alert.observed_count == 4
    assert alert.updated_at > alert.created_at
    assert "4 submissions within 30 days" in alert.summary


def test_an_acknowledged_alert_is_updated_and_stays_acknowledged(submitter, analyst):
    for _ in range(3):
        reported(submitter, identifiers=[PHONE])
    alert_acknowledge(alert=Alert.objects.get(), user=analyst)
    reported(submitter, identifiers=[PHONE])
    [alert] = alerts()
    assert alert.status == "acknowledged"
    assert alert.submissions.count() == 4


def test_linking_a_submission_again_changes_nothing(submitter):
    made = [reported(submitter, identifiers=[PHONE]) for _ in range(3)]
    [before] = alerts()
    events = AuditEvent.objects.filter(object_type="alert").count()
    link_submission.call(made[-1].pk)
    [after] = alerts()
    assert after.updated_at == before.updated_at
    assert AuditEvent.objects.filter(object_type="alert").count() == events


def test_raising_and_updating_are_in_the_audit_trail(submitter):
    for _ in range(4):
        reported(submitter, identifiers=[PHONE])
    alert = Alert.objects.get()
    actions = list(
        AuditEvent.objects.filter(object_type="alert", object_id=str(alert.pk))
        .order_by("at", "pk")
        .values_list("action", "summary")
    )
    assert actions[0][0] == "created" and "raised by the rule" in actions[0][1]
    assert actions[1][0] == "updated" and "1 more submission" in actions[1][1]


def test_only_one_live_alert_per_subject_can_exist(submitter):
    from django.db import IntegrityError, transaction

    for _ in range(3):
        reported(submitter, identifiers=[PHONE])
    alert = Alert.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Alert.objects.create(
            rule=alert.rule, fingerprint=alert.fingerprint, subject="again", summary="again"
        )
