"""Importing Open Referral UK JSON: an upsert by id that is all-or-nothing."""

import json

import pytest
from django.core.exceptions import ValidationError

from csphub.audit.models import AuditEvent
from csphub.directory.models import SupportService
from csphub.directory.services import directory_import_oruk

pytestmark = pytest.mark.django_db


def oruk_service(id="svc-1", name="Helpline", themes=("vulnerability",), **extra):
    row = {
        "id": id,
        "name": name,
        "organization": {"id": "org-1", "name": "A Charity"},
        "contacts": [{"id": "c1", "phones": [{"id": "p1", "number": "0800 123 4567"}]}],
        "service_taxonomys": [
            {"id": f"{id}-{slug}", "taxonomy": {"id": slug, "vocabulary": "csphub-theme"}}
            for slug in themes
        ],
    }
    row.update(extra)
    return row


def test_import_creates_services_with_their_themes_and_phone():
    summary = directory_import_oruk(data=[oruk_service(themes=["vulnerability", "hate-crime"])])
    assert (summary.created, summary.updated, summary.unchanged) == (1, 0, 0)
    service = SupportService.objects.get(oruk_id="svc-1")
    assert service.organisation == "A Charity"
    assert service.phone == "0800 123 4567"
    assert sorted(service.themes.values_list("slug", flat=True)) == ["hate-crime", "vulnerability"]


def test_import_is_idempotent():
    data = json.dumps([oruk_service(), oruk_service(id="svc-2", name="Other")])
    directory_import_oruk(data=data)
    events = AuditEvent.objects.count()
    summary = directory_import_oruk(data=data)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 2)
    assert SupportService.objects.count() == 2
    assert AuditEvent.objects.count() == events


def test_import_updates_a_service_with_the_same_id_and_audits_the_change():
    directory_import_oruk(data=[oruk_service()])
    summary = directory_import_oruk(data=[oruk_service(name="Renamed", themes=["hate-crime"])])
    assert (summary.created, summary.updated) == (0, 1)
    service = SupportService.objects.get(oruk_id="svc-1")
    assert service.name == "Renamed"
    assert list(service.themes.values_list("slug", flat=True)) == ["hate-crime"]
    event = AuditEvent.objects.filter(action="updated").get()
    assert event.changes["name"] == ["Helpline", "Renamed"]
    assert event.changes["themes"] == [["vulnerability"], ["hate-crime"]]


def test_import_never_deletes_services_missing_from_the_file():
    directory_import_oruk(data=[oruk_service(), oruk_service(id="svc-2")])
    directory_import_oruk(data=[oruk_service()])
    assert SupportService.objects.count() == 2


def test_unknown_theme_rejects_whole_import_and_saves_nothing():
    data = [
        oruk_service(id="good"),
        oruk_service(id="bad", name="Bad row", themes=["no-such-theme"]),
    ]
    with pytest.raises(ValidationError) as raised:
        directory_import_oruk(data=data)
    assert raised.value.messages == ['Service 2 ("Bad row"): Unknown theme: no-such-theme']
    assert not SupportService.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_bad_row_does_not_half_update_existing_services():
    directory_import_oruk(data=[oruk_service()])
    with pytest.raises(ValidationError):
        directory_import_oruk(
            data=[oruk_service(name="Changed"), oruk_service(id="x", email="nope")]
        )
    assert SupportService.objects.get().name == "Helpline"


def test_every_problem_in_the_file_is_reported_at_once():
    data = [
        {"name": "No id"},
        oruk_service(id="a", email="not-an-email", url="javascript:alert(1)"),
        oruk_service(id="a"),
    ]
    with pytest.raises(ValidationError) as raised:
        directory_import_oruk(data=data)
    messages = raised.value.messages
    assert 'Service 1: "id" is missing; "organization.name" is missing' in messages
    assert any("Service 2" in m and "email address" in m for m in messages)
    assert any("Service 2" in m and "full website address" in m for m in messages)
    assert any("Service 3" in m and "more than once" in m for m in messages)


def test_non_utf8_bytes_get_a_clear_message():
    with pytest.raises(ValidationError) as raised:
        directory_import_oruk(data='[{"name": "Café"}]'.encode("latin-1"))
    assert raised.value.messages == ["The file must be UTF-8 encoded JSON"]


def test_invalid_json_gets_a_clear_message():
    with pytest.raises(ValidationError) as raised:
        directory_import_oruk(data=b'[{"id": "a",]')
    assert raised.value.messages[0].startswith("The file is not valid JSON")


def test_json_that_is_not_a_list_of_services_is_refused():
    with pytest.raises(ValidationError) as raised:
        directory_import_oruk(data='{"services": []}')
    assert raised.value.messages == [
        "The file must contain a JSON list of Open Referral UK services"
    ]


def test_a_utf8_file_with_a_byte_order_mark_imports():
    data = "\ufeff" + json.dumps([oruk_service(name="Café support")])
    directory_import_oruk(data=data.encode("utf-8"))
    assert SupportService.objects.get().name == "Café support"


def test_an_oruk_api_page_and_hsds3_phones_and_attributes_are_understood():
    row = oruk_service(themes=[])
    del row["contacts"]
    row["phones"] = [{"number": "0116 000 0000"}]
    row["attributes"] = [{"taxonomy_term": {"code": "hate-crime", "vocabulary": "csphub-theme"}}]
    directory_import_oruk(data={"totalElements": 1, "content": [row]})
    service = SupportService.objects.get()
    assert service.phone == "0116 000 0000"
    assert list(service.themes.values_list("slug", flat=True)) == ["hate-crime"]


def test_terms_from_other_vocabularies_are_ignored():
    row = oruk_service(themes=[])
    row["service_taxonomys"] = [
        {"taxonomy": {"id": "bccservicetype:14", "vocabulary": "BCC Services"}}
    ]
    directory_import_oruk(data=[row])
    assert not SupportService.objects.get().themes.exists()


def test_a_status_other_than_active_imports_the_service_hidden():
    directory_import_oruk(data=[oruk_service(status="inactive")])
    assert SupportService.objects.get().active is False
