"""What we export as ORUK JSON imports back to the same directory, here or elsewhere."""

import json

import pytest

from csphub.directory import oruk
from csphub.directory.models import SupportService
from csphub.directory.services import directory_export_oruk, directory_import_oruk
from tests.factories import make_support_service

FIELDS = ("organisation", "name", "description", "phone", "email", "website", "notes", "active")


def snapshot():
    return {
        s.oruk_id: (
            {f: getattr(s, f) for f in FIELDS},
            sorted(s.themes.values_list("slug", flat=True)),
        )
        for s in SupportService.objects.all()
    }


@pytest.mark.django_db
def test_export_then_import_round_trip_restores_every_field():
    make_support_service(
        themes=["hate-crime", "community-cohesion"], notes="Ask for the duty worker."
    )
    hidden = make_support_service(name="Old line", themes=[], phone="", email="", website="")
    hidden.active = False
    hidden.save()
    before = snapshot()
    exported = json.dumps(directory_export_oruk())
    SupportService.objects.all().delete()

    summary = directory_import_oruk(data=exported.encode("utf-8"))

    assert summary.created == 2
    assert snapshot() == before
    assert json.loads(exported) == directory_export_oruk()


@pytest.mark.django_db
def test_exported_services_have_the_oruk_shape():
    service = make_support_service(themes=["vulnerability"])
    [row] = directory_export_oruk()
    assert row["id"] == service.oruk_id
    assert row["organization"] == {
        "id": oruk.organisation_id(service.organisation),
        "name": service.organisation,
    }
    assert row["contacts"][0]["phones"][0]["number"] == service.phone
    assert row["url"] == service.website and row["email"] == service.email
    assert row["status"] == "active"
    [link] = row["service_taxonomys"]
    assert link["taxonomy"] == {
        "id": "vulnerability",
        "name": "Vulnerability (adults and children at risk)",
        "vocabulary": "csphub-theme",
    }


def test_a_service_without_an_id_is_a_shape_error():
    with pytest.raises(ValueError, match='"id" is missing'):
        oruk.service_from_oruk({"name": "x", "organization": {"name": "y"}})


def test_a_row_that_is_not_an_object_is_a_shape_error():
    with pytest.raises(ValueError, match="JSON object"):
        oruk.service_from_oruk(["not", "a", "service"])


def test_derived_ids_are_stable():
    assert oruk.organisation_id("NSPCC") == oruk.organisation_id(" nspcc ")
    assert oruk.derived_id("phone", "a") != oruk.derived_id("phone", "b")
