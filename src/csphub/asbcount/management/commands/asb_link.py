"""`csphub asb-link [--export FILE]`: one ASB count across police and case records."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from csphub.asbcount.services import asb_link, asb_link_export


class Command(BaseCommand):
    help = (
        "Link the police's ASB incidents to the case system's (an exact police incident number "
        "first, then a model trained without labels), one to one, and count each incident "
        "once. --export writes the linked pairs as CSV (police_incident_number, "
        "case_incident_id, match_probability)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--export", metavar="FILE", help="Write the linked pairs to FILE")
        parser.add_argument(
            "--threshold",
            type=float,
            help="Link at this match probability or above (default CSPHUB_ASB_LINK_THRESHOLD)",
        )

    def handle(self, *args, export: str | None, threshold: float | None, **options):
        run = asb_link(threshold=threshold)
        self.stdout.write(
            f"Police incidents {run.police_count:,}; case incidents {run.case_count:,}; "
            f"linked {run.links:,} ({run.exact_links:,} by police incident number, "
            f"{run.model_links:,} by the model at {run.threshold:g} or above)."
        )
        self.stdout.write(f"One ASB count: {run.combined:,} distinct incidents.")
        for row in run.by_district:
            self.stdout.write(
                f"  {row['district']}: police {row['police']:,}, cases {row['cases']:,}, "
                f"combined {row['combined']:,}"
            )
        if export:
            written = asb_link_export(run, Path(export))
            self.stdout.write(f"Wrote {written:,} linked pairs to {export}.")
        self.stdout.write(self.style.SUCCESS(f"Done in {run.timings.get('total', 0):.1f}s."))
