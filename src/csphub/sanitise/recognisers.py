"""Pattern recognisers for structured identifiers: phones, emails, postcodes, vehicles, NI, NHS,
bank details, social media handles, IP addresses, dates of birth and street addresses.

Every regular expression is compiled once at import. Each recogniser is a plain function
`(text) -> list[Span]`; overlaps between them are resolved by the engine. Scores: a match whose
shape is unambiguous, or that passed a checksum or has its context word, scores 0.9 or more;
shapes that could be something else score lower.

Presidio is used where its logic is exactly what we need: the NHS number modulus-11 checksum
(`NhsRecognizer.validate_result`) and the IPv4/IPv6 patterns of `IpRecognizer` (validated with
`ipaddress`, as Presidio does). Its other UK recognisers are stricter or weaker than this
partnership needs (NINO rejects the QQ test prefix, postcode scores 0.1, vehicles miss older
formats' context), so those are our own.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

from presidio_analyzer.predefined_recognizers import IpRecognizer, NhsRecognizer

from . import gazetteer as gz
from .spans import Span

_NHS = NhsRecognizer()


def _span(text: str, start: int, end: int, type_: str, score: float, source: str) -> Span:
    return Span(start, end, type_, text[start:end], round(min(score, 1.0), 2), source)


def _context_before(text: str, start: int, pattern: re.Pattern[str], width: int = 40) -> bool:
    return pattern.search(text, max(0, start - width), start) is not None


# --- Phone numbers ----------------------------------------------------------------------------
_PHONE_UK = re.compile(
    r"(?<![\w+])"
    r"(?:(?:\+|00)[ ]?44[ \-.]?(?:\(0\)[ \-.]?|0[ \-.]?)?|\(0[ ]?|0)"
    r"[1-9](?:[ \-.]?\)?[ \-.]?\d){8,9}"
    r"(?![\d])"
)
_PHONE_INTL = re.compile(r"(?<![\w+])\+(?!44)[1-9]\d{0,2}(?:[ \-.]?\(?\d{1,4}\)?){2,5}(?![\d])")
# Well-known public helplines (national significant numbers) are not personal data.
_PUBLIC_NUMBERS = frozenset(
    {
        "800555111",  # Crimestoppers, 0800 555 111
        "8082000247",  # National Domestic Abuse Helpline, 0808 2000 247
        "8088005000",  # NSPCC, 0808 800 5000
        "8000121700",  # Modern Slavery Helpline, 08000 121 700
        "800789321",  # Anti-Terrorist Hotline, 0800 789 321
    }
)
_PHONE_CONTEXT = re.compile(
    r"(?i)\b(?:phone|mobile|mob|tel|telephone|number|no\.?|call(?:ed)?|text(?:ed)?|ring|"
    r"whatsapp|contact|landline)\b"
)


def find_phones(text: str) -> list[Span]:
    spans = []
    for m in _PHONE_UK.finditer(text):
        raw = m.group()
        digits = re.sub(r"\D", "", raw)
        if digits.startswith("0044"):
            digits = digits[2:]
        if digits.startswith("44"):
            nsn = digits[2:]
            if nsn.startswith("0"):
                nsn = nsn[1:]
        else:
            nsn = digits[1:]
        if len(nsn) not in (9, 10) or nsn[0] == "0" or nsn in _PUBLIC_NUMBERS:
            continue
        end = m.end()
        if nsn[0] in "1237":
            score = 0.95 if len(nsn) == 10 else 0.8
        else:  # 08xx/09xx: usually a service, but a number given as a contact is still redacted
            score = 0.7
        spans.append(_span(text, m.start(), end, "PHONE", score, "phone"))
    for m in _PHONE_INTL.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 8 <= len(digits) <= 15:
            score = 0.9 if _context_before(text, m.start(), _PHONE_CONTEXT) else 0.8
            spans.append(_span(text, m.start(), m.end(), "PHONE", score, "phone"))
    return spans


# --- Email addresses ---------------------------------------------------------------------------
_EMAIL = re.compile(
    r"(?<![\w.+\-'])[\w][\w.%+\-']*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}\b"
)
_EMAIL_OBFUSCATED = re.compile(
    r"(?i)\b[\w.\-]+\s?(?:\[at\]|\(at\)|\sat\s)\s?"
    r"(?:gmail|googlemail|hotmail|yahoo|outlook|live|icloud|aol|btinternet|sky|protonmail|mail)"
    r"\s?(?:\[dot\]|\(dot\)|\sdot\s|\.)\s?(?:com|co\.uk|co uk|org|net|uk)\b"
)


def find_emails(text: str) -> list[Span]:
    spans = [_span(text, m.start(), m.end(), "EMAIL", 0.99, "email") for m in _EMAIL.finditer(text)]
    spans += [
        _span(text, m.start(), m.end(), "EMAIL", 0.85, "email")
        for m in _EMAIL_OBFUSCATED.finditer(text)
    ]
    return spans


# --- Postcodes ---------------------------------------------------------------------------------
POSTCODE_AREAS = frozenset(
    "AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN "
    "DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA "
    "LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG "
    "SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV "
    "YO ZE".split()
)
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{1,2})(\d[A-Za-z\d]?)[ "
    r"\t]{0,2}(\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9])GIR ?0AA(?![A-Za-z0-9])"
)


def find_postcodes(text: str) -> list[Span]:
    spans = []
    for m in _POSTCODE.finditer(text):
        if m.group(1) is None:  # GIR 0AA
            spans.append(_span(text, m.start(), m.end(), "POSTCODE", 0.9, "postcode"))
            continue
        area, district, _incode = m.group(1), m.group(2), m.group(3)
        whole = m.group()
        upper = whole == whole.upper()
        known = area.upper() in POSTCODE_AREAS
        if (
            len(district) == 2
            and district[1].isalpha()
            and len(area) == 2
            and district[1].upper() not in "ABEHMNPRVWXY"
        ):
            known = False
        if not (upper or whole == whole.lower() or known):
            continue
        if known:
            score = 0.97 if upper else 0.9
        elif upper:
            score = 0.6  # the shape of a postcode but no such area: a made-up or mistyped one
        else:
            continue
        spans.append(_span(text, m.start(), m.end(), "POSTCODE", score, "postcode"))
    return spans


def postcode_sector(postcode: str) -> str | None:
    """'LE11 3AA' -> 'LE11 3**'; None if the text is not shaped like a full postcode."""
    compact = re.sub(r"\s+", "", postcode).upper()
    if not re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}", compact):
        return None
    return f"{compact[:-3]} {compact[-3]}**"


# --- Vehicle registrations ---------------------------------------------------------------------
_VRM_CURRENT = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2})(\d{2}) ?([A-Z]{3})(?![A-Za-z0-9])")
_VRM_CURRENT_ANY_CASE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2} ?[A-Za-z]{3}(?![A-Za-z0-9])")
_VRM_PREFIX_ANY_CASE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]\d{1,3} ?[A-Za-z]{3}(?![A-Za-z0-9])")
_VRM_SUFFIX_ANY_CASE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{3} ?\d{1,3}[A-Za-z](?![A-Za-z0-9])")
_VRM_PREFIX = re.compile(r"(?<![A-Za-z0-9])[A-HJ-NP-Y]\d{1,3} ?[A-Z]{3}(?![A-Za-z0-9])")
_VRM_SUFFIX = re.compile(r"(?<![A-Za-z0-9])[A-Z]{3} ?\d{1,3}[A-HJ-NP-Y](?![A-Za-z0-9])")
# After a registration keyword any common format counts, in any case, dateless plates included.
_VRM_KEYWORD = re.compile(
    r"(?i)\b(?:reg(?:istration)?(?:\s+(?:number|no\.?|mark|plate))?|vrm|vrn|index(?:\s+number)?|"
    r"(?:number\s+)?plates?|numberplate)\s*(?:is|was|of|:|-|–|=|number)?\s*(?:\(|\")?"
    r"(?P<vrm>[A-Za-z]{2}\d{2} ?[A-Za-z]{3}|[A-Za-z]\d{1,3} ?[A-Za-z]{3}|"
    r"[A-Za-z]{3} ?\d{1,3}[A-Za-z]"
    r"|[A-Za-z]{1,3} ?\d{1,4}|\d{1,4} ?[A-Za-z]{1,3})(?![A-Za-z0-9])"
)
_VEHICLE_CONTEXT = re.compile(
    r"(?i)\b(?:car|van|vehicle|motor|bike|moped|scooter|taxi|lorry|truck|reg|registration|"
    r"vrm|plate|"
    r"driving|driven|drives|drove|parked|ford|vauxhall|bmw|audi|mercedes|toyota|nissan|"
    r"volkswagen|vw|"
    r"honda|peugeot|renault|kia|hyundai|fiat|skoda|seat|mini|citroen|volvo|hatchback|saloon|estate|"
    r"golf|polo|corsa|astra|fiesta|focus|octavia|leon|sportage|qashqai|yaris|juke|clio|transit|"
    r"sprinter|berlingo|evoque|rover|cooper|a3|a4|208|motorbike|motorcycle|yamaha|registered|"
    r"doughnuts|driver|driving|dropped|picked)\b"
)


def _vehicle_context(text: str, start: int) -> bool:
    return _context_before(text, start, _VEHICLE_CONTEXT, 60)


def _lower_case_plates(text: str) -> list[Span]:
    """ "fy66 bom", "j875 ylc" after a car's description: a plate typed in lower case."""
    spans = []
    for pattern in (_VRM_CURRENT_ANY_CASE, _VRM_PREFIX_ANY_CASE, _VRM_SUFFIX_ANY_CASE):
        for m in pattern.finditer(text):
            value = m.group()
            letters = "".join(c for c in value if c.isalpha()).casefold()
            if (
                value != value.lower()
                or letters[-3:] in gz.STOP_WORDS
                or letters[:3] in gz.STOP_WORDS
            ):
                continue  # "A46 and M1": a road, not a plate; mixed case is not a plate either
            if _vehicle_context(text, m.start()):
                spans.append(_span(text, m.start(), m.end(), "VEHICLE", 0.85, "vehicle"))
    return spans


def _current_plates(text: str) -> list[Span]:
    """ "AB12 CDE": the current format, surer when its age identifier is one really issued."""
    spans = []
    for m in _VRM_CURRENT.finditer(text):
        age = int(m.group(2))
        valid_age = 2 <= age <= 29 or 51 <= age <= 79
        score = 0.95 if valid_age else 0.8
        if _vehicle_context(text, m.start()):
            score += 0.04
        spans.append(_span(text, m.start(), m.end(), "VEHICLE", score, "vehicle"))
    return spans


def _older_plates(text: str) -> list[Span]:
    """Prefix ("A123 BCD") and suffix ("ABC 123D") plates: shapes other codes share."""
    spans = []
    for pattern, base in ((_VRM_PREFIX, 0.75), (_VRM_SUFFIX, 0.75)):
        for m in pattern.finditer(text):
            score = base + (0.2 if _vehicle_context(text, m.start()) else 0.0)
            spans.append(_span(text, m.start(), m.end(), "VEHICLE", score, "vehicle"))
    return spans


def _plates_after_keyword(text: str) -> list[Span]:
    """ "reg FY66 BOM", "plate AB 123": after the keyword any plate-like code, letters and
    digits both, except a collar number ("PC 1234")."""
    spans = []
    for m in _VRM_KEYWORD.finditer(text):
        value = m.group("vrm")
        if value.split()[0].upper() in gz.RANK_TITLES or value.isdigit():
            continue
        if not any(c.isdigit() for c in value) or not any(c.isalpha() for c in value):
            continue
        spans.append(_span(text, m.start("vrm"), m.end("vrm"), "VEHICLE", 0.9, "vehicle"))
    return spans


def find_vehicles(text: str) -> list[Span]:
    return (
        _lower_case_plates(text)
        + _current_plates(text)
        + _older_plates(text)
        + _plates_after_keyword(text)
    )


# --- National Insurance numbers ----------------------------------------------------------------
_NINO = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{2})[ \-]?(\d{2})[ \-]?(\d{2})[ \-]?(\d{2})[ "
    r"\-]?([A-Da-d])?(?![A-Za-z0-9])"
)
_NINO_CONTEXT = re.compile(
    r"(?i)\b(?:national\s+insurance|n\.?i\.?(?:\s+(?:number|no\.?))?|nino|nin)\b"
)
_NINO_BAD_FIRST = set("DFIQUV")
_NINO_BAD_SECOND = set("DFIQUVO")
_NINO_BAD_PREFIXES = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}


def find_ni_numbers(text: str) -> list[Span]:
    spans = []
    for m in _NINO.finditer(text):
        prefix, suffix = m.group(1), m.group(5)
        context = _context_before(text, m.start(), _NINO_CONTEXT, 60)
        upper = m.group() == m.group().upper()
        if not (upper or context or (suffix is not None and m.group() == m.group().lower())):
            continue
        if suffix is None and not context:
            continue
        p = prefix.upper()
        issued = (
            p[0] not in _NINO_BAD_FIRST
            and p[1] not in _NINO_BAD_SECOND
            and p not in _NINO_BAD_PREFIXES
        )
        # Unissued prefixes (QQ is the one used on forms and in training) are still redacted.
        score = (0.95 if issued else 0.9) + (0.04 if context else 0.0)
        if suffix is None:
            score = 0.85
        elif not (upper or context):
            score = 0.8  # "qq123456c": the shape alone, in lower case
        spans.append(_span(text, m.start(), m.end(), "NI_NUMBER", score, "ni_number"))
    return spans


# --- NHS numbers -------------------------------------------------------------------------------
_NHS_NUMBER = re.compile(r"(?<![\w\-])(\d{3})([ \-]?)(\d{3})\2(\d{4})(?![\w\-])")
_NHS_CONTEXT = re.compile(r"(?i)\b(?:nhs|national\s+health|health\s+(?:service|number)|patient)\b")


def nhs_checksum_ok(number: str) -> bool:
    """Modulus 11 check of a ten-digit NHS number (Presidio's NhsRecognizer logic)."""
    digits = re.sub(r"\D", "", number)
    return len(digits) == 10 and bool(_NHS.validate_result(digits))


def find_nhs_numbers(text: str) -> list[Span]:
    spans = []
    for m in _NHS_NUMBER.finditer(text):
        if not nhs_checksum_ok(m.group()):
            continue
        score = 0.99 if _context_before(text, m.start(), _NHS_CONTEXT, 40) else 0.9
        spans.append(_span(text, m.start(), m.end(), "NHS_NUMBER", score, "nhs_number"))
    return spans


# --- Bank details ------------------------------------------------------------------------------
_SORT_CODE = re.compile(r"(?<![\d\-/.])(\d{2})([\-‐–])(\d{2})\2(\d{2})(?![\d\-/]|\.\d)")
_SORT_CODE_SPACED = re.compile(
    r"(?i)\b(?:sort\s*code|s/c)\s*(?:is|:|-|=)?\s*(\d{2}[ \-]?\d{2}[ \-]?\d{2})(?![\d\-])"
)
_BANK_CONTEXT = re.compile(
    r"(?i)\b(?:sort\s*code|sortcode|s/c|bank|banking|account|acc|acct|a/c)\b|a/c"
)
_ACCOUNT = re.compile(r"(?<![\d\-/.])(\d{4} ?\d{4})(?![\d\-/]|\.\d)")
_ACCOUNT_CONTEXT = re.compile(
    r"(?i)(?:\b(?:account|acc|acct|bank\s+details|paid\s+into|pay\s+into|sort\s*code|s/c)\b|a/c)"
)
_SORT_CODE_AND_ACCOUNT = re.compile(
    r"(?<![\d\-/.])(\d{2}-\d{2}-\d{2})\s*(?:[/,]\s*)?(\d{8})(?![\d\-/]|\.\d)"
)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2} ?[A-Z]{4}(?: ?\d{4}){3} ?\d{2}\b")
_CARD = re.compile(r"(?<![\d\-])(?:\d{4}[ \-]?){3}\d{4}(?![\d\-])")


def _luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _sort_codes(text: str) -> list[Span]:
    """ "20-45-77": a sort code, unless it reads as a date and no bank word comes before."""
    spans = []
    for m in _SORT_CODE.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        date_like = 1 <= a <= 31 and 1 <= b <= 12
        if _context_before(text, m.start(), _BANK_CONTEXT, 40):
            score = 0.95
        elif not date_like:
            score = 0.85
        else:
            continue  # 03-04-26 is a date more often than a sort code
        spans.append(_span(text, m.start(), m.end(), "BANK_DETAILS", score, "sort_code"))
    return spans


def _sort_code_account_pairs(text: str) -> list[Span]:
    """ "09-01-29 11223345": the pair says it."""
    spans = []
    for m in _SORT_CODE_AND_ACCOUNT.finditer(text):
        spans.append(_span(text, m.start(1), m.end(1), "BANK_DETAILS", 0.9, "sort_code"))
        spans.append(_span(text, m.start(2), m.end(2), "BANK_DETAILS", 0.9, "account_number"))
    return spans


def _account_numbers(text: str) -> list[Span]:
    """Eight digits count as an account number only after an account word."""
    return [
        _span(text, m.start(), m.end(), "BANK_DETAILS", 0.9, "account_number")
        for m in _ACCOUNT.finditer(text)
        if _context_before(text, m.start(), _ACCOUNT_CONTEXT, 40)
    ]


def _card_numbers(text: str) -> list[Span]:
    """Sixteen digits that pass the Luhn check."""
    return [
        _span(text, m.start(), m.end(), "BANK_DETAILS", 0.9, "card_number")
        for m in _CARD.finditer(text)
        if _luhn_ok(m.group())
    ]


def find_bank_details(text: str) -> list[Span]:
    spans = _sort_codes(text) + _sort_code_account_pairs(text)
    spans += [
        _span(text, m.start(1), m.end(1), "BANK_DETAILS", 0.95, "sort_code")
        for m in _SORT_CODE_SPACED.finditer(text)
    ]
    spans += _account_numbers(text)
    spans += [
        _span(text, m.start(), m.end(), "BANK_DETAILS", 0.95, "iban") for m in _IBAN.finditer(text)
    ]
    return spans + _card_numbers(text)


# --- Social media handles ----------------------------------------------------------------------
_AT_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
_PLATFORM = (
    r"snapchat|snap|insta|instagram|ig|tiktok|tik\s?tok|twitter|facebook|fb|telegram|whatsapp|kik|"
    r"discord|wickr|signal|threads|youtube|onlyfans|username|user\s?name|handle|gamertag|psn|xbox|"
    r"sc|x"
)
_PLATFORM_HANDLE = re.compile(
    r"(?i)\b(?P<platform>"
    + _PLATFORM
    + r")(?:\s+(?:name|handle|account|username|user|id|acc|profile|page))?"
    r"(?P<sep>\s*(?:[:=]|-|–)\s*|\s+(?:is|was|called|named|as|under|@)\s+|\s+)"
    r"(?P<handle>@?[A-Za-z0-9_][A-Za-z0-9_.\-]{1,29})"
)
_WEAK_PLATFORMS = {"snap", "sc", "ig", "x", "fb", "signal", "threads", "handle", "page"}
_NOT_HANDLES = frozenset(
    {w.casefold() for w in gz.STOP_WORDS}
    | {
        "account",
        "page",
        "profile",
        "name",
        "username",
        "handle",
        "group",
        "chat",
        "message",
        "messages",
        "messaged",
        "video",
        "videos",
        "post",
        "posts",
        "posted",
        "story",
        "stories",
        "live",
        "app",
        "user",
        "users",
        "id",
        "and",
        "or",
        "the",
        "a",
        "an",
        "he",
        "she",
        "they",
        "number",
        "too",
        "also",
        "called",
        "named",
        "under",
        "where",
        "which",
        "who",
        "but",
    }
)


_PROFILE_URL = re.compile(
    r"(?i)\b(?:https?://)?(?:www\.|m\.|vm\.)?(?:instagram\.com|facebook\.com|fb\.com|tiktok\.com|"
    r"twitter\.com|x\.com|snapchat\.com/add|youtube\.com|t\.me|threads\.net)/[@\w.\-/]*[\w/]"
)
_DISCORD_TAG = re.compile(r"(?<![\w@.#])[A-Za-z0-9_.]{2,32}#\d{4}(?!\d)")
# A word shaped like a user name: with an underscore, or letters then a few digits, or
# dot-joined parts ("real.lilt", "mateusz.smith5").
_SHAPED_HANDLE = re.compile(
    r"(?<![\w@.\-/#:])(?=[\w.]*[A-Za-z])[A-Za-z0-9_][A-Za-z0-9_.]{1,"
    r"28}[A-Za-z0-9_](?![\w@\-#]|\.[A-Za-z0-9])"
)
_LETTERS_DIGITS = re.compile(r"[a-z]{3,}[a-z._]*\d{1,4}")
_DOTTED = re.compile(r"[a-z][a-z0-9]*(?:\.[a-z0-9]+)+")
_NOT_DOTTED = re.compile(
    r"(?i).*\.(?:com|co|uk|org|net|gov|nhs|police|ac|sch|io|txt|pdf|docx?|jpe?g|png)$|"
    r"(?:e\.g|i\.e|a\.m|p\.m|d\.o\.b|n\.b|etc)$"
)
_HANDLE_CONTEXT = re.compile(
    r"(?i)\b(?:snapchat|snap|insta|instagram|ig|tiktok|tik\s?tok|twitter|facebook|fb|"
    r"telegram|whatsapp|"
    r"discord|kik|account|posted|posting|posts|videos?|clips?|profile|username|handle|online|page|"
    r"channel|followers|views|messaged|dm'?d|added)\b"
)


_EXPLICIT_SEPARATORS = frozenset(
    {":", "=", "-", "–", "is", "was", "called", "named", "as", "under", "@"}
)


def _platform_handle(text: str, m: re.Match[str]) -> Span | None:
    """The word after a platform ("snapchat: kaz_22", "insta is lilt.x"), if it reads as a
    handle: shaped like one, or named by an explicit separator; a weak platform word ("sc",
    "ig") needs the shape or a colon, and a capitalised name after it is a person's."""
    handle = m.group("handle").rstrip(".-")
    if not handle or handle.casefold().lstrip("@") in _NOT_HANDLES or handle.isdigit():
        return None
    platform = re.sub(r"\s+", "", m.group("platform")).casefold()
    sep = m.group("sep").strip().casefold()
    shaped = handle.startswith("@") or any(c.isdigit() or c in "_." for c in handle)
    if platform in _WEAK_PLATFORMS and not (shaped or sep in {":", "="}):
        return None
    if not (shaped or sep in _EXPLICIT_SEPARATORS):
        return None
    start = m.start("handle")
    end = start + len(handle)
    if handle[0].isupper() and re.match(r"[ \t]+[A-Z][a-z]", text[end : end + 3]):
        return None  # "posting on Facebook as Kerry Anne Hinds": a name, found as a person
    return _span(text, start, end, "HANDLE", 0.9 if shaped else 0.8, "handle")


def _shaped_handle_score(text: str, m: re.Match[str]) -> float | None:
    """A word shaped like a user name: with an underscore (0.85), or letters then digits or
    dot-joined parts (0.75) near a platform word or after "by " or "(" ."""
    word = m.group()
    if _NOT_DOTTED.match(word):
        return None
    if "_" in word.strip("_") or word.startswith("x") and word.endswith("x_") or word.endswith("_"):
        return 0.85
    if not (_LETTERS_DIGITS.fullmatch(word) or _DOTTED.fullmatch(word)):
        return None
    before = text[max(0, m.start() - 4) : m.start()].casefold()
    if (
        before.endswith("by ")
        or before.endswith("(")
        or _HANDLE_CONTEXT.search(text, max(0, m.start() - 80), m.start())
    ):
        return 0.75
    return None


def _shaped_handles(text: str) -> list[Span]:
    spans: list[Span] = []
    if not ("_" in text or "." in text or any(c.isdigit() for c in text)):
        return spans
    for m in _SHAPED_HANDLE.finditer(text):
        score = _shaped_handle_score(text, m)
        if score is not None:
            spans.append(_span(text, m.start(), m.end(), "HANDLE", score, "handle_shape"))
    return spans


def find_handles(text: str) -> list[Span]:
    spans = [
        _span(text, m.start(), m.end(), "HANDLE", 0.9, "handle") for m in _AT_HANDLE.finditer(text)
    ]
    spans += [
        _span(text, m.start(), m.end(), "HANDLE", 0.95, "profile_url")
        for m in _PROFILE_URL.finditer(text)
    ]
    spans += [
        _span(text, m.start(), m.end(), "HANDLE", 0.85, "handle")
        for m in _DISCORD_TAG.finditer(text)
    ]
    for m in _PLATFORM_HANDLE.finditer(text):
        span = _platform_handle(text, m)
        if span is not None:
            spans.append(span)
    return spans + _shaped_handles(text)


# --- IP addresses ------------------------------------------------------------------------------
_IP_PATTERNS = [re.compile(p.regex) for p in IpRecognizer.PATTERNS if p.score >= 0.5]


_VERSION_CONTEXT = re.compile(r"(?i)\b(?:version|ver|firmware|build|release|update|v)\.?\s*:?\s*$")


def find_ip_addresses(text: str) -> list[Span]:
    spans: list[Span] = []
    if "." not in text and ":" not in text:
        return spans
    for pattern in _IP_PATTERNS:
        for m in pattern.finditer(text):
            try:
                ipaddress.ip_interface(m.group())
            except ValueError:
                continue
            if _VERSION_CONTEXT.search(text, max(0, m.start() - 20), m.start()):
                continue  # "firmware 1.0.8.2"
            spans.append(_span(text, m.start(), m.end(), "IP_ADDRESS", 0.95, "ip_address"))
    return spans


# --- Dates of birth ----------------------------------------------------------------------------
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR4 = r"(?:19|20)\d{2}"
_DATE = (
    r"(?:" + _DAY + r"([/.\-])" + _MONTH_NUM + r"\1(?:" + _YEAR4 + r"|\d{2})"
    r"|"
    + _YEAR4
    + r"([/.\-])"
    + _MONTH_NUM
    + r"\2"
    + _DAY
    + r"|"
    + _DAY
    + r"(?:st|nd|rd|th)?(?:\s+of)?\s+"
    + _MONTH_NAME
    + r",?\s+(?:"
    + _YEAR4
    + r"|'\d{2}|\d{2})"
    r"|" + _MONTH_NAME + r"\s+" + _DAY + r"(?:st|nd|rd|th)?,?\s+" + _YEAR4 + r")"
)
DATE_RE = re.compile(r"(?i)(?<![\w/.\-])" + _DATE + r"(?![\w/])")


def _compile_dob() -> re.Pattern[str]:
    # Named groups so the date alternatives' back-references survive being embedded.
    date = (
        r"(?:" + _DAY + r"(?P<s1>[/.\-])" + _MONTH_NUM + r"(?P=s1)(?:" + _YEAR4 + r"|\d{2})"
        r"|"
        + _YEAR4
        + r"(?P<s2>[/.\-])"
        + _MONTH_NUM
        + r"(?P=s2)"
        + _DAY
        + r"|"
        + _DAY
        + r"(?:st|nd|rd|th)?(?:\s+of)?\s+"
        + _MONTH_NAME
        + r",?\s+(?:"
        + _YEAR4
        + r"|'\d{2}|\d{2})"
        r"|" + _MONTH_NAME + r"\s+" + _DAY + r"(?:st|nd|rd|th)?,?\s+" + _YEAR4 + r")"
    )
    return re.compile(
        r"(?i)(?:(?<![\w.])(?:d\.\s?o\.\s?b\.?|dob|date\s+of\s+birth|birth\s?date|birthday|"
        r"born|b\.)"
        r"\s*(?:[:\-–=]\s*)?(?:(?:is|was|of|as|on|the|given|recorded|stated|"
        r"unknown\s+but)\s+){0,3}\(?\s*)"
        r"(?P<date>(?<![\w/.\-])" + date + r")(?![\w/])"
    )


_DOB = _compile_dob()


def find_dates_of_birth(text: str) -> list[Span]:
    spans = [
        _span(text, m.start("date"), m.end("date"), "DOB", 0.95, "dob") for m in _DOB.finditer(text)
    ]
    return spans


def find_dates(text: str) -> Iterable[re.Match[str]]:
    """Every date, birth or not (the engine keeps those written straight after a name)."""
    return DATE_RE.finditer(text)


# --- Street addresses --------------------------------------------------------------------------
def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_FLAT = (
    r"(?:Flat|Apartment|Apt|Unit|Studio|Room|Maisonette|Bedsit|FLAT|flat|apartment|"
    r"apt)\.?\s*(?:No\.?\s*)?\d{1,4}[A-Za-z]?"
)
_HOUSE_NUMBER = r"\d{1,4}[A-Za-z]?(?:\s?[\-–/]\s?\d{1,4}[A-Za-z]?)?"
_STREET_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_STREET_TAIL = r"(?:[ ](?:East|West|North|South|Upper|Lower|Extension)\b)?"
_STREET = (
    r"(?P<words>(?:The\s+)?(?:"
    + _STREET_WORD
    + r"\s+){1,3}|The\s+)(?P<suffix>"
    + _alternation(gz.STREET_SUFFIXES)
    + r")\b"
    + _STREET_TAIL
)
_ADDRESS = re.compile(
    r"(?<![\w£$:.,/])"
    r"(?:(?P<flat>" + _FLAT + r")(?:\s*,\s*|\s*\n\s*|\s+)(?:" + _HOUSE_NUMBER + r",?\s+)?"
    r"|(?P<number>" + _HOUSE_NUMBER + r"),?\s+)" + _STREET
)
# Written all in capitals: "22 WARWICK WAY".
_ADDRESS_UPPER = re.compile(
    r"(?<![\w£$:.,/])(?:" + _FLAT + r",?\s+)?" + _HOUSE_NUMBER + r",?\s+"
    r"(?P<words>(?:[A-Z][A-Z'’\-]+\s+){1,3})(?P<suffix>"
    + _alternation(s.upper() for s in gz.STREET_SUFFIXES)
    + r")\b"
)
# Written in lower case: the common street words anywhere, the rest only after an address cue.
_LOWER_STREETS = _alternation(gz.LOWER_STREET_SUFFIXES | {w.lower() for w in gz.STREET_SUFFIXES})
_ADDRESS_LOWER = re.compile(
    r"(?i)(?<![\w£$:.,/])(?P<flat>" + _FLAT + r",?\s+)?" + _HOUSE_NUMBER + r",?\s+"
    r"(?P<words>(?:[a-z][a-z'’\-]+\s+){1,3})(?P<suffix>" + _LOWER_STREETS + r")\b"
)
_ADDRESS_CUE = re.compile(
    r"(?i)\b(?:at|of|from|to|in|address|lives|living|live|stays|staying|resides|moved|door|"
    r"outside|visited)\s*:?\s*$"
)
# A flat in a named building, or a named house on a street: "Flat 12, Goscote House",
# "Rose Cottage, Church Lane".
_BUILDING = (
    r"(?:House|Court|Lodge|Tower|Heights|Mansions|Buildings|Point|Cottage|Cottages|"
    r"Farm|Barn|Bungalow|Hall|Villa|Manor)"
)
_NAMED_ADDRESS = re.compile(
    r"(?<![\w£$:.,/])(?:(?P<flat>"
    + _FLAT
    + r")\s*,?\s+(?:"
    + _STREET_WORD
    + r"\s+){1,2}"
    + _BUILDING
    + r"\b"
    r"|(?:" + _STREET_WORD + r"\s+){1,2}" + _BUILDING + r",\s+(?:" + _STREET_WORD + r"\s+){1,3}"
    r"(?:" + _alternation(gz.STREET_SUFFIXES) + r")\b)"
)
_STREET_STOP = frozenset(
    w.casefold()
    for w in (
        "Police Council Borough County District Officers Officer Team Service Services Unit Teams "
        "PCSOs PCSO Youths Men Women "
        "Males Females People Residents Children Boys Girls Cars Vans Times Days Weeks "
        "Months Years "
        "Hours Minutes Pounds And Or Of Were Was Are Is At On In"
    ).split()
)
_MONTH_WORDS = frozenset(w.casefold() for w in gz.MONTHS)
_DATE_PREPOSITION = re.compile(r"(?i)\b(?:on|by|from|since|until|till|before|after|of|the)\s+$")


def _street_addresses(text: str) -> list[Span]:
    """ "14 Windmill Avenue", "Flat 3, 22 Church Street": a number or flat before a street."""
    spans = []
    for m in _ADDRESS.finditer(text):
        words = m.group("words").split()
        if any(w.casefold() in _STREET_STOP for w in words):
            continue
        if (
            m.group("flat") is None
            and words
            and words[0].casefold() in _MONTH_WORDS
            and _DATE_PREPOSITION.search(text, max(0, m.start() - 8), m.start())
        ):
            continue  # "on 3 March Lane..." reads as a date; "168 May Mews" is an address
        score = 0.9 if m.group("flat") or m.group("number") else 0.8
        spans.append(_span(text, m.start(), m.end(), "ADDRESS", score, "address"))
    return spans


def _upper_case_addresses(text: str) -> list[Span]:
    return [
        _span(text, m.start(), m.end(), "ADDRESS", 0.85, "address")
        for m in _ADDRESS_UPPER.finditer(text)
        if not any(w.casefold() in _STREET_STOP for w in m.group("words").split())
    ]


def _lower_case_address(text: str, m: re.Match[str]) -> bool:
    """Whether a lower-case match is an address: a common street word, or a flat, or an
    address cue ("lives at") before the less common ones."""
    words = m.group("words").split()
    if any(w.casefold() in gz.STOP_WORDS or w.casefold() in _STREET_STOP for w in words):
        return False
    if m.group() != m.group().lower() and m.group("words") == m.group("words").title():
        return False  # capitalised: the first pattern's business
    common = m.group("suffix").casefold() in gz.LOWER_STREET_SUFFIXES
    return bool(
        common or m.group("flat") or _ADDRESS_CUE.search(text, max(0, m.start() - 20), m.start())
    )


def find_addresses(text: str) -> list[Span]:
    spans = _street_addresses(text) + _upper_case_addresses(text)
    spans += [
        _span(text, m.start(), m.end(), "ADDRESS", 0.85, "address")
        for m in _ADDRESS_LOWER.finditer(text)
        if _lower_case_address(text, m)
    ]
    spans += [
        _span(text, m.start(), m.end(), "ADDRESS", 0.8, "address")
        for m in _NAMED_ADDRESS.finditer(text)
    ]
    return spans


RECOGNISERS = (
    find_emails,
    find_phones,
    find_postcodes,
    find_vehicles,
    find_ni_numbers,
    find_nhs_numbers,
    find_bank_details,
    find_handles,
    find_ip_addresses,
    find_dates_of_birth,
    find_addresses,
)


def find_structured(text: str) -> list[Span]:
    spans: list[Span] = []
    for recogniser in RECOGNISERS:
        spans.extend(recogniser(text))
    return spans
