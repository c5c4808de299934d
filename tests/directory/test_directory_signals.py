"""The directory's signal receivers are connected when the app is ready, and each kind of
change they watch empties the signposting cache."""

import pytest
from django.db.models.signals import m2m_changed, post_delete, post_save

from csphub.directory import selectors, signals
from csphub.directory.models import SupportService
from csphub.geography.models import District
from csphub.intelligence.models import Theme

pytestmark = pytest.mark.django_db


def cached() -> bool:
    return bool(selectors._signposting_cache)


@pytest.fixture
def service():
    return SupportService.objects.create(organisation="Victim First", name="Helpline", oruk_id="vf")


@pytest.fixture
def warm(service):
    """Ask once so the answer is cached."""
    selectors.signposting_for(["hate-crime"])
    assert cached()


CONNECTIONS = [
    (post_save, SupportService, f"signposting-{post_save}"),
    (post_delete, SupportService, f"signposting-{post_delete}"),
    (post_save, Theme, f"signposting-theme-{post_save}"),
    (post_delete, Theme, f"signposting-theme-{post_delete}"),
    (m2m_changed, SupportService.themes.through, "signposting-m2m"),
    (m2m_changed, SupportService.districts.through, "signposting-m2m-districts"),
]


def test_the_receivers_are_connected_when_the_app_is_ready():
    try:
        # disconnect() answers whether it was connected.
        assert [s.disconnect(sender=x, dispatch_uid=uid) for s, x, uid in CONNECTIONS] == [
            True
        ] * len(CONNECTIONS)
    finally:
        signals.connect()


def test_saving_a_service_empties_the_cache(service, warm):
    service.name = "Hate crime helpline"
    service.save()
    assert not cached()


def test_deleting_a_service_empties_the_cache(service, warm):
    service.delete()
    assert not cached()


def test_changing_a_services_themes_empties_the_cache(service, warm):
    service.themes.add(Theme.objects.get(slug="hate-crime"))
    assert not cached()


def test_changing_a_services_districts_empties_the_cache(service, warm):
    service.districts.add(District.objects.get(slug="charnwood"))
    assert not cached()


def test_saving_a_theme_empties_the_cache(warm):
    theme = Theme.objects.get(slug="hate-crime")
    theme.save()
    assert not cached()


def test_the_cache_stays_while_nothing_changes(service, warm):
    SupportService.objects.get(pk=service.pk)
    assert cached()
