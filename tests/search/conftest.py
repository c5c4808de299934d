import pytest
from django.urls import reverse

from csphub.api.models import ApiToken
from tests.factories import make_submission


@pytest.fixture
def submit(submitter, django_capture_on_commit_callbacks):
    """Make a submission as the submitter and let its commit hooks run, as after a real
    commit: its search document is then written (tasks run at once in tests)."""

    def make(**overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return make_submission(submitter, **overrides)

    return make


@pytest.fixture
def analyst_client(verified_client, analyst):
    return verified_client(analyst)


@pytest.fixture
def search_page(analyst_client):
    """GET the search page as an analyst with these parameters."""

    def get(**params):
        return analyst_client.get(reverse("search:search"), params)

    return get


@pytest.fixture
def search_api(client, analyst):
    """GET /api/v1/search as an analyst with these parameters."""
    token = ApiToken.issue(analyst)[1]

    def get(**params):
        return client.get("/api/v1/search", params, headers={"Authorization": f"Bearer {token}"})

    return get


def references(response) -> list[str]:
    return [hit["reference"] for hit in response.json()["results"]]
