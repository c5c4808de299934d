"""`csphub create-token USERNAME [--name NAME]` issues a token and prints only the token."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from csphub.api.models import ApiToken, hash_token
from tests.factories import UserFactory


def create_token(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("create_token", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_it_prints_only_the_token_which_then_works(client, submitter):
    out, _ = create_token("submitter")
    token = out.strip()
    assert out == token + "\n"
    assert token.startswith("csp_") and " " not in token
    response = client.get("/api/v1/themes", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_token_is_stored_as_a_hash_with_its_name(submitter):
    out, err = create_token("submitter", "--name", "Police RMS")
    api_token = ApiToken.objects.get(user=submitter)
    assert api_token.token_hash == hash_token(out.strip())
    assert api_token.name == "Police RMS"
    assert api_token.prefix in err
    assert out.strip() not in err


@pytest.mark.django_db
def test_an_unknown_user_is_a_clear_error():
    with pytest.raises(CommandError, match="There is no user with the username 'nobody'"):
        create_token("nobody")
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_an_inactive_user_is_refused():
    UserFactory(username="gone", is_active=False)
    with pytest.raises(CommandError, match="not active"):
        create_token("gone")


@pytest.mark.django_db
def test_a_name_longer_than_100_characters_is_refused(submitter):
    with pytest.raises(CommandError, match="100 characters or fewer"):
        create_token("submitter", "--name", "n" * 101)
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_the_hyphenated_name_runs_the_same_command(submitter):
    out = io.StringIO()
    call_command("create_token", "submitter", "--name", "script", stdout=out, stderr=io.StringIO())
    assert ApiToken.objects.get(name="script").token_hash == hash_token(out.getvalue().strip())


@pytest.mark.django_db
def test_an_unknown_user_makes_the_command_exit_non_zero():
    with pytest.raises(CommandError) as error:
        create_token("nobody")
    assert error.value.returncode != 0
