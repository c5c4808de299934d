"""Probabilistic person matching (no Django): are two reports about the same person?

Partners write one person many ways ("Jon Smyth", "SMITH, Jonathan", "jonny smith", "J. Smith",
"Nguyễn Văn Minh" and "Minh Nguyen") and give an age, a date of birth or neither. The score is a
Fellegi–Sunter sum of log-likelihood weights (the model Splink uses): each comparison (surname,
first name, middle names, date of birth or age, other shared details) has levels from exact
agreement to disagreement, each level adds log2(m/u) bits of evidence, and the total plus a prior
becomes a probability. A missing value adds nothing. Two rules sit on top: namesakes of very
different ages never match, and a record with only a first name matches only when the reports
share something else (an address, a phone).

`blocking_keys` gives the few short keys a database indexes so that the candidates for one new
record are found without comparing it with every other person stored.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import jellyfish
from nicknames import NickNamer
from rapidfuzz.distance import JaroWinkler

# --- the model's weights, in bits (log2 of m/u); chosen on the `tune` pairs only ------------------

PRIOR = -7.0  # two records that share a blocking key are rarely the same person
SURNAME_EXACT, SURNAME_EXACT_COMMON, SURNAME_EXACT_VERY_COMMON = 8.5, 6.0, 4.0
SURNAME_PART = 5.0  # one part of a double-barrelled surname, or the surname without al-, van ...
SURNAME_SIMILAR = 5.0  # sounds the same or a typo away
SURNAME_CLOSE = 0.0  # alike, but no more alike than unrelated names often are
SURNAME_DIFFERENT = -6.0
FIRST_EXACT, FIRST_EXACT_COMMON, FIRST_EXACT_VERY_COMMON = 5.5, 4.0, 2.5
FIRST_NICKNAME = 4.0
FIRST_SIMILAR = 3.5
FIRST_INITIAL = 1.5
FIRST_INITIAL_DIFFERENT = -4.0
FIRST_DIFFERENT = -6.5
MIDDLE_AGREE, MIDDLE_DIFFERENT = 0.5, -1.5
SWAPPED_ORDER = -0.5  # "Smith John" read as John Smith: usually right, not always
SWAPPED_KNOWN_ORDER = -3.0  # ... when a comma or capitals said which is the surname
KNOWN_BY_MIDDLE_NAME = -1.0  # "Van Minh Nguyen" as Minh Nguyen, "John Paul Smith" as Paul
DOB_EXACT = 9.0
DOB_TYPO = 2.0
DOB_DIFFERENT_CLOSE = -3.0
AGE_SAME_BAND = 4.0  # the birth dates the two records allow overlap
AGE_WITHIN_ONE = 3.0
AGE_WITHIN_TWO = 1.0
AGE_WITHIN_FIVE = -3.0
AGE_FAR = -12.0
SHARED_CONTEXT, SHARED_CONTEXT_MAX = 4.0, 3
# Ceilings, in bits, whatever the rest of the evidence says:
DIFFERENT_AGE_YEARS = 6.0  # namesakes further apart than this are different people
DIFFERENT_AGE_CEILING = -4.0
SINGLE_NAME_CEILING = -2.0  # only a first name and nothing else shared

MATCH_THRESHOLD = 0.5

# Surnames and first names so common in England and Wales that agreeing on them says less (the
# term-frequency adjustment Splink makes from the data; here fixed lists in two tiers, from ONS
# name counts and the commonest names of the largest communities).
VERY_COMMON_SURNAMES = frozenset(
    """smith jones williams taylor brown davies evans wilson thomas johnson patel khan singh kaur
    begum ali ahmed hussain mohammed islam rahman nguyen tran wang li zhang chen liu
    nowak""".split()
)
COMMON_SURNAMES = VERY_COMMON_SURNAMES | frozenset(
    """roberts robinson thompson wright walker white edwards hughes green hall lewis harris clarke
    clark jackson wood turner martin cooper hill ward morris moore king baker harrison morgan
    allen james scott phillips watson davis parker price bennett young griffiths mitchell kelly
    cook carter richardson bailey collins bell shaw murphy miller cox richards marshall anderson
    simpson ellis adams wilkinson foster chapman powell webb rogers gray mason hunt campbell
    matthews owen palmer holmes mills barnes knight lloyd butler russell barker fisher stevens
    jenkins murray dixon harvey miah uddin akhtar shah sharma kumar iqbal mahmood malik le pham
    yang huang zhao wu zhou kowalski wisniewski kowalczyk popescu popa ivanov""".split()
)
VERY_COMMON_FIRST_NAMES = frozenset(
    """john david michael james paul mark andrew peter richard robert steven stephen christopher
    daniel thomas mohammed muhammad mohammad mohamed sarah emma laura lisa claire karen susan
    julie wei minh""".split()
)
COMMON_FIRST_NAMES = VERY_COMMON_FIRST_NAMES | frozenset(
    """chris matthew william george jack harry oliver adam ryan lee gary kevin ali ahmed jamie
    luke liam joshua samuel joseph anthony helen nicola rebecca jessica lucy sophie amy hannah
    anna maria mary elizabeth emily charlotte olivia fatima aisha priya harpreet gurpreet
    amandeep mandeep jan piotr tomasz anh linh""".split()
)

# Family names that Vietnamese and Chinese write first; when a name starts with one (and no comma
# or capitals say otherwise) it is read family name first.
FAMILY_NAME_FIRST = frozenset(
    """nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh lam
    wang zhang liu chen yang huang zhao zhou xu sun ma zhu hu guo lin luo gao""".split()
)

_NOT_NAMES = frozenset(
    """unknown unk nk na n/a none nil unnamed anon anonymous not known male female man men woman
    women boy boys girl girls lad lads youth youths child children kid kids baby teen teenager
    person persons people adult adults someone somebody him her he she they them his hers their
    the a an and or of this that some other others called named aka mum mother dad father
    brother sister son daughter partner boyfriend girlfriend friend friends neighbour neighbours
    resident residents tenant tenants occupant occupier suspect victim offender client
    associate associates group gang member members x""".split()
)
_CALLED = frozenset("called named aka nicknamed known as".split())
_TITLES = frozenset("mr mrs ms miss mx dr sir dame master prof rev lady lord".split())
_SUFFIXES = frozenset("jr jnr junior sr snr senior ii iii iv".split())
_PARTICLES = frozenset(
    "al el abu abd bin ibn ben van von de der den da di du del della le la dos das st ter".split()
)
_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE",
     "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "’": "'", "‘": "'"}
)  # fmt: skip
_QUOTED = re.compile(r"\([^)]*\)|\"[^\"]*\"|“[^”]*”")
_NOT_LETTERS = re.compile(r"[^A-Za-z\-' ]+")
# A first name that is another with a feminine ending (Paul / Paula, Martin / Martina).
_FEMININE_ENDINGS = ("a", "ina", "ine", "elle", "ette")


@dataclass(frozen=True)
class PersonRecord:
    name: str  # as written: "Jon Smyth", "SMITH, Jonathan", "jonny smith", "J. Smith"
    age: int | None = None  # years at `seen_on`
    date_of_birth: date | None = None
    seen_on: date | None = None  # when the report was made (lets an age become a birth year)


@dataclass(frozen=True)
class Reason:
    kind: str  # "same_name", "nickname", "similar_surname", "same_age_band", "different_age" ...
    value: str  # for an analyst: "Jon / Jonathan", "Smyth / Smith", "about 34"


@dataclass(frozen=True)
class PersonMatch:
    score: float  # 0..1, roughly the probability that the two records are one person
    reasons: tuple[Reason, ...]
    weight: float = field(default=0.0, compare=False)  # the log2 odds the score comes from

    @property
    def is_match(self) -> bool:
        return self.score >= MATCH_THRESHOLD


# --- names -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    """One way of reading a name: which token is the first name and which the surname."""

    first: str | None
    middles: tuple[str, ...]
    surname: str | None  # compact: no spaces, hyphens or apostrophes
    surname_parts: tuple[str, ...]  # the parts of a double-barrelled name, without particles
    swapped: bool = False  # read surname first
    penalty: float = 0.0  # bits taken off for reading the name this way


@dataclass(frozen=True)
class _Name:
    tokens: tuple[str, ...]  # given names first, surname last, lower case, ASCII
    readings: tuple[_Reading, ...]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def normalise_name(name: str) -> str | None:
    """'SMITH, Jonathan ' -> 'jonathan smith'; 'Kónya Zoltán' keeps its order, loses accents;
    None when there is no usable name ('unknown male', '', 'him', 'the lad', 'J.')."""
    parsed = _parse(name)
    return parsed.text if parsed else None


@lru_cache(maxsize=65536)
def _parse(name: str) -> _Name | None:
    tokens, order_known = _tokens(name or "")
    if not tokens or all(len(t.replace("-", "")) < 2 for t in tokens):
        return None
    return _Name(tuple(tokens), _readings(tuple(tokens), order_known))


def _tokens(raw: str) -> tuple[list[str], bool]:
    """The name's words, given names first, and whether a comma or capitals said which word
    is the surname."""
    text = _QUOTED.sub(" ", _fold(raw))
    order_known = False
    if text.count(",") == 1:  # "Smith, John" or "SMITH, J."
        surname, given = text.split(",")
        if not set(_words(given.lower())) <= _SUFFIXES:
            text, order_known = f"{given} {surname}", True
    written = _words(text.replace(",", " "))
    words = _surname_first_in_capitals(written)
    order_known = order_known or words != written
    lower = [w.lower().strip("-'").replace("'", "") for w in words]
    lower = [w for w in lower if w]
    markers = [i for i, w in enumerate(lower) if w in _CALLED]
    if markers:  # "unknown male called Jon", "the lad known as Smithy"
        lower = lower[markers[-1] + 1 :]
    if all(w in _NOT_NAMES or w in _TITLES for w in lower):  # "the lad", "unknown male", "him"
        return [], False
    while lower and (lower[0] in _TITLES or (lower[0] in _NOT_NAMES and len(lower[0]) > 1)):
        lower.pop(0)  # "male Jon Smith"; not "A Ellis"
    while lower and lower[-1] in _SUFFIXES:
        lower.pop()
    return [w for w in lower if w not in {"unknown", "unk", "nk", "unnamed"}], order_known


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> list[str]:
    return _NOT_LETTERS.sub(" ", text.replace(".", " ")).split()


def _surname_first_in_capitals(words: list[str]) -> list[str]:
    """'SMITH John' and 'EL SAYED Ahmed' (the police convention) -> surname last; 'Smith J' ->
    'J Smith' (an initial after a surname)."""
    if len(words) < 2:
        return words
    capitals = [len(w) > 1 and w.isupper() for w in words]
    mixed = [len(w) > 1 and not w.isupper() for w in words]
    lead = 0
    while lead < len(words) and capitals[lead]:
        lead += 1
    if 0 < lead < len(words) and any(mixed[lead:]) and not any(capitals[lead:]):
        return words[lead:] + words[:lead]
    trail = len(words)
    while trail > 0 and len(words[trail - 1]) == 1:
        trail -= 1
    if 0 < trail < len(words):  # "Smith J", "SMITH J A"
        return words[trail:] + words[:trail]
    return words


def _compact(token: str) -> str:
    return token.replace("-", "")


def _surname_reading(
    tokens: list[str], *, particles: bool = True
) -> tuple[str, tuple[str, ...], list[str]]:
    """The surname (with a particle before it joined on: 'al hassan' -> 'alhassan'), its parts,
    and the tokens left before it."""
    last, rest = tokens[-1], tokens[:-1]
    parts = [p for p in last.split("-") if p and p not in _PARTICLES]
    if particles and len(rest) >= 2 and rest[-1] in _PARTICLES:
        particle, rest = rest[-1], rest[:-1]
        return particle + _compact(last), tuple(parts), rest
    compact = _compact(last)
    if parts and parts[0] != compact:
        return compact, tuple(parts), rest
    return compact, (), rest


def _readings(tokens: tuple[str, ...], order_known: bool) -> tuple[_Reading, ...]:
    if len(tokens) == 1:
        return (_Reading(_compact(tokens[0]), (), None, ()),)
    family_first = not order_known and tokens[0] in FAMILY_NAME_FIRST
    if family_first:  # "Nguyen Van Minh", "Zhang Wei": the family name is written first
        tokens = (*tokens[1:], tokens[0])
    surname, parts, rest = _surname_reading(list(tokens), particles=not family_first)
    readings = [_Reading(_compact(rest[0]), tuple(rest[1:]), surname, parts)]
    if len(rest) >= 2:
        # Given names written apart: "Xiao Ming Li", "Jean Paul Sartre".
        readings.append(_Reading("".join(_compact(t) for t in rest), (), surname, parts))
        # Known by the last given name: Vietnamese "Van Minh" is Minh; "John Paul" may be Paul.
        readings.append(
            _Reading(
                _compact(rest[-1]), tuple(rest[:-1]), surname, parts, False, KNOWN_BY_MIDDLE_NAME
            )
        )
    # Surname first without a comma or capitals ("Nguyen Van Minh", "Smith John").
    swap = SWAPPED_KNOWN_ORDER if order_known else SWAPPED_ORDER
    swapped_surname, swapped_parts, _ = _surname_reading([tokens[0]])
    readings.append(
        _Reading(_compact(tokens[-1]), tokens[1:-1], swapped_surname, swapped_parts, True, swap)
    )
    if len(tokens) >= 3:  # "Li Xiao Ming"
        given = "".join(_compact(t) for t in tokens[1:])
        readings.append(_Reading(given, (), swapped_surname, swapped_parts, True, swap))
    return tuple(readings)


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=65536)
def _nickname_forms(name: str) -> frozenset[str]:
    """The name, the names it is a nickname of, and its nicknames."""
    namer = _nicknamer()
    return frozenset({name} | namer.canonicals_of(name) | namer.nicknames_of(name))


@lru_cache(maxsize=65536)
def _canonicals(name: str) -> frozenset[str]:
    return frozenset(_nicknamer().canonicals_of(name))


def are_nicknames(a: str, b: str) -> bool:
    """'jon' ~ 'jonathan', 'bill' ~ 'william', 'peggy' ~ 'margaret', 'jonny' ~ 'jon' (one is a
    nickname of the other, or both are nicknames of one name)."""
    if a == b:
        return True
    return (
        b in _nickname_forms(a) or a in _nickname_forms(b) or bool(_canonicals(a) & _canonicals(b))
    )


@lru_cache(maxsize=65536)
def _metaphone(word: str) -> str:
    return jellyfish.metaphone(word) if word else ""


@lru_cache(maxsize=65536)
def _nysiis(word: str) -> str:
    return jellyfish.nysiis(word) if word else ""


def _sounds_alike(a: str, b: str) -> bool:
    code = _metaphone(a)
    return (len(code) >= 2 and code == _metaphone(b)) or _nysiis(a) == _nysiis(b)


def _typo_apart(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= 5 and jellyfish.damerau_levenshtein_distance(a, b) == 1


@lru_cache(maxsize=65536)
def _show(token: str) -> str:
    return "-".join(part.capitalize() for part in token.split("-"))


# --- comparisons: each returns its weight in bits and the reasons an analyst reads -------------

_Evidence = tuple[float, list[Reason]]


def _compare_surnames(a: _Reading, b: _Reading) -> _Evidence:
    if a.surname is None or b.surname is None:
        return 0.0, []
    return _surname_evidence(a.surname, b.surname, a.surname_parts, b.surname_parts)


@lru_cache(maxsize=65536)
def _surname_evidence(
    x: str, y: str, x_parts: tuple[str, ...], y_parts: tuple[str, ...]
) -> tuple[float, list[Reason]]:
    shown = f"{_show(x)} / {_show(y)}"
    exact = min(_surname_weight(x), _surname_weight(y))
    if x == y:
        return exact, [Reason("same_surname", _show(x))]
    shared = set(x_parts or (x,)) & set(y_parts or (y,))
    if shared:
        part = min(_surname_weight(p) for p in shared)
        return min(SURNAME_PART, exact, part), [Reason("similar_surname", shown)]
    if _alike(x, y, 0.92, 0.8):
        return min(SURNAME_SIMILAR, exact), [Reason("similar_surname", shown)]
    if JaroWinkler.similarity(x, y) >= 0.85:
        return SURNAME_CLOSE, [Reason("similar_surname", shown)]
    return SURNAME_DIFFERENT, [Reason("different_surname", shown)]


def _surname_weight(surname: str) -> float:
    if surname in VERY_COMMON_SURNAMES:
        return SURNAME_EXACT_VERY_COMMON
    if surname in COMMON_SURNAMES:
        return SURNAME_EXACT_COMMON
    return SURNAME_EXACT


def _alike(x: str, y: str, close: float, with_sound: float) -> bool:
    """A spelling variant or a typo: very close letters, one edit apart, the same transliteration
    skeleton, or the same sound and fairly close letters."""
    similarity = JaroWinkler.similarity(x, y)
    return (
        similarity >= close
        or _typo_apart(x, y)
        or _skeleton(x) == _skeleton(y)
        or (similarity >= with_sound and _sounds_alike(x, y))
    )


_SKELETON_RULES = (
    ("cz", "ch"), ("sch", "s"), ("sz", "s"), ("sh", "s"), ("ph", "f"), ("kh", "h"), ("ck", "k"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("w", "v"), ("y", "i"), ("q", "k"), ("c", "k"),
    ("x", "ks"),
)  # fmt: skip


@lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    """The letters transliterations disagree on folded together: 'iurii' and 'yuri' -> 'iuri',
    'sergey' and 'sergei', 'jaswinder' and 'jasvinder'."""
    for old, new in _SKELETON_RULES:
        word = word.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", word)


def _gendered_pair(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short) :] in _FEMININE_ENDINGS:
        return True
    return len(a) == len(b) > 3 and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"a", "o"}


def _compare_first_names(a: _Reading, b: _Reading) -> _Evidence:
    if not a.first or not b.first:
        return 0.0, []
    return _first_name_evidence(a.first, b.first)


@lru_cache(maxsize=65536)
def _first_name_evidence(x: str, y: str) -> tuple[float, list[Reason]]:
    shown = f"{_show(x)} / {_show(y)}"
    if len(x) == 1 or len(y) == 1:
        if x[0] == y[0]:
            if len(x) == len(y):
                return FIRST_INITIAL, [Reason("same_initial", x.upper())]
            return FIRST_INITIAL, [Reason("initial", shown)]
        return FIRST_INITIAL_DIFFERENT, [Reason("different_first_name", shown)]
    if x == y:
        if x in VERY_COMMON_FIRST_NAMES:
            exact = FIRST_EXACT_VERY_COMMON
        elif x in COMMON_FIRST_NAMES:
            exact = FIRST_EXACT_COMMON
        else:
            exact = FIRST_EXACT
        return exact, [Reason("same_first_name", _show(x))]
    if _gendered_pair(x, y):
        return FIRST_DIFFERENT, [Reason("different_first_name", shown)]
    if are_nicknames(x, y):
        return FIRST_NICKNAME, [Reason("nickname", shown)]
    if _alike(x, y, 0.9, 0.85):
        return FIRST_SIMILAR, [Reason("similar_first_name", shown)]
    return FIRST_DIFFERENT, [Reason("different_first_name", shown)]


def _compare_middles(a: _Reading, b: _Reading) -> float:
    x = {m[0] for m in a.middles if m not in _PARTICLES}
    y = {m[0] for m in b.middles if m not in _PARTICLES}
    if not x or not y:
        return 0.0
    return MIDDLE_AGREE if x & y else MIDDLE_DIFFERENT


def _compare_readings(a: _Reading, b: _Reading) -> _Evidence:
    surname, surname_reasons = _compare_surnames(a, b)
    first, first_reasons = _compare_first_names(a, b)
    weight = surname + first + _compare_middles(a, b) + a.penalty + b.penalty
    return weight, first_reasons + surname_reasons


def _compare_names(a: _Name, b: _Name) -> _Evidence:
    weight, reasons = _compare_names_once(a, b)
    return weight, list(reasons)


@lru_cache(maxsize=65536)
def _compare_names_once(a: _Name, b: _Name) -> tuple[float, tuple[Reason, ...]]:
    """Names repeat within a block (the same "John Smith" in many reports), so each pair of
    names is compared once; the ages differ and are compared every time."""
    weight, reasons = _compare_names_uncached(a, b)
    return weight, tuple(reasons)


def _compare_names_uncached(a: _Name, b: _Name) -> _Evidence:
    if a.tokens == b.tokens:
        weight, _ = _compare_readings(a.readings[0], b.readings[0])
        return weight, [Reason("same_name", " ".join(_show(t) for t in a.tokens))]
    best: _Evidence | None = None
    for x in a.readings:
        for y in b.readings:
            if x.swapped and y.swapped:  # the same as reading neither swapped
                continue
            candidate = _compare_readings(x, y)
            if best is None or candidate[0] > best[0]:
                best = candidate
    assert best is not None
    weight, reasons = best
    if not any(r.kind.startswith("different") for r in reasons) and len(reasons) == 2:
        shown = f"{' '.join(_show(t) for t in a.tokens)} / {' '.join(_show(t) for t in b.tokens)}"
        reasons = [Reason("similar_name", shown), *reasons]
    return weight, reasons


# --- dates of birth and ages -------------------------------------------------------------------


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _born_between(record: PersonRecord) -> tuple[date, date] | None:
    """The earliest and latest birth dates the record allows."""
    if record.date_of_birth:
        return record.date_of_birth, record.date_of_birth
    if record.age is None or record.seen_on is None:
        return None
    latest = _years_before(record.seen_on, record.age)
    earliest = date.fromordinal(_years_before(record.seen_on, record.age + 1).toordinal() + 1)
    return earliest, latest


def _age_gap_years(a: PersonRecord, b: PersonRecord) -> float | None:
    x, y = _born_between(a), _born_between(b)
    if x is None or y is None:
        if a.age is not None and b.age is not None and not (a.seen_on or b.seen_on):
            return float(max(abs(a.age - b.age) - 1, 0))  # two ages at unknown, similar dates
        return None
    days = max((y[0] - x[1]).days, (x[0] - y[1]).days, 0)
    return days / 365.25


def _describe_age(record: PersonRecord) -> str:
    if record.date_of_birth:
        return f"born {record.date_of_birth.day} {record.date_of_birth:%B %Y}"
    return f"about {record.age}"


def _dob_typo(x: date, y: date) -> bool:
    same = (x.year == y.year) + (x.month == y.month) + (x.day == y.day)
    swapped = x.year == y.year and (x.month, x.day) == (y.day, y.month)
    return same == 2 or swapped


def _compare_ages(a: PersonRecord, b: PersonRecord, gap: float | None) -> _Evidence:
    if gap is None:
        return 0.0, []
    both = f"{_describe_age(a)} / {_describe_age(b)}"
    if a.date_of_birth and b.date_of_birth:
        if a.date_of_birth == b.date_of_birth:
            return DOB_EXACT, [Reason("same_date_of_birth", _describe_age(a)[5:])]
        if _dob_typo(a.date_of_birth, b.date_of_birth):
            return DOB_TYPO, [Reason("similar_date_of_birth", both)]
        if gap <= 2:
            return DOB_DIFFERENT_CLOSE, [Reason("different_date_of_birth", both)]
    if gap == 0:
        band = _describe_age(a if a.age is not None else b)
        return AGE_SAME_BAND, [Reason("same_age_band", band)]
    if gap <= 1:
        return AGE_WITHIN_ONE, [Reason("same_age_band", both)]
    if gap <= 2:
        return AGE_WITHIN_TWO, [Reason("similar_age", both)]
    if gap <= 5:
        return AGE_WITHIN_FIVE, [Reason("different_age", both)]
    return AGE_FAR, [Reason("different_age", both)]


# --- the match ---------------------------------------------------------------------------------


def _probability(bits: float) -> float:
    return 1.0 / (1.0 + math.pow(2.0, -bits))


def person_match(a: PersonRecord, b: PersonRecord, *, shared_context: int = 0) -> PersonMatch:
    """How likely `a` and `b` are one person. `shared_context` is the number of other things the
    two reports share (an address, a phone, a postcode); each raises the score."""
    name_a, name_b = _parse(a.name), _parse(b.name)
    if name_a is None or name_b is None:
        return PersonMatch(0.0, (Reason("no_name", "no usable name"),), -math.inf)
    name_weight, reasons = _compare_names(name_a, name_b)
    gap = _age_gap_years(a, b)
    age_weight, age_reasons = _compare_ages(a, b, gap)
    reasons += age_reasons
    context = max(0, min(shared_context, SHARED_CONTEXT_MAX))
    if context:
        details = "detail" if context == 1 else "details"
        reasons.append(Reason("shared_context", f"{context} other {details} in common"))
    bits = PRIOR + name_weight + age_weight + SHARED_CONTEXT * context
    if gap is not None and gap > DIFFERENT_AGE_YEARS:
        bits = min(bits, DIFFERENT_AGE_CEILING)
    if len(name_a.tokens) == 1 or len(name_b.tokens) == 1:
        lone = name_a if len(name_a.tokens) == 1 else name_b
        reasons.append(Reason("single_name", f"only a first name: {_show(lone.tokens[0])}"))
        if not context:
            bits = min(bits, SINGLE_NAME_CEILING)
    return PersonMatch(round(_probability(bits), 4), tuple(reasons), bits)


def could_match(a: str, b: str, *, shared_context: int = 0) -> bool:
    """Whether any age or date of birth could make names `a` and `b` one person: False only
    when person_match would say no to every pair of records with these names. A name block's
    candidates repeat a few names many times (at a million reports, 500 mentions of a dozen
    ways of writing John Smith), so the names are weighed once per name, not once per record."""
    name_a, name_b = _parse(a), _parse(b)
    if name_a is None or name_b is None:
        return False
    context = max(0, min(shared_context, SHARED_CONTEXT_MAX))
    if not context and (len(name_a.tokens) == 1 or len(name_b.tokens) == 1):
        return False  # capped at SINGLE_NAME_CEILING, below the threshold
    name_weight, _ = _compare_names_once(name_a, name_b)
    best = PRIOR + name_weight + _BEST_AGE_WEIGHT + SHARED_CONTEXT * context
    return _probability(best) >= MATCH_THRESHOLD


def ages_rule_out(a: PersonRecord, b: PersonRecord) -> bool:
    """Whether the two records' ages alone say they are different people: person_match caps
    such a pair below the threshold whatever the names, so a name block's candidates of far
    ages need no name comparison (the costly part, for names parsed for the first time)."""
    gap = _age_gap_years(a, b)
    return (
        gap is not None
        and gap > DIFFERENT_AGE_YEARS
        and _probability(DIFFERENT_AGE_CEILING) < MATCH_THRESHOLD
    )


_BEST_AGE_WEIGHT = max(DOB_EXACT, AGE_SAME_BAND)  # the most an age comparison can add


# --- blocking ----------------------------------------------------------------------------------

MAX_BLOCKING_KEYS = 4


def _initial(word: str) -> str:
    return (_skeleton(word) or word)[0]  # Yuri and Iurii, Catherine and Katherine agree


def _initials(reading: _Reading) -> list[str]:
    """The initial of the first name, then of the last given name (Vietnamese "Van Minh" is
    known as Minh), then of the names the first name is a nickname of (Bill: w)."""
    first = reading.first or ""
    initials = [_initial(first)]
    if reading.middles:
        initials.append(_initial(reading.middles[-1]))
    counts: dict[str, int] = {}
    for canonical in _canonicals(first):
        counts[_initial(canonical)] = counts.get(_initial(canonical), 0) + 1
    initials += sorted(counts, key=lambda c: (-counts[c], c))
    return list(dict.fromkeys(initials))


def _surname_code(surname: str) -> str:
    return (_metaphone(surname) or surname)[:4]


def _surname_keys(reading: _Reading) -> list[str]:
    """A double-barrelled surname is looked up by each part; "al-", "van" and the like are
    left off."""
    parts = list(reading.surname_parts) or [reading.surname or ""]
    return [_surname_code(parts[-1])] + ([_surname_code(parts[0])] if len(parts) > 1 else [])


BlockingKey = tuple[str, str]  # (key, narrow): a name block, and the part of it a name is in
Lookup = dict[str, frozenset[str] | None]  # key -> the narrows to read (None: all of the block)


def _keyed(name: str) -> list[tuple[str, tuple[str, ...]]]:
    """The name's blocking keys, each with what narrows it: the first name for a surname key (or
    the given names: 'Nguyen Thi Trang' is filed under NKYN:t by Thi and by Trang), the surname
    (marked '=') for a first-name key, nothing for a first name alone."""
    parsed = _parse(name)
    if parsed is None:
        return []
    reading = parsed.readings[0]
    if reading.surname is None:
        return [(f"f:{_metaphone(reading.first or '') or reading.first}", ("",))]
    first = reading.first or ""
    surnames, initials = _surname_keys(reading), _initials(reading)
    keyed = [(f"{code}:{initials[0]}", first) for code in surnames]
    swapped = next(r for r in parsed.readings if r.swapped)
    swapped_first = swapped.first or ""
    keyed.append((f"{_surname_keys(swapped)[0]}:{_initial(swapped_first)}", swapped_first))
    middle = reading.middles[-1] if reading.middles else ""
    if middle:
        keyed.append((f"{surnames[0]}:{_initial(middle)}", middle))
    for initial in initials[1:]:
        if not middle or initial != _initial(middle):
            keyed.append((f"{surnames[0]}:{initial}", first))
    if len(first) > 1:
        first_key = f"f:{_metaphone(first)[:3]}:{_initial(reading.surname)}"
        keyed.append((first_key, "=" + reading.surname))
    unique: dict[str, tuple[str, ...]] = {}
    for key, by in keyed:
        unique[key[:60]] = tuple(dict.fromkeys((*unique.get(key[:60], ()), by)))
    return list(unique.items())[:MAX_BLOCKING_KEYS]


def _first_narrow(first: str) -> str:
    """A first name's sound ('JN' for John, Jon and Jonathan); nothing for an initial."""
    return "" if len(first) < 2 else (_metaphone(_skeleton(first)) or first)[:2]


def _surname_narrows(surname: str) -> frozenset[str]:
    """A surname's second and last letters: a typo rarely changes both."""
    letters = _skeleton(surname) or surname
    return frozenset({f"a{letters[1:2]}", f"z{letters[-1]}"})


def _narrows(by: str) -> frozenset[str]:
    if by.startswith("="):
        return _surname_narrows(by[1:])
    return frozenset({_first_narrow(by)})


def blocking_keys(name: str) -> list[BlockingKey]:
    """Where a name is filed for candidates to be looked up by: short keys, each narrowed.

    The keys: the sound of the surname with the first name's initial ('SM0:j'; also by the
    nickname's name, 'SM0:w' for Bill), the same for the name read surname first (for 'Nguyen
    Van Minh' against 'Minh Nguyen'), and the sound of the first name with the surname's initial
    (for a typo in the surname). A first name alone has a key of its own kind ('f:JN') and is
    found through the address or phone its report shares.

    At a million reports a key holds hundreds of names ('TN:k': Kevin Dunn, Karen Tan, Kyle
    Dean ...), so each is filed under a narrow too: a surname key by the first name's sound (an
    initial by nothing), a first-name key by the surname's second and last letters. Lookup
    (blocking_lookup) reads only the narrows that could match: benchmarks/link.py."""
    return [
        (key, narrow)
        for key, bys in _keyed(name)
        for narrow in sorted(set().union(*(_narrows(by) for by in bys)))
    ]


def _given_narrows(first: str) -> frozenset[str] | None:
    """The narrows a first name could match in: its own sound, its nicknames' and those of the
    names it is a nickname of, and an initial's. An initial could match any first name."""
    if len(_first_narrow(first)) < 2:
        return None  # an initial, or a name of one sound ('Laua', a typo of Laura: 'L')
    forms = set(_nickname_forms(first))
    for canonical in _canonicals(first):
        forms |= _nickname_forms(canonical)
    sounds = {_first_narrow(form) for form in forms} | {_first_narrow(first)}
    return frozenset(sounds | {sound[:1] for sound in sounds} | {""})  # and names of one sound


def blocking_lookup(names: Iterable[str]) -> Lookup:
    """The parts of the name blocks to read for candidates of any of `names`."""
    lookup: Lookup = {}
    for name in names:
        for key, bys in _keyed(name):
            for by in bys:
                _lookup_add(lookup, key, by)
    return lookup


def _lookup_add(lookup: Lookup, key: str, by: str) -> None:
    if not by:
        wanted = None
    elif by.startswith("="):
        wanted = _surname_narrows(by[1:])
    else:
        wanted = _given_narrows(by)
    if key in lookup and lookup[key] is None:
        return
    lookup[key] = None if wanted is None else (lookup.get(key) or frozenset()) | wanted


def blocked_together(a: str, b: str) -> bool:
    """Whether looking up name `a` finds name `b` and the other way round: what the name keys
    (entities.services) do, for the tests and benchmarks/person_match.py."""

    def finds(lookup: Lookup, filed: list[BlockingKey]) -> bool:
        return any(
            key in lookup and (lookup[key] is None or narrow in lookup[key])  # type: ignore[operator]
            for key, narrow in filed
        )

    return finds(blocking_lookup([a]), blocking_keys(b)) and finds(
        blocking_lookup([b]), blocking_keys(a)
    )
