"""A set of files in the importers' layouts, and its loading through the import services.

The real files (`real_dataset()`, the shared folder's layout) and the demo's generated ones
(csphub.demo.performance) are both a `Dataset`; `load_dataset()` imports either the same way
and recomputes the KPIs once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

from .shared_data import shared_data_dir

if TYPE_CHECKING:
    from csphub.accounts.models import User

    from .summary import ImportSummary


@dataclass
class Dataset:
    """A set of files for the importers, in import order."""

    lookup: Path
    boundaries: Path | None
    populations: dict[int, Path]
    police: list[Path]
    indicators: Path | None = None
    real_geography: bool = False
    description: str = ""
    records: int = 0
    files: list[Path] = field(default_factory=list)


def real_dataset(
    data_dir: Path | str | None = None, *, indicators: Path | str | None = None
) -> Dataset:
    """The real files in the shared folder's layout (ons/ and police-uk/)."""
    data_dir = Path(data_dir) if data_dir is not None else shared_data_dir()
    ons = data_dir / "ons"
    populations = {}
    for path in sorted(ons.glob("population-lsoa-mid*.csv")):
        digits = path.stem.removeprefix("population-lsoa-mid")
        if digits.isdigit():
            populations[int(digits)] = path
    boundaries = ons / "lsoa11-boundaries-llr.geojson"
    return Dataset(
        lookup=ons / "lsoa11-lookup.csv",
        boundaries=boundaries if boundaries.is_file() else None,
        populations=populations,
        police=sorted((data_dir / "police-uk").glob("*.zip")),
        indicators=Path(indicators) if indicators else None,
        real_geography=True,
        description=f"the real files in {data_dir}",
    )


@dataclass
class LoadResult:
    steps: list[tuple[str, ImportSummary]] = field(default_factory=list)
    results_written: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        out = []
        for title, summary in self.steps:
            out.append(f"{title}:")
            out += [f"  {line}" for line in summary.lines()]
        out.append(f"KPIs computed: {self.results_written:,} results")
        return out


def load_dataset(
    dataset: Dataset, *, user: User | None = None, progress: Callable[[str], None] | None = None
) -> LoadResult:
    """Import every file of `dataset` through the services, then compute the KPIs once.
    Each importer replaces what it loads (months, population years, indicator periods), so
    loading the same dataset again gives the same results."""
    from csphub.performance.services import kpi_compute

    from .geography import boundaries_import, lsoa_lookup_import
    from .indicators import indicators_import
    from .police import police_import
    from .population import population_import

    started = time.monotonic()
    result = LoadResult()

    def step(title: str, work: Callable[[], ImportSummary]) -> None:
        if progress:
            progress(title)
        result.steps.append((title, work()))

    if not dataset.lookup.is_file():
        raise ValidationError(f"{dataset.lookup}: no such file (the LSOA lookup).")
    step("LSOA lookup", lambda: lsoa_lookup_import(path=dataset.lookup, user=user))
    if (boundaries := dataset.boundaries) is not None:
        step("LSOA boundaries", lambda: boundaries_import(path=boundaries, user=user))
    for year, path in sorted(dataset.populations.items()):
        step(f"Population mid-{year}", partial(population_import, path=path, year=year, user=user))
    if dataset.police:
        step("Police records", lambda: police_import(paths=list(dataset.police), user=user))
    if (indicators := dataset.indicators) is not None:
        step("Indicator figures", lambda: indicators_import(path=indicators, user=user))
    if progress:
        progress("Computing KPIs")
    result.results_written = kpi_compute(user=user)
    result.seconds = time.monotonic() - started
    return result
