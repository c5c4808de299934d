"""`csphub redact [FILE] [--json] [--postcode-sector]`: remove personal data from a text.

Plain Python, so that someone redacting a file on the command line needs no web settings
(no SECRET_KEY, DEBUG or database): the console script runs `main` before Django is set up.
Reads FILE (or standard input when FILE is missing or "-") as UTF-8 and prints the text with
each personal-data item replaced by its label, or with --json the items found as a JSON list
of {start, end, type, text, score, label}.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from . import redact


class InputError(ValueError):
    """The input could not be read as UTF-8 text; the message says why and what to do."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="csphub redact",
        description="Redact personal data from a UTF-8 text file or standard input.",
    )
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments, shared with the Django command that `csphub help` lists."""
    parser.add_argument(
        "file", nargs="?", help="the text file to read (standard input if omitted or -)"
    )
    parser.add_argument(
        "--json", action="store_true", dest="as_json", help="print the items found as JSON instead"
    )
    parser.add_argument(
        "--postcode-sector",
        action="store_true",
        help='show postcodes as their sector ("LE11 3**") instead of [POSTCODE]',
    )


def read_text(file: str | None, stdin: IO[Any] | None = None) -> str:
    name = file if file not in (None, "-") else "standard input"
    data: str | bytes
    try:
        if file is None or file == "-":
            stream = stdin if stdin is not None else sys.stdin
            data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
        else:
            data = Path(file).read_bytes()
    except OSError as error:
        raise InputError(f"Cannot read {name}: {error.strerror or error}") from error
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name} is not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start}); "
            "save it as UTF-8 and try again."
        ) from error


def render(text: str, *, as_json: bool = False, postcode_sector: bool = False) -> str:
    """The redacted text, or the items found as JSON; always ends with a newline."""
    result = redact(text, postcode_sector=postcode_sector)
    if as_json:
        items = [
            {
                "start": r.span.start,
                "end": r.span.end,
                "type": r.span.type,
                "text": r.span.text,
                "score": r.span.score,
                "label": r.label,
            }
            for r in result.replacements
        ]
        return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
    return result.text if result.text.endswith("\n") else result.text + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    try:
        text = read_text(options.file)
    except InputError as error:
        print(f"csphub redact: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(render(text, as_json=options.as_json, postcode_sector=options.postcode_sector))
    return 0
