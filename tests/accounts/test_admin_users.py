"""Administrators manage accounts: roles, deactivation, invitations and two-factor resets."""

from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from csphub.accounts import services
from csphub.accounts.models import Invitation, User
from csphub.audit.models import AuditEvent
from csphub.core.roles import Role
from tests.factories import (
    NON_ADMIN_ROLES,
    TEST_PASSWORD,
    OrganisationFactory,
    UserFactory,
    district,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(db):
    return UserFactory(
        username="jo",
        full_name="Jo Bloggs",
        roles=[Role.SUBMITTER],
        organisation=OrganisationFactory(name="Blaby District Council"),
    )


def user_urls(pk):
    return [
        reverse(name, args=[pk])
        for name in (
            "accounts:user_detail",
            "accounts:user_roles",
            "accounts:user_deactivate",
            "accounts:user_reactivate",
            "accounts:user_resend_invitation",
            "accounts:user_reset_two_factor",
        )
    ] + [reverse("accounts:users")]


def test_the_users_page_shows_name_email_organisation_roles_districts_status_and_two_factor(
    as_admin, analyst
):
    UserFactory(
        username="forum",
        full_name="Forum Person",
        roles=[Role.FORUM_MEMBER],
        forum_districts=[district("charnwood")],
    )
    TOTPDevice.objects.create(user=analyst, name="phone", confirmed=True)

    response = as_admin.get(reverse("accounts:users"))

    assert response.status_code == 200
    text = response.text
    for heading in (
        "Name",
        "Email address",
        "Organisation",
        "Roles",
        "Forum districts",
        "Status",
        "Two-factor set up",
    ):
        assert f">{heading}</th>" in text
    assert "Forum Person" in text and "forum@partner.example" in text
    assert "Forum member" in text and "Charnwood" in text
    rows = {p.username: p for p in response.context["people"]}
    assert rows["analyst"].has_two_factor is True
    assert rows["forum"].has_two_factor is False
    assert rows["forum"].status == "active"


def test_invited_and_deactivated_people_are_told_apart(
    as_admin, administrator, django_capture_on_commit_callbacks
):
    invited, _ = services.invitation_create(
        invited_by=administrator,
        email="new@partner.example",
        full_name="New",
        organisation=OrganisationFactory(),
        roles=[Role.SUBMITTER],
    )
    UserFactory(username="gone", is_active=False)
    rows = {p.username: p for p in as_admin.get(reverse("accounts:users")).context["people"]}
    assert rows["new@partner.example"].status == "invited"
    assert rows["gone"].status == "deactivated"


@pytest.mark.parametrize("role", NON_ADMIN_ROLES)
def test_only_administrators_can_manage_users(verified_client, role, person):
    client = verified_client(UserFactory(roles=[role]))
    for url in user_urls(person.pk):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("accounts:user_deactivate", args=[person.pk])).status_code == 404
    person.refresh_from_db()
    assert person.is_active


def test_an_unknown_user_answers_404(as_admin):
    assert as_admin.get(reverse("accounts:user_detail", args=[999999])).status_code == 404


def test_changing_roles_is_audited_with_before_and_after(as_admin, administrator, person):
    response = as_admin.post(
        reverse("accounts:user_roles", args=[person.pk]),
        {"roles": [Role.SUBMITTER, Role.FORUM_MEMBER], "forum_districts": [district("melton").pk]},
    )

    assert response.status_code == 302
    person = User.objects.get(pk=person.pk)
    assert person.role_set == {Role.SUBMITTER, Role.FORUM_MEMBER}
    assert person.forum_district_ids == {district("melton").pk}
    event = AuditEvent.objects.get(action="updated", object_type="user", object_id=str(person.pk))
    assert event.actor_username == administrator.username
    assert event.changes == {
        "roles": [["submitter"], ["forum_member", "submitter"]],
        "forum_districts": [[], ["Melton"]],
    }


def test_the_roles_form_starts_with_the_current_roles(as_admin, person):
    response = as_admin.get(reverse("accounts:user_roles", args=[person.pk]))
    assert 'value="submitter" checked' in response.text


def test_removing_the_forum_member_role_removes_the_districts(administrator, person):
    services.user_set_roles(
        user=person,
        roles=[Role.FORUM_MEMBER],
        forum_districts=[district("melton")],
        actor=administrator,
    )
    services.user_set_roles(
        user=person,
        roles=[Role.SUBMITTER],
        forum_districts=[district("melton")],
        actor=administrator,
    )
    assert not person.forum_memberships.exists()


def test_setting_the_same_roles_again_records_nothing(administrator, person):
    services.user_set_roles(user=person, roles=[Role.SUBMITTER], actor=administrator)
    assert not AuditEvent.objects.filter(object_id=str(person.pk)).exists()


def test_the_last_administrator_cannot_lose_the_administrator_role(as_admin, administrator):
    response = as_admin.post(
        reverse("accounts:user_roles", args=[administrator.pk]), {"roles": [Role.ANALYST]}
    )
    assert response.status_code == 200
    assert "only active administrator" in response.text
    assert User.objects.get(pk=administrator.pk).has_role(Role.ADMINISTRATOR)


def test_deactivating_asks_first_then_signs_the_person_out_and_stops_sign_in(as_admin, person):
    their_client = Client()
    their_client.post(reverse("accounts:login"), {"username": "jo", "password": TEST_PASSWORD})
    assert "_auth_user_id" in their_client.session
    assert (
        "Deactivate Jo Bloggs"
        in as_admin.get(reverse("accounts:user_deactivate", args=[person.pk])).text
    )

    response = as_admin.post(reverse("accounts:user_deactivate", args=[person.pk]))

    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_active
    # Their open session no longer counts as signed in.
    assert their_client.get(reverse("accounts:users"))["Location"].startswith(
        reverse("accounts:login")
    )
    again = Client().post(reverse("accounts:login"), {"username": "jo", "password": TEST_PASSWORD})
    assert again.status_code == 200
    event = AuditEvent.objects.get(object_id=str(person.pk), action="updated")
    assert event.changes == {"is_active": [True, False]}


def test_an_administrator_cannot_deactivate_their_own_account(as_admin, administrator):
    UserFactory(roles=[Role.ADMINISTRATOR])  # not the last administrator
    response = as_admin.post(reverse("accounts:user_deactivate", args=[administrator.pk]))
    assert response.status_code == 200
    assert "You cannot deactivate your own account." in response.text
    administrator.refresh_from_db()
    assert administrator.is_active


def test_a_deactivated_account_can_be_reactivated(as_admin, person):
    as_admin.post(reverse("accounts:user_deactivate", args=[person.pk]))
    response = as_admin.post(reverse("accounts:user_reactivate", args=[person.pk]))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_active
    assert AuditEvent.objects.filter(
        object_id=str(person.pk), changes={"is_active": [False, True]}
    ).exists()


def test_cancelling_an_invitation_stops_its_link_working(as_admin, administrator):
    invited, link = services.invitation_create(
        invited_by=administrator,
        email="new@partner.example",
        full_name="New",
        organisation=OrganisationFactory(),
        roles=[Role.SUBMITTER],
    )
    path = urlsplit(link).path
    assert (
        "Cancel the invitation"
        in as_admin.get(reverse("accounts:user_deactivate", args=[invited.pk])).text
    )

    response = as_admin.post(reverse("accounts:user_deactivate", args=[invited.pk]))

    assert response.status_code == 302
    assert Client().get(path).status_code == 404
    assert AuditEvent.objects.filter(
        object_id=str(invited.pk), summary__startswith="Cancelled the invitation"
    ).exists()
    rows = {p.username: p for p in as_admin.get(reverse("accounts:users")).context["people"]}
    assert rows["new@partner.example"].status == "invitation_expired"


def test_resending_an_invitation_from_the_page_emails_a_new_link(
    as_admin, administrator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invited, _ = services.invitation_create(
            invited_by=administrator,
            email="new@partner.example",
            full_name="New",
            organisation=OrganisationFactory(),
            roles=[Role.SUBMITTER],
        )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = as_admin.post(reverse("accounts:user_resend_invitation", args=[invited.pk]))

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@partner.example"]
    assert Invitation.objects.filter(user=invited).count() == 2
    usable = Invitation.objects.filter(
        user=invited, used_at__isnull=True, expires_at__gt=timezone.now()
    )
    assert usable.count() == 1


def test_resetting_two_factor_removes_the_apps_and_is_audited(as_admin, administrator, analyst):
    TOTPDevice.objects.create(user=analyst, name="phone", confirmed=True)
    confirm = as_admin.get(reverse("accounts:user_reset_two_factor", args=[analyst.pk]))
    assert "Reset two-factor authentication" in confirm.text

    response = as_admin.post(reverse("accounts:user_reset_two_factor", args=[analyst.pk]))

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=analyst).exists()
    event = AuditEvent.objects.get(object_id=str(analyst.pk), action="updated")
    assert event.actor_username == administrator.username
    assert event.changes == {"two_factor_devices": [1, 0]}
    # At their next sign-in they are asked to set up an app again.
    their_client = Client()
    their_client.post(reverse("accounts:login"), {"username": "analyst", "password": TEST_PASSWORD})
    assert their_client.get(reverse("home"))["Location"].startswith(
        reverse("accounts:two_factor_setup")
    )


def test_a_verified_session_ends_its_two_factor_when_the_app_is_reset(
    verified_client, administrator, analyst
):
    analyst_client = verified_client(analyst)
    assert analyst_client.get(reverse("accounts:users")).status_code == 404  # through two-factor
    services.user_reset_two_factor(actor=administrator, user=analyst)
    assert analyst_client.get(reverse("accounts:users"))["Location"].startswith(
        reverse("accounts:two_factor_setup")
    )


def test_a_persons_page_shows_their_details_and_what_can_be_done(as_admin, analyst):
    TOTPDevice.objects.create(user=analyst, name="phone", confirmed=True)

    response = as_admin.get(reverse("accounts:user_detail", args=[analyst.pk]))

    assert response.status_code == 200
    text = response.text
    assert "analyst@partner.example" in text
    assert "Intelligence analyst" in text
    assert reverse("accounts:user_roles", args=[analyst.pk]) in text
    assert reverse("accounts:user_deactivate", args=[analyst.pk]) in text
    assert reverse("accounts:user_reset_two_factor", args=[analyst.pk]) in text
    assert reverse("accounts:user_resend_invitation", args=[analyst.pk]) not in text
    assert "csphub axes_reset_username analyst" in text


def test_an_administrator_is_not_offered_to_deactivate_themselves(as_admin, administrator):
    text = as_admin.get(reverse("accounts:user_detail", args=[administrator.pk])).text
    assert reverse("accounts:user_deactivate", args=[administrator.pk]) not in text
