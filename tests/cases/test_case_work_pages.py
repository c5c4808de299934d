"""The forms on a case: log an incident, add a person, close the case; each names what is
wrong and writes nothing then; a closed case offers none (404)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from csphub.cases.models import CaseParty, Incident

pytestmark = pytest.mark.django_db


def day(d, prefix):
    return {f"{prefix}-day": d.day, f"{prefix}-month": d.month, f"{prefix}-year": d.year}


def test_an_incident_is_logged_from_the_form(verified_client, officer, open_case):
    case = open_case()
    yesterday = timezone.localdate() - timedelta(days=1)
    post = {
        **day(yesterday, "occurred_on"),
        "occurred_time": "21:30",
        **day(yesterday, "reported_on"),
        "reported_time": "",
        "description": "Stones thrown at the window",
        "police_incident_number": "llr-1",
    }
    response = verified_client(officer).post(reverse("cases:incident", args=[case.reference]), post)
    incident = Incident.objects.get()
    assert response.status_code == 302
    assert timezone.localtime(incident.occurred_at).strftime("%H:%M") == "21:30"
    assert incident.reported_at == incident.occurred_at  # no time given: when it happened
    assert incident.police_incident_number == "LLR-1"


def test_an_incident_form_with_a_bad_time_names_it(verified_client, officer, open_case):
    case = open_case()
    today = timezone.localdate()
    post = {**day(today, "occurred_on"), "occurred_time": "25:00", **day(today, "reported_on")}
    response = verified_client(officer).post(reverse("cases:incident", args=[case.reference]), post)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter the time as hours and minutes, like 21:30" in page
    assert "Describe what happened" in page
    assert not Incident.objects.exists()


def test_a_person_is_added_from_the_form(verified_client, officer, open_case):
    case = open_case()
    post = {
        "name": "Dan Example",
        "role": "perpetrator",
        **day(timezone.localdate().replace(year=2008), "date_of_birth"),
    }
    response = verified_client(officer).post(reverse("cases:person", args=[case.reference]), post)
    assert response.status_code == 302
    party = CaseParty.objects.get()
    assert party.role == "perpetrator" and party.person.date_of_birth.year == 2008


def test_a_case_is_closed_from_the_form_and_then_offers_no_more_forms(
    verified_client, officer, open_case
):
    case = open_case()
    client = verified_client(officer)
    response = client.post(
        reverse("cases:close", args=[case.reference]),
        {"reason": "Perpetrator moved away", "victim_satisfaction": "4"},
    )
    case.refresh_from_db()
    assert response.status_code == 302 and case.status == "closed"
    assert case.victim_satisfaction == 4
    for name in ("cases:incident", "cases:person", "cases:close"):
        assert client.get(reverse(name, args=[case.reference])).status_code == 404
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "Perpetrator moved away" in page and "Log an incident" not in page


def test_the_forms_are_not_there_for_another_organisations_officer(
    verified_client, housing_officer, open_case
):
    case = open_case()
    client = verified_client(housing_officer)
    for name in ("cases:incident", "cases:person", "cases:close", "cases:review"):
        assert client.get(reverse(name, args=[case.reference])).status_code == 404
