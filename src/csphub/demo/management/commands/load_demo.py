"""`csphub load-demo`: deterministic synthetic demo data (safe to run again)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from csphub.demo import content
from csphub.demo.builder import DEFAULT_SEED, DEFAULT_SUBMISSIONS, STATUS_ORDER, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo: partner organisations, demo accounts, postcodes (the shared ONS file if "
        "present, else a small built-in fixture), the support directory and a few hundred "
        "synthetic submissions over the last two years, and the performance dashboard's data (36 "
        "months of synthetic police records, populations and indicator figures, with the KPIs "
        "computed). Running it again adds no submissions and gives the same KPI results."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--submissions",
            type=int,
            default=DEFAULT_SUBMISSIONS,
            help=f"How many submissions to create on the first run (default {DEFAULT_SUBMISSIONS})",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"Random seed; the same seed gives the same demo (default {DEFAULT_SEED})",
        )
        parser.add_argument(
            "--postcodes",
            metavar="FILE",
            help="Postcode lookup CSV to import instead of the shared file or the fixture",
        )
        parser.add_argument(
            "--no-performance",
            action="store_true",
            help="Skip the performance data (police records, populations, indicators, KPIs)",
        )
        parser.add_argument(
            "--performance-dir",
            metavar="DIR",
            help="Where to write the performance demo's files (default var/demo-performance)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when DEBUG is off (the demo accounts share a published password)",
        )

    def handle(
        self,
        *args,
        submissions: int,
        seed: int,
        postcodes: str | None,
        force: bool,
        no_performance: bool = False,
        performance_dir: str | None = None,
        **options,
    ):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off. The demo creates accounts whose password is published in "
                "docs/demo.md; pass --force if this really is a demonstration server."
            )
        if submissions < 0:
            raise CommandError("--submissions must be 0 or more.")
        started = time.monotonic()
        try:
            summary = load_demo(
                seed=seed,
                submissions=submissions,
                postcode_file=postcodes,
                out=self.stdout,
                performance=not no_performance,
                performance_dir=performance_dir,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"Postcodes:      {summary.postcodes_imported:,} from {summary.postcode_file}"
        )
        self.stdout.write(f"Organisations:  {summary.organisations}")
        self.stdout.write(f"Demo users:     {summary.users}")
        self.stdout.write(f"Directory:      {summary.directory}")
        if summary.submissions_created:
            self.stdout.write(f"Submissions:    {summary.submissions_created} created")
        else:
            self.stdout.write(
                f"Submissions:    already loaded ({summary.submissions_existing}); none added. "
                "For a fresh demo: make clean && make run"
            )
        if summary.linked:
            self.stdout.write(
                f"Linked:         {summary.linked} submissions (connected intelligence)"
            )
        statuses = ", ".join(
            f"{summary.statuses[s]} {s.replace('_', ' ')}"
            for s in STATUS_ORDER
            if summary.statuses[s]
        )
        self.stdout.write(f"  by status:    {statuses or 'none'}; {summary.urgent} flagged urgent")
        if summary.performance:
            self.stdout.write(
                f"Performance:    {summary.performance}; {summary.performance_results:,} KPI "
                f"results in {summary.performance_seconds:.1f}s"
            )
        accounts = ", ".join(p.username for p in content.DEMO_ACCOUNTS)
        self.stdout.write(
            f"Sign in as {accounts} with the password {content.DEMO_PASSWORD} (demo only)."
        )
        self.stdout.write(self.style.SUCCESS(f"Demo ready in {elapsed:.1f}s."))
