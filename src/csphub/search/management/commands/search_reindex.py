"""`csphub search-reindex`: write the search documents of existing submissions, in batches."""

from django.core.management.base import BaseCommand, CommandParser

from csphub.search.services import search_documents_rebuild, search_index_rebuild


class Command(BaseCommand):
    help = (
        "Build the full-text search documents of existing submissions (all of them, or with "
        "--missing only those without one), in batches."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size", type=int, default=1000, help="submissions per transaction"
        )
        parser.add_argument(
            "--missing", action="store_true", help="only submissions that have no document"
        )

    def handle(self, *args, batch_size: int = 1000, missing: bool = False, **options) -> None:
        if batch_size < 1:
            self.stderr.write("--batch-size must be 1 or more")
            raise SystemExit(2)

        def progress(written: int) -> None:
            if options.get("verbosity", 1) > 1:
                self.stdout.write(f"{written} written")

        written = search_documents_rebuild(
            batch_size=batch_size, only_missing=missing, progress=progress
        )
        if not missing:
            search_index_rebuild()
        self.stdout.write(f"Search documents written for {written} submission(s).")
