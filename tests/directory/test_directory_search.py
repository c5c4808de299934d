"""Finding services: by words, by theme, and for the themes a submission was about."""

import pytest

from csphub.directory.selectors import services_for_themes, services_search
from csphub.directory.services import support_service_deactivate
from tests.factories import make_support_service, theme

pytestmark = pytest.mark.django_db


def names(services):
    return [s.name for s in services]


def test_search_matches_organisation_name_description_and_notes_case_insensitively():
    make_support_service(organisation="Hope for Justice", name="Modern slavery advice", themes=[])
    make_support_service(name="Helpline", description="Support after DOMESTIC abuse", themes=[])
    make_support_service(name="Text line", notes="Forward scam texts to 7726", themes=[])
    assert names(services_search(q="hope")) == ["Modern slavery advice"]
    assert names(services_search(q="Domestic")) == ["Helpline"]
    assert names(services_search(q="7726")) == ["Text line"]
    assert names(services_search(q="SLAVERY advice")) == ["Modern slavery advice"]
    assert names(services_search(q="slavery domestic")) == []


def test_search_filters_by_theme_and_hides_deactivated_services():
    make_support_service(name="Hate line", themes=["hate-crime", "community-cohesion"])
    make_support_service(name="Scam line", themes=["cybercrime-scams"])
    old = make_support_service(name="Old hate line", themes=["hate-crime"])
    support_service_deactivate(actor=None, service=old)
    assert names(services_search(theme_slug="hate-crime")) == ["Hate line"]
    assert names(services_search()) == ["Hate line", "Scam line"]


def test_services_for_themes_lists_services_for_the_chosen_themes():
    make_support_service(organisation="B Org", name="Both", themes=["hate-crime", "county-lines"])
    make_support_service(organisation="A Org", name="Hate only", themes=["hate-crime"])
    make_support_service(organisation="C Org", name="Scams", themes=["cybercrime-scams"])
    hidden = make_support_service(organisation="D Org", name="Hidden", themes=["county-lines"])
    support_service_deactivate(actor=None, service=hidden)

    chosen = [theme("hate-crime"), theme("county-lines")]
    assert names(services_for_themes(chosen)) == ["Hate only", "Both"]
    assert names(services_for_themes(["county-lines"])) == ["Both"]
    assert names(services_for_themes([])) == []
