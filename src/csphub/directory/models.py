"""The signposting directory: support services staff refer people to."""

from django.db import models


class SupportService(models.Model):
    organisation = models.CharField(max_length=200)
    name = models.CharField(
        max_length=200, help_text="The service, e.g. 'Sexual and Domestic Violence Helpline'"
    )
    description = models.TextField(blank=True)
    themes = models.ManyToManyField(
        "intelligence.Theme", related_name="support_services", blank=True
    )
    districts = models.ManyToManyField(
        "geography.District",
        related_name="support_services",
        blank=True,
        help_text="The districts it works in; none means the whole partnership.",
    )
    phone = models.CharField(max_length=60, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(max_length=500, blank=True)
    notes = models.TextField(blank=True)
    active = models.BooleanField(default=True)
    oruk_id = models.CharField(
        max_length=64, unique=True, help_text="Stable id used in Open Referral UK exports."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation", "name"]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.name}"

    @property
    def coverage(self) -> str:
        names = [d.name for d in self.districts.all()]
        return ", ".join(names) if names else "The whole partnership area"

    @property
    def phone_href(self) -> str:
        """A tel: link target: digits and a leading + only, whatever was typed."""
        digits = "".join(c for c in self.phone if c.isdigit())
        return f"tel:{'+' if self.phone.strip().startswith('+') else ''}{digits}" if digits else ""

    @property
    def website_href(self) -> str:
        """Only http(s) links are rendered, so no stored value can become a javascript: link."""
        return self.website if self.website.lower().startswith(("https://", "http://")) else ""
