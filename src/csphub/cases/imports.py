"""Moving in: a case system's incident export and the police's incident-level ASB export.

Every row is checked before anything is written, and a problem names its row and column; the
write is one transaction, so a file with one bad row leaves the database as it was. Rows are
matched on their own identifiers (the case system's case reference and incident id, the
police incident number), so running an import again updates what changed and adds nothing
twice."""

from __future__ import annotations

import csv
import io
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from csphub.accounts.models import User
from csphub.audit.services import audit_record
from csphub.geography.models import District, Postcode
from csphub.geography.postcodes import InvalidPostcode, normalise_postcode
from csphub.geography.selectors import district_for_code

from . import sql
from .models import Case, CaseEvent, Category, EventKind, Incident, PoliceAsbIncident

CASE_COLUMNS = (
    "case_reference",
    "incident_id",
    "occurred_at",
    "reported_at",
    "address",
    "postcode",
    "latitude",
    "longitude",
    "category",
    "description",
    "police_incident_number",
)
POLICE_COLUMNS = (
    "incident_number",
    "reported_at",
    "latitude",
    "longitude",
    "postcode",
    "pen_category",
    "asb_type",
    "description",
)
MOST_PROBLEMS = 50  # a wrong file would otherwise list every one of its rows
BATCH = 2000


@dataclass
class ImportResult:
    rows: int = 0
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    unplaced: int = 0
    placed_by_option: int = 0
    option_district: str = ""

    def lines(self) -> list[str]:
        out = [f"Read {self.rows:,} rows."]
        for what in sorted(set(self.created) | set(self.updated) | set(self.unchanged)):
            out.append(
                f"{what.capitalize()}: {self.created[what]:,} new, {self.updated[what]:,} "
                f"updated, {self.unchanged[what]:,} unchanged."
            )
        if self.unplaced:
            out.append(
                f"{self.unplaced:,} incidents could not be placed in a district of the "
                "partnership (no postcode or coordinates that the postcode table knows)."
            )
        if self.placed_by_option:
            out.append(
                f"{self.placed_by_option:,} incidents were placed in {self.option_district} by "
                "--district: the postcode table could not place them."
            )
        return out


class _Problems:
    def __init__(self) -> None:
        self.messages: list[str] = []
        self.more = 0

    def add(self, row: int, column: str, message: str) -> None:
        if len(self.messages) < MOST_PROBLEMS:
            where = f"Row {row}, column {column}" if column else f"Row {row}"
            self.messages.append(f"{where}: {message}")
        else:
            self.more += 1

    def raise_any(self, name: str) -> None:
        if self.messages:
            more = [f"…and {self.more:,} more problems."] if self.more else []
            raise ValidationError(
                [f"{name} was not imported; nothing was written.", *self.messages, *more]
            )


def _rows(path: Path, columns: tuple[str, ...], problems: _Problems) -> Iterator[tuple[int, dict]]:
    """The file's rows as dicts, numbered as a spreadsheet shows them (the header is row 1)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"Cannot read {path.name}: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            f"{path.name} is not UTF-8 text: save it from the case system as CSV (UTF-8)"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in next(reader, [])]
    missing = [name for name in columns if name not in header]
    if missing:
        raise ValidationError(
            f"{path.name} lacks the column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)}. The first row must name the columns: {', '.join(columns)}"
        )
    where = {name: header.index(name) for name in columns}
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            problems.add(number, "", f"has {len(row)} values where the header has {len(header)}")
            continue
        yield number, {name: row[i].strip() for name, i in where.items()}


def _when(value: str, row: int, column: str, problems: _Problems) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        problems.add(
            row, column, f"'{value}' is not an ISO date and time, like 2026-03-14T21:30:00"
        )
        return None
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


def _coordinates(values: dict, row: int, problems: _Problems) -> tuple[float | None, float | None]:
    found: dict[str, float | None] = {}
    for column, limit in (("latitude", 90.0), ("longitude", 180.0)):
        value = values[column]
        found[column] = None
        if not value:
            continue
        try:
            number = float(value)
        except ValueError:
            problems.add(row, column, f"'{value}' is not a number")
            continue
        if not math.isfinite(number) or abs(number) > limit:
            problems.add(row, column, f"{value} is not a {column} (-{limit:g} to {limit:g})")
            continue
        found[column] = number
    latitude, longitude = found["latitude"], found["longitude"]
    if (values["latitude"] == "") != (values["longitude"] == ""):
        given, other = (
            ("latitude", "longitude") if values["latitude"] else ("longitude", "latitude")
        )
        problems.add(row, other, f"is blank while {given} is given: give both or neither")
        return None, None
    return latitude, longitude


def _postcode(value: str, row: int, problems: _Problems) -> str:
    if not value:
        return ""
    try:
        return normalise_postcode(value)
    except InvalidPostcode:
        problems.add(row, "postcode", f"'{value}' is not a UK postcode, like LE11 3AA")
        return ""


_CATEGORIES = {"p": "personal", "e": "environmental", "n": "nuisance"}


def _category(value: str, row: int, column: str, problems: _Problems) -> str:
    """'Personal', 'P', 'ASB - Nuisance', 'ASB Environmental' (the police's own spellings)."""
    if not value:
        return ""
    word = value.lower().removeprefix("asb").strip(" -:").strip()
    found = _CATEGORIES.get(word[:1]) if word in Category.values or len(word) == 1 else None
    if found is None:
        problems.add(
            row, column, f"'{value}' is not an ASB category: personal, environmental or nuisance"
        )
        return ""
    return found


class _Places:
    """Postcode or coordinates -> LSOA and district, from the imported postcode table. The
    nearest postcode (within about a kilometre) places a row that has only coordinates."""

    CELL = 0.01  # degrees: about 1.1 km north-south, 0.7 km east-west here

    def __init__(self, fallback: District | None) -> None:
        self.fallback = fallback
        self.fallbacks = 0
        self._grid: dict[tuple[int, int], list[tuple[float, float, str, str]]] | None = None
        self._codes: dict[str, tuple[str, str, float | None, float | None]] = {}

    def _load(self) -> dict[tuple[int, int], list[tuple[float, float, str, str]]]:
        if self._grid is None:
            self._grid = defaultdict(list)
            rows = Postcode.objects.filter(terminated=False).values_list(
                "postcode", "lsoa_code", "district_code", "latitude", "longitude"
            )
            for postcode, lsoa, district, lat, lon in rows.iterator(chunk_size=20000):
                self._codes[postcode] = (lsoa, district, lat, lon)
                if lat is not None and lon is not None:
                    self._grid[self._cell(lat, lon)].append((lat, lon, lsoa, district))
        return self._grid

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return int(lat // self.CELL), int(lon // self.CELL)

    def place(
        self, postcode: str, lat: float | None, lon: float | None
    ) -> tuple[str, District | None, float | None, float | None]:
        """(LSOA code, district, latitude, longitude); the postcode's centre when the row
        gave no coordinates."""
        grid = self._load()
        if postcode in self._codes:
            lsoa, code, plat, plon = self._codes[postcode]
            district = district_for_code(code)
            if district is not None:
                return (
                    lsoa,
                    district,
                    lat if lat is not None else plat,
                    lon if lon is not None else plon,
                )
        if lat is not None and lon is not None:
            cy, cx = self._cell(lat, lon)
            near = [
                p
                for dy in (-1, 0, 1)
                for dx in (-1, 0, 1)
                for p in grid.get((cy + dy, cx + dx), ())
            ]
            if near:
                scale = math.cos(math.radians(lat))
                best = min(near, key=lambda p: (p[0] - lat) ** 2 + ((p[1] - lon) * scale) ** 2)
                district = district_for_code(best[3])
                if district is not None:
                    return best[2], district, lat, lon
        self.fallbacks += self.fallback is not None
        return "", self.fallback, lat, lon


@dataclass
class _CaseRow:
    row: int
    case_reference: str
    incident_id: str
    occurred_at: datetime
    reported_at: datetime
    address: str
    postcode: str
    latitude: float | None
    longitude: float | None
    category: str
    description: str
    police_incident_number: str


def _case_rows(path: Path) -> list[_CaseRow]:
    problems = _Problems()
    out: list[_CaseRow] = []
    seen: dict[tuple[str, str], int] = {}
    for row, values in _rows(path, CASE_COLUMNS, problems):
        for column in ("case_reference", "incident_id"):
            if not values[column]:
                problems.add(row, column, "is blank: every incident needs its case and its id")
        occurred = _when(values["occurred_at"], row, "occurred_at", problems)
        reported = _when(values["reported_at"], row, "reported_at", problems)
        if not values["occurred_at"] and not values["reported_at"]:
            problems.add(row, "occurred_at", "and reported_at are both blank: give at least one")
        occurred, reported = occurred or reported, reported or occurred
        if occurred and reported and reported < occurred:
            problems.add(row, "reported_at", "is before occurred_at")
        latitude, longitude = _coordinates(values, row, problems)
        postcode = _postcode(values["postcode"], row, problems)
        category = _category(values["category"], row, "category", problems)
        key = (values["case_reference"], values["incident_id"])
        if all(key) and key in seen:
            problems.add(
                row, "incident_id", f"{key[1]} of case {key[0]} is also on row {seen[key]}"
            )
        seen.setdefault(key, row)
        if occurred is None or reported is None:
            continue
        out.append(
            _CaseRow(
                row=row,
                case_reference=values["case_reference"][:60],
                incident_id=values["incident_id"][:60],
                occurred_at=occurred,
                reported_at=reported,
                address=values["address"][:300],
                postcode=postcode,
                latitude=latitude,
                longitude=longitude,
                category=category,
                description=values["description"],
                police_incident_number=values["police_incident_number"].upper()[:40],
            )
        )
    problems.raise_any(path.name)
    return out


def _changed(obj: Any, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


INCIDENT_FIELDS = (
    "occurred_at",
    "reported_at",
    "address",
    "postcode",
    "latitude",
    "longitude",
    "lsoa_code",
    "district",
    "category",
    "description",
    "police_incident_number",
)


@transaction.atomic
def cases_import(
    *, path: Path, actor: User, district: District | None = None, now: datetime | None = None
) -> ImportResult:
    """Load a case system's incident export as cases led by the actor's organisation, one case
    per case_reference. `district` places a case none of whose incidents the postcode table
    can place."""
    from .services import case_officer_check

    case_officer_check(actor)
    assert actor.organisation is not None
    rows = _case_rows(path)
    now = now or timezone.now()
    places = _Places(district)
    result = ImportResult(rows=len(rows))
    by_case: dict[str, list[_CaseRow]] = defaultdict(list)
    for r in rows:
        by_case[r.case_reference].append(r)
    placed = {id(r): places.place(r.postcode, r.latitude, r.longitude) for r in rows}
    problems = _Problems()
    for reference, incidents in by_case.items():
        if not any(placed[id(r)][1] for r in incidents):
            problems.add(
                incidents[0].row,
                "postcode",
                f"no incident of case {reference} could be placed in a district of the "
                "partnership: give its postcodes or coordinates, or import with --district",
            )
    problems.raise_any(path.name)
    cases = {
        c.source_reference: c
        for c in Case.objects.filter(
            lead_organisation=actor.organisation, source_reference__in=list(by_case)
        )
    }
    for reference, incidents in by_case.items():
        case = cases.get(reference) or _case_create(reference, incidents, placed, actor, now)
        if reference in cases:
            result.unchanged["cases"] += 1
        else:
            cases[reference] = case
            result.created["cases"] += 1
    existing = {
        (i.case_id, i.source_id): i
        for i in Incident.objects.filter(case__in=list(cases.values())).exclude(source_id="")
    }
    new, changed = [], []
    for r in rows:
        case = cases[r.case_reference]
        lsoa, where, latitude, longitude = placed[id(r)]
        values = {
            "occurred_at": r.occurred_at,
            "reported_at": r.reported_at,
            "address": r.address,
            "postcode": r.postcode,
            "latitude": latitude,
            "longitude": longitude,
            "lsoa_code": lsoa,
            "district_id": where.pk if where else None,
            "category": r.category or case.category,
            "description": r.description,
            "police_incident_number": r.police_incident_number,
        }
        result.unplaced += where is None
        found = existing.get((case.pk, r.incident_id))
        if found is None:
            new.append(
                Incident(
                    case=case, source_id=r.incident_id, logged_by=actor, logged_at=now, **values
                )
            )
        elif _changed(found, values):
            changed.append(found)
        else:
            result.unchanged["incidents"] += 1
    result.placed_by_option = places.fallbacks
    result.option_district = district.name if district else ""
    Incident.objects.bulk_create(new, batch_size=BATCH)
    Incident.objects.bulk_update(changed, INCIDENT_FIELDS, batch_size=BATCH)
    result.created["incidents"] += len(new)
    result.updated["incidents"] += len(changed)
    audit_record(
        actor=actor,
        action="cases.imported",
        object_type="case",
        summary=(f"Imported {path.name}: " + " ".join(result.lines()))[:300],
    )
    return result


def _case_create(
    reference: str,
    incidents: list[_CaseRow],
    placed: dict[int, tuple[str, District | None, float | None, float | None]],
    actor: User,
    now: datetime,
) -> Case:
    """A case for an imported case reference: where most of its incidents are, of the category
    most of them have. Its risk is not assessed until an officer reviews it."""
    from .services import PREFIX

    districts = Counter(placed[id(r)][1] for r in incidents if placed[id(r)][1] is not None)
    categories = Counter(r.category for r in incidents if r.category)
    postcodes = Counter(r.postcode for r in incidents if r.postcode)
    first = min(incidents, key=lambda r: r.reported_at)
    where = next(r for r in incidents if placed[id(r)][1] == districts.most_common(1)[0][0])
    lsoa, district, latitude, longitude = placed[id(where)]
    assert district is not None and actor.organisation is not None  # checked by the caller
    year = timezone.localtime(now).year
    case = Case.objects.create(
        reference=f"{PREFIX}-{year}-{sql.case_counter_next(year):05d}",
        title=f"Imported case {reference}"[:200],
        subject_type="place",
        category=categories.most_common(1)[0][0] if categories else "",
        district=district,
        lsoa_code=lsoa,
        location=where.address,
        postcode=postcodes.most_common(1)[0][0] if postcodes else "",
        latitude=round(latitude, 5) if latitude is not None else None,
        longitude=round(longitude, 5) if longitude is not None else None,
        lead_organisation=actor.organisation,
        officer=actor,
        opened_at=first.reported_at,
        created_by=actor,
        source_reference=reference,
    )
    CaseEvent.objects.create(
        case=case,
        kind=EventKind.IMPORTED,
        text=f"Imported from the case system, where it is {reference}",
        actor=actor,
        at=now,
    )
    return case


@dataclass
class _PoliceRow:
    row: int
    incident_number: str
    reported_at: datetime
    latitude: float | None
    longitude: float | None
    postcode: str
    category: str
    asb_type: str
    description: str


def _police_rows(path: Path) -> list[_PoliceRow]:
    problems = _Problems()
    out: list[_PoliceRow] = []
    seen: dict[str, int] = {}
    for row, values in _rows(path, POLICE_COLUMNS, problems):
        number = values["incident_number"].upper()
        if not number:
            problems.add(row, "incident_number", "is blank: every incident needs its number")
        elif number in seen:
            problems.add(row, "incident_number", f"{number} is also on row {seen[number]}")
        seen.setdefault(number, row)
        reported = _when(values["reported_at"], row, "reported_at", problems)
        if not values["reported_at"]:
            problems.add(row, "reported_at", "is blank: every incident needs when it was reported")
        latitude, longitude = _coordinates(values, row, problems)
        postcode = _postcode(values["postcode"], row, problems)
        category = _category(values["pen_category"], row, "pen_category", problems)
        if reported is None or not number:
            continue
        out.append(
            _PoliceRow(
                row=row,
                incident_number=number[:40],
                reported_at=reported,
                latitude=latitude,
                longitude=longitude,
                postcode=postcode,
                category=category,
                asb_type=values["asb_type"][:100],
                description=values["description"],
            )
        )
    problems.raise_any(path.name)
    return out


POLICE_FIELDS = (
    "reported_at",
    "latitude",
    "longitude",
    "postcode",
    "lsoa_code",
    "district",
    "category",
    "asb_type",
    "description",
)


@transaction.atomic
def police_asb_import(
    *,
    path: Path,
    actor: User | None = None,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Load the police's incident-level ASB export; an incident number already held is
    updated, never added twice."""
    rows = _police_rows(path)
    now = now or timezone.now()
    places = _Places(None)
    result = ImportResult(rows=len(rows))
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        held = {
            p.incident_number: p
            for p in PoliceAsbIncident.objects.filter(
                incident_number__in=[r.incident_number for r in batch]
            )
        }
        new, changed = [], []
        for r in batch:
            lsoa, district, latitude, longitude = places.place(r.postcode, r.latitude, r.longitude)
            result.unplaced += district is None
            values = {
                "reported_at": r.reported_at,
                "latitude": latitude,
                "longitude": longitude,
                "postcode": r.postcode,
                "lsoa_code": lsoa,
                "district_id": district.pk if district else None,
                "category": r.category,
                "asb_type": r.asb_type,
                "description": r.description,
            }
            found = held.get(r.incident_number)
            if found is None:
                new.append(
                    PoliceAsbIncident(incident_number=r.incident_number, imported_at=now, **values)
                )
            elif _changed(found, values):
                changed.append(found)
            else:
                result.unchanged["police incidents"] += 1
        PoliceAsbIncident.objects.bulk_create(new, batch_size=BATCH)
        PoliceAsbIncident.objects.bulk_update(changed, POLICE_FIELDS, batch_size=BATCH)
        result.created["police incidents"] += len(new)
        result.updated["police incidents"] += len(changed)
        if progress:
            progress(len(batch))
    audit_record(
        actor=actor,
        action="police_asb.imported",
        object_type="policeasbincident",
        summary=(f"Imported {path.name}: " + " ".join(result.lines()))[:300],
    )
    return result
