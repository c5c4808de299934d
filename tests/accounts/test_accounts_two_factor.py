"""Analysts and administrators must confirm a code from an authenticator app (TOTP)."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from csphub.audit.models import AuditEvent
from csphub.core.roles import Role
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_in_with_password(client, user):
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302, "the password sign-in should succeed"
    return response


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMINISTRATOR])
def test_an_analyst_or_administrator_without_an_app_is_sent_to_set_one_up(client, role):
    user = UserFactory(roles=[role])
    sign_in_with_password(client, user)

    response = client.get(reverse("admin_home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMINISTRATOR])
def test_an_analyst_or_administrator_with_an_app_is_asked_for_a_code(client, role):
    user = UserFactory(roles=[role])
    confirmed_device(user)
    sign_in_with_password(client, user)

    response = client.get(reverse("audit:log"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:two_factor_verify')}?next=%2Faudit%2F"


@pytest.mark.parametrize(
    "url_name",
    [
        "home",
        "audit:log",
        "admin_home",
        "accounts:users",
        "accounts:invite",
        "accounts:organisations",
    ],
)
def test_before_the_code_no_other_page_can_be_reached(client, administrator, url_name):
    confirmed_device(administrator)
    sign_in_with_password(client, administrator)

    response = client.get(reverse(url_name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))


def test_the_sign_in_pages_themselves_stay_reachable_before_the_code(client, administrator):
    confirmed_device(administrator)
    sign_in_with_password(client, administrator)
    assert client.get(reverse("accounts:two_factor_verify")).status_code == 200


def test_a_correct_code_lets_them_through(client, administrator):
    device = confirmed_device(administrator)
    sign_in_with_password(client, administrator)

    response = client.post(
        reverse("accounts:two_factor_verify"),
        {"token": current_code(device), "next": reverse("audit:log")},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("audit:log")
    assert client.get(reverse("audit:log")).status_code == 200
    assert AuditEvent.objects.filter(
        actor_username=administrator.username, action="signed_in", summary__icontains="two-factor"
    ).exists()


def test_an_analyst_with_a_correct_code_reaches_the_role_checks_and_is_no_longer_redirected(
    client, analyst
):
    device = confirmed_device(analyst)
    sign_in_with_password(client, analyst)
    client.post(reverse("accounts:two_factor_verify"), {"token": current_code(device)})

    # Past two-factor, the analyst meets the ordinary role check (not an administrator).
    assert client.get(reverse("accounts:users")).status_code == 404


def test_a_wrong_code_shows_an_error_and_does_not_let_them_through(client, administrator):
    device = confirmed_device(administrator)
    sign_in_with_password(client, administrator)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"

    response = client.post(reverse("accounts:two_factor_verify"), {"token": wrong})

    assert response.status_code == 200
    assert "The security code is wrong or has expired" in response.text
    assert "There is a problem" in response.text
    assert client.get(reverse("audit:log")).status_code == 302


def test_a_code_that_is_not_six_numbers_is_explained(client, administrator):
    confirmed_device(administrator)
    sign_in_with_password(client, administrator)
    response = client.post(reverse("accounts:two_factor_verify"), {"token": "12ab56"})
    assert "The security code must be 6 numbers" in response.text


def test_setting_up_shows_a_qr_code_and_the_key_then_a_correct_code_confirms_the_app(
    client, analyst
):
    sign_in_with_password(client, analyst)

    page = client.get(reverse("accounts:two_factor_setup"))

    assert page.status_code == 200
    assert "<svg" in page.text
    device = TOTPDevice.objects.get(user=analyst)
    assert not device.confirmed
    assert page.context["secret"].replace(" ", "") in page.text.replace(" ", "")

    response = client.post(
        reverse("accounts:two_factor_setup"), {"token": current_code(device), "next": "/"}
    )

    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert (
        client.get(reverse("accounts:users")).status_code == 404
    )  # through two-factor, not an admin
    assert AuditEvent.objects.filter(
        object_id=str(analyst.pk), summary="Set up two-factor authentication"
    ).exists()


def test_setting_up_with_a_wrong_code_does_not_confirm_the_app(client, analyst):
    sign_in_with_password(client, analyst)
    client.get(reverse("accounts:two_factor_setup"))
    device = TOTPDevice.objects.get(user=analyst)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"

    response = client.post(reverse("accounts:two_factor_setup"), {"token": wrong})

    assert response.status_code == 200
    assert "The security code is wrong or has expired" in response.text
    device.refresh_from_db()
    assert not device.confirmed


def test_someone_with_an_app_cannot_add_another_without_first_giving_a_code(client, administrator):
    confirmed_device(administrator)
    sign_in_with_password(client, administrator)

    response = client.get(reverse("accounts:two_factor_setup"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))
    assert TOTPDevice.objects.filter(user=administrator).count() == 1


def test_a_redirect_after_the_code_never_leaves_the_site(client, administrator):
    device = confirmed_device(administrator)
    sign_in_with_password(client, administrator)
    response = client.post(
        reverse("accounts:two_factor_verify"),
        {"token": current_code(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_submitters_are_not_asked_for_a_code(client, submitter):
    sign_in_with_password(client, submitter)
    # Not redirected to two-factor: the submitter meets the role check instead.
    assert client.get(reverse("accounts:users")).status_code == 404
    assert client.get(reverse("audit:log")).status_code == 404


def test_demo_accounts_skip_the_code_when_the_demo_relaxation_is_on(client, settings):
    settings.CSPHUB_RELAX_2FA_FOR_DEMO = True
    demo_admin = UserFactory(roles=[Role.ADMINISTRATOR], is_demo=True)
    sign_in_with_password(client, demo_admin)
    assert client.get(reverse("audit:log")).status_code == 200


def test_demo_accounts_are_asked_for_a_code_when_the_relaxation_is_off(client, settings):
    settings.CSPHUB_RELAX_2FA_FOR_DEMO = False
    demo_admin = UserFactory(roles=[Role.ADMINISTRATOR], is_demo=True)
    sign_in_with_password(client, demo_admin)
    response = client.get(reverse("audit:log"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_the_relaxation_never_applies_to_real_accounts(client, settings):
    settings.CSPHUB_RELAX_2FA_FOR_DEMO = True
    real_admin = UserFactory(roles=[Role.ADMINISTRATOR], is_demo=False)
    sign_in_with_password(client, real_admin)
    assert client.get(reverse("audit:log")).status_code == 302
