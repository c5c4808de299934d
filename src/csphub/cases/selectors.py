"""Reads of ASB cases, scoped as the case systems share them: a case officer sees the cases
their organisation leads and those shared with it; nobody else sees any (404)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.http import Http404

from csphub.accounts.models import User
from csphub.core.roles import Role

from .models import Case, CaseStatus, Intervention, RiskMatrix


def cases_visible_to(user: User) -> QuerySet[Case]:
    if not user.is_authenticated or not user.has_role(Role.CASE_OFFICER):
        return Case.objects.none()
    if user.organisation_id is None:
        return Case.objects.none()
    mine = Q(lead_organisation_id=user.organisation_id)
    shared = Q(
        pk__in=Case.shared_with.through.objects.filter(organisation_id=user.organisation_id).values(
            "case_id"
        )
    )
    return Case.objects.filter(mine | shared)


def case_for(user: User, reference: str) -> Case:
    """The case if `user` may see it; 404 otherwise, whether or not it exists."""
    case = cases_visible_to(user).filter(reference=reference).first()
    if case is None:
        raise Http404
    return case


def risk_matrix_active() -> RiskMatrix:
    matrix = RiskMatrix.objects.filter(active=True).prefetch_related("questions").first()
    if matrix is None:
        raise RiskMatrix.DoesNotExist("No risk matrix is active: an administrator must set one.")
    return matrix


def interventions_ending(
    user: User, *, today: date, within_days: int = 28
) -> QuerySet[Intervention]:
    """Interventions on the user's open cases ending within `within_days` of today (the
    caseload's reminders), soonest first."""
    return (
        Intervention.objects.filter(
            case__in=cases_visible_to(user).filter(status=CaseStatus.OPEN),
            ends_on__gte=today,
            ends_on__lte=today + timedelta(days=within_days),
        )
        .select_related("case", "type", "subject__person")
        .order_by("ends_on", "pk")
    )


def cases_due_for_review(user: User, *, today: date) -> QuerySet[Case]:
    """The user's open cases whose review is due today or overdue, most overdue first."""
    return (
        cases_visible_to(user)
        .filter(status=CaseStatus.OPEN, next_review_due__lte=today)
        .order_by("next_review_due", "pk")
    )
