"""An urgent report, end to end in Chromium: the submitter types an emergency in their own words,
sees the 999 page saying why, sends the report; the analyst on duty for the district is emailed
at once and finds it bannered at the top of the portal."""

import re

import pytest
from django.core import mail

from csphub.accounts.models import AnalystCoverage
from csphub.core.roles import Role
from csphub.geography.models import District
from tests.browser.conftest import check_accessibility, sign_in
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_urgent_report_reaches_the_analyst_on_duty_by_email_and_banner(page, settings):
    settings.CSPHUB_RELAX_2FA_FOR_DEMO = True
    UserFactory(username="alex", roles=[Role.SUBMITTER])
    analyst = UserFactory(
        username="ana", email="ana@police.example", roles=[Role.ANALYST], is_demo=True
    )
    AnalystCoverage.objects.create(user=analyst, district=District.objects.get(name="Charnwood"))
    UserFactory(
        username="melton", email="melton@police.example", roles=[Role.ANALYST]
    ).analyst_coverage.create(district=District.objects.get(name="Melton"))

    sign_in(page, "alex", TEST_PASSWORD)
    page.goto("/intelligence/submit/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("What do you know?").fill(
        "On my visit to the flats. He is getting battered by three lads outside the chippy "
        "right now."
    )
    page.get_by_role("button", name="Continue").click()

    assert page.get_by_role(
        "heading", name="If someone is in immediate danger, call 999 now"
    ).is_visible()
    reasons = page.locator("#urgent-reasons").inner_text()
    assert "Someone is being attacked" in reasons and "outside the chippy right now" in reasons
    check_accessibility(page, "999 page with its reasons")
    page.get_by_role("link", name="I understand – continue with my report").click()

    page.get_by_label("Knife crime and serious violence").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Address or description of the place").fill(
        "Outside the chip shop, Market Street"
    )
    page.get_by_label("District").select_option(label="Charnwood")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("I do not know").check()
    page.get_by_role("button", name="Continue").click()
    for _ in range(3):  # no people, vehicles or identifiers
        page.get_by_role("button", name="Continue").click()
    page.get_by_label("First-hand: I saw or heard it myself").check()
    page.locator("#id_may_contact_0").check()
    page.locator("#id_source_disclosable_1").check()
    page.get_by_role("button", name="Continue").click()
    assert "District: Charnwood" in page.locator(".govuk-summary-list").first.inner_text()
    page.get_by_role("button", name="Accept and send").click()

    assert page.get_by_role(
        "heading", name="If someone is in immediate danger, call 999 now"
    ).is_visible()
    page.get_by_role("link", name="I understand – continue").click()
    reference = page.locator("#reference").inner_text()
    assert re.fullmatch(r"CIP-\d{4}-\d{6}", reference)

    alerts = [m for m in mail.outbox if m.subject.startswith("URGENT")]
    assert len(alerts) == 1 and alerts[0].to == ["ana@police.example"]
    assert reference in alerts[0].body and "battered" not in alerts[0].body

    page.context.clear_cookies()
    sign_in(page, "ana", TEST_PASSWORD)
    banner = page.locator(".csphub-urgent-banner")
    assert reference in banner.inner_text()
    check_accessibility(page, "home with the urgent banner")
    banner.get_by_role("link", name=reference).click()
    assert "Someone is being attacked" in page.locator("#urgent-reasons").inner_text()
    page.get_by_role("button", name="Assign to me").click()
    assert page.locator(".csphub-urgent-banner").count() == 0


def test_the_triage_queue_reflows_without_sideways_scrolling_at_320_pixels(page, settings):
    from tests.factories import make_submission

    settings.CSPHUB_RELAX_2FA_FOR_DEMO = True
    submitter = UserFactory(username="sub", roles=[Role.SUBMITTER])
    for _ in range(3):
        make_submission(submitter)
    UserFactory(username="ana", roles=[Role.ANALYST], is_demo=True)
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, "ana", TEST_PASSWORD)
    for path in ("/intelligence/queue/", "/intelligence/mine/"):
        if path == "/intelligence/mine/":
            page.context.clear_cookies()
            sign_in(page, "sub", TEST_PASSWORD)
        page.goto(path)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, overflow)
    check_accessibility(page, "your submissions at 320px")
