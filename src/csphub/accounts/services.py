"""Writes for accounts: invitations, roles and passwords."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from csphub.audit.services import audit_record
from csphub.geography.models import District

from .models import INVITATION_LIFETIME, ForumMembership, Invitation, Organisation, Role, User, UserRole


def user_set_roles(*, user: User, roles: Iterable[str], forum_districts: Iterable[District] = ()) -> None:
    roles = set(roles)
    unknown = roles - set(Role.values)
    if unknown:
        raise ValidationError(f"Unknown role: {', '.join(sorted(unknown))}")
    UserRole.objects.filter(user=user).exclude(role__in=roles).delete()
    for role in roles:
        UserRole.objects.get_or_create(user=user, role=role)
    districts = list(forum_districts) if Role.FORUM_MEMBER in roles else []
    ForumMembership.objects.filter(user=user).exclude(district__in=districts).delete()
    for district in districts:
        ForumMembership.objects.get_or_create(user=user, district=district)
    user.__dict__.pop("role_set", None)
    user.__dict__.pop("forum_district_ids", None)


@transaction.atomic
def invitation_create(
    *,
    invited_by: User | None,
    email: str,
    full_name: str,
    organisation: Organisation,
    roles: Iterable[str],
    forum_districts: Iterable[District] = (),
    job_title: str = "",
) -> tuple[User, str]:
    """Create an inactive account and email a one-time link to set its password.

    Returns the user and the link (the link is also emailed; it is shown to nobody else).
    """
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "An account with this email address already exists."})
    username = email
    user = User(username=username, email=email, full_name=full_name, organisation=organisation,
                job_title=job_title, is_active=False)
    user.set_unusable_password()
    user.save()
    user_set_roles(user=user, roles=roles, forum_districts=forum_districts)
    token, token_hash = Invitation.new_token()
    Invitation.objects.create(user=user, token_hash=token_hash, invited_by=invited_by,
                              expires_at=timezone.now() + INVITATION_LIFETIME)
    link = settings.CSPHUB_BASE_URL.rstrip("/") + reverse("accounts:accept_invitation", args=[token])
    audit_record(actor=invited_by, action="created", obj=user,
                 summary=f"Invited {email} ({', '.join(sorted(roles))})")
    transaction.on_commit(lambda: send_mail(
        subject="You have been invited to CSP Hub",
        message=(
            f"Dear {full_name},\n\n"
            f"You have been invited to CSP Hub, the Community Safety Partnership workspace, "
            f"by {invited_by.display_name if invited_by else 'the administrator'}.\n\n"
            f"Set your password within 7 days using this link (it works once):\n{link}\n\n"
            "If you were not expecting this, ignore this email."
        ),
        from_email=None, recipient_list=[email], fail_silently=False,
    ))
    return user, link


@transaction.atomic
def invitation_accept(*, invitation: Invitation, password: str) -> User:
    user = invitation.user
    user.set_password(password)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    Invitation.objects.filter(user=user, used_at__isnull=True).update(used_at=invitation.used_at)
    audit_record(actor=user, action="updated", obj=user, summary="Accepted invitation and set password")
    return user
