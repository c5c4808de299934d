"""csphub import-directory FILE: add or update support services from Open Referral UK JSON."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from csphub.directory.services import directory_import_oruk


class Command(BaseCommand):
    help = (
        "Import support services from an Open Referral UK JSON file "
        "(matched by id; re-runs are safe)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="ORUK JSON: a list of service objects")

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        try:
            summary = directory_import_oruk(data=data)
        except ValidationError as error:
            raise CommandError(
                f"Nothing was imported from {file}:\n" + "\n".join(error.messages)
            ) from None
        self.stdout.write(str(summary))
