"""`csphub import-indicators FILE`: KPI figures that arrive as figures, not records."""

from __future__ import annotations

from csphub.performance.services import indicators_import

from ._base import ImportCommand


class Command(ImportCommand):
    help = (
        "Import indicator figures: one row per KPI, area and period with columns kpi, area_code, "
        "period_end (YYYY-MM), value, numerator, base, regional_average, msf_rank, msf_size (blank "
        "where not known). See docs/performance-data.md. A row for a KPI, area and period already "
        "stored "
        "replaces it."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file (optionally gzipped)")
        super().add_arguments(parser)

    def handle(self, *args, file: str, no_compute: bool, **options):
        self.run_import(lambda: indicators_import(path=file), compute=not no_compute)
