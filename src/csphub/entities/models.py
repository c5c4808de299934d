"""The things submissions mention, where each mention came from, and the links between
submissions that share them.

Entities are never merged: two reports about one person stay two mentions, joined by a Link an
analyst can confirm, reject or undo, so nothing is lost and every decision can be reversed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Kind(models.TextChoices):
    PERSON = "person", "Person"
    PHONE = "phone", "Phone number"
    VEHICLE = "vehicle", "Vehicle"
    EMAIL = "email", "Email address"
    HANDLE = "handle", "Social media handle"
    ADDRESS = "address", "Address"
    POSTCODE = "postcode", "Postcode"


class Entity(models.Model):
    """One normalised value (a phone in E.164, a registration, an address key, a name)."""

    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=300, help_text="The normalised value two mentions share.")
    label = models.CharField(max_length=300, help_text="How it is shown to analysts.")
    details = models.JSONField(default=dict, blank=True)
    submission_count = models.PositiveIntegerField(default=0)
    common = models.BooleanField(
        default=False,
        help_text="Seen in so many submissions that it no longer links them (still searchable).",
    )
    common_reason = models.CharField(max_length=200, blank=True)
    first_seen = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "entities"
        ordering = ["kind", "label"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="entity_unique_kind_key")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.label}"


class NameKey(models.Model):
    """Where a person's name is filed for candidates: names that could match share a key, and
    the narrow says which part of the key's block the name is in (entities/people.py)."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=60)
    narrow = models.CharField(max_length=8, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["entity", "key", "narrow"], name="namekey_unique_entity_key_narrow"
            )
        ]
        indexes = [models.Index(fields=["key", "narrow"], name="namekey_key_narrow")]

    def __str__(self) -> str:
        return f"{self.key} {self.narrow}".strip()


class Mention(models.Model):
    """Where a submission mentions an entity: a field, or a span of its free text."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    submission = models.ForeignKey(
        "intelligence.Submission", on_delete=models.CASCADE, related_name="mentions"
    )
    field = models.CharField(max_length=40, help_text="e.g. information, people.name, vehicles.")
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    text = models.CharField(max_length=300, help_text="The value as the partner wrote it.")
    role = models.CharField(max_length=20, blank=True)
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    seen_on = models.DateField(
        help_text="The day the report was received (UTC): an age is as of then. Kept here so "
        "that a name block's candidates are read without the submissions."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        indexes = [
            # An entity's newest mentions with what person matching reads: on PostgreSQL a
            # name block's candidates come from the index alone (entities 0004).
            models.Index(
                fields=["entity", "submission"],
                include=["text", "age", "date_of_birth", "seen_on"],
                name="mention_entity_newest",
            )
        ]

    def __str__(self) -> str:
        return f"{self.text} in {self.field}"

    @property
    def from_text(self) -> bool:
        return self.start is not None


class LinkStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class Link(models.Model):
    """Two submissions that share something, with why and how sure. Stored once per pair
    (`low` has the smaller id); a rejected link is kept so that it never comes back."""

    low = models.ForeignKey(
        "intelligence.Submission", on_delete=models.CASCADE, related_name="links_as_low"
    )
    high = models.ForeignKey(
        "intelligence.Submission", on_delete=models.CASCADE, related_name="links_as_high"
    )
    score = models.FloatField()
    reasons = models.JSONField(default=list, help_text='[{"kind": "phone", "value": "+44…"}]')
    status = models.CharField(
        max_length=10, choices=LinkStatus.choices, default=LinkStatus.SUGGESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["low", "high"], name="link_unique_pair"),
            models.CheckConstraint(
                condition=models.Q(low__lt=models.F("high")), name="link_ordered"
            ),
        ]
        indexes = [models.Index(fields=["high"])]

    def __str__(self) -> str:
        return f"{self.low_id}–{self.high_id} ({self.status}, {self.score:.2f})"

    def other(self, submission_id: int) -> int:
        return self.high_id if self.low_id == submission_id else self.low_id


class LinkDecision(models.Model):
    """One analyst decision on a link, kept for the history and for undo."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="decisions")
    from_status = models.CharField(max_length=10, choices=LinkStatus.choices)
    to_status = models.CharField(max_length=10, choices=LinkStatus.choices)
    reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decided_at = models.DateTimeField(default=timezone.now)
    undoes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="undone_by"
    )

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status} by {self.decided_by_id}"
