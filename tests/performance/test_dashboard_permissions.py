"""Who may open the dashboard: board, forum members, analysts, performance analysts and
administrators; submitters may not. Only performance analysts and administrators upload."""

import pytest
from django.urls import reverse

from csphub.core.roles import Role
from tests.dashboard_support import DASHBOARD_ROLES, load_results
from tests.factories import ALL_ROLES, UserFactory

pytestmark = pytest.mark.django_db

DASHBOARD_PAGES = [
    reverse("performance:county"),
    reverse("performance:district", args=["blaby"]),
    reverse("performance:kpi", args=["county", "all-crime"]),
    reverse("performance:kpi", args=["blaby", "all-crime"]) + "?format=csv&data=trend",
]


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("url", DASHBOARD_PAGES)
def test_dashboard_pages_are_for_the_dashboard_roles(verified_client, role, url):
    load_results()
    response = verified_client(UserFactory(roles=[role])).get(url)
    assert response.status_code == (200 if role in DASHBOARD_ROLES else 404), role


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_performance_analysts_and_administrators_may_upload(verified_client, role):
    client = verified_client(UserFactory(roles=[role]))
    allowed = role in (Role.PERFORMANCE_ANALYST, Role.ADMINISTRATOR)
    assert client.get(reverse("performance:upload")).status_code == (200 if allowed else 404)
    assert client.post(reverse("performance:upload"), {}).status_code == (400 if allowed else 404)


@pytest.mark.parametrize(
    "url", DASHBOARD_PAGES + [reverse("performance:upload"), reverse("performance:board_report")]
)
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", ALL_ROLES)
def test_the_navigation_links_to_the_dashboard_for_its_roles(verified_client, role):
    html = verified_client(UserFactory(roles=[role])).get(reverse("home")).content.decode()
    assert (f'href="{reverse("performance:county")}"' in html) == (role in DASHBOARD_ROLES)


def test_a_submitter_cannot_download_the_board_report(verified_client):
    load_results()
    client = verified_client(UserFactory(roles=[Role.SUBMITTER]))
    assert client.get(reverse("performance:board_report"), {"period": "2022-10"}).status_code == 404
