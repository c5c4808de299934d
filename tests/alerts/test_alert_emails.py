"""A new alert emails the analysts after commit, with references and the rule only; an update
sends nothing."""

import pytest

from csphub.accounts.models import AnalystCoverage
from csphub.alerts.models import Alert, RuleKind
from csphub.core.roles import Role
from csphub.entities.tasks import link_submission
from tests.alerts.support import PHONE, only, reported
from tests.factories import UserFactory, district, make_submission

pytestmark = pytest.mark.django_db

SECRET = "Jon Smyth sells from the flat above the bookies"


def submit(user, capture, **overrides):
    with capture(execute=True):
        return make_submission(user, identifiers=[PHONE], **overrides)


@pytest.fixture(autouse=True)
def entity_rule(db):
    return only(RuleKind.ENTITY)


def test_a_new_alert_emails_the_analysts_on_duty_for_its_district(
    submitter, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.CSPHUB_BASE_URL = "https://csphub.example"
    covering = UserFactory(roles=[Role.ANALYST], on_duty=True)
    AnalystCoverage.objects.create(user=covering, district=district("charnwood"))
    elsewhere = UserFactory(roles=[Role.ANALYST], on_duty=True)
    AnalystCoverage.objects.create(user=elsewhere, district=district("melton"))
    made = [submit(submitter, django_capture_on_commit_callbacks) for _ in range(3)]
    alert = Alert.objects.get()
    [email] = mailoutbox
    assert email.to == [covering.email]
    assert email.subject == "Alert: Several reports about one entity (3 reports)"
    for submission in made:
        assert submission.reference in email.body
    assert f"https://csphub.example/intelligence/alerts/{alert.pk}\n" in email.body


def test_the_email_carries_no_personal_details_from_the_reports(
    submitter, analyst, mailoutbox, django_capture_on_commit_callbacks
):
    for _ in range(3):
        submit(submitter, django_capture_on_commit_callbacks, information=SECRET)
    assert mailoutbox
    for email in mailoutbox:
        for detail in ("Jon", "Smyth", "bookies", "07700", "+447700900461", "900461"):
            assert detail not in email.body and detail not in email.subject


def test_without_a_district_every_analyst_is_emailed(
    submitter, mailoutbox, django_capture_on_commit_callbacks
):
    first = UserFactory(roles=[Role.ANALYST])
    second = UserFactory(roles=[Role.ANALYST], on_duty=True)
    for _ in range(3):
        submit(submitter, django_capture_on_commit_callbacks, district_code="", postcode="")
    assert Alert.objects.get().district is None
    assert sorted(m.to[0] for m in mailoutbox) == sorted([first.email, second.email])


def test_an_update_to_an_open_alert_sends_no_email(
    submitter, analyst, mailoutbox, django_capture_on_commit_callbacks
):
    for _ in range(3):
        submit(submitter, django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    submit(submitter, django_capture_on_commit_callbacks)
    assert Alert.objects.get().submissions.count() == 4
    assert len(mailoutbox) == 1


def test_nothing_is_sent_until_the_evaluation_commits(
    submitter, analyst, mailoutbox, django_capture_on_commit_callbacks
):
    for _ in range(2):
        reported(submitter, identifiers=[PHONE])
    third = make_submission(submitter, identifiers=[PHONE])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        link_submission.call(third.pk)
    assert Alert.objects.count() == 1
    assert mailoutbox == []
    assert callbacks
