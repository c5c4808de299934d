"""The network view in real Chromium: Cytoscape.js draws the nodes, the table's Expand buttons
add a node's connections by keyboard, the partial-network message appears when the limit is
reached, and axe finds nothing."""

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from csphub.core.roles import Role
from csphub.entities.models import Entity
from tests.browser.conftest import check_accessibility, sign_in
from tests.entities.support import PHONE, linked
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = {"kind": "email", "value": "dealer@example.com"}


def sign_in_with_two_factor(page, username):
    device = TOTPDevice.objects.create(
        user=UserFactory(username=username, roles=[Role.ANALYST]), name="phone", confirmed=True
    )
    sign_in(page, username, TEST_PASSWORD)
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    page.get_by_label("Security code").fill(f"{code:06d}")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: "two-factor" not in url)


def graph_nodes(page) -> int:
    return page.evaluate("() => window.csphubNetwork.cy.nodes().length")


def test_an_analyst_opens_the_network_and_expands_it_by_keyboard(page, settings):
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
