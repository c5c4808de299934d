"""GET /api/v1/themes lists the active themes, for any authenticated caller."""

import pytest

from csphub.api.models import ApiToken
from csphub.intelligence.models import Theme


@pytest.fixture
def get_themes(client, submitter):
    token = ApiToken.issue(submitter)[1]
    return lambda: client.get("/api/v1/themes", headers={"Authorization": f"Bearer {token}"})


@pytest.mark.django_db
def test_it_lists_each_active_theme_as_slug_and_name_in_display_order(get_themes):
    response = get_themes()
    assert response.status_code == 200
    expected = [
        {"slug": t.slug, "name": t.name}
        for t in Theme.objects.filter(active=True).order_by("order", "name")
    ]
    assert response.json() == expected
    assert {"slug": "anti-social-behaviour", "name": "Anti-social behaviour"} in response.json()


@pytest.mark.django_db
def test_a_retired_theme_is_not_listed(get_themes):
    Theme.objects.filter(slug="hate-crime").update(active=False)
    assert "hate-crime" not in [t["slug"] for t in get_themes().json()]


@pytest.mark.django_db
def test_a_retired_theme_cannot_be_submitted(client, submitter):
    Theme.objects.filter(slug="hate-crime").update(active=False)
    token = ApiToken.issue(submitter)[1]
    response = client.post(
        "/api/v1/submissions",
        {
            "themes": ["hate-crime"],
            "information": "Graffiti on the mosque wall.",
            "how_known": "first_hand",
            "may_contact": False,
            "source_disclosable": False,
            "district_code": "E07000130",
        },
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {"themes": ["Unknown theme: hate-crime"]}
