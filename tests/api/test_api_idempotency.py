"""A retried POST with the same Idempotency-Key returns the first submission, not a second one."""

import json
import threading
import uuid

import pytest
from django.db import connection
from django.test import Client

from csphub.api.models import ApiToken
from csphub.intelligence.models import Submission

PAYLOAD = {
    "themes": ["anti-social-behaviour"],
    "information": "Groups gathering by the shops on Market Street most evenings.",
    "how_known": "first_hand",
    "may_contact": True,
    "source_disclosable": False,
    "district_code": "E07000130",
}


def submit(client, token, key=None, payload=PAYLOAD):
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return client.post(
        "/api/v1/submissions", json.dumps(payload), content_type="application/json", headers=headers
    )


@pytest.fixture
def token(submitter):
    return ApiToken.issue(submitter)[1]


@pytest.mark.django_db
def test_a_retry_with_the_same_key_returns_201_and_the_same_body(client, token):
    key = str(uuid.uuid4())
    first = submit(client, token, key)
    retry = submit(client, token, key)
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert Submission.objects.count() == 1


@pytest.mark.django_db
def test_a_replayed_response_says_so_in_a_header(client, token):
    first = submit(client, token, "order-42")
    retry = submit(client, token, "order-42")
    assert "Idempotent-Replayed" not in first
    assert retry["Idempotent-Replayed"] == "true"


@pytest.mark.django_db
def test_different_keys_create_different_submissions(client, token):
    first = submit(client, token, "key-1").json()["reference"]
    second = submit(client, token, "key-2").json()["reference"]
    assert first != second
    assert Submission.objects.count() == 2


@pytest.mark.django_db
def test_without_a_key_every_post_creates_a_submission(client, token):
    submit(client, token)
    submit(client, token)
    assert Submission.objects.count() == 2


@pytest.mark.django_db
def test_keys_belong_to_the_user_so_another_users_key_does_not_collide(
    client, token, other_submitter
):
    mine = submit(client, token, "shared-key").json()["reference"]
    theirs = submit(client, ApiToken.issue(other_submitter)[1], "shared-key").json()["reference"]
    assert mine != theirs
    assert Submission.objects.get(reference=theirs).submitted_by == other_submitter


@pytest.mark.django_db
def test_a_retry_with_another_token_of_the_same_user_still_returns_the_first(
    client, token, submitter
):
    first = submit(client, token, "same-user").json()
    retry = submit(client, ApiToken.issue(submitter, "second system")[1], "same-user").json()
    assert retry == first


@pytest.mark.django_db
def test_a_failed_first_attempt_does_not_use_up_the_key(client, token):
    invalid = submit(client, token, "try-again", payload={**PAYLOAD, "themes": []})
    assert invalid.status_code == 422
    valid = submit(client, token, "try-again")
    assert valid.status_code == 201
    assert Submission.objects.count() == 1


@pytest.mark.django_db
def test_a_key_longer_than_200_characters_is_refused(client, token):
    response = submit(client, token, "k" * 201)
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "idempotency_key": ["Idempotency-Key must be 200 characters or fewer"]
    }
    assert Submission.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["caf\u00e9", "tab\there", "nul\x00"])
def test_a_key_with_characters_outside_printable_ascii_is_refused(client, token, key):
    response = submit(client, token, key)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["idempotency_key"]
    assert Submission.objects.count() == 0


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_with_the_same_key_all_get_the_one_submission(submitter):
    token = ApiToken.issue(submitter)[1]
    attempts = 4
    barrier = threading.Barrier(attempts)
    responses = []

    def attempt():
        try:
            client = Client()
            barrier.wait()
            response = submit(client, token, "raced-key")
            responses.append((response.status_code, response.json()))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [status for status, _ in responses] == [201] * attempts
    assert len({body["reference"] for _, body in responses}) == 1
    assert Submission.objects.count() == 1
