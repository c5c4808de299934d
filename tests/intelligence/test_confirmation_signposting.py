"""The confirmation page signposts support services for the report's themes, local ones first.
Intelligence asks for them through its signposting registry, which the directory (a higher
layer) fills at start-up; without a provider the page lists none and says so."""

import pytest
from django.urls import reverse

from csphub.directory.selectors import services_for_themes
from csphub.intelligence import signposting
from tests.factories import district, make_submission, make_support_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def services():
    make_support_service(
        organisation="County-wide", name="Everywhere help", themes=["county-lines"]
    )
    make_support_service(
        organisation="Charnwood BC",
        name="Charnwood team",
        themes=["county-lines"],
        districts=["E07000130"],
    )
    make_support_service(
        organisation="Melton BC", name="Melton team", themes=["county-lines"], districts=["melton"]
    )


def confirmation(client, submitter, **overrides) -> str:
    submission = make_submission(submitter, themes=["county-lines"], **overrides)
    client.force_login(submitter)
    response = client.get(reverse("intelligence:submit_confirmation", args=[submission.reference]))
    assert response.status_code == 200
    return response.content.decode().split('id="support-services"')[1]


def test_the_confirmation_lists_local_services_first_and_leaves_out_other_districts(
    client, submitter, services
):
    page = confirmation(client, submitter, district_code="E07000130", postcode="")
    assert "Charnwood team" in page and "Everywhere help" in page
    assert page.index("Charnwood team") < page.index("Everywhere help")
    assert "Melton team" not in page


def test_the_directory_registers_its_selector_as_the_signposting_provider(submitter, services):
    themes = list(make_submission(submitter, themes=["county-lines"]).themes.all())
    charnwood = district("charnwood")
    assert list(signposting.signposting_for(themes, charnwood)) == list(
        services_for_themes(themes, charnwood)
    )


def test_without_a_provider_nothing_is_signposted(client, submitter, services, monkeypatch):
    monkeypatch.setattr(signposting, "_providers", [])
    page = confirmation(client, submitter)
    assert "There are no listed services for these themes" in page


def test_a_provider_registered_again_replaces_the_one_before(monkeypatch):
    monkeypatch.setattr(signposting, "_providers", [])
    signposting.register_signposting(lambda themes, district: ["first"])
    signposting.register_signposting(lambda themes, district: ["second"])
    assert signposting.signposting_for([], None) == ["second"]
