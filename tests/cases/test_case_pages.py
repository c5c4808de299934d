"""The caseload and case pages: a case officer's own and shared cases, reviews due and
interventions ending; a case only to its organisations (404 otherwise, as if absent), and
every view of a case audited."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from csphub.audit.models import AuditEvent
from csphub.cases.models import Case
from csphub.cases.selectors import risk_matrix_active
from csphub.cases.services import case_party_add, case_share, incident_log
from csphub.core.roles import Role
from tests.cases.conftest import HIGH
from tests.factories import UserFactory, district

pytestmark = pytest.mark.django_db

LONG_AGO = datetime(2026, 1, 5, 10, tzinfo=UTC)


def test_the_caseload_lists_open_cases_and_overdue_reviews(verified_client, officer, open_case):
    overdue = open_case(*HIGH, "property", title="Threats on Ash Close", now=LONG_AGO)
    page = verified_client(officer).get(reverse("cases:caseload")).content.decode()
    assert overdue.reference in page and "Threats on Ash Close" in page
    assert "due or overdue for review" in page and "Overdue" in page


def test_a_case_page_shows_its_people_incidents_and_timeline_and_is_audited(
    verified_client, officer, open_case
):
    case = open_case(*HIGH, "property")
    case_party_add(actor=officer, case=case, role="victim", name="Ann Example")
    now = datetime.now(UTC)
    incident_log(
        actor=officer, case=case, occurred_at=now - timedelta(hours=3),
        reported_at=now - timedelta(hours=1), description="Bin set alight by the door",
    )  # fmt: skip
    response = verified_client(officer).get(reverse("cases:detail", args=[case.reference]))
    page = response.content.decode()
    assert response.status_code == 200
    for text in ("Ann Example", "Bin set alight by the door", "referred to the Charnwood JAG"):
        assert text in page
    assert AuditEvent.objects.filter(action="case.viewed", object_id=case.reference).count() == 1


def test_a_shared_case_opens_for_the_partner_and_an_unshared_one_does_not(
    verified_client, officer, housing_officer, housing, open_case
):
    shared, unshared = open_case(), open_case()
    case_share(actor=officer, case=shared, organisation=housing)
    client = verified_client(housing_officer)
    assert client.get(reverse("cases:detail", args=[shared.reference])).status_code == 200
    assert client.get(reverse("cases:detail", args=[unshared.reference])).status_code == 404
    assert client.get(reverse("cases:detail", args=["ASB-2026-99999"])).status_code == 404
    assert not AuditEvent.objects.filter(action="case.viewed", object_id=unshared.reference)


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMINISTRATOR, Role.FORUM_MEMBER])
def test_other_roles_in_the_lead_organisation_get_404(verified_client, council, open_case, role):
    case = open_case()
    client = verified_client(UserFactory(organisation=council, roles=[role]))
    assert client.get(reverse("cases:detail", args=[case.reference])).status_code == 404
    assert client.get(reverse("cases:caseload")).status_code == 404


def _answers(post, yes=()):
    for q in risk_matrix_active().questions.all():
        post[f"q_{q.key}"] = "yes" if q.key in yes else "no"
    return post


def test_a_case_officer_opens_a_case_from_the_form(verified_client, officer):
    client = verified_client(officer)
    post = _answers(
        {
            "title": "Graffiti at the underpass",
            "subject_type": "place",
            "category": "environmental",
            "district": district("charnwood").pk,
        }
    )
    response = client.post(reverse("cases:open"), post)
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(case.reference)
    assert case.lead_organisation == officer.organisation and case.risk_level == "standard"


def test_the_form_names_what_is_missing_and_opens_nothing(verified_client, officer):
    response = verified_client(officer).post(reverse("cases:open"), {"title": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter a short title for the case" in page and "Answer: " in page
    assert not Case.objects.exists()


def test_a_review_from_the_form_refers_a_high_risk_case(verified_client, officer, open_case):
    case = open_case()
    post = _answers({}, yes=(*HIGH, "property"))
    response = verified_client(officer).post(reverse("cases:review", args=[case.reference]), post)
    case.refresh_from_db()
    assert response.status_code == 302 and case.risk_level == "high"
    assert case.jag_referred_at is not None
