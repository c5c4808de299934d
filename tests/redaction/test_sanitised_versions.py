"""Approving a sanitised version: numbered, validated, analysts only, audited, all or nothing."""

import json

import pytest
from django.core.exceptions import ValidationError

from csphub.audit.models import AuditEvent
from csphub.core.roles import Role
from csphub.forums.models import SanitisedVersion
from csphub.forums.selectors import forum_intelligence, sanitised_for_forum_member
from csphub.redaction.services import sanitised_version_approve
from tests.factories import UserFactory, district, make_submission
from tests.sanitised_support import (
    INFORMATION,
    SANITISED,
    apply_spans,
    approve,
    make_originator,
    make_rich_submission,
    spans_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission():
    return make_rich_submission(make_originator())


def test_approving_creates_version_1_then_version_2_and_keeps_both(submission, analyst):
    first = approve(submission, analyst)
    second = approve(submission, analyst, text=SANITISED.replace("most evenings", "every evening"))
    assert (first.version, second.version) == (1, 2)
    assert list(
        submission.sanitised_versions.order_by("version").values_list("version", flat=True)
    ) == [1, 2]
    assert first.text == SANITISED
    assert second.text.endswith("every evening after 9pm.")
    member = UserFactory(roles=[Role.FORUM_MEMBER], forum_districts=[district("charnwood")])
    assert sanitised_for_forum_member(user=member, reference=submission.reference).pk == second.pk
    assert [v.pk for v in forum_intelligence(user=member)] == [second.pk]


def test_versions_are_numbered_per_submission(submission, analyst):
    other = make_rich_submission(make_originator("someone-else"))
    approve(submission, analyst)
    approve(submission, analyst)
    assert approve(other, analyst).version == 1


def test_a_version_records_who_approved_it_when_and_for_which_district(submission, analyst):
    version = approve(submission, analyst)
    assert version.approved_by == analyst
    assert version.approved_at is not None and version.created_at is not None
    assert version.district == district("charnwood") == submission.district
    assert version.postcode_sector is False


def test_the_spans_stored_say_where_and_what_but_not_the_redacted_words(submission, analyst):
    version = approve(submission, analyst)
    assert version.spans == spans_for(INFORMATION)
    assert set(version.spans[0]) == {"start", "end", "type", "label"}
    stored = json.dumps(version.spans)
    for word in ("Piotr", "Nowak", "07700", "someone@example.org", "FV19", "LE11"):
        assert word not in stored


def test_the_text_approved_is_what_the_analyst_finally_edited(submission, analyst):
    edited = SANITISED + "\n\nAnalyst's note for the forum: linked to other reports this month."
    assert approve(submission, analyst, text=f"  {edited}  ").text == edited


def test_the_postcode_sector_choice_is_kept(submission, analyst):
    spans = spans_for(INFORMATION)
    for span in spans:
        if span["type"] == "POSTCODE":
            span["label"] = "LE11 3**"
    version = approve(submission, analyst, spans=spans, postcode_sector=True)
    assert version.postcode_sector is True
    assert "LE11 3**" in version.text


def test_a_redaction_may_be_dropped_when_it_is_not_personal_data(analyst):
    submission = make_submission(
        make_originator(), information="Youths gather by the Co-op on Market Street."
    )
    version = approve(submission, analyst, spans=[])
    assert version.text == "Youths gather by the Co-op on Market Street."
    assert version.spans == []


@pytest.mark.parametrize(
    ("spans", "message"),
    [
        (
            [{"start": 0, "end": len(INFORMATION) + 1, "type": "PERSON"}],
            "not within the information text",
        ),
        ([{"start": -1, "end": 5, "type": "PERSON"}], "not within the information text"),
        ([{"start": 5, "end": 5, "type": "PERSON"}], "not within the information text"),
        ([{"start": 10, "end": 2, "type": "PERSON"}], "not within the information text"),
        ([{"start": "0", "end": 11, "type": "PERSON"}], "whole-number start and end"),
        ([{"start": 0, "end": 11, "type": "NICKNAME"}], "unknown type"),
        (
            [{"start": 0, "end": 11, "type": "PERSON"}, {"start": 6, "end": 20, "type": "PERSON"}],
            "overlap",
        ),
        (["0:11:PERSON"], "not valid"),
        ("0:11:PERSON", "as a list"),
    ],
)
def test_spans_must_lie_within_the_information_text(submission, analyst, spans, message):
    with pytest.raises(ValidationError) as caught:
        sanitised_version_approve(
            submission=submission, actor=analyst, spans=spans, text=SANITISED, postcode_sector=False
        )
    assert any(message in m for m in caught.value.message_dict["spans"])
    assert not SanitisedVersion.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter the sanitised text"),
        ("   \n ", "Enter the sanitised text"),
        ("x" * 10_001, "10,000 characters or fewer"),
        ("Contains a NUL \x00 character", "not allowed"),
    ],
)
def test_the_text_must_be_present_and_at_most_10000_characters(submission, analyst, text, message):
    with pytest.raises(ValidationError) as caught:
        approve(submission, analyst, text=text)
    assert any(message in m for m in caught.value.message_dict["text"])
    assert not SanitisedVersion.objects.exists()


def test_10000_characters_is_allowed(analyst):
    submission = make_submission(make_originator(), information="Youths gather by the Co-op.")
    assert len(approve(submission, analyst, spans=[], text="y" * 10_000).text) == 10_000


def test_the_text_may_not_still_contain_what_was_marked_for_redaction(submission, analyst):
    with pytest.raises(ValidationError) as caught:
        approve(submission, analyst, text=SANITISED.replace("[EMAIL]", "someone@example.org"))
    assert (
        "“someone@example.org”, which is marked for redaction"
        in caught.value.message_dict["text"][0]
    )
    assert not SanitisedVersion.objects.exists()


def test_the_text_may_not_contain_the_submissions_structured_details(submission, analyst):
    # The analyst dropped the vehicle redaction, but the registration was given as a vehicle.
    spans = [s for s in spans_for(INFORMATION) if s["type"] != "VEHICLE"]
    with pytest.raises(ValidationError) as caught:
        approve(submission, analyst, spans=spans)
    assert (
        "“FV19XKT” (vehicle) from the submission's details" in caught.value.message_dict["text"][0]
    )
    # Written differently in the text ("fv19-xkt") is still the same registration.
    with pytest.raises(ValidationError):
        approve(
            submission,
            analyst,
            spans=spans,
            text=apply_spans(INFORMATION, spans).replace("FV19 XKT", "fv19-xkt"),
        )
    assert not SanitisedVersion.objects.exists()


@pytest.mark.parametrize(
    "role",
    [
        Role.SUBMITTER,
        Role.FORUM_MEMBER,
        Role.PERFORMANCE_ANALYST,
        Role.BOARD_MEMBER,
        Role.ADMINISTRATOR,
    ],
)
def test_only_analysts_may_approve(submission, role):
    user = UserFactory(
        roles=[role], forum_districts=[district("charnwood")] if role == Role.FORUM_MEMBER else []
    )
    with pytest.raises(ValidationError, match="Only intelligence analysts"):
        approve(submission, user)
    assert not SanitisedVersion.objects.exists()
    assert not AuditEvent.objects.filter(object_type="sanitised_version").exists()


def test_the_originator_may_not_approve_their_own_submission(submission):
    with pytest.raises(ValidationError):
        approve(submission, submission.submitted_by)


def test_approval_is_audited_with_before_and_after(submission, analyst):
    approve(submission, analyst)
    approve(submission, analyst, text=SANITISED + " Seen again on Friday.")
    events = list(
        AuditEvent.objects.filter(object_type="sanitised_version", action="created").order_by("id")
    )
    assert [e.object_id for e in events] == [submission.reference] * 2
    assert [e.actor_username for e in events] == ["analyst", "analyst"]
    assert events[0].summary == "Sanitised version 1 approved for sharing with forums"
    assert events[0].changes["version"] == [None, 1]
    assert events[0].changes["text"] == [None, SANITISED]
    assert events[0].changes["district"] == [None, "Charnwood"]
    assert events[1].changes["version"] == [1, 2]
    assert events[1].changes["text"] == [SANITISED, SANITISED + " Seen again on Friday."]
    # The audit trail of the approval holds no redacted words either.
    assert "Nowak" not in json.dumps([e.changes for e in events])


def test_bad_input_leaves_nothing_half_written(submission, analyst):
    approve(submission, analyst)
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError):
        approve(
            submission,
            analyst,
            spans=[{"start": 0, "end": 99_999, "type": "PERSON"}],
            text=SANITISED,
        )
    with pytest.raises(ValidationError):
        approve(submission, analyst, text="")
    assert list(SanitisedVersion.objects.values_list("version", flat=True)) == [1]
    assert AuditEvent.objects.count() == events
    assert approve(submission, analyst).version == 2


def test_a_submission_without_a_district_can_be_approved_but_no_forum_sees_it(analyst):
    submission = make_submission(
        make_originator(),
        district_code="",
        place_description="Behind the Co-op",
        information="Youths gather behind the Co-op.",
    )
    assert submission.district is None
    version = approve(submission, analyst, spans=[])
    assert version.district is None
    member = UserFactory(roles=[Role.FORUM_MEMBER], forum_districts=[district("charnwood")])
    assert list(forum_intelligence(user=member)) == []
