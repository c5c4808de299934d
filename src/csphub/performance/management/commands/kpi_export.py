"""`csphub kpi-export --period YYYY-MM [--format csv|json] [--output FILE]`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from csphub.performance.selectors import (
    EXPORT_COLUMNS,
    available_periods,
    export_rows,
    parse_period,
)


class Command(BaseCommand):
    help = (
        "Write the computed KPIs for one period (the rolling 12 months ending that month): one "
        "row per "
        "KPI and area (county, districts, LSOAs), as CSV or JSON, to standard output or --output."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--period", required=True, help="The last month of the rolling 12 months, YYYY-MM"
        )
        parser.add_argument("--format", choices=("csv", "json"), default="csv")
        parser.add_argument("--output", help="File to write (default: standard output)")
        parser.add_argument(
            "--area-type",
            choices=("county", "district", "lsoa"),
            action="append",
            help="Only these area types (repeatable; default all)",
        )

    def handle(self, *args, period: str, format: str, output: str | None, area_type, **options):
        month = parse_period(period)
        if month is None:
            raise CommandError(f"--period must be YYYY-MM (got {period!r}).")
        periods = available_periods()
        if month not in periods:
            known = (
                f"{periods[-1]:%Y-%m} to {periods[0]:%Y-%m}"
                if periods
                else "none: import data first"
            )
            raise CommandError(f"No KPIs computed for {month:%Y-%m}. Periods available: {known}.")
        rows = list(
            export_rows(period=month, area_types=tuple(area_type or ("county", "district", "lsoa")))
        )
        buffer = io.StringIO()
        if format == "json":
            json.dump(rows, buffer, indent=1)
            buffer.write("\n")
        else:
            writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: "" if v is None else v for k, v in row.items()})
        if output:
            Path(output).write_text(buffer.getvalue(), encoding="utf-8")
            self.stderr.write(f"{len(rows):,} rows written to {Path(output).resolve()}")
        else:
            self.stdout.write(buffer.getvalue(), ending="")
