"""An analyst prepares a sanitised version in Chromium; a forum member of the district reads it."""

import re

import pytest

from csphub import sanitise
from csphub.core.roles import Role
from csphub.forums.models import SanitisedVersion
from tests.browser.conftest import check_accessibility, sign_in
from tests.factories import TEST_PASSWORD, UserFactory, district, make_submission

pytestmark = pytest.mark.django_db(transaction=True)

# The engine may be relied on to find the email address and the mobile number.
INFORMATION = (
    "Calls from 07700 900123 and emails from someone@example.org offer cheap cigarettes. "
    "Buyers meet at the snooker hall on Friday nights; the snooker hall closes at midnight."
)


def test_an_analyst_prepares_a_sanitised_version_and_the_forum_member_reads_it(
    page, browser, live_server, settings
):
    settings.CSPHUB_RELAX_2FA_FOR_DEMO = True
    sanitise.warm_up()  # load the language model now, not while the page waits for it
    submission = make_submission(
        UserFactory(username="sub", roles=[Role.SUBMITTER]), information=INFORMATION
    )
    UserFactory(username="ana", roles=[Role.ANALYST], is_demo=True)
    UserFactory(
        username="priya", roles=[Role.FORUM_MEMBER], forum_districts=[district("charnwood")]
    )

    sign_in(page, "ana", TEST_PASSWORD)
    page.goto("/intelligence/queue/")
    page.get_by_role("link", name=submission.reference).click()
    page.get_by_role("button", name="Prepare sanitised version").click()
    page.get_by_role("heading", name="Prepare sanitised version").wait_for()
    # Each proposal is highlighted with its type in words, and has a checkbox, ticked.
    assert page.locator("mark", has_text="07700 900123").inner_text().endswith(": Phone number]")
    assert (
        page.locator("mark", has_text="someone@example.org")
        .inner_text()
        .endswith(": Email address]")
    )
    email = page.get_by_label(re.compile("someone@example.org"))
    phone = page.get_by_label(re.compile("07700 900123"))
    assert email.is_checked() and phone.is_checked()
    check_accessibility(page, "prepare sanitised version")

    email.uncheck()  # drop one proposal: the email stays as written
    page.get_by_label("Also redact this exact text").fill("the snooker hall")  # and add one
    page.get_by_label("What kind of personal data is it?").select_option(label="Address")
    page.get_by_role("button", name="Add and update preview").click()
    page.locator("mark.csphub-mark--dropped").wait_for()  # the page after the preview

    preview = page.get_by_label("Edit the wording if needed")
    text = preview.input_value()
    assert "someone@example.org" in text
    assert "07700 900123" not in text and "[PHONE]" in text
    assert "snooker hall" not in text and text.count("[ADDRESS]") == 2
    assert (
        page.locator("mark", has_text="someone@example.org").inner_text().endswith("not redacted]")
    )
    check_accessibility(page, "preview of the sanitised version")
    preview.fill(text + " Reported by several partners.")
    page.get_by_role("button", name="Approve and share with the forum").click()
    page.get_by_text("Sanitised version 1 approved.").wait_for()

    version = SanitisedVersion.objects.get()
    assert version.text.endswith("Reported by several partners.")
    assert "[ADDRESS]" in version.text and "07700" not in version.text

    forum = browser.new_context(base_url=live_server.url)
    forum_page = forum.new_page()
    forum_page.set_default_timeout(15_000)
    try:
        sign_in(forum_page, "priya", TEST_PASSWORD)
        forum_page.get_by_role("link", name="Forum intelligence").click()
        forum_page.get_by_role("heading", name="Intelligence for your forums").wait_for()
        assert forum_page.get_by_text("Reported by several partners.").is_visible()
        assert forum_page.get_by_role("heading", name=submission.reference).is_visible()
        assert "07700 900123" not in forum_page.content()
        check_accessibility(forum_page, "intelligence for your forums")
        forum_page.get_by_role("link", name=f"View {submission.reference}").click()
        forum_page.get_by_role("heading", name=submission.reference, level=1).wait_for()
        assert forum_page.get_by_text("Reported by several partners.").is_visible()
        check_accessibility(forum_page, "sanitised intelligence detail")
    finally:
        forum.close()
