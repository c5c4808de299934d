"""`csphub import-population --year YYYY FILE`: mid-year population by LSOA."""

from __future__ import annotations

from csphub.performance.services import population_import

from ._base import ImportCommand


class Command(ImportCommand):
    help = (
        "Import one ONS mid-year population estimate by LSOA (columns lsoa_code and population, or "
        "LSOA11CD and All Ages). District and county totals are derived through the LSOA lookup. "
        "Re-importing a year replaces it."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file (optionally gzipped)")
        parser.add_argument(
            "--year", type=int, required=True, help="The mid-year, e.g. 2020 for mid-2020"
        )
        super().add_arguments(parser)

    def handle(self, *args, file: str, year: int, no_compute: bool, **options):
        self.run_import(lambda: population_import(path=file, year=year), compute=not no_compute)
