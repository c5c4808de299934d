"""What each rule finds for one new submission: the subjects it touches whose rule is met.

Every count is anchored on the submission's own `created_at`, so evaluating an old submission
again gives the answer it had when it arrived. Each look-up is one indexed query: mentions by
entity (Mention's entity+submission index), submissions by postcode, LSOA or district with
created_at (the indexes of migration 0003), themes through the submission-theme table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q

from csphub.entities.models import Kind, Mention
from csphub.intelligence.models import Submission

from .models import AlertRule, AreaType, RuleKind
from .poisson import RiseTest, rise_test

Member = tuple[int, datetime]  # a submission's id and when it arrived


@dataclass
class Finding:
    rule: AlertRule
    fingerprint: str
    subject: str
    members: list[Member]
    entity_id: int | None = None
    theme_id: int | None = None
    district_id: int | None = None
    area_code: str = ""
    test: RiseTest | None = None
    baseline_count: int = 0
    baseline_days: int = 0  # a theme rise's baseline: the rule's, or the history there is


def meets(rule: AlertRule, finding: Finding, members: list[Member]) -> RiseTest | bool:
    """Whether `members` (all of the finding's, or those since a dismissal) meet the rule; for
    a theme rise, the test on their count."""
    if rule.kind != RuleKind.THEME_RISE:
        return len(members) >= rule.count
    assert rule.baseline_days is not None and rule.alpha is not None
    test = rise_test(
        observed=len(members),
        baseline_count=finding.baseline_count,
        baseline_days=finding.baseline_days or rule.baseline_days,
        days=rule.days,
    )
    return test if test.significant(alpha=rule.alpha, minimum=rule.count) else False


def sector_of(postcode: str) -> str:
    """ "LE11 3AA" -> "LE11 3": the outward code and the inward code's digit."""
    postcode = (postcode or "").strip().upper()
    if " " not in postcode or len(postcode) < 6:
        return ""
    return postcode[:-2]


def findings(submission: Submission, rules: list[AlertRule]) -> list[Finding]:
    found: list[Finding] = []
    by_kind: dict[str, list[AlertRule]] = defaultdict(list)
    for rule in rules:
        by_kind[rule.kind].append(rule)
    if by_kind[RuleKind.ENTITY]:
        found += _entity_findings(submission, by_kind[RuleKind.ENTITY])
    for rule in by_kind[RuleKind.AREA]:
        finding = _area_finding(submission, rule)
        if finding is not None:
            found.append(finding)
    if by_kind[RuleKind.THEME_RISE] and submission.district_id is not None:
        themes = dict(submission.themes.values_list("pk", "name"))
        for rule in by_kind[RuleKind.THEME_RISE]:
            found += _theme_findings(submission, rule, themes)
    return found


def _entity_findings(submission: Submission, rules: list[AlertRule]) -> list[Finding]:
    # Common values (a switchboard, "Unknown male") never alert.
    mentioned = {
        entity_id: (kind, label)
        for entity_id, kind, label in Mention.objects.filter(
            submission_id=submission.pk, entity__common=False
        )
        .order_by()
        .values_list("entity_id", "entity__kind", "entity__label")
        .distinct()
    }
    wanted = {
        entity_id
        for entity_id, (kind, _) in mentioned.items()
        if any(kind in _kinds(rule) for rule in rules)
    }
    if not wanted:
        return []
    now = submission.created_at
    since = now - timedelta(days=max(rule.days for rule in rules))
    seen: dict[int, set[Member]] = defaultdict(set)
    for entity_id, submission_id, created in Mention.objects.filter(
        entity_id__in=wanted, submission__created_at__gte=since, submission__created_at__lte=now
    ).values_list("entity_id", "submission_id", "submission__created_at"):
        seen[entity_id].add((submission_id, created))
    found = []
    for rule in rules:
        start = now - timedelta(days=rule.days)
        for entity_id in sorted(wanted):
            kind, label = mentioned[entity_id]
            members = sorted(m for m in seen[entity_id] if m[1] >= start)
            if kind in _kinds(rule) and len(members) >= rule.count:
                found.append(
                    Finding(
                        rule=rule,
                        fingerprint=f"{rule.pk}:entity:{entity_id}",
                        subject=f"{Kind(kind).label}: {label}"[:300],
                        members=members,
                        entity_id=entity_id,
                        district_id=submission.district_id,
                    )
                )
    return found


def _kinds(rule: AlertRule) -> set[str]:
    return set(rule.entity_kinds or [k for k in Kind.values if k != Kind.POSTCODE])


def _area_finding(submission: Submission, rule: AlertRule) -> Finding | None:
    now = submission.created_at
    window = Submission.objects.filter(
        created_at__gte=now - timedelta(days=rule.days), created_at__lte=now
    )
    if rule.area_type == AreaType.SECTOR:
        code = sector_of(submission.postcode)
        if not code:
            return None
        # Normalised postcodes are "OUT INW": the sector is all but the last two letters.
        window = window.filter(postcode__startswith=code)
        subject = f"Postcode sector {code}"
    else:
        code = submission.lsoa_code
        if not code:
            return None
        window = window.filter(lsoa_code=code)
        subject = f"LSOA {code}"
    members = sorted(window.values_list("pk", "created_at"))
    if len(members) < rule.count:
        return None
    return Finding(
        rule=rule,
        fingerprint=f"{rule.pk}:{rule.area_type}:{code}",
        subject=subject,
        members=members,
        district_id=submission.district_id,
        area_code=code,
    )


def _theme_findings(
    submission: Submission, rule: AlertRule, themes: dict[int, str]
) -> list[Finding]:
    assert rule.baseline_days is not None and rule.alpha is not None
    district_id = submission.district_id
    assert district_id is not None
    now = submission.created_at
    recent_start = now - timedelta(days=rule.days)
    baseline_days = history_days(district_id, before=recent_start, at_most=rule.baseline_days)
    if baseline_days < rule.days:
        return []  # not enough history to know what is usual: a new partnership's first weeks
    through = Submission.themes.through
    rows = (
        through.objects.filter(
            theme_id__in=list(themes),
            submission__district_id=district_id,
            submission__created_at__gte=recent_start - timedelta(days=rule.baseline_days),
            submission__created_at__lte=now,
        )
        .values("theme_id")
        .annotate(
            recent=Count("submission_id", filter=Q(submission__created_at__gte=recent_start)),
            baseline=Count("submission_id", filter=Q(submission__created_at__lt=recent_start)),
        )
    )
    district = submission.district.name if submission.district else "the district"
    found = []
    for row in rows:
        test = rise_test(
            observed=row["recent"],
            baseline_count=row["baseline"],
            baseline_days=baseline_days,
            days=rule.days,
        )
        if not test.significant(alpha=rule.alpha, minimum=rule.count):
            continue
        theme_id = row["theme_id"]
        members = sorted(
            through.objects.filter(
                theme_id=theme_id,
                submission__district_id=district_id,
                submission__created_at__gte=recent_start,
                submission__created_at__lte=now,
            ).values_list("submission_id", "submission__created_at")
        )
        found.append(
            Finding(
                rule=rule,
                fingerprint=f"{rule.pk}:theme:{theme_id}:district:{submission.district_id}",
                subject=f"{themes[theme_id]} in {district}"[:300],
                members=members,
                theme_id=theme_id,
                district_id=submission.district_id,
                test=test,
                baseline_count=row["baseline"],
                baseline_days=baseline_days,
            )
        )
    return found


def history_days(district_id: int, *, before: datetime, at_most: int) -> int:
    """Whole days of the district's reports before `before`, at most `at_most`: the baseline a
    theme rise is measured against. A partnership that started using CSP Hub last month has a
    month of history, not six empty months (which would make three reports of any theme a
    significant rise)."""
    first = (
        Submission.objects.filter(district_id=district_id, created_at__lt=before)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if first is None:
        return 0
    return min(at_most, int((before - first).total_seconds() // 86400))
