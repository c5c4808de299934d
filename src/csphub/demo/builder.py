"""`csphub load-demo`: a deterministic, realistic demo of the partnership.

`plan_submissions` is pure: from a seed, a moment and the postcodes available it decides every
synthetic submission and what analysts later do with it. `load_demo` creates the organisations,
the demo accounts and the postcodes, imports the support directory, then replays the plan
through the real services (`submission_create`, `submission_assign`, `message_send`,
`note_add`, `submission_grade`, `submission_close`), so reference numbers, urgency flags and
the audit trail are the real thing. A share of the graded submissions is then sanitised with
the redaction engine and approved for the district's forum (`sanitised_version_approve`).

Services stamp grading, closing, messages and notes with the current time; the loader moves
those domain timestamps back to the planned moments afterwards. Audit events are append-only
and keep the time the demo was loaded.
"""

from __future__ import annotations

import io
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from csphub import sanitise
from csphub.accounts.models import Organisation, User
from csphub.accounts.services import user_set_roles
from csphub.entities.models import Mention
from csphub.entities.services import submission_link
from csphub.forums.models import SanitisedVersion
from csphub.geography.models import District, Postcode
from csphub.geography.services import postcodes_import
from csphub.intelligence.models import AnalystNote, Message, Status, Submission, Theme
from csphub.intelligence.services import (
    SubmissionInput,
    message_send,
    note_add,
    submission_assign,
    submission_close,
    submission_create,
    submission_grade,
)
from csphub.performance.importers.shared_data import shared_data_dir
from csphub.redaction import proposals as forum_proposals
from csphub.redaction.services import sanitised_version_approve

from . import content as c
from .cases import demo_cases
from .clusters import cluster_drafts


class Writer(Protocol):
    """Where progress goes: a command's stdout or any text stream."""

    def write(self, text: str, /) -> object: ...


DEFAULT_SEED = 2026
DEFAULT_SUBMISSIONS = 400
FIXTURE_POSTCODES = Path(__file__).resolve().parent / "data" / "postcodes-demo.csv"
# The seven county districts' Census 2021 populations (docs/domain.md, "The partnership and its
# areas"), set where missing.
CENSUS_2021 = {
    code: population for code, population in c.DISTRICT_WEIGHTS.items() if code.startswith("E07")
}


# ---- The plan ----------------------------------------------------------------------------


@dataclass
class Event:
    at: datetime
    kind: str  # assign, note, ask, reply, grade, close
    actor: str  # username
    data: dict = field(default_factory=dict)


@dataclass
class PlannedSubmission:
    created_at: datetime
    submitter: str
    district_code: str
    urgent: bool
    data: dict  # SubmissionInput's fields
    events: list[Event] = field(default_factory=list)


def _organisations() -> dict[str, tuple[str, str | None]]:
    return {name: (kind, district) for name, kind, district in c.ORGANISATIONS}


def _submitters() -> list[c.DemoPerson]:
    return [p for p in c.DEMO_ACCOUNTS + c.PARTNER_STAFF if "submitter" in p.roles]


def _analysts() -> list[c.DemoPerson]:
    return [p for p in c.DEMO_ACCOUNTS + c.PARTNER_STAFF if "analyst" in p.roles]


def _allocate(weights: dict[str, int], count: int, minimum: int) -> list[str]:
    """Largest-remainder allocation of `count` slots by weight, at least `minimum` each."""
    keys = sorted(weights)
    minimum = minimum if count >= minimum * len(keys) else 0
    spare = count - minimum * len(keys)
    total = sum(weights.values())
    exact = {k: spare * weights[k] / total for k in keys}
    counts = {k: minimum + int(exact[k]) for k in keys}
    for k in sorted(keys, key=lambda k: exact[k] - int(exact[k]), reverse=True)[
        : count - sum(counts.values())
    ]:
        counts[k] += 1
    return [k for k in keys for _ in range(counts[k])]


def _working(moment: datetime, rng: random.Random) -> datetime:
    """Move a moment into office hours (Monday to Friday, 8am to 6pm)."""
    if moment.hour >= 18:
        moment = (moment + timedelta(days=1)).replace(hour=8, minute=rng.randint(30, 59))
    elif moment.hour < 8:
        moment = moment.replace(hour=8, minute=rng.randint(30, 59))
    while moment.weekday() >= 5:
        moment = (moment + timedelta(days=1)).replace(hour=9, minute=rng.randint(0, 45))
    return moment


def _created_times(seed: int, count: int, now: datetime) -> list[datetime]:
    """Moments over the last two years, a little busier lately, with some in the last three
    weeks."""
    recent = max(3, round(count * 0.08))
    times = []
    for i in range(count):
        rng = random.Random(f"{seed}:created:{i}")
        if i < recent:
            days_ago = rng.uniform(0.2, 7) if i % 2 else rng.uniform(7, 21)
        elif rng.random() < 0.6:
            days_ago = rng.uniform(21, 730)
        else:
            days_ago = rng.triangular(21, 730, 21)
        moment = now - timedelta(days=days_ago)
        if rng.random() < 0.8:  # most reports are written at work
            moment = _working(
                moment.replace(hour=rng.randint(9, 16), minute=rng.randint(0, 59)), rng
            )
        else:
            moment = moment.replace(hour=rng.randint(17, 21), minute=rng.randint(0, 59))
        moment = moment.replace(second=rng.randint(0, 59), microsecond=0)
        while moment > now - timedelta(minutes=30):
            moment -= timedelta(days=1)
        times.append(moment)
    return sorted(times)


def _waking(moment: datetime, rng: random.Random) -> datetime:
    """Move a moment out of the small hours (partners reply between 7am and 10pm)."""
    if moment.hour >= 22:
        moment = (moment + timedelta(days=1)).replace(hour=7, minute=rng.randint(30, 59))
    elif moment.hour < 7:
        moment = moment.replace(hour=rng.randint(7, 8), minute=rng.randint(0, 59))
    return moment


def _pick_submitter(
    rng: random.Random, district: str, wanted_types: tuple[str, ...]
) -> c.DemoPerson:
    orgs = _organisations()
    covering = [p for p in _submitters() if orgs[p.organisation][1] in (None, district)]
    preferred = [p for p in covering if orgs[p.organisation][0] in wanted_types] or covering
    # Local council staff send most council reports; the demo submitter is one of them.
    weights = [3 if orgs[p.organisation][1] == district else 1 for p in preferred]
    weights = [
        w * (4 if p.username == "demo-submitter" else 1)
        for p, w in zip(preferred, weights, strict=True)
    ]
    return rng.choices(preferred, weights=weights)[0]


def _grading(rng: random.Random, how_known: str) -> dict:
    source = rng.choices(["1", "2", "3"], weights=[40, 55, 5])[0]
    assessment = {
        "first_hand": rng.choices("AB", weights=[85, 15])[0],
        "second_hand": rng.choices("BCD", weights=[45, 45, 10])[0],
        "community_member": rng.choices("BCDE", weights=[25, 50, 23, 2])[0],
    }[how_known]
    code = "C" if rng.random() < 0.2 else "P"
    conditions = rng.choice(c.HANDLING_CONDITIONS) if code == "C" else ""
    return {
        "source_evaluation": source,
        "intelligence_assessment": assessment,
        "handling_code": code,
        "handling_conditions": conditions,
    }


def _timeline(
    rng: random.Random, draft: c.Draft, created: datetime, now: datetime, urgent: bool, analyst: str
) -> list[Event]:
    if urgent:
        events = _urgent_timeline(rng, draft, created, analyst)
    else:
        events = _routine_timeline(rng, draft, created, analyst)
    # What has not happened yet by now is left for the demo's users to do.
    kept = []
    for event in events:
        if event.at >= now:
            break
        kept.append(event)
    return kept


def _urgent_timeline(
    rng: random.Random, draft: c.Draft, created: datetime, analyst: str
) -> list[Event]:
    """Immediate risk: assigned, noted and graded within hours, closed within days."""
    events: list[Event] = []
    t = created + timedelta(minutes=rng.randint(5, 40))
    events.append(Event(t, "assign", analyst))
    t += timedelta(minutes=rng.randint(5, 30))
    events.append(Event(t, "note", analyst, {"body": rng.choice(c.URGENT_NOTES)}))
    t += timedelta(hours=rng.uniform(1, 4))
    events.append(Event(t, "grade", analyst, _grading(rng, draft.how_known)))
    t = _working(t + timedelta(days=rng.uniform(1, 5)), rng)
    outcome, notes = rng.choice(c.CLOSE_REASONS[draft.themes[0]])
    events.append(Event(t, "close", analyst, {"outcome": outcome, "outcome_notes": notes}))
    return events


def _routine_timeline(
    rng: random.Random, draft: c.Draft, created: datetime, analyst: str
) -> list[Event]:
    """The usual course: assigned in working hours, perhaps a note and a question to the
    reporter, then graded and mostly closed (or closed unanswered)."""
    events: list[Event] = []
    t = _working(created + timedelta(hours=rng.uniform(2, 120)), rng)
    events.append(Event(t, "assign", analyst))
    if rng.random() < 0.4:
        t += timedelta(hours=rng.uniform(0.5, 24))
        events.append(Event(t, "note", analyst, {"body": rng.choice(c.NOTES)}))
    t, answered = _question(rng, draft, t, analyst, events)
    if not answered:
        t = _working(t + timedelta(days=rng.uniform(21, 35)), rng)
        events.append(_no_further_action(t, analyst, c.GENERIC_CLOSE[1][1]))
    elif rng.random() < 0.08:
        t = _working(t + timedelta(hours=rng.uniform(4, 72)), rng)
        events.append(_no_further_action(t, analyst, c.GENERIC_CLOSE[0][1]))
    else:
        t = _working(t + timedelta(hours=rng.uniform(24, 240)), rng)
        events.append(Event(t, "grade", analyst, _grading(rng, draft.how_known)))
        if rng.random() < 0.8:
            t = _working(t + timedelta(days=rng.uniform(7, 75)), rng)
            outcome, notes = rng.choice(c.CLOSE_REASONS[draft.themes[0]])
            events.append(Event(t, "close", analyst, {"outcome": outcome, "outcome_notes": notes}))
    return events


def _question(
    rng: random.Random, draft: c.Draft, t: datetime, analyst: str, events: list[Event]
) -> tuple[datetime, bool]:
    """Perhaps a question to the reporter (appended to events); whether it was answered."""
    question = draft.question if draft.question and rng.random() < 0.5 else None
    if question is None and rng.random() < 0.15:
        question = rng.choice(c.GENERAL_QUESTIONS)
    if not question:
        return t, True
    t = _working(t + timedelta(hours=rng.uniform(2, 72)), rng)
    events.append(Event(t, "ask", analyst, {"body": question[0]}))
    answered = rng.random() < 0.7
    if answered:
        t = _waking(t + timedelta(hours=rng.uniform(3, 168)), rng)
        events.append(Event(t, "reply", "", {"body": question[1]}))
    return t, answered


def _no_further_action(t: datetime, analyst: str, notes: str) -> Event:
    return Event(t, "close", analyst, {"outcome": "no_further_action", "outcome_notes": notes})


def plan_submissions(
    *,
    seed: int,
    count: int,
    now: datetime,
    postcodes: dict[str, list[str]],
    latest_date: date | None = None,
) -> list[PlannedSubmission]:
    """Decide `count` submissions and their triage, the same every time for the same inputs.

    `postcodes` maps a district code to the live postcodes (with a location) to draw from.
    """
    rng = random.Random(seed)
    latest_date = latest_date or now.date()
    districts = _allocate(c.DISTRICT_WEIGHTS, count, minimum=1)
    rng.shuffle(districts)
    themes = sorted(c.THEME_WEIGHTS) if count >= len(c.THEME_WEIGHTS) else []
    themes += rng.choices(
        sorted(c.THEME_WEIGHTS),
        weights=[c.THEME_WEIGHTS[t] for t in sorted(c.THEME_WEIGHTS)],
        k=count - len(themes),
    )
    rng.shuffle(themes)
    urgent_slots = _urgent_slots(rng, themes, wanted=max(1, round(count * 0.02)) if count else 0)
    times = _created_times(seed, count, now)
    analysts = [p.username for p in _analysts()]
    pools: dict = {}
    plans = []
    for i, (created, district, theme) in enumerate(zip(times, districts, themes, strict=True)):
        urgent = i in urgent_slots
        available = postcodes.get(district) or []
        postcode = rng.choice(available) if available and rng.random() < 0.75 else ""
        g = c.Gen(rng, district, postcode, pools)
        template = rng.choice(c.URGENT_TEMPLATES if urgent else c.TEMPLATES[theme])
        draft = template(g)
        submitter = _pick_submitter(rng, district, draft.submitter_types)
        created_date = min(created.date(), latest_date)
        data = {
            "themes": draft.themes,
            "information": draft.information,
            "how_known": draft.how_known,
            "may_contact": rng.random() < 0.85,
            "source_disclosable": rng.random() < 0.35,
            "postcode": postcode,
            "place_description": draft.place_description,
            "district_code": district,
            "people": draft.people,
            "vehicles": draft.vehicles,
            "identifiers": draft.identifiers,
        }
        if draft.when_description:
            data["occurred_from"] = created_date - timedelta(days=rng.randint(14, 60))
            data["occurred_to"] = created_date - timedelta(days=rng.randint(0, 3))
            data["when_description"] = draft.when_description
        else:
            data["occurred_on"] = (
                created_date if urgent else created_date - timedelta(days=rng.randint(0, 4))
            )
            data["when_description"] = (
                "Just now"
                if urgent
                else rng.choice(
                    [
                        "At about 9:30pm",
                        "Late afternoon, around 4pm",
                        "Overnight",
                        "Mid-morning",
                        "Around teatime",
                        "",
                    ]
                )
            )
        weights = [60 if a == "demo-analyst" else 40 for a in analysts]
        if district == "E06000016":
            weights = list(reversed(weights))
        analyst = rng.choices(analysts, weights=weights)[0]
        # Times and triage draw from their own streams, so the same seed writes the same reports
        # whatever day the demo is loaded; only the dates move.
        events = _timeline(
            random.Random(f"{seed}:triage:{i}"), draft, created, now, urgent, analyst
        )
        for event in events:
            if event.kind == "reply":
                event.actor = submitter.username
        plans.append(
            PlannedSubmission(
                created_at=created,
                submitter=submitter.username,
                district_code=district,
                urgent=urgent,
                data=data,
                events=events,
            )
        )
    _showcase_question(random.Random(f"{seed}:showcase"), plans, now)
    return plans


def _urgent_slots(rng: random.Random, themes: list[str], *, wanted: int) -> set[int]:
    """Which reports describe immediate risk: never a theme's only report, so every theme stays
    covered."""
    left = Counter(themes)
    slots: set[int] = set()
    for i in rng.sample(range(len(themes)), len(themes)):
        if len(slots) == wanted:
            break
        if left[themes[i]] > 1:
            slots.add(i)
            left[themes[i]] -= 1
    return slots


def _showcase_question(rng: random.Random, plans: list[PlannedSubmission], now: datetime) -> None:
    """Leave the demo submitter one recent report with an analyst's question still to answer."""
    candidates = [
        p
        for p in plans
        if p.submitter == "demo-submitter"
        and not p.urgent
        and timedelta(days=3) <= now - p.created_at <= timedelta(days=30)
    ]
    if not candidates:
        return
    plan = candidates[-1]
    analyst = plan.events[0].actor if plan.events else _analysts()[0].username
    assigned = _working(plan.created_at + timedelta(hours=rng.uniform(2, 20)), rng)
    asked = assigned + timedelta(hours=rng.uniform(1, 6))
    if asked >= now:
        return
    question = rng.choice(c.GENERAL_QUESTIONS)[0]
    plan.events = [
        Event(assigned, "assign", analyst),
        Event(asked, "ask", analyst, {"body": question}),
    ]


# ---- Loading -----------------------------------------------------------------------------


def shared_postcode_file() -> Path:
    """The real ONS postcode file, if this machine has the shared data folder."""
    return shared_data_dir() / "ons" / "postcodes-llr.csv"


@dataclass
class DemoSummary:
    postcode_file: str = ""
    postcodes_imported: int = 0
    organisations: int = 0
    users: int = 0
    directory: str = ""
    submissions_created: int = 0
    submissions_existing: int = 0
    statuses: Counter = field(default_factory=Counter)
    urgent: int = 0
    sanitised_created: int = 0
    linked: int = 0
    cases_created: int = 0
    performance: str = ""
    performance_results: int = 0
    performance_seconds: float = 0.0


def _check_seeded() -> None:
    """The districts and themes come from migrations; a flushed database has lost them."""
    missing = sorted(set(c.DISTRICT_WEIGHTS) - set(District.objects.values_list("code", flat=True)))
    missing += sorted(set(c.THEME_WEIGHTS) - set(Theme.objects.values_list("slug", flat=True)))
    if missing:
        raise ValidationError(
            "The database lacks the districts or themes its migrations seed "
            f"({', '.join(missing)}). "
            "Start from a fresh database (make clean && make run) instead of a flushed one."
        )


def _ensure_populations() -> None:
    for code, population in CENSUS_2021.items():
        District.objects.filter(code=code, population__isnull=True).update(population=population)


def _ensure_organisations() -> dict[str, Organisation]:
    found = {}
    for name, kind, _district in c.ORGANISATIONS:
        organisation, _ = Organisation.objects.update_or_create(
            name=name, defaults={"type": kind, "active": True}
        )
        found[name] = organisation
    return found


def _ensure_users(organisations: dict[str, Organisation]) -> dict[str, User]:
    districts = {d.code: d for d in District.objects.all()}
    # One hash for all: the password is published anyway, and each hash takes a good part of a
    # second.
    password = make_password(
        c.DEMO_PASSWORD
    )  # demo only; deliberately not run through the validators
    users = {}
    for person in c.DEMO_ACCOUNTS + c.PARTNER_STAFF:
        user, _ = User.objects.update_or_create(
            username=person.username,
            defaults={
                "full_name": person.full_name,
                "email": person.email,
                "job_title": person.job_title,
                "organisation": organisations[person.organisation],
                "is_demo": True,
                "is_active": True,
                "password": password,
            },
        )
        user_set_roles(
            user=user,
            roles=person.roles,
            forum_districts=[districts[code] for code in person.forum_districts],
            analyst_districts=[districts[code] for code in person.analyst_districts],
        )
        users[person.username] = user
    return users


def _import_directory(out: Writer) -> str:
    """Load the support directory from the leaflet; the demo goes on without it if that fails."""
    try:
        from csphub.directory import LEAFLET_SERVICES

        with transaction.atomic():
            call_command("import_directory", str(LEAFLET_SERVICES), stdout=out)
        _local_services()
        return "imported from the leaflet, with local demo services"
    except (ImportError, CommandError) as exc:
        out.write(
            f"Warning: the support directory was not imported ({exc}). "
            "The demo continues without it.\n"
        )
        return f"not imported ({exc})"


def _local_services() -> None:
    from csphub.directory.models import SupportService
    from csphub.directory.services import support_service_create

    for values in c.LOCAL_SERVICES:
        if not SupportService.objects.filter(oruk_id=values["oruk_id"]).exists():
            support_service_create(actor=None, **values)


def _live_postcodes() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    rows = (
        Postcode.objects.filter(terminated=False, latitude__isnull=False)
        .order_by("postcode")
        .values_list("district_code", "postcode")
    )
    for district, postcode in rows:
        found.setdefault(district, []).append(postcode)
    return found


def _replay(plan: PlannedSubmission, users: dict[str, User]) -> Submission:
    submission = submission_create(
        submitted_by=users[plan.submitter],
        data=SubmissionInput(**plan.data),
        now=plan.created_at,
        notify=False,
    ).submission
    stamps: dict = {"updated_at": plan.created_at}
    for event in plan.events:
        actor = users[event.actor]
        if event.kind == "assign":
            submission = submission_assign(submission=submission, analyst=actor, actor=actor)
        elif event.kind == "note":
            note = note_add(submission=submission, author=actor, body=event.data["body"])
            AnalystNote.objects.filter(pk=note.pk).update(created_at=event.at)
        elif event.kind in ("ask", "reply"):
            message = message_send(submission=submission, author=actor, body=event.data["body"])
            Message.objects.filter(pk=message.pk).update(created_at=event.at)
        elif event.kind == "grade":
            submission = submission_grade(submission=submission, actor=actor, **event.data)
            stamps["graded_at"] = event.at
        elif event.kind == "close":
            submission = submission_close(submission=submission, actor=actor, **event.data)
            stamps["closed_at"] = event.at
        stamps["updated_at"] = event.at
    Submission.objects.filter(pk=submission.pk).update(**stamps)
    return submission


def _connected_reports(now: datetime, users: dict[str, User]) -> int:
    """The demo's connected clusters (demo/clusters.py), made through the real service."""
    for username, at, data in cluster_drafts(now, _live_postcodes()):
        plan = PlannedSubmission(at, username, data["district_code"], False, data)
        _replay(plan, users)
    return len(cluster_drafts(now, {}))


def _link_all(submissions) -> int:
    """Link the demo's reports now, in order, as the worker would have as each arrived."""
    done = set(Mention.objects.values_list("submission_id", flat=True).distinct())
    linked = 0
    for pk in submissions.order_by("created_at", "pk").values_list("pk", flat=True):
        if pk not in done:
            submission_link(submission_id=pk)
            linked += 1
    return linked


# What share of graded submissions analysts have sanitised and shared with the district's forum.
SANITISED_SHARE = 0.6


def _sanitise_for_forums(*, seed: int, now: datetime, users: dict[str, User]) -> int:
    """Approve sanitised versions for a realistic share of the graded demo submissions, as an
    analyst would: the engine's proposals (every occurrence of each), postcodes shown as their
    sector. Done once: nothing is added if any demo submission already has a version."""
    demo = Submission.objects.filter(submitted_by__is_demo=True)
    if SanitisedVersion.objects.filter(submission__in=demo).exists():
        return 0
    graded = (
        demo.filter(graded_at__isnull=False, district__isnull=False)
        .select_related("submitted_by", "graded_by", "district")
        .prefetch_related("people", "vehicles", "identifiers")
        .order_by("created_at", "id")
    )
    chosen_ones = [
        s
        for s in graded
        if random.Random(f"{seed}:sanitise:{s.reference}").random() < SANITISED_SHARE
    ]
    found_by_engine = sanitise.find_personal_data_many([s.information for s in chosen_ones])
    created = 0
    for submission, spans in zip(chosen_ones, found_by_engine, strict=True):
        graded_at = submission.graded_at
        if graded_at is None:  # chosen among the graded, so never: it narrows the type
            continue
        rng = random.Random(f"{seed}:sanitise:{submission.reference}:approved")
        information = submission.information
        engine = forum_proposals.engine_proposals(information, spans)
        found = forum_proposals.propose(submission, engine=engine)
        every = [
            x for p in found for x in forum_proposals.phrase_proposals(information, p.text, p.type)
        ]
        chosen = forum_proposals.propose(submission, added=every, engine=engine)
        draft = forum_proposals.preview(information, chosen, postcode_sector=True)
        analyst = submission.graded_by or users["demo-analyst"]
        try:
            version = sanitised_version_approve(
                submission=submission,
                actor=analyst,
                spans=draft.spans,
                text=draft.text,
                postcode_sector=True,
            )
        except ValidationError:
            continue  # an analyst would fix the wording by hand; the demo leaves this one unshared
        approved = _working(
            timezone.localtime(graded_at) + timedelta(hours=rng.uniform(1, 72)), rng
        )
        if approved >= now:
            approved = max(graded_at, now - timedelta(minutes=5))
        SanitisedVersion.objects.filter(pk=version.pk).update(
            approved_at=approved, created_at=approved
        )
        created += 1
    return created


def load_demo(
    *,
    seed: int = DEFAULT_SEED,
    submissions: int = DEFAULT_SUBMISSIONS,
    now: datetime | None = None,
    postcode_file: str | Path | None = None,
    out: Writer | None = None,
    performance: bool = True,
    performance_dir: str | Path | None = None,
) -> DemoSummary:
    """Create (or bring up to date) the demo. Safe to run again: submissions are made only once,
    and the performance data replaces its own months, years and periods."""
    out = out or io.StringIO()
    now = timezone.localtime(now or timezone.now())
    summary = DemoSummary()
    if postcode_file is None:
        shared = shared_postcode_file()
        postcode_file = shared if shared.is_file() else FIXTURE_POSTCODES
    summary.postcode_file = str(postcode_file)
    # Messages email the other side on commit; the demo's invented people get no email.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        transaction.atomic(),
    ):
        _check_seeded()
        _ensure_populations()
        summary.postcodes_imported = postcodes_import(path=postcode_file).imported
        organisations = _ensure_organisations()
        users = _ensure_users(organisations)
        summary.organisations, summary.users = len(organisations), len(users)
        summary.directory = _import_directory(out)
        demo_submissions = Submission.objects.filter(submitted_by__is_demo=True)
        summary.submissions_existing = demo_submissions.count()
        if not summary.submissions_existing:
            latest = min(now.date(), date.today())
            for plan in plan_submissions(
                seed=seed,
                count=submissions,
                now=now,
                postcodes=_live_postcodes(),
                latest_date=latest,
            ):
                _replay(plan, users)
                summary.submissions_created += 1
            summary.submissions_created += _connected_reports(now, users)
        summary.linked = _link_all(demo_submissions)
        summary.sanitised_created = _sanitise_for_forums(seed=seed, now=now, users=users)
        if summary.sanitised_created:
            out.write(f"Forums:         {summary.sanitised_created} sanitised versions approved\n")
        summary.cases_created = demo_cases(now=now, officer=users["demo-cases"])
        if summary.cases_created:
            out.write(f"ASB cases:      {summary.cases_created} created\n")
        summary.statuses = Counter(demo_submissions.values_list("status", flat=True))
        summary.urgent = demo_submissions.filter(urgent=True).count()
    if performance:
        _load_performance(summary, seed=seed, folder=performance_dir)
    return summary


def _load_performance(summary: DemoSummary, *, seed: int, folder: str | Path | None) -> None:
    """Generate the performance demo's files (real LSOAs when the shared folder is present) and
    import them through the performance services, which recompute the KPIs once."""
    from csphub.performance.importers.dataset import load_dataset

    from .performance import generate

    started = time.monotonic()
    folder = Path(folder) if folder else Path(settings.VAR_DIR) / "demo-performance"
    dataset = generate(folder, seed=seed)
    with transaction.atomic():
        loaded = load_dataset(dataset)
    summary.performance = dataset.description
    summary.performance_results = loaded.results_written
    summary.performance_seconds = time.monotonic() - started


STATUS_ORDER = [s.value for s in Status]
