"""Writes for geography: loading the ONS postcode lookup.

`postcodes_import` reads a postcode lookup CSV (plain or gzipped) in either our shared layout
(postcode, lsoa_code, district_code, latitude, longitude, terminated) or the ONS ONSPD/NSPL
layout (pcds/pcd, lsoa11/lsoa21, oslaua/laua, lat, long, doterm) and upserts it into the
Postcode table in batches, inside one transaction: a file that fails part-way (bad encoding,
a broken gzip stream) leaves the table as it was. Re-importing a file replaces its rows.
"""

from __future__ import annotations

import csv
import gzip
import io
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import District, Postcode
from .postcodes import InvalidPostcode, normalise_postcode

BATCH_SIZE = 2_000
PROGRESS_EVERY = 10_000
MAX_EXAMPLES = 5

# Our field -> the header names that may carry it, in order of preference (compared
# case-insensitively, ignoring surrounding spaces). LSOA 2011 is preferred to LSOA 2021
# because the crime, population and boundary data the partnership uses are on 2011 LSOAs.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "postcode": ("postcode", "pcds", "pcd", "pcd2", "pcd7", "pcd8"),
    "lsoa_code": ("lsoa_code", "lsoa11", "lsoa11cd", "lsoa21", "lsoa21cd"),
    "district_code": ("district_code", "oslaua", "laua", "ladcd", "lad22cd", "lad23cd"),
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "long", "lon", "lng"),
    "terminated": ("terminated", "doterm"),
}
REQUIRED_FIELDS = ("postcode", "lsoa_code", "district_code")
_TRUE = {"yes", "y", "true", "1", "t"}
_FALSE = {"no", "n", "false", "0", "f", ""}
# ONSPD gives postcodes without a grid reference latitude 99.999999 and longitude 0.
_NO_GRID_LATITUDE = 99.999999


@dataclass
class Rejection:
    line: int
    postcode: str
    reason: str


@dataclass
class PostcodeImportResult:
    rows_read: int = 0
    imported: int = 0
    new: int = 0
    duplicates: int = 0
    skipped_other_districts: int = 0
    rejected: int = 0
    reasons: Counter = field(default_factory=Counter)
    examples: list[Rejection] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # our field -> the file's header

    def reject(self, line: int, postcode: str, reason: str) -> None:
        self.rejected += 1
        self.reasons[reason] += 1
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append(Rejection(line=line, postcode=postcode, reason=reason))


class _Invalid(Exception):
    pass


def _file_error(message: str) -> ValidationError:
    return ValidationError({"file": [message]})


def _open_text(path: Path) -> io.TextIOBase:
    """Open plain or gzipped CSV as UTF-8 text (a byte-order mark is skipped)."""
    with open(path, "rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
    if gzipped:
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")


def map_columns(header: list[str]) -> dict[str, int]:
    """Our field -> column index, from the file's header. Raise when a required one is missing."""
    positions = {name.strip().lower(): index for index, name in reversed(list(enumerate(header)))}
    found: dict[str, int] = {}
    for our_field, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in positions:
                found[our_field] = positions[alias]
                break
    missing = [name for name in REQUIRED_FIELDS if name not in found]
    if missing:
        wanted = "; ".join(f"{name} (or {', '.join(COLUMN_ALIASES[name][1:])})" for name in missing)
        raise _file_error(
            f"The file is missing required columns: {wanted}. "
            f"Its header is: {', '.join(h.strip() for h in header) or '(empty)'}."
        )
    return found


def _coordinate(value: str, *, label: str, limit: float) -> float | None:
    value = value.strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise _Invalid(f"{label} is not a number") from None
    if number != number or abs(number) > limit:  # NaN or out of range
        raise _Invalid(f"{label} is out of range")
    return number


def _terminated(value: str, *, column: str) -> bool:
    value = value.strip()
    if column == "doterm":
        return bool(value)
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise _Invalid("terminated is not yes or no")


def _row_to_postcode(row: list[str], columns: dict[str, int], names: dict[str, str]) -> Postcode:
    def cell(our_field: str) -> str:
        index = columns.get(our_field)
        if index is None or index >= len(row):
            return ""
        return row[index]

    raw = cell("postcode")
    if not raw.strip():
        raise _Invalid("postcode is blank")
    try:
        postcode = normalise_postcode(raw)
    except InvalidPostcode:
        raise _Invalid("not a valid UK postcode") from None
    lsoa = cell("lsoa_code").strip().upper()
    district = cell("district_code").strip().upper()
    if len(lsoa) > 9:
        raise _Invalid("LSOA code is longer than 9 characters")
    if len(district) > 9:
        raise _Invalid("district code is longer than 9 characters")
    latitude_text = cell("latitude").strip()
    if (
        latitude_text
        and _coordinate(latitude_text, label="latitude", limit=100) == _NO_GRID_LATITUDE
    ):
        latitude_text = ""  # ONSPD's "no grid reference": no location, not an error
    latitude = _coordinate(latitude_text, label="latitude", limit=90)
    longitude = _coordinate(cell("longitude"), label="longitude", limit=180)
    if latitude is None or longitude is None:
        latitude = longitude = None
    terminated = (
        _terminated(cell("terminated"), column=names.get("terminated", ""))
        if "terminated" in columns
        else False
    )
    return Postcode(
        postcode=postcode,
        lsoa_code=lsoa,
        district_code=district,
        latitude=latitude,
        longitude=longitude,
        terminated=terminated,
    )


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each row after the header; the header comes first as line 1."""
    try:
        with _open_text(path) as handle:
            reader = csv.reader(handle)
            for row in reader:
                yield reader.line_num, row
    except UnicodeDecodeError as exc:
        raise _file_error(
            f"{path.name} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} cannot be read). "
            "Save it as CSV UTF-8 and import it again."
        ) from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise _file_error(f"{path.name} is not a readable gzip file ({exc}).") from None
    except csv.Error as exc:
        raise _file_error(f"{path.name} is not a readable CSV file ({exc}).") from None


def _upsert(batch: dict[str, Postcode]) -> None:
    Postcode.objects.bulk_create(
        batch.values(),
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["postcode"],
        update_fields=["lsoa_code", "district_code", "latitude", "longitude", "terminated"],
    )


def _read_header(
    path: Path, rows: Iterator[tuple[int, list[str]]], result: PostcodeImportResult
) -> tuple[dict[str, int], dict[str, str]]:
    """The header's column for each of our fields, and its lowercased name; the columns as the
    file spells them are kept on the result."""
    header = next(rows, None)
    if header is None:
        raise _file_error(f"{path.name} is empty: expected a header row.")
    columns = map_columns(header[1])
    names = {our: header[1][index].strip().lower() for our, index in columns.items()}
    result.columns = {our: header[1][index].strip() for our, index in columns.items()}
    return columns, names


def _accept_row(
    line: int,
    row: list[str],
    *,
    columns: dict[str, int],
    names: dict[str, str],
    known: set[str] | None,
    seen: set[str],
    result: PostcodeImportResult,
) -> Postcode | None:
    """The row's postcode to write, or None when it is rejected or for another district. Either
    way the row is counted on the result; a postcode already seen counts as a duplicate."""
    try:
        postcode = _row_to_postcode(row, columns, names)
    except _Invalid as exc:
        index = columns["postcode"]
        result.reject(line, row[index].strip() if index < len(row) else "", str(exc))
        return None
    if known is not None and postcode.district_code not in known:
        result.skipped_other_districts += 1
        return None
    if postcode.postcode in seen:
        result.duplicates += 1  # the later row wins, as a re-import would
    else:
        seen.add(postcode.postcode)
        result.imported += 1
    return postcode


@transaction.atomic
def postcodes_import(
    *,
    path: str | Path,
    only_known_districts: bool = False,
    progress: Callable[[int], None] | None = None,
) -> PostcodeImportResult:
    """Upsert the postcodes in a lookup CSV (or .csv.gz); see the module docstring.

    Rows with an invalid postcode or value are rejected and counted with their reason. With
    `only_known_districts`, rows for districts not in the District table are skipped (useful
    with the national ONSPD file). Raises ValidationError for an unreadable file or a header
    without the required columns; nothing is written then.
    """
    path = Path(path)
    if not path.is_file():
        raise _file_error(f"There is no file at {path}.")
    result = PostcodeImportResult()
    known = set(District.objects.values_list("code", flat=True)) if only_known_districts else None
    before = Postcode.objects.count()
    rows = _rows(path)
    columns, names = _read_header(path, rows, result)
    seen: set[str] = set()
    batch: dict[str, Postcode] = {}
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue  # a blank line is not a row
        result.rows_read += 1
        if progress and result.rows_read % PROGRESS_EVERY == 0:
            progress(result.rows_read)
        postcode = _accept_row(
            line, row, columns=columns, names=names, known=known, seen=seen, result=result
        )
        if postcode is None:
            continue
        batch[postcode.postcode] = postcode
        if len(batch) >= BATCH_SIZE:
            _upsert(batch)
            batch = {}
    if batch:
        _upsert(batch)
    result.new = Postcode.objects.count() - before
    return result
