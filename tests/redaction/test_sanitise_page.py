"""The analyst's "Prepare sanitised version" page (the sanitise page)."""

import re
from html import unescape

import pytest
from django.urls import reverse

from csphub.audit.models import AuditEvent
from csphub.forums.models import SanitisedVersion
from csphub.redaction import proposals
from tests.factories import make_submission
from tests.sanitised_support import make_originator, make_rich_submission

pytestmark = pytest.mark.django_db

# The engine may be relied on to find an email address and a mobile number.
PLAIN = (
    "Calls from 07700 900123 and emails from someone@example.org offer cheap cigarettes. "
    "They meet buyers at the snooker hall; the snooker hall opens at noon."
)


def textarea(html: str, name: str = "text") -> str:
    found = re.search(rf'<textarea name="{name}"[^>]*>\n?(.*?)</textarea>', html, re.S)
    assert found, f"no textarea {name}"
    return unescape(found.group(1))


def checked_keys(html: str) -> set[str]:
    return {
        m.group(1)
        for m in re.finditer(r'name="keep" type="checkbox" value="([^"]+)" checked', html)
    }


def all_keys(html: str) -> list[str]:
    return re.findall(r'name="keep" type="checkbox" value="([^"]+)"', html)


def hidden_added(html: str) -> list[str]:
    return re.findall(r'<input type="hidden" name="added" value="([^"]+)">', html)


@pytest.fixture
def submission():
    return make_submission(make_originator(), information=PLAIN)


@pytest.fixture
def analyst_client(verified_client, analyst):
    return verified_client(analyst)


def sanitise_url(submission):
    return reverse("redaction:sanitise", args=[submission.reference])


def key_of(information: str, phrase: str, kind: str) -> str:
    start = information.index(phrase)
    return f"{start}:{start + len(phrase)}:{kind}"


def form_state(html: str, **changes) -> dict:
    """What the browser would send back: the ticked proposals, the hidden additions and the text."""
    data = {
        "keep": sorted(checked_keys(html)),
        "added": hidden_added(html),
        "text": textarea(html),
        "also_text": "",
        "also_type": "PERSON",
    }
    data.update(changes)
    return data


def test_the_triage_page_links_to_prepare_a_sanitised_version(analyst_client, submission):
    html = analyst_client.get(
        reverse("intelligence:triage_detail", args=[submission.reference])
    ).content.decode()
    assert f'href="{sanitise_url(submission)}"' in html
    assert "Prepare sanitised version" in html
    assert "Not shared with forums yet" in html


def test_the_page_highlights_each_proposal_with_a_visible_type_label(analyst_client, submission):
    response = analyst_client.get(sanitise_url(submission))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(
        r'<mark class="csphub-mark" id="proposal-\d+">07700 900123'
        r'<span class="csphub-mark__label"> '
        r"\[\d+: Phone number\]</span></mark>",
        html,
    )
    assert re.search(
        r'<mark class="csphub-mark" id="proposal-\d+">someone@example.org<span '
        r'class="csphub-mark__label"> \[\d+: Email address\]</span></mark>',
        html,
    )
    # One checkbox per proposal, all ticked to begin with, and a preview with them redacted.
    assert key_of(PLAIN, "07700 900123", "PHONE") in checked_keys(html)
    assert key_of(PLAIN, "someone@example.org", "EMAIL") in checked_keys(html)
    assert set(all_keys(html)) == checked_keys(html)
    preview = textarea(html)
    assert "[PHONE]" in preview and "[EMAIL]" in preview
    assert "07700 900123" not in preview and "someone@example.org" not in preview
    for label in (
        "Also redact this exact text",
        "Show postcodes as their sector instead of removing them",
        "Edit the wording if needed",
        "Approve and share with the forum",
    ):
        assert label in html


def test_viewing_the_page_is_an_audited_view_of_the_full_text(analyst_client, submission, analyst):
    analyst_client.get(sanitise_url(submission))
    event = AuditEvent.objects.filter(action="viewed", object_id=submission.reference).get()
    assert event.actor == analyst
    assert "prepare a sanitised version" in event.summary


def test_dropping_a_proposal_keeps_that_text_as_written(analyst_client, submission):
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    email = key_of(PLAIN, "someone@example.org", "EMAIL")
    response = analyst_client.post(
        sanitise_url(submission),
        form_state(html, keep=sorted(checked_keys(html) - {email}), action="preview"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "someone@example.org" in textarea(html)
    assert "[PHONE]" in textarea(html)
    assert email in all_keys(html) and email not in checked_keys(html)
    assert re.search(
        r'csphub-mark--dropped" id="proposal-\d+">someone@example.org'
        r'<span class="csphub-mark__label">'
        r" \[\d+: Email address, not redacted\]",
        html,
    )


def test_marking_more_text_adds_every_occurrence(analyst_client, submission):
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    response = analyst_client.post(
        sanitise_url(submission),
        form_state(html, also_text="The Snooker Hall", also_type="ADDRESS", action="preview"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    first = PLAIN.index("the snooker hall")
    second = PLAIN.index("the snooker hall", first + 1)
    expected = {f"{first}:{first + 16}:ADDRESS", f"{second}:{second + 16}:ADDRESS"}
    assert expected <= checked_keys(html)
    assert set(hidden_added(html)) >= expected
    assert textarea(html).count("[ADDRESS]") >= 2
    assert "snooker hall" not in textarea(html)
    assert "Snooker" not in re.search(r'<input type="text" name="also_text"[^>]*>', html).group(0)
    # Unticking an addition keeps it on the list, so the analyst can change their mind again.
    dropped = form_state(html, keep=sorted(checked_keys(html) - expected), action="preview")
    html = analyst_client.post(sanitise_url(submission), dropped).content.decode()
    assert expected <= set(all_keys(html)) and not expected & checked_keys(html)
    assert textarea(html).count("the snooker hall") == 2


def test_marking_text_that_is_not_there_says_so(analyst_client, submission):
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    response = analyst_client.post(
        sanitise_url(submission),
        form_state(html, also_text="the bingo hall", also_type="ADDRESS", action="preview"),
    )
    assert response.status_code == 400
    assert "“the bingo hall” does not appear in the information text" in unescape(
        response.content.decode()
    )
    assert not SanitisedVersion.objects.exists()


def test_approving_stores_the_edited_text_and_the_spans_and_returns_to_triage(
    analyst_client, submission, analyst
):
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    edited = textarea(html) + "\n\nSeen by several partners."
    response = analyst_client.post(
        sanitise_url(submission), form_state(html, text=edited, action="approve")
    )
    assert response.status_code == 302
    assert response.url == reverse("intelligence:triage_detail", args=[submission.reference])
    version = SanitisedVersion.objects.get()
    assert version.text == edited.strip()
    assert version.version == 1 and version.approved_by == analyst
    phone = PLAIN.index("07700")
    assert any(
        s["type"] == "PHONE" and s["label"] == "[PHONE]" and s["start"] <= phone < s["end"]
        for s in version.spans
    )
    triage = analyst_client.get(response.url).content.decode()
    assert "Sanitised version 1 approved" in triage
    assert "the Charnwood forum can read it" in triage


def test_approving_again_makes_version_2(analyst_client, submission):
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    analyst_client.post(sanitise_url(submission), form_state(html, action="approve"))
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    assert "Version 1 was approved by" in html
    analyst_client.post(sanitise_url(submission), form_state(html, action="approve"))
    assert list(SanitisedVersion.objects.order_by("version").values_list("version", flat=True)) == [
        1,
        2,
    ]


def test_approving_a_text_that_no_longer_matches_the_ticked_redactions_is_refused(
    analyst_client, submission
):
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    email = key_of(PLAIN, "someone@example.org", "EMAIL")
    dropped = analyst_client.post(
        sanitise_url(submission),
        form_state(html, keep=sorted(checked_keys(html) - {email}), action="preview"),
    ).content.decode()
    # The analyst ticks the email again but approves without updating the preview.
    response = analyst_client.post(
        sanitise_url(submission),
        form_state(dropped, keep=sorted(checked_keys(dropped) | {email}), action="approve"),
    )
    assert response.status_code == 400
    assert "“someone@example.org”, which is marked for redaction" in unescape(
        response.content.decode()
    )
    assert not SanitisedVersion.objects.exists()


def test_approving_with_unadded_text_to_redact_is_refused(analyst_client, submission):
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    response = analyst_client.post(
        sanitise_url(submission),
        form_state(html, also_text="snooker hall", also_type="ADDRESS", action="approve"),
    )
    assert response.status_code == 400
    assert (
        "Add this text to the redactions, or clear it, before approving"
        in response.content.decode()
    )
    assert not SanitisedVersion.objects.exists()


def test_approving_an_empty_text_is_refused(analyst_client, submission):
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    response = analyst_client.post(
        sanitise_url(submission), form_state(html, text="  ", action="approve")
    )
    assert response.status_code == 400
    assert "Enter the sanitised text" in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not SanitisedVersion.objects.exists()


def test_the_submissions_structured_details_are_proposed_wherever_they_appear(analyst_client):
    submission = make_rich_submission(make_originator())
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    preview = textarea(html)
    for detail in (
        "Piotr Nowak",
        "Nowak",
        "07700 900123",
        "someone@example.org",
        "FV19 XKT",
        "LE11 3AA",
    ):
        assert detail not in preview, detail
    response = analyst_client.post(sanitise_url(submission), form_state(html, action="approve"))
    assert response.status_code == 302
    assert "Nowak" not in SanitisedVersion.objects.get().text


def test_the_postcode_sector_option_shows_the_sector(analyst_client):
    submission = make_rich_submission(make_originator())
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    html = analyst_client.post(
        sanitise_url(submission), form_state(html, postcode_sector="on", action="preview")
    ).content.decode()
    assert "LE11 3" in textarea(html) and "LE11 3AA" not in textarea(html)
    analyst_client.post(
        sanitise_url(submission), form_state(html, postcode_sector="on", action="approve")
    )
    assert SanitisedVersion.objects.get().postcode_sector is True


def test_starting_again_proposes_afresh(analyst_client, submission):
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    analyst_client.post(sanitise_url(submission), form_state(html, keep=[], action="preview"))
    fresh = analyst_client.get(sanitise_url(submission)).content.decode()
    assert checked_keys(fresh) == checked_keys(html) != set()


def test_forged_keys_outside_the_text_are_ignored(analyst_client, submission):
    html = analyst_client.get(sanitise_url(submission)).content.decode()
    response = analyst_client.post(
        sanitise_url(submission),
        form_state(
            html,
            added=["0:99999:PERSON", "nonsense", "3:1:PERSON", "0:5:NICKNAME"],
            action="preview",
        ),
    )
    assert response.status_code == 200
    assert not set(hidden_added(response.content.decode()))


def test_proposals_from_the_engine_and_the_submission_never_overlap():
    submission = make_rich_submission(
        make_originator(),
        information="Piotr Nowak rang from 07700 900123. "
        "Nowak again, from someone@example.org. FV19 XKT, LE11 3AA.",
    )
    found = proposals.propose(submission)
    spans = sorted((p.start, p.end) for p in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    redacted = proposals.preview(submission.information, found, postcode_sector=False).text
    for detail in ("Nowak", "07700", "someone@example.org", "FV19", "LE11"):
        assert detail not in redacted
