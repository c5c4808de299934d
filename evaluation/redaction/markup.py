"""The inline markup the corpus is written in: ``[[Mrs D. Taylor|PERSON]] lives at ...``.

Writing the labelled span inside the text, rather than counting offsets by hand, makes every
offset correct by construction. ``parse`` strips the markup and returns the plain text with the
spans' character offsets into it.
"""

from __future__ import annotations

import re

TYPES: tuple[str, ...] = (
    "PERSON",
    "ADDRESS",
    "POSTCODE",
    "PHONE",
    "EMAIL",
    "DOB",
    "VEHICLE",
    "NI_NUMBER",
    "NHS_NUMBER",
    "BANK_DETAILS",
    "HANDLE",
    "IP_ADDRESS",
)

_MARK = re.compile(r"\[\[(.+?)\|([A-Z_]+)\]\]", re.S)


def mark(value: str, type_: str) -> str:
    """Wrap ``value`` as a labelled span of ``type_``."""
    if type_ not in TYPES:
        raise ValueError(f"unknown type {type_!r}")
    if "[[" in value or "]]" in value or "|" in value:
        raise ValueError(f"value {value!r} cannot be marked up")
    return f"[[{value}|{type_}]]"


def parse(marked: str) -> tuple[str, list[dict]]:
    """Plain text and its spans (``start``, ``end``, ``type``, ``text``) from marked-up text."""
    out: list[str] = []
    spans: list[dict] = []
    pos = 0  # position in the marked-up string
    length = 0  # length of the plain text so far
    for m in _MARK.finditer(marked):
        before = marked[pos : m.start()]
        out.append(before)
        length += len(before)
        value, type_ = m.group(1), m.group(2)
        if type_ not in TYPES:
            raise ValueError(f"unknown type {type_!r} in {m.group(0)!r}")
        spans.append({"start": length, "end": length + len(value), "type": type_, "text": value})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unbalanced markup near: {text[max(0, text.find('[[') - 40) :][:120]!r}")
    return text, spans
