"""Submitting intelligence through the API and reading it back."""

import json
import re
from datetime import date

import pytest
from django.core import mail

from csphub.api.models import ApiToken
from csphub.audit.models import AuditEvent
from csphub.directory.models import SupportService
from csphub.intelligence.models import Submission
from tests.factories import make_submission, theme

FULL_SUBMISSION = {
    "themes": ["anti-social-behaviour", "county-lines"],
    "information": (
        "A flat on Market Street is used to deal drugs; young people visit after school."
    ),
    "postcode": "le11 3aa",
    "place_description": "Flat above the bakery, Market Street",
    "district_code": "E07000130",
    "occurred_on": None,
    "occurred_from": "2026-01-05",
    "occurred_to": "2026-01-20",
    "when_description": "Most weekday afternoons",
    "how_known": "second_hand",
    "may_contact": True,
    "source_disclosable": False,
    "people": [
        {
            "name": "Jay",
            "role": "subject",
            "age": 19,
            "date_of_birth": None,
            "description": "Tall, grey tracksuit",
        }
    ],
    "vehicles": [{"registration": "ab12 cde", "make": "Ford", "model": "Fiesta", "colour": "Blue"}],
    "identifiers": [
        {"kind": "phone", "value": "07700 900 982"},
        {"kind": "email", "value": "Dealer@Example.com"},
    ],
}


def bearer(user):
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def post(client, user, payload, **headers):
    return client.post(
        "/api/v1/submissions",
        json.dumps(payload),
        content_type="application/json",
        headers={**bearer(user), **headers},
    )


@pytest.fixture
def service(db):
    found = SupportService.objects.create(
        organisation="Leicestershire Youth Service",
        name="Youth outreach",
        phone="0116 000 0000",
        email="youth@example.org",
        website="https://youth.example.org",
        oruk_id="youth-outreach",
    )
    found.themes.set([theme("county-lines")])
    return found


@pytest.mark.django_db
def test_a_submitter_gets_201_with_a_reference_like_cip_year_and_six_digits(client, submitter):
    response = post(client, submitter, FULL_SUBMISSION)
    assert response.status_code == 201
    body = response.json()
    assert re.fullmatch(r"CIP-\d{4}-\d{6}", body["reference"])
    assert body["status"] == "received"
    assert body["urgent"] is False
    assert body["urgent_reasons"] == []
    assert body["created_at"]
    assert [t["slug"] for t in body["themes"]] == ["county-lines", "anti-social-behaviour"]
    assert body["district"] == {"code": "E07000130", "name": "Charnwood"}


@pytest.mark.django_db
def test_the_submission_is_stored_with_its_people_vehicles_and_identifiers(client, submitter):
    reference = post(client, submitter, FULL_SUBMISSION).json()["reference"]
    stored = Submission.objects.get(reference=reference)
    assert stored.submitted_by == submitter
    assert stored.postcode == "LE11 3AA"
    assert stored.occurred_from == date(2026, 1, 5)
    assert stored.how_known == "second_hand"
    assert [(p.name, p.role, p.age) for p in stored.people.all()] == [("Jay", "subject", 19)]
    assert [v.registration for v in stored.vehicles.all()] == ["AB12CDE"]
    assert [(i.kind, i.value) for i in stored.identifiers.all()] == [
        ("phone", "07700 900 982"),
        ("email", "dealer@example.com"),
    ]


@pytest.mark.django_db
def test_the_response_signposts_support_services_for_the_chosen_themes(client, submitter, service):
    other = SupportService.objects.create(
        organisation="Elsewhere", name="Scam advice", oruk_id="scams"
    )
    other.themes.set([theme("cybercrime-scams")])
    body = post(client, submitter, FULL_SUBMISSION).json()
    assert body["signposting"] == [
        {
            "organisation": "Leicestershire Youth Service",
            "name": "Youth outreach",
            "phone": "0116 000 0000",
            "email": "youth@example.org",
            "website": "https://youth.example.org",
        }
    ]


@pytest.mark.django_db
def test_a_submission_describing_immediate_danger_is_flagged_urgent_with_reasons(client, submitter):
    payload = {
        **FULL_SUBMISSION,
        "information": "He has a knife right now and is outside the school.",
    }
    body = post(client, submitter, payload).json()
    assert body["urgent"] is True
    (reason,) = body["urgent_reasons"]
    assert reason.startswith("someone has a weapon now")
    assert "has a knife" in reason  # the wording that raised it


@pytest.mark.django_db
def test_html_and_script_in_text_are_stored_and_returned_exactly_as_typed(client, submitter):
    text = '<script>alert("x")</script> <b>bold</b> & "quotes"'
    payload = {**FULL_SUBMISSION, "information": text, "place_description": "<img src=x onerror=1>"}
    reference = post(client, submitter, payload).json()["reference"]
    assert Submission.objects.get(reference=reference).information == text
    read = client.get(f"/api/v1/submissions/{reference}", headers=bearer(submitter)).json()
    assert read["information"] == text
    assert read["place_description"] == "<img src=x onerror=1>"


@pytest.mark.django_db
def test_the_submitter_is_emailed_the_reference(
    client, submitter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reference = post(client, submitter, FULL_SUBMISSION).json()["reference"]
    assert [m.subject for m in mail.outbox] == [f"Intelligence received: {reference}"]


@pytest.mark.django_db
def test_the_originator_reads_the_full_submission(client, submitter):
    reference = post(client, submitter, FULL_SUBMISSION).json()["reference"]
    response = client.get(f"/api/v1/submissions/{reference}", headers=bearer(submitter))
    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == reference
    assert body["information"] == FULL_SUBMISSION["information"]
    assert body["status"] == "received"
    assert body["grading"] == ""
    assert body["outcome"] == ""
    assert body["postcode"] == "LE11 3AA"
    assert body["occurred_on"] is None
    assert body["occurred_from"] == "2026-01-05"
    assert body["occurred_to"] == "2026-01-20"
    assert body["when_description"] == "Most weekday afternoons"
    assert body["how_known"] == "second_hand"
    assert body["may_contact"] is True
    assert body["source_disclosable"] is False
    assert body["district"] == {"code": "E07000130", "name": "Charnwood"}
    assert body["people"] == [
        {
            "name": "Jay",
            "role": "subject",
            "age": 19,
            "date_of_birth": None,
            "description": "Tall, grey tracksuit",
        }
    ]
    assert body["vehicles"] == [
        {"registration": "AB12CDE", "make": "Ford", "model": "Fiesta", "colour": "Blue"}
    ]
    assert body["identifiers"] == [
        {"kind": "phone", "value": "07700 900 982"},
        {"kind": "email", "value": "dealer@example.com"},
    ]


@pytest.mark.django_db
def test_an_analyst_reads_any_submission_with_its_grading(client, submitter, analyst):
    submission = make_submission(submitter)
    Submission.objects.filter(pk=submission.pk).update(
        source_evaluation="2", intelligence_assessment="B", handling_code="P", status="graded"
    )
    body = client.get(f"/api/v1/submissions/{submission.reference}", headers=bearer(analyst)).json()
    assert body["grading"] == "2/B/P"
    assert body["status"] == "graded"


@pytest.mark.django_db
def test_every_read_of_the_full_text_is_audited(client, submitter):
    reference = make_submission(submitter).reference
    for _ in range(2):
        client.get(f"/api/v1/submissions/{reference}", headers=bearer(submitter))
    events = AuditEvent.objects.filter(action="viewed", object_id=reference)
    assert events.count() == 2
    assert {(e.actor_id, e.summary) for e in events} == {(submitter.pk, "Viewed via API")}


@pytest.mark.django_db
def test_another_submitters_reference_answers_404_and_is_not_audited(
    client, submitter, other_submitter
):
    reference = make_submission(other_submitter).reference
    response = client.get(f"/api/v1/submissions/{reference}", headers=bearer(submitter))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert not AuditEvent.objects.filter(action="viewed").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "reference",
    [
        "CIP-2026-999999",
        "CIP-2026-1",
        "cip-2026-000001",
        "1",
        "CIP-2026-000001%00",
        "%F0%9F%92%A3",
        "x" * 500,
    ],
)
def test_a_forged_or_nonexistent_reference_answers_the_same_404(client, submitter, reference):
    make_submission(submitter)
    response = client.get(f"/api/v1/submissions/{reference}", headers=bearer(submitter))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.django_db
def test_the_201_body_is_what_the_documented_schema_gives(client, submitter, service):
    from ninja.responses import NinjaJSONEncoder

    from csphub.api.schemas import SubmissionCreatedOut

    payload = {
        **FULL_SUBMISSION,
        "information": "He has a knife right now and is outside the school.",
    }
    body = post(client, submitter, payload).json()
    stored = Submission.objects.get(reference=body["reference"])
    # As ninja would have written it: schema validation, then its JSON encoder.
    expected = json.loads(
        json.dumps(SubmissionCreatedOut.from_orm(stored).model_dump(), cls=NinjaJSONEncoder)
    )
    assert body["signposting"] and body["urgent_reasons"] and body["district"]
    assert body == expected
