"""csphub redact [FILE] [--json] [--postcode-sector]: remove personal data from a text.

Reads FILE (or standard input when FILE is missing or "-") as UTF-8 and prints the text with
each personal-data item replaced by its label, or with --json the items found as a JSON list
of {start, end, type, text, score, label}. The work is done by `csphub.sanitise`.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from csphub.sanitise import redact


class Command(BaseCommand):
    help = "Redact personal data from a UTF-8 text file or standard input."
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="the text file to read (standard input if omitted or -)")
        parser.add_argument("--json", action="store_true", dest="as_json",
                            help="print the items found as JSON instead")
        parser.add_argument("--postcode-sector", action="store_true",
                            help='show postcodes as their sector ("LE11 3**") instead of [POSTCODE]')

    def handle(self, *args, file=None, as_json=False, postcode_sector=False, **options):
        text = self._read(file, options.get("stdin"))
        result = redact(text, postcode_sector=postcode_sector)
        if as_json:
            items = [
                {"start": r.span.start, "end": r.span.end, "type": r.span.type, "text": r.span.text,
                 "score": r.span.score, "label": r.label}
                for r in result.replacements
            ]
            self.stdout.write(json.dumps(items, indent=2, ensure_ascii=False))
        else:
            self.stdout.write(result.text, ending="" if result.text.endswith("\n") else "\n")

    def _read(self, file, stdin) -> str:
        name = file if file not in (None, "-") else "standard input"
        try:
            if file in (None, "-"):
                stream = stdin if stdin is not None else sys.stdin
                data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
            else:
                data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {name}: {error.strerror or error}") from error
        if isinstance(data, str):
            return data
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CommandError(
                f"{name} is not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start}); "
                "save it as UTF-8 and try again."
            ) from error

