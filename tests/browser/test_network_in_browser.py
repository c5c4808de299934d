"""The network view in real Chromium: Cytoscape.js draws the nodes, the table's Expand buttons
add a node's connections by keyboard, the partial-network message appears when the limit is
reached, the triage page's panel leads to it, it fits a 320-pixel screen, and neither axe nor
the browser's console finds anything wrong."""

import pytest
from django.urls import reverse

from csphub.core.roles import Role
from csphub.entities.models import Entity
from tests.browser.conftest import check_accessibility, sign_in_with_two_factor
from tests.entities.support import PHONE, linked
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = {"kind": "email", "value": "dealer@example.com"}


def graph_nodes(page) -> int:
    return page.evaluate("() => window.csphubNetwork.cy.nodes().length")


def test_an_analyst_opens_the_network_and_expands_it_by_keyboard(page, settings, script_errors):
    settings.CSPHUB_NETWORK_NODE_LIMIT = 3
    submitter = UserFactory(username="sub", roles=[Role.SUBMITTER])
    start = linked(submitter, identifiers=[PHONE, EMAIL])
    linked(submitter, information="Calls from +44 7700 900461 at night.")
    emails = [linked(submitter, identifiers=[EMAIL]) for _ in range(4)]
    email = Entity.objects.get(kind="email")
    sign_in_with_two_factor(page, "ana")

    page.goto(f"/intelligence/connections/network?submission={start.reference}")
    page.get_by_role("heading", name=f"Network around submission {start.reference}").wait_for()
    page.wait_for_function("() => window.csphubNetwork !== undefined")
    # the start, the phone and the email it mentions, and 5 linked reports: 3 shown of 7
    assert page.get_by_text(
        "Showing 3 of 7 connected items. Expand a node or filter to see more."
    ).is_visible()
    rows = page.locator("#network-table tbody tr")
    assert rows.count() == 4
    assert graph_nodes(page) == 4
    assert page.locator("#network-graph canvas").count() > 0
    check_accessibility(page, "network view")

    # Expand the email from the table, with the keyboard only.
    button = page.locator(f'button[data-expand="e:{email.pk}"]')
    button.focus()
    page.keyboard.press("Enter")
    page.get_by_text(f"Expanded {email.label}:").wait_for()
    status = page.locator("#network-status")
    assert "Showing 3 of 5 connected items. Expand a node or filter to see more." in (
        status.inner_text()
    )
    assert page.url.endswith(f"submission={start.reference}")  # expanded in place
    after = graph_nodes(page)
    assert after > 4
    assert rows.count() == after
    assert page.evaluate(f"() => window.csphubNetwork.expanded['e:{email.pk}']") is True
    assert button.inner_text().startswith("Expanded")
    new_ids = {rows.nth(i).get_attribute("data-node") for i in range(rows.count())}
    assert new_ids & {f"s:{s.pk}" for s in emails}
    check_accessibility(page, "network view after expanding")
    assert script_errors == []


def test_the_panel_on_the_triage_page_opens_the_network_without_script_errors(page, script_errors):
    submitter = UserFactory(username="sub", roles=[Role.SUBMITTER])
    start = linked(submitter, identifiers=[PHONE])
    other = linked(submitter, information="Calls from +44 7700 900461 at night.")
    sign_in_with_two_factor(page, "ana")

    page.goto(reverse("intelligence:triage_detail", args=[start.reference]))
    page.get_by_role("link", name=f"View network around {start.reference}").click()
    page.get_by_role("heading", name=f"Network around submission {start.reference}").wait_for()
    page.wait_for_function("() => window.csphubNetwork !== undefined")
    rows = page.locator("#network-table tbody tr")
    assert {rows.nth(i).get_attribute("data-node") for i in range(rows.count())} >= {
        f"s:{start.pk}",
        f"s:{other.pk}",
    }
    assert graph_nodes(page) == rows.count()

    page.set_viewport_size({"width": 320, "height": 800})  # a phone: no sideways scrolling
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    check_accessibility(page, "network view opened from the panel")
    assert script_errors == []
