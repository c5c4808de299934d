"""The partnership leaflet's services ship as ORUK JSON and load cleanly."""

import json

import pytest

from csphub.directory import LEAFLET_SERVICES
from csphub.directory.models import SupportService
from csphub.directory.selectors import services_for_themes
from csphub.directory.services import directory_export_oruk, directory_import_oruk

pytestmark = pytest.mark.django_db

# (organisation, phone, email) for each entry on the leaflet's "Where can I get help?" lists.
LEAFLET = [
    ("United Against Violence and Abuse (UAVA)", "0808 80 200 28", "info@uava.org.uk"),
    ("Panahghar", "", ""),
    ("Zinthiya Trust", "", ""),
    ("National Cyber Security Centre", "", "report@phishing.gov.uk"),
    ("Leicestershire Police", "", ""),  # Leics Cyber Aware
    ("NSPCC", "0808 800 5000", ""),
    (
        "Leicestershire Police",
        "0116 248 6726",
        "preventengagement.team@leicestershire.pnn.police.uk",
    ),
    ("St Philip's Centre", "0116 273 3459", "prevent@stphilipscentre.co.uk"),
    ("Leicestershire Police", "", ""),  # hate crime reporting
    ("True Vision", "", ""),
    ("GOV.UK", "", ""),
    ("Leicester City Council", "0116 454 1000", "customer.services@leicester.gov.uk"),
    ("Crimestoppers", "0800 555 111", ""),
    ("Unseen", "08000 121 700", ""),
    ("Hope for Justice", "0300 008 8000", ""),
]


def test_leaflet_file_imports_every_leaflet_service():
    summary = directory_import_oruk(data=LEAFLET_SERVICES.read_bytes())
    assert summary.created == len(LEAFLET)
    stored = list(SupportService.objects.values_list("organisation", "phone", "email"))
    for entry in LEAFLET:
        assert entry in stored
        stored.remove(entry)
    assert SupportService.objects.filter(active=True).count() == len(LEAFLET)
    assert not SupportService.objects.filter(themes=None).exists()


def test_the_phishing_text_number_is_findable_in_the_notes():
    directory_import_oruk(data=LEAFLET_SERVICES.read_bytes())
    assert "7726" in SupportService.objects.get(email="report@phishing.gov.uk").notes


def test_crimestoppers_is_also_listed_for_general_crime_and_county_lines():
    directory_import_oruk(data=LEAFLET_SERVICES.read_bytes())
    assert services_for_themes(["general-crime"]).filter(organisation="Crimestoppers").exists()
    assert services_for_themes(["county-lines"]).filter(organisation="Crimestoppers").exists()


def test_the_leaflet_ids_are_literal_and_stable():
    rows = json.loads(LEAFLET_SERVICES.read_text(encoding="utf-8"))
    directory_import_oruk(data=rows)
    assert set(SupportService.objects.values_list("oruk_id", flat=True)) == {r["id"] for r in rows}


def test_exporting_the_imported_leaflet_gives_the_same_json():
    rows = json.loads(LEAFLET_SERVICES.read_text(encoding="utf-8"))
    directory_import_oruk(data=rows)
    by_id = {r["id"]: r for r in directory_export_oruk()}
    assert by_id == {r["id"]: r for r in rows}
