"""Sanitised intelligence: what partnership forums (district JAGs) may read.

A row is an approved version: an analyst reviewed CSP Hub's proposed redactions of a
submission's information text, edited the result and approved it. Drafts live only in the
analyst's form. Versions are numbered 1, 2, ... per submission and never changed; forums see
the newest, older ones are kept as history.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class SanitisedVersion(models.Model):
    submission = models.ForeignKey(
        "intelligence.Submission", on_delete=models.CASCADE, related_name="sanitised_versions"
    )
    version = models.PositiveIntegerField()
    text = models.TextField(
        help_text="The approved sanitised text, as the analyst finally edited it."
    )
    spans = models.JSONField(
        default=list,
        help_text="The redactions applied: [{start, end, type, label}], offsets into the original "
        "information text. The redacted words themselves are not stored here.",
    )
    postcode_sector = models.BooleanField(default=False)
    # Copied from the submission when approved: the forum that may read this version.
    district = models.ForeignKey(
        "geography.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sanitised_versions",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-approved_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "version"], name="unique_sanitised_version"
            ),
        ]
        indexes = [models.Index(fields=["district", "approved_at"])]

    def __str__(self) -> str:
        return f"{self.submission_id} v{self.version}"
