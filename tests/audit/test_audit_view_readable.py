"""The audit view reads as people and records, not usernames and table names, and folds the
view that every analyst action records into the action."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from csphub.audit.models import AuditEvent
from csphub.intelligence.services import submission_assign
from tests.factories import OrganisationFactory, UserFactory, make_submission

pytestmark = pytest.mark.django_db


def rows(page: str) -> list[str]:
    body = page.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    return body.split("<tr")[1:]


def test_people_show_with_their_names_and_organisations_and_records_with_readable_types(
    as_admin, submitter
):
    analyst = UserFactory(
        username="d.okafor",
        full_name="Daniel Okafor",
        roles=["analyst"],
        organisation=OrganisationFactory(name="Leicestershire Police"),
    )
    submission = make_submission(submitter)
    submission_assign(submission=submission, analyst=analyst, actor=analyst)
    page = as_admin.get(reverse("audit:log")).content.decode()
    assert (
        "<strong>Daniel Okafor</strong><br>d.okafor<br>"
        '<span class="govuk-body-s">Leicestershire Police</span>' in page
    )
    assert ">Submission<br>" in page and ">submission<br>" not in page


def test_the_view_after_a_change_is_folded_into_the_change(as_admin, submitter, analyst):
    submission = make_submission(submitter)
    submission_assign(submission=submission, analyst=analyst, actor=analyst)
    change = AuditEvent.objects.filter(object_id=submission.reference, action="updated").get()
    AuditEvent(
        at=change.at + timedelta(seconds=2),
        actor=analyst,
        actor_username=analyst.username,
        action="viewed",
        object_type="submission",
        object_id=submission.reference,
        summary="Analyst viewed the full submission",
    ).save()
    AuditEvent(
        at=change.at + timedelta(hours=2),
        actor=analyst,
        actor_username=analyst.username,
        action="viewed",
        object_type="submission",
        object_id=submission.reference,
        summary="Analyst viewed the full submission",
    ).save()
    page = as_admin.get(reverse("audit:log"), {"object_id": submission.reference}).content.decode()
    shown = rows(page)
    assert (
        sum("Analyst viewed the full submission" in r for r in shown) == 1
    )  # the later, separate view
    assert any("and viewed" in r and "Assigned to" in r for r in shown)
    every_view = as_admin.get(
        reverse("audit:log"), {"object_id": submission.reference, "action": "viewed"}
    )
    assert sum("Analyst viewed" in r for r in rows(every_view.content.decode())) == 2


def test_a_removed_persons_events_still_show_with_their_username_only(as_admin):
    leaver = UserFactory(username="leaver", full_name="Lee Vaughan")
    AuditEvent(
        actor=leaver,
        actor_username="leaver",
        action="viewed",
        object_type="submission",
        object_id="CIP-2026-000009",
        summary="Viewed before leaving",
    ).save()
    leaver.delete()
    page = as_admin.get(reverse("audit:log")).content.decode()
    shown = [r for r in rows(page) if "Viewed before leaving" in r]
    assert len(shown) == 1
    assert "leaver" in shown[0] and "Lee Vaughan" not in shown[0]


def test_the_people_on_a_page_cost_no_query_each(as_admin):
    def add_person(n: int) -> None:
        person = UserFactory(
            full_name=f"Person {n}", organisation=OrganisationFactory(name=f"Partner {n}")
        )
        AuditEvent(
            actor=person,
            actor_username=person.username,
            action="viewed",
            object_type="submission",
            object_id=f"CIP-2026-00000{n}",
            summary="Viewed",
        ).save()

    def queries_for_the_page() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            page = as_admin.get(reverse("audit:log")).content.decode()
        return len(captured), page

    add_person(0)
    as_admin.get(reverse("audit:log"))  # the session and permission lookups settle
    one, _ = queries_for_the_page()
    for n in range(1, 5):
        add_person(n)
    five, page = queries_for_the_page()
    assert all(f"Person {n}" in page and f"Partner {n}" in page for n in range(5))
    assert five == one
