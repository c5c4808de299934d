"""Repeated failed sign-ins lock the account (django-axes)."""

import pytest
from django.conf import settings
from django.urls import reverse

from csphub.core.roles import Role
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

WRONG = "Not-The-Password-1"


def sign_in(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


@pytest.fixture
def person(db):
    return UserFactory(username="pat", roles=[Role.SUBMITTER])


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_failure_limit_is_five_attempts():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == 0.5


def test_a_wrong_password_shows_an_error_and_warns_about_the_lockout(client, person):
    response = sign_in(client, "pat", WRONG)
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.text
    assert "locked for 30 minutes" in response.text
    assert not is_signed_in(client)


def test_five_wrong_passwords_lock_the_account_and_the_right_password_is_then_refused(
    client, person
):
    for _ in range(4):
        assert sign_in(client, "pat", WRONG).status_code == 200
    fifth = sign_in(client, "pat", WRONG)
    assert fifth.status_code in (403, 429)

    sixth = sign_in(client, "pat", TEST_PASSWORD)

    assert sixth.status_code in (403, 429)
    assert "Your account is locked" in sixth.text
    assert "30 minutes" in sixth.text
    assert not is_signed_in(client)


def test_the_locked_out_page_answers_429_too_many_requests(client, person):
    for _ in range(5):
        sign_in(client, "pat", WRONG)
    assert sign_in(client, "pat", TEST_PASSWORD).status_code == 429


def test_a_successful_sign_in_resets_the_count_of_failures(client, person):
    for _ in range(4):
        sign_in(client, "pat", WRONG)
    assert sign_in(client, "pat", TEST_PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))

    for _ in range(4):
        assert sign_in(client, "pat", WRONG).status_code == 200
    response = sign_in(client, "pat", TEST_PASSWORD)

    assert response.status_code == 302
    assert is_signed_in(client)


def test_a_lockout_of_one_account_does_not_lock_another(client, person):
    UserFactory(username="sam", roles=[Role.SUBMITTER])
    for _ in range(5):
        sign_in(client, "pat", WRONG)
    assert sign_in(client, "sam", TEST_PASSWORD).status_code == 302


def test_an_administrator_can_unlock_an_account_with_the_reset_command(client, person):
    from django.core.management import call_command

    for _ in range(5):
        sign_in(client, "pat", WRONG)
    call_command("axes_reset_username", "pat")
    assert sign_in(client, "pat", TEST_PASSWORD).status_code == 302
