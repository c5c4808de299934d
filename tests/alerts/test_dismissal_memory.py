"""A dismissed alert's subject is not raised again until enough new submissions, arriving after
the dismissal, meet the rule on their own."""

import pytest

from csphub.alerts.models import Alert, RuleKind
from csphub.alerts.services import alert_dismiss
from csphub.entities.tasks import link_submission
from tests.alerts.support import PHONE, alerts, only, reported

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def entity_rule(db):
    return only(RuleKind.ENTITY)


@pytest.fixture
def dismissed(submitter, analyst):
    made = [reported(submitter, identifiers=[PHONE]) for _ in range(3)]
    alert_dismiss(alert=Alert.objects.get(), user=analyst, reason="Known to the housing team")
    return made


def test_a_new_submission_after_dismissal_does_not_raise_it_again(submitter, dismissed):
    reported(submitter, identifiers=[PHONE])
    [alert] = alerts()
    assert alert.status == "dismissed"
    assert alert.submissions.count() == 3  # a dismissed alert is closed: not updated either


def test_evaluating_the_old_submissions_again_does_not_raise_it(dismissed):
    for submission in dismissed:
        link_submission.call(submission.pk)
    assert [a.status for a in alerts()] == ["dismissed"]


def test_enough_new_submissions_after_dismissal_raise_a_new_alert(submitter, dismissed):
    new = [reported(submitter, identifiers=[PHONE]) for _ in range(3)]
    old, again = alerts()
    assert old.status == "dismissed"
    assert again.status == "open"
    assert again.fingerprint == old.fingerprint
    assert set(new) <= set(again.submissions.all())
    assert "Raised again" in again.summary


def test_a_new_alert_raised_again_is_then_updated_not_duplicated(submitter, dismissed):
    for _ in range(4):
        reported(submitter, identifiers=[PHONE])
    assert [a.status for a in alerts()] == ["dismissed", "open"]
