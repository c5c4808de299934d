"""The analysts' alerts list and detail, the banner and the navigation link."""

import pytest
from django.urls import reverse

from csphub.alerts.models import Alert, RuleKind
from csphub.alerts.services import alert_acknowledge, alert_dismiss
from csphub.audit.models import AuditEvent
from tests.alerts.support import PHONE, in_use_for_a_year, only, reported

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(submitter):
    only(RuleKind.ENTITY)
    return [reported(submitter, identifiers=[PHONE]) for _ in range(3)]


@pytest.fixture
def alert(made):
    return Alert.objects.get()


def test_the_list_shows_open_alerts_with_rule_subject_count_and_linked_references(
    verified_client, analyst, made, alert
):
    page = verified_client(analyst).get(reverse("alerts:list")).content.decode()
    assert "Several reports about one entity" in page
    assert "Phone number: +447700900461" in page
    assert reverse("alerts:detail", args=[alert.pk]) in page
    for submission in made:
        assert reverse("intelligence:triage_detail", args=[submission.reference]) in page


def test_acknowledged_alerts_stay_listed_and_dismissed_ones_leave(verified_client, analyst, alert):
    client = verified_client(analyst)
    alert_acknowledge(alert=alert, user=analyst)
    page = client.get(reverse("alerts:list")).content.decode()
    assert "Acknowledged (1)" in page and "Phone number: +447700900461" in page
    alert_dismiss(alert=alert, user=analyst, reason="Known")
    page = client.get(reverse("alerts:list")).content.decode()
    assert "Phone number: +447700900461" not in page
    assert "There are no open alerts" in page


def test_the_detail_lists_the_submissions_and_the_forms(verified_client, analyst, made, alert):
    page = verified_client(analyst).get(reverse("alerts:detail", args=[alert.pk])).content.decode()
    assert alert.summary in page
    for submission in made:
        assert submission.reference in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert reverse("alerts:acknowledge", args=[alert.pk]) in page
    assert reverse("alerts:dismiss", args=[alert.pk]) in page


def test_the_detail_of_a_theme_rise_explains_the_test(verified_client, analyst, submitter):
    only(RuleKind.THEME_RISE)
    in_use_for_a_year(submitter)
    for _ in range(3):
        reported(submitter)
    alert = Alert.objects.get()
    page = verified_client(analyst).get(reverse("alerts:detail", args=[alert.pk])).content.decode()
    assert "3 reports in 28 days against about 0.1 expected; p &lt; 0.001, Poisson test" in page
    assert "Expected at the usual rate" in page and "one-sided Poisson test" in page


def test_dismissing_through_the_page_needs_a_reason(verified_client, analyst, alert):
    client = verified_client(analyst)
    url = reverse("alerts:dismiss", args=[alert.pk])
    response = client.post(url, {"dismiss-reason": ""})
    assert response.status_code == 400
    assert "Say why you are dismissing this alert" in response.content.decode()
    response = client.post(url, {"dismiss-reason": "Already known to the police"})
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.status == "dismissed"
    event = AuditEvent.objects.filter(object_type="alert", action="updated").latest("at")
    assert event.actor == analyst and event.ip_address == "127.0.0.1"


def test_acknowledging_through_the_page(verified_client, analyst, alert):
    response = verified_client(analyst).post(
        reverse("alerts:acknowledge", args=[alert.pk]), {"ack-reason": "Looking into it"}
    )
    assert response.status_code == 302
    alert.refresh_from_db()
    assert (alert.status, alert.status_reason) == ("acknowledged", "Looking into it")


def test_analysts_see_a_banner_with_the_number_of_open_alerts(verified_client, analyst, alert):
    page = verified_client(analyst).get(reverse("home")).content.decode()
    assert "1 open alert about emerging issues" in page
    assert f'href="{reverse("alerts:list")}"' in page


def test_the_banner_costs_one_query(rf, analyst, alert, django_assert_num_queries):
    from csphub.alerts.context_processors import open_alerts

    request = rf.get("/")
    request.user = analyst
    analyst.has_role("analyst")  # the roles are read once per request anyway
    with django_assert_num_queries(1):
        assert open_alerts(request) == {"open_alert_count": 1}


def test_other_roles_see_no_banner(verified_client, submitter, alert):
    page = verified_client(submitter).get(reverse("home")).content.decode()
    assert "open alert" not in page


def test_no_banner_without_open_alerts(verified_client, analyst, alert):
    alert_acknowledge(alert=alert, user=analyst)
    page = verified_client(analyst).get(reverse("home")).content.decode()
    assert "open alert" not in page


def test_analysts_have_alerts_in_the_navigation(verified_client, analyst):
    page = verified_client(analyst).get(reverse("home")).content.decode()
    assert f'href="{reverse("alerts:list")}">Alerts<' in page
