"""`csphub import-cases FILE --by USERNAME`: a case system's incident export."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from csphub.accounts.models import User
from csphub.cases.imports import CASE_COLUMNS, cases_import
from csphub.geography.selectors import district_for_code


class Command(BaseCommand):
    help = (
        "Import a case system's incident export (CSV with columns "
        f"{', '.join(CASE_COLUMNS)}; ISO dates and times) as cases led by the organisation of "
        "the case officer named by --by, one case per case_reference. Every row is checked "
        "first and nothing is written if any is wrong; importing again adds nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file")
        parser.add_argument(
            "--by",
            required=True,
            metavar="USERNAME",
            help="The case officer importing: their organisation leads the cases",
        )
        parser.add_argument(
            "--district",
            metavar="CODE",
            help="The district (ONS code) of cases whose incidents the postcode table cannot place",
        )

    def handle(self, *args, file: str, by: str, district: str | None, **options):
        actor = User.objects.filter(username=by).first()
        if actor is None:
            raise CommandError(f"No user is called {by}.")
        fallback = None
        if district:
            fallback = district_for_code(district)
            if fallback is None:
                raise CommandError(f"{district} is not a district of the partnership.")
        try:
            result = cases_import(path=Path(file), actor=actor, district=fallback)
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from None
        for line in result.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Imported."))
