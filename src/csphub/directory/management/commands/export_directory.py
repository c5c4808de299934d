"""csphub export-directory [--output FILE]: every support service as Open Referral UK JSON."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from csphub.directory.services import directory_export_oruk


class Command(BaseCommand):
    help = "Export the support services as Open Referral UK JSON (to standard output by default)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", type=Path, help="write to this file instead")

    def handle(self, *args, output: Path | None = None, **options):
        text = json.dumps(directory_export_oruk(), indent=2, ensure_ascii=False) + "\n"
        if output is None:
            self.stdout.write(text, ending="")
        else:
            output.write_text(text, encoding="utf-8")
            self.stderr.write(f"Wrote {output}")
