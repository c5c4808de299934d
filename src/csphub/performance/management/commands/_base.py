"""Shared output for the performance import commands: the summary, then the recomputation."""

from __future__ import annotations

import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from csphub.performance.services import ImportSummary, kpi_compute


class ImportCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument(
            "--no-compute",
            action="store_true",
            help="Do not recompute the KPIs afterwards (when importing several files in a row)",
        )

    def run_import(self, work, *, compute: bool) -> ImportSummary:
        started = time.monotonic()
        try:
            summary = work()
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        for line in summary.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Imported in {time.monotonic() - started:.1f}s."))
        if compute:
            started = time.monotonic()
            written = kpi_compute()
            self.stdout.write(
                f"KPIs recomputed: {written:,} results in {time.monotonic() - started:.1f}s."
            )
        return summary
