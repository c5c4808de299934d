"""Districts and the postcode table used to place a report."""

from django.db import models


class District(models.Model):
    """A local authority district of the partnership area (ONS LAD code)."""

    code = models.CharField(max_length=9, unique=True)
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    population = models.PositiveIntegerField(null=True, blank=True)
    in_county = models.BooleanField(
        default=True, help_text="One of the Leicestershire county districts (not a unitary)."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Postcode(models.Model):
    """One row of the ONS postcode lookup: postcode -> LSOA and district."""

    postcode = models.CharField(
        max_length=8, primary_key=True, help_text="Normalised, e.g. LE11 3AA"
    )
    lsoa_code = models.CharField(max_length=9, blank=True)
    district_code = models.CharField(max_length=9, blank=True, db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    terminated = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.postcode
