"""The originator sees each step their report went through, so "graded" stays in view when a
question follows; and their list says where and what, in their own words."""

import pytest
from django.urls import reverse

from csphub.intelligence.services import message_send, submission_assign, submission_grade
from tests.factories import make_submission


@pytest.mark.django_db
def test_graded_stays_in_the_history_when_a_question_follows(client, submitter, analyst):
    submission = make_submission(submitter)
    submission_assign(submission=submission, analyst=analyst, actor=analyst)
    submission_grade(
        submission=submission,
        source_evaluation="2",
        intelligence_assessment="C",
        handling_code="P",
        actor=analyst,
    )
    message_send(submission=submission, author=analyst, body="Which door?")
    client.force_login(submitter)
    page = client.get(
        reverse("intelligence:my_submission", args=[submission.reference])
    ).content.decode()
    history = page.split('id="status-history"')[1].split("</ol>")[0]
    steps = [
        s
        for s in ("Received", "Being assessed", "Assessed and graded", "Question for you")
        if s in history
    ]
    assert steps == ["Received", "Being assessed", "Assessed and graded", "Question for you"]
    assert history.index("Assessed and graded") < history.index("Question for you")
    assert "2/C/P" not in history and analyst.display_name not in history


@pytest.mark.django_db
def test_the_list_shows_where_and_a_line_of_what_the_submitter_wrote(
    client, submitter, other_submitter
):
    make_submission(
        submitter,
        information="Cars stopping for a few minutes outside the flat above the bookies, "
        "mostly after 10pm, for the last fortnight or so.",
        postcode="",
        place_description="Flat above the bookies, High Street",
        district_code="E07000133",
    )
    make_submission(other_submitter, information="Someone else's report")
    client.force_login(submitter)
    page = client.get(reverse("intelligence:my_submissions")).content.decode()
    assert "Cars stopping for a few minutes" in page
    assert "Flat above the bookies, High Street" in page and "Melton" in page
    assert "Someone else" not in page
