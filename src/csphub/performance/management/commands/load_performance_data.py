"""`csphub load-performance-data [--data DIR]`: load the real files (LSOA lookup and boundaries,
population estimates, data.police.uk archives) in the shared data folder's layout, then compute."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from csphub.performance.importers.dataset import load_dataset, real_dataset
from csphub.performance.importers.shared_data import shared_data_dir


class Command(BaseCommand):
    help = (
        "Load the real performance data from a folder laid out like ../shared/data: "
        "ons/lsoa11-lookup.csv, ons/lsoa11-boundaries-llr.geojson, ons/population-lsoa-midYYYY.csv "
        "(every year present) and police-uk/*.zip (data.police.uk archives); optionally an "
        "indicators "
        "CSV. Each import replaces what it loads (months, population years), then the KPIs are "
        "recomputed once. Running it again gives the same results."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data", metavar="DIR", help="The data folder (default ../shared/data)"
        )
        parser.add_argument("--indicators", metavar="FILE", help="Also import this indicators CSV")

    def handle(self, *args, data: str | None, indicators: str | None, **options):
        folder = Path(data) if data else shared_data_dir()
        if not folder.is_dir():
            raise CommandError(f"{folder}: no such folder. Pass --data DIR.")
        dataset = real_dataset(folder, indicators=indicators)
        if not dataset.populations:
            raise CommandError(f"{folder / 'ons'}: no population-lsoa-midYYYY.csv files.")
        if not dataset.police:
            raise CommandError(f"{folder / 'police-uk'}: no data.police.uk zip archives.")
        verbose = options.get("verbosity", 1) > 0
        try:
            loaded = load_dataset(
                dataset, progress=(lambda step: self.stderr.write(f"{step}…")) if verbose else None
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        for line in loaded.lines():
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(f"Loaded {dataset.description} in {loaded.seconds:.1f}s.")
        )
