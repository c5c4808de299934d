"""An urgent report is emailed at once to the analysts on duty for its district, and shows in
a banner on every analyst page until someone picks it up."""

import pytest
from django.core import mail
from django.urls import reverse

from csphub.accounts.models import AnalystCoverage, User
from csphub.core.roles import Role
from csphub.intelligence.services import submission_assign, submission_create
from tests.factories import UserFactory, district, make_submission, submission_input

URGENT = "He is getting battered by three lads outside the chippy right now."
CHARNWOOD = "E07000130"


def analyst(username, *, covers=(), on_duty=True):
    user = UserFactory(username=username, roles=[Role.ANALYST], on_duty=on_duty)
    for slug in covers:
        AnalystCoverage.objects.create(user=user, district=district(slug))
    return user


def submit(user, **overrides):
    """As the form and the API do: with the acknowledgement and alerts."""
    return submission_create(submitted_by=user, data=submission_input(**overrides)).submission


def alert_recipients():
    alerts = [m for m in mail.outbox if m.subject.startswith("URGENT")]
    return sorted(address for m in alerts for address in m.to)


@pytest.mark.django_db
def test_the_analysts_on_duty_who_cover_the_district_are_emailed(
    submitter, django_capture_on_commit_callbacks
):
    analyst("charnwood-analyst", covers=["charnwood"])
    analyst("melton-analyst", covers=["melton"])
    analyst("county-analyst")  # covers no district: the whole partnership
    analyst("off-duty", covers=["charnwood"], on_duty=False)
    with django_capture_on_commit_callbacks(execute=True):
        submit(submitter, information=URGENT, district_code=CHARNWOOD)
    assert alert_recipients() == [
        "charnwood-analyst@partner.example",
        "county-analyst@partner.example",
    ]


@pytest.mark.django_db
def test_with_nobody_covering_the_district_everyone_on_duty_is_told(
    submitter, django_capture_on_commit_callbacks
):
    analyst("melton-analyst", covers=["melton"])
    analyst("off-duty", on_duty=False)
    with django_capture_on_commit_callbacks(execute=True):
        submit(submitter, information=URGENT, district_code=CHARNWOOD)
    assert alert_recipients() == ["melton-analyst@partner.example"]


@pytest.mark.django_db
def test_with_nobody_on_duty_every_analyst_is_told(submitter, django_capture_on_commit_callbacks):
    analyst("a", on_duty=False)
    analyst("b", covers=["melton"], on_duty=False)
    with django_capture_on_commit_callbacks(execute=True):
        submit(submitter, information=URGENT, district_code=CHARNWOOD)
    assert alert_recipients() == ["a@partner.example", "b@partner.example"]


@pytest.mark.django_db
def test_the_alert_names_the_report_and_why_but_never_carries_what_was_written(
    submitter, django_capture_on_commit_callbacks
):
    analyst("charnwood-analyst", covers=["charnwood"])
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit(submitter, information=URGENT, district_code=CHARNWOOD)
    (alert,) = [m for m in mail.outbox if m.subject.startswith("URGENT")]
    assert submission.reference in alert.subject and "Charnwood" in alert.subject
    assert "someone is being attacked" in alert.body
    assert reverse("intelligence:triage_detail", args=[submission.reference]) in alert.body
    assert "battered" not in alert.body and "chippy" not in alert.body


@pytest.mark.django_db
def test_a_report_that_is_not_urgent_sends_no_alert(submitter, django_capture_on_commit_callbacks):
    analyst("charnwood-analyst", covers=["charnwood"])
    with django_capture_on_commit_callbacks(execute=True):
        submit(submitter, information="Youths gathering by the war memorial most evenings.")
    assert alert_recipients() == []


@pytest.mark.django_db
def test_analysts_see_a_banner_until_someone_picks_the_report_up(verified_client, submitter):
    reader = analyst("reader")
    submission = make_submission(submitter, information=URGENT, district_code=CHARNWOOD)
    client = verified_client(reader)
    page = client.get(reverse("home")).content.decode()
    assert "urgent report waiting" in page and submission.reference in page
    submission_assign(submission=submission, analyst=reader, actor=reader)
    assert submission.reference not in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_people_who_are_not_analysts_never_see_the_banner(client, submitter):
    make_submission(submitter, information=URGENT)
    client.force_login(submitter)
    assert "urgent report waiting" not in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_an_analyst_can_go_off_and_on_duty_and_it_is_audited(verified_client):
    from csphub.audit.models import AuditEvent

    reader = analyst("reader")
    client = verified_client(reader)
    client.post(reverse("intelligence:duty"), {"on_duty": "no"})
    assert User.objects.get(pk=reader.pk).on_duty is False
    client.post(reverse("intelligence:duty"), {"on_duty": "yes"})
    assert User.objects.get(pk=reader.pk).on_duty is True
    assert AuditEvent.objects.filter(summary__contains="off duty").exists()


@pytest.mark.django_db
def test_an_administrator_sets_the_districts_an_analyst_covers(as_admin):
    reader = analyst("reader")
    as_admin.post(
        reverse("accounts:user_roles", args=[reader.pk]),
        {"roles": [Role.ANALYST], "analyst_districts": [district("melton").pk]},
    )
    assert list(reader.analyst_coverage.values_list("district__slug", flat=True)) == ["melton"]


@pytest.mark.django_db
def test_reports_recreated_without_notifications_send_no_alert(
    submitter, django_capture_on_commit_callbacks
):
    analyst("charnwood-analyst", covers=["charnwood"])
    with django_capture_on_commit_callbacks(execute=True):
        make_submission(
            submitter, information=URGENT, district_code=CHARNWOOD
        )  # notify=False, as the demo
    assert alert_recipients() == []
