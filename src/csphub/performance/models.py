"""Performance data: what was imported (reference geography, population, police counts,
indicator figures) and what the engine computed from it (KpiResult).

Police records are stored aggregated (month x LSOA x crime type): the board's KPIs never
need an individual record, and a national year (10 million rows) stays a few million counts.
"""

from django.conf import settings
from django.db import models


class Lsoa(models.Model):
    """An LSOA (2011) and the district it lies in (ONS lookup)."""

    code = models.CharField(max_length=9, primary_key=True)
    name = models.CharField(max_length=100)
    district_code = models.CharField(max_length=9, db_index=True)
    district_name = models.CharField(max_length=100)
    police_force = models.CharField(max_length=100, blank=True)
    boundary = models.JSONField(
        null=True, blank=True, help_text="GeoJSON geometry (longitude, latitude)"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = "LSOA"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class PopulationEstimate(models.Model):
    """ONS mid-year population of one LSOA; districts and the county are sums via the lookup."""

    year = models.PositiveSmallIntegerField()
    lsoa_code = models.CharField(max_length=9)
    population = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "lsoa_code"], name="population_one_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.lsoa_code} mid-{self.year}: {self.population}"


class PoliceMonth(models.Model):
    """A month of police data that has been imported. A month absent here is missing, not zero."""

    month = models.DateField(unique=True, help_text="First day of the month")
    records = models.PositiveIntegerField(help_text="Records counted (rows accepted)")
    source = models.CharField(max_length=255)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["month"]

    def __str__(self) -> str:
        return self.month.strftime("%Y-%m")


class CrimeCount(models.Model):
    """Police records for one month, LSOA and crime type (data.police.uk categories)."""

    month = models.DateField()
    lsoa_code = models.CharField(max_length=9)
    category = models.CharField(max_length=40)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "lsoa_code", "category"], name="crime_count_one_per_cell"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.lsoa_code} {self.category}: {self.count}"


class IndicatorValue(models.Model):
    """A figure that arrives as a figure: a survey percentage with its base, MARAC repeats,
    youth justice counts, or a comparator (regional average, most-similar-family rank)."""

    kpi = models.CharField(max_length=50)
    area_code = models.CharField(max_length=9)
    period_end = models.DateField(help_text="First day of the last month of the 12 months")
    value = models.FloatField(null=True, blank=True)
    numerator = models.FloatField(null=True, blank=True)
    base = models.FloatField(null=True, blank=True)
    regional_average = models.FloatField(null=True, blank=True)
    msf_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    msf_size = models.PositiveSmallIntegerField(null=True, blank=True)
    source = models.CharField(max_length=255, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kpi", "area_code", "period_end"], name="indicator_one_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kpi} {self.area_code} {self.period_end:%Y-%m}"


class ImportRun(models.Model):
    """One import: who, what, and the rows accepted and rejected with reasons."""

    class Kind(models.TextChoices):
        POLICE = "police", "Police recorded crime and ASB"
        LSOA_LOOKUP = "lsoa-lookup", "LSOA to district lookup"
        POPULATION = "population", "Population estimates"
        INDICATORS = "indicators", "Indicator figures"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    files = models.TextField()
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    rows_read = models.PositiveIntegerField(default=0)
    accepted = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    reasons = models.JSONField(default=dict, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"


class KpiResult(models.Model):
    """One KPI for one area and period, as computed by `csphub.performance.engine`."""

    class AreaType(models.TextChoices):
        COUNTY = "county", "County"
        DISTRICT = "district", "District"
        LSOA = "lsoa", "LSOA"

    kpi = models.CharField(max_length=50)
    area_type = models.CharField(max_length=8, choices=AreaType.choices)
    area_code = models.CharField(max_length=9)
    area_name = models.CharField(max_length=100)
    district_code = models.CharField(max_length=9, blank=True)
    period_end = models.DateField(help_text="First day of the last month of the rolling 12 months")
    count_12m = models.FloatField(null=True)
    count_prev_12m = models.FloatField(null=True)
    count_3m = models.FloatField(null=True)
    population = models.FloatField(null=True)
    population_prev = models.FloatField(null=True)
    population_year = models.PositiveSmallIntegerField(null=True)
    rate_per_1000 = models.FloatField(null=True)
    rate_prev_per_1000 = models.FloatField(null=True)
    value = models.FloatField(null=True, help_text="The headline figure in the KPI's unit")
    value_prev = models.FloatField(null=True)
    base = models.FloatField(null=True)
    base_prev = models.FloatField(null=True)
    change_pct = models.FloatField(null=True)
    direction = models.CharField(max_length=10, blank=True)
    p_value = models.FloatField(null=True)
    significant = models.BooleanField(null=True)
    assessment = models.CharField(max_length=25, blank=True)
    note = models.CharField(max_length=200, blank=True)
    regional_average = models.FloatField(null=True)
    msf_rank = models.PositiveSmallIntegerField(null=True)
    msf_size = models.PositiveSmallIntegerField(null=True)
    rank = models.PositiveSmallIntegerField(null=True, help_text="District rank, 1 = best")
    rank_of = models.PositiveSmallIntegerField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kpi", "area_type", "area_code", "period_end"],
                name="kpi_result_one_per_area_period",
            ),
        ]
        indexes = [
            models.Index(
                fields=["period_end", "area_type", "area_code"], name="kpi_result_period_area"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kpi} {self.area_name} {self.period_end:%Y-%m}"
