"""Writes for accounts: organisations, invitations, roles, activation and two-factor resets.

Every change here is recorded on the audit trail with who made it and the values before and after.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from csphub.audit.services import audit_record, diff
from csphub.geography.models import District

from . import selectors
from .models import (
    INVITATION_LIFETIME,
    AnalystCoverage,
    ForumMembership,
    Invitation,
    Organisation,
    OrganisationType,
    Role,
    User,
    UserRole,
)

# ---------------------------------------------------------------------------------------------
# Organisations


def _organisation_state(organisation: Organisation) -> dict:
    return {"name": organisation.name, "type": organisation.type, "active": organisation.active}


def _name_taken(name: str, exclude_pk: int | None) -> bool:
    others = Organisation.objects.filter(name__iexact=name)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    return others.exists()


def _clean_organisation(*, name: str, type: str, exclude_pk: int | None = None) -> str:
    name = " ".join((name or "").split())
    errors = {}
    if not name:
        errors["name"] = "Enter the organisation's name"
    elif len(name) > 200:
        errors["name"] = "The organisation's name must be 200 characters or fewer"
    elif _name_taken(name, exclude_pk):
        errors["name"] = "An organisation with this name already exists"
    if type not in OrganisationType.values:
        errors["type"] = "Select the type of organisation"
    if errors:
        raise ValidationError(errors)
    return name


@transaction.atomic
def organisation_create(
    *, actor: User | None, name: str, type: str, request: HttpRequest | None = None
) -> Organisation:
    name = _clean_organisation(name=name, type=type)
    organisation = Organisation.objects.create(name=name, type=type, active=True)
    audit_record(
        actor=actor,
        action="created",
        obj=organisation,
        request=request,
        summary=f"Added organisation {name}",
        changes=diff({}, _organisation_state(organisation)),
    )
    return organisation


@transaction.atomic
def organisation_update(
    *,
    actor: User | None,
    organisation: Organisation,
    name: str | None = None,
    type: str | None = None,
    active: bool | None = None,
    request: HttpRequest | None = None,
) -> Organisation:
    """Change an organisation's name, type or whether it is active. Unchanged fields stay as
    they are.

    A deactivated organisation can no longer be chosen for new invitations; its people keep
    their accounts until an administrator deactivates them.
    """
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    before = _organisation_state(organisation)
    new_name = organisation.name if name is None else name
    new_type = organisation.type if type is None else type
    organisation.name = _clean_organisation(
        name=new_name, type=new_type, exclude_pk=organisation.pk
    )
    organisation.type = new_type
    if active is not None:
        organisation.active = bool(active)
    changes = diff(before, _organisation_state(organisation))
    if changes:
        organisation.save(update_fields=["name", "type", "active"])
        if set(changes) == {"active"}:
            done = "Reactivated" if organisation.active else "Deactivated"
            summary = f"{done} organisation {organisation.name}"
        else:
            summary = f"Changed organisation {organisation.name}"
        audit_record(
            actor=actor,
            action="updated",
            obj=organisation,
            request=request,
            summary=summary,
            changes=changes,
        )
    return organisation


# ---------------------------------------------------------------------------------------------
# Roles and forum membership


def _roles_state(user: User) -> dict:
    return {
        "roles": sorted(UserRole.objects.filter(user=user).values_list("role", flat=True)),
        "forum_districts": sorted(
            ForumMembership.objects.filter(user=user).values_list("district__name", flat=True)
        ),
        "analyst_districts": sorted(
            AnalystCoverage.objects.filter(user=user).values_list("district__name", flat=True)
        ),
    }


def _other_active_administrators(user: User):
    return User.objects.filter(is_active=True, roles__role=Role.ADMINISTRATOR).exclude(pk=user.pk)


@transaction.atomic
def user_set_roles(
    *,
    user: User,
    roles: Iterable[str],
    forum_districts: Iterable[District] = (),
    analyst_districts: Iterable[District] | None = None,
    actor: User | None = None,
    request: HttpRequest | None = None,
    audit: bool = True,
) -> None:
    """Give the user exactly these roles (and, for forum members, these districts; for
    analysts, the districts they cover, left as they are when None).

    Recorded on the audit trail with the roles and districts before and after, unless nothing
    changed or the caller records the change itself (audit=False, as an invitation does).
    """
    roles = {str(role) for role in roles}
    unknown = roles - set(Role.values)
    if unknown:
        raise ValidationError({"roles": f"Unknown role: {', '.join(sorted(unknown))}"})
    before = _roles_state(user)
    if (
        Role.ADMINISTRATOR in before["roles"]
        and Role.ADMINISTRATOR not in roles
        and user.is_active
        and not _other_active_administrators(user).exists()
    ):
        raise ValidationError(
            {
                "roles": "This is the only active administrator. "
                "Make someone else an administrator first."
            }
        )
    UserRole.objects.filter(user=user).exclude(role__in=roles).delete()
    for role in roles:
        UserRole.objects.get_or_create(user=user, role=role)
    districts = list(forum_districts) if Role.FORUM_MEMBER in roles else []
    ForumMembership.objects.filter(user=user).exclude(district__in=districts).delete()
    for district in districts:
        ForumMembership.objects.get_or_create(user=user, district=district)
    if analyst_districts is not None or Role.ANALYST not in roles:
        covered = list(analyst_districts or []) if Role.ANALYST in roles else []
        AnalystCoverage.objects.filter(user=user).exclude(district__in=covered).delete()
        for district in covered:
            AnalystCoverage.objects.get_or_create(user=user, district=district)
    user.__dict__.pop("role_set", None)
    user.__dict__.pop("forum_district_ids", None)
    if audit:
        changes = diff(before, _roles_state(user))
        if changes:
            audit_record(
                actor=actor,
                action="updated",
                obj=user,
                request=request,
                summary=f"Changed the roles of {user.get_username()}",
                changes=changes,
            )


# ---------------------------------------------------------------------------------------------
# Invitations


def _new_invitation_link(*, user: User, invited_by: User | None) -> str:
    token, token_hash = Invitation.new_token()
    now = timezone.now()
    Invitation.objects.create(
        user=user,
        token_hash=token_hash,
        invited_by=invited_by,
        created_at=now,
        expires_at=now + INVITATION_LIFETIME,
    )
    return settings.CSPHUB_BASE_URL.rstrip("/") + reverse(
        "accounts:accept_invitation", args=[token]
    )


def _email_invitation(*, user: User, link: str, invited_by: User | None) -> None:
    full_name = user.full_name or user.email
    email = user.email
    transaction.on_commit(
        lambda: send_mail(
            subject="You have been invited to CSP Hub",
            message=(
                f"Dear {full_name},\n\n"
                f"You have been invited to CSP Hub, the Community Safety Partnership workspace, "
                f"by {invited_by.display_name if invited_by else 'the administrator'}.\n\n"
                f"Set your password within 7 days using this link (it works once):\n{link}\n\n"
                "If you were not expecting this, ignore this email."
            ),
            from_email=None,
            recipient_list=[email],
            fail_silently=False,
        )
    )


def _expire_pending_invitations(user: User) -> int:
    return Invitation.objects.filter(
        user=user, used_at__isnull=True, expires_at__gt=timezone.now()
    ).update(expires_at=timezone.now())


def user_is_invited(user: User) -> bool:
    """Invited but has not yet set a password (so has never signed in)."""
    return not user.is_active and not user.has_usable_password()


@transaction.atomic
def invitation_create(
    *,
    invited_by: User | None,
    email: str,
    full_name: str,
    organisation: Organisation,
    roles: Iterable[str],
    forum_districts: Iterable[District] = (),
    analyst_districts: Iterable[District] = (),
    job_title: str = "",
    request: HttpRequest | None = None,
) -> tuple[User, str]:
    """Create an inactive account and email a one-time link to set its password.

    Returns the user and the link (the link is also emailed; it is shown to nobody else).
    """
    roles = sorted({str(role) for role in roles})
    email = User.objects.normalize_email(email or "").strip().lower()
    if not email:
        raise ValidationError({"email": "Enter an email address"})
    if (
        User.objects.filter(email__iexact=email).exists()
        or User.objects.filter(username__iexact=email).exists()
    ):
        raise ValidationError({"email": "An account with this email address already exists."})
    if not roles:
        raise ValidationError({"roles": "Select at least one role"})
    if not organisation.active:
        raise ValidationError({"organisation": "This organisation has been deactivated"})
    user = User(
        username=email,
        email=email,
        full_name=full_name,
        organisation=organisation,
        job_title=job_title,
        is_active=False,
    )
    user.set_unusable_password()
    user.save()
    user_set_roles(
        user=user,
        roles=roles,
        forum_districts=forum_districts,
        analyst_districts=analyst_districts,
        audit=False,
    )
    link = _new_invitation_link(user=user, invited_by=invited_by)
    audit_record(
        actor=invited_by,
        action="created",
        obj=user,
        request=request,
        summary=f"Invited {email} ({', '.join(roles)})",
        changes=diff({}, {"email": email, "organisation": organisation.name, **_roles_state(user)}),
    )
    _email_invitation(user=user, link=link, invited_by=invited_by)
    return user, link


@transaction.atomic
def invitation_resend(*, actor: User | None, user: User, request: HttpRequest | None = None) -> str:
    """Email a new one-time link; any earlier link stops working."""
    if not user_is_invited(user):
        raise ValidationError(
            "This person has already set a password, so there is no invitation to resend."
        )
    expired = _expire_pending_invitations(user)
    link = _new_invitation_link(user=user, invited_by=actor)
    audit_record(
        actor=actor,
        action="updated",
        obj=user,
        request=request,
        summary=f"Resent the invitation to {user.email} ({expired} earlier link(s) cancelled)",
    )
    _email_invitation(user=user, link=link, invited_by=actor)
    return link


@transaction.atomic
def invitation_accept(*, invitation: Invitation, password: str) -> User:
    invitation = Invitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
    if invitation.used_at or invitation.expires_at < timezone.now():
        raise ValidationError("This invitation link has expired or has already been used.")
    user = invitation.user
    user.set_password(password)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    Invitation.objects.filter(user=user, used_at__isnull=True).update(used_at=invitation.used_at)
    audit_record(
        actor=user,
        action="updated",
        obj=user,
        summary="Accepted invitation and set password",
        changes={"is_active": [False, True]},
    )
    return user


# ---------------------------------------------------------------------------------------------
# Activation and two-factor


@transaction.atomic
def user_set_active(
    *, actor: User | None, user: User, active: bool, request: HttpRequest | None = None
) -> User:
    """Deactivate (sign-in refused, current sessions end) or reactivate an account."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if not active and user_is_invited(user):
        # Never signed in: "deactivating" cancels the invitation links instead.
        cancelled = _expire_pending_invitations(user)
        if cancelled:
            audit_record(
                actor=actor,
                action="updated",
                obj=user,
                request=request,
                summary=f"Cancelled the invitation to {user.email}",
                changes={"pending_invitations": [cancelled, 0]},
            )
        return user
    if user.is_active == active:
        return user
    if not active:
        if actor is not None and actor.pk == user.pk:
            raise ValidationError("You cannot deactivate your own account.")
        if user.has_role(Role.ADMINISTRATOR) and not _other_active_administrators(user).exists():
            raise ValidationError(
                "This is the only active administrator, so it cannot be deactivated."
            )
        cancelled = _expire_pending_invitations(user)
    else:
        if not user.has_usable_password():
            raise ValidationError(
                "This person has not set a password yet. Resend their invitation instead."
            )
        cancelled = 0
    user.is_active = active
    user.save(update_fields=["is_active"])
    user.__dict__.pop("role_set", None)
    user.__dict__.pop("forum_district_ids", None)
    summary = f"{'Reactivated' if active else 'Deactivated'} the account of {user.get_username()}"
    if cancelled:
        summary += f" ({cancelled} pending invitation link(s) cancelled)"
    audit_record(
        actor=actor,
        action="updated",
        obj=user,
        request=request,
        summary=summary,
        changes={"is_active": [not active, active]},
    )
    return user


@transaction.atomic
def user_reset_two_factor(
    *, actor: User | None, user: User, request: HttpRequest | None = None
) -> int:
    """Remove the user's authenticator apps; they must set up a new one at their next sign-in.

    Returns how many devices were removed.
    """
    from django_otp import devices_for_user

    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    audit_record(
        actor=actor,
        action="updated",
        obj=user,
        request=request,
        summary=f"Reset two-factor authentication for {user.get_username()}",
        changes={"two_factor_devices": [len(devices), 0]},
    )
    return len(devices)


@transaction.atomic
def analyst_set_duty(*, user: User, on_duty: bool, request: HttpRequest | None = None) -> None:
    """An analyst says whether urgent reports should be emailed to them now."""
    if not user.has_role(Role.ANALYST):
        raise ValidationError("Only intelligence analysts have duty for urgent reports.")
    if user.on_duty == on_duty:
        return
    User.objects.filter(pk=user.pk).update(on_duty=on_duty)
    audit_record(
        actor=user,
        action="updated",
        obj=user,
        request=request,
        summary="Went on duty for urgent reports"
        if on_duty
        else "Went off duty for urgent reports",
        changes={"on_duty": [not on_duty, on_duty]},
    )
    user.on_duty = on_duty


def totp_device_start(*, user: User) -> TOTPDevice:
    """The authenticator app the user is setting up: the unconfirmed one, or a new one."""
    device = selectors.unconfirmed_totp_device(user)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


@transaction.atomic
def totp_device_confirm(
    *, user: User, device: TOTPDevice, token: str, request: HttpRequest
) -> bool:
    """Confirm a new authenticator app with its first security code and sign this session in
    with it. False, and nothing changed, if the code is wrong or has expired."""
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    audit_record(
        actor=user,
        action="updated",
        obj=user,
        request=request,
        summary="Set up two-factor authentication",
    )
    return True


@transaction.atomic
def totp_device_verify(*, user: User, token: str, request: HttpRequest) -> bool:
    """Sign this session in with the first of the user's authenticator apps that accepts the
    security code, and audit it. False if none does."""
    # Locked rows, so one code cannot be used twice by concurrent requests.
    for device in devices_for_user(user, confirmed=True, for_verify=True):
        if device.verify_token(token):
            otp_login(request, device)
            audit_record(
                actor=user,
                action="signed_in",
                obj=user,
                request=request,
                summary="Confirmed a two-factor security code",
            )
            return True
    return False
