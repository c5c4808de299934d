"""An analyst's connected-intelligence journey in real Chromium, on a 320-pixel phone screen:
the triage page's panel, confirming a link with a reason and undoing it, the entity page, and
searching for the shared phone. Every page fits the screen, passes axe and logs no script
error."""

import pytest
from django.urls import reverse

from csphub.core.roles import Role
from tests.browser.conftest import fits_and_passes, sign_in_with_two_factor
from tests.entities.support import PHONE, linked
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE_SHOWN = "+447700900461"


def test_an_analyst_confirms_a_link_undoes_it_and_finds_the_phone_on_a_phone(page, script_errors):
    submitter = UserFactory(username="sub", roles=[Role.SUBMITTER])
    start = linked(
        submitter,
        identifiers=[PHONE],
        people=[
            {
                "name": "Jay Smith",
                "role": "subject",
                "age": 17,
                "description": "Tall, grey tracksuit, usually on a black mountain bike",
            }
        ],
        vehicles=[
            {"registration": "FV68 XKT", "make": "Ford", "model": "Fiesta", "colour": "Grey"}
        ],
    )
    other = linked(submitter, information="Calls from +44 7700 900461 at night.")
    sign_in_with_two_factor(page, "ana")
    page.set_viewport_size({"width": 320, "height": 800})

    page.goto(reverse("intelligence:triage_detail", args=[start.reference]))
    page.get_by_role("heading", name="Connected intelligence").wait_for()
    fits_and_passes(page, "triage page with its connections")

    page.get_by_role("link", name=f"Confirm or reject the link to {other.reference}").click()
    page.get_by_role("heading", name="Are these reports connected?").wait_for()
    fits_and_passes(page, "link decision page")
    page.get_by_role("button", name="Save decision").click()
    page.get_by_text("Select whether the reports are connected").first.wait_for()
    fits_and_passes(page, "link decision page with errors")
    page.get_by_label("Yes, they are connected").check()
    page.get_by_label("Why?").fill("Same phone, and the housing officer knows the caller.")
    page.get_by_role("button", name="Save decision").click()

    page.get_by_role("heading", name="Connected intelligence").wait_for()
    row = page.locator("#connections-table tbody tr", has_text=other.reference)
    assert "Confirmed" in row.inner_text()
    assert "the housing officer knows the caller" in row.inner_text()
    row.get_by_role("button", name=f"Undo the decision on {other.reference}").click()
    page.get_by_role("heading", name="Connected intelligence").wait_for()
    row = page.locator("#connections-table tbody tr", has_text=other.reference)
    assert "Suggested" in row.inner_text()

    page.get_by_text("What this report mentions").click()
    page.get_by_role("link", name=PHONE_SHOWN).click()
    page.get_by_role("heading", name=PHONE_SHOWN).wait_for()
    fits_and_passes(page, "entity page")

    page.goto(reverse("search:search") + "?q=07700+900461")
    page.get_by_text("2 submissions match").wait_for()
    fits_and_passes(page, "search results")
    assert script_errors == []
