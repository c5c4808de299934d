import pytest
from django.urls import reverse

from csphub.audit.models import AuditEvent
from csphub.entities.models import Entity, Link
from tests.entities.support import PHONE, linked

pytestmark = pytest.mark.django_db


def test_the_entity_page_lists_every_report_that_mentions_it_and_where(
    verified_client, submitter, analyst
):
    first = linked(submitter, identifiers=[PHONE])
    second = linked(submitter, information="Ring 07700900461 for a delivery, they say.")
    entity = Entity.objects.get(kind="phone")
    page = verified_client(analyst).get(reverse("entities:entity", args=[entity.pk]))
    text = page.content.decode()
    assert first.reference in text and second.reference in text
    assert "identifiers.phone" in text
    assert "information (characters 5–16)" in text
    assert AuditEvent.objects.filter(object_type="entity", action="viewed").exists()


def test_an_analyst_marks_a_value_common_and_it_stops_linking(verified_client, submitter, analyst):
    linked(submitter, identifiers=[PHONE])
    entity = Entity.objects.get(kind="phone")
    response = verified_client(analyst).post(
        reverse("entities:entity", args=[entity.pk]), {"common": "on", "reason": "Switchboard"}
    )
    assert response.status_code == 302
    entity.refresh_from_db()
    assert entity.common and entity.common_reason == "Switchboard"
    linked(submitter, identifiers=[PHONE])
    assert not Link.objects.exists()


def test_marking_common_needs_a_reason(verified_client, submitter, analyst):
    linked(submitter, identifiers=[PHONE])
    entity = Entity.objects.get(kind="phone")
    response = verified_client(analyst).post(
        reverse("entities:entity", args=[entity.pk]), {"common": "on", "reason": ""}
    )
    assert "Say why, for the record" in response.content.decode()
    entity.refresh_from_db()
    assert not entity.common
