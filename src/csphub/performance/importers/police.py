"""data.police.uk street-level records, counted by month, LSOA and crime type."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from csphub.accounts.models import User

from .. import sql
from ..kpi import engine
from ..models import CrimeCount, ImportRun, PoliceMonth
from .policeuk import PoliceFileError, PoliceRead, read_police
from .summary import ImportSummary, record_run


def police_import(
    *,
    paths: Sequence[str | Path],
    user: User | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> ImportSummary:
    """Load data.police.uk files; each month present replaces what was stored for it."""
    try:
        read = read_police(list(paths), progress=progress)
    except PoliceFileError as exc:
        raise ValidationError(str(exc)) from None
    summary = ImportSummary(
        kind=ImportRun.Kind.POLICE,
        files=read.files,
        rows_read=read.rows_read,
        accepted=read.accepted,
        reasons=read.reasons,
    )
    months = sorted(read.months)
    with transaction.atomic():
        dates = [engine.month_date(m) for m in months]
        replaced = PoliceMonth.objects.filter(month__in=dates).count()
        CrimeCount.objects.filter(month__in=dates).delete()
        sql.crime_counts_insert(
            (engine.month_date(m), lsoa, category, count)
            for m, lsoa, category, count in read.counts.iter_rows()
        )
        PoliceMonth.objects.filter(month__in=dates).delete()
        PoliceMonth.objects.bulk_create(
            [
                PoliceMonth(
                    month=engine.month_date(m),
                    records=read.months[m],
                    source=read.month_sources[m][:255],
                )
                for m in months
            ]
        )
        summary.details += _months_found(read, months, replaced)
        record_run(summary, user)
    return summary


def _months_found(read: PoliceRead, months: list[int], replaced: int) -> list[str]:
    """The months loaded, how many replaced stored ones, and any gap between them."""
    if not months:
        return []
    lines = [
        f"Months: {engine.month_label(months[0])} to {engine.month_label(months[-1])} "
        f"({len(months)} month(s); {replaced} replaced, {len(months) - replaced} new)"
    ]
    gaps = [engine.month_label(m) for m in range(months[0], months[-1] + 1) if m not in read.months]
    if gaps:
        lines.append(f"Not in these files: {', '.join(gaps)}")
    return lines
