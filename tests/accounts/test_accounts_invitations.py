"""Accounts exist only by invitation: a one-time link emailed to the invitee sets the password."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from csphub.accounts import services
from csphub.accounts.models import Invitation, User
from csphub.audit.models import AuditEvent
from csphub.core.roles import Role
from tests.factories import OrganisationFactory, UserFactory, district

pytestmark = pytest.mark.django_db

STRONG = "Lantern-Orchard-47"
ROLES_OTHER_THAN_ADMINISTRATOR = [r for r in Role.values if r != Role.ADMINISTRATOR]


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Charnwood Borough Council")


def invite_data(organisation, **overrides):
    data = {
        "full_name": "Robin Example",
        "email": "Robin.Example@Charnwood.example",
        "job_title": "Community safety officer",
        "organisation": organisation.pk,
        "roles": [Role.SUBMITTER],
    }
    data.update(overrides)
    return data


def link_path(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def emailed_link() -> str:
    assert len(mail.outbox) == 1
    match = re.search(r"https?://\S+/account/invitation/\S+", mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return link_path(match.group(0))


@pytest.fixture
def invitation_link(administrator, organisation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _user, link = services.invitation_create(
            invited_by=administrator,
            email="new.person@partner.example",
            full_name="New Person",
            organisation=organisation,
            roles=[Role.SUBMITTER],
        )
    return link_path(link)


def test_an_administrators_invitation_creates_an_inactive_account_and_emails_a_one_time_link(
    verified_client, administrator, organisation, django_capture_on_commit_callbacks
):
    client = verified_client(administrator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:invite"), invite_data(organisation))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:users")
    user = User.objects.get(email="robin.example@charnwood.example")
    assert not user.is_active
    assert not user.has_usable_password()
    assert user.organisation == organisation
    assert list(user.roles.values_list("role", flat=True)) == [Role.SUBMITTER]
    assert mail.outbox[0].to == ["robin.example@charnwood.example"]
    assert "works once" in mail.outbox[0].body
    assert emailed_link().startswith("/account/invitation/")
    event = AuditEvent.objects.get(action="created", object_type="user", object_id=str(user.pk))
    assert event.actor_username == administrator.username


def test_only_a_hash_of_the_link_token_is_stored(invitation_link):
    token = invitation_link.rsplit("/", 1)[-1]
    assert not Invitation.objects.filter(token_hash=token).exists()
    assert Invitation.find_usable(token) is not None


def test_the_link_shows_the_password_form(client, invitation_link):
    response = client.get(invitation_link)
    assert response.status_code == 200
    assert "Create your password" in response.text
    assert "new.person@partner.example" in response.text


def test_the_link_sets_a_password_and_activates_the_account(client, invitation_link):
    response = client.post(invitation_link, {"password1": STRONG, "password2": STRONG})

    assert response.status_code == 302
    user = User.objects.get(email="new.person@partner.example")
    assert user.is_active
    assert user.check_password(STRONG)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert Invitation.objects.get(user=user).used_at is not None


def test_a_used_link_shows_the_invalid_page_with_404(client, invitation_link):
    client.post(invitation_link, {"password1": STRONG, "password2": STRONG})
    client.post(reverse("accounts:logout"))

    response = client.get(invitation_link)

    assert response.status_code == 404
    assert "This invitation link does not work" in response.text
    assert "expired or has already been used" in response.text
    second = client.post(
        invitation_link, {"password1": "Other-Orchard-48", "password2": "Other-Orchard-48"}
    )
    assert second.status_code == 404
    assert User.objects.get(email="new.person@partner.example").check_password(STRONG)


def test_an_expired_link_shows_the_invalid_page_with_404(client, invitation_link):
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(invitation_link)
    assert response.status_code == 404
    assert "This invitation link does not work" in response.text


def test_a_made_up_link_shows_the_invalid_page_with_404(client, db):
    assert (
        client.get(reverse("accounts:accept_invitation", args=["not-a-real-token"])).status_code
        == 404
    )


def test_links_expire_after_seven_days(invitation_link):
    invitation = Invitation.objects.get()
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Sh0rt-pass", "This password is too short. It must contain at least 12 characters."),
        ("1Q2w3e4r5t6y", "This password is too common."),
        (
            "plumtreelanternhouse",
            "Your password must use at least three of: lower-case letters, capital letters, "
            "numbers and symbols.",
        ),
        ("739201846573", "This password is entirely numeric."),
    ],
)
def test_weak_passwords_are_refused_with_a_clear_message(
    client, invitation_link, password, message
):
    response = client.post(invitation_link, {"password1": password, "password2": password})

    assert response.status_code == 200
    assert message in response.text
    assert "There is a problem" in response.text
    assert not User.objects.get(email="new.person@partner.example").is_active


def test_a_password_like_the_email_address_is_refused(client, invitation_link):
    response = client.post(
        invitation_link, {"password1": "New.Person@Partner1", "password2": "New.Person@Partner1"}
    )
    assert "too similar" in response.text


def test_the_two_passwords_must_match(client, invitation_link):
    response = client.post(invitation_link, {"password1": STRONG, "password2": STRONG + "x"})
    assert "The passwords do not match" in response.text


@pytest.mark.parametrize("role", ROLES_OTHER_THAN_ADMINISTRATOR)
def test_only_administrators_can_invite(verified_client, role, organisation):
    client = verified_client(UserFactory(roles=[role]))
    assert client.get(reverse("accounts:invite")).status_code == 404
    assert client.post(reverse("accounts:invite"), invite_data(organisation)).status_code == 404
    assert not User.objects.filter(email="robin.example@charnwood.example").exists()
    assert mail.outbox == []


def test_someone_not_signed_in_is_sent_to_sign_in_instead_of_inviting(client, db):
    response = client.get(reverse("accounts:invite"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_administrator_sees_the_invitation_form(verified_client, administrator, organisation):
    response = verified_client(administrator).get(reverse("accounts:invite"))
    assert response.status_code == 200
    assert "Invite someone" in response.text
    assert "Charnwood Borough Council" in response.text


def test_a_duplicate_email_address_is_refused_whatever_its_case(
    verified_client, administrator, organisation
):
    UserFactory(username="robin", email="robin.example@charnwood.example")
    client = verified_client(administrator)

    response = client.post(
        reverse("accounts:invite"),
        invite_data(organisation, email="ROBIN.example@charnwood.example"),
    )

    assert response.status_code == 200
    assert "An account with this email address already exists." in response.text
    assert User.objects.filter(email__iexact="robin.example@charnwood.example").count() == 1
    assert mail.outbox == []


def test_a_forum_member_needs_at_least_one_district(verified_client, administrator, organisation):
    client = verified_client(administrator)
    response = client.post(
        reverse("accounts:invite"), invite_data(organisation, roles=[Role.FORUM_MEMBER])
    )
    assert "Select the districts for a forum member" in response.text

    response = client.post(
        reverse("accounts:invite"),
        invite_data(
            organisation, roles=[Role.FORUM_MEMBER], forum_districts=[district("charnwood").pk]
        ),
    )
    assert response.status_code == 302
    user = User.objects.get(email="robin.example@charnwood.example")
    assert list(user.forum_memberships.values_list("district__slug", flat=True)) == ["charnwood"]


def test_a_role_must_be_chosen(verified_client, administrator, organisation):
    response = verified_client(administrator).post(
        reverse("accounts:invite"), invite_data(organisation, roles=[])
    )
    assert "Select at least one role" in response.text


def test_a_deactivated_organisation_cannot_be_chosen(verified_client, administrator, organisation):
    organisation.active = False
    organisation.save()
    response = verified_client(administrator).post(
        reverse("accounts:invite"), invite_data(organisation)
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="robin.example@charnwood.example").exists()


def test_resending_an_invitation_sends_a_new_link_and_the_old_one_stops_working(
    client, administrator, invitation_link, django_capture_on_commit_callbacks
):
    user = User.objects.get(email="new.person@partner.example")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        new_link = link_path(services.invitation_resend(actor=administrator, user=user))

    assert emailed_link() == new_link
    assert client.get(invitation_link).status_code == 404
    assert client.get(new_link).status_code == 200
    assert client.post(new_link, {"password1": STRONG, "password2": STRONG}).status_code == 302
    assert AuditEvent.objects.filter(
        object_id=str(user.pk), summary__startswith="Resent the invitation"
    ).exists()


def test_an_invitation_cannot_be_resent_once_the_password_is_set(
    client, administrator, invitation_link
):
    client.post(invitation_link, {"password1": STRONG, "password2": STRONG})
    user = User.objects.get(email="new.person@partner.example")
    with pytest.raises(services.ValidationError):
        services.invitation_resend(actor=administrator, user=user)


def test_the_sign_in_page_says_accounts_are_by_invitation_only(client, db):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert "Accounts are by invitation only" in response.text
    assert "register" not in response.text.lower()
