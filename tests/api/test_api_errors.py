"""Bad input answers 422 (or 400 when the body is not JSON at all), never 500, with one shape:
{"detail": "...", "errors": {"field": ["message"]}} and the form's messages where it has one."""

import json

import pytest
from django.core.exceptions import ValidationError

from csphub.api import v1
from csphub.api.models import ApiToken
from csphub.intelligence.models import Submission

VALID = {
    "themes": ["anti-social-behaviour"],
    "information": "Groups gathering by the shops on Market Street most evenings.",
    "how_known": "first_hand",
    "may_contact": True,
    "source_disclosable": False,
    "district_code": "E07000130",
}
INVALID = "The request is not valid. See errors for what to correct."


def without(field):
    return {k: v for k, v in VALID.items() if k != field}


@pytest.fixture
def send(client, submitter):
    headers = {"Authorization": f"Bearer {ApiToken.issue(submitter)[1]}"}

    def post(body, content_type="application/json"):
        if not isinstance(body, (str, bytes)):
            body = json.dumps(body)
        return client.post("/api/v1/submissions", body, content_type=content_type, headers=headers)

    return post


# (what is wrong, the body, the errors expected)
BAD_INPUT = [
    ("no themes", {**VALID, "themes": []}, {"themes": ["Select at least one theme"]}),
    ("an unknown theme", {**VALID, "themes": ["ghosts"]}, {"themes": ["Unknown theme: ghosts"]}),
    (
        "a retired theme is unknown too",
        {**VALID, "themes": ["no-such-theme", "anti-social-behaviour"]},
        {"themes": ["Unknown theme: no-such-theme"]},
    ),
    ("themes missing", without("themes"), {"themes": ["This field is required"]}),
    (
        "themes as a string",
        {**VALID, "themes": "anti-social-behaviour"},
        {"themes": ["Must be a list"]},
    ),
    (
        "a theme as a number",
        {**VALID, "themes": [7]},
        {"themes[0]": ["Must be text (a JSON string)"]},
    ),
    (
        "more than 50 themes",
        {**VALID, "themes": ["x"] * 51},
        {"themes": ["Must have no more than 50 items"]},
    ),
    (
        "a theme slug over 100 characters",
        {**VALID, "themes": ["x" * 101]},
        {"themes[0]": ["A theme must be 100 characters or fewer (you entered 101)"]},
    ),
    (
        "information blank",
        {**VALID, "information": "   "},
        {"information": ["Enter what you know"]},
    ),
    (
        "information null",
        {**VALID, "information": None},
        {"information": ["Must be text (a JSON string)"]},
    ),
    (
        "information over 10,000 characters",
        {**VALID, "information": "x" * 10_001},
        {"information": ["What you know must be 10,000 characters or fewer (you entered 10,001)"]},
    ),
    (
        "information of a megabyte",
        {**VALID, "information": "x" * 1_000_000},
        {
            "information": [
                "What you know must be 10,000 characters or fewer (you entered 1,000,000)"
            ]
        },
    ),
    (
        "a NUL character",
        {**VALID, "information": "a\x00b"},
        {"information": ["Contains characters that are not allowed"]},
    ),
    (
        "a NUL character in a theme",
        {**VALID, "themes": ["anti\x00social"]},
        {"themes[0]": ["Contains characters that are not allowed"]},
    ),
    (
        "a postcode that is not one",
        {**VALID, "postcode": "NOT A POSTCODE"},
        {"postcode": ["Enter a real UK postcode, like LE11 3AA"]},
    ),
    (
        "no place at all",
        without("district_code"),
        {
            "postcode": [
                "Enter a postcode, an address or a description of the place, or choose a district"
            ]
        },
    ),
    (
        "an unknown district code",
        {**VALID, "district_code": "E99999999", "place_description": "The park"},
        {"district_code": ["Select a district from the list"]},
    ),
    (
        "a place description over 2,000 characters",
        {**VALID, "place_description": "p" * 2001},
        {
            "place_description": [
                "The address or description of the place must be 2,000 characters or fewer "
                "(you entered 2,001)"
            ]
        },
    ),
    (
        "how known not one of the choices",
        {**VALID, "how_known": "psychic"},
        {
            "how_known": [
                "Select how you know this: first-hand, second-hand "
                "or from a member of the community"
            ]
        },
    ),
    (
        "may contact as a string",
        {**VALID, "may_contact": "yes"},
        {"may_contact": ["Must be true or false"]},
    ),
    (
        "may contact as a number",
        {**VALID, "may_contact": 1},
        {"may_contact": ["Must be true or false"]},
    ),
    (
        "may contact null",
        {**VALID, "may_contact": None},
        {"may_contact": ["Must be true or false"]},
    ),
    (
        "source disclosable missing",
        without("source_disclosable"),
        {"source_disclosable": ["This field is required"]},
    ),
    (
        "a date not in ISO form",
        {**VALID, "occurred_on": "31/01/2026"},
        {"occurred_on": ["Enter a date in the format YYYY-MM-DD, like 2026-03-31"]},
    ),
    (
        "a date as a number",
        {**VALID, "occurred_on": 1767225600},
        {"occurred_on": ["Enter a date in the format YYYY-MM-DD, like 2026-03-31"]},
    ),
    (
        "a date that does not exist",
        {**VALID, "occurred_on": "2026-02-30"},
        {"occurred_on": ["Enter a real date in the format YYYY-MM-DD, like 2026-03-31"]},
    ),
    (
        "a date in the future",
        {**VALID, "occurred_on": "2999-01-01"},
        {"occurred_on": ["The date must be today or in the past"]},
    ),
    (
        "a period that ends before it starts",
        {**VALID, "occurred_from": "2026-01-10", "occurred_to": "2026-01-01"},
        {"occurred_to": ["The end of the period must be after its start"]},
    ),
    (
        "a person with an unknown role",
        {**VALID, "people": [{"name": "Jay", "role": "boss"}]},
        {"people[0].role": ["Select whether the person is a subject, victim, witness or other"]},
    ),
    (
        "a person without a role",
        {**VALID, "people": [{"name": "Jay"}]},
        {"people[0].role": ["This field is required"]},
    ),
    (
        "a person with neither name nor description",
        {**VALID, "people": [{"role": "victim"}]},
        {"people[0].name": ["Enter the person's name or a description of them"]},
    ),
    (
        "an age as text",
        {**VALID, "people": [{"name": "Jay", "role": "subject", "age": "nineteen"}]},
        {"people[0].age": ["Must be a whole number"]},
    ),
    (
        "an age out of range",
        {**VALID, "people": [{"name": "Jay", "role": "subject", "age": 10**30}]},
        {"people[0].age": ["Age must be a whole number between 0 and 120"]},
    ),
    (
        "a person that is not an object",
        {**VALID, "people": ["Jay"]},
        {"people[0]": ["Must be a JSON object"]},
    ),
    (
        "more than 20 people",
        {**VALID, "people": [{"name": "Jay", "role": "subject"}] * 21},
        {"people": ["Add no more than 20 people"]},
    ),
    (
        "errors in the second person",
        {**VALID, "people": [{"name": "Jay", "role": "subject"}, {"name": "Kim", "role": "boss"}]},
        {"people[1].role": ["Select whether the person is a subject, victim, witness or other"]},
    ),
    (
        "a registration with symbols",
        {**VALID, "vehicles": [{"registration": "AB12 C$E"}]},
        {
            "vehicles[0].registration": [
                "Registration must be letters and numbers only, like AB12 CDE"
            ]
        },
    ),
    (
        "a colour over 40 characters",
        {**VALID, "vehicles": [{"make": "Ford", "colour": "c" * 41}]},
        {"vehicles[0].colour": ["Colour must be 40 characters or fewer (you entered 41)"]},
    ),
    (
        "an empty vehicle",
        {**VALID, "vehicles": [{}]},
        {"vehicles[0].registration": ["Enter the registration or describe the vehicle"]},
    ),
    (
        "an identifier of an unknown kind",
        {**VALID, "identifiers": [{"kind": "fax", "value": "0116"}]},
        {
            "identifiers[0].kind": [
                "Select whether this is a phone number, email address or social media handle"
            ]
        },
    ),
    (
        "a phone number that is not one",
        {**VALID, "identifiers": [{"kind": "phone", "value": "call me"}]},
        {"identifiers[0].value": ["Enter a phone number, like 07700 900 982 or +44 116 496 0000"]},
    ),
    (
        "an unknown field",
        {**VALID, "priority": "high"},
        {"priority": ["This field is not recognised; remove it"]},
    ),
    (
        "an unknown field inside a vehicle",
        {**VALID, "vehicles": [{"registration": "AB12CDE", "wheels": 4}]},
        {"vehicles[0].wheels": ["This field is not recognised; remove it"]},
    ),
    ("a JSON array instead of an object", [], {"body": ["Send a JSON object in the request body"]}),
    ("JSON null", None, {"body": ["Send a JSON object in the request body"]}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("problem", "body", "errors"), BAD_INPUT, ids=[case[0] for case in BAD_INPUT]
)
def test_bad_input_answers_422_with_a_message_for_each_field_at_fault(send, problem, body, errors):
    response = send(body)
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {"detail": INVALID, "errors": errors}
    assert Submission.objects.count() == 0


@pytest.mark.django_db
def test_several_mistakes_are_reported_together_one_entry_per_field(send):
    response = send(
        {
            **VALID,
            "themes": [],
            "how_known": "psychic",
            "postcode": "nope",
            "people": [{"name": "Jay", "role": "boss"}],
        }
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert sorted(errors) == ["how_known", "people[0].role", "postcode", "themes"]
    assert all(isinstance(messages, list) and len(messages) == 1 for messages in errors.values())


@pytest.mark.django_db
def test_schema_errors_in_several_fields_are_reported_together(send):
    response = send({**VALID, "may_contact": "yes", "themes": "asb", "extra": 1})
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "themes": ["Must be a list"],
        "may_contact": ["Must be true or false"],
        "extra": ["This field is not recognised; remove it"],
    }


@pytest.mark.django_db
def test_null_and_absent_optional_fields_mean_blank(send):
    response = send(
        {
            **VALID,
            "postcode": None,
            "place_description": None,
            "occurred_on": None,
            "occurred_from": "",
            "when_description": None,
            "people": None,
            "vehicles": None,
            "identifiers": None,
        }
    )
    assert response.status_code == 201, response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    ["{not json", '{"themes": [', "\u00ff", b"\xff\xfe\xfa", b'{"information": "caf\xe9"}'],
    ids=["malformed", "truncated", "not-json-text", "binary", "latin-1"],
)
def test_a_body_that_is_not_utf8_json_answers_400(send, body):
    response = send(body)
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The request body is not valid JSON.",
        "errors": {"body": ["Send a JSON object encoded as UTF-8"]},
    }


@pytest.mark.django_db
def test_a_missing_body_answers_400(send):
    response = send("")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The request body is missing. Send a JSON object.",
        "errors": {"body": ["Send a JSON object in the request body"]},
    }


@pytest.mark.django_db
def test_a_lone_surrogate_which_no_database_can_store_answers_422(send):
    body = json.dumps(VALID).replace('"Groups', '"\\ud800Groups')
    response = send(body)
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "information": ["Contains characters that are not allowed"]
    }


@pytest.mark.django_db
def test_unicode_text_is_accepted(send):
    response = send(
        {
            **VALID,
            "information": (
                "Graffiti: \u201cno entry\u201d \U0001f6ab near the Caf\u00e9 \u0628\u0627\u0628"
            ),
        }
    )
    assert response.status_code == 201


@pytest.mark.django_db
def test_a_body_larger_than_the_upload_limit_answers_413(send, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = send({**VALID, "information": "x" * 2000})
    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is too large."}


@pytest.mark.django_db
def test_a_validation_error_without_fields_is_wrapped_in_the_same_shape(send, monkeypatch):
    def refuse(**kwargs):
        raise ValidationError("Only submitters can submit intelligence.")

    monkeypatch.setattr(v1, "submission_create", refuse)
    response = send(VALID)
    assert response.status_code == 422
    assert response.json() == {
        "detail": INVALID,
        "errors": {"__all__": ["Only submitters can submit intelligence."]},
    }


@pytest.mark.django_db
def test_an_unexpected_failure_answers_json_not_a_html_page(send, monkeypatch):
    def crash(**kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(v1, "submission_create", crash)
    response = send(VALID)
    assert response.status_code == 500
    assert response.json() == {"detail": "Something went wrong on our side. Try again later."}
    assert b"database on fire" not in response.content


@pytest.mark.django_db
def test_an_unknown_path_under_the_api_answers_json_404(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.django_db
def test_a_method_the_endpoint_does_not_allow_answers_405(client, submitter):
    token = ApiToken.issue(submitter)[1]
    response = client.delete("/api/v1/themes", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response.json() == {"detail": "Method not allowed here. Use GET."}
