"""The directory's pages in real Chromium: searching, and an administrator's forms, pass axe."""

import pytest
from django.conf import settings
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from csphub.core.roles import Role
from csphub.directory import LEAFLET_SERVICES
from csphub.directory.services import directory_import_oruk
from tests.browser.conftest import check_accessibility, sign_in
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_submitter_finds_a_helpline_by_theme(page):
    directory_import_oruk(data=LEAFLET_SERVICES.read_bytes())
    UserFactory(username="sam", roles=[Role.SUBMITTER])
    sign_in(page, "sam", TEST_PASSWORD)
    page.goto("/support-services/")
    check_accessibility(page, "directory search")
    page.get_by_label("Theme").select_option(label="Domestic and sexual abuse")
    page.get_by_label("Search").fill("helpline")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("heading", name="Sexual and Domestic Violence Helpline").is_visible()
    assert (
        page.get_by_role("link", name="0808 80 200 28").get_attribute("href") == "tel:08088020028"
    )
    check_accessibility(page, "directory results")


def test_an_administrators_directory_pages_are_accessible(page, live_server):
    directory_import_oruk(data=LEAFLET_SERVICES.read_bytes())
    admin = UserFactory(username="ada", roles=[Role.ADMINISTRATOR])
    client = Client()
    client.force_login(admin)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.create(
        user=admin, name="t", confirmed=True
    ).persistent_id
    session.save()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )
    page.goto("/support-services/manage/")
    check_accessibility(page, "manage")
    page.get_by_role("button", name="Add a service").click()
    page.get_by_role("button", name="Add service").click()
    assert page.get_by_role("link", name="Enter the organisation").is_visible()
    check_accessibility(page, "service form with errors")
    page.goto("/support-services/manage/import")
    page.get_by_label("Upload an Open Referral UK JSON file").set_input_files(
        files=[{"name": "bad.json", "mimeType": "application/json", "buffer": b"\xff\xfe"}]
    )
    page.get_by_role("button", name="Import").click()
    assert page.get_by_role("link", name="The file must be UTF-8 encoded JSON").is_visible()
    check_accessibility(page, "import with errors")
