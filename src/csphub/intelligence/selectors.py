"""Reads for community intelligence, scoped to what the user may see.

A submission is visible in full to its originator and to analysts; to anyone else it does not
exist (views answer 404).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from csphub.accounts.models import User
from csphub.audit.models import AuditEvent
from csphub.core.cache import ReferenceData
from csphub.core.roles import Role

from .models import AnalystNote, Message, Status, Submission, Theme


def themes_active() -> QuerySet[Theme]:
    return Theme.objects.filter(active=True).order_by("order", "name")


_active_themes = ReferenceData(
    "active-themes", lambda: {t.slug: t for t in Theme.objects.filter(active=True)}, models=(Theme,)
)


def reference_data_connect() -> None:
    """Connect the per-process copy of the themes to the model signals that drop it."""
    _active_themes.connect_signals()


def active_themes_by_slug() -> dict[str, Theme]:
    """Active themes by slug, from a per-process copy (csphub.core.cache). Read only."""
    return _active_themes.get()


def submissions_for_originator(*, user: User) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(submitted_by=user)
        .select_related("district")
        .prefetch_related("themes")
        .order_by("-created_at", "-id")
    )


def originator_unanswered_count(*, user: User) -> int:
    return Submission.objects.filter(submitted_by=user, status=Status.AWAITING_INFORMATION).count()


def submission_for_originator(*, user: User, reference: str) -> Submission:
    try:
        return (
            Submission.objects.select_related("district", "organisation")
            .prefetch_related("themes", "people", "vehicles", "identifiers")
            .get(reference=reference, submitted_by=user)
        )
    except Submission.DoesNotExist:
        raise Http404 from None


def submission_for_analyst(*, user: User, reference: str) -> Submission:
    if not user.has_role(Role.ANALYST):
        raise Http404
    try:
        return (
            Submission.objects.select_related(
                "district", "organisation", "submitted_by", "assigned_to", "graded_by"
            )
            .prefetch_related("themes", "people", "vehicles", "identifiers")
            .get(reference=reference)
        )
    except Submission.DoesNotExist:
        raise Http404 from None


def submission_visible_to(*, user: User, reference: str) -> Submission:
    """The full submission for its originator or an analyst; 404 for anyone else."""
    if user.has_role(Role.ANALYST):
        return submission_for_analyst(user=user, reference=reference)
    return submission_for_originator(user=user, reference=reference)


def thread_for(submission: Submission) -> QuerySet[Message]:
    return submission.messages.select_related("author").order_by("created_at", "id")


@dataclass
class QueueFilters:
    status: str = ""
    theme: str = ""
    district: str = ""
    urgent: str = ""  # "yes", "no" or ""
    assigned: str = ""  # "me", "none" or ""
    overdue: str = ""  # "yes" or ""
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""


def _filter_by_fields(qs: QuerySet[Submission], filters: QueueFilters) -> QuerySet[Submission]:
    """The filters that match a field: status, theme, district, dates and reference."""
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.theme:
        qs = qs.filter(themes__slug=filters.theme)
    if filters.district:
        qs = qs.filter(district__slug=filters.district)
    if filters.date_from:
        qs = qs.filter(created_at__date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(created_at__date__lte=filters.date_to)
    if filters.q:
        qs = qs.filter(Q(reference__icontains=filters.q.strip()))
    return qs


def _filter_by_state(
    qs: QuerySet[Submission], filters: QueueFilters, user: User
) -> QuerySet[Submission]:
    """The yes/no filters: urgent, assigned (to me or nobody), overdue."""
    if filters.urgent in ("yes", "no"):
        qs = qs.filter(urgent=filters.urgent == "yes")
    if filters.assigned == "me":
        qs = qs.filter(assigned_to=user)
    elif filters.assigned == "none":
        qs = qs.filter(assigned_to__isnull=True)
    if filters.overdue == "yes":
        qs = overdue(qs)
    return qs


def triage_queue(*, user: User, filters: QueueFilters) -> QuerySet[Submission]:
    if not user.has_role(Role.ANALYST):
        return Submission.objects.none()
    qs = Submission.objects.select_related(
        "district", "assigned_to", "organisation"
    ).prefetch_related("themes")
    qs = _filter_by_state(_filter_by_fields(qs, filters), filters, user)
    # Open urgent work first (closed urgent items need no attention), then newest first.
    open_urgent = Case(
        When(Q(urgent=True) & ~Q(status=Status.CLOSED), then=Value(1)), default=Value(0)
    )
    return (
        qs.distinct()
        .annotate(open_urgent=open_urgent)
        .order_by("-open_urgent", "-created_at", "-id")
    )


def overdue(qs: QuerySet[Submission] | None = None) -> QuerySet[Submission]:
    """Past their target and not yet assessed (graded, closed or asked about)."""
    qs = Submission.objects.all() if qs is None else qs
    return qs.filter(assessed_at__isnull=True, target_at__lt=timezone.now()).exclude(
        status=Status.CLOSED
    )


def queue_counts() -> dict[str, int]:
    rows = Submission.objects.values("status").annotate(n=Count("id"))
    counts = {status: 0 for status in Status.values}
    counts.update({row["status"]: row["n"] for row in rows})
    counts["urgent_open"] = (
        Submission.objects.filter(urgent=True).exclude(status=Status.CLOSED).count()
    )
    counts["overdue"] = overdue().count()
    return counts


@dataclass(frozen=True)
class StatusStep:
    label: str
    at: datetime


_ORIGINATOR_LABELS = {
    Status.RECEIVED: "Received",
    Status.UNDER_ASSESSMENT: "Being assessed",
    Status.AWAITING_INFORMATION: "Question for you",
    Status.GRADED: "Assessed and graded",
    Status.CLOSED: "Closed",
}


def status_history(submission: Submission) -> list[StatusStep]:
    """Every status the submission has had, oldest first, from the audit trail, so a step such
    as "graded" stays in view when a question follows it. Names and gradings are left out: this
    is what the originator sees."""
    steps = [StatusStep(_ORIGINATOR_LABELS[Status.RECEIVED], submission.created_at)]
    events = (
        AuditEvent.objects.filter(object_type="submission", object_id=submission.reference)
        .exclude(action="viewed")
        .order_by("at", "id")
        .only("at", "changes")
    )
    for event in events:
        change = (event.changes or {}).get("status")  # [before, after]
        if isinstance(change, list) and len(change) == 2 and change[1] in _ORIGINATOR_LABELS:
            steps.append(StatusStep(_ORIGINATOR_LABELS[change[1]], event.at))
    return steps


def analysts() -> QuerySet[User]:
    return User.objects.filter(roles__role=Role.ANALYST, is_active=True).order_by(
        "full_name", "username"
    )


@dataclass(frozen=True)
class PictureRow:
    name: str
    count: int
    previous: int


@dataclass(frozen=True)
class IntelligencePicture:
    """How many reports came in, by theme and district, against the period before: counts only,
    never what was written (for papers that go beyond the analysts)."""

    start: date
    end: date  # exclusive
    total: int
    previous_total: int
    urgent: int
    by_theme: list[PictureRow]
    by_district: list[PictureRow]


def intelligence_picture(
    *, start: date, end: date, districts: list | None = None
) -> IntelligencePicture:
    """Counts of submissions received from `start` to before `end`, and in the same length of
    time before. A report with several themes counts once under each. `districts` (District
    objects) are listed by name; reports elsewhere or with no district are one row."""
    from datetime import datetime as dt

    from csphub.geography.models import District

    tz = timezone.get_current_timezone()
    span = end - start
    bounds = {"now": (start, end), "before": (start - span, start)}
    counts: dict[str, dict] = {}
    for key, (low, high) in bounds.items():
        received = Submission.objects.filter(
            created_at__gte=dt.combine(low, dt.min.time(), tz),
            created_at__lt=dt.combine(high, dt.min.time(), tz),
        )
        counts[key] = {
            "total": received.count(),
            "urgent": received.filter(urgent=True).count(),
            "themes": dict(
                received.values_list("themes__name").annotate(n=Count("id", distinct=True))
            ),
            "districts": dict(received.values_list("district_id").annotate(n=Count("id"))),
        }
    listed = districts if districts is not None else list(District.objects.filter(in_county=True))
    listed_ids = {d.pk for d in listed}
    by_district = [
        PictureRow(
            d.name,
            counts["now"]["districts"].get(d.pk, 0),
            counts["before"]["districts"].get(d.pk, 0),
        )
        for d in listed
    ]
    other_now = sum(n for k, n in counts["now"]["districts"].items() if k not in listed_ids)
    other_before = sum(n for k, n in counts["before"]["districts"].items() if k not in listed_ids)
    if other_now or other_before:
        by_district.append(PictureRow("Elsewhere or not known", other_now, other_before))
    by_theme = [
        PictureRow(
            t.name,
            counts["now"]["themes"].get(t.name, 0),
            counts["before"]["themes"].get(t.name, 0),
        )
        for t in Theme.objects.order_by("order", "name")
        if t.active or counts["now"]["themes"].get(t.name) or counts["before"]["themes"].get(t.name)
    ]
    return IntelligencePicture(
        start=start,
        end=end,
        total=counts["now"]["total"],
        previous_total=counts["before"]["total"],
        urgent=counts["now"]["urgent"],
        by_theme=by_theme,
        by_district=by_district,
    )


def submission_history(submission: Submission) -> QuerySet[AuditEvent]:
    """Everything done to a submission, oldest first, for the analysts (views left out)."""
    return (
        AuditEvent.objects.filter(object_id=submission.reference)
        .exclude(action="viewed")
        .order_by("at", "id")
    )


def notes_for(submission: Submission) -> QuerySet[AnalystNote]:
    """The analysts' notes on a submission, with their authors."""
    return submission.notes.select_related("author")


def themes_with_slugs(slugs: list[str]) -> QuerySet[Theme]:
    """Themes by slug, active or not (what a draft chose)."""
    return Theme.objects.filter(slug__in=slugs)


def themes_all() -> QuerySet[Theme]:
    """Every theme, retired ones included, for administrators."""
    return Theme.objects.all()


def covered_district_names(*, user: User) -> list[str]:
    """The districts an analyst covers for urgent alerts (none: the whole partnership)."""
    return [c.district.name for c in user.analyst_coverage.select_related("district")]
