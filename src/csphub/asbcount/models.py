"""A run of the linkage and the pairs it linked: the one ASB count is read from the newest."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from csphub.cases.models import Incident, PoliceAsbIncident


class LinkRun(models.Model):
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    police_count = models.PositiveIntegerField(default=0)
    case_count = models.PositiveIntegerField(default=0)
    exact_links = models.PositiveIntegerField(default=0)
    model_links = models.PositiveIntegerField(default=0)
    threshold = models.FloatField()
    prior = models.FloatField(null=True, blank=True)
    parameters = models.JSONField(default=list, help_text="m, u and weight of each level")
    timings = models.JSONField(default=dict)
    by_district = models.JSONField(
        default=list, help_text="Police, case and combined counts per district (and unplaced)"
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        get_latest_by = "started_at"

    def __str__(self) -> str:
        return f"ASB linkage of {self.started_at:%d %B %Y %H:%M}"

    @property
    def links(self) -> int:
        return self.exact_links + self.model_links

    @property
    def combined(self) -> int:
        return self.police_count + self.case_count - self.links


class Link(models.Model):
    """A police incident and a case incident found to be one incident; `linked` is false for
    a pair kept only for review (uncertain, below the threshold)."""

    run = models.ForeignKey(LinkRun, on_delete=models.CASCADE, related_name="pairs")
    police_incident = models.ForeignKey(
        PoliceAsbIncident, on_delete=models.CASCADE, related_name="+"
    )
    case_incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="+")
    match_probability = models.FloatField()
    match_weight = models.FloatField(null=True, blank=True)
    exact = models.BooleanField(default=False, help_text="By the police incident number")
    linked = models.BooleanField(default=True)
    uncertain = models.BooleanField(default=False)

    class Meta:
        ordering = ["run", "-match_probability", "pk"]
        indexes = [models.Index(fields=["run", "uncertain"], name="asb_link_uncertain")]

    def __str__(self) -> str:
        return f"{self.police_incident_id} ~ {self.case_incident_id}: {self.match_probability:.3f}"
