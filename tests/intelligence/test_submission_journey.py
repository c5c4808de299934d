"""A submitter goes through the form, checks their answers and gets a reference."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from csphub.intelligence.models import Status, Submission

pytestmark = pytest.mark.django_db


def step(name):
    return reverse("intelligence:submit_step", args=[name])


def walk_to_check(
    client, information="Youths gathering by the shops on Market Street most evenings.", **extra
):
    client.post(reverse("intelligence:submit_start"))
    client.post(
        step("themes"), {"themes": ["anti-social-behaviour", "knife-crime-serious-violence"]}
    )
    client.post(step("information"), {"information": information})
    client.post(
        step("where"),
        {"postcode": "le11 3aa", "place_description": "By the shops", "district": "E07000130"},
    )
    client.post(
        step("when"),
        {
            "when_known": "date",
            "occurred_on-day": "3",
            "occurred_on-month": "2",
            "occurred_on-year": "2026",
            "when_description": "after 9pm",
        },
    )
    client.post(
        step("people"),
        {
            "action": "add",
            "name": "Jay",
            "role": "subject",
            "age": "17",
            "description": "Tall, grey tracksuit",
        },
    )
    client.post(step("people"), {"action": "continue"})
    client.post(
        step("vehicles"),
        {
            "action": "continue",
            "registration": "fv19 xkt",
            "make": "Ford",
            "model": "Fiesta",
            "colour": "Black",
        },
    )
    client.post(
        step("identifiers"), {"action": "continue", "kind": "phone", "value": "07700 900982"}
    )
    return client.post(
        step("source"),
        {"how_known": "first_hand", "may_contact": "yes", "source_disclosable": "no", **extra},
    )


def test_check_your_answers_shows_everything_entered(client, submitter):
    client.force_login(submitter)
    response = walk_to_check(client)
    assert response.url == reverse("intelligence:submit_check")
    page = client.get(response.url).content.decode()
    for expected in [
        "Anti-social behaviour",
        "Market Street",
        "LE11 3AA",
        "Charnwood",
        "3 February 2026",
        "Jay",
        "aged 17",
        "FV19XKT",
        "07700 900982",
        "First-hand",
    ]:
        assert expected in page


def test_confirming_creates_one_submission_with_a_reference_and_emails_it(
    client, submitter, django_capture_on_commit_callbacks
):
    client.force_login(submitter)
    walk_to_check(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("intelligence:submit_check"))
    submission = Submission.objects.get()
    assert response.url == reverse("intelligence:submit_confirmation", args=[submission.reference])
    assert re.fullmatch(r"CIP-\d{4}-\d{6}", submission.reference)
    assert submission.status == Status.RECEIVED
    assert submission.people.get().name == "Jay"
    assert submission.vehicles.get().registration == "FV19XKT"
    assert submission.identifiers.get().value == "07700 900982"
    assert submission.district.name == "Charnwood"
    assert submission.may_contact is True and submission.source_disclosable is False
    page = client.get(response.url).content.decode()
    assert submission.reference in page and "What happens next" in page
    assert len(mail.outbox) == 1
    assert submission.reference in mail.outbox[0].body
    assert "Market Street" not in mail.outbox[0].body  # the intelligence itself is never emailed


def test_sending_the_same_answers_twice_makes_one_submission(client, submitter):
    client.force_login(submitter)
    walk_to_check(client)
    draft = dict(client.session["cip_draft"])
    client.post(reverse("intelligence:submit_check"))
    session = client.session
    session["cip_draft"] = draft  # a resent form after the first one went through
    session.save()
    client.post(reverse("intelligence:submit_check"))
    assert Submission.objects.count() == 1


def test_each_step_explains_what_is_missing(client, submitter):
    client.force_login(submitter)
    client.post(reverse("intelligence:submit_start"))
    assert "Select at least one theme" in client.post(step("themes"), {}).content.decode()
    assert (
        "Enter what you know"
        in client.post(step("information"), {"information": "  "}).content.decode()
    )
    assert (
        "Enter a real UK postcode"
        in client.post(step("where"), {"postcode": "NOT A PC"}).content.decode()
    )
    assert "Enter a postcode, an address" in client.post(step("where"), {}).content.decode()
    page = client.post(
        step("when"),
        {
            "when_known": "date",
            "occurred_on-day": "31",
            "occurred_on-month": "2",
            "occurred_on-year": "2026",
        },
    ).content.decode()
    assert "must be a real date" in page
    page = client.post(step("people"), {"action": "add", "role": "subject"}).content.decode()
    assert "Enter the person&#x27;s name or a description of them" in page


def test_an_invalid_postcode_is_refused_with_a_clear_message(client, submitter):
    client.force_login(submitter)
    walk_to_check(client)
    session = client.session
    draft = session["cip_draft"]
    draft["postcode"] = "ZZ99 ZZZZ"
    session["cip_draft"] = draft
    session.save()
    page = client.post(reverse("intelligence:submit_check")).content.decode()
    assert "Enter a real UK postcode, like LE11 3AA" in page
    assert Submission.objects.count() == 0


def test_a_future_date_is_refused(client, submitter):
    client.force_login(submitter)
    client.post(reverse("intelligence:submit_start"))
    page = client.post(
        step("when"),
        {
            "when_known": "date",
            "occurred_on-day": "1",
            "occurred_on-month": "1",
            "occurred_on-year": "2099",
        },
    ).content.decode()
    assert "must be today or in the past" in page


def test_script_typed_into_the_form_is_stored_as_typed_and_shown_escaped(
    client, submitter, analyst, verified_client
):
    client.force_login(submitter)
    walk_to_check(client, information='<script>alert("x")</script> seen at the park')
    client.post(reverse("intelligence:submit_check"))
    submission = Submission.objects.get()
    assert submission.information.startswith('<script>alert("x")</script>')
    page = client.get(
        reverse("intelligence:my_submission", args=[submission.reference])
    ).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_changing_an_answer_from_check_your_answers_returns_there(client, submitter):
    client.force_login(submitter)
    walk_to_check(client)
    response = client.post(
        step("information") + "?return=check", {"information": "Changed text about the shops"}
    )
    assert response.url == reverse("intelligence:submit_check")
    assert "Changed text about the shops" in client.get(response.url).content.decode()


def test_the_confirmation_lists_support_services_for_the_chosen_themes(client, submitter):
    from csphub.directory.models import SupportService
    from csphub.intelligence.models import Theme

    service = SupportService.objects.create(
        organisation="Victim First",
        name="Knife crime support",
        phone="0800 000 0000",
        oruk_id="test-1",
    )
    service.themes.add(Theme.objects.get(slug="knife-crime-serious-violence"))
    unrelated = SupportService.objects.create(
        organisation="Scam Advice", name="Scams line", oruk_id="test-2"
    )
    unrelated.themes.add(Theme.objects.get(slug="cybercrime-scams"))
    client.force_login(submitter)
    walk_to_check(client)
    response = client.post(reverse("intelligence:submit_check"), follow=True)
    page = response.content.decode()
    assert "Knife crime support" in page
    assert "Scams line" not in page


def test_an_added_person_can_be_removed_before_sending(client, submitter):
    client.force_login(submitter)
    client.post(reverse("intelligence:submit_start"))
    client.post(step("people"), {"action": "add", "name": "Jay", "role": "subject"})
    client.post(step("people"), {"action": "add", "name": "Kim", "role": "witness"})
    client.post(step("people"), {"action": "remove-0"})
    assert [p["name"] for p in client.session["cip_draft"]["people"]] == ["Kim"]
    page = client.get(step("people")).content.decode()
    assert "You have added 1" in page and "Kim" in page
