"""Finding people's names: rules first, the statistical model only where the rules are unsure.

The passes, in order (`begin` runs 1-3, the engine runs the model, `finish` runs 5-7):

1. Rules over word tokens, which know British usage: a title or rank with what follows ("Mrs D.
   Taylor", "Cllr. L. Harper-Davies", "PC Smith" but not the collar number "PC 1234"), a first
   name from the gazetteer with what follows it ("Piotr Nowak", "Shane O'Neill"), initials with a
   surname ("D. Taylor"), police style ("NOWAK Piotr", "SINGH, Gurpreet"), an unknown capitalised
   word before a known surname ("Zbigniew Harper"), a cue before ("her son Tyler", "the tenant
   is ...") or evidence after ("Kai's", "Rose says", "Grace, 79,").
2. Lower-case names ("mr. dixon", "toby dixon"; in an all-lower-case text a known first name
   alone), nicknames in quotes after a naming cue ("known locally as 'Tiny'"), dotted initials.
3. Two or three adjacent capitalised words no list knows, not all English words ("Florian
   Thistlewood"); a lone known surname in mid-sentence; an unknown word that is the subject of a
   reporting verb ("Kuldip told staff").
4. The capitalised words still undecided are handed, with about forty characters either side,
   to spaCy's named-entity recogniser. Running it on these short windows instead of the whole
   text keeps the engine fast; a text with no doubtful word never reaches spaCy.
5. The model's PERSON entities are kept once trimmed of places and ordinary words; an unfamiliar
   two- or three-word name it calls an ORG or GPE is kept at a lower score.
6. Names are grown over neighbouring name-shaped words the finder stopped short of.
7. Every name part found is looked for again through the text, so a later bare "Nowak" or
   "Piotr" is not missed.

Places and organisations are never names: the gazetteer lists them (and organisation names are
masked before anything else), a name-like phrase followed by a street or organisation word
("Victoria Road", "John Lewis Partnership", "Patel's News") is skipped whole, and so is a word
after a car make ("Seat Leon").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from . import gazetteer as gz
from .nlp import ordinary_words

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_WS_GAP = {" ", "  ", "\t"}
_INITIAL_GAPS = {".", ". ", ".  ", " ", "  ", "\t", ".\t"}

FIRST_CF = frozenset(n.casefold() for n in gz.FIRST_NAMES)
SURNAME_CF = frozenset(n.casefold() for n in gz.SURNAMES)
AMBIGUOUS_CF = frozenset(n.casefold() for n in gz.AMBIGUOUS_NAMES)
NOT_NAME_CF = gz.NOT_NAME_WORDS
NOT_AFTER_TITLE_CF = gz.NOT_AFTER_TITLE
PLACE_ORG_CF = frozenset(
    w.casefold() for w in gz.ORG_WORDS | gz.STREET_SUFFIXES | gz.PLACES
) - frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "upper",
        "lower",
        "great",
        "little",
        "new",
        "old",
        "high",
        "low",
    }
)
# Words after which a capitalised phrase is the name of a place, not a person.
_PLACE_PREFIX = frozenset({"St", "Saint", "Lake", "Port", "Fort", "Mount", "ST", "st", "saint"})
TITLES = gz.TITLES
RANK_TITLES = gz.RANK_TITLES
CUES_CF = frozenset(w.casefold() for w in gz.CONTEXT_CUES)
PARTICLES = gz.NAME_PARTICLES
_SUBJECT_VERBS = frozenset(
    """
was is has had told said says stated reported lives lived went came left arrived admitted denied
threatened assaulted attacked attended visited called rang texted messaged sent gave took sold
bought drives drove owns owned uses used works worked stays stayed returned ran walked shouted
claims claimed disclosed alleged alleges appeared appears approached followed punched kicked
asked asks wants wanted needs needed gets got goes tells hopes hoped thinks thought knows knew
will would can could should might must does did isn't wasn't hasn't doesn't didn't won't can't
controls controlled runs manages managed keeps kept holds held
""".split()
)
_FOLLOWS_PERSON = re.compile(
    r"(?:['’]s\b|\s*\(\s*(?:aged\s+)?\d{1,3}\s*\)|,\s*(?:aged\s+)?\d{1,3}\s*[,)]|"
    r"\s*[,(]?\s*(?:DOB|D\.O\.B|d\.o\.b|dob|born|aged)\b|\s+from\s+(?:number\s+\d|[A-Z]))"
)
_THING_BEFORE_CUE = frozenset(
    """
club pub bar shop group gang estate app website site page company firm business street road place
cafe café restaurant line school place account channel chat video song track film show brand
""".split()
)
_DOTTED_INITIALS = re.compile(r"(?<![\w.])([A-Z]\.){2,3}(?![\w])")
_NOT_INITIALS = frozenset(
    {
        "U.K.",
        "P.S.",
        "N.B.",
        "A.M.",
        "P.M.",
        "D.O.B.",
        "E.G.",
        "I.E.",
        "U.S.",
        "E.U.",
        "R.I.P.",
        "A.K.A.",
        "N.F.A.",
        "V.I.P.",
        "B.T.",
        "T.V.",
        "G.P.",
        "P.C.",
        "D.C.",
    }
)
_PLACE_NAMES_CF = frozenset(w.casefold() for w in gz.PLACE_NAMES)
_MONTHS_CF = frozenset(m.casefold() for m in gz.MONTHS)
_COLOURS = frozenset(
    "black white green brown grey gray silver gold red blue pink orange purple".split()
)
_NOT_AFTER_NAME = frozenset(
    {
        "i",
        "you",
        "we",
        "the",
        "a",
        "an",
        "be",
        "not",
        "have",
        "it",
        "this",
        "that",
        "your",
        "my",
        "our",
        "all",
        "of",
        "and",
        "or",
    }
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "our", "their", "its"})

_COLLAR = re.compile(r"\.?[ \t]+\d{1,6}[ \t]+(?=[A-Z])")
_NICKNAME = re.compile(  # unquoted; quoted nicknames are scan_quoted's
    r"(?i:\b(?:known\s+as|aka|a\.k\.a\.?|nicknamed|nickname|goes\s+by|street\s+name|"
    r"calls\s+(?:him|her|them)sel(?:f|ves)|alias)\b)"
    r"\s*:?\s*([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)"
)
_ORGANISATIONS = re.compile(
    r"(?i)\b(?:"
    + "|".join(re.escape(o) for o in sorted(gz.ORGANISATIONS, key=len, reverse=True))
    + r")(?![\w])"
)

CAR_MAKES = gz.CAR_MAKES
LOWER_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor"})
_LOCATIVE = frozenset(
    {
        "on",
        "along",
        "off",
        "near",
        "down",
        "up",
        "onto",
        "opposite",
        "into",
        "via",
        "past",
        "towards",
        "toward",
        "in",
        "round",
        "around",
    }
)
_PLACE_PREPOSITIONS = _LOCATIVE | {"from", "to", "at", "visiting", "of"}
STREET_CF = frozenset(w.casefold() for w in gz.STREET_SUFFIXES)
PLACES_CF = frozenset(w.casefold() for w in gz.PLACES)
_QUOTED = re.compile(
    r"(?<![\w'’])['‘\"“](?P<name>[A-Za-z][\w’'\-]*(?:[ ][A-Za-z][\w’'\-]*){0,2})['’\"”](?![\w'’])"
)
_STRONG_NICKNAME_CUE = re.compile(
    r"(?i)\b(?:known(?:\s+\w+){0,3}\s+as|goes\s+by|go\s+by|aka|a\.k\.a\.?|nicknamed?|"
    r"calls\s+(?:him|her|them)sel(?:f|ves)|"
    r"street\s+name|alias|reference|references|referenced)\b[^.!?\n]{0,12}$"
)
_NICKNAME_CUE = re.compile(
    r"(?i)\b(?:known|called|calls|call|goes\s+by|go\s+by|aka|a\.k\.a\.?|nicknamed?|named|"
    r"as|reference|"
    r"references|referenced|referred\s+to|mentions|mentioned|name|alias|tag)\b[^.!?\n]{0,20}$"
)

_NAME_LIKE_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})

MODEL_LABELS = _NAME_LIKE_LABELS | {"PERSON"}

NER_WINDOW = 40  # characters either side of a doubtful word given to the model


@dataclass(slots=True)
class Found:
    start: int
    end: int
    score: float
    source: str


def _ordinary(cf: str) -> bool:
    """An English word (or its plural) in the lexicon: "rainbows", "bulls", "insurance"."""
    lexicon = ordinary_words()
    if cf in lexicon:
        return True
    if len(cf) > 3:
        if cf.endswith("s") and (cf[:-1] in lexicon or (cf.endswith("es") and cf[:-2] in lexicon)):
            return True
        if cf.endswith("ed") and (cf[:-1] in lexicon or cf[:-2] in lexicon):
            return True
        if cf.endswith("ing") and (cf[:-3] in lexicon or cf[:-3] + "e" in lexicon):
            return True
    return False


def _is_first(cf: str) -> bool:
    """A known given name, hyphenated ones included ("anne-marie", "jean-paul")."""
    return cf in FIRST_CF or ("-" in cf and all(p in FIRST_CF for p in cf.split("-")))


def _tokenise(text: str) -> list[tuple[int, int, str]]:
    toks = []
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        word = m.group()
        if len(word) > 3 and word[-2] in "'’" and word[-1] in "sS":  # possessive: Nowak's
            end -= 2
            word = word[:-2]
        toks.append((start, end, word))
    return toks


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _shape(word: str) -> str:
    if word.isupper():
        return "upper" if len(word) > 1 else "initial"
    if word[0].isupper():
        return "cap"
    return "lower"


class _Scanner:
    def __init__(self, text: str, blocked: list[tuple[int, int]]):
        self.text = text
        self.toks = _tokenise(text)
        self.n = len(self.toks)
        self._starts = [t[0] for t in self.toks]
        self.masked = [False] * self.n
        self.found: list[Found] = []
        self.candidates: list[int] = []
        self.taken = [False] * self.n
        self._mask(blocked)
        self._mask([m.span() for m in _ORGANISATIONS.finditer(text)])
        self._lower_words: set[str] | None = None
        self._lower_mode: bool | None = None

    # -- helpers --------------------------------------------------------------------------------
    def _mask(self, ranges: list[tuple[int, int]]) -> None:
        if not ranges:
            return
        ranges = sorted(ranges)
        r = 0
        for i, (s, e, _) in enumerate(self.toks):
            while r < len(ranges) and ranges[r][1] <= s:
                r += 1
            if r < len(ranges) and ranges[r][0] < e:
                self.masked[i] = True

    def within(self, start: int, end: int) -> range:
        """The indices of the tokens lying wholly inside text[start:end]."""
        i = bisect_left(self._starts, start)
        j = i
        while j < self.n and self.toks[j][1] <= end:
            j += 1
        return range(i, j)

    def gap(self, i: int, j: int) -> str:
        return self.text[self.toks[i][1] : self.toks[j][0]]

    def joined(self, i: int, j: int) -> bool:
        """Whether token j continues a name ending at token i."""
        if j >= self.n or self.masked[j]:
            return False
        g = self.gap(i, j)
        if g in _WS_GAP:
            return True
        word = self.toks[i][2]
        return g in _INITIAL_GAPS and (_is_initial(word) or word in TITLES)

    def sentence_initial(self, i: int) -> bool:
        k = self.toks[i][0] - 1
        text = self.text
        while k >= 0 and text[k] in " \t\"'“‘([*•-–":
            k -= 1
        return k < 0 or text[k] in ".!?\n:;"

    def lower_words(self) -> set[str]:
        if self._lower_words is None:
            self._lower_words = {
                w
                for (_, _, w), masked in zip(self.toks, self.masked, strict=True)
                if w.islower() and not masked
            }
        return self._lower_words

    def name_part(self, i: int, after_title: bool = False) -> bool:
        if i >= self.n or self.masked[i]:
            return False
        word = self.toks[i][2]
        shape = _shape(word)
        if shape in ("lower", "initial"):
            return False
        cf = word.casefold()
        if after_title:
            if cf in SURNAME_CF or cf in FIRST_CF:
                return True  # "Mr May", "Mrs Hope"
            return cf not in NOT_AFTER_TITLE_CF and word not in TITLES
        if word in TITLES:
            return False
        if self.in_code(i) or self.model_of_car(i):
            return False
        if cf in SURNAME_CF or cf in FIRST_CF:
            return True
        if shape == "upper" and len(word) <= 3:
            return False  # an acronym
        return cf not in NOT_NAME_CF

    def person_follows(self, i: int) -> bool:
        """What comes after token i says it is a person: "Kai's", "Rose says", "Grace, 79,",
        "Chelsea (15)", "Christian Day, DOB ...", "Amber from number 9"."""
        end = self.toks[i][1]
        if _FOLLOWS_PERSON.match(self.text, end):
            return True
        if i + 1 < self.n and self.gap(i, i + 1) in _WS_GAP:
            nxt = self.toks[i + 1][2]
            return nxt in _SUBJECT_VERBS
        return False

    def cue_before(self, i: int) -> bool:
        """ "her son Tyler", "a male called Kane", "the tenant is Christian Day"."""
        if i == 0:
            return False
        toks = self.toks
        k = i - 1
        if toks[k][2] in ("is", "was", "as") and k > 0 and self.gap(k, i) in _WS_GAP:
            k -= 1
            if self.gap(k, k + 1) not in _WS_GAP:
                return False
        elif self.gap(k, i) not in (" ", ", ", " - ", ": ", " – "):
            return False
        if toks[k][2].casefold() not in CUES_CF:
            return False
        if toks[k][2].casefold() in ("called", "named", "name") and k > 0:
            before = toks[k - 1][2].casefold()
            if before in _THING_BEFORE_CUE or (
                k > 1
                and toks[k - 2][2].casefold() in _THING_BEFORE_CUE
                and before in ("a", "an", "the")
            ):
                return False  # "a club called Paris"
        return True

    def _not_a_subject(self, i: int) -> bool:
        """ "May is a busy month", "June was wet": a month, not a woman."""
        cf = self.toks[i][2].casefold()
        if cf not in _MONTHS_CF:
            return False
        start, end = self.toks[i][0], self.toks[i][1]
        if re.search(
            r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?$", self.text[max(0, start - 10) : start]
        ) or re.match(r"\s+\d", self.text[end : end + 3]):
            return True  # "3rd June", "June 2026": a date
        return i + 1 < self.n and self.toks[i + 1][2] in (
            "is",
            "was",
            "has",
            "had",
            "will",
            "would",
            "can",
            "could",
        )

    def locative_before(self, i: int) -> bool:
        return (
            i > 0 and self.gap(i - 1, i) in _WS_GAP and self.toks[i - 1][2].casefold() in _LOCATIVE
        )

    def place_preposition_before(self, i: int) -> bool:
        return (
            i > 0
            and self.gap(i - 1, i) in _WS_GAP
            and self.toks[i - 1][2].casefold() in _PLACE_PREPOSITIONS
        )

    def street_ahead(self, k: int, reach: int = 2) -> bool:
        """A street word within the next few joined capitalised words: "Alan Moss Road"."""
        j = k
        while (
            j < self.n
            and j < k + reach
            and self.joined(j - 1, j)
            and _shape(self.toks[j][2]) == "cap"
        ):
            if (
                self.toks[j][2].casefold() in STREET_CF
                and self.toks[j][2].casefold() not in SURNAME_CF
            ):
                return True
            j += 1
        return False

    def in_code(self, i: int) -> bool:
        """Letters run together with digits: "NFRC2533848382", "LE11"."""
        s, e, _ = self.toks[i]
        text = self.text
        return (e < len(text) and text[e].isdigit()) or (s > 0 and text[s - 1].isdigit())

    def model_of_car(self, i: int) -> bool:
        """ "Seat Leon", "Mini Cooper", "Range Rover Evoque": a model, not a person."""
        return i > 0 and self.toks[i - 1][2] in CAR_MAKES and self.gap(i - 1, i) in _WS_GAP

    def lower_mode(self) -> bool:
        """The whole text is written in lower case, like a quick note from a phone."""
        if self._lower_mode is None:
            words = [
                w
                for (_, _, w), m in zip(self.toks, self.masked, strict=True)
                if not m and len(w) > 1
            ]
            capitals = sum(1 for w in words if w[0].isupper())
            self._lower_mode = len(words) >= 8 and capitals <= len(words) * 0.03
        return self._lower_mode

    def consume(
        self, j: int, prev: int, after_title: bool = False, limit: int = 4
    ) -> tuple[int, int]:
        """Take name parts from token j on (token `prev` before them).

        Returns (end index, parts)."""
        k, parts, end = j, 0, j
        last = prev
        while k < self.n and parts < limit and self.joined(last, k):
            word = self.toks[k][2]
            if _is_initial(word) and (
                word not in ("A", "I") or self.text[self.toks[k][1] : self.toks[k][1] + 1] == "."
            ):
                if after_title and parts == 0:
                    end = k + 1  # "Mrs D." with no surname still names someone
                last, k = k, k + 1
                continue
            if word in PARTICLES and self.name_part(k + 1) and self.joined(k, k + 1):
                last, k = k, k + 1
                continue
            if self.name_part(k, after_title=after_title and parts == 0) or (
                parts and self.name_part(k)
            ):
                parts += 1
                last, k = k, k + 1
                end = k
                continue
            break
        return end, parts

    def place_or_org_follows(self, k: int) -> bool:
        """A capitalised street or organisation word straight after: 'Victoria Road'."""
        if k >= self.n or not self.joined(k - 1, k):
            return False
        word = self.toks[k][2]
        return _shape(word) in ("cap", "upper") and word.casefold() in PLACE_ORG_CF

    def place_precedes(self, i: int) -> bool:
        return (
            i > 0 and self.gap(i - 1, i) in _INITIAL_GAPS and self.toks[i - 1][2] in _PLACE_PREFIX
        )

    def take(self, i: int, k: int) -> None:
        """Mark tokens i..k-1 as decided without naming anyone (a street, a shop)."""
        for t in range(i, k):
            self.taken[t] = True

    def emit(self, i: int, k: int, score: float, source: str) -> None:
        self.found.append(Found(self.toks[i][0], self.toks[k - 1][1], score, source))
        self.take(i, k)

    def with_civil_title(self, i: int) -> int:
        """The start of a name at token i, moved back over a civil title joined to it ("Mrs
        Nowak"); a police rank stays outside the name."""
        toks = self.toks
        if (
            i > 0
            and toks[i - 1][2] in TITLES
            and toks[i - 1][2] not in RANK_TITLES
            and self.joined(i - 1, i)
        ):
            return i - 1
        return i

    # -- the rule pass -------------------------------------------------------------------------
    def scan(self) -> None:
        """Passes 1 and 2: the rules over each token in turn (`_RULES`, the first that decides
        a token wins), then the lower-case names, the nicknames and the dotted initials."""
        i = 0
        while i < self.n:
            i = self._decide(i)
        self.scan_lower()
        self.scan_quoted()
        self.scan_dotted_initials()
        self.scan_unquoted_nicknames()

    def _decide(self, i: int) -> int:
        """Apply the rules to token i in order; the first to decide gives the next token."""
        for rule in _RULES:
            nxt = rule(self, i)
            if nxt is not None:
                return nxt
        return i + 1  # not reached: the last rule always decides

    # Each rule below looks at token i and returns None when it does not apply (the next rule
    # is tried), or the index of the token to look at next once it has decided.

    def _skip_masked(self, i: int) -> int | None:
        """An organisation's name or a span another recogniser took is nobody's name."""
        return i + 1 if self.masked[i] else None

    def _rule_title(self, i: int) -> int | None:
        """A title: "Mrs D. Taylor", "Cllr. L. Harper-Davies", "PC Smith", "PC 1234 Smith"."""
        word = self.toks[i][2]
        if word not in TITLES:
            return None
        if word in RANK_TITLES:
            m = _COLLAR.match(self.text, self.toks[i][1])
            if m:
                return self._after_collar_number(i, m.end())
        k, _ = self.consume(i + 1, i, after_title=True)
        if k > i + 1 and not self.place_or_org_follows(k):
            # A civil title belongs to the name ("Mrs D. Taylor"); a police rank is a job title
            # and stays readable ("PC [PERSON A]").
            self.emit(i + 1 if word in RANK_TITLES else i, k, 0.92, "title")
            return k
        return i + 1

    def _after_collar_number(self, i: int, end: int) -> int:
        """ "PC 1234 Smith": the collar number is kept; the name after it (if any) goes."""
        toks, n = self.toks, self.n
        j = i + 1
        while j < n and toks[j][0] < end:
            j += 1
        if j < n and toks[j][0] == end and self.name_part(j, after_title=True):
            k, _ = self.consume(j + 1, j)
            k = max(k, j + 1)
            self.emit(j, k, 0.85, "title")
            return k
        return i + 1

    def _skip_lower(self, i: int) -> int | None:
        """Lower-case words are `scan_lower`'s."""
        return i + 1 if _shape(self.toks[i][2]) == "lower" else None

    def _rule_initials(self, i: int) -> int | None:
        """Initials and a surname: "D. Taylor", "J.P. Smith" (not the words "A" and "I")."""
        toks, n = self.toks, self.n
        word = toks[i][2]
        if _shape(word) != "initial":
            return None
        if word in ("A", "I") and self.text[toks[i][1] : toks[i][1] + 1] != ".":
            return i + 1
        k = i
        while k + 1 < n and _is_initial(toks[k + 1][2]) and self.joined(k, k + 1):
            k += 1
        dotted = self.gap(k, k + 1).startswith(".") if k + 1 < n else False
        if not (self.joined(k, k + 1) and (dotted or toks[k + 1][2].casefold() in SURNAME_CF)):
            return i + 1
        end, parts = self.consume(k + 1, k)
        if parts and not self.place_or_org_follows(end):
            surname = toks[end - 1][2].casefold()
            self.emit(i, end, 0.85 if surname in SURNAME_CF else 0.75, "initials")
            return end
        return i + 1

    def _skip_not_name_part(self, i: int) -> int | None:
        """A word no name is made of, or the second word of a place ("St Margaret")."""
        return i + 1 if not self.name_part(i) or self.place_precedes(i) else None

    def _rule_cue(self, i: int) -> int | None:
        """A context cue before: "her son Tyler", "a male called Kane", "victim, Ben"."""
        cf = self.toks[i][2].casefold()
        if not self.cue_before(i) or (cf in _PLACE_NAMES_CF and self.place_preposition_before(i)):
            return None
        k, _ = self.consume(i + 1, i)
        if self.place_or_org_follows(k):
            return None
        self.emit(i, k, 0.85, "context")
        return k

    def _rule_first_name(self, i: int) -> int | None:
        """A first name from the gazetteer, with what follows it ("Piotr Nowak"), unless the
        whole is a street or an organisation named after someone ("Victoria Road")."""
        cf = self.toks[i][2].casefold()
        if not _is_first(cf):
            return None
        k, parts = self.consume(i + 1, i)
        if parts and self.toks[k - 1][2].casefold() in STREET_CF and self.locative_before(i):
            self.take(i, k)  # "on Russell Lane": a street named after someone
            return k
        if self._place_surname_at(i, k):
            k, parts = k + 1, parts + 1  # "Tyler Hinckley": a surname that is also a place
        if self.place_or_org_follows(k):
            self.take(i, k + 1)  # "Victoria Road", "John Lewis Partnership"
            return k + 1
        if parts:
            return self._first_name_and_more(i, k)
        return self._first_name_alone(i)

    def _place_surname_at(self, i: int, k: int) -> bool:
        """Token k, after the first name at i, is a place that here is a surname ("Tyler
        Hinckley"): not followed by another capitalised word, and, after a first name that is
        also a word, written in capitals or followed by evidence of a person."""
        toks, n = self.toks, self.n
        cf = toks[i][2].casefold()
        return (
            k < n
            and self.joined(k - 1, k)
            and _shape(toks[k][2]) in ("cap", "upper")
            and toks[k][2].casefold() in PLACES_CF
            and not (self.joined(k, k + 1) and _shape(toks[k + 1][2]) in ("cap", "upper"))
            and (cf not in AMBIGUOUS_CF or toks[k][2].isupper() or self.person_follows(k))
        )

    def _first_name_and_more(self, i: int, k: int) -> int:
        """A first name with more name words (tokens i..k-1); if every word is also an ordinary
        word or place ("Grace Lane", "Rose Hill") and nothing shows a person, the model judges."""
        toks = self.toks
        cf = toks[i][2].casefold()
        rest = [toks[t][2] for t in range(i + 1, k) if not _is_initial(toks[t][2])]
        ambiguous = cf in AMBIGUOUS_CF and all(r.casefold() in AMBIGUOUS_CF for r in rest)
        if ambiguous and not (self.person_follows(k - 1) or any(r.isupper() for r in rest)):
            self.candidates.append(i)
            return k
        known = any(r.casefold() in SURNAME_CF for r in rest)
        self.emit(i, k, 0.9 if known else 0.85, "first_name")
        return k

    def _first_name_alone(self, i: int) -> int:
        """A first name on its own: a name if it is nothing else; if it is also a word ("Rose",
        "May"), only with evidence after it ("Kai's phone", "Rose says", "Grace, 79,")."""
        cf = self.toks[i][2].casefold()
        if cf in _PLACE_NAMES_CF and self.place_preposition_before(i):
            return i + 1  # "his dad is in Jordan"
        if cf not in AMBIGUOUS_CF and cf not in NOT_NAME_CF:
            self.emit(i, i + 1, 0.75, "first_name")
        elif self.person_follows(i) and not self._not_a_subject(i):
            self.emit(i, i + 1, 0.7, "first_name")
        else:
            self.candidates.append(i)
        return i + 1

    def _rule_surname_first(self, i: int) -> int | None:
        """Police style, surname first: "NOWAK Piotr", "SMITH, John", "ROBINSON, Tyrese"."""
        if not self._police_style_at(i):
            return None
        g = self.gap(i, i + 1)
        if g in _WS_GAP or g in (", ", ","):
            k, _ = self.consume(i + 2, i + 1)
            self.emit(i, max(k, i + 2), 0.85, "surname_first")
            return max(k, i + 2)
        return None

    def _police_style_at(self, i: int) -> bool:
        """An upper-case word then a capitalised given name, or after a comma a capitalised
        word that is no ordinary word (with a surname, or an unknown word, in capitals)."""
        toks, n = self.toks, self.n
        cf = toks[i][2].casefold()
        return (
            _shape(toks[i][2]) == "upper"
            and i + 1 < n
            and _shape(toks[i + 1][2]) == "cap"
            and not self.masked[i + 1]
            and (
                _is_first(toks[i + 1][2].casefold())
                or (
                    self.gap(i, i + 1) in (", ", ",")
                    and self._clear_part(i + 1)
                    and (cf in SURNAME_CF or not _ordinary(cf))
                    and not _ordinary(toks[i + 1][2].casefold())
                )
            )
        )

    def _rule_before_surname(self, i: int) -> int | None:
        """An unknown capitalised word before a known surname: "Zbigniew Harper"."""
        cf = self.toks[i][2].casefold()
        if not (
            self.joined(i, i + 1)
            and self.toks[i + 1][2].casefold() in SURNAME_CF
            and self._clear_part(i + 1)
            and not self.place_or_org_follows(i + 1)
            and not (self.sentence_initial(i) and _ordinary(cf))
        ):
            return None
        k, _ = self.consume(i + 1, i)
        if self.place_or_org_follows(k):
            return None
        self.emit(i, k, 0.75, "surname")
        return k

    def _rule_lone_surname(self, i: int) -> int | None:
        """A surname (or a name that is also a word) with evidence after it: "Rose says ...",
        "Hall's car"; not a month as a subject ("May is busy") nor a shop ("Patel's News")."""
        cf = self.toks[i][2].casefold()
        if (
            (cf in SURNAME_CF or cf in AMBIGUOUS_CF)
            and self.person_follows(i)
            and not self._not_a_subject(i)
            and not self.org_after_possessive(i)
            and cf not in NOT_NAME_CF
        ):
            self.emit(i, i + 1, 0.65, "surname")
            return i + 1
        return None

    def _rule_undecided(self, i: int) -> int:
        """Undecided: a capitalised word the model will look at, unless it is plainly not a
        name: a place or ordinary word also allowed as a surname ("Ford"), the first word of a
        street or organisation ("Cedar Avenue"), or an ordinary word that only has a capital
        because it starts a sentence ("Money is paid...")."""
        word = self.toks[i][2]
        if self._clear_part(i) and not self.place_or_org_follows(i + 1):
            if not (
                self.sentence_initial(i)
                and (word.lower() in self.lower_words() or _ordinary(word.casefold()))
            ):
                self.candidates.append(i)
        return i + 1

    def scan_dotted_initials(self) -> None:
        """Dotted initials on their own: "J.B. and his cousin", "K.M., may have"."""
        for m in _DOTTED_INITIALS.finditer(self.text):
            if m.group() in _NOT_INITIALS:
                continue
            idx = list(self.within(m.start(), m.end()))
            nxt = idx[-1] + 1 if idx else 0
            if (
                idx
                and not any(self.taken[i] or self.masked[i] for i in idx)
                and not (
                    self.joined(idx[-1], nxt) and _shape(self.toks[nxt][2]) in ("cap", "upper")
                )
            ):
                self.found.append(Found(m.start(), m.end(), 0.6, "initials"))

    def scan_unquoted_nicknames(self) -> None:
        """A nickname after its cue, without quotes: "known as Tiny", "aka Big Mo"."""
        for m in _NICKNAME.finditer(self.text):
            if m.group(1).split()[0].casefold() in NOT_NAME_CF:
                continue
            self.found.append(Found(m.start(1), m.end(1), 0.8, "nickname"))

    def scan_quoted(self) -> None:
        """Nicknames in quotes: "known locally as 'Tiny'", "reference 'Smokey'". A quoted word
        needs a naming cue before it, unless it is not an English word at all; a county line's
        name ("the 'Gucci' line") is not a person."""
        text = self.text
        if not any(q in text for q in "'‘\"“"):
            return
        for m in _QUOTED.finditer(text):
            value = m.group("name")
            words = value.split()
            start, end = m.start("name"), m.end("name")
            if any(self.masked[i] for i in self.within(start, end)):
                continue
            if re.match(
                r"\s+(?:line|lines|brand|gang|crew|estate|road|street)\b",
                text[m.end() : m.end() + 8],
                re.I,
            ):
                continue
            strong = (
                _STRONG_NICKNAME_CUE.search(text, max(0, m.start() - 40), m.start()) is not None
            )
            weak = (
                strong or _NICKNAME_CUE.search(text, max(0, m.start() - 30), m.start()) is not None
            )
            capitalised = all(w[0].isupper() for w in words)
            if not capitalised and not self.lower_mode():
                continue  # "called a 'terrorist'", "they call cannabis 'smoke'"
            if any(w.casefold() in gz.STOP_WORDS for w in words) or len(words) > (
                3 if strong else 2
            ):
                continue
            ordinary = any(
                (_ordinary(w.casefold()) or w.casefold() in NOT_NAME_CF)
                and not _is_first(w.casefold())
                for w in words
            )
            if ordinary and not strong:
                continue  # "saved as 'Work'", "sent as 'ID'"
            if not weak and not capitalised:
                continue
            self.found.append(Found(start, end, 0.8 if weak else 0.65, "nickname"))

    def scan_lower(self) -> None:
        """Names written in lower case: "mr. dixon", "miss e. bennett", "toby dixon", and in a
        text written wholly in lower case a known first name on its own ("many thanks, kirsty").
        The rules are tried in order (`_LOWER_RULES`), like the capitalised ones."""
        i = 0
        while i < self.n:
            for rule in _LOWER_RULES:
                nxt = rule(self, i)
                if nxt is not None:
                    i = nxt
                    break

    def _lower_skip(self, i: int) -> int | None:
        """Only lower-case words not yet decided."""
        if self.masked[i] or self.taken[i] or not self.toks[i][2].islower():
            return i + 1
        return None

    def _lower_title(self, i: int) -> int | None:
        """A lower-case title and what follows: "mr. dixon", "miss e. bennett"."""
        if not (
            self.toks[i][2] in LOWER_TITLES
            and i + 1 < self.n
            and self.gap(i, i + 1) in (" ", ". ", ".", "  ")
        ):
            return None
        last = self._lower_title_name_end(i)
        if last is None:
            return None
        self.emit(i, last + 1, 0.8, "title")
        return last + 1

    def _lower_title_name_end(self, i: int) -> int | None:
        """The last name word after the lower-case title at i (initials skipped), if any."""
        toks, n = self.toks, self.n
        k, last = i + 1, None
        while (
            k < n and not self.masked[k] and (k == i + 1 or self.gap(k - 1, k) in (" ", ". ", "."))
        ):
            t = toks[k][2]
            if (
                len(t) == 1
                and t.islower()
                and (self.text[toks[k][1] : toks[k][1] + 1] == "." or k == i + 1)
            ):
                k += 1
                continue
            if (
                t.islower()
                and (last is None or k - i <= 4)
                and self._lower_name_word(t, after_title=last is None, unknown_ok=True)
            ):
                last = k
                k += 1
                continue
            break
        return last

    def _lower_surname_comma(self, i: int) -> int | None:
        """Police style in lower case: "okafor, sophie"."""
        toks = self.toks
        word = toks[i][2]
        if (
            i + 1 < self.n
            and self.gap(i, i + 1) in (", ", ",")
            and toks[i + 1][2].islower()
            and _is_first(toks[i + 1][2])
            and (
                word in SURNAME_CF
                or (self.lower_mode() and not _ordinary(word) and word not in NOT_NAME_CF)
            )
        ):
            self.emit(i, i + 2, 0.75, "lower_name")
            return i + 2
        return None

    def _lower_cued(self, i: int) -> bool:
        """A naming cue just before: "her son tyler"."""
        toks = self.toks
        return i > 0 and self.gap(i - 1, i) in (" ", ", ") and toks[i - 1][2] in CUES_CF

    def _lower_subject(self, i: int) -> int | None:
        """In an all-lower-case text, an unknown word with evidence of a person after it:
        "roxanne was found", "roxanne's daughter"."""
        word = self.toks[i][2]
        if (
            self.lower_mode()
            and not _is_first(word)
            and not self._lower_cued(i)
            and self.person_follows(i)
            and self._lower_name_word(word, after_title=False, unknown_ok=True)
            and not self.in_code(i)
        ):
            self.emit(i, i + 1, 0.6, "lower_name")
            return i + 1
        return None

    def _lower_given_name(self, i: int) -> int:
        """A known first name, or a word after a cue, with the lower-case name words after it
        ("toby dixon"); alone only after a cue or in an all-lower-case text."""
        word = self.toks[i][2]
        lower_mode = self.lower_mode()
        cued = self._lower_cued(i)
        first = _is_first(word)
        if not (
            (first or cued)
            and not self.in_code(i)
            and (word not in AMBIGUOUS_CF or lower_mode or cued)
        ):
            return i + 1
        k = self._lower_name_run_end(i, first, cued)
        rest = [self.toks[t][2] for t in range(i + 1, k)]
        place = self._lower_place_end(i, k, rest)
        if place is not None:
            return place
        if not first and not self._lower_name_word(word, after_title=False, unknown_ok=True):
            return i + 1
        if rest and not (
            word in AMBIGUOUS_CF and all(r in AMBIGUOUS_CF for r in rest) and not lower_mode
        ):
            self.emit(i, k, 0.75, "lower_name")
            return k
        if self.place_precedes(i):
            return i + 1
        if cued or (lower_mode and (word not in AMBIGUOUS_CF or self.person_follows(i))):
            self.emit(i, i + 1, 0.7 if cued else 0.65, "lower_name")
        return i + 1

    def _lower_name_run_end(self, i: int, first: bool, cued: bool) -> int:
        """The end of the (at most three) lower-case name words after token i."""
        toks, n = self.toks, self.n
        word = toks[i][2]
        lower_mode = self.lower_mode()
        k = i + 1
        while (
            k < n
            and k - i <= 3
            and self.gap(k - 1, k) in _WS_GAP
            and not self.masked[k]
            and toks[k][2].islower()
            and self._lower_name_word(
                toks[k][2],
                after_title=False,
                unknown_ok=lower_mode or cued,
                strong_first=first and (word not in AMBIGUOUS_CF or lower_mode),
            )
        ):
            k += 1
        return k

    def _lower_place_end(self, i: int, k: int, rest: list[str]) -> int | None:
        """Where a lower-case name at i..k-1 is really a place, the token after the place:
        "albert promenade", "russell lane", "john cleveland college", "on snow hill"."""
        toks, n = self.toks, self.n
        if (
            k < n
            and self.gap(k - 1, k) in _WS_GAP
            and toks[k][2] in PLACE_ORG_CF
            and toks[k][2] not in SURNAME_CF
        ):
            return k + 1
        if (
            k + 1 < n
            and self.gap(k - 1, k) in _WS_GAP
            and self.gap(k, k + 1) in _WS_GAP
            and toks[k][2].islower()
            and toks[k][2] not in gz.STOP_WORDS
            and toks[k + 1][2] in PLACE_ORG_CF
        ):
            return k + 2
        if rest and self.locative_before(i) and rest[-1] in PLACE_ORG_CF:
            return k
        return None

    def _lower_name_word(
        self, word: str, after_title: bool, unknown_ok: bool = True, strong_first: bool = False
    ) -> bool:
        if len(word) < 2 or word in gz.STOP_WORDS:
            return False
        if word in _COLOURS and not (after_title or strong_first):
            return False  # "matt black", but "mrs white", "rajesh brown"
        if word in SURNAME_CF or _is_first(word):
            return after_title or strong_first or word not in PLACE_ORG_CF
        if word in NOT_NAME_CF:
            return (strong_first or after_title) and word in PLACES_CF
        if after_title:
            return True  # "dr underwood", "mrs r. underwood"
        return (unknown_ok or strong_first) and not _ordinary(word)

    # -- windows for the model -----------------------------------------------------------------
    def windows(self) -> list[tuple[int, int]]:
        text, size = self.text, len(self.text)
        spans: list[tuple[int, int]] = []
        taken = self._taken_by_found()
        for i in sorted(set(self.candidates)):
            s, e, _ = self.toks[i]
            if taken[i]:
                continue
            left = max(0, s - NER_WINDOW)
            right = min(size, e + NER_WINDOW)
            nl = text.rfind("\n", left, s)
            if nl != -1:
                left = nl + 1
            elif left > 0:
                sp = text.find(" ", left, s)
                left = sp + 1 if sp != -1 else left
            nl = text.find("\n", e, right)
            if nl != -1:
                right = nl
            elif right < size:
                sp = text.rfind(" ", e, right)
                right = sp if sp != -1 else right
            if spans and left <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], right))
            else:
                spans.append((left, right))
        return spans

    def add_model_people(self, entities: list[tuple[int, int, str]]) -> None:
        """Fold in the model's entities (absolute offsets, label).

        PERSON entities are kept once titles, places and ordinary words are trimmed off their
        edges, if a clear name part remains. The small model often calls an unfamiliar
        two- or three-word name an ORG or GPE ("Lidia Copeland"): such an entity is kept as a
        person, with a lower score, when every word is name-shaped and none is a known place,
        organisation, street or ordinary word.
        """
        for idx, label in self._model_runs(entities):
            if not idx or any(self.masked[i] for i in idx):
                continue
            if label == "PERSON":
                person = self._model_person(idx)
                if person is None:
                    continue
                idx, score = person
                source = "ner"
            elif label in _NAME_LIKE_LABELS:
                if not self._model_name_like(idx):
                    continue
                score, source = 0.6, "ner_shape"
            else:
                continue
            self._emit_model_name(idx, score, source)

    def _model_runs(self, entities: list[tuple[int, int, str]]) -> list[tuple[list[int], str]]:
        """The tokens of each entity, split where they are not joined by spaces: in "Big Jack
        (Underwood" only words joined by spaces form one name."""
        runs: list[tuple[list[int], str]] = []
        for s, e, label in entities:
            run: list[int] = []
            for i in self.within(s, e):
                if run and not self.joined(run[-1], i):
                    runs.append((run, label))
                    run = []
                run.append(i)
            if run:
                runs.append((run, label))
        return runs

    def _model_person(self, idx: list[int]) -> tuple[list[int], float] | None:
        """A PERSON entity trimmed of what is not a name at its edges, with its score; None if
        no clear name part remains, a word is in lower case, or a lone word is not a person."""
        toks = self.toks
        idx = list(idx)
        while idx and not self._model_part(idx[0]):
            idx.pop(0)
        while idx and not self._model_part(idx[-1]):
            idx.pop()
        if not idx or not any(self._clear_part(i) for i in idx):
            return None
        if any(_shape(toks[i][2]) == "lower" and toks[i][2] not in PARTICLES for i in idx):
            return None
        known = any(
            toks[i][2].casefold() in FIRST_CF or toks[i][2].casefold() in SURNAME_CF for i in idx
        )
        if len(idx) == 1 and self._lone_model_word_not_person(idx[0], known):
            return None
        return idx, (0.8 if known else 0.7)

    def _lone_model_word_not_person(self, i: int, known: bool) -> bool:
        """One word the model called a person that reads otherwise: a word starting a sentence
        ("Mark the date.", "Amber lights."), a pub ("the Foxhunter"), a place ("from Devon")."""
        toks = self.toks
        cf = toks[i][2].casefold()
        if (
            self.sentence_initial(i)
            and (cf in AMBIGUOUS_CF or (_ordinary(cf) and not known))
            and not self.person_follows(i)
        ):
            return True
        if i > 0 and toks[i - 1][2].casefold() == "the":
            return True
        return self.place_preposition_before(i) and (cf in PLACES_CF or cf in _PLACE_NAMES_CF)

    def _model_name_like(self, idx: list[int]) -> bool:
        """An ORG/GPE-like entity of two or three joined capitalised clear name parts, not all
        of them ordinary words ("National Insurance", "Universal Credit")."""
        toks = self.toks
        if not 2 <= len(idx) <= 3 or not all(
            _shape(toks[i][2]) == "cap" and self._clear_part(i) for i in idx
        ):
            return False
        if any(not self.joined(a, b) for a, b in zip(idx, idx[1:], strict=False)):
            return False
        return not all(_ordinary(toks[i][2].casefold()) for i in idx)

    def _emit_model_name(self, idx: list[int], score: float, source: str) -> None:
        """Emit the model's name over tokens idx, a police rank left out and a civil title
        taken in, unless the name is part of a street, place or business."""
        first, last = idx[0], idx[-1] + 1
        if self.toks[first][2] in RANK_TITLES:
            first += 1
            if first >= last:
                return
        first = self.with_civil_title(first)
        if self._model_name_in_place(first, last):
            return
        self.emit(first, last, score, source)

    def _model_name_in_place(self, first: int, last: int) -> bool:
        """Tokens first..last-1 name a street, a place or a business: "Victoria Road", "St
        Margaret", "on Snow Hill", "Patel's News"."""
        return (
            self.place_or_org_follows(last)
            or self.place_precedes(first)
            or self.street_ahead(last)
            or (self.toks[last - 1][2].casefold() in STREET_CF and self.locative_before(first))
            or self.org_after_possessive(last - 1)
        )

    def add_shaped_pairs(self) -> None:
        """Two or three adjacent capitalised words that no list knows, at least one of them not
        an English word, in mid-sentence: "Florian Thistlewood" when the model saw a
        nationality. Kept as a person with a low score, for the analyst to confirm."""
        taken = self._taken_by_found()
        seen: set[int] = set()
        for i in sorted(set(self.candidates)):
            if i in seen or taken[i]:
                continue
            run = self._capitalised_run(i, taken)
            if self._continues_phrase(i, taken):
                continue  # part of a longer capitalised phrase the rules did not take
            seen.update(run)
            if len(run) == 1:
                self._single_word_name(i, taken)
            elif self._shaped_pair_is_name(run):
                self.emit(run[0], run[-1] + 1, 0.6, "shape")
                for t in run:
                    taken[t] = True

    def _capitalised_run(self, i: int, taken: list[bool]) -> list[int]:
        """Token i and up to two joined capitalised clear name parts after it, not yet taken."""
        run = [i]
        while run[-1] + 1 < self.n and len(run) < 3:
            j = run[-1] + 1
            if (
                taken[j]
                or not self.joined(run[-1], j)
                or _shape(self.toks[j][2]) not in ("cap", "upper")
                or not self._clear_part(j)
            ):
                break
            run.append(j)
        return run

    def _continues_phrase(self, i: int, taken: list[bool]) -> bool:
        """Token i follows a joined capitalised clear name part the rules did not take."""
        return (
            i > 0
            and self.joined(i - 1, i)
            and _shape(self.toks[i - 1][2]) in ("cap", "upper")
            and not taken[i - 1]
            and self._clear_part(i - 1)
        )

    def _shaped_pair_is_name(self, run: list[int]) -> bool:
        """Capitalised (not capitals), not all ordinary words, not an ordinary word starting a
        sentence, and no street, organisation or ordinary capitalised word after it."""
        toks = self.toks
        i = run[0]
        if _shape(toks[i][2]) != "cap":
            return False
        if all(_ordinary(toks[t][2].casefold()) for t in run):
            return False
        if self.sentence_initial(i) and _ordinary(toks[i][2].casefold()):
            return False
        return not (
            self.place_or_org_follows(run[-1] + 1) or self._ordinary_word_follows(run[-1] + 1)
        )

    def _single_word_name(self, i: int, taken: list[bool]) -> None:
        """One capitalised word on its own: a name if it is a known, unambiguous surname in
        mid-sentence ("cuckooed by Wilkinson"), or an unknown word (or a given name that is
        also a word) that is the subject of a verb of reporting or action ("Kuldip told
        staff", "Later, Dale was picked up")."""
        word = self.toks[i][2]
        cf = word.casefold()
        if _shape(word) != "cap" or cf in NOT_NAME_CF:
            return
        initial = self.sentence_initial(i)
        if self.org_after_possessive(i):
            return  # "Patel's News": a shop
        if cf in SURNAME_CF and cf not in AMBIGUOUS_CF and not initial and self._standalone(i):
            self.emit(i, i + 1, 0.65, "surname")
            taken[i] = True
            return
        if (
            i + 1 < self.n
            and self.gap(i, i + 1) in _WS_GAP
            and self.toks[i + 1][2] in _SUBJECT_VERBS
        ):
            if _ordinary(cf) and cf not in FIRST_CF:
                return
            if initial and word.lower() in self.lower_words():
                return
            self.emit(i, i + 1, 0.6, "subject")
            taken[i] = True

    def org_after_possessive(self, i: int) -> bool:
        """ "Patel's News", "Morrison's Garage": a business named after someone."""
        e = self.toks[i][1]
        return (
            bool(re.match(r"['’]s\s+[A-Z]", self.text[e : e + 4]))
            and i + 1 < self.n
            and self.toks[i + 1][2].casefold() in PLACE_ORG_CF
        )

    def _standalone(self, i: int) -> bool:
        """No capitalised word joined on either side: not part of a longer proper noun."""
        for j in (i - 1, i + 1):
            if 0 <= j < self.n:
                a, b = (j, i) if j < i else (i, j)
                if self.joined(a, b) and _shape(self.toks[j][2]) in ("cap", "upper", "initial"):
                    return False
        return True

    def _clear_part(self, i: int) -> bool:
        """A name part that is not also a place, organisation or ordinary word."""
        cf = self.toks[i][2].casefold()
        return self.name_part(i) and cf not in NOT_NAME_CF and cf not in PLACE_ORG_CF

    def _model_part(self, i: int) -> bool:
        word = self.toks[i][2]
        return self.name_part(i) or word in TITLES or (_is_initial(word) and word not in ("A", "I"))

    # -- looking for the same names again -------------------------------------------------------
    def propagate(self) -> None:
        """Pass 7: every name part found is looked for again, so a later bare "Nowak" or
        "Piotr" is not missed."""
        parts, lower_parts = self._found_parts()
        if not parts:
            return
        taken = self._taken_by_found()
        i = 0
        while i < self.n:
            i = self._repeat_at(i, parts, lower_parts, taken)

    def _found_parts(self) -> tuple[set[str], set[str]]:
        """The words of the names found with some confidence, and those of them found written in
        lower case (so looked for in lower case too); titles and ordinary words left out."""
        parts: set[str] = set()
        lower_parts: set[str] = set()
        for f in self.found:
            if f.score < 0.6:
                continue
            for i in self.within(f.start, f.end):
                word = self.toks[i][2]
                cf = word.casefold()
                if len(word) <= 1 or word in TITLES or cf in LOWER_TITLES:
                    continue
                if cf not in NOT_NAME_CF or cf in SURNAME_CF or cf in FIRST_CF:
                    parts.add(cf)
                    if word.islower() and cf not in gz.STOP_WORDS:
                        lower_parts.add(cf)
        return parts, lower_parts

    def _repeat_at(self, i: int, parts: set[str], lower_parts: set[str], taken: list[bool]) -> int:
        """Token i again as a name if it is a part found elsewhere and reads as a name here;
        the index of the next token to look at."""
        cf = self.toks[i][2].casefold()
        if taken[i] or self.masked[i] or cf not in parts:
            return i + 1
        if not self._repeat_shape_ok(i, lower_parts) or self._repeat_reads_otherwise(i):
            return i + 1
        first = self.with_civil_title(i)
        k, _ = self.consume(i + 1, i)
        if self.place_or_org_follows(k) or self._ordinary_word_follows(k):
            return k + 1
        self.emit(first, k, 0.8, "same_name")
        for t in range(first, k):
            taken[t] = True
        return k

    def _repeat_shape_ok(self, i: int, lower_parts: set[str]) -> bool:
        """Capitalised, or in lower case a part that was itself found in lower case (and is not
        also a word, nor run into digits)."""
        word = self.toks[i][2]
        cf = word.casefold()
        return _shape(word) in ("cap", "upper") or (
            word.islower() and cf in lower_parts and cf not in AMBIGUOUS_CF and not self.in_code(i)
        )

    def _repeat_reads_otherwise(self, i: int) -> bool:
        """Here the word is a place, a shop, a day or (if it is also a word) that word."""
        cf = self.toks[i][2].casefold()
        if cf in AMBIGUOUS_CF and self._ambiguous_repeat_is_word(i):
            return True
        if self.place_precedes(i):
            return True
        if self.place_preposition_before(i) and (cf in PLACES_CF or cf in _PLACE_NAMES_CF):
            return True  # "Kerry Ashby from Ashby", "his dad is in Jordan"
        if i > 0 and self.gap(i - 1, i) in ("'s ", "’s ") and cf in NOT_NAME_CF | AMBIGUOUS_CF:
            return True  # "Mother's Day"
        return self.org_after_possessive(i)  # "Patel's News"

    def _ambiguous_repeat_is_word(self, i: int) -> bool:
        """A name that is also a word, used as the word: starting a sentence with no verb
        after it, after "is" ("the action log is Amber."), or after a determiner."""
        if self.sentence_initial(i) and not self._verb_follows(i):
            return True
        if i == 0:
            return False
        before = self.toks[i - 1][2].casefold()
        if before in ("is", "was", "be", "as", "rated", "status", "to") and not (
            self.person_follows(i)
        ):
            return True
        return before in _DETERMINERS

    def _verb_follows(self, i: int) -> bool:
        """'Mark told staff' (a person already named in the text), not 'May I' or 'Mark the'."""
        if i + 1 >= self.n or self.gap(i, i + 1) not in _WS_GAP:
            return False
        nxt = self.toks[i + 1][2]
        return nxt.islower() and nxt not in _NOT_AFTER_NAME

    def _ordinary_word_follows(self, k: int) -> bool:
        """'Ford Focus': a capitalised ordinary word straight after makes it a thing's name."""
        if k >= self.n or not self.joined(k - 1, k):
            return False
        word = self.toks[k][2]
        cf = word.casefold()
        return (
            _shape(word) in ("cap", "upper")
            and cf in NOT_NAME_CF
            and cf not in FIRST_CF
            and cf not in SURNAME_CF
        )

    def extend(self) -> None:
        """Grow names over neighbouring name-shaped words the finder stopped short of: the
        model often tags only "Oyelaran" of "Parminder Oyelaran"."""
        if not self.found:
            return
        starts = {s: i for i, (s, _, _) in enumerate(self.toks)}
        ends = {e: i for i, (_, e, _) in enumerate(self.toks)}
        grown = []
        for f in self.found:
            first, last = starts.get(f.start), ends.get(f.end)
            if first is None or last is None:
                grown.append(f)
                continue
            while (
                first > 0
                and last - first < 4
                and self._extendable(first - 1)
                and self.joined(first - 1, first)
                and self.toks[first][2] not in TITLES
            ):
                first -= 1
            while (
                last + 1 < self.n
                and last - first < 4
                and self._extendable(last + 1, upper_ok=True)
                and self.joined(last, last + 1)
            ):
                last += 1
            if self.place_or_org_follows(last + 1):
                grown.append(f)
                continue
            grown.append(Found(self.toks[first][0], self.toks[last][1], f.score, f.source))
        self.found = grown

    def _extendable(self, i: int, upper_ok: bool = False) -> bool:
        word = self.toks[i][2]
        if (
            self.masked[i]
            or _shape(word) not in (("cap", "upper") if upper_ok else ("cap",))
            or not self._clear_part(i)
        ):
            return False
        if (
            self.sentence_initial(i)
            and _ordinary(word.casefold())
            and word.casefold() not in FIRST_CF
        ):
            return False
        return True

    def _police_style_tails(self) -> None:
        """ "PARMAR, Shannon": an upper-case surname found on its own takes the given name after
        its comma, when that is a capitalised word that is not a place or an ordinary word."""
        starts = {s: i for i, (s, _, _) in enumerate(self.toks)}
        ends = {e: i for i, (_, e, _) in enumerate(self.toks)}
        grown = []
        for f in self.found:
            i = ends.get(f.end)
            word = self.text[f.start : f.end]
            if (
                i is not None
                and f.start in starts
                and word.isupper()
                and " " not in word
                and i + 1 < self.n
                and self.gap(i, i + 1) in (", ", ",")
                and not self.masked[i + 1]
            ):
                nxt = self.toks[i + 1][2]
                if (
                    _shape(nxt) == "cap"
                    and (_is_first(nxt.casefold()) or self._clear_part(i + 1))
                    and not self.joined(i + 1, i + 2)
                ):
                    f = Found(f.start, self.toks[i + 1][1], f.score, f.source)
            grown.append(f)
        self.found = grown

    def _taken_by_found(self) -> list[bool]:
        taken = [False] * self.n
        spans = sorted((f.start, f.end) for f in self.found)
        r = 0
        for i, (s, e, _) in enumerate(self.toks):
            while r < len(spans) and spans[r][1] <= s:
                r += 1
            if r < len(spans) and spans[r][0] < e:
                taken[i] = True
        return taken

    def result(self) -> list[Found]:
        """The names found, merged where they touch or overlap."""
        self._police_style_tails()
        found = sorted(self.found, key=lambda f: (f.start, -f.end))
        merged: list[Found] = []
        for f in found:
            if merged:
                last = merged[-1]
                between = self.text[last.end : f.start] if f.start > last.end else ""
                surname = self.text[last.start : last.end]
                if (
                    between in (", ", ",")
                    and surname.isupper()
                    and " " not in surname
                    and self.text[f.start : f.end][:1].isupper()
                    and not self.text[f.start : f.end].isupper()
                ):
                    merged[-1] = Found(last.start, f.end, max(last.score, f.score), last.source)
                    continue  # police style "NIXON, Fatima" is one name
                if f.start < last.end or (
                    f.start >= last.end
                    and between in _WS_GAP
                    and f.source == last.source == "same_name"
                ):
                    merged[-1] = Found(
                        last.start, max(last.end, f.end), max(last.score, f.score), last.source
                    )
                    continue
            merged.append(f)
        return merged


# The rule pass, in order: the first rule to decide a token wins (see `_Scanner._decide`).
_RULES: tuple[Callable[[_Scanner, int], int | None], ...] = (
    _Scanner._skip_masked,
    _Scanner._rule_title,
    _Scanner._skip_lower,
    _Scanner._rule_initials,
    _Scanner._skip_not_name_part,
    _Scanner._rule_cue,
    _Scanner._rule_first_name,
    _Scanner._rule_surname_first,
    _Scanner._rule_before_surname,
    _Scanner._rule_lone_surname,
    _Scanner._rule_undecided,
)


# The lower-case pass, in order (see `_Scanner.scan_lower`); the last rule always decides.
_LOWER_RULES: tuple[Callable[[_Scanner, int], int | None], ...] = (
    _Scanner._lower_skip,
    _Scanner._lower_title,
    _Scanner._lower_surname_comma,
    _Scanner._lower_subject,
    _Scanner._lower_given_name,
)


def begin(text: str, blocked: list[tuple[int, int]]) -> _Scanner:
    """The rule pass. Returns the scanner, whose `windows()` still need the model."""
    scanner = _Scanner(text, blocked)
    scanner.scan()
    scanner.add_shaped_pairs()  # decided without the model, so their words need no window
    return scanner


def finish(scanner: _Scanner, entities: list[tuple[int, int, str]]) -> list[Found]:
    """The model's entities (absolute offsets, label) folded in, then names looked for again."""
    scanner.add_model_people(entities)
    scanner.extend()
    scanner.propagate()
    return scanner.result()
