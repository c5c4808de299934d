"""Labels for redacted spans: typed, and for people lettered consistently through one text.

The same person keeps the same letter: "Piotr Nowak ... Mr Nowak ... Piotr" are all
[PERSON A]. Mentions are matched by full name, by surname (with a title or initials, or alone),
and by first name; when a surname or first name fits more than one person already seen, the
one mentioned most recently is taken (the usual reading of "Mr Nowak" in running text).
Letters run A..Z, then AA, AB, ... AZ, BA ... (like spreadsheet columns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import gazetteer as gz
from .recognisers import postcode_sector
from .spans import LABELS, Span

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def letters(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA', 27 -> 'AB' ..."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(ord("A") + rem) + out
    return out


@dataclass
class _Person:
    letter: str
    firsts: set[str] = field(default_factory=set)
    lasts: set[str] = field(default_factory=set)
    singles: set[str] = field(default_factory=set)  # a lone name, role unknown
    initials: set[str] = field(default_factory=set)
    seen: int = 0

    def first_letters(self) -> set[str]:
        return {f[0] for f in self.firsts} | self.initials


def _parse(text: str) -> tuple[bool, list[str], list[str], bool]:
    """(has title, initials, name words casefolded, surname written first)"""
    words = []
    for w in _WORD.findall(text):
        if len(w) > 3 and w[-2] in "'’" and w[-1] in "sS":
            w = w[:-2]
        words.append(w)
    titled = bool(words) and words[0] in gz.TITLES
    names = [w for w in words if w not in gz.TITLES]
    initials = [w.casefold() for w in names if len(w) == 1]
    full = [w for w in names if len(w) > 1 and w.casefold() not in gz.NAME_PARTICLES]
    surname_first = len(full) >= 2 and full[0].isupper() and not full[1].isupper()
    return titled, initials, [w.casefold() for w in full], surname_first


class PersonLetters:
    """Assigns [PERSON X] labels to successive mentions in one text."""

    def __init__(self) -> None:
        self.people: list[_Person] = []
        self.clock = 0

    def _new(self) -> _Person:
        person = _Person(letters(len(self.people)))
        self.people.append(person)
        return person

    @staticmethod
    def _latest(candidates: list[_Person]) -> _Person | None:
        return max(candidates, key=lambda p: p.seen) if candidates else None

    def label(self, text: str) -> str:
        self.clock += 1
        titled, initials, full, surname_first = _parse(text)
        person: _Person | None = None
        if len(full) >= 2:
            first, last = (full[1], full[0]) if surname_first else (full[0], full[-1])
            same_surname = [p for p in self.people if last in p.lasts or last in p.singles]
            fits = [
                p
                for p in same_surname
                if (not p.firsts or first in p.firsts)
                and (not p.initials or first[0] in p.initials)
            ]
            if not fits:
                fits = [
                    p
                    for p in self.people
                    if not p.lasts and (first in p.firsts or first in p.singles)
                ]
            person = self._latest(fits) or self._new()
            person.singles.discard(first)
            person.singles.discard(last)
            person.firsts.add(first)
            person.lasts.add(last)
            person.initials.update(initials[:1])
        elif len(full) == 1:
            name = full[0]
            if titled or initials:  # "Mr Nowak", "D. Taylor": a surname
                fits = [p for p in self.people if name in p.lasts or name in p.singles]
                if initials:
                    fits = [
                        p for p in fits if not p.first_letters() or initials[0] in p.first_letters()
                    ]
                person = self._latest(fits)
                if person is None:
                    person = self._new()
                    person.lasts.add(name)
                person.initials.update(initials[:1])
            else:
                for pool in (
                    [p for p in self.people if name in p.lasts],
                    [p for p in self.people if name in p.firsts],
                    [p for p in self.people if name in p.singles],
                ):
                    if pool:
                        person = self._latest(pool)
                        break
                if person is None:
                    person = self._new()
                    person.singles.add(name)
        else:
            person = self._new()
            person.initials.update(initials[:1])
        person.seen = self.clock
        return f"[PERSON {person.letter}]"


def assign_labels(spans: list[Span], *, postcode_sector_only: bool = False) -> list[str]:
    """One label per span, in order. Spans must be sorted by position."""
    people = PersonLetters()
    out = []
    for span in spans:
        if span.type == "PERSON":
            out.append(people.label(span.text))
        elif span.type == "POSTCODE" and postcode_sector_only:
            out.append(postcode_sector(span.text) or LABELS["POSTCODE"])
        else:
            out.append(LABELS[span.type])
    return out
