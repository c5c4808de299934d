"""Emerging-issue alerts: the rules an administrator sets, and the alerts they raise.

A rule is data, not code: its kind says what it looks for, its thresholds how much is enough.
An alert is about one subject (an entity, a small area, a theme in a district); its
fingerprint names the rule and the subject, so a second trigger updates the alert that is
still open instead of raising another (docs/alerts.md).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class RuleKind(models.TextChoices):
    ENTITY = "entity", "Several submissions about one entity"
    AREA = "area", "Several submissions in one small area"
    THEME_RISE = "theme_rise", "A theme rising in a district above its baseline"


class AreaType(models.TextChoices):
    SECTOR = "sector", "Postcode sector"
    LSOA = "lsoa", "Lower layer super output area (LSOA)"


class AlertRule(models.Model):
    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=12, choices=RuleKind.choices)
    active = models.BooleanField(default=True)
    description = models.TextField(blank=True)
    # Thresholds. `count` is "at least N submissions" for entity and area rules, and the
    # minimum count in the recent window for a theme rise (so one report never alerts).
    count = models.PositiveSmallIntegerField(default=3)
    days = models.PositiveSmallIntegerField(default=30, help_text="The window, in days.")
    entity_kinds = models.JSONField(
        default=list, blank=True, help_text="Entity rules: the kinds of entity they look at."
    )
    area_type = models.CharField(max_length=10, choices=AreaType.choices, blank=True)
    baseline_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Theme rise: the days before the window that set the rate."
    )
    alpha = models.FloatField(
        null=True, blank=True, help_text="Theme rise: the significance level of the test."
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class AlertStatus(models.TextChoices):
    OPEN = "open", "Open"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    DISMISSED = "dismissed", "Dismissed"


LIVE = (AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)


class Alert(models.Model):
    rule = models.ForeignKey(AlertRule, on_delete=models.PROTECT, related_name="alerts")
    fingerprint = models.CharField(
        max_length=200, help_text="The rule and the subject, e.g. 3:entity:41."
    )
    subject = models.CharField(max_length=300, help_text="What it is about, in words.")
    entity = models.ForeignKey(
        "entities.Entity", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    theme = models.ForeignKey(
        "intelligence.Theme", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    district = models.ForeignKey(
        "geography.District", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    area_code = models.CharField(max_length=9, blank=True)
    submissions = models.ManyToManyField("intelligence.Submission", related_name="alerts")
    observed_count = models.PositiveIntegerField(default=0)
    expected_count = models.FloatField(null=True, blank=True)
    p_value = models.FloatField(null=True, blank=True)
    summary = models.TextField()
    status = models.CharField(max_length=12, choices=AlertStatus.choices, default=AlertStatus.OPEN)
    status_reason = models.TextField(blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            # One live alert per rule and subject: a second trigger updates it.
            models.UniqueConstraint(
                fields=["fingerprint"],
                condition=models.Q(status__in=["open", "acknowledged"]),
                name="alert_one_live_per_subject",
            )
        ]
        indexes = [
            models.Index(fields=["fingerprint", "created_at"]),
            models.Index(fields=["status", "updated_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.rule}: {self.subject}"

    @property
    def live(self) -> bool:
        return self.status in LIVE
