"""Themes are created and changed through their services: a slug made once from the name, a
name no other theme has, administrators only, and every change in the audit trail."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from csphub.audit.models import AuditEvent
from csphub.intelligence.models import Theme
from csphub.intelligence.services import theme_create, theme_update

pytestmark = pytest.mark.django_db


def test_a_new_theme_gets_a_slug_made_from_its_name(administrator):
    theme = theme_create(actor=administrator, name="Fly-tipping & Litter")
    assert theme.slug == "fly-tipping-litter"
    assert Theme.objects.get(slug="fly-tipping-litter").name == "Fly-tipping & Litter"


def test_a_slug_already_taken_is_numbered(administrator):
    Theme.objects.create(slug="dog-fouling", name="Dog fouling (old)")
    Theme.objects.create(slug="dog-fouling-2", name="Dog fouling (older)")
    assert theme_create(actor=administrator, name="Dog fouling").slug == "dog-fouling-3"


def test_a_name_without_letters_or_digits_gets_the_slug_theme(administrator):
    assert theme_create(actor=administrator, name="???").slug == "theme"


def test_creating_a_theme_is_recorded_with_its_values(administrator):
    theme = theme_create(
        actor=administrator, name="Fireworks", description="Misuse", order=7, active=False
    )
    event = AuditEvent.objects.get(object_type="theme", action="created")
    assert event.object_id == str(theme.pk)
    assert event.summary == "Theme Fireworks"
    assert event.changes == {
        "active": [None, False],
        "description": [None, "Misuse"],
        "name": [None, "Fireworks"],
        "order": [None, 7],
    }


def test_updating_a_theme_keeps_its_slug_and_records_what_changed(administrator):
    theme = theme_create(actor=administrator, name="Fireworks")
    theme_update(
        theme=theme,
        actor=administrator,
        name="Fireworks and bonfires",
        description="",
        order=100,
        active=False,
    )
    theme.refresh_from_db()
    assert (theme.slug, theme.name, theme.active) == ("fireworks", "Fireworks and bonfires", False)
    event = AuditEvent.objects.get(object_type="theme", action="updated")
    assert event.changes == {
        "active": [True, False],
        "name": ["Fireworks", "Fireworks and bonfires"],
    }


def test_a_name_another_theme_has_is_refused(administrator):
    theme_create(actor=administrator, name="Fireworks")
    with pytest.raises(ValidationError) as refused:
        theme_create(actor=administrator, name="Fireworks")
    assert list(refused.value.message_dict) == ["name"]


def test_a_theme_may_keep_its_own_name_when_other_fields_change(administrator):
    theme = theme_create(actor=administrator, name="Fireworks")
    theme_update(
        theme=theme, actor=administrator, name="Fireworks", description="", order=3, active=True
    )
    assert Theme.objects.get(pk=theme.pk).order == 3


def test_only_administrators_manage_themes(analyst):
    with pytest.raises(ValidationError):
        theme_create(actor=analyst, name="Fireworks")
    assert not Theme.objects.filter(name="Fireworks").exists()


def test_the_theme_pages_create_and_rename_a_theme(as_admin):
    response = as_admin.post(
        reverse("intelligence:theme_new"),
        {"name": "Street drinking", "description": "", "order": "50", "active": "on"},
    )
    assert response.status_code == 302
    theme = Theme.objects.get(name="Street drinking")
    response = as_admin.post(
        reverse("intelligence:theme_edit", args=[theme.slug]),
        {"name": "Street drinking and begging", "description": "", "order": "50"},
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert (theme.slug, theme.name, theme.active) == (
        "street-drinking",
        "Street drinking and begging",
        False,
    )
    assert AuditEvent.objects.get(object_type="theme", action="updated").changes == {
        "active": [True, False],
        "name": ["Street drinking", "Street drinking and begging"],
    }


def test_the_theme_page_shows_a_name_already_taken_on_the_form(as_admin):
    Theme.objects.create(slug="street-drinking", name="Street drinking")
    response = as_admin.post(
        reverse("intelligence:theme_new"),
        {"name": "Street drinking", "description": "", "order": "50", "active": "on"},
    )
    assert response.status_code == 200
    assert Theme.objects.filter(name="Street drinking").count() == 1
