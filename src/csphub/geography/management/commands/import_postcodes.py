"""`csphub import-postcodes FILE`: load the ONS postcode lookup (CSV or CSV.gz)."""

from __future__ import annotations

import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from csphub.geography.services import COLUMN_ALIASES, postcodes_import


class Command(BaseCommand):
    help = (
        "Import a postcode lookup CSV (or .csv.gz) into the postcode table. Accepts our layout "
        "(postcode, lsoa_code, district_code, latitude, longitude, terminated) and ONSPD/NSPL "
        "headers (pcds or pcd, lsoa11 or lsoa21, oslaua or laua, lat, long, doterm). Re-importing "
        "replaces the rows in the file; the import is all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the CSV file, optionally gzipped")
        parser.add_argument(
            "--only-known-districts",
            action="store_true",
            help=(
                "Skip rows for districts that are not in the partnership "
                "(e.g. with the national ONSPD)"
            ),
        )

    def handle(self, *args, file: str, only_known_districts: bool, **options):
        started = time.monotonic()
        try:
            result = postcodes_import(
                path=file,
                only_known_districts=only_known_districts,
                progress=lambda n: self.stderr.write(f"  {n:,} rows read…"),
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        elapsed = time.monotonic() - started
        columns = (
            ", ".join(
                f"{ours}←{theirs}" for ours, theirs in result.columns.items() if ours != theirs
            )
            or "our layout"
        )
        unused = [f for f in COLUMN_ALIASES if f not in result.columns]
        self.stdout.write(
            f"Columns: {columns}" + (f" (not in the file: {', '.join(unused)})" if unused else "")
        )
        self.stdout.write(f"Rows read:  {result.rows_read:,}")
        self.stdout.write(
            f"Imported:   {result.imported:,} ({result.new:,} new, "
            f"{result.imported - result.new:,} replaced)"
        )
        if result.duplicates:
            self.stdout.write(f"Duplicates: {result.duplicates:,} (the later row was kept)")
        if result.skipped_other_districts:
            self.stdout.write(
                f"Skipped:    {result.skipped_other_districts:,} "
                "outside the partnership's districts"
            )
        self.stdout.write(f"Rejected:   {result.rejected:,}")
        for reason, count in result.reasons.most_common():
            self.stdout.write(f"  {count:,} × {reason}")
        if result.examples:
            self.stdout.write("  First rejected rows:")
            for example in result.examples:
                self.stdout.write(
                    f"    line {example.line}: {example.postcode!r}: {example.reason}"
                )
        self.stdout.write(self.style.SUCCESS(f"Done in {elapsed:.1f}s."))
