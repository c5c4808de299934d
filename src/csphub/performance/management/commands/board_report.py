"""`csphub board-report --period YYYY-MM --format docx|pdf [--output FILE]`."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from csphub.performance.report import FORMATS, build_board_report, report_filename
from csphub.performance.selectors import parse_period


class Command(BaseCommand):
    help = (
        "Write the quarterly Safer Communities Performance paper for the Strategy Board (the 12 "
        "months "
        "to --period) as DOCX or PDF. Without --output the file is written to the current folder, "
        "named "
        "after the period."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--period", required=True, help="The last month of the rolling 12 months, YYYY-MM"
        )
        parser.add_argument("--format", choices=FORMATS, default="docx")
        parser.add_argument(
            "--output",
            help="File to write (default: safer-communities-performance-YYYY-MM.<format>)",
        )

    def handle(self, *args, period: str, format: str, output: str | None, **options):
        month = parse_period(period)
        if month is None:
            raise CommandError(f"--period must be YYYY-MM (got {period!r}).")
        started = time.monotonic()
        try:
            content = build_board_report(period=month, fmt=format)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        path = Path(output) if output else Path.cwd() / report_filename(period=month, fmt=format)
        path.write_bytes(content)
        self.stderr.write(
            f"Board report built in {time.monotonic() - started:.1f}s ({len(content):,} bytes)."
        )
        self.stdout.write(str(path.resolve()))
