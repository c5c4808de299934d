"""ASB cases: a case per problem (a person, a household, a place), its incidents, the people
involved, its risk assessments against a matrix held as data, and a timeline of everything.

Sharing follows the case systems' practice: the lead organisation's case officers see a case,
and those of every organisation it is shared with (selectors.cases_visible_to)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from csphub.accounts.models import Organisation
from csphub.geography.models import District

from . import interventions, risk


class Category(models.TextChoices):
    """The police PEN categories (docs/domain.md, ASB)."""

    PERSONAL = "personal", "Personal"
    ENVIRONMENTAL = "environmental", "Environmental"
    NUISANCE = "nuisance", "Nuisance"


class SubjectType(models.TextChoices):
    PERSON = "person", "A person"
    HOUSEHOLD = "household", "A household"
    PLACE = "place", "A place"


class CaseStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class RiskLevel(models.TextChoices):
    STANDARD = risk.Level.STANDARD.value, "Standard"
    MEDIUM = risk.Level.MEDIUM.value, "Medium"
    HIGH = risk.Level.HIGH.value, "High"


class PartyRole(models.TextChoices):
    VICTIM = "victim", "Victim"
    PERPETRATOR = "perpetrator", "Perpetrator"
    WITNESS = "witness", "Witness"
    OTHER = "other", "Other"


class EventKind(models.TextChoices):
    OPENED = "opened", "Case opened"
    INCIDENT = "incident", "Incident logged"
    PERSON = "person", "Person added"
    ASSESSMENT = "assessment", "Risk assessed"
    REVIEW = "review", "Case reviewed"
    REFERRAL = "referral", "Referred to the JAG"
    REPEAT_VICTIM = "repeat_victim", "Repeat victim found"
    INTERVENTION = "intervention", "Intervention issued"
    BREACH = "breach", "Breach recorded"
    SHARED = "shared", "Shared"
    CLOSED = "closed", "Case closed"
    IMPORTED = "imported", "Imported"


def _days(value: str) -> tuple[int, ...]:
    return tuple(int(part) for part in value.replace(" ", "").split(",") if part)


class RiskMatrix(models.Model):
    """A victim risk assessment: its questions, the score thresholds and the review intervals
    each level sets. Councils use local matrices; the shipped default is documented in
    docs/asb-cases.md. An assessment keeps the matrix it used, so a matrix in use is never
    edited away under it: an administrator makes a new one and makes that the active one."""

    name = models.CharField(max_length=120, unique=True)
    active = models.BooleanField(default=False)
    medium_from = models.PositiveSmallIntegerField(
        help_text="The lowest score that is medium risk."
    )
    high_from = models.PositiveSmallIntegerField(help_text="The lowest score that is high risk.")
    high_review_days = models.CharField(max_length=60, default="14,28,56")
    medium_review_days = models.CharField(max_length=60, default="28,56")
    standard_review_days = models.CharField(max_length=60, blank=True, default="")
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "risk matrices"
        constraints = [
            models.UniqueConstraint(
                fields=["active"], condition=models.Q(active=True), name="one_active_risk_matrix"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def engine(self) -> risk.Matrix:
        return risk.Matrix(
            questions=[
                risk.Question(q.key, q.text, q.weight, q.vulnerability)
                for q in self.questions.all()
            ],
            medium_from=self.medium_from,
            high_from=self.high_from,
            reviews={
                risk.Level.HIGH: _days(self.high_review_days),
                risk.Level.MEDIUM: _days(self.medium_review_days),
                risk.Level.STANDARD: _days(self.standard_review_days),
            },
        )


class RiskQuestion(models.Model):
    matrix = models.ForeignKey(RiskMatrix, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(max_length=60)
    text = models.CharField(max_length=300)
    weight = models.PositiveSmallIntegerField()
    vulnerability = models.BooleanField(
        default=False, help_text="A vulnerability factor: shown on the case when answered yes."
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["matrix", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["matrix", "key"], name="risk_question_unique_key")
        ]

    def __str__(self) -> str:
        return self.text


class CaseReferenceCounter(models.Model):
    """The last case number issued in a year (as intelligence's, ADR 0002)."""

    year = models.PositiveIntegerField(primary_key=True)
    last_value = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_value}"


class Case(models.Model):
    reference = models.CharField(max_length=20, unique=True, editable=False)
    title = models.CharField(max_length=200)
    subject_type = models.CharField(max_length=20, choices=SubjectType.choices)
    category = models.CharField(
        max_length=20, choices=Category.choices, blank=True, help_text="Blank when imported without"
    )
    asb_type = models.CharField(max_length=100, blank=True, help_text="e.g. noise, harassment")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="asb_cases")
    source_reference = models.CharField(
        max_length=60, blank=True, help_text="Its reference in the case system it was imported from"
    )
    lsoa_code = models.CharField(max_length=9, blank=True)
    location = models.CharField(max_length=300, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    lead_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="led_asb_cases"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="asb_cases",
    )
    shared_with = models.ManyToManyField(Organisation, blank=True, related_name="shared_asb_cases")
    status = models.CharField(max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    risk_level = models.CharField(max_length=10, choices=RiskLevel.choices, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    reviews_at_level = models.PositiveSmallIntegerField(default=0)
    jag_referred_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closure_reason = models.CharField(max_length=300, blank=True)
    victim_satisfaction = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="1 (very dissatisfied) to 5 (very satisfied)"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-opened_at", "-pk"]
        indexes = [
            models.Index(fields=["lead_organisation", "status"], name="case_lead_status"),
            models.Index(fields=["district", "status"], name="case_district_status"),
            models.Index(fields=["status", "next_review_due"], name="case_review_due"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["lead_organisation", "source_reference"],
                condition=~models.Q(source_reference=""),
                name="case_source_reference_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"


class Person(models.Model):
    """Someone involved in ASB cases: one person in many cases, in a role in each."""

    name = models.CharField(max_length=200)
    date_of_birth = models.DateField(null=True, blank=True)
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class CaseParty(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="case_parties")
    role = models.CharField(max_length=20, choices=PartyRole.choices)
    repeat_victim_at = models.DateTimeField(
        null=True, blank=True, help_text="When this victim was first found a repeat victim."
    )

    class Meta:
        ordering = ["case", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "person", "role"], name="case_party_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}) in {self.case.reference}"


class Incident(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="incidents")
    occurred_at = models.DateTimeField()
    reported_at = models.DateTimeField()
    description = models.TextField()
    reported_by = models.CharField(max_length=200, blank=True)
    police_incident_number = models.CharField(max_length=40, blank=True)
    source_id = models.CharField(
        max_length=60,
        blank=True,
        help_text="Its identifier in the case system it was imported from",
    )
    # Where and what, incident by incident: what links it to the police's record of it.
    address = models.CharField(max_length=300, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    lsoa_code = models.CharField(max_length=9, blank=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    category = models.CharField(max_length=20, choices=Category.choices, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    logged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "occurred_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "source_id"],
                condition=~models.Q(source_id=""),
                name="incident_source_id_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case.reference} incident on {self.occurred_at:%d %B %Y}"


class RiskAssessment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    matrix = models.ForeignKey(RiskMatrix, on_delete=models.PROTECT, related_name="assessments")
    answers = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=10, choices=RiskLevel.choices)
    vulnerabilities = models.JSONField(default=list)
    is_review = models.BooleanField(default=False)
    next_review_due = models.DateField(null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assessed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "assessed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.get_level_display()} ({self.score})"


class CaseEvent(models.Model):
    """The case's timeline: everything that happened to it, newest last."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    text = models.CharField(max_length=500)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.case.reference} {self.at:%Y-%m-%d}: {self.text}"


class InterventionType(models.Model):
    """An intervention and its rules, as data: the law changes (cases/interventions.py)."""

    key = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    order = models.PositiveSmallIntegerField(help_text="Its place in the usual escalation.")
    active = models.BooleanField(default=True)
    requires_first = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    max_days = models.PositiveIntegerField(null=True, blank=True)
    max_words = models.CharField(max_length=40, blank=True)
    max_days_under_18 = models.PositiveIntegerField(null=True, blank=True)
    max_words_under_18 = models.CharField(max_length=40, blank=True)
    max_days_extended = models.PositiveIntegerField(null=True, blank=True)
    max_words_extended = models.CharField(max_length=40, blank=True)
    max_hours = models.PositiveSmallIntegerField(null=True, blank=True)
    max_hours_extended = models.PositiveSmallIntegerField(null=True, blank=True)
    requires_conviction = models.BooleanField(default=False)
    area_based = models.BooleanField(default=False)
    requires_consultation = models.BooleanField(default=False)
    appeal_days = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def rules(self) -> interventions.Rules:
        first = self.requires_first
        return interventions.Rules(
            name=self.name,
            requires_first=first.name if first else "",
            requires_first_key=first.key if first else "",
            minimum_age=self.minimum_age,
            max_days=self.max_days,
            max_days_under_18=self.max_days_under_18,
            max_days_extended=self.max_days_extended,
            max_words=self.max_words,
            max_words_under_18=self.max_words_under_18,
            max_words_extended=self.max_words_extended,
            max_hours=self.max_hours,
            max_hours_extended=self.max_hours_extended,
            requires_conviction=self.requires_conviction,
            area_based=self.area_based,
            requires_consultation=self.requires_consultation,
            appeal_days=self.appeal_days,
        )


class Intervention(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="interventions")
    type = models.ForeignKey(InterventionType, on_delete=models.PROTECT, related_name="+")
    subject = models.ForeignKey(
        CaseParty, on_delete=models.PROTECT, null=True, blank=True, related_name="interventions"
    )
    issuing_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField()
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    hours = models.PositiveSmallIntegerField(null=True, blank=True)
    extended = models.BooleanField(default=False)
    terms = models.TextField(blank=True)
    conviction_recorded = models.BooleanField(default=False)
    consultation_recorded = models.BooleanField(default=False)
    appeal_by = models.DateField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "issued_on", "pk"]
        indexes = [models.Index(fields=["ends_on"], name="intervention_ends_on")]

    def __str__(self) -> str:
        return f"{self.type} on {self.case.reference}"


class Breach(models.Model):
    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="breaches"
    )
    occurred_on = models.DateField()
    evidence = models.TextField()
    action_taken = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["intervention", "occurred_on", "pk"]
        verbose_name_plural = "breaches"

    def __str__(self) -> str:
        return f"Breach of {self.intervention} on {self.occurred_on}"


class CaseReviewOutcome(models.TextChoices):
    PENDING = "pending", "Awaiting decision"
    THRESHOLD_NOT_MET = "not_met", "Threshold not met"
    REVIEW = "review", "Review to be held"
    REVIEWED = "reviewed", "Reviewed"


class CaseReview(models.Model):
    """An ASB Case Review (the Community Trigger) application, to the organisation that
    received it (usually the council), with its qualifying complaints, decision, review meeting
    and recommendations, and any appeal."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    applicant = models.CharField(max_length=200)
    on_behalf_of = models.CharField(max_length=200, blank=True)
    received_on = models.DateField()
    case = models.ForeignKey(
        Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="case_reviews"
    )
    qualifying_complaints = models.PositiveSmallIntegerField(default=0)
    threshold_met = models.BooleanField(default=False)
    decision_due = models.DateField()
    decided_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(
        max_length=10, choices=CaseReviewOutcome.choices, default=CaseReviewOutcome.PENDING
    )
    decision_reason = models.TextField(blank=True)
    meeting_on = models.DateField(null=True, blank=True)
    recommendations = models.JSONField(default=list)
    appeal_received_on = models.DateField(null=True, blank=True)
    appeal_outcome = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-received_on", "-pk"]

    def __str__(self) -> str:
        return f"ASB Case Review from {self.applicant} ({self.received_on})"


class CaseReviewComplaint(models.Model):
    """A complaint the application counts: to which agency, when, about which incident. One
    incident reported to several agencies counts once (services.qualifying_complaints)."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="complaints")
    agency = models.CharField(max_length=200)
    reported_on = models.DateField()
    incident_on = models.DateField()
    incident = models.ForeignKey(
        Incident, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    summary = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["review", "reported_on", "pk"]

    def __str__(self) -> str:
        return f"{self.agency}, {self.reported_on}"


class PoliceAsbIncident(models.Model):
    """One ASB incident from the police's incident-level export (`csphub import-police-asb`):
    the other half of the one ASB count (cases/linkage.py)."""

    incident_number = models.CharField(max_length=40, unique=True)
    reported_at = models.DateTimeField()
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    lsoa_code = models.CharField(max_length=9, blank=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    category = models.CharField(max_length=20, choices=Category.choices, blank=True)
    asb_type = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-reported_at", "pk"]
        indexes = [models.Index(fields=["district", "reported_at"], name="police_asb_district")]

    def __str__(self) -> str:
        return self.incident_number
