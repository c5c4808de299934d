"""The ASB Case Review (the Community Trigger): applications, whether their complaints meet
the threshold, the decision, the review meeting and its recommendations, the appeal, and the
figures a council publishes each year. Typed, atomic, audited, as the other services."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from csphub.accounts.models import User
from csphub.audit.services import audit_record
from csphub.core.roles import Role
from csphub.geography.models import District
from csphub.intelligence.targets import add_working_days

from .models import CaseReview, CaseReviewComplaint, CaseReviewOutcome, Incident
from .services import case_officer_check


@dataclass(frozen=True)
class Complaint:
    agency: str
    reported_on: date
    incident_on: date
    summary: str = ""
    incident: Incident | None = None


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the last of a shorter month)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def qualifying_complaints(complaints: Sequence[Complaint], *, received_on: date) -> int:
    """Complaints reported in the months before the application, one per incident: reports of
    one incident (the same recorded incident, or the same day when none is recorded) to several
    agencies count once."""
    since = months_before(received_on, settings.CSPHUB_ASB_REVIEW_MONTHS)
    incidents = {
        ("incident", c.incident.pk) if c.incident is not None else ("day", c.incident_on)
        for c in complaints
        if since <= c.reported_on <= received_on
    }
    return len(incidents)


def case_reviews_visible_to(user: User) -> QuerySet[CaseReview]:
    if not user.has_role(Role.CASE_OFFICER) or user.organisation_id is None:
        return CaseReview.objects.none()
    return CaseReview.objects.filter(organisation_id=user.organisation_id)


@transaction.atomic
def case_review_apply(
    *,
    actor: User,
    applicant: str,
    district: District,
    received_on: date,
    complaints: Sequence[Complaint],
    on_behalf_of: str = "",
) -> CaseReview:
    """Record an application and whether its complaints meet the threshold; the decision is
    due within the configured working days of receipt."""
    case_officer_check(actor)
    errors = {}
    if not applicant.strip():
        errors["applicant"] = ["Enter who applied"]
    if any(c.reported_on < c.incident_on for c in complaints):
        errors["complaints"] = ["A complaint cannot be reported before its incident happened"]
    if errors:
        raise ValidationError(errors)
    counted = qualifying_complaints(complaints, received_on=received_on)
    start = datetime(received_on.year, received_on.month, received_on.day, 12, tzinfo=UTC)
    due = add_working_days(start, settings.CSPHUB_ASB_REVIEW_DECISION_WORKING_DAYS).date()
    assert actor.organisation_id is not None
    review = CaseReview.objects.create(
        organisation_id=actor.organisation_id,
        district=district,
        applicant=applicant.strip()[:200],
        on_behalf_of=on_behalf_of.strip()[:200],
        received_on=received_on,
        qualifying_complaints=counted,
        threshold_met=counted >= settings.CSPHUB_ASB_REVIEW_COMPLAINTS,
        decision_due=due,
        recorded_by=actor,
    )
    CaseReviewComplaint.objects.bulk_create(
        CaseReviewComplaint(
            review=review,
            agency=c.agency.strip()[:200],
            reported_on=c.reported_on,
            incident_on=c.incident_on,
            incident=c.incident,
            summary=c.summary.strip()[:300],
        )
        for c in complaints
    )
    audit_record(actor=actor, action="case_review.applied", obj=review, summary=applicant[:100])
    return review


@transaction.atomic
def case_review_decide(
    *, actor: User, review: CaseReview, decided_on: date, reason: str = ""
) -> CaseReview:
    """The decision follows the threshold: met, a review is held; not met, the applicant is
    told why (a reason is then required)."""
    case_officer_check(actor)
    if review.organisation_id != actor.organisation_id:
        raise ValidationError("This application is another organisation's.")
    if review.outcome != CaseReviewOutcome.PENDING:
        raise ValidationError("This application has been decided.")
    if decided_on < review.received_on:
        raise ValidationError({"decided_on": ["The decision cannot come before the application"]})
    if not review.threshold_met and not reason.strip():
        raise ValidationError({"reason": ["Say why the threshold is not met"]})
    review.decided_on, review.decision_reason = decided_on, reason.strip()
    review.outcome = (
        CaseReviewOutcome.REVIEW if review.threshold_met else CaseReviewOutcome.THRESHOLD_NOT_MET
    )
    review.save(update_fields=["decided_on", "decision_reason", "outcome"])
    audit_record(actor=actor, action="case_review.decided", obj=review, summary=review.outcome)
    return review


@transaction.atomic
def case_review_meeting(
    *, actor: User, review: CaseReview, held_on: date, recommendations: Sequence[str]
) -> CaseReview:
    case_officer_check(actor)
    if review.organisation_id != actor.organisation_id:
        raise ValidationError("This application is another organisation's.")
    if review.outcome != CaseReviewOutcome.REVIEW:
        raise ValidationError("A review meeting follows a decision that the threshold is met.")
    if review.decided_on is not None and held_on < review.decided_on:
        raise ValidationError({"held_on": ["The meeting cannot come before the decision"]})
    review.meeting_on, review.outcome = held_on, CaseReviewOutcome.REVIEWED
    review.recommendations = [r.strip() for r in recommendations if r.strip()]
    review.save(update_fields=["meeting_on", "outcome", "recommendations"])
    audit_record(actor=actor, action="case_review.reviewed", obj=review, summary="Reviewed")
    return review


@transaction.atomic
def case_review_appeal(
    *, actor: User, review: CaseReview, received_on: date, outcome: str = ""
) -> CaseReview:
    case_officer_check(actor)
    if review.organisation_id != actor.organisation_id:
        raise ValidationError("This application is another organisation's.")
    if review.decided_on is None or received_on < review.decided_on:
        raise ValidationError({"received_on": ["An appeal follows the decision"]})
    review.appeal_received_on, review.appeal_outcome = received_on, outcome.strip()[:300]
    review.save(update_fields=["appeal_received_on", "appeal_outcome"])
    audit_record(actor=actor, action="case_review.appealed", obj=review, summary="Appeal")
    return review


def case_review_figures(user: User, year: int) -> dict[str, int]:
    """What a council publishes for the year (applications received in it): applications, the
    number where the threshold was not met, reviews carried out, and reviews that led to
    recommendations."""
    received = case_reviews_visible_to(user).filter(received_on__year=year)
    return {
        "applications": received.count(),
        "threshold_not_met": received.filter(outcome=CaseReviewOutcome.THRESHOLD_NOT_MET).count(),
        "reviews": received.filter(outcome=CaseReviewOutcome.REVIEWED).count(),
        "with_recommendations": received.filter(outcome=CaseReviewOutcome.REVIEWED)
        .exclude(recommendations=[])
        .count(),
    }
