"""Signposting is by theme and place: services working in the report's district come first,
services for other districts are left out, partnership-wide ones stay; the directory's search
finds services by what they help with."""

import json

import pytest
from django.urls import reverse

from csphub.directory.selectors import services_for_themes, services_search, signposting_for
from csphub.directory.services import directory_export_oruk, directory_import_oruk
from tests.factories import district, make_support_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def services():
    return {
        "county": make_support_service(
            organisation="County-wide",
            name="Everywhere help",
            themes=["county-lines"],
            oruk_id="county",
        ),
        "charnwood": make_support_service(
            organisation="Charnwood BC",
            name="Charnwood team",
            themes=["county-lines"],
            districts=["E07000130"],
            oruk_id="charnwood",
        ),
        "melton": make_support_service(
            organisation="Melton BC",
            name="Melton team",
            themes=["county-lines"],
            districts=["melton"],
            oruk_id="melton",
        ),
    }


def test_local_services_come_first_and_other_districts_are_left_out(services):
    names = [s.name for s in services_for_themes(["county-lines"], district("charnwood"))]
    assert names == ["Charnwood team", "Everywhere help"]


def test_without_a_district_every_service_for_the_theme_is_listed(services):
    assert len(services_for_themes(["county-lines"])) == 3


def test_the_api_signposting_follows_the_same_rule(services):
    assert [s["name"] for s in signposting_for(["county-lines"], district("melton"))] == [
        "Melton team",
        "Everywhere help",
    ]


def test_searching_for_what_a_service_helps_with_finds_it_through_its_themes(services):
    assert {s.name for s in services_search(q="cuckooing")} == {
        "Everywhere help",
        "Charnwood team",
        "Melton team",
    }
    assert [s.name for s in services_search(q="cuckooing", district=district("melton"))] == [
        "Melton team",
        "Everywhere help",
    ]


def test_the_search_page_filters_by_place(client, submitter, services):
    client.force_login(submitter)
    page = client.get(
        reverse("directory:search"), {"q": "cuckooing", "district": "charnwood"}
    ).content.decode()
    assert "Charnwood team" in page and "Melton team" not in page
    assert "The whole partnership area" in page


def test_where_a_service_works_goes_out_and_back_in_open_referral_uk(services):
    exported = directory_export_oruk()
    melton = next(r for r in exported if r["id"] == "melton")
    assert [a["service_area"] for a in melton["service_areas"]] == ["Melton"]
    services["melton"].districts.clear()
    directory_import_oruk(data=json.dumps(exported))
    assert [d.name for d in services["melton"].districts.all()] == ["Melton"]


def test_an_unknown_district_is_refused_by_name():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        make_support_service(districts=["Atlantis"])
    assert "Unknown district: Atlantis" in str(caught.value)
