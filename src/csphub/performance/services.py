"""Writes for performance: the upload page's import-and-recompute, and `kpi_compute`.

The importers themselves live in `importers/` (one module per kind of file) and are
re-exported here, the app's one place for writes. Every import is one transaction and
idempotent: re-importing a month, a population year or an indicator period replaces it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import polars as pl
from django.db import transaction

from csphub.accounts.models import User
from csphub.audit.services import audit_record

from . import sql
from .importers.geography import boundaries_import, lsoa_lookup_import
from .importers.indicators import indicators_import
from .importers.police import police_import
from .importers.population import population_import
from .importers.summary import ImportSummary
from .kpi import engine
from .models import KpiResult
from .selectors import engine_inputs

__all__ = [
    "UPLOAD_KINDS",
    "ImportSummary",
    "boundaries_import",
    "indicators_import",
    "kpi_compute",
    "lsoa_lookup_import",
    "performance_upload_import",
    "police_import",
    "population_import",
]

_Importer = Callable[[Sequence[Path], int | None, User | None], ImportSummary]
_IMPORTERS: dict[str, _Importer] = {
    "police": lambda paths, year, user: police_import(paths=paths, user=user),
    "lsoa-lookup": lambda paths, year, user: lsoa_lookup_import(path=paths[0], user=user),
    "boundaries": lambda paths, year, user: boundaries_import(path=paths[0], user=user),
    "population": lambda paths, year, user: population_import(
        path=paths[0], year=year or 0, user=user
    ),
    "indicators": lambda paths, year, user: indicators_import(path=paths[0], user=user),
}
UPLOAD_KINDS = tuple(_IMPORTERS)


@transaction.atomic
def performance_upload_import(
    *, kind: str, paths: Sequence[Path], year: int | None = None, user: User | None = None
) -> tuple[ImportSummary, int]:
    """Import an upload, then recompute every KPI: the two stand or fall together, so a bad
    file leaves the figures as they were. Returns the summary and the results written."""
    try:
        importer = _IMPORTERS[kind]
    except KeyError:
        raise ValueError(f"Unknown kind of upload: {kind}") from None
    summary = importer(paths, year, user)
    return summary, kpi_compute(user=user)


@transaction.atomic
def kpi_compute(*, user: User | None = None) -> int:
    """Recompute every KPI for every area and period from what is stored; returns rows written."""
    results = engine.compute(engine_inputs())
    KpiResult.objects.all().delete()
    frame = results.with_columns(
        pl.date(pl.col("period") // 12, pl.col("period") % 12 + 1, 1).alias("period_end"),
        *[pl.col(c).fill_null("") for c in ("district_code", "direction", "assessment", "note")],
    ).select(sql.value_columns(KpiResult))
    written = sql.kpi_results_insert(frame.iter_rows())
    audit_record(
        actor=user,
        action="performance.compute",
        object_type="kpiresult",
        summary=f"KPIs computed: {written:,} results",
    )
    return written
