"""What the one ASB count page reads: the newest run, the pairs to review that the user may
see, and, when only street-level police data is held, the two sources side by side."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet, Sum

from csphub.accounts.models import User
from csphub.cases.models import Incident, PoliceAsbIncident
from csphub.cases.selectors import cases_visible_to
from csphub.core.roles import Role
from csphub.geography.models import District
from csphub.performance.models import CrimeCount, Lsoa

from .models import Link, LinkRun

STREET_LEVEL_ASB = "Anti-social behaviour"


def link_run_latest() -> LinkRun | None:
    return LinkRun.objects.filter(finished_at__isnull=False).first()


def pairs_to_review(user: User, run: LinkRun, *, limit: int = 100) -> QuerySet[Link]:
    """The uncertain pairs whose case incident the user may see: a case officer's own
    organisation's cases and those shared with it; nobody else sees incident-level pairs."""
    if not user.has_role(Role.CASE_OFFICER):
        return Link.objects.none()
    return (
        Link.objects.filter(run=run, uncertain=True, case_incident__case__in=cases_visible_to(user))
        .select_related("police_incident", "case_incident__case")
        .order_by("-match_probability")[:limit]
    )


@dataclass
class SideBySide:
    district: str
    street_level: int
    cases: int


def sources_side_by_side() -> tuple[list[SideBySide], str]:
    """Street-level ASB (data.police.uk) and case-managed incidents per district, with the
    months the street-level data covers. They are shown apart, never added up."""
    rows = CrimeCount.objects.filter(category=STREET_LEVEL_ASB)
    months = rows.values_list("month", flat=True).distinct().order_by("month")
    span = ""
    if months:
        first, last = months.first(), months.last()
        assert first is not None and last is not None
        span = f"{first:%B %Y} to {last:%B %Y}"
    by_lsoa = dict(rows.values("lsoa_code").annotate(n=Sum("count")).values_list("lsoa_code", "n"))
    district_of = dict(
        Lsoa.objects.filter(code__in=list(by_lsoa)).values_list("code", "district_code")
    )
    street = Counter[str]()
    for lsoa, count in by_lsoa.items():
        street[district_of.get(lsoa, "")] += count
    cases = Counter(Incident.objects.values_list("district__code", flat=True))
    districts = District.objects.order_by("-in_county", "name")
    out = [SideBySide(d.name, street[d.code], cases[d.code]) for d in districts]
    return [row for row in out if row.street_level or row.cases], span


def police_incidents_held() -> bool:
    return PoliceAsbIncident.objects.exists()
