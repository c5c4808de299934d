"""Everyone signed in may search the directory; only administrators may change it."""

import pytest
from django.urls import reverse

from csphub.directory.models import SupportService
from tests.factories import make_support_service

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ["manage", "service_new", "service_edit", "service_delete", "export", "import"]


def url(name, service):
    args = [service.pk] if name in {"service_edit", "service_delete"} else []
    return reverse(f"directory:{name}", args=args)


@pytest.mark.parametrize(
    "role, allowed",
    [
        ("submitter", False),
        ("analyst", False),
        ("administrator", True),
    ],
)
def test_only_administrators_can_edit_the_directory(role, allowed, request, verified_client):
    service = make_support_service()
    client = verified_client(request.getfixturevalue(role))
    for name in ADMIN_PAGES:
        assert client.get(url(name, service)).status_code == (200 if allowed else 404), name
    assert client.get(reverse("directory:search")).status_code == 200
    if not allowed:
        assert (
            client.post(url("service_delete", service), {"action": "deactivate"}).status_code == 404
        )
        assert (
            client.post(url("service_new", service), {"organisation": "X", "name": "Y"}).status_code
            == 404
        )
        assert SupportService.objects.get().active is True
        assert SupportService.objects.count() == 1


def test_signed_out_visitors_cannot_reach_the_administration_pages(client):
    service = make_support_service()
    for name in ADMIN_PAGES:
        page = client.get(url(name, service))
        assert page.status_code == 302 and page["Location"].startswith(reverse("accounts:login"))


def test_every_directory_view_states_who_may_use_it():
    from django.urls import get_resolver

    from csphub.core.permissions import ACCESS_ATTRIBUTE

    resolver = get_resolver()
    patterns = resolver.namespace_dict["directory"][1].url_patterns
    assert patterns
    for pattern in patterns:
        assert getattr(pattern.callback, ACCESS_ATTRIBUTE, None) in {"signed_in", "roles"}, pattern
