"""Reader for police recorded crime and ASB in the data.police.uk street-level layout.

Plain Python on polars (no Django): the importer, the benchmark and the tests share it.
Accepts a downloaded archive (zip with `YYYY-MM/` folders; outcome and stop-and-search
files in it are skipped), single CSVs and gzipped CSVs, or folders of them. Records are
validated and counted by month, LSOA and crime type; every rejected row is counted under a
reason. The same month arriving twice in one import is refused for the second file, so a
file given twice is never double counted.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import polars as pl

from ..kpi.definitions import POLICE_CATEGORIES

COLUMNS = ("Crime ID", "Month", "LSOA code", "Crime type")
MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
LSOA_PATTERN = r"^[EW]0\d{7}$"


class PoliceFileError(ValueError):
    """A file cannot be read at all (not CSV, wrong columns, broken archive)."""


@dataclass
class PoliceRead:
    counts: pl.DataFrame  # month (int index), lsoa_code, category, count
    months: dict[int, int] = field(default_factory=dict)  # month -> records accepted
    month_sources: dict[int, str] = field(default_factory=dict)
    rows_read: int = 0
    accepted: int = 0
    reasons: Counter = field(default_factory=Counter)
    files: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return sum(self.reasons.values())


def _members(path: Path) -> Iterator[tuple[str, Callable[[], bytes]]]:
    """(name, reader) for every street-level CSV under `path`."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and (_is_csv_name(child.name) or child.suffix.lower() == ".zip"):
                yield from _members(child)
        return
    if not path.exists():
        raise PoliceFileError(f"{path}: no such file.")
    if path.suffix.lower() == ".zip":
        yield from _archive_members(path)
    elif path.name.lower().endswith(".gz"):
        yield path.name, partial(_read_gz, path)
    else:
        yield path.name, path.read_bytes


def _archive_members(path: Path) -> Iterator[tuple[str, Callable[[], bytes]]]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise PoliceFileError(f"{path.name}: not a zip archive.") from None
    names = sorted(n for n in archive.namelist() if _is_csv_name(n) and _is_street(n))
    if not names:
        raise PoliceFileError(f"{path.name}: the archive holds no street-level CSV files.")
    for name in names:
        yield f"{path.name}:{name}", partial(archive.read, name)


def _read_gz(path: Path) -> bytes:
    try:
        return gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as exc:
        raise PoliceFileError(f"{path.name}: not a readable gzip file ({exc}).") from None


def _is_csv_name(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(".csv") or lower.endswith(".csv.gz")


def _is_street(name: str) -> bool:
    lower = Path(name).name.lower()
    return not (lower.endswith("-outcomes.csv") or "stop-and-search" in lower)


def _frame(name: str, data: bytes) -> pl.DataFrame:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    header = data[:4096].split(b"\n", 1)[0].decode("utf-8", "replace")
    present = [c.strip().strip('"') for c in header.strip().split(",")]
    missing = [c for c in COLUMNS if c not in present]
    if missing:
        raise PoliceFileError(
            f"{name}: not in the data.police.uk street-level layout (missing column(s): "
            f"{', '.join(missing)})."
        )
    try:
        return pl.read_csv(
            io.BytesIO(data),
            columns=list(COLUMNS),
            schema_overrides={c: pl.String for c in COLUMNS},
            encoding="utf8-lossy",
            truncate_ragged_lines=True,
            infer_schema=False,
        )
    except pl.exceptions.PolarsError as exc:
        raise PoliceFileError(
            f"{name}: cannot be read as CSV ({exc.__class__.__name__})."
        ) from None


def read_police(
    paths: list[str | Path], progress: Callable[[str, int], None] | None = None
) -> PoliceRead:
    """Read every file, validate each row and return the monthly counts with the rejections."""
    result = PoliceRead(counts=pl.DataFrame())
    parts: list[pl.DataFrame] = []
    categories = pl.Series(list(POLICE_CATEGORIES))
    for path in paths:
        for name, reader in _members(Path(path)):
            frame = _frame(name, reader())
            result.files.append(name)
            result.rows_read += frame.height
            checked = (
                frame.lazy()
                .with_columns(
                    pl.col("Month").str.strip_chars().alias("Month"),
                    pl.col("LSOA code").str.strip_chars().alias("LSOA code"),
                    pl.col("Crime type").str.strip_chars().alias("Crime type"),
                )
                .with_columns(
                    pl.when(
                        pl.col("Month").is_null() | ~pl.col("Month").str.contains(MONTH_PATTERN)
                    )
                    .then(pl.lit("month is not YYYY-MM"))
                    .when(
                        pl.col("Crime type").is_null()
                        | ~pl.col("Crime type").is_in(categories.implode())
                    )
                    .then(pl.lit("unknown crime type"))
                    .when(pl.col("LSOA code").is_null() | (pl.col("LSOA code") == ""))
                    .then(pl.lit("no location (no LSOA code), so it cannot be placed in an area"))
                    .when(~pl.col("LSOA code").str.contains(LSOA_PATTERN))
                    .then(pl.lit("LSOA code is not an England or Wales LSOA code"))
                    .when(
                        pl.col("Crime ID").is_not_null()
                        & (pl.col("Crime ID") != "")
                        & ~pl.col("Crime ID").is_first_distinct()
                    )
                    .then(pl.lit("duplicate Crime ID in the file"))
                    .otherwise(None)
                    .alias("reason")
                )
            )
            # One pass: the reasons and the counts of the good rows come from the same plan, and
            # the month is turned into a number only on the (much smaller) counts.
            reasons, good = pl.collect_all(
                [
                    checked.group_by("reason").len(),
                    checked.filter(pl.col("reason").is_null())
                    .group_by("Month", "LSOA code", "Crime type")
                    .agg(pl.len().alias("count"))
                    .select(
                        (
                            pl.col("Month").str.slice(0, 4).cast(pl.Int32) * 12
                            + pl.col("Month").str.slice(5, 2).cast(pl.Int32)
                            - 1
                        ).alias("month"),
                        pl.col("LSOA code").alias("lsoa_code"),
                        pl.col("Crime type").alias("category"),
                        pl.col("count").cast(pl.Int64),
                    ),
                ]
            )
            for reason, count in reasons.iter_rows():
                if reason is not None:
                    result.reasons[reason] += count
            # A month already read from another file in this import is not counted twice.
            months = dict(good.group_by("month").agg(pl.col("count").sum()).iter_rows())
            repeated = [m for m in months if m in result.month_sources]
            if repeated:
                result.reasons["month already read from another file in this import"] += sum(
                    months.pop(m) for m in repeated
                )
                good = good.filter(~pl.col("month").is_in(repeated))
            for month, count in months.items():
                result.months[month] = result.months.get(month, 0) + count
                result.month_sources[month] = name
            result.accepted += sum(months.values())
            parts.append(good)
            if progress:
                progress(name, frame.height)
    if not result.files:
        raise PoliceFileError("No CSV files found.")
    result.counts = (
        pl.concat(parts)
        .group_by("month", "lsoa_code", "category")
        .agg(pl.col("count").sum().cast(pl.Int64))
        if parts
        else pl.DataFrame(
            schema={
                "month": pl.Int32,
                "lsoa_code": pl.String,
                "category": pl.String,
                "count": pl.Int64,
            }
        )
    )
    return result
