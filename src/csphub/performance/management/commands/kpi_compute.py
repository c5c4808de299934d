"""`csphub kpi-compute`: recompute every KPI from what has been imported."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from csphub.performance.services import kpi_compute


class Command(BaseCommand):
    help = "Recompute every KPI for the county, each district and each LSOA, for every period."

    def handle(self, *args, **options):
        started = time.monotonic()
        written = kpi_compute()
        self.stdout.write(
            f"KPIs computed: {written:,} results in {time.monotonic() - started:.1f}s."
        )
