"""Signposting is answered from memory but never shows a stale directory in this process."""

import pytest

from csphub.directory.models import SupportService
from csphub.directory.selectors import signposting_for
from csphub.intelligence.models import Theme

pytestmark = pytest.mark.django_db


def test_signposting_reflects_directory_changes_at_once():
    theme = Theme.objects.get(slug="hate-crime")
    assert signposting_for([theme]) == []
    service = SupportService.objects.create(
        organisation="True Vision", name="Report hate crime", oruk_id="tv"
    )
    service.themes.add(theme)
    assert [s["name"] for s in signposting_for([theme])] == ["Report hate crime"]
    service.active = False
    service.save()
    assert signposting_for(["hate-crime"]) == []


def test_repeated_signposting_needs_no_database_query(django_assert_num_queries):
    signposting_for(["hate-crime"])
    with django_assert_num_queries(0):
        signposting_for(["hate-crime"])
