"""Connected intelligence at scale, on PostgreSQL: linking one new submission against a store
of a million.

1. Loads N synthetic submissions (default 1,000,000; about three mentions each) straight into
   the tables with COPY: submissions, entities, mentions, name keys and links, as the linking
   service would have left them (counts, common values, blocking keys from
   entities.people.blocking_keys, links for shared values and matching people). Values repeat
   as they do in real reports: most phones, vehicles and addresses once or twice, some in a
   handful of reports (clusters), a few (switchboards, a hostel) in thousands; names are drawn
   from Zipf-like lists of first names and surnames, with ages.
2. Makes K new submissions (default 200) through intelligence.services.submission_create,
   whose on-commit signal runs the linking task (ImmediateBackend here), and prints the time
   from commit to links ready (p50/p95/max), split into extraction (the redaction engine on
   the free text, and the fields) and the database.
3. Prints the worker's resident memory (VmRSS) before, every 50 links and after.
4. EXPLAIN ANALYZE of every statement submission_link runs, for a submission in a cluster,
   one sharing a common value and one in a big name block ("John Smith").

    .venv/bin/python benchmarks/link.py [--submissions 1000000] [--new 200] [--keep]

DATABASE_URL chooses the database (default postgres://postgres@127.0.0.1:5432/bench_link); it
is dropped and created afresh, and dropped at the end, unless --keep (then a database already
loaded with the same --submissions and --seed is reused, and kept). Prints figures; asserts no
timings.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/bench_link"
REFERENCE_PREFIX = "BL-"


# The database ---------------------------------------------------------------------------------


def _admin_url(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/postgres")), parts.path.lstrip("/")


def loaded_marker(url: str) -> str | None:
    """What a kept database was loaded with ("1000000/12"), or None."""
    import psycopg

    try:
        with psycopg.connect(url) as conn:
            row = conn.execute(
                "SELECT obj_description('intelligence_submission'::regclass)"
            ).fetchone()
    except psycopg.Error:
        return None
    return row[0] if row and row[0] and row[0].startswith("bench-link ") else None


def database_prepare(url: str, *, keep: bool, marker: str) -> bool:
    """Create the database (afresh unless --keep); True when it already holds this load."""
    import psycopg

    if keep and loaded_marker(url) == f"bench-link {marker}":
        return True
    admin, name = _admin_url(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return False


def database_drop(url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    admin, name = _admin_url(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


# Synthetic values -----------------------------------------------------------------------------

HEAD_SURNAMES = [
    "Smith", "Jones", "Patel", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Wood", "Jackson", "Clarke", "Khan", "Mistry", "Begum", "Hussain", "Ahmed", "Singh",
]  # fmt: skip
HEAD_FIRST = [
    "John", "David", "Michael", "James", "Mohammed", "Daniel", "Sarah", "Emma", "Paul",
    "Jack", "Chloe", "Ryan", "Jessica", "Kyle", "Amir", "Priya", "Jade", "Liam", "Connor",
]  # fmt: skip
STREET_TYPES = ["Road", "Street", "Avenue", "Close", "Lane", "Drive", "Way", "Crescent", "Court"]
TOWNS = [
    "Leicester", "Loughborough", "Hinckley", "Coalville", "Melton Mowbray", "Market Harborough",
    "Oakham", "Wigston", "Oadby", "Lutterworth", "Shepshed", "Syston",
]  # fmt: skip
MAKES = [("Ford", "Fiesta"), ("Vauxhall", "Corsa"), ("BMW", "3 Series"), ("Audi", "A3"),
         ("Toyota", "Prius"), ("Volkswagen", "Golf"), ("Mercedes", "C-Class")]  # fmt: skip
COLOURS = ["Black", "White", "Silver", "Grey", "Blue", "Red"]
# Values in thousands of reports: switchboards, a hostel's front desk, the street a police
# station is on. They must end up common.
COMMON_PHONES = ["0116 454 1000", "0116 222 2222", "01509 634 560", "0300 123 4567"]
COMMON_ADDRESSES = [
    ("1 Market Place, Leicester", "LE1 5GG"),
    ("35 Lee Circle, Leicester", "LE1 3RE"),
]
COMMON_EMAILS = ["info@leicester.gov.uk"]
COMMON_VEHICLES = ["LE00TAX"]
PEOPLE_COUNTS = (0, 1, 1, 1, 1, 2, 2, 3)
INFORMATION = (
    "Groups gathering by the shops most evenings; cars stopping for a few minutes at a time. "
    "Neighbours are worried."
)
ROLES = ("subject", "subject", "victim", "witness", "other")


def _zipf_cum(n: int, s: float) -> list[float]:
    total, cum = 0.0, []
    for rank in range(1, n + 1):
        total += 1 / rank**s
        cum.append(total)
    return cum


def name_lists() -> tuple[list[str], list[str]]:
    from faker.providers.person.en_GB import Provider

    first = list(HEAD_FIRST)
    for name in [*Provider.first_names_male, *Provider.first_names_female]:
        if name not in first:
            first.append(name)
    surnames = list(HEAD_SURNAMES)
    surnames += [name for name in Provider.last_names if name not in surnames]
    return first, surnames


@dataclass
class Person:
    name: str
    age: int | None
    role: str = "subject"


@dataclass
class Plan:
    """Which values each submission mentions (indexes into the kinds' value spaces)."""

    n: int
    people: list[list[Person]] = field(default_factory=list)
    slots: dict[str, list[int]] = field(default_factory=dict)
    postcode: list[int] = field(default_factory=list)


class Values:
    """The raw text of value number i of each kind, as a partner might type it."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.first, self.surnames = name_lists()
        self.first_cum = _zipf_cum(len(self.first), 0.8)
        self.surname_cum = _zipf_cum(len(self.surnames), 0.8)
        words = self.surnames[40:240]
        self.streets = [f"{w} {STREET_TYPES[i % len(STREET_TYPES)]}" for i, w in enumerate(words)]

    def person(self) -> Person:
        rng = self.rng
        if rng.random() < 0.04:
            return Person(rng.choice(["Unknown male", "unknown female"]), None)
        first = rng.choices(self.first, cum_weights=self.first_cum)[0]
        last = rng.choices(self.surnames, cum_weights=self.surname_cum)[0]
        age = rng.randint(13, 70) if rng.random() < 0.7 else None
        return Person(f"{first} {last}", age, rng.choice(ROLES))

    @staticmethod
    def phone(i: int) -> str:
        if i < len(COMMON_PHONES):
            return COMMON_PHONES[i]
        digits = f"{(i * 7919) % 100_000_000:08d}"
        style = i % 3
        if style == 0:
            return f"079{digits[:2]} {digits[2:]}"
        if style == 1:
            return f"+44 79{digits[:2]} {digits[2:]}"
        return f"079{digits}"

    @staticmethod
    def vehicle(i: int) -> tuple[str, str, str, str]:
        if i < len(COMMON_VEHICLES):
            return COMMON_VEHICLES[i], "Skoda", "Octavia", "Silver"
        letters = "ABCDEFGHJKLMNOPRSTUVWXYZ"
        x = (i * 104_729) % (24**5 * 100)
        number, x = x % 100, x // 100
        chars = []
        for _ in range(5):
            chars.append(letters[x % 24])
            x //= 24
        plate = f"{chars[0]}{chars[1]}{number:02d} {chars[2]}{chars[3]}{chars[4]}"
        make, model = MAKES[i % len(MAKES)]
        return plate, make, model, COLOURS[i % len(COLOURS)]

    def address(self, i: int) -> tuple[str, str]:
        """(place description, postcode)"""
        if i < len(COMMON_ADDRESSES):
            return COMMON_ADDRESSES[i]
        street = self.streets[i % len(self.streets)]
        town = TOWNS[(i // len(self.streets)) % len(TOWNS)]
        number = 1 + (i // (len(self.streets) * len(TOWNS))) % 300
        flat = (i // (len(self.streets) * len(TOWNS) * 300)) % 12
        text = f"{number} {street}, {town}"
        if flat:
            text = f"Flat {flat}, {text}"
        return text, self.postcode(i * 31)

    @staticmethod
    def postcode(i: int) -> str:
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        district = 1 + i % 19
        rest = i // 19
        return f"LE{district} {rest % 10}{letters[(rest // 10) % 20]}{letters[(rest // 200) % 20]}"

    @staticmethod
    def email(i: int) -> str:
        return COMMON_EMAILS[i] if i < len(COMMON_EMAILS) else f"user{i}.reports@example.com"

    @staticmethod
    def handle(i: int) -> str:
        return f"@common_page{i}" if i == 0 else f"@lad_{i}x"


# kind: (share of submissions with one, how many reports each common value is in, per million)
KINDS: dict[str, tuple[float, list[int]]] = {
    "phone": (0.40, [8000, 5000, 3000, 2000]),
    "vehicle": (0.30, [1500]),
    "address": (0.30, [4000, 2500]),
    "email": (0.05, [1200]),
    "handle": (0.05, [900]),
}


def plan_build(n: int, values: Values, threshold: int) -> Plan:
    rng = values.rng
    plan = Plan(n)
    plan.people = [[values.person() for _ in range(rng.choice(PEOPLE_COUNTS))] for _ in range(n)]
    for kind, (share, commons) in KINDS.items():
        counts = [max(int(c * n / 1_000_000), threshold * 3) for c in commons]
        plan.slots[kind] = _occurrences(rng, n, int(share * n), counts)
    _stories(rng, plan, values)
    plan.postcode = [rng.randrange(60_000) if rng.random() < 0.9 else -1 for _ in range(n)]
    return plan


def _occurrences(rng: random.Random, n: int, wanted: int, commons: list[int]) -> list[int]:
    """Value ids per submission (-1 for none): the common values first, then groups of one
    (72%), two (22%) and clusters of three to eight."""
    values: list[int] = []
    for value, count in enumerate(commons):
        values += [value] * count
    next_id = len(commons)
    while len(values) < wanted:
        r = rng.random()
        size = 1 if r < 0.72 else 2 if r < 0.94 else rng.randint(3, 8)
        values += [next_id] * size
        next_id += 1
    del values[wanted:]
    rng.shuffle(values)
    slots = [-1] * n
    for sid, value in zip(rng.sample(range(n), len(values)), values, strict=True):
        slots[sid] = value
    return slots


def _stories(rng: random.Random, plan: Plan, values: Values) -> None:
    """One in fifty reports is part of a story told three to six times: the same person, and
    the same phone and often the same vehicle."""
    phones, vehicles = plan.slots["phone"], plan.slots["vehicle"]
    next_phone, next_vehicle = max(phones) + 1, max(vehicles) + 1
    members = rng.sample(range(plan.n), plan.n // 50)
    start = 0
    while start < len(members):
        size = rng.randint(3, 6)
        group, start = members[start : start + size], start + size
        person = values.person()
        with_vehicle = rng.random() < 0.6
        for sid in group:
            plan.people[sid] = [person, *plan.people[sid][:1]]
            phones[sid] = next_phone
            if with_vehicle:
                vehicles[sid] = next_vehicle
        next_phone += 1
        next_vehicle += 1


# The load -------------------------------------------------------------------------------------


def _text(value: object) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )


def _row(*values: object) -> str:
    return "\t".join(_text(v) for v in values) + "\n"


@contextlib.contextmanager
def cached_normalisers() -> Iterator[None]:
    """While loading, each distinct raw value is normalised once (the real normalisers)."""
    from csphub.entities import normalise, people

    saved = {
        (module, name): getattr(module, name)
        for module, name in [
            (normalise, "phone_e164"),
            (normalise, "vehicle_registration"),
            (normalise, "email_address"),
            (normalise, "social_handle"),
            (normalise, "postcode"),
            (normalise, "address"),
            (people, "normalise_name"),
            (people, "blocking_keys"),
        ]
    }
    for (module, name), function in saved.items():
        setattr(module, name, functools.lru_cache(maxsize=None)(function))
    try:
        yield
    finally:
        for (module, name), function in saved.items():
            setattr(module, name, function)


@dataclass
class EntityRow:
    id: int
    kind: str
    key: str
    label: str
    details: dict[str, str]
    first_seen: datetime
    count: int = 0
    common: bool = False
    last_seen: datetime | None = None


@dataclass
class Prior:
    """What the linking service would find when linking a submission: earlier submissions of
    each still-linking value, and earlier mentions of each person."""

    submissions: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    people: dict[int, list[tuple[int, str, int | None, date]]] = field(
        default_factory=lambda: defaultdict(list)
    )


class Loader:
    def __init__(self, plan: Plan, values: Values, folder: Path, threshold: int) -> None:
        from csphub.entities import services

        self.plan, self.values, self.folder, self.threshold = plan, values, folder, threshold
        self.linking = services.LINKING_KINDS
        self.link_score = services.link_score
        self.entities: dict[tuple[str, str], EntityRow] = {}
        self.prior = Prior()
        self.counts: dict[str, int] = defaultdict(int)
        self.files = {
            name: (folder / f"{name}.tsv").open("w")
            for name in (
                "submission",
                "themes",
                "person",
                "vehicle",
                "identifier",
                "mention",
                "namekey",
                "link",
            )
        }

    def facts(self, sid: int, seen_on: date) -> Any:
        from csphub.entities import extract as ex

        plan, values = self.plan, self.values
        place, postcode = "Outside the parade of shops", ""
        if plan.postcode[sid] >= 0:
            postcode = values.postcode(plan.postcode[sid])
        if plan.slots["address"][sid] >= 0:
            place, postcode = values.address(plan.slots["address"][sid])
        identifiers = []
        for kind, name in (("phone", "phone"), ("email", "email"), ("handle", "social")):
            if plan.slots[kind][sid] >= 0:
                identifiers.append((name, getattr(values, kind)(plan.slots[kind][sid])))
        vehicles = []
        if plan.slots["vehicle"][sid] >= 0:
            vehicles.append(ex.VehicleFacts(*values.vehicle(plan.slots["vehicle"][sid])))
        return (
            ex.SubmissionFacts(
                information=INFORMATION,
                place_description=place,
                postcode=postcode,
                people=[ex.PersonFacts(p.name, p.role, p.age) for p in plan.people[sid]],
                vehicles=vehicles,
                identifiers=identifiers,
                seen_on=seen_on,
            ),
            place,
            postcode,
        )

    def run(self, template: Callable[[int, str, str, datetime], str], start: datetime) -> None:
        from csphub.entities import extract as ex

        step = timedelta(days=3 * 365) / self.plan.n
        theme_of = template.theme_of  # type: ignore[attr-defined]
        for index in range(self.plan.n):
            sid = index + 1
            created = start + step * index
            facts, place, postcode = self.facts(index, created.date())
            found = ex.extract(facts, text_spans=[])
            self.files["submission"].write(template(sid, place, postcode, created))
            self.files["themes"].write(_row(sid, theme_of(sid)))
            self.children(sid, facts)
            self.submission(sid, created, found)
        for handle in self.files.values():
            handle.close()
        with (self.folder / "entity.tsv").open("w") as out:
            for e in self.entities.values():
                reason = f"Mentioned in {self.threshold} or more submissions" if e.common else ""
                out.write(
                    _row(
                        e.id,
                        e.kind,
                        e.key,
                        e.label,
                        json.dumps(e.details),
                        e.count,
                        e.common,
                        reason,
                        e.first_seen,
                        e.last_seen,
                    )
                )
        self.counts["entity"] = len(self.entities)

    def children(self, sid: int, facts: Any) -> None:
        """The submission's people, vehicles and identifiers, as the form stores them."""
        for p in facts.people:
            self.files["person"].write(_row(sid, p.name, p.role, p.age, None, p.description))
        for v in facts.vehicles:
            registration = v.registration.replace(" ", "").upper()
            self.files["vehicle"].write(_row(sid, registration, v.make, v.model, v.colour))
        for kind, value in facts.identifiers:
            self.files["identifier"].write(_row(sid, kind, value))

    def entity(self, item: Any, created: datetime) -> EntityRow:
        from csphub.entities import people

        row = self.entities.get(item.identity)
        if row is None:
            row = EntityRow(
                len(self.entities) + 1,
                item.kind,
                item.key[:300],
                item.label[:300],
                dict(item.details),
                created,
            )
            self.entities[item.identity] = row
            if item.kind == "person":
                for key, narrow in people.blocking_keys(row.key):
                    self.files["namekey"].write(_row(row.id, key, narrow))
                    self.counts["namekey"] += 1
        else:
            missing = {k: v for k, v in item.details.items() if k not in row.details}
            row.details.update(missing)
        return row

    def submission(self, sid: int, created: datetime, found: list[Any]) -> None:
        mine: dict[int, EntityRow] = {}
        for item in found:
            row = self.entity(item, created)
            mine.setdefault(row.id, row)
            self.files["mention"].write(
                _row(
                    row.id,
                    sid,
                    item.field,
                    None,
                    None,
                    item.text[:300],
                    item.role,
                    item.age,
                    item.date_of_birth,
                    created.date(),
                    created,
                )
            )
            self.counts["mention"] += 1
        for row in mine.values():
            row.count += 1
            row.last_seen = created
            if not row.common and row.kind != "postcode" and row.count >= self.threshold:
                row.common = True
        evidence = self.shared_values(sid, mine)
        self.matching_people(sid, created.date(), found, mine, evidence)
        for other, reasons in evidence.items():
            self.files["link"].write(
                _row(
                    other,
                    sid,
                    self.link_score(reasons),
                    json.dumps(reasons),
                    "suggested",
                    None,
                    None,
                    "",
                    created,
                    created,
                )
            )
            self.counts["link"] += 1

    def shared_values(self, sid: int, mine: dict[int, EntityRow]) -> dict[int, list[dict]]:
        evidence: dict[int, list[dict]] = defaultdict(list)
        for row in mine.values():
            if row.kind not in self.linking:
                continue
            if row.common:
                self.prior.submissions.pop(row.id, None)
                continue
            reason = {"kind": row.kind, "value": row.label}
            for other in self.prior.submissions[row.id]:
                if reason not in evidence[other]:
                    evidence[other].append(reason)
            self.prior.submissions[row.id].append(sid)
        return evidence

    def matching_people(
        self,
        sid: int,
        seen_on: date,
        found: list[Any],
        mine: dict[int, EntityRow],
        evidence: dict[int, list[dict]],
    ) -> None:
        """As entities.services._add_people, for candidates of the same name (the service
        also looks at the rest of the name block; the loader does not)."""
        from csphub.entities import people

        persons = [(f, self.entities[f.identity]) for f in found if f.kind == "person"]
        best: dict[int, tuple[float, list[dict]]] = {}
        for person, row in persons:
            if row.common:
                self.prior.people.pop(row.id, None)
                continue
            ours = people.PersonRecord(person.text, person.age, person.date_of_birth, seen_on)
            for other, text, age, when in self.prior.people[row.id]:
                theirs = people.PersonRecord(text, age, None, when)
                match = people.person_match(
                    ours, theirs, shared_context=len(evidence.get(other, ()))
                )
                if not match.is_match or match.score <= best.get(other, (0.0, []))[0]:
                    continue
                reasons = [{"kind": "person", "value": f"{person.text} / {text}"}]
                reasons += [{"kind": r.kind, "value": r.value} for r in match.reasons]
                best[other] = (match.score, reasons)
        for other, (score, reasons) in best.items():
            reasons[0]["score"] = f"{score:.2f}"
            evidence[other].extend(reasons)
        for person, row in persons:
            if not row.common:
                self.prior.people[row.id].append((sid, person.text, person.age, seen_on))


def submission_template(user: Any, districts: list[Any], themes: list[Any]) -> Callable[..., str]:
    """One COPY line of intelligence_submission: the model's own defaults, with the id,
    reference, district, place and times of each row. Rows take the districts in turn, and
    their themes (`line.theme_of`) in a different turn, so every district has every theme."""
    from django.db import connection

    from csphub.intelligence.models import Submission

    columns = [f.column for f in Submission._meta.concrete_fields]
    sample = Submission(
        submitted_by=user,
        organisation=user.organisation,
        information=INFORMATION,
        district=districts[0],
        how_known="first_hand",
        may_contact=True,
        source_disclosable=False,
    )
    fixed = {
        f.column: _text(f.get_db_prep_save(getattr(sample, f.attname), connection))
        for f in Submission._meta.concrete_fields
    }

    def line(sid: int, place: str, postcode: str, created: datetime) -> str:
        values = dict(fixed)
        values.update(
            id=str(sid),
            district_id=str(districts[sid % len(districts)].pk),
            reference=f"{REFERENCE_PREFIX}{sid:08d}",
            place_description=_text(place),
            postcode=_text(postcode),
            created_at=created.isoformat(),
            updated_at=created.isoformat(),
        )
        return "\t".join(values[c] for c in columns) + "\n"

    line.columns = columns  # type: ignore[attr-defined]
    line.theme_of = lambda sid: themes[(sid // len(districts)) % len(themes)].pk  # type: ignore[attr-defined]
    return line


COPIES = {
    "submission": ("intelligence_submission", None),
    "themes": ("intelligence_submission_themes", ["submission_id", "theme_id"]),
    "person": (
        "intelligence_submissionperson",
        ["submission_id", "name", "role", "age", "date_of_birth", "description"],
    ),
    "vehicle": (
        "intelligence_submissionvehicle",
        ["submission_id", "registration", "make", "model", "colour"],
    ),
    "identifier": ("intelligence_submissionidentifier", ["submission_id", "kind", "value"]),
    "entity": (
        "entities_entity",
        [
            "id",
            "kind",
            "key",
            "label",
            "details",
            "submission_count",
            "common",
            "common_reason",
            "first_seen",
            "last_seen",
        ],
    ),  # fmt: skip
    "namekey": ("entities_namekey", ["entity_id", "key", "narrow"]),
    "mention": (
        "entities_mention",
        [
            "entity_id",
            "submission_id",
            "field",
            "start",
            "end",
            "text",
            "role",
            "age",
            "date_of_birth",
            "seen_on",
            "created_at",
        ],
    ),  # fmt: skip
    "link": (
        "entities_link",
        [
            "low_id",
            "high_id",
            "score",
            "reasons",
            "status",
            "decided_by_id",
            "decided_at",
            "decision_reason",
            "created_at",
            "updated_at",
        ],
    ),  # fmt: skip
}


def copy_files(folder: Path, submission_columns: list[str]) -> dict[str, float]:
    """COPY each file into its table (foreign keys checked by construction, not per row)."""
    from django.db import connection

    seconds = {}
    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.execute("SET session_replication_role = replica")
        for name, (table, columns) in COPIES.items():
            started = time.perf_counter()
            names = ", ".join(f'"{c}"' for c in (columns or submission_columns))
            with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                with (folder / f"{name}.tsv").open("rb") as source:
                    while chunk := source.read(1 << 20):
                        copy.write(chunk)
            seconds[name] = time.perf_counter() - started
        raw.execute("SET session_replication_role = DEFAULT")
        for table, _ in COPIES.values():
            raw.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT max(id) FROM {table}), 1))"
            )
    return seconds


def load(n: int, seed: int, marker: str) -> None:
    from django.conf import settings
    from django.db import connection, transaction

    from csphub.geography.models import District
    from csphub.intelligence.models import Theme

    user = bench_user()
    threshold = settings.CSPHUB_COMMON_VALUE_COUNT
    started = time.perf_counter()
    values = Values(seed)
    plan = plan_build(n, values, threshold)
    planned = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="bench-link-"))
    try:
        template = submission_template(
            user, list(District.objects.order_by("pk")), list(Theme.objects.order_by("pk"))
        )
        loader = Loader(plan, values, folder, threshold)
        with cached_normalisers():
            loader.run(template, datetime.now(UTC) - timedelta(days=3 * 365 + 2))
        generated = time.perf_counter()
        with transaction.atomic():
            seconds = copy_files(folder, template.columns)  # type: ignore[attr-defined]
        copied = time.perf_counter()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    with connection.cursor() as cursor:
        for table, _ in COPIES.values():
            cursor.execute(f"VACUUM (ANALYZE) {table}")
        cursor.execute(f"COMMENT ON TABLE intelligence_submission IS 'bench-link {marker}'")
    done = time.perf_counter()
    common = sum(1 for e in loader.entities.values() if e.common)
    print(
        f"  plan {planned - started:.1f}s, extraction and link rows {generated - planned:.1f}s, "
        f"COPY {copied - generated:.1f}s, VACUUM ANALYZE {done - copied:.1f}s: "
        f"total {done - started:.1f}s"
    )
    print("  COPY seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in seconds.items()))
    print(
        f"  rows: submissions {n:,}, mentions {loader.counts['mention']:,}, entities "
        f"{loader.counts['entity']:,} ({common:,} common), name keys "
        f"{loader.counts['namekey']:,}, links {loader.counts['link']:,}"
    )


def bench_user() -> Any:
    from csphub.accounts.models import Organisation, User, UserRole

    organisation, _ = Organisation.objects.get_or_create(
        name="Benchmark Council", defaults={"type": "council"}
    )
    user = User.objects.filter(username="bench-link").first()
    if user is None:
        user = User.objects.create_user(
            "bench-link", "bench-link@example.org", "x", organisation=organisation
        )
        UserRole.objects.create(user=user, role="submitter")
    return user


def table_sizes() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples::bigint, pg_size_pretty(pg_total_relation_size(oid)) "
            "FROM pg_class WHERE relname IN ('intelligence_submission', 'entities_entity', "
            "'entities_mention', 'entities_namekey', 'entities_link') ORDER BY relname"
        )
        print("  " + "; ".join(f"{name} {rows:,} rows {size}" for name, rows, size in cursor))


def verify(n: int, count: int = 50) -> None:
    """Links the last `count` loaded submissions again with the real service (rolled back) and
    compares: the submissions each links to, and the counts and common marks of its entities."""
    from django.db import transaction

    from csphub.entities.models import Entity, Link, Mention
    from csphub.entities.services import submission_link

    agree, counts_kept, differences = 0, 0, []
    for sid in range(max(1, n - count + 1), n + 1):
        loaded = {
            link.other(sid)
            for link in Link.objects.filter(low_id=sid) | Link.objects.filter(high_id=sid)
        }
        entity_ids = Mention.objects.filter(submission_id=sid).values_list("entity_id")
        before = list(
            Entity.objects.filter(pk__in=entity_ids).values_list("pk", "submission_count", "common")
        )
        with contextlib.suppress(_Rollback), transaction.atomic():
            outcome = submission_link(submission_id=sid)
            after = list(
                Entity.objects.filter(pk__in=entity_ids).values_list(
                    "pk", "submission_count", "common"
                )
            )
            raise _Rollback
        linked = {other for other in outcome.linked if other <= n}
        agree += linked == loaded
        counts_kept += sorted(before) == sorted(after)
        if linked != loaded:
            differences.append((sid, len(loaded - linked), len(linked - loaded)))
    print(
        f"  the service, linking the last {count} loaded submissions again: same links for "
        f"{agree}, same entity counts and common marks for {counts_kept}"
        + (f"; (id, missing, extra): {differences[:5]}" if differences else "")
    )


# New submissions ------------------------------------------------------------------------------

TEXT = (
    "{name} has been seen with younger lads outside {address} most evenings. He drives a "
    "{colour} {make} {plate} and gives out the number {phone}. A woman called {other} says he "
    "owes people money and that they go to the flat at all hours. Our housing officer is "
    "worried about the tenant, who told her he 'has friends staying'."
)


def new_inputs(k: int, values: Values, plan: Plan) -> list[tuple[str, Any]]:
    """K submissions: sharing a cluster's values, a common value, a name in a big block, or
    nothing at all; over every district and theme, as the loaded ones are."""
    from csphub.geography.models import District
    from csphub.intelligence.models import Theme

    districts = list(District.objects.order_by("pk").values_list("code", flat=True))
    themes = list(Theme.objects.order_by("pk").values_list("slug", flat=True))
    rng = random.Random(99)
    phones = plan.slots["phone"]
    sizes: dict[int, int] = defaultdict(int)
    for value in phones:
        sizes[value] += 1
    clustered = [sid for sid in range(plan.n) if 3 <= sizes.get(phones[sid], 0) <= 8]
    inputs = []
    for i in range(k):
        mix = ("cluster", "common", "big name block", "new", "cluster", "new")[i % 6]
        phone = values.phone(10_000_000 + i)
        address = values.address(5_000_000 + i)
        vehicle = values.vehicle(5_000_000 + i)
        person = values.person()
        if mix == "cluster":
            sid = rng.choice(clustered)
            phone = values.phone(plan.slots["phone"][sid])
            if plan.people[sid]:
                person = plan.people[sid][0]
        elif mix == "common":
            phone = COMMON_PHONES[i % len(COMMON_PHONES)]
            address = COMMON_ADDRESSES[i % len(COMMON_ADDRESSES)]
        elif mix == "big name block":
            person = Person(
                rng.choice(["John Smith", "Jake Smith", "David Jones", "Joe Smith"]),
                rng.randint(18, 40),
            )
        where = (districts[i % len(districts)], themes[(i // len(districts)) % len(themes)])
        inputs.append(
            (mix, submission_input(person, values.person(), phone, address, vehicle, where))
        )
    return inputs


def submission_input(
    person: Person,
    other: Person,
    phone: str,
    address: tuple[str, str],
    vehicle: tuple[str, str, str, str],
    where: tuple[str, str],
) -> Any:
    from csphub.intelligence.services import SubmissionInput

    plate, make, model, colour = vehicle
    information = TEXT.format(
        name=person.name,
        address=address[0],
        colour=colour.lower(),
        make=make,
        plate=plate,
        phone=phone,
        other=other.name,
    )
    return SubmissionInput(
        themes=[where[1]],
        information=information,
        how_known="second_hand",
        may_contact=True,
        source_disclosable=False,
        postcode=address[1],
        place_description=address[0],
        district_code=where[0],
        people=[{"name": person.name, "role": "subject", "age": person.age, "description": ""}],
        vehicles=[{"registration": plate, "make": make, "model": model, "colour": colour}],
        identifiers=[{"kind": "phone", "value": phone}],
    )


@dataclass
class Timings:
    committed: float = 0.0
    cpu: float = 0.0
    database_cpu: float = 0.0
    statements: int = 0
    extraction: float = 0.0
    engine: float = 0.0
    linked: float = 0.0
    backend: int = 0
    sections: dict[str, float] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)


# Where a link's time goes: the linking service's steps, timed by wrapping them (module globals).
SECTIONS = [
    ("services", "submission_link", "the linking service (all)"),
    ("services", "_link", "after reading and extraction"),
    ("services", "submission_facts", "the submission's facts"),
    ("services", "_entities_upsert", "entities and name keys"),
    ("services", "_shared_values", "shared values"),
    ("services", "_add_people", "people (all)"),
    ("sql", "person_candidates", "people: candidates query"),
    ("services", "_links_upsert", "links upsert"),
]


def process_cpu(pid: int) -> float:
    """CPU seconds used so far by process `pid` (here: the PostgreSQL backend serving us)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def instrumented(timings: Timings) -> Iterator[None]:
    """Times the commit (submission_stored, before the linking receiver), the extraction (the
    whole of extract.extract, and the redaction engine within it) and links ready."""
    from django.db import connection

    from csphub.entities import extract as ex
    from csphub.entities import receivers
    from csphub.entities.signals import links_ready
    from csphub.intelligence.signals import submission_stored

    original_extract, original_spans = ex.extract, ex.text_spans_of

    def timed(function: Callable[..., Any], attribute: str) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                setattr(timings, attribute, time.perf_counter() - started)

        return wrapper

    def on_commit(sender: Any, **kwargs: Any) -> None:
        timings.statements = 0
        timings.sections = {}
        timings.database_cpu = process_cpu(timings.backend)
        timings.cpu = time.process_time()
        timings.committed = time.perf_counter()

    def on_linked(sender: Any, **kwargs: Any) -> None:
        timings.linked = time.perf_counter()

    def on_ready(sender: Any, outcome: Any, **kwargs: Any) -> None:
        timings.rows.append(
            {
                "link_ms": (time.perf_counter() - timings.committed) * 1000,
                "links_only_ms": (timings.linked - timings.committed) * 1000,
                "cpu_ms": (time.process_time() - timings.cpu) * 1000,
                "database_cpu_ms": (process_cpu(timings.backend) - timings.database_cpu) * 1000,
                "statements": timings.statements,
                "extract_ms": timings.extraction * 1000,
                "engine_ms": timings.engine * 1000,
                "linked": len(outcome.linked),
                "mentions": outcome.mentions,
                "sections": {k: v * 1000 for k, v in timings.sections.items()},
            }
        )

    def count(execute: Callable[..., Any], *args: Any) -> Any:
        timings.statements += 1
        return execute(*args)

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        timings.backend = cursor.fetchone()[0]
    submission_stored.disconnect(dispatch_uid="entities-link")
    submission_stored.connect(on_commit, dispatch_uid="bench-commit")
    submission_stored.connect(receivers.submission_stored_link, dispatch_uid="entities-link")
    links_ready.connect(on_ready, dispatch_uid="bench-ready")
    # First of links_ready's receivers, before the alerts' evaluation: links alone are ready.
    links_ready.connect(on_linked, dispatch_uid="bench-linked")
    links_ready.receivers.insert(0, links_ready.receivers.pop())
    links_ready.sender_receivers_cache.clear()
    ex.extract = timed(original_extract, "extraction")  # type: ignore[assignment]
    ex.text_spans_of = timed(original_spans, "engine")  # type: ignore[assignment]
    try:
        with connection.execute_wrapper(count):
            yield
    finally:
        ex.extract, ex.text_spans_of = original_extract, original_spans
        submission_stored.disconnect(dispatch_uid="bench-commit")
        links_ready.disconnect(dispatch_uid="bench-ready")
        links_ready.disconnect(dispatch_uid="bench-linked")


def earlier_runs_undo(n: int) -> int:
    """Deletes the submissions earlier runs made on a kept database (ids above the load's n),
    with what linking them added, so that each run links against the same store: otherwise
    each run's new submissions would also link to the last run's, which are the same."""
    from django.db import connection, transaction
    from django.db.models import Count

    from csphub.alerts.models import Alert
    from csphub.entities.models import Entity, Mention
    from csphub.intelligence.models import Submission

    made = Submission.objects.filter(pk__gt=n)
    if not made.exists():
        return 0
    with transaction.atomic():
        touched = set(
            Mention.objects.filter(submission__in=made).values_list("entity_id", flat=True)
        )
        Alert.objects.all().delete()  # the load makes none: every alert is a run's
        count = made.count()
        made.delete()
        counts = dict(
            Mention.objects.filter(entity_id__in=touched)
            .values("entity_id")
            .annotate(n=Count("submission_id", distinct=True))
            .values_list("entity_id", "n")
        )
        Entity.objects.filter(pk__in=touched - set(counts)).delete()
        for pk, seen in counts.items():
            Entity.objects.filter(pk=pk).update(submission_count=seen)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return count


@contextlib.contextmanager
def sections_timed(timings: Timings) -> Iterator[None]:
    """Adds the time of each of SECTIONS to timings.sections (cleared on each commit)."""
    from csphub.entities import services
    from csphub.entities import sql as sql_module

    modules = {"services": services, "sql": sql_module}
    originals = {(m, name): getattr(modules[m], name) for m, name, _ in SECTIONS}

    def section(function: Callable[..., Any], name: str) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent = time.perf_counter() - started
                timings.sections[name] = timings.sections.get(name, 0.0) + spent

        return wrapper

    for (m, name), function in originals.items():
        setattr(modules[m], name, section(function, name))
    try:
        yield
    finally:
        for (m, name), function in originals.items():
            setattr(modules[m], name, function)


def measure(inputs: list[tuple[str, Any]], warm: list[tuple[str, Any]]) -> tuple[list, dict]:
    from csphub.intelligence.services import submission_create

    user = bench_user()
    memory = {"before": rss_mb()}
    for _, data in warm:  # the redaction engine's models load on first use
        submission_create(submitted_by=user, data=data, notify=False)
    memory["after warm-up"] = rss_mb()
    timings = Timings()
    made: list[tuple[str, int, dict]] = []
    with instrumented(timings), sections_timed(timings):
        for i, (mix, data) in enumerate(inputs, start=1):
            result = submission_create(submitted_by=user, data=data, notify=False)
            made.append((mix, result.submission.pk, timings.rows[-1]))
            if i % 50 == 0:
                memory[f"after {i}"] = rss_mb()
    memory["after"] = rss_mb()
    return made, memory


def report(made: list[tuple[str, int, dict]], memory: dict[str, float]) -> None:
    def line(name: str, rows: list[dict]) -> str:
        link = [r["link_ms"] for r in rows]
        extract = [r["extract_ms"] for r in rows]
        links_only = [r["links_only_ms"] for r in rows]
        engine = [r["engine_ms"] for r in rows]
        return (
            f"  {name:16} {len(rows):>4} "
            + "  ".join(
                f"{statistics.median(v):6.1f} {percentile(v, 0.95):6.1f} {max(v):6.1f}"
                for v in (link, links_only, extract, engine)
            )
            + f"   {statistics.mean(r['linked'] for r in rows):6.1f}"
        )

    def cpu(name: str, rows: list[dict]) -> str:
        return (
            f"  {name:16} "
            + "  ".join(
                f"{statistics.median(v):6.1f} {percentile(v, 0.95):6.1f}"
                for v in (
                    [r["cpu_ms"] for r in rows],
                    [r["cpu_ms"] - r["extract_ms"] for r in rows],
                )
            )
            + f"  {sum(r['database_cpu_ms'] for r in rows) / len(rows):6.1f}"
            + f"   {statistics.mean(r['statements'] for r in rows):5.1f}"
        )

    print("  ms: p50 p95 max of commit to links and alerts ready (all), commit to links ready")
    print("  (before the alert rules run), extraction (all of extract) and the redaction engine")
    print(
        f"  {'mix':16} {'n':>4} {'links and alerts':>20}  {'links':>20}  {'extraction':>20}  "
        f"{'engine':>20}   links"
    )
    print(line("all", [row for _, _, row in made]))
    for mix in dict.fromkeys(m for m, _, _ in made):
        print(line(mix, [row for m, _, row in made if m == mix]))
    print("  CPU ms: the worker p50 p95 (all; without extraction), PostgreSQL's backend (mean)")
    print(f"  {'mix':16} {'worker':>13}  {'w/o extraction':>13}  {'PostgreSQL':>6}   statements")
    print(cpu("all", [row for _, _, row in made]))
    for mix in dict.fromkeys(m for m, _, _ in made):
        print(cpu(mix, [row for m, _, row in made if m == mix]))
    print("  where links' time goes, ms p50 p95 (all new submissions)")
    rows = [row for _, _, row in made]
    for _, name, label in SECTIONS:
        spent = [row["sections"].get(name, 0.0) for row in rows]
        print(f"  {label:28} {statistics.median(spent):6.1f} {percentile(spent, 0.95):6.1f}")
    print("  the five slowest links, ms: " + ", ".join(label for _, _, label in SECTIONS[2:]))
    for mix, pk, row in sorted(made, key=lambda m: -m[2]["links_only_ms"])[:5]:
        spent = " ".join(f"{row['sections'].get(name, 0.0):5.1f}" for _, name, _ in SECTIONS[2:])
        print(f"  {row['links_only_ms']:6.1f} {mix:15} {spent}   {row['linked']} links, #{pk}")
    print(f"  load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("  worker VmRSS MB: " + ", ".join(f"{k} {v:.0f}" for k, v in memory.items()))


# EXPLAIN ANALYZE ------------------------------------------------------------------------------


def explain(made: list[tuple[str, int, dict]]) -> None:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from csphub.entities import sql as sql_module
    from csphub.entities.services import submission_link

    picked = {}
    for mix, pk, _ in made:
        picked.setdefault(mix, pk)
    for mix, pk in picked.items():
        with CaptureQueriesContext(connection) as captured:
            submission_link(submission_id=pk)
        print(f"  {mix} (submission {pk}): {len(captured.captured_queries)} statements")
        for query in captured.captured_queries:
            sql = query["sql"]
            verb = sql.split(None, 1)[0].upper()
            if verb in {"SAVEPOINT", "RELEASE", "BEGIN", "COMMIT", "ROLLBACK", "SET"}:
                continue
            with contextlib.suppress(_Rollback), transaction.atomic():
                sql_module.plans_serial()  # as submission_link does
                with connection.cursor() as cursor:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}")
                    plan = cursor.fetchone()[0][0]
                raise _Rollback
            print("    " + plan_summary(sql, plan))


class _Rollback(Exception):
    pass


def plan_summary(sql: str, plan: dict) -> str:
    nodes: list[str] = []

    def walk(node: dict) -> None:
        name = node["Node Type"]
        if "Index Name" in node:
            name += f" {node['Index Name']}"
        elif "Relation Name" in node:
            name += f" {node['Relation Name']}"
        nodes.append(name)
        for child in node.get("Plans", []):
            walk(child)

    walk(plan["Plan"])
    seq = any(n.startswith("Seq Scan") for n in nodes)
    short = " ".join(sql.split())[:90]
    return (
        f"{plan['Execution Time']:7.2f} ms {'SEQ ' if seq else ''}| {short} | "
        f"{'; '.join(nodes[:6])}"
    )


# Main -----------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--submissions", type=int, default=1_000_000)
    parser.add_argument("--new", type=int, default=200, help="new submissions to link")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--keep", action="store_true", help="reuse a loaded database; keep it")
    parser.add_argument("--no-explain", action="store_true")
    parser.add_argument("--no-verify", action="store_true", help="skip re-linking loaded ones")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE
    if not url.startswith("postgres"):
        print("DATABASE_URL must be a PostgreSQL database")
        return 1
    marker = f"{args.submissions}/{args.seed}/spread"  # the layout: every district and theme
    reuse = database_prepare(url, keep=args.keep, marker=marker)
    os.environ.update(
        {
            "DATABASE_URL": url,
            "DEBUG": "false",
            "SECRET_KEY": "benchmark-only-secret",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "LOG_LEVEL": "ERROR",
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "DJANGO_SETTINGS_MODULE": "csphub.settings",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    try:
        call_command("migrate", verbosity=0)
        print(f"PostgreSQL {url.rsplit('/', 1)[-1]}: {args.submissions:,} submissions")
        if reuse:
            undone = earlier_runs_undo(args.submissions)
            print(f"  reusing the loaded database (--keep); {undone} from earlier runs deleted")
        else:
            load(args.submissions, args.seed, marker)
        table_sizes()
        if not args.no_verify:
            verify(args.submissions)
        values = Values(args.seed)
        plan = plan_build(args.submissions, values, 25)
        inputs = new_inputs(args.new + 5, values, plan)
        print(f"Linking {args.new} new submissions (submission_create, linked on commit)")
        made, memory = measure(inputs[5:], inputs[:5])
        report(made, memory)
        if not args.no_explain:
            print("EXPLAIN ANALYZE of submission_link's statements")
            explain(made)
    finally:
        if not args.keep:
            database_drop(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
