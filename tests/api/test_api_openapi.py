"""The API describes itself at /api/v1/openapi.json, and every API URL states who may use it."""

import json

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from csphub.core.permissions import ACCESS_ATTRIBUTE


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


@pytest.mark.django_db
def test_the_openapi_document_is_public_valid_json_with_title_and_version(document):
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "CSP Hub API"
    assert document["info"]["version"] == "1"


@pytest.mark.django_db
def test_the_openapi_document_lists_every_endpoint_with_its_full_path(document):
    paths = document["paths"]
    assert set(paths) == {
        "/api/v1/themes",
        "/api/v1/submissions",
        "/api/v1/submissions/{reference}",
        "/api/v1/submissions/{reference}/sanitised",
        "/api/v1/submissions/{reference}/connections",
        "/api/v1/entities/{entity_id}",
    }
    assert set(paths["/api/v1/themes"]) == {"get"}
    assert set(paths["/api/v1/submissions"]) == {"post"}
    assert set(paths["/api/v1/submissions/{reference}"]) == {"get"}
    assert set(paths["/api/v1/submissions/{reference}/sanitised"]) == {"get"}


@pytest.mark.django_db
def test_every_operation_requires_the_bearer_token(document):
    schemes = document["components"]["securitySchemes"]
    assert schemes == {"ApiTokenAuth": {"type": "http", "scheme": "bearer"}}
    for operations in document["paths"].values():
        for operation in operations.values():
            assert operation["security"] == [{"ApiTokenAuth": []}]


@pytest.mark.django_db
def test_the_submission_request_documents_its_fields_and_choices(document):
    schema = document["components"]["schemas"]["SubmissionIn"]
    assert set(schema["required"]) == {
        "themes",
        "information",
        "how_known",
        "may_contact",
        "source_disclosable",
    }
    assert schema["properties"]["how_known"]["enum"] == [
        "first_hand",
        "second_hand",
        "community_member",
    ]
    assert schema["additionalProperties"] is False
    post = document["paths"]["/api/v1/submissions"]["post"]
    assert {p["name"] for p in post["parameters"]} == {"Idempotency-Key"}
    assert {"201", "400", "401", "403", "422"} <= set(post["responses"])


@pytest.mark.django_db
def test_there_is_no_docs_page_that_would_load_scripts_from_a_cdn(client):
    assert client.get("/api/v1/docs").status_code == 404


@pytest.mark.django_db
def test_the_api_root_says_where_the_openapi_document_is(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert response.json() == {
        "name": "CSP Hub API",
        "version": "1",
        "openapi": "http://testserver/api/v1/openapi.json",
    }


def _api_patterns(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _api_patterns(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("api/v1/"):
            yield route, pattern


def test_every_api_url_states_who_may_use_it():
    found = dict(_api_patterns(get_resolver().url_patterns))
    assert found
    access = {
        route: getattr(pattern.callback, ACCESS_ATTRIBUTE, None) for route, pattern in found.items()
    }
    assert access == {
        "api/v1/openapi.json": "public",
        "api/v1/themes": "api_token",
        "api/v1/submissions": "api_token",
        "api/v1/submissions/<reference>": "api_token",
        "api/v1/submissions/<reference>/sanitised": "api_token",
        "api/v1/submissions/<reference>/connections": "api_token",
        "api/v1/entities/<entity_id>": "api_token",
        "api/v1/": "public",
        "api/v1/^(?P<rest>.+)$": "public",
    }
