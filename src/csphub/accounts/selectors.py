"""Reads for the administration pages. Only administrators reach these (the views say so)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Now
from django.shortcuts import get_object_or_404
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import ForumMembership, Invitation, Organisation, User, UserRole


class OrganisationCounts(TypedDict):
    active_users: int
    all_users: int


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    AdministeredOrganisation = WithAnnotations[Organisation, OrganisationCounts]
else:
    AdministeredOrganisation = Organisation

STATUS_ACTIVE = "active"
STATUS_INVITED = "invited"
STATUS_INVITATION_EXPIRED = "invitation_expired"
STATUS_DEACTIVATED = "deactivated"


def users_for_administration() -> QuerySet[User]:
    """Everyone, with organisation, roles, forum districts, account status and two-factor state.

    `status` is "active"; "invited" (has not set a password yet and holds a working link);
    "invitation_expired" (has not set a password and every link has expired or was cancelled);
    or "deactivated".
    """
    pending = Invitation.objects.filter(
        user=OuterRef("pk"), used_at__isnull=True, expires_at__gt=Now()
    )
    return (
        User.objects.select_related("organisation")
        .prefetch_related(
            Prefetch("roles", queryset=UserRole.objects.order_by("role")),
            Prefetch(
                "forum_memberships",
                queryset=ForumMembership.objects.select_related("district").order_by(
                    "district__name"
                ),
            ),
        )
        .annotate(
            has_two_factor=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
            status=Case(
                When(is_active=True, then=Value(STATUS_ACTIVE)),
                When(
                    Q(password__startswith=UNUSABLE_PASSWORD_PREFIX) & Exists(pending),
                    then=Value(STATUS_INVITED),
                ),
                When(
                    password__startswith=UNUSABLE_PASSWORD_PREFIX,
                    then=Value(STATUS_INVITATION_EXPIRED),
                ),
                default=Value(STATUS_DEACTIVATED),
                output_field=CharField(),
            ),
        )
        .order_by("organisation__name", "full_name", "username")
    )


def user_for_administration(*, pk: int) -> User:
    """One person as `users_for_administration` shows them; 404 if there is no such person."""
    return get_object_or_404(users_for_administration(), pk=pk)


def organisation_get(*, pk: int) -> Organisation:
    return get_object_or_404(Organisation, pk=pk)


def organisation_for_administration(*, pk: int) -> AdministeredOrganisation:
    """One organisation with its counts of people (`active_users`, `all_users`); 404 if none."""
    return get_object_or_404(organisations_for_administration(), pk=pk)


def invitation_usable(*, token: str) -> Invitation | None:
    """The invitation with this token, if it is neither used nor expired."""
    return Invitation.find_usable(token)


def has_confirmed_device(user: User) -> bool:
    """Whether the user has set up an authenticator app (a confirmed two-factor device)."""
    return any(True for _ in devices_for_user(user, confirmed=True))


def unconfirmed_totp_device(user: User) -> TOTPDevice | None:
    """The authenticator app being set up but not yet confirmed with a first code, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).first()


def organisations_for_administration() -> QuerySet[AdministeredOrganisation]:
    """Every organisation, active ones first, with how many people (active and all) belong to it."""
    return Organisation.objects.annotate(
        active_users=Count("users", filter=Q(users__is_active=True)),
        all_users=Count("users"),
    ).order_by("-active", "name")


def analysts_to_alert(*, district_id: int | None) -> list[User]:
    """Who is told the moment an urgent report arrives: active analysts on duty who cover its
    district (or cover everywhere, having no districts). If none, every analyst on duty; if
    nobody is on duty, every active analyst, so an urgent report never reaches no one."""
    analysts = User.objects.filter(is_active=True, roles__role="analyst").distinct()
    on_duty = analysts.filter(on_duty=True)
    if district_id is not None:
        covering = on_duty.filter(
            Q(analyst_coverage__district_id=district_id) | Q(analyst_coverage__isnull=True)
        )
        found = list(covering.distinct().order_by("username"))
        if found:
            return found
    return list(on_duty.order_by("username")) or list(analysts.order_by("username"))


def analysts_for_digest() -> list[User]:
    """Every active analyst with an email address."""
    return list(
        User.objects.filter(is_active=True, roles__role="analyst")
        .exclude(email="")
        .distinct()
        .order_by("username")
    )
