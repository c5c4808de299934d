"""The demo's ASB cases: a few of Charnwood Borough Council's, through the real services and
dated back from today, so that the case officer's caseload has something in every state (a
high-risk case referred to the JAG with a CPW then a CPN and a breach, a medium-risk case
overdue for review, a closed one)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from csphub.accounts.models import User
from csphub.cases import services
from csphub.cases.models import Case, InterventionType
from csphub.cases.selectors import risk_matrix_active
from csphub.geography.models import District

HIGH = {"targeted", "violence", "repeat", "escalating", "fear", "health", "property", "alone"}
MEDIUM = {"repeat", "fear", "health", "children"}


def _answers(yes: set[str]) -> dict[str, bool]:
    return {q.key: q.key in yes for q in risk_matrix_active().questions.all()}


def demo_cases(*, now: datetime, officer: User) -> int:
    """Make the demo cases once; the number made (0 when they exist)."""
    if Case.objects.filter(created_by=officer).exists():
        return 0
    charnwood = District.objects.get(code="E07000130")

    def at(days_ago: float) -> datetime:
        return now - timedelta(days=days_ago)

    harassment = services.case_open(
        actor=officer, title="Harassment of a family on Ash Close", subject_type="household",
        category="personal", asb_type="harassment", district=charnwood,
        location="Ash Close, Loughborough", answers=_answers(HIGH), now=at(40),
    )  # fmt: skip
    services.case_party_add(actor=officer, case=harassment, role="victim",
                            name="Mrs J. Example", now=at(40))  # fmt: skip
    youth = services.case_party_add(
        actor=officer, case=harassment, role="perpetrator", name="A. Example (17)",
        date_of_birth=date(now.year - 17, 3, 1), now=at(40),
    )  # fmt: skip
    for days, what in ((39, "Eggs thrown at the front door"), (30, "Threats shouted at night"),
                       (12, "Bin set alight by the door")):  # fmt: skip
        services.incident_log(
            actor=officer, case=harassment, occurred_at=at(days), reported_at=at(days - 0.2),
            description=what, reported_by="The victim", now=at(days - 0.2),
        )  # fmt: skip
    warning = services.intervention_issue(
        actor=officer, case=harassment, type=InterventionType.objects.get(key="cpw"),
        subject=youth, issued_on=at(28).date(), terms="Not to enter Ash Close",
        ends_on=at(28).date() + timedelta(days=90), now=at(28),
    )  # fmt: skip
    services.breach_record(
        actor=officer, intervention=warning, occurred_on=at(12).date(),
        evidence="Seen on Ash Close by a neighbour", action_taken="Notice served", now=at(11),
    )  # fmt: skip
    services.intervention_issue(
        actor=officer, case=harassment, type=InterventionType.objects.get(key="cpn"),
        subject=youth, issued_on=at(10).date(), terms="Not to enter Ash Close",
        ends_on=at(10).date() + timedelta(days=180), now=at(10),
    )  # fmt: skip

    noise = services.case_open(
        actor=officer, title="Loud music from a flat on Market Street", subject_type="person",
        category="nuisance", asb_type="noise", district=charnwood,
        location="Market Street, Loughborough", answers=_answers(MEDIUM), now=at(45),
    )  # fmt: skip
    services.incident_log(
        actor=officer, case=noise, occurred_at=at(44), reported_at=at(44),
        description="Music until 3am, third weekend running", now=at(44),
    )  # fmt: skip

    graffiti = services.case_open(
        actor=officer, title="Graffiti at the canal underpass", subject_type="place",
        category="environmental", asb_type="graffiti", district=charnwood,
        location="Canal underpass, Loughborough", answers=_answers(set()), now=at(90),
    )  # fmt: skip
    services.case_close(
        actor=officer, case=graffiti, reason="Cleaned, and no more reports for eight weeks",
        victim_satisfaction=4, now=at(20),
    )  # fmt: skip
    return 3
