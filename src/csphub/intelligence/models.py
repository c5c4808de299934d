"""Community intelligence: what partners submit, and what analysts do with it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Theme(models.Model):
    """An intelligence theme. Data an administrator manages, not an enum in code."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    active = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    RECEIVED = "received", "Received"
    UNDER_ASSESSMENT = "under_assessment", "Under assessment"
    AWAITING_INFORMATION = "awaiting_information", "Awaiting information"
    GRADED = "graded", "Graded"
    CLOSED = "closed", "Closed"


class Outcome(models.TextChoices):
    NO_FURTHER_ACTION = "no_further_action", "No further action"
    ACTIONED = "actioned", "Actioned"
    REFERRED = "referred", "Referred to another agency"


class HowKnown(models.TextChoices):
    FIRST_HAND = "first_hand", "First-hand: I saw or heard it myself"
    SECOND_HAND = "second_hand", "Second-hand: someone told me"
    COMMUNITY_MEMBER = "community_member", "From a member of the community"


class SourceEvaluation(models.TextChoices):
    RELIABLE = "1", "1 – Reliable"
    UNTESTED = "2", "2 – Untested"
    NOT_RELIABLE = "3", "3 – Not reliable"


class IntelligenceAssessment(models.TextChoices):
    KNOWN_DIRECTLY = "A", "A – Known directly to the source"
    CORROBORATED = "B", "B – Known indirectly but corroborated"
    KNOWN_INDIRECTLY = "C", "C – Known indirectly"
    NOT_KNOWN = "D", "D – Not known"
    SUSPECTED_FALSE = "E", "E – Suspected to be false or malicious"


class HandlingCode(models.TextChoices):
    PERMITTED = "P", "P – Lawful sharing permitted"
    CONDITIONS = "C", "C – Lawful sharing permitted with conditions"


class ReferenceCounter(models.Model):
    """The last reference number issued in a year. Incremented inside the submission's
    transaction, so a rolled-back submission gives its number back and none is skipped."""

    year = models.PositiveIntegerField(primary_key=True)
    last_value = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_value}"


class Submission(models.Model):
    reference = models.CharField(max_length=20, unique=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submissions"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    themes = models.ManyToManyField(Theme, related_name="submissions")
    information = models.TextField()

    postcode = models.CharField(max_length=8, blank=True)
    place_description = models.TextField(blank=True)
    district = models.ForeignKey(
        "geography.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    lsoa_code = models.CharField(max_length=9, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    occurred_on = models.DateField(null=True, blank=True)
    occurred_from = models.DateField(null=True, blank=True)
    occurred_to = models.DateField(null=True, blank=True)
    when_description = models.CharField(max_length=500, blank=True)

    how_known = models.CharField(max_length=20, choices=HowKnown.choices)
    may_contact = models.BooleanField()
    source_disclosable = models.BooleanField()

    urgent = models.BooleanField(default=False, db_index=True)
    urgent_reasons = models.TextField(blank=True)

    status = models.CharField(
        max_length=25, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_submissions",
    )
    source_evaluation = models.CharField(max_length=1, choices=SourceEvaluation.choices, blank=True)
    intelligence_assessment = models.CharField(
        max_length=1, choices=IntelligenceAssessment.choices, blank=True
    )
    handling_code = models.CharField(max_length=1, choices=HandlingCode.choices, blank=True)
    handling_conditions = models.TextField(blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="graded_submissions",
    )
    graded_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_notes = models.TextField(blank=True)

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    target_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When it should have been assessed by (intelligence/targets.py).",
    )
    assessed_at = models.DateTimeField(
        null=True, blank=True, help_text="First graded, closed or asked about: the target is met."
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def grading(self) -> str:
        """The 3x5x2 grading as it is written, e.g. 2/B/P."""
        if not (self.source_evaluation and self.intelligence_assessment and self.handling_code):
            return ""
        return f"{self.source_evaluation}/{self.intelligence_assessment}/{self.handling_code}"

    @property
    def awaiting_originator(self) -> bool:
        return self.status == Status.AWAITING_INFORMATION

    def is_overdue(self, now=None) -> bool:
        """Not yet assessed and past its target."""
        if self.assessed_at or self.status == Status.CLOSED or self.target_at is None:
            return False
        return (now or timezone.now()) > self.target_at

    @property
    def overdue(self) -> bool:
        return self.is_overdue()


class PersonRole(models.TextChoices):
    SUBJECT = "subject", "Subject"
    VICTIM = "victim", "Victim"
    WITNESS = "witness", "Witness"
    OTHER = "other", "Other"


class SubmissionPerson(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=10, choices=PersonRole.choices)
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.name or 'name not known'}"


class SubmissionVehicle(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="vehicles")
    registration = models.CharField(max_length=10, blank=True, db_index=True)
    make = models.CharField(max_length=60, blank=True)
    model = models.CharField(max_length=60, blank=True)
    colour = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.registration or f"{self.colour} {self.make} {self.model}".strip()


class IdentifierKind(models.TextChoices):
    PHONE = "phone", "Phone number"
    EMAIL = "email", "Email address"
    SOCIAL = "social", "Social media handle"


class SubmissionIdentifier(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="identifiers")
    kind = models.CharField(max_length=10, choices=IdentifierKind.choices)
    value = models.CharField(max_length=200, db_index=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


class Message(models.Model):
    """The thread between analysts and the originator of a submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    from_analyst = models.BooleanField()
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Message on {self.submission_id} at {self.created_at:%Y-%m-%d %H:%M}"


class AnalystNote(models.Model):
    """Notes for analysts only; never shown to the originator or forums."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Note on {self.submission_id} at {self.created_at:%Y-%m-%d %H:%M}"


class IdempotencyKey(models.Model):
    """Makes a retried API POST return the submission the first attempt created."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    key = models.CharField(max_length=200)
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="unique_idempotency_key")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.key}"


class DigestRun(models.Model):
    """One daily digest sent to analysts: what it covered, so the next starts where it ended."""

    sent_at = models.DateTimeField(default=timezone.now)
    covered_from = models.DateTimeField()
    covered_to = models.DateTimeField()
    recipients = models.PositiveIntegerField(default=0)
    submissions = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-covered_to"]

    def __str__(self) -> str:
        return f"Digest to {self.covered_to:%Y-%m-%d %H:%M}"
