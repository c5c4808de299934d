"""`csphub similar-reindex`: embed the submissions that have no vector yet, in batches, then
rebuild the similar-reports index file from the table."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from csphub.similar import index, services


class Command(BaseCommand):
    help = (
        "Store sentence vectors for submissions without one (in batches) and rebuild the "
        "similar-reports index file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size", type=int, default=services.BATCH, help="Texts embedded at once."
        )
        parser.add_argument(
            "--recompute",
            action="store_true",
            help="Also embed again the submissions whose vector came from another model version.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(done: int) -> None:
            if options["verbosity"] > 1:
                self.stdout.write(f"  {done} embedded")

        stored = services.submission_vectors_fill(
            batch_size=max(1, options["batch_size"]),
            recompute=options["recompute"],
            progress=progress,
        )
        count = index.index_rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                f"Stored {stored} new vectors; the index holds {count} submissions "
                f"({index.index_dir()})."
            )
        )
