"""Who may open the alerts pages and the API: analysts only (rules: administrators only);
everyone else signed in gets 404, as if the page did not exist."""

import pytest
from django.urls import reverse

from csphub.alerts.models import Alert, AlertRule, RuleKind
from csphub.api.models import ApiToken
from csphub.core.roles import Role
from tests.alerts.support import PHONE, only, reported
from tests.factories import ALL_ROLES, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert(submitter):
    only(RuleKind.ENTITY)
    for _ in range(3):
        reported(submitter, identifiers=[PHONE])
    return Alert.objects.get()


def pages(alert):
    rule = AlertRule.objects.order_by("pk").first()
    return {
        ("get", reverse("alerts:list")): {Role.ANALYST},
        ("get", reverse("alerts:detail", args=[alert.pk])): {Role.ANALYST},
        ("post", reverse("alerts:acknowledge", args=[alert.pk])): {Role.ANALYST},
        ("post", reverse("alerts:dismiss", args=[alert.pk])): {Role.ANALYST},
        ("get", reverse("alerts:rules")): {Role.ADMINISTRATOR},
        ("get", reverse("alerts:rule_edit", args=[rule.pk])): {Role.ADMINISTRATOR},
        ("get", reverse("alerts:rule_create", args=["entity"])): {Role.ADMINISTRATOR},
    }


@pytest.mark.parametrize("role", ALL_ROLES)
def test_each_role_gets_the_alerts_pages_or_404(verified_client, alert, role):
    client = verified_client(UserFactory(roles=[role]))
    for (method, url), allowed in pages(alert).items():
        data = {"dismiss-reason": "Known", "ack-reason": ""} if method == "post" else None
        response = getattr(client, method)(url, data) if data else client.get(url)
        if role in allowed:
            assert response.status_code in (200, 302), (role, url)
        else:
            assert response.status_code == 404, (role, url)
    alert.refresh_from_db()
    assert (alert.status != "open") == (role == Role.ANALYST)


def test_anonymous_visitors_are_sent_to_sign_in(client, alert):
    for (method, url), _ in pages(alert).items():
        response = getattr(client, method)(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_acknowledge_and_dismiss_answer_only_post(verified_client, analyst, alert):
    client = verified_client(analyst)
    assert client.get(reverse("alerts:dismiss", args=[alert.pk])).status_code == 405
    assert client.get(reverse("alerts:acknowledge", args=[alert.pk])).status_code == 405


def test_an_alert_that_does_not_exist_is_404(verified_client, analyst):
    assert verified_client(analyst).get(reverse("alerts:detail", args=[999999])).status_code == 404


@pytest.mark.parametrize("role", ALL_ROLES)
def test_the_alerts_api_is_for_analysts_and_404_for_everyone_else(client, alert, role):
    token = ApiToken.issue(UserFactory(roles=[role]))[1]
    response = client.get("/api/v1/alerts", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == (200 if role == Role.ANALYST else 404)
    assert response["Content-Type"].startswith("application/json")


def test_the_alerts_api_needs_a_token(client):
    assert client.get("/api/v1/alerts").status_code == 401
