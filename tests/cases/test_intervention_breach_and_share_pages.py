"""The intervention, breach and sharing forms on a case: each calls the same service as the
rules' tests, shows the rule that was broken by its field, and writes nothing then."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from csphub.audit.models import AuditEvent
from csphub.cases.models import Breach, Intervention, InterventionType
from csphub.cases.services import case_party_add

pytestmark = pytest.mark.django_db


def day(d, prefix):
    return {f"{prefix}-day": d.day, f"{prefix}-month": d.month, f"{prefix}-year": d.year}


def perpetrator(case, officer, born_years_ago=30):
    born = timezone.localdate().replace(year=timezone.localdate().year - born_years_ago)
    return case_party_add(
        actor=officer, case=case, role="perpetrator", name="Dan Example", date_of_birth=born
    )


def issue(client, case, key, subject=None, **fields):
    post = {
        "type": InterventionType.objects.get(key=key).pk,
        "subject": subject.pk if subject else "",
        **day(timezone.localdate(), "issued_on"),
        **fields,
    }
    return client.post(reverse("cases:intervention", args=[case.reference]), post)


def test_a_warning_then_a_cpn_are_recorded_from_the_form(verified_client, officer, open_case):
    case = open_case()
    dan = perpetrator(case, officer)
    client = verified_client(officer)
    assert issue(client, case, "cpw", dan, terms="Stop the loud music").status_code == 302
    response = issue(client, case, "cpn", dan)
    assert response.status_code == 302
    cpn = Intervention.objects.get(type__key="cpn")
    assert cpn.appeal_by == timezone.localdate() + timedelta(days=21)
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "Terms: Stop the loud music" in page and "appeal by" in page


def test_a_cpn_without_a_warning_is_refused_with_the_rule(verified_client, officer, open_case):
    case = open_case()
    dan = perpetrator(case, officer)
    response = issue(verified_client(officer), case, "cpn", dan)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Community Protection Warning" in page and "govuk-error-summary" in page
    assert not Intervention.objects.exists()


def test_only_the_case_s_perpetrators_can_be_chosen(verified_client, officer, open_case):
    case, other = open_case(), open_case(title="Another case")
    stranger = perpetrator(other, officer)
    response = issue(verified_client(officer), case, "warning-letter", stranger)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Intervention.objects.exists()


def test_a_breach_is_recorded_from_the_form(verified_client, officer, open_case):
    case = open_case()
    dan = perpetrator(case, officer)
    client = verified_client(officer)
    issue(client, case, "abc", dan)
    contract = Intervention.objects.get()
    post = {
        "intervention": contract.pk,
        **day(timezone.localdate(), "occurred_on"),
        "evidence": "Seen shouting at the neighbour on camera",
        "action_taken": "Warning letter sent",
    }
    response = client.post(reverse("cases:breach", args=[case.reference]), post)
    assert response.status_code == 302
    breach = Breach.objects.get()
    assert breach.intervention == contract and breach.action_taken == "Warning letter sent"
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "Action taken: Warning letter sent" in page


def test_an_order_may_end_in_the_future_and_too_long_a_one_is_refused(
    verified_client, officer, open_case
):
    case = open_case()
    dan = perpetrator(case, officer, born_years_ago=15)
    client = verified_client(officer)
    too_long = day(timezone.localdate() + timedelta(days=400), "ends_on")
    response = issue(client, case, "civil-injunction", dan, **too_long)
    assert response.status_code == 400
    assert "12 months" in response.content.decode()
    in_six_months = day(timezone.localdate() + timedelta(days=180), "ends_on")
    assert issue(client, case, "civil-injunction", dan, **in_six_months).status_code == 302


def test_a_breach_before_the_intervention_is_refused(verified_client, officer, open_case):
    case = open_case()
    client = verified_client(officer)
    issue(client, case, "abc", perpetrator(case, officer))
    post = {
        "intervention": Intervention.objects.get().pk,
        **day(timezone.localdate() - timedelta(days=2), "occurred_on"),
        "evidence": "Seen",
    }
    response = client.post(reverse("cases:breach", args=[case.reference]), post)
    assert response.status_code == 400
    assert "cannot happen before the intervention starts" in response.content.decode()
    assert not Breach.objects.exists()


def test_sharing_from_the_form_lets_the_partner_in(
    verified_client, officer, housing_officer, housing, open_case
):
    case = open_case()
    partner = verified_client(housing_officer)
    detail = reverse("cases:detail", args=[case.reference])
    assert partner.get(detail).status_code == 404
    response = verified_client(officer).post(
        reverse("cases:share", args=[case.reference]), {"organisation": housing.pk}
    )
    assert response.status_code == 302
    assert partner.get(detail).status_code == 200
    assert AuditEvent.objects.filter(action="case.shared", object_id=case.reference).exists()


def test_a_partner_cannot_share_on_the_lead_s_behalf(
    verified_client, officer, housing_officer, housing, council, open_case
):
    from tests.factories import OrganisationFactory

    case = open_case()
    case.shared_with.add(housing)
    third = OrganisationFactory(name="Leicestershire Police")
    response = verified_client(housing_officer).post(
        reverse("cases:share", args=[case.reference]), {"organisation": third.pk}
    )
    assert response.status_code == 400
    assert "Only the lead organisation" in response.content.decode()
    assert not case.shared_with.filter(pk=third.pk).exists()
