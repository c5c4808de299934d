"""Who may see what of a submission shared with forums: every caller against every surface.

Forums read only the approved sanitised text. No one but analysts (and the originator, on their
own pages) ever receives the full information text or the structured details.
"""

from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from csphub.api.models import ApiToken
from csphub.core.roles import Role
from tests.factories import UserFactory, district
from tests.sanitised_support import (
    INFORMATION,
    PERSONAL,
    SANITISED,
    approve,
    make_originator,
    make_rich_submission,
)

ORIGINATOR = "originator"
OTHER_SUBMITTER = "another submitter"
ANALYST = "analyst"
FORUM_MEMBER = "forum member of the district"
OTHER_FORUM_MEMBER = "forum member of another district"
PERFORMANCE_ANALYST = "performance analyst"
BOARD_MEMBER = "board member"
ADMINISTRATOR = "administrator"
ANONYMOUS = "anonymous"
CALLERS = [
    ORIGINATOR,
    OTHER_SUBMITTER,
    ANALYST,
    FORUM_MEMBER,
    OTHER_FORUM_MEMBER,
    PERFORMANCE_ANALYST,
    BOARD_MEMBER,
    ADMINISTRATOR,
    ANONYMOUS,
]

FORUM_LIST = "forum list page"
FORUM_DETAIL = "forum detail page"
SANITISE_PAGE = "sanitise page"
API_SANITISED = "API sanitised endpoint"
TRIAGE_DETAIL = "triage detail page"
API_SUBMISSION = "API full submission endpoint"
MY_SUBMISSION = "my-submission page"


def _row(default, **by_caller):
    return {caller: by_caller.get(caller, default) for caller in CALLERS}


# Pages send anonymous visitors to sign in (302) and answer other roles 404; a record the caller
# may not see is not found (404). API calls without a token get 401.
EXPECTED = {
    FORUM_LIST: _row(404, **{FORUM_MEMBER: 200, OTHER_FORUM_MEMBER: 200, ANONYMOUS: 302}),
    FORUM_DETAIL: _row(404, **{FORUM_MEMBER: 200, OTHER_FORUM_MEMBER: 404, ANONYMOUS: 302}),
    SANITISE_PAGE: _row(404, **{ANALYST: 200, ANONYMOUS: 302}),
    API_SANITISED: _row(404, **{ANALYST: 200, FORUM_MEMBER: 200, ANONYMOUS: 401}),
    TRIAGE_DETAIL: _row(404, **{ANALYST: 200, ANONYMOUS: 302}),
    API_SUBMISSION: _row(404, **{ANALYST: 200, ORIGINATOR: 200, ANONYMOUS: 401}),
    MY_SUBMISSION: _row(404, **{ORIGINATOR: 200, OTHER_SUBMITTER: 404, ANONYMOUS: 302}),
}
CASES = [
    (surface, caller, status) for surface, row in EXPECTED.items() for caller, status in row.items()
]
# Where the full text may legitimately be shown. Everywhere else, even an analyst reading the
# sanitised endpoint, gets the sanitised text at most.
MAY_SEE_EVERYTHING = {
    (ANALYST, SANITISE_PAGE),
    (ANALYST, TRIAGE_DETAIL),
    (ANALYST, API_SUBMISSION),
    (ORIGINATOR, API_SUBMISSION),
    (ORIGINATOR, MY_SUBMISSION),
}
# Never in a sanitised view: the full text, the structured details, the source.
PRIVATE = [
    INFORMATION,
    *PERSONAL,
    "Tall, shaved head",
    "Olivia Originator",
    "Originating Housing Trust",
]


def make_caller(caller, originator):
    charnwood, melton = district("charnwood"), district("melton")
    return {
        ORIGINATOR: lambda: originator,
        OTHER_SUBMITTER: lambda: UserFactory(roles=[Role.SUBMITTER]),
        ANALYST: lambda: UserFactory(roles=[Role.ANALYST]),
        FORUM_MEMBER: lambda: UserFactory(roles=[Role.FORUM_MEMBER], forum_districts=[charnwood]),
        OTHER_FORUM_MEMBER: lambda: UserFactory(
            roles=[Role.FORUM_MEMBER], forum_districts=[melton]
        ),
        PERFORMANCE_ANALYST: lambda: UserFactory(roles=[Role.PERFORMANCE_ANALYST]),
        BOARD_MEMBER: lambda: UserFactory(roles=[Role.BOARD_MEMBER]),
        ADMINISTRATOR: lambda: UserFactory(roles=[Role.ADMINISTRATOR]),
        ANONYMOUS: lambda: None,
    }[caller]()


def call(surface, user, reference, verified_client):
    if surface in (API_SANITISED, API_SUBMISSION):
        headers = {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"} if user else {}
        path = f"/api/v1/submissions/{reference}" + (
            "/sanitised" if surface == API_SANITISED else ""
        )
        return Client().get(path, headers=headers)
    client = verified_client(user) if user else Client()
    url = {
        FORUM_LIST: reverse("forums:intelligence"),
        FORUM_DETAIL: reverse("forums:intelligence_detail", args=[reference]),
        SANITISE_PAGE: reverse("redaction:sanitise", args=[reference]),
        TRIAGE_DETAIL: reverse("intelligence:triage_detail", args=[reference]),
        MY_SUBMISSION: reverse("intelligence:my_submission", args=[reference]),
    }[surface]
    return client.get(url)


@pytest.fixture
def shared_submission(db):
    """A Charnwood submission full of personal data, with an approved sanitised version."""
    submission = make_rich_submission(make_originator())
    approve(submission, UserFactory(username="approving-analyst", roles=[Role.ANALYST]))
    return submission


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("surface", "caller", "status"), CASES, ids=[f"{s}-{c}-{x}" for s, c, x in CASES]
)
def test_each_caller_gets_the_expected_status_and_no_more_than_they_may_see(
    verified_client, shared_submission, surface, caller, status
):
    user = make_caller(caller, shared_submission.submitted_by)
    response = call(surface, user, shared_submission.reference, verified_client)
    assert response.status_code == status, f"{caller} on {surface}"
    if status == 302:
        assert response.url.startswith(reverse("accounts:login"))
    body = unescape(response.content.decode())
    if (caller, surface) in MAY_SEE_EVERYTHING:
        if status == 200:
            assert "Piotr Nowak" in body  # the full text is really there for those who may see it
        return
    for private in PRIVATE:
        assert private not in body, f"{caller} received {private!r} from {surface}"
    if status == 200:  # what forums may see, they do see
        assert SANITISED in body or (caller == OTHER_FORUM_MEMBER and surface == FORUM_LIST)


@pytest.mark.django_db
@pytest.mark.parametrize("caller", [FORUM_MEMBER, ANALYST])
def test_nothing_is_found_while_no_version_is_approved(verified_client, caller):
    submission = make_rich_submission(make_originator())
    user = make_caller(caller, submission.submitted_by)
    assert call(API_SANITISED, user, submission.reference, verified_client).status_code == 404
    if caller == FORUM_MEMBER:
        assert call(FORUM_DETAIL, user, submission.reference, verified_client).status_code == 404
        listing = call(FORUM_LIST, user, submission.reference, verified_client)
        assert submission.reference not in listing.content.decode()


@pytest.mark.django_db
def test_the_sanitised_endpoint_returns_the_approved_text_and_safe_metadata_only(shared_submission):
    member = make_caller(FORUM_MEMBER, None)
    token = ApiToken.issue(member)[1]
    response = Client().get(
        f"/api/v1/submissions/{shared_submission.reference}/sanitised",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"reference", "version", "text", "themes", "district", "approved_at"}
    assert body["reference"] == shared_submission.reference
    assert body["version"] == 1
    assert body["text"] == SANITISED
    assert body["themes"] == [{"slug": "anti-social-behaviour", "name": "Anti-social behaviour"}]
    assert body["district"] == {"code": "E07000130", "name": "Charnwood"}
    assert body["approved_at"]


@pytest.mark.django_db
def test_the_sanitised_endpoint_answers_with_the_newest_version(shared_submission, analyst):
    approve(shared_submission, analyst, text=SANITISED + " Update: seen again.")
    token = ApiToken.issue(make_caller(FORUM_MEMBER, None))[1]
    body = (
        Client()
        .get(
            f"/api/v1/submissions/{shared_submission.reference}/sanitised",
            headers={"Authorization": f"Bearer {token}"},
        )
        .json()
    )
    assert body["version"] == 2 and body["text"].endswith("Update: seen again.")


@pytest.mark.django_db
@pytest.mark.parametrize("reference", ["CIP-2099-000001", "not-a-reference", "CIP-2026-1"])
def test_the_sanitised_endpoint_answers_404_for_unknown_references(shared_submission, reference):
    token = ApiToken.issue(make_caller(ANALYST, None))[1]
    response = Client().get(
        f"/api/v1/submissions/{reference}/sanitised", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.django_db
def test_an_originator_who_is_also_a_forum_member_reads_only_the_sanitised_text_on_forum_pages(
    verified_client, shared_submission
):
    originator = shared_submission.submitted_by
    originator.roles.create(role=Role.FORUM_MEMBER)
    originator.forum_memberships.create(district=district("charnwood"))
    for surface in (FORUM_LIST, FORUM_DETAIL, API_SANITISED):
        response = call(surface, originator, shared_submission.reference, verified_client)
        assert response.status_code == 200
        body = unescape(response.content.decode())
        assert SANITISED in body
        assert INFORMATION not in body and "Nowak" not in body and "FV19" not in body


@pytest.mark.django_db
def test_reading_the_sanitised_version_through_the_api_is_audited(shared_submission):
    from csphub.audit.models import AuditEvent

    member = make_caller(FORUM_MEMBER, None)
    token = ApiToken.issue(member)[1]
    Client().get(
        f"/api/v1/submissions/{shared_submission.reference}/sanitised",
        headers={"Authorization": f"Bearer {token}"},
    )
    event = AuditEvent.objects.get(action="viewed", object_type="sanitised_version")
    assert event.actor == member and event.object_id == shared_submission.reference
