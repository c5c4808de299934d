"""Who may use each API endpoint: every role, plus no token and a bad token."""

import json

import pytest

from csphub.api.models import ApiToken
from csphub.core.roles import Role
from tests.factories import UserFactory, make_submission

ROLES = [
    Role.SUBMITTER,
    Role.ANALYST,
    Role.FORUM_MEMBER,
    Role.PERFORMANCE_ANALYST,
    Role.BOARD_MEMBER,
    Role.ADMINISTRATOR,
]
NO_TOKEN = "no token"
BAD_TOKEN = "bad token"

VALID_SUBMISSION = {
    "themes": ["anti-social-behaviour"],
    "information": "Groups gathering by the shops on Market Street most evenings.",
    "how_known": "first_hand",
    "may_contact": True,
    "source_disclosable": False,
    "district_code": "E07000130",
}

# Expected status per endpoint and caller. The submission read belongs to someone else:
# only analysts may see it, and to anyone else it does not exist (404, not 403).
EXPECTED = {
    "list themes": {
        Role.SUBMITTER: 200,
        Role.ANALYST: 200,
        Role.FORUM_MEMBER: 200,
        Role.PERFORMANCE_ANALYST: 200,
        Role.BOARD_MEMBER: 200,
        Role.ADMINISTRATOR: 200,
        NO_TOKEN: 401,
        BAD_TOKEN: 401,
    },
    "create submission": {
        Role.SUBMITTER: 201,
        Role.ANALYST: 403,
        Role.FORUM_MEMBER: 403,
        Role.PERFORMANCE_ANALYST: 403,
        Role.BOARD_MEMBER: 403,
        Role.ADMINISTRATOR: 403,
        NO_TOKEN: 401,
        BAD_TOKEN: 401,
    },
    "read someone else's submission": {
        Role.SUBMITTER: 404,
        Role.ANALYST: 200,
        Role.FORUM_MEMBER: 404,
        Role.PERFORMANCE_ANALYST: 404,
        Role.BOARD_MEMBER: 404,
        Role.ADMINISTRATOR: 404,
        NO_TOKEN: 401,
        BAD_TOKEN: 401,
    },
}
CASES = [
    (endpoint, caller, status)
    for endpoint, row in EXPECTED.items()
    for caller, status in row.items()
]


def headers_for(caller):
    if caller == NO_TOKEN:
        return {}
    if caller == BAD_TOKEN:
        return {"Authorization": "Bearer csp_not-a-real-token"}
    user = UserFactory(roles=[caller])
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def call(client, endpoint, headers, reference):
    if endpoint == "list themes":
        return client.get("/api/v1/themes", headers=headers)
    if endpoint == "create submission":
        return client.post(
            "/api/v1/submissions",
            json.dumps(VALID_SUBMISSION),
            content_type="application/json",
            headers=headers,
        )
    return client.get(f"/api/v1/submissions/{reference}", headers=headers)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("endpoint", "caller", "status"), CASES, ids=[f"{e}-{c}-{s}" for e, c, s in CASES]
)
def test_each_caller_gets_the_expected_status_from_each_endpoint(
    client, other_submitter, endpoint, caller, status
):
    reference = make_submission(other_submitter).reference
    response = call(client, endpoint, headers_for(caller), reference)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    if status >= 400:
        assert response.json()["detail"]


@pytest.mark.django_db
def test_the_originator_can_read_their_own_submission(client, submitter):
    reference = make_submission(submitter).reference
    token = ApiToken.issue(submitter)[1]
    response = client.get(
        f"/api/v1/submissions/{reference}", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_non_submitter_is_refused_before_their_body_is_read(client, analyst):
    token = ApiToken.issue(analyst)[1]
    response = client.post(
        "/api/v1/submissions",
        "not json at all",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "Only users with the submitter role can do this."}


@pytest.mark.django_db
def test_a_user_with_several_roles_including_submitter_may_submit(client):
    user = UserFactory(roles=[Role.BOARD_MEMBER, Role.SUBMITTER])
    token = ApiToken.issue(user)[1]
    response = client.post(
        "/api/v1/submissions",
        json.dumps(VALID_SUBMISSION),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201
