"""Writes of ASB cases: typed, atomic, audited, each with its line on the case's timeline."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from csphub.accounts.models import Organisation, User
from csphub.audit.services import audit_record
from csphub.core.roles import Role
from csphub.geography.models import District

from . import interventions, risk, sql
from .models import (
    Breach,
    Case,
    CaseEvent,
    CaseParty,
    CaseStatus,
    Category,
    EventKind,
    Incident,
    Intervention,
    InterventionType,
    PartyRole,
    Person,
    RiskAssessment,
    RiskLevel,
    RiskMatrix,
    SubjectType,
)
from .selectors import cases_visible_to, risk_matrix_active

PREFIX = "ASB"


def case_officer_check(user: User) -> None:
    """Only case officers of an organisation work on cases (and on ASB Case Reviews)."""
    if not user.has_role(Role.CASE_OFFICER) or user.organisation_id is None:
        raise ValidationError("Only ASB case officers can do this.")


def _may_work_on(user: User, case: Case) -> None:
    case_officer_check(user)
    if not cases_visible_to(user).filter(pk=case.pk).exists():
        raise ValidationError("This case is not your organisation's, nor shared with it.")


def _event(case: Case, kind: str, text: str, actor: User | None, at: datetime) -> None:
    CaseEvent.objects.create(case=case, kind=kind, text=text[:500], actor=actor, at=at)


@transaction.atomic
def case_open(
    *,
    actor: User,
    title: str,
    subject_type: str,
    category: str,
    district: District,
    answers: Mapping[str, bool | None],
    officer: User | None = None,
    asb_type: str = "",
    location: str = "",
    postcode: str = "",
    lsoa_code: str = "",
    now: datetime | None = None,
) -> Case:
    """Open a case for the actor's organisation with its first risk assessment; a high-risk
    case is referred to its district's JAG at once."""
    case_officer_check(actor)
    now = now or timezone.now()
    errors = {}
    if not title.strip():
        errors["title"] = ["Enter a short title for the case"]
    if subject_type not in SubjectType.values:
        errors["subject_type"] = [
            "Select whether the case is about a person, a household or a place"
        ]
    if category not in Category.values:
        errors["category"] = ["Select the ASB category: personal, environmental or nuisance"]
    if officer is not None and (
        not officer.has_role(Role.CASE_OFFICER) or officer.organisation_id != actor.organisation_id
    ):
        errors["officer"] = ["The case officer must be a case officer of your organisation"]
    if errors:
        raise ValidationError(errors)
    matrix = risk_matrix_active()
    engine = matrix.engine()
    assessment = _assessed(engine, answers)
    assert actor.organisation_id is not None  # _case_officer
    year = timezone.localtime(now).year
    case = Case.objects.create(
        reference=f"{PREFIX}-{year}-{sql.case_counter_next(year):05d}",
        title=title.strip()[:200],
        subject_type=subject_type,
        category=category,
        asb_type=asb_type.strip()[:100],
        district=district,
        location=location.strip()[:300],
        postcode=postcode.strip().upper()[:8],
        lsoa_code=lsoa_code.strip()[:9],
        lead_organisation_id=actor.organisation_id,
        officer=officer or actor,
        opened_at=now,
        created_by=actor,
    )
    _event(case, EventKind.OPENED, f"Case opened by {actor.get_full_name() or actor}", actor, now)
    _assessment_record(
        case, matrix, engine, answers, assessment, actor=actor, now=now, review=False
    )
    audit_record(actor=actor, action="case.opened", obj=case, summary=f"Opened {case.reference}")
    return case


@transaction.atomic
def risk_review(
    *, actor: User, case: Case, answers: Mapping[str, bool | None], now: datetime | None = None
) -> RiskAssessment:
    """A review: the case assessed again with the active matrix. The same level keeps counting
    its reviews (the next interval); a new level starts its own intervals again."""
    _may_work_on(actor, case)
    if case.status != CaseStatus.OPEN:
        raise ValidationError("A closed case is not reviewed.")
    now = now or timezone.now()
    matrix = risk_matrix_active()
    engine = matrix.engine()
    assessment = _assessed(engine, answers)
    case = Case.objects.select_for_update().get(pk=case.pk)
    recorded = _assessment_record(
        case, matrix, engine, answers, assessment, actor=actor, now=now, review=True
    )
    audit_record(
        actor=actor,
        action="case.reviewed",
        obj=case,
        summary=f"Reviewed {case.reference}: {recorded.level} risk ({recorded.score})",
    )
    return recorded


def _assessed(engine: risk.Matrix, answers: Mapping[str, bool | None]) -> risk.Assessment:
    try:
        found = risk.assess(engine, answers)
    except risk.MatrixProblem as problem:
        raise ValidationError(str(problem)) from problem
    if not found.complete:
        raise ValidationError(
            {"answers": [f"Answer every question ({len(found.unanswered)} not answered)"]}
        )
    return found


def _assessment_record(
    case: Case,
    matrix: RiskMatrix,
    engine: risk.Matrix,
    answers: Mapping[str, bool | None],
    found: risk.Assessment,
    *,
    actor: User,
    now: datetime,
    review: bool,
) -> RiskAssessment:
    level = risk.Level(found.level)
    same_level = review and case.risk_level == level.value
    case.reviews_at_level = case.reviews_at_level + 1 if same_level else 0
    due = risk.next_review(
        engine,
        level,
        after=timezone.localtime(now).date(),
        reviews_at_level=case.reviews_at_level,
    )
    was = case.risk_level
    case.risk_level, case.next_review_due = level.value, due
    recorded = RiskAssessment.objects.create(
        case=case,
        matrix=matrix,
        answers=dict(answers),
        score=found.score,
        level=level.value,
        vulnerabilities=list(found.vulnerabilities),
        is_review=review,
        next_review_due=due,
        assessed_by=actor,
        assessed_at=now,
    )
    changed = (
        f", was {RiskLevel(was).label.lower()}" if review and was and was != level.value else ""
    )
    _event(
        case,
        EventKind.REVIEW if review else EventKind.ASSESSMENT,
        f"{RiskLevel(level.value).label} risk, score {found.score}{changed}"
        + (f"; next review {due:%d %B %Y}" if due else "; no scheduled review"),
        actor,
        now,
    )
    if level is risk.Level.HIGH and case.jag_referred_at is None:
        case.jag_referred_at = now
        _event(
            case,
            EventKind.REFERRAL,
            f"High risk: referred to the {case.district.name} JAG",
            None,
            now,
        )
    case.save(
        update_fields=["risk_level", "next_review_due", "reviews_at_level", "jag_referred_at"]
    )
    return recorded


@transaction.atomic
def case_share(
    *, actor: User, case: Case, organisation: Organisation, now: datetime | None = None
) -> None:
    """Share a case with a partner organisation: its case officers then see and work on it.
    Only the lead organisation shares its cases."""
    _may_work_on(actor, case)
    if case.lead_organisation_id != actor.organisation_id:
        raise ValidationError("Only the lead organisation's case officers share a case.")
    if organisation.pk == case.lead_organisation_id:
        raise ValidationError({"organisation": ["The case is already this organisation's"]})
    if case.shared_with.filter(pk=organisation.pk).exists():
        return
    now = now or timezone.now()
    case.shared_with.add(organisation)
    _event(case, EventKind.SHARED, f"Shared with {organisation.name}", actor, now)
    audit_record(
        actor=actor,
        action="case.shared",
        obj=case,
        summary=f"Shared {case.reference} with {organisation.name}",
    )


def _open_case_to_work_on(actor: User, case: Case) -> None:
    _may_work_on(actor, case)
    if case.status != CaseStatus.OPEN:
        raise ValidationError("The case is closed.")


@transaction.atomic
def case_party_add(
    *,
    actor: User,
    case: Case,
    role: str,
    name: str = "",
    person: Person | None = None,
    date_of_birth: date | None = None,
    now: datetime | None = None,
) -> CaseParty:
    """Add someone to the case in a role: a new person by name, or one already in other cases
    (one person, many cases)."""
    _open_case_to_work_on(actor, case)
    if role not in PartyRole.values:
        raise ValidationError({"role": ["Select victim, perpetrator, witness or other"]})
    if person is None:
        if not name.strip():
            raise ValidationError({"name": ["Enter the person's name"]})
        person = Person.objects.create(name=name.strip()[:200], date_of_birth=date_of_birth)
    party, made = CaseParty.objects.get_or_create(case=case, person=person, role=role)
    if made:
        now = now or timezone.now()
        _event(
            case,
            EventKind.PERSON,
            f"{person.name} added as {party.get_role_display().lower()}",
            actor,
            now,
        )
        audit_record(actor=actor, action="case.person_added", obj=case, summary=f"{role} added")
        _repeat_victims_find(case, now)
    return party


@transaction.atomic
def incident_log(
    *,
    actor: User,
    case: Case,
    occurred_at: datetime,
    reported_at: datetime,
    description: str,
    reported_by: str = "",
    police_incident_number: str = "",
    now: datetime | None = None,
) -> Incident:
    _open_case_to_work_on(actor, case)
    now = now or timezone.now()
    errors = {}
    if not description.strip():
        errors["description"] = ["Describe what happened"]
    if occurred_at > now:
        errors["occurred_at"] = ["When it happened must be in the past"]
    if reported_at < occurred_at:
        errors["reported_at"] = [
            "When it was reported must be the same as or after when it happened"
        ]
    elif reported_at > now:
        errors["reported_at"] = ["When it was reported must be in the past"]
    if errors:
        raise ValidationError(errors)
    incident = Incident.objects.create(
        case=case,
        occurred_at=occurred_at,
        reported_at=reported_at,
        description=description.strip(),
        reported_by=reported_by.strip()[:200],
        police_incident_number=police_incident_number.strip().upper()[:40],
        postcode=case.postcode,
        latitude=float(case.latitude) if case.latitude is not None else None,
        longitude=float(case.longitude) if case.longitude is not None else None,
        lsoa_code=case.lsoa_code,
        district=case.district,
        category=case.category,
        logged_by=actor,
        logged_at=now,
    )
    _event(
        case,
        EventKind.INCIDENT,
        f"Incident on {timezone.localtime(occurred_at):%d %B %Y}",
        actor,
        now,
    )
    audit_record(actor=actor, action="case.incident_logged", obj=case, summary="Incident logged")
    _repeat_victims_find(case, now)
    return incident


def repeat_victim_rule() -> tuple[int, int]:
    """(incidents, days): a victim of that many incidents within that many days, in cases of
    one category, is a repeat victim."""
    return settings.CSPHUB_ASB_REPEAT_VICTIM_COUNT, settings.CSPHUB_ASB_REPEAT_VICTIM_DAYS


def _repeat_victims_find(case: Case, now: datetime) -> None:
    """Mark the case's victims who have become repeat victims: their incidents counted across
    every case of the same category they are a victim in, over the rule's last days."""
    count, days = repeat_victim_rule()
    since = now - timedelta(days=days)
    for party in case.parties.filter(role=PartyRole.VICTIM, repeat_victim_at__isnull=True):
        incidents = Incident.objects.filter(
            case__parties__person=party.person,
            case__parties__role=PartyRole.VICTIM,
            case__category=case.category,
            occurred_at__gte=since,
            occurred_at__lte=now,
        ).distinct()
        found = incidents.count()
        if found >= count:
            party.repeat_victim_at = now
            party.save(update_fields=["repeat_victim_at"])
            _event(
                case,
                EventKind.REPEAT_VICTIM,
                f"{party.person.name} is a repeat victim: {found} incidents in {days} days",
                None,
                now,
            )


@transaction.atomic
def case_close(
    *,
    actor: User,
    case: Case,
    reason: str,
    victim_satisfaction: int | None = None,
    now: datetime | None = None,
) -> Case:
    """Close with a reason and, where the victim gave it, their satisfaction (1 to 5)."""
    _open_case_to_work_on(actor, case)
    errors = {}
    if not reason.strip():
        errors["reason"] = ["Give the reason the case is closed"]
    if victim_satisfaction is not None and not 1 <= victim_satisfaction <= 5:
        errors["victim_satisfaction"] = [
            "Satisfaction is from 1 (very dissatisfied) to 5 (very satisfied)"
        ]
    if errors:
        raise ValidationError(errors)
    now = now or timezone.now()
    case.status, case.closed_at = CaseStatus.CLOSED, now
    case.closure_reason, case.victim_satisfaction = reason.strip()[:300], victim_satisfaction
    case.next_review_due = None
    case.save(
        update_fields=[
            "status",
            "closed_at",
            "closure_reason",
            "victim_satisfaction",
            "next_review_due",
        ]
    )
    _event(case, EventKind.CLOSED, f"Closed: {case.closure_reason}", actor, now)
    audit_record(actor=actor, action="case.closed", obj=case, summary=f"Closed {case.reference}")
    return case


def _age_on(born: date | None, day: date) -> int | None:
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@transaction.atomic
def intervention_issue(
    *,
    actor: User,
    case: Case,
    type: InterventionType,
    issued_on: date,
    starts_on: date | None = None,
    ends_on: date | None = None,
    hours: int | None = None,
    extended: bool = False,
    subject: CaseParty | None = None,
    terms: str = "",
    conviction_recorded: bool = False,
    consultation_recorded: bool = False,
    now: datetime | None = None,
) -> Intervention:
    """Record an intervention issued by the actor's organisation, after checking its type's
    rules (cases/interventions.py): a CPN needs a CPW first, a civil injunction is for people
    aged 10 or over and lasts at most 12 months for under-18s, and so on."""
    _open_case_to_work_on(actor, case)
    if subject is not None and (
        subject.case_id != case.pk or subject.role != PartyRole.PERPETRATOR
    ):
        raise ValidationError({"subject": ["Choose a perpetrator in this case"]})
    starts_on = starts_on or issued_on
    had_first = False
    if type.requires_first_id is not None and subject is not None:
        had_first = Intervention.objects.filter(
            type_id=type.requires_first_id, subject__person=subject.person, issued_on__lte=issued_on
        ).exists()
    rules = type.rules()
    found = interventions.problems(
        rules,
        interventions.Proposed(
            issued_on=issued_on,
            starts_on=starts_on,
            ends_on=ends_on,
            hours=hours,
            extended=extended,
            subject_age=_age_on(subject.person.date_of_birth, issued_on) if subject else None,
            has_subject=subject is not None,
            had_first=had_first,
            conviction=conviction_recorded,
            consultation=consultation_recorded,
        ),
    )
    if found:
        raise ValidationError({field: [message] for field, message in found.items()})
    now = now or timezone.now()
    assert actor.organisation is not None
    issued = Intervention.objects.create(
        case=case,
        type=type,
        subject=subject,
        issuing_organisation=actor.organisation,
        issued_on=issued_on,
        starts_on=starts_on,
        ends_on=ends_on,
        hours=hours,
        extended=extended,
        terms=terms.strip(),
        conviction_recorded=conviction_recorded,
        consultation_recorded=consultation_recorded,
        appeal_by=interventions.appeal_by(rules, issued_on),
        issued_by=actor,
        recorded_at=now,
    )
    whom = f" to {subject.person.name}" if subject else ""
    _event(
        case, EventKind.INTERVENTION, f"{type.name[:1].upper()}{type.name[1:]}{whom}", actor, now
    )
    audit_record(actor=actor, action="case.intervention", obj=case, summary=f"{type.key} issued")
    return issued


@transaction.atomic
def breach_record(
    *,
    actor: User,
    intervention: Intervention,
    occurred_on: date,
    evidence: str,
    action_taken: str = "",
    now: datetime | None = None,
) -> Breach:
    case = intervention.case
    _open_case_to_work_on(actor, case)
    now = now or timezone.now()
    errors = {}
    if not evidence.strip():
        errors["evidence"] = ["Describe the evidence of the breach"]
    if occurred_on < intervention.starts_on:
        errors["occurred_on"] = ["A breach cannot happen before the intervention starts"]
    elif occurred_on > timezone.localtime(now).date():
        errors["occurred_on"] = ["The breach must be in the past"]
    elif intervention.ends_on is not None and occurred_on > intervention.ends_on:
        errors["occurred_on"] = ["The intervention had ended by then"]
    if errors:
        raise ValidationError(errors)
    breach = Breach.objects.create(
        intervention=intervention,
        occurred_on=occurred_on,
        evidence=evidence.strip(),
        action_taken=action_taken.strip(),
        recorded_by=actor,
        recorded_at=now,
    )
    _event(case, EventKind.BREACH, f"Breach of the {intervention.type.name}", actor, now)
    audit_record(actor=actor, action="case.breach", obj=case, summary="Breach recorded")
    return breach
