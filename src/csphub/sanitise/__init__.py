"""Personal-data detection and redaction for intelligence text (plain Python, no Django).

Public interface (stable; the portal, the `csphub redact` command and the evaluation use it):

    find_personal_data(text) -> list[Span]
        every personal-data item found, as typed spans with a confidence, sorted, not overlapping
    find_personal_data_many(texts) -> list[list[Span]]
        the same for many texts at once (the language model runs over them in batches)
    redact(text, *, spans=None, postcode_sector=False) -> Redaction
        the text with each item replaced by a typed, document-consistent label; `spans` lets an
        analyst's edited choice of spans be applied instead of the engine's own proposal

Span types (TYPES) and their labels: PERSON -> [PERSON A], [PERSON B] ... (the same person keeps
the same letter through a text, "Mr Nowak" after "Piotr Nowak" included), ADDRESS -> [ADDRESS],
POSTCODE -> [POSTCODE] (or the sector, "LE11 3**", with postcode_sector=True), PHONE -> [PHONE],
EMAIL -> [EMAIL], DOB -> [DOB], VEHICLE -> [VEHICLE], NI_NUMBER -> [NI NUMBER],
NHS_NUMBER -> [NHS NUMBER], BANK_DETAILS -> [BANK DETAILS], HANDLE -> [HANDLE],
IP_ADDRESS -> [IP ADDRESS].

Also exported: `postcode_sector(postcode)`, `nhs_checksum_ok(number)`, `person_letters(index)`,
`get_nlp()` (the shared spaCy pipeline, loaded once) and `warm_up()` (load it now).
See docs/adr/0003-redaction-engine.md for how it works and its known limits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .spans import LABELS, TYPES, Redaction, Replacement, Span

if TYPE_CHECKING:
    from spacy.language import Language

# The engine pulls in spaCy and Presidio (seconds to import), so the functions below import it
# on first use: importing this package to use `Span` or `TYPES` stays cheap.


def find_personal_data(text: str) -> list[Span]:
    """Every personal-data item in `text`: typed spans with a score, sorted, not overlapping."""
    from .engine import find_personal_data as _find

    return _find(text)


def find_personal_data_many(texts: Sequence[str]) -> list[list[Span]]:
    """`find_personal_data` for each of `texts`, with the language model run in batches."""
    from .engine import find_personal_data_many as _find_many

    return _find_many(texts)


def redact(
    text: str, *, spans: Iterable[Span] | None = None, postcode_sector: bool = False
) -> Redaction:
    """`text` with each item replaced by its label; `spans` (an analyst's choice) replaces
    exactly those spans, overlaps merged; `postcode_sector` shows postcodes as "LE11 3**"."""
    from .engine import redact as _redact

    return _redact(text, spans=spans, postcode_sector=postcode_sector)


def postcode_sector(postcode: str) -> str | None:
    """ "LE11 3AA" -> "LE11 3**"; None for text that is not a full postcode."""
    from .recognisers import postcode_sector as _sector

    return _sector(postcode)


def nhs_checksum_ok(number: str) -> bool:
    """Whether a ten-digit NHS number passes the modulus 11 check."""
    from .recognisers import nhs_checksum_ok as _ok

    return _ok(number)


def person_letters(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA": the letters of [PERSON X] labels."""
    from .labels import letters

    return letters(index)


def get_nlp() -> Language:
    """The shared spaCy pipeline (tokenizer + NER), loaded once; call at start-up to warm it."""
    from .nlp import get_nlp as _get_nlp

    return _get_nlp()


def warm_up() -> None:
    """Import the engine and load the model now rather than on the first request."""
    get_nlp()
    find_personal_data("Mr Test lives at 1 Test Road.")


__all__ = [
    "LABELS",
    "TYPES",
    "Redaction",
    "Replacement",
    "Span",
    "find_personal_data",
    "find_personal_data_many",
    "redact",
    "get_nlp",
    "nhs_checksum_ok",
    "person_letters",
    "postcode_sector",
    "warm_up",
]
