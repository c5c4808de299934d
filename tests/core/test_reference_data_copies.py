"""The per-process copies of themes and districts drop themselves when a row changes.

The signals that drop them are connected by the owning apps' ready(), not on import.
"""

import pytest

from csphub.geography.models import District
from csphub.geography.selectors import district_for_code
from csphub.intelligence.models import Theme
from csphub.intelligence.selectors import active_themes_by_slug

pytestmark = pytest.mark.django_db


def test_a_new_theme_is_seen_at_once_by_the_cached_themes():
    assert "street-drinking" not in active_themes_by_slug()

    Theme.objects.create(slug="street-drinking", name="Street drinking", active=True)

    assert "street-drinking" in active_themes_by_slug()


def test_a_renamed_district_is_seen_at_once_by_the_cached_districts():
    district = District.objects.get(slug="charnwood")
    assert district_for_code(district.code).name == district.name

    district.name = "Charnwood Borough"
    district.save()

    assert district_for_code(district.code).name == "Charnwood Borough"


def test_deleting_a_theme_drops_it_from_the_cached_themes():
    Theme.objects.create(slug="fly-tipping", name="Fly-tipping", active=True)
    assert "fly-tipping" in active_themes_by_slug()

    Theme.objects.filter(slug="fly-tipping").get().delete()

    assert "fly-tipping" not in active_themes_by_slug()
