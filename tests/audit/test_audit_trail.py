"""The audit trail: recorded, append-only, visible to administrators only, filterable and
exportable."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from csphub.audit.models import AppendOnlyError, AuditEvent
from csphub.audit.services import audit_record
from tests.factories import NON_ADMIN_ROLES, UserFactory

pytestmark = pytest.mark.django_db


def event(**fields) -> AuditEvent:
    values = {
        "actor_username": "someone",
        "action": "viewed",
        "object_type": "submission",
        "object_id": "CIP-2026-000001",
        "summary": "Viewed",
    }
    values.update(fields)
    return AuditEvent.objects.create(**values)


def local(year, month, day, hour=12) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour))


def csv_rows(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


# Recording


def test_a_record_keeps_who_what_when_and_the_changes(administrator, rf):
    request = rf.get("/", REMOTE_ADDR="10.1.2.3")
    recorded = audit_record(
        actor=administrator,
        action="updated",
        obj=administrator,
        request=request,
        summary="Changed roles",
        changes={"roles": [["submitter"], ["analyst"]]},
    )

    stored = AuditEvent.objects.get(pk=recorded.pk)
    assert stored.actor_username == administrator.username
    assert stored.object_type == "user"
    assert stored.object_id == str(administrator.pk)
    assert stored.changes == {"roles": [["submitter"], ["analyst"]]}
    assert stored.ip_address == "10.1.2.3"
    assert abs((timezone.now() - stored.at).total_seconds()) < 60


def test_signing_in_is_recorded(client, submitter):
    from tests.factories import TEST_PASSWORD

    client.post(
        reverse("accounts:login"), {"username": submitter.username, "password": TEST_PASSWORD}
    )
    assert AuditEvent.objects.filter(action="signed_in", actor_username=submitter.username).exists()


def test_an_anonymous_actor_is_recorded_without_a_username(db):
    recorded = audit_record(actor=None, action="created", object_type="thing", object_id="1")
    assert recorded.actor_username == ""
    assert recorded.actor_id is None


# Append-only


def test_an_event_cannot_be_saved_again():
    recorded = event()
    recorded.summary = "Tampered"
    with pytest.raises(AppendOnlyError):
        recorded.save()
    assert AuditEvent.objects.get(pk=recorded.pk).summary == "Viewed"


def test_a_new_event_cannot_overwrite_an_existing_one_by_reusing_its_id():
    original = event()
    impostor = AuditEvent(
        pk=original.pk,
        actor_username="someone-else",
        action="viewed",
        object_type="submission",
        object_id="CIP-2026-000001",
    )
    with pytest.raises(Exception):  # noqa: B017 - IntegrityError, inside its own savepoint
        with transaction.atomic():
            impostor.save()
    assert AuditEvent.objects.get(pk=original.pk).actor_username == "someone"


def test_an_event_cannot_be_deleted():
    recorded = event()
    with pytest.raises(AppendOnlyError):
        recorded.delete()
    assert AuditEvent.objects.filter(pk=recorded.pk).exists()


def test_a_queryset_update_is_refused():
    event()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(summary="Tampered")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(action="viewed").update(summary="Tampered")
    assert AuditEvent.objects.get().summary == "Viewed"


def test_a_queryset_delete_is_refused():
    event()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(action="viewed").delete()
    assert AuditEvent.objects.count() == 1


def test_bulk_update_is_refused():
    recorded = event()
    recorded.summary = "Tampered"
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.bulk_update([recorded], ["summary"])


def test_deleting_a_user_leaves_their_audit_events_untouched(administrator):
    person = UserFactory(username="leaver")
    person_pk = person.pk
    recorded = audit_record(
        actor=person, action="viewed", object_type="submission", object_id="CIP-2026-000009"
    )

    # This would fail on PostgreSQL (and rewrite the row elsewhere) if it touched the trail.
    person.delete()

    stored = AuditEvent.objects.get(pk=recorded.pk)
    assert stored.actor_username == "leaver"
    assert stored.actor_id == person_pk


@pytest.mark.postgres_only
def test_on_postgresql_a_raw_sql_update_is_refused_by_the_database():
    recorded = event()
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "UPDATE audit_auditevent SET summary = 'Tampered' WHERE id = %s", [recorded.pk]
            )
    assert AuditEvent.objects.get(pk=recorded.pk).summary == "Viewed"


@pytest.mark.postgres_only
def test_on_postgresql_a_raw_sql_delete_is_refused_by_the_database():
    recorded = event()
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [recorded.pk])
    assert AuditEvent.objects.filter(pk=recorded.pk).exists()


def test_the_only_audit_pages_are_the_trail_and_its_export():
    from csphub.audit import urls as audit_urls

    assert sorted(p.name for p in audit_urls.urlpatterns) == ["export", "log"]


def test_the_audit_pages_accept_no_posts(verified_client, administrator):
    client = verified_client(administrator)
    assert client.post(reverse("audit:log")).status_code == 405
    assert client.post(reverse("audit:export")).status_code == 405


# Who may see it


@pytest.mark.parametrize("role", NON_ADMIN_ROLES)
def test_only_administrators_can_open_the_audit_trail(verified_client, role):
    client = verified_client(UserFactory(roles=[role]))
    assert client.get(reverse("audit:log")).status_code == 404
    assert client.get(reverse("audit:export")).status_code == 404


def test_an_administrator_can_open_the_audit_trail(verified_client, administrator):
    event(summary="Something visible")
    response = verified_client(administrator).get(reverse("audit:log"))
    assert response.status_code == 200
    assert "Something visible" in response.text


def test_someone_not_signed_in_is_sent_to_sign_in(client, db):
    for name in ("audit:log", "audit:export"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


# Viewing and filtering


def test_events_are_listed_newest_first(verified_client, administrator):
    event(summary="Older event", at=local(2026, 3, 1))
    event(summary="Newer event", at=local(2026, 3, 2))
    text = verified_client(administrator).get(reverse("audit:log")).text
    assert text.index("Newer event") < text.index("Older event")


def test_changes_are_shown_as_before_and_after(verified_client, administrator):
    event(
        action="updated",
        summary="Graded",
        changes={"grading": ["", "B2"], "status": ["new", "triaged"]},
    )
    text = verified_client(administrator).get(reverse("audit:log")).text
    assert '(empty) <span aria-hidden="true">→</span>' in text
    assert (
        'new <span aria-hidden="true">→</span>'
        '<span class="govuk-visually-hidden"> changed to</span> triaged' in text
    )


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"actor": "Alice"}, "by alice", "by bob"),
        ({"action": "updated"}, "by bob", "by alice"),
        ({"object_type": "user"}, "by carol", "by alice"),
        ({"object_id": "cip-2026-000123"}, "by alice", "by bob"),
    ],
)
def test_filters_narrow_the_events(verified_client, administrator, query, shown, hidden):
    event(
        actor_username="alice",
        action="viewed",
        object_type="submission",
        object_id="CIP-2026-000123",
        summary="by alice",
    )
    event(
        actor_username="bob",
        action="updated",
        object_type="submission",
        object_id="CIP-2026-000124",
        summary="by bob",
    )
    event(
        actor_username="carol",
        action="viewed",
        object_type="user",
        object_id="7",
        summary="by carol",
    )

    response = verified_client(administrator).get(reverse("audit:log"), query)

    assert response.status_code == 200
    assert shown in response.text
    assert hidden not in response.text


def test_an_object_id_matches_the_whole_reference_only(verified_client, administrator):
    event(object_id="CIP-2026-000123", summary="exact one")
    event(object_id="CIP-2026-0001234", summary="longer one")
    text = (
        verified_client(administrator)
        .get(reverse("audit:log"), {"object_id": "CIP-2026-000123"})
        .text
    )
    assert "exact one" in text
    assert "longer one" not in text


def test_a_date_range_includes_both_ends(verified_client, administrator):
    event(summary="before range", at=local(2026, 2, 28, 23))
    event(summary="first day", at=local(2026, 3, 1, 0))
    event(summary="last day", at=local(2026, 3, 5, 23))
    event(summary="after range", at=local(2026, 3, 6, 0))

    text = (
        verified_client(administrator)
        .get(
            reverse("audit:log"),
            {
                "date_from-day": "1",
                "date_from-month": "3",
                "date_from-year": "2026",
                "date_to-day": "5",
                "date_to-month": "3",
                "date_to-year": "2026",
            },
        )
        .text
    )

    assert "first day" in text and "last day" in text
    assert "before range" not in text and "after range" not in text


def test_a_date_range_the_wrong_way_round_is_explained(verified_client, administrator):
    response = verified_client(administrator).get(
        reverse("audit:log"),
        {
            "date_from-day": "5",
            "date_from-month": "3",
            "date_from-year": "2026",
            "date_to-day": "1",
            "date_to-month": "3",
            "date_to-year": "2026",
        },
    )
    assert response.status_code == 200
    assert "The to date must be the same as or after the from date" in response.text


def test_events_come_fifty_to_a_page_with_govuk_pagination(verified_client, administrator):
    start = local(2026, 1, 1)
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                actor_username="bulk",
                action="viewed",
                object_type="submission",
                object_id=f"CIP-2026-{n:06d}",
                summary=f"event {n:03d}",
                at=start + timedelta(minutes=n),
            )
            for n in range(120)
        ]
    )
    client = verified_client(administrator)

    first = client.get(reverse("audit:log"), {"actor": "bulk"})
    third = client.get(reverse("audit:log"), {"actor": "bulk", "page": 3})

    assert len(first.context["page"].object_list) == 50
    assert "event 119" in first.text and "event 069" not in first.text
    assert 'class="govuk-pagination"' in first.text
    assert "actor=bulk&amp;page=2" in first.text
    assert len(third.context["page"].object_list) == 20
    assert "event 000" in third.text


# Export


def test_the_csv_export_holds_the_filtered_events_and_is_itself_recorded(
    verified_client, administrator
):
    event(actor_username="alice", summary="alice saw it", object_id="CIP-2026-000123")
    event(actor_username="bob", summary="bob saw it", object_id="CIP-2026-000124")
    client = verified_client(administrator)

    response = client.get(reverse("audit:export"), {"actor": "alice"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert [r["summary"] for r in rows] == ["alice saw it"]
    assert rows[0]["object_id"] == "CIP-2026-000123"
    export = AuditEvent.objects.get(action="exported")
    assert export.actor_username == administrator.username
    assert "Exported 1 audit event" in export.summary
    assert "actor_username=alice" in export.summary


def test_the_export_does_not_include_its_own_record(verified_client, administrator):
    event(summary="only event")
    rows = csv_rows(verified_client(administrator).get(reverse("audit:export")))
    assert [r["action"] for r in rows].count("exported") == 0


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_made_harmless(
    verified_client, administrator
):
    event(summary='=HYPERLINK("http://evil.example")')
    rows = csv_rows(verified_client(administrator).get(reverse("audit:export")))
    assert rows[0]["summary"].startswith("'=")


def test_the_page_links_to_the_export_with_the_same_filters(verified_client, administrator):
    event(actor_username="alice")
    text = verified_client(administrator).get(reverse("audit:log"), {"actor": "alice"}).text
    assert f"{reverse('audit:export')}?actor=alice" in text
