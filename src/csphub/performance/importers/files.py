"""Reading the uploaded CSV files: text in UTF-8 (gzip allowed), columns found by their
aliases, figures and area codes checked the same way by every importer."""

from __future__ import annotations

import csv
import gzip
import io
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from django.core.exceptions import ValidationError

LSOA_CODE = re.compile(r"^[EW]0\d{7}$")
AREA_CODE = re.compile(r"^[EWSN]\d{8}$")


def read_text(path: str | Path) -> str:
    """The file's text; a bad file is the analyst's problem, so it is a ValidationError."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"{path}: no such file.")
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            raise ValidationError(f"{path.name}: not a readable gzip file.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            f"{path.name}: the file is not UTF-8 text. Save it as CSV UTF-8 and try again."
        ) from None


def csv_rows(
    text: str, aliases: Mapping[str, tuple[str, ...]], required: Iterable[str], name: str
) -> Iterator[tuple[int, dict[str, str]]]:
    """Each non-blank row (with its line number) as our field names to stripped values."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise ValidationError(f"{name}: the file is empty.") from None
    positions: dict[str, int] = {}
    for ours, theirs in aliases.items():
        for alias in theirs:
            if alias.lower() in header:
                positions[ours] = header.index(alias.lower())
                break
    missing = [f for f in required if f not in positions]
    if missing:
        raise ValidationError(
            f"{name}: missing column(s) {', '.join(missing)} (found: {', '.join(header)})."
        )
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        yield line, {f: (row[i].strip() if i < len(row) else "") for f, i in positions.items()}


def number(raw: str) -> float | None:
    """A figure as spreadsheets write it ("1,234", "63.6%"); blank is no figure."""
    if raw == "":
        return None
    value = float(raw.replace(",", "").rstrip("%"))
    if not math.isfinite(value):
        raise ValueError(raw)
    return value
