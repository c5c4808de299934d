"""Reads for sanitised intelligence, scoped to what the user may see.

Forum members see the newest approved version of each submission in their forums' districts;
analysts may read any. Anyone else, and anything not yet approved, does not exist (404).

Pages and the API show a `SanitisedItem`, never the submission itself, so a template cannot
reach the full text or the structured details (people, vehicles, identifiers, the submitter).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from csphub.accounts.models import User
from csphub.core.roles import Role
from csphub.geography.models import District
from csphub.intelligence.models import Submission, Theme

from .models import SanitisedVersion


@dataclass(frozen=True)
class SanitisedItem:
    """What a forum may know about one piece of intelligence: the approved text and safe
    metadata."""

    reference: str
    version: int
    text: str
    themes: list[Theme]
    district: District | None
    received_at: datetime
    grading: str
    approved_at: datetime


def _latest_versions() -> QuerySet[SanitisedVersion]:
    newest = (
        SanitisedVersion.objects.filter(submission=OuterRef("submission"))
        .order_by("-version")
        .values("version")[:1]
    )
    return SanitisedVersion.objects.filter(version=Subquery(newest))


def _with_safe_relations(qs: QuerySet[SanitisedVersion]) -> QuerySet[SanitisedVersion]:
    return (
        qs.select_related("district", "submission")
        .only(
            "id",
            "version",
            "text",
            "approved_at",
            "district",
            "submission__id",
            "submission__reference",
            "submission__created_at",
            "submission__source_evaluation",
            "submission__intelligence_assessment",
            "submission__handling_code",
        )
        .prefetch_related("submission__themes")
    )


def sanitised_item(version: SanitisedVersion) -> SanitisedItem:
    submission = version.submission
    return SanitisedItem(
        reference=submission.reference,
        version=version.version,
        text=version.text,
        themes=sorted(submission.themes.all(), key=lambda t: (t.order, t.name)),
        district=version.district,
        received_at=submission.created_at,
        grading=submission.grading,
        approved_at=version.approved_at,
    )


def forum_districts(*, user: User) -> QuerySet[District]:
    return District.objects.filter(pk__in=user.forum_district_ids).order_by("name")


def forum_intelligence(
    *,
    user: User,
    district: District | str | None = None,
    theme: Theme | str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[SanitisedVersion]:
    """The newest approved version of each submission in the user's forums' districts, newest
    received first. `district` and `theme` are a model or its slug; the dates bound when the
    intelligence was received."""
    districts = user.forum_district_ids
    if not districts:
        return SanitisedVersion.objects.none()
    qs = _latest_versions().filter(district_id__in=districts)
    if district:
        qs = qs.filter(district__slug=getattr(district, "slug", district))
    if theme:
        qs = qs.filter(submission__themes__slug=getattr(theme, "slug", theme))
    if date_from:
        qs = qs.filter(submission__created_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(submission__created_at__date__lte=date_to)
    return _with_safe_relations(qs.distinct()).order_by("-submission__created_at", "-id")


def sanitised_for_forum_member(*, user: User, reference: str) -> SanitisedVersion:
    """The newest approved version for a forum member of its district, or for an analyst; 404
    otherwise."""
    version = (
        _with_safe_relations(SanitisedVersion.objects.filter(submission__reference=reference))
        .order_by("-version")
        .first()
    )
    if version is None:
        raise Http404
    if user.has_role(Role.ANALYST):
        return version
    if version.district_id is not None and version.district_id in user.forum_district_ids:
        return version
    raise Http404


def sanitised_versions_for_analyst(
    *, user: User, submission: Submission
) -> QuerySet[SanitisedVersion]:
    """Every approved version of a submission, newest first (its history), for analysts."""
    if not user.has_role(Role.ANALYST):
        return SanitisedVersion.objects.none()
    return (
        SanitisedVersion.objects.filter(submission=submission)
        .select_related("approved_by", "district")
        .order_by("-version")
    )


def latest_sanitised_version_for_analyst(
    *, user: User, submission: Submission
) -> SanitisedVersion | None:
    """The newest approved version of a submission, for analysts; None for anyone else."""
    return sanitised_versions_for_analyst(user=user, submission=submission).first()
