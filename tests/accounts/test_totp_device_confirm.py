"""`totp_device_confirm`: a new authenticator app is confirmed by its first code, the session
is signed in with it and the change is audited; a wrong code changes nothing."""

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from csphub.accounts import selectors
from csphub.accounts.services import totp_device_confirm, totp_device_start
from csphub.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def request_for(rf: RequestFactory):
    def make(user):
        request = rf.post("/account/two-factor/setup")
        SessionMiddleware(lambda r: None).process_request(request)
        request.user = user
        return request

    return make


def test_starting_set_up_makes_one_unconfirmed_app_and_reuses_it(analyst):
    first = totp_device_start(user=analyst)
    assert totp_device_start(user=analyst) == first
    assert not first.confirmed
    assert not selectors.has_confirmed_device(analyst)


def test_a_correct_code_confirms_the_app_signs_in_and_is_audited(analyst, request_for):
    device = totp_device_start(user=analyst)
    request = request_for(analyst)
    assert totp_device_confirm(user=analyst, device=device, token=code(device), request=request)
    device.refresh_from_db()
    assert device.confirmed
    assert selectors.has_confirmed_device(analyst)
    assert request.user.otp_device == device
    assert AuditEvent.objects.filter(
        actor=analyst, summary="Set up two-factor authentication"
    ).exists()


def test_a_wrong_code_confirms_nothing_and_records_nothing(analyst, request_for):
    device = totp_device_start(user=analyst)
    wrong = "000000" if code(device) != "000000" else "111111"
    assert not totp_device_confirm(
        user=analyst, device=device, token=wrong, request=request_for(analyst)
    )
    device.refresh_from_db()
    assert not device.confirmed
    assert not AuditEvent.objects.filter(summary="Set up two-factor authentication").exists()
