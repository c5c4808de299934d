"""Analysts work a submission: assign, ask, grade with 3x5x2, close with an outcome."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from csphub.audit.models import AuditEvent
from csphub.intelligence import services
from csphub.intelligence.models import Outcome, Status
from tests.factories import make_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(submitter):
    return make_submission(submitter)


def test_assigning_a_received_submission_puts_it_under_assessment(submission, analyst):
    services.submission_assign(submission=submission, analyst=analyst, actor=analyst)
    submission.refresh_from_db()
    assert submission.assigned_to == analyst
    assert submission.status == Status.UNDER_ASSESSMENT


def test_grading_records_the_3x5x2_code_and_who_graded(submission, analyst):
    services.submission_grade(
        submission=submission,
        source_evaluation="2",
        intelligence_assessment="B",
        handling_code="P",
        actor=analyst,
    )
    submission.refresh_from_db()
    assert submission.grading == "2/B/P"
    assert submission.status == Status.GRADED
    assert submission.graded_by == analyst


def test_handling_code_c_requires_written_conditions(submission, analyst):
    with pytest.raises(ValidationError) as error:
        services.submission_grade(
            submission=submission,
            source_evaluation="1",
            intelligence_assessment="A",
            handling_code="C",
            handling_conditions="  ",
            actor=analyst,
        )
    assert "handling_conditions" in error.value.message_dict
    submission.refresh_from_db()
    assert submission.grading == "" and submission.status == Status.RECEIVED


def test_grades_outside_the_model_are_refused(submission, analyst):
    with pytest.raises(ValidationError) as error:
        services.submission_grade(
            submission=submission,
            source_evaluation="4",
            intelligence_assessment="F",
            handling_code="X",
            actor=analyst,
        )
    assert set(error.value.message_dict) == {
        "source_evaluation",
        "intelligence_assessment",
        "handling_code",
    }


def test_only_analysts_can_grade(submission, submitter):
    with pytest.raises(ValidationError):
        services.submission_grade(
            submission=submission,
            source_evaluation="2",
            intelligence_assessment="B",
            handling_code="P",
            actor=submitter,
        )


def test_closing_needs_an_outcome_and_a_referral_names_the_agency(submission, analyst):
    with pytest.raises(ValidationError):
        services.submission_close(submission=submission, outcome="", actor=analyst)
    with pytest.raises(ValidationError):
        services.submission_close(submission=submission, outcome=Outcome.REFERRED, actor=analyst)
    services.submission_close(
        submission=submission,
        outcome=Outcome.REFERRED,
        outcome_notes="Adult social care",
        actor=analyst,
    )
    submission.refresh_from_db()
    assert submission.status == Status.CLOSED and submission.closed_at is not None


def test_a_question_to_the_originator_awaits_their_answer_and_their_reply_returns_it(
    submission, analyst, submitter, django_capture_on_commit_callbacks
):
    services.submission_assign(submission=submission, analyst=analyst, actor=analyst)
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(submission=submission, author=analyst, body="Which shop exactly?")
    submission.refresh_from_db()
    assert submission.status == Status.AWAITING_INFORMATION
    assert mail.outbox[-1].to == [submitter.email]
    assert "Which shop" not in mail.outbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(
            submission=submission, author=submitter, body="The Co-op on High Street"
        )
    submission.refresh_from_db()
    assert submission.status == Status.UNDER_ASSESSMENT
    assert mail.outbox[-1].to == [analyst.email]


def test_the_originator_sees_and_answers_questions_in_the_portal(
    client, submission, analyst, submitter
):
    services.message_send(submission=submission, author=analyst, body="Which shop exactly?")
    client.force_login(submitter)
    url = reverse("intelligence:my_submission", args=[submission.reference])
    page = client.get(url).content.decode()
    assert "Which shop exactly?" in page and "Awaiting information" in page
    client.post(url, {"body": "The Co-op on High Street"})
    assert submission.messages.count() == 2


def test_analyst_notes_are_never_shown_to_the_originator(client, submission, analyst, submitter):
    services.note_add(submission=submission, author=analyst, body="Links to CIP from last week")
    client.force_login(submitter)
    page = client.get(
        reverse("intelligence:my_submission", args=[submission.reference])
    ).content.decode()
    assert "Links to CIP from last week" not in page


def test_every_change_is_audited_with_before_and_after(submission, analyst):
    services.submission_grade(
        submission=submission,
        source_evaluation="2",
        intelligence_assessment="B",
        handling_code="P",
        actor=analyst,
    )
    event = AuditEvent.objects.filter(object_id=submission.reference, action="updated").get()
    assert event.actor == analyst
    assert event.changes["status"] == ["received", "graded"]
    assert event.changes["handling_code"] == ["", "P"]


def test_an_analyst_opening_a_submission_is_audited(verified_client, submission, analyst):
    client = verified_client(analyst)
    client.get(reverse("intelligence:triage_detail", args=[submission.reference]))
    assert AuditEvent.objects.filter(
        object_id=submission.reference, action="viewed", actor=analyst
    ).exists()


def test_the_grading_form_shows_errors_and_saves_nothing(verified_client, submission, analyst):
    client = verified_client(analyst)
    response = client.post(
        reverse("intelligence:triage_grade", args=[submission.reference]),
        {"source_evaluation": "1", "intelligence_assessment": "A", "handling_code": "C"},
    )
    assert response.status_code == 400
    assert "Enter the conditions for sharing" in response.content.decode()
    submission.refresh_from_db()
    assert submission.grading == ""


def test_the_queue_filters_by_status_theme_district_and_urgency(
    verified_client, submitter, analyst
):
    calm = make_submission(submitter, district_code="E07000133")
    urgent = make_submission(
        submitter,
        information="He has a knife and is outside now",
        themes=["knife-crime-serious-violence"],
    )
    client = verified_client(analyst)
    url = reverse("intelligence:queue")

    def refs(**params):
        page = client.get(url, params).content.decode()
        table = page.split("<table", 1)[1] if "<table" in page else ""  # not the urgent banner
        return {s.reference for s in (calm, urgent) if s.reference in table}

    assert refs() == {calm.reference, urgent.reference}
    assert refs(urgent="yes") == {urgent.reference}
    assert refs(theme="knife-crime-serious-violence") == {urgent.reference}
    assert refs(district="melton") == {calm.reference}
    assert refs(status="graded") == set()


def test_a_forged_reference_answers_404(verified_client, analyst, submitter, client):
    assert (
        verified_client(analyst)
        .get(reverse("intelligence:triage_detail", args=["CIP-2026-999999"]))
        .status_code
        == 404
    )
    client.force_login(submitter)
    assert client.get(reverse("intelligence:my_submission", args=["<script>"])).status_code == 404


def test_the_queue_puts_open_urgent_submissions_first(verified_client, submitter, analyst):
    from csphub.intelligence.selectors import QueueFilters, triage_queue

    closed_urgent = make_submission(submitter, information="He has a knife and is outside now")
    services.submission_close(submission=closed_urgent, outcome=Outcome.ACTIONED, actor=analyst)
    open_urgent = make_submission(submitter, information="She is going to kill herself tonight")
    newest = make_submission(submitter)
    order = [s.reference for s in triage_queue(user=analyst, filters=QueueFilters())]
    assert order == [open_urgent.reference, newest.reference, closed_urgent.reference]
