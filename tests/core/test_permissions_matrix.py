"""Who may open which page: every role against every portal page, and deny by default."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from csphub.core.permissions import ACCESS_ATTRIBUTE
from csphub.core.roles import Role
from tests.factories import ALL_ROLES, UserFactory, make_submission

ROLES = ALL_ROLES

# page name -> roles that may open it (everyone else signed in gets 404: the page does not exist for
# them; anonymous goes to sign-in)
PAGES = {
    "home": set(ROLES),
    "intelligence:submit_start": {Role.SUBMITTER},
    "intelligence:my_submissions": {Role.SUBMITTER},
    "intelligence:queue": {Role.ANALYST},
    "entities:network": {Role.ANALYST},
    "search:search": {Role.ANALYST},
    "cases:caseload": {Role.CASE_OFFICER},
    "intelligence:themes": {Role.ADMINISTRATOR},
    "admin_home": {Role.ADMINISTRATOR},
    "audit:log": {Role.ADMINISTRATOR},
    "directory:search": set(ROLES),
    "performance:county": set(ROLES) - {Role.SUBMITTER, Role.CASE_OFFICER},
    "performance:upload": {Role.PERFORMANCE_ANALYST, Role.ADMINISTRATOR},
}


def _walk(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def test_every_page_states_who_may_use_it():
    undeclared = [
        route
        for route, view in _walk(get_resolver())
        if not route.startswith("api/")
        and not hasattr(view, ACCESS_ATTRIBUTE)
        and not hasattr(getattr(view, "view_class", None), ACCESS_ATTRIBUTE)
    ]
    assert undeclared == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_role_matrix_for_pages(verified_client, role, page):
    user = UserFactory(roles=[role])
    response = verified_client(user).get(reverse(page))
    expected = 200 if role in PAGES[page] else 404
    assert response.status_code == expected, f"{role} on {page}"


@pytest.mark.django_db
@pytest.mark.parametrize("page", sorted(PAGES))
def test_anonymous_visitors_are_sent_to_sign_in(client, page):
    response = client.get(reverse(page))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_a_submission_is_visible_only_to_its_originator_and_analysts(
    verified_client, submitter, role
):
    submission = make_submission(submitter)
    user = UserFactory(roles=[role])
    client = verified_client(user)
    triage = client.get(reverse("intelligence:triage_detail", args=[submission.reference]))
    mine = client.get(reverse("intelligence:my_submission", args=[submission.reference]))
    assert triage.status_code == (200 if role == Role.ANALYST else 404)
    # Another submitter's submission does not exist for them.
    assert mine.status_code == 404
    assert (
        submission.information not in triage.content.decode() + mine.content.decode()
        or role == Role.ANALYST
    )


@pytest.mark.django_db
def test_the_originator_sees_their_own_submission(client, submitter):
    submission = make_submission(submitter)
    client.force_login(submitter)
    assert (
        client.get(reverse("intelligence:my_submission", args=[submission.reference])).status_code
        == 200
    )
    assert (
        client.get(
            reverse("intelligence:submit_confirmation", args=[submission.reference])
        ).status_code
        == 200
    )


@pytest.mark.django_db
def test_forms_without_a_csrf_token_are_refused(submitter):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(submitter)
    response = client.post(reverse("intelligence:submit_start"))
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()
