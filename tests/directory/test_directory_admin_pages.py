"""Administrators add, edit, deactivate, delete, import and export support services."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from csphub.audit.models import AuditEvent
from csphub.directory import LEAFLET_SERVICES
from csphub.directory.models import SupportService
from tests.factories import make_support_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(administrator, verified_client):
    return verified_client(administrator)


def test_an_administrator_can_add_a_service(admin_client, administrator):
    page = admin_client.post(
        reverse("directory:service_new"),
        {
            "organisation": "Zinthiya Trust",
            "name": "Support line",
            "themes": ["domestic-sexual-abuse"],
            "phone": "0116 000 0000",
            "email": "",
            "website": "https://www.zinthiyatrust.org/",
            "active": "on",
        },
    )
    assert page.status_code == 302 and page["Location"] == reverse("directory:manage")
    service = SupportService.objects.get()
    assert service.organisation == "Zinthiya Trust" and service.active
    assert list(service.themes.values_list("slug", flat=True)) == ["domestic-sexual-abuse"]
    assert AuditEvent.objects.get(action="created").actor == administrator


def test_mistakes_on_the_form_are_shown_against_each_field(admin_client):
    page = admin_client.post(reverse("directory:service_new"), {"email": "not an email"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "<title>Error:" in html
    assert 'href="#id_organisation">Enter the organisation</a>' in html
    assert 'href="#id_email">Enter an email address in the correct format' in html
    assert not SupportService.objects.exists()


def test_an_administrator_can_edit_a_service(admin_client):
    service = make_support_service()
    form = admin_client.get(reverse("directory:service_edit", args=[service.pk])).content.decode()
    assert 'value="Example support line"' in form
    page = admin_client.post(
        reverse("directory:service_edit", args=[service.pk]),
        {
            "organisation": service.organisation,
            "name": "Renamed line",
            "themes": ["vulnerability"],
            "active": "on",
        },
    )
    assert page.status_code == 302
    service.refresh_from_db()
    assert service.name == "Renamed line" and service.phone == ""


def test_deactivate_then_delete_asks_for_confirmation_each_time(admin_client):
    service = make_support_service()
    delete_url = reverse("directory:service_delete", args=[service.pk])
    assert "Are you sure you want to deactivate" in admin_client.get(delete_url).content.decode()
    admin_client.post(delete_url, {"action": "deactivate"})
    service.refresh_from_db()
    assert service.active is False
    assert "Are you sure you want to delete" in admin_client.get(delete_url).content.decode()
    admin_client.post(delete_url, {"action": "delete"})
    assert not SupportService.objects.exists()
    assert admin_client.get(delete_url).status_code == 404


def test_forms_are_protected_against_cross_site_requests(administrator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(administrator)
    device = TOTPDevice.objects.create(user=administrator, name="t", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    page = client.get(reverse("directory:service_new"))
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    assert client.post(reverse("directory:service_new"), {"name": "x"}).status_code == 403


def test_export_downloads_oruk_json_as_an_attachment(admin_client):
    service = make_support_service()
    page = admin_client.get(reverse("directory:export"))
    assert page["Content-Type"].startswith("application/json")
    assert page["Content-Disposition"] == 'attachment; filename="support-services-oruk.json"'
    assert json.loads(page.content)[0]["id"] == service.oruk_id


def upload(content: bytes, name="services.json"):
    return {"file": SimpleUploadedFile(name, content, content_type="application/json")}


def test_uploading_the_leaflet_imports_it_and_says_what_happened(admin_client):
    page = admin_client.post(
        reverse("directory:import"), upload(LEAFLET_SERVICES.read_bytes()), follow=True
    )
    assert SupportService.objects.count() == 15
    assert "Directory imported: 15 created, 0 updated, 0 unchanged" in page.content.decode()


def test_non_utf8_upload_gets_a_clear_message(admin_client):
    page = admin_client.post(
        reverse("directory:import"), upload('[{"name": "Café"}]'.encode("cp1252"))
    )
    html = page.content.decode()
    assert 'href="#id_file">The file must be UTF-8 encoded JSON</a>' in html
    assert "govuk-file-upload--error" in html


def test_invalid_json_upload_gets_a_clear_message(admin_client):
    page = admin_client.post(reverse("directory:import"), upload(b"this is not json"))
    assert "The file is not valid JSON" in page.content.decode()


def test_too_large_upload_gets_a_clear_message(admin_client):
    page = admin_client.post(reverse("directory:import"), upload(b" " * (2 * 1024 * 1024 + 1)))
    assert "The selected file must be smaller than 2MB" in page.content.decode()


def test_missing_upload_asks_for_a_file(admin_client):
    page = admin_client.post(reverse("directory:import"), {})
    assert 'href="#id_file">Select a JSON file</a>' in page.content.decode()


def test_an_upload_with_a_bad_row_lists_the_problem_and_imports_nothing(admin_client):
    rows = json.loads(LEAFLET_SERVICES.read_text(encoding="utf-8"))
    rows[3]["service_taxonomys"][0]["taxonomy"]["id"] = "<i>made-up</i>"
    page = admin_client.post(reverse("directory:import"), upload(json.dumps(rows).encode()))
    html = page.content.decode()
    assert "Unknown theme: &lt;i&gt;made-up&lt;/i&gt;" in html
    assert not SupportService.objects.exists()
