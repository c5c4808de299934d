"""HTML and script typed into any field are stored as typed and always shown escaped."""

import pytest
from django.urls import reverse

from csphub.intelligence import services
from tests.factories import make_submission

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


def test_every_text_field_is_escaped_on_the_analyst_and_originator_pages(
    client, verified_client, submitter, analyst
):
    submission = make_submission(
        submitter,
        information=f"info {SCRIPT}",
        place_description=f"place {SCRIPT}",
        when_description=f"when {SCRIPT}",
        people=[{"name": f"name {SCRIPT}", "role": "subject", "description": f"desc {SCRIPT}"}],
        vehicles=[
            {"make": f"make {SCRIPT}", "model": f"model {SCRIPT}", "colour": f"colour {SCRIPT}"}
        ],
        identifiers=[{"kind": "social", "value": "@handle"}],
    )
    services.message_send(submission=submission, author=analyst, body=f"question {SCRIPT}")
    services.note_add(submission=submission, author=analyst, body=f"note {SCRIPT}")
    assert submission.information == f"info {SCRIPT}"

    analyst_page = (
        verified_client(analyst)
        .get(reverse("intelligence:triage_detail", args=[submission.reference]))
        .content.decode()
    )
    client.force_login(submitter)
    own_page = client.get(
        reverse("intelligence:my_submission", args=[submission.reference])
    ).content.decode()
    for page in (analyst_page, own_page):
        assert SCRIPT not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
