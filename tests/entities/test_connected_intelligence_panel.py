import pytest
from django.urls import reverse

from csphub.entities.models import Link
from tests.entities.support import PHONE, linked
from tests.factories import make_submission

pytestmark = pytest.mark.django_db


def triage(client, submission):
    return client.get(reverse("intelligence:triage_detail", args=[submission.reference]))


def test_the_triage_page_lists_linked_reports_with_reasons_and_score(
    verified_client, submitter, analyst
):
    first = linked(submitter, identifiers=[PHONE])
    second = linked(submitter, identifiers=[PHONE])
    page = triage(verified_client(analyst), second).content.decode()
    assert "Connected intelligence" in page
    assert first.reference in page
    assert "Same phone +447700900461" in page
    assert "90%" in page
    assert "Confirm or reject" in page


def test_a_report_not_linked_yet_says_so(verified_client, submitter, analyst):
    submission = make_submission(submitter)
    page = triage(verified_client(analyst), submission).content.decode()
    assert "still being worked out" in page


def test_a_report_that_shares_nothing_says_so(verified_client, submitter, analyst):
    submission = linked(submitter, identifiers=[PHONE])
    page = triage(verified_client(analyst), submission).content.decode()
    assert "No other report shares anything" in page
    assert "+447700900461" in page  # in "what this report mentions"


def test_an_analyst_rejects_a_link_with_a_reason_and_sees_it_on_the_panel(
    verified_client, submitter, analyst
):
    linked(submitter, identifiers=[PHONE])
    second = linked(submitter, identifiers=[PHONE])
    client = verified_client(analyst)
    link = Link.objects.get()
    url = reverse("entities:link_decide", args=[link.pk]) + f"?from={second.reference}"
    response = client.post(url, {"status": "rejected", "reason": "Different households"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/queue/{second.reference}#connections")
    page = triage(client, second).content.decode()
    assert "Rejected" in page and "Different households" in page and "Undo" in page


def test_a_decision_without_a_reason_shows_the_error_and_saves_nothing(
    verified_client, submitter, analyst
):
    linked(submitter, identifiers=[PHONE])
    linked(submitter, identifiers=[PHONE])
    link = Link.objects.get()
    response = verified_client(analyst).post(
        reverse("entities:link_decide", args=[link.pk]), {"status": "confirmed", "reason": ""}
    )
    assert response.status_code == 200
    assert "Say why, for the record" in response.content.decode()
    link.refresh_from_db()
    assert link.status == "suggested"


def test_undo_from_the_panel_restores_the_suggestion(verified_client, submitter, analyst):
    linked(submitter, identifiers=[PHONE])
    second = linked(submitter, identifiers=[PHONE])
    client = verified_client(analyst)
    link = Link.objects.get()
    client.post(
        reverse("entities:link_decide", args=[link.pk]), {"status": "confirmed", "reason": "Same"}
    )
    decision = link.decisions.get()
    client.post(reverse("entities:decision_undo", args=[decision.pk]), {"from": second.reference})
    link.refresh_from_db()
    assert link.status == "suggested"
