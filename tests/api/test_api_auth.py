"""API requests authenticate with `Authorization: Bearer <token>` (an ApiToken)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from csphub.api.auth import LAST_USED_INTERVAL
from csphub.api.models import ApiToken, hash_token
from tests.factories import UserFactory

UNAUTHORIZED = {"detail": "Send a valid API token in the Authorization header: Bearer <token>."}


def get_themes(client, authorization=None):
    headers = {"Authorization": authorization} if authorization is not None else {}
    return client.get("/api/v1/themes", headers=headers)


@pytest.mark.django_db
def test_a_live_token_is_accepted(client, submitter):
    _, token = ApiToken.issue(submitter)
    assert get_themes(client, f"Bearer {token}").status_code == 200


@pytest.mark.django_db
def test_the_scheme_name_is_not_case_sensitive(client, submitter):
    _, token = ApiToken.issue(submitter)
    assert get_themes(client, f"bearer {token}").status_code == 200


@pytest.mark.django_db
def test_a_request_without_a_token_answers_401_json_with_www_authenticate(client):
    response = get_themes(client)
    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer csp_unknown",
        "Bearer ",
        "Bearer",
        "Token abc",
        "Basic dXNlcjpwYXNz",
        "csp_x",
        "Bearer " + "a" * 5000,
        "Bearer caf\u00e9",
    ],
    ids=["unknown", "empty", "no-token", "other-scheme", "basic", "no-scheme", "huge", "non-ascii"],
)
def test_a_wrong_or_malformed_token_answers_401(client, submitter, authorization):
    response = get_themes(client, authorization)
    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED


@pytest.mark.django_db
def test_a_revoked_token_answers_401(client, submitter):
    api_token, token = ApiToken.issue(submitter)
    api_token.revoked_at = timezone.now()
    api_token.save()
    assert get_themes(client, f"Bearer {token}").status_code == 401


@pytest.mark.django_db
def test_the_token_of_an_inactive_user_answers_401(client, submitter):
    _, token = ApiToken.issue(submitter)
    submitter.is_active = False
    submitter.save()
    assert get_themes(client, f"Bearer {token}").status_code == 401


@pytest.mark.django_db
def test_the_hash_of_a_token_does_not_work_as_a_token(client, submitter):
    _, token = ApiToken.issue(submitter)
    assert get_themes(client, f"Bearer {hash_token(token)}").status_code == 401


@pytest.mark.django_db
def test_only_the_hash_of_a_token_is_stored(submitter):
    api_token, token = ApiToken.issue(submitter)
    api_token.refresh_from_db()
    assert api_token.token_hash == hash_token(token)
    assert token not in {api_token.token_hash, api_token.name}
    assert api_token.prefix == token[:8]


@pytest.mark.django_db
def test_a_signed_in_session_is_not_enough_without_a_token(client, submitter):
    client.force_login(submitter)
    assert get_themes(client).status_code == 401


@pytest.mark.django_db
def test_the_token_acts_as_its_own_user_not_the_signed_in_one(client, submitter, other_submitter):
    from tests.factories import make_submission

    reference = make_submission(other_submitter).reference
    client.force_login(other_submitter)
    _, token = ApiToken.issue(submitter)
    response = client.get(
        f"/api/v1/submissions/{reference}", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_first_use_records_when_the_token_was_last_used(client, submitter):
    api_token, token = ApiToken.issue(submitter)
    before = timezone.now()
    get_themes(client, f"Bearer {token}")
    api_token.refresh_from_db()
    assert api_token.last_used_at >= before


@pytest.mark.django_db
def test_uses_within_a_minute_do_not_write_last_used_again(
    client, submitter, django_assert_num_queries
):
    api_token, token = ApiToken.issue(submitter)
    get_themes(client, f"Bearer {token}")
    api_token.refresh_from_db()
    first_use = api_token.last_used_at
    # The token lookup (with its user) and the themes: no UPDATE of last_used_at.
    with django_assert_num_queries(2):
        get_themes(client, f"Bearer {token}")
    api_token.refresh_from_db()
    assert api_token.last_used_at == first_use


@pytest.mark.django_db
def test_a_use_after_more_than_a_minute_updates_last_used(client, submitter):
    api_token, token = ApiToken.issue(submitter)
    long_ago = timezone.now() - LAST_USED_INTERVAL - timedelta(seconds=1)
    ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=long_ago)
    get_themes(client, f"Bearer {token}")
    api_token.refresh_from_db()
    assert api_token.last_used_at > long_ago + LAST_USED_INTERVAL


@pytest.mark.django_db
def test_each_user_may_hold_several_tokens(client):
    user = UserFactory()
    tokens = [ApiToken.issue(user, name)[1] for name in ("police", "council")]
    assert len(set(tokens)) == 2
    assert all(get_themes(client, f"Bearer {t}").status_code == 200 for t in tokens)


@pytest.mark.django_db
def test_revoking_a_token_refuses_it_on_the_very_next_request(client, submitter):
    api_token, token = ApiToken.issue(submitter)
    assert get_themes(client, f"Bearer {token}").status_code == 200
    ApiToken.objects.filter(pk=api_token.pk).update(revoked_at=timezone.now())
    assert get_themes(client, f"Bearer {token}").status_code == 401


@pytest.mark.django_db
def test_a_role_taken_away_is_refused_on_the_very_next_request(client, submitter):
    from csphub.accounts.models import UserRole

    _, token = ApiToken.issue(submitter)
    headers = {"Authorization": f"Bearer {token}"}
    payload = {
        "themes": ["anti-social-behaviour"],
        "information": "Noise.",
        "how_known": "first_hand",
        "may_contact": False,
        "source_disclosable": False,
        "district_code": "E07000130",
    }
    assert (
        client.post(
            "/api/v1/submissions", payload, content_type="application/json", headers=headers
        ).status_code
        == 201
    )
    UserRole.objects.filter(user=submitter).delete()
    assert (
        client.post(
            "/api/v1/submissions", payload, content_type="application/json", headers=headers
        ).status_code
        == 403
    )


@pytest.mark.django_db
def test_one_query_finds_the_token_its_user_and_roles(client, submitter, django_assert_num_queries):
    from csphub.api.auth import user_for_token

    _, token = ApiToken.issue(submitter)
    user_for_token(token)  # the first use also records last_used_at
    with django_assert_num_queries(1):
        user = user_for_token(token)
    assert user == submitter
    assert user.role_set == {"submitter"}
