"""Partner organisations, their users and what each user may do.

A user has one or more roles; forum membership is per district. Accounts exist only by
invitation (see services.invitation_create).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from csphub.core.roles import Role

__all__ = ["Organisation", "OrganisationType", "Role", "User"]


class OrganisationType(models.TextChoices):
    POLICE = "police", "Police"
    COUNCIL = "council", "Council"
    FIRE = "fire", "Fire and rescue"
    HEALTH = "health", "Health"
    PROBATION = "probation", "Probation"
    EDUCATION = "education", "Education"
    HOUSING = "housing", "Housing"
    VOLUNTARY = "voluntary", "Voluntary sector"


class Organisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    type = models.CharField(max_length=20, choices=OrganisationType.choices)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# Roles whose accounts must use two-factor authentication.
ROLES_REQUIRING_2FA = frozenset({Role.ANALYST, Role.CASE_OFFICER, Role.ADMINISTRATOR})


class User(AbstractUser):
    full_name = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    job_title = models.CharField(max_length=200, blank=True)
    is_demo = models.BooleanField(
        default=False, help_text="Demo account: may skip two-factor sign-in when the demo is on."
    )
    on_duty = models.BooleanField(
        default=True,
        help_text="Analysts: emailed the moment an urgent report arrives for the districts they "
        "cover.",
    )

    def __str__(self) -> str:
        return self.full_name or self.username

    @cached_property
    def role_set(self) -> frozenset[str]:
        if not self.is_authenticated or not self.is_active:
            return frozenset()
        return frozenset(self.roles.values_list("role", flat=True))

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_set.intersection(roles))

    @cached_property
    def forum_district_ids(self) -> frozenset[int]:
        if not self.has_role(Role.FORUM_MEMBER):
            return frozenset()
        return frozenset(self.forum_memberships.values_list("district_id", flat=True))

    @property
    def requires_2fa(self) -> bool:
        return bool(self.role_set & ROLES_REQUIRING_2FA)

    @property
    def display_name(self) -> str:
        return self.full_name or self.username


class UserRole(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=30, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_user_role")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"


class ForumMembership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="forum_memberships")
    district = models.ForeignKey(
        "geography.District", on_delete=models.CASCADE, related_name="forum_memberships"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "district"], name="unique_forum_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.district}"


class AnalystCoverage(models.Model):
    """A district an analyst covers: urgent reports there are sent to them first. An analyst
    who covers no district covers the whole partnership."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="analyst_coverage")
    district = models.ForeignKey(
        "geography.District", on_delete=models.CASCADE, related_name="analyst_coverage"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "district"], name="unique_analyst_coverage")
        ]

    def __str__(self) -> str:
        return f"{self.user} covers {self.district}"


INVITATION_LIFETIME = timedelta(days=7)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """A one-time link by which an invited person sets their password.

    Only the hash of the token is stored, so a database leak does not leak usable links.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Invitation for {self.user} (expires {self.expires_at:%Y-%m-%d})"

    @staticmethod
    def new_token() -> tuple[str, str]:
        token = secrets.token_urlsafe(32)
        return token, _hash_token(token)

    @classmethod
    def find_usable(cls, token: str) -> Invitation | None:
        invitation = (
            cls.objects.select_related("user").filter(token_hash=_hash_token(token)).first()
        )
        if invitation is None or invitation.used_at or invitation.expires_at < timezone.now():
            return None
        return invitation
