"""`csphub import-police-asb FILE`: the police's incident-level ASB export."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from csphub.cases.imports import POLICE_COLUMNS, police_asb_import


class Command(BaseCommand):
    help = (
        "Import the police's incident-level ASB export (CSV with columns "
        f"{', '.join(POLICE_COLUMNS)}; ISO dates and times). Every row is checked first and "
        "nothing is written if any is wrong; an incident number already held is updated."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file")

    def handle(self, *args, file: str, **options):
        try:
            result = police_asb_import(path=Path(file))
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from None
        for line in result.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Imported."))
