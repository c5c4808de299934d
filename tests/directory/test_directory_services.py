"""Creating, changing and removing directory entries: validated, atomic and audited."""

import pytest
from django.core.exceptions import ValidationError

from csphub.audit.models import AuditEvent
from csphub.directory.models import SupportService
from csphub.directory.services import (
    support_service_create,
    support_service_deactivate,
    support_service_delete,
    support_service_update,
)
from tests.factories import make_support_service, theme

pytestmark = pytest.mark.django_db


def test_creating_a_service_records_who_did_it_and_what_was_set(administrator):
    service = make_support_service(actor=administrator, themes=[theme("hate-crime")])
    event = AuditEvent.objects.get(action="created")
    assert event.actor == administrator
    assert event.object_id == str(service.pk)
    assert event.changes["name"] == [None, "Example support line"]
    assert event.changes["themes"] == [None, ["hate-crime"]]
    assert len(service.oruk_id) == 36


def test_each_invalid_field_gets_its_own_message():
    with pytest.raises(ValidationError) as raised:
        support_service_create(
            actor=None,
            organisation=" ",
            name="",
            email="nope",
            website="ftp://x.org",
            phone="call me",
            themes=["no-such-theme"],
        )
    errors = raised.value.message_dict
    assert errors["organisation"] == ["Enter the organisation"]
    assert errors["name"] == ["Enter the name of the service"]
    assert errors["email"] == [
        "Enter an email address in the correct format, like name@example.com"
    ]
    assert errors["website"] == ["Enter a full website address, like https://www.example.org"]
    assert errors["phone"] == ["Enter a telephone number, like 0808 80 200 28"]
    assert errors["themes"] == ["Unknown theme: no-such-theme"]
    assert not SupportService.objects.exists()


def test_two_services_cannot_share_an_oruk_id():
    make_support_service(oruk_id="same")
    with pytest.raises(ValidationError) as raised:
        make_support_service(oruk_id="same", name="Another")
    assert raised.value.message_dict["oruk_id"] == ["Another service already uses this ORUK id"]


def test_updating_records_only_what_changed(administrator):
    service = make_support_service()
    support_service_update(
        actor=administrator,
        service=service,
        phone="0116 111 2222",
        themes=["vulnerability", "county-lines"],
    )
    event = AuditEvent.objects.get(action="updated")
    assert event.changes == {
        "phone": ["0800 000 0000", "0116 111 2222"],
        "themes": [["vulnerability"], ["county-lines", "vulnerability"]],
    }
    service.refresh_from_db()
    assert service.phone == "0116 111 2222"


def test_an_update_that_changes_nothing_is_not_recorded(administrator):
    service = make_support_service()
    support_service_update(actor=administrator, service=service, name="Example support line")
    assert not AuditEvent.objects.filter(action="updated").exists()


def test_a_rejected_update_leaves_the_service_as_it_was(administrator):
    service = make_support_service()
    with pytest.raises(ValidationError):
        support_service_update(
            actor=administrator, service=service, name="New name", email="broken"
        )
    service.refresh_from_db()
    assert service.name == "Example support line"


def test_deactivating_keeps_the_service_but_hides_it(administrator):
    service = support_service_deactivate(actor=administrator, service=make_support_service())
    assert SupportService.objects.get(pk=service.pk).active is False
    assert AuditEvent.objects.get(action="updated").changes == {"active": [True, False]}


def test_deleting_removes_the_service_and_records_what_it_was(administrator):
    service = make_support_service()
    pk = service.pk
    support_service_delete(actor=administrator, service=service)
    assert not SupportService.objects.exists()
    event = AuditEvent.objects.get(action="deleted")
    assert event.object_type == "supportservice" and event.object_id == str(pk)
    assert event.changes["name"] == ["Example support line", None]
