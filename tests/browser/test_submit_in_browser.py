"""A partner submits intelligence through the real form in Chromium and reads the reference."""

import re

import pytest

from csphub.core.roles import Role
from csphub.intelligence.models import Submission
from tests.browser.conftest import check_accessibility, sign_in
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_submitter_submits_through_the_form_and_reads_the_reference(page):
    UserFactory(username="alex", full_name="Alex Partner", roles=[Role.SUBMITTER])
    check_accessibility(page.goto("/account/sign-in") and page, "sign in")
    sign_in(page, "alex", TEST_PASSWORD)
    page.get_by_role("link", name="Submit intelligence").first.click()
    check_accessibility(page, "start page")
    page.get_by_role("button", name="Start now").click()

    page.get_by_label("What do you know?").fill(
        "A vulnerable tenant's flat is being used by two young men from out of town to deal drugs."
    )
    check_accessibility(page, "information")
    page.get_by_role("button", name="Continue").click()

    # Themes are suggested from what was written, and never ticked for the submitter.
    assert "County lines and cuckooing" in page.locator("#id_themes-inset").inner_text()
    assert not page.get_by_label("County lines and cuckooing").is_checked()
    page.get_by_label("County lines and cuckooing").check()
    check_accessibility(page, "themes with suggestions")
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("Postcode").fill("le11 3aa")
    page.get_by_label("Address or description of the place").fill("Flat above the bookmakers")
    page.get_by_label("District").select_option(label="Charnwood")
    check_accessibility(page, "where")
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("Over a period of time").check()
    page.locator("#id_occurred_from-day").fill("1")
    page.locator("#id_occurred_from-month").fill("9")
    page.locator("#id_occurred_from-year").fill("2026")
    check_accessibility(page, "when")
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("Name (if known)").fill("Dean")
    page.get_by_label("Subject").check()
    page.get_by_label("Age or approximate age (optional)").fill("19")
    check_accessibility(page, "people")
    page.get_by_role("button", name="Add this person").click()
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("Registration number (if known)").fill("FV19 XKT")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Continue").click()  # no identifiers

    page.get_by_label("Second-hand: someone told me").check()
    page.locator("#id_may_contact_0").check()
    page.locator("#id_source_disclosable_1").check()
    page.get_by_role("button", name="Continue").click()

    assert page.get_by_role(
        "heading", name="Check your answers before sending your information"
    ).is_visible()
    check_accessibility(page, "check your answers")
    page.get_by_role("button", name="Accept and send").click()

    reference = page.locator("#reference").inner_text()
    assert re.fullmatch(r"CIP-\d{4}-\d{6}", reference)
    check_accessibility(page, "confirmation")
    submission = Submission.objects.get(reference=reference)
    assert submission.people.get().name == "Dean"
    assert submission.vehicles.get().registration == "FV19XKT"

    page.get_by_role("link", name="your submissions").click()
    assert page.get_by_role("link", name=reference).is_visible()
    check_accessibility(page, "my submissions")


def test_immediate_risk_wording_shows_the_999_page_in_the_browser(page):
    UserFactory(username="sam", roles=[Role.SUBMITTER])
    sign_in(page, "sam", TEST_PASSWORD)
    page.goto("/intelligence/submit/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("What do you know?").fill(
        "She is going to kill herself tonight, she told her sister."
    )
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role(
        "heading", name="If someone is in immediate danger, call 999 now"
    ).is_visible()
    check_accessibility(page, "999 page")


def test_analyst_pages_are_accessible(page, settings):
    from tests.factories import make_submission

    settings.CSPHUB_RELAX_2FA_FOR_DEMO = True
    submitter = UserFactory(username="sub", roles=[Role.SUBMITTER])
    submission = make_submission(submitter)
    UserFactory(username="ana", roles=[Role.ANALYST], is_demo=True)
    sign_in(page, "ana", TEST_PASSWORD)
    page.goto("/intelligence/queue/")
    check_accessibility(page, "triage queue")
    page.get_by_role("link", name=submission.reference).click()
    check_accessibility(page, "triage detail")
    page.get_by_label("2 – Untested").check()
    page.get_by_label("B – Known indirectly but corroborated").check()
    page.get_by_label("P – Lawful sharing permitted").check()
    page.get_by_role("button", name="Save grading").click()
    assert page.get_by_text("Grading saved.").is_visible()
    submission.refresh_from_db()
    assert submission.grading == "2/B/P"
    page.goto("/support-services/")
    check_accessibility(page, "support services")
