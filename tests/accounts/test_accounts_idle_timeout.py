"""A session left idle longer than SESSION_IDLE_TIMEOUT is signed out."""

import time

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def set_last_activity(client, seconds_ago: int) -> None:
    session = client.session
    session["last_activity"] = int(time.time()) - seconds_ago
    session.save()


def test_the_idle_timeout_is_thirty_minutes_by_default():
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60


def test_a_session_idle_for_longer_than_the_timeout_is_signed_out(verified_client, administrator):
    client = verified_client(administrator)
    assert client.get(reverse("audit:log")).status_code == 200
    set_last_activity(client, settings.SESSION_IDLE_TIMEOUT + 5)

    response = client.get(reverse("audit:log"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next=%2Faudit%2F"
    assert "_auth_user_id" not in client.session
    again = client.get(reverse("audit:log"))
    assert again.status_code == 302
    assert again["Location"].startswith(reverse("accounts:login"))


def test_the_sign_in_page_says_why_they_were_signed_out(verified_client, administrator):
    client = verified_client(administrator)
    client.get(reverse("audit:log"))
    set_last_activity(client, settings.SESSION_IDLE_TIMEOUT + 5)

    response = client.get(reverse("audit:log"), follow=True)

    assert "You were signed out because you were inactive" in response.text


def test_a_session_used_within_the_timeout_stays_signed_in(verified_client, administrator):
    client = verified_client(administrator)
    client.get(reverse("audit:log"))
    set_last_activity(client, settings.SESSION_IDLE_TIMEOUT - 60)

    assert client.get(reverse("audit:log")).status_code == 200
    assert "_auth_user_id" in client.session


def test_each_request_moves_the_idle_clock_on(verified_client, administrator):
    client = verified_client(administrator)
    client.get(reverse("audit:log"))
    set_last_activity(client, settings.SESSION_IDLE_TIMEOUT - 60)

    client.get(reverse("audit:log"))

    assert int(time.time()) - client.session["last_activity"] < 5


def test_a_shorter_configured_timeout_is_honoured(verified_client, administrator, settings):
    settings.SESSION_IDLE_TIMEOUT = 120
    client = verified_client(administrator)
    client.get(reverse("audit:log"))
    set_last_activity(client, 180)
    assert client.get(reverse("audit:log")).status_code == 302
