"""Only analysts may search: everyone else gets 404 from the page and the API, as if neither
existed, and nothing about any submission."""

import pytest
from django.urls import reverse

from csphub.api.models import ApiToken
from csphub.core.roles import Role
from csphub.search.services import search_document_update
from tests.factories import UserFactory, district, make_submission

pytestmark = pytest.mark.django_db

NOT_ANALYSTS = [
    Role.SUBMITTER,
    Role.FORUM_MEMBER,
    Role.PERFORMANCE_ANALYST,
    Role.BOARD_MEMBER,
    Role.ADMINISTRATOR,
]


def _user(role):
    if role == Role.FORUM_MEMBER:
        return UserFactory(roles=[role], forum_districts=[district("charnwood")])
    return UserFactory(roles=[role])


@pytest.mark.parametrize("role", NOT_ANALYSTS)
def test_the_search_page_does_not_exist_for_anyone_but_analysts(verified_client, submit, role):
    found = submit(information="Secret stash under the bridge.")
    response = verified_client(_user(role)).get(reverse("search:search"), {"q": "stash"})
    assert response.status_code == 404
    assert found.reference not in response.content.decode()


@pytest.mark.parametrize("role", NOT_ANALYSTS)
def test_the_search_api_does_not_exist_for_anyone_but_analysts(client, submit, role):
    submit(information="Secret stash under the bridge.")
    token = ApiToken.issue(_user(role))[1]
    response = client.get(
        "/api/v1/search", {"q": "stash"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_an_administrator_who_is_also_an_analyst_may_search(verified_client):
    user = UserFactory(roles=[Role.ADMINISTRATOR, Role.ANALYST])
    assert verified_client(user).get(reverse("search:search")).status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("search:search"), {"q": "stash"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_api_without_a_token_answers_401(client):
    assert client.get("/api/v1/search", {"q": "stash"}).status_code == 401


def test_analysts_find_every_submission_whoever_sent_it(submit, search_api, other_submitter):
    mine = submit(information="Stolen bikes sold from a garage.")
    theirs = make_submission(other_submitter, information="Stolen bikes in a van.")
    search_document_update(submission=theirs)
    found = {hit["reference"] for hit in search_api(q="stolen bikes").json()["results"]}
    assert found == {mine.reference, theirs.reference}
