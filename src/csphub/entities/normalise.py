"""One canonical form for each kind of value a submission mentions (no Django).

Links between submissions are equality of these keys, so a value that two partners write
differently ("07700 900461" and "+44 7700 900461"; "Flat 2, 14 High St" and "2/14 High
Street") must come out the same, and a value that is not what it claims to be must come out as
None rather than as a key that links unrelated reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from csphub.geography.postcodes import InvalidPostcode, normalise_postcode

DEFAULT_REGION = "GB"


def phone_e164(value: str, *, region: str = DEFAULT_REGION) -> str | None:
    """'07700 900461' -> '+447700900461'; '0040 721 234 567' -> '+40721234567'.

    National numbers are read as `region`'s (the partnership's country); numbers written with
    + or 00 keep their own country. A number must be valid in its country's numbering plan, or
    at least of a possible full length there, ten digits or more (Ofcom's drama range, 07700
    900xxx, is reserved and so not "valid", but partners and the demo use it).
    """
    text = (value or "").strip()
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    possible = (
        phonenumbers.is_possible_number_with_reason(number)
        == phonenumbers.ValidationResult.IS_POSSIBLE
        and len(phonenumbers.national_significant_number(number)) >= 10
    )
    if not (phonenumbers.is_valid_number(number) or possible):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_PLATE_CHARACTERS = re.compile(r"[\s\-.]+")
_UK_PLATES = (
    re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$"),  # current, 2001 on: AB12 CDE
    re.compile(r"^[A-Z][0-9]{1,3}[A-Z]{3}$"),  # prefix, 1983-2001: A123 BCD
    re.compile(r"^[A-Z]{3}[0-9]{1,3}[A-Z]$"),  # suffix, 1963-1983: ABC 123D
    re.compile(r"^[A-Z]{1,3}[0-9]{1,4}$"),  # dateless: ABC 1234
    re.compile(r"^[0-9]{1,4}[A-Z]{1,3}$"),  # dateless, reversed: 1234 ABC
)
_ANY_PLATE = re.compile(r"^(?=.*[A-Z])(?=.*[0-9])[A-Z0-9]{2,10}$")


def vehicle_registration(value: str) -> str | None:
    """'ab12 cde' -> 'AB12CDE'. Foreign plates (letters and digits, up to 10) are kept as
    written, upper case without spaces; anything else (a make, a colour) is None."""
    compact = _compact_plate(value)
    if _is_uk_plate(compact) or _ANY_PLATE.match(compact):
        return compact
    return None


def is_uk_registration(value: str) -> bool:
    return _is_uk_plate(_compact_plate(value))


def _compact_plate(value: str) -> str:
    return _PLATE_CHARACTERS.sub("", value or "").upper()


def _is_uk_plate(compact: str) -> bool:
    return any(pattern.match(compact) for pattern in _UK_PLATES)


_EMAIL = re.compile(r"^[^@\s]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")


def email_address(value: str) -> str | None:
    """' J.Smith@Example.ORG ' -> 'j.smith@example.org'. The whole address is lower-cased:
    the providers our partners see treat the local part without case."""
    text = (value or "").strip().strip("<>").strip()
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :]
    if not _EMAIL.match(text):
        return None
    return text.lower()


_HANDLE = re.compile(r"^[a-z0-9_.]{1,30}$")


def social_handle(value: str) -> str | None:
    """'@Big_Dave.99' -> 'big_dave.99'. Handles on the platforms partners report (Instagram,
    X, TikTok, Snapchat) are letters, digits, underscores and full stops, without case."""
    text = (value or "").strip()
    text = re.sub(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+\.[a-z.]+/@?", "", text, flags=re.I)
    text = text.rstrip("/")
    text = text.lstrip("@").lower()
    if not _HANDLE.match(text) or text.strip("._") == "" or not re.search(r"[a-z]", text):
        return None
    return text


def postcode(value: str) -> str | None:
    """'le113aa' -> 'LE11 3AA'; None when it is not a UK postcode."""
    try:
        return normalise_postcode(value)
    except InvalidPostcode:
        return None


# Street types as Royal Mail and councils write them in full; the abbreviations people type.
STREET_TYPES = {
    "ST": "STREET",
    "RD": "ROAD",
    "AVE": "AVENUE",
    "AV": "AVENUE",
    "LN": "LANE",
    "CL": "CLOSE",
    "CRES": "CRESCENT",
    "CR": "CRESCENT",
    "DR": "DRIVE",
    "CT": "COURT",
    "PL": "PLACE",
    "SQ": "SQUARE",
    "GDNS": "GARDENS",
    "GRN": "GREEN",
    "GR": "GROVE",
    "GRO": "GROVE",
    "TER": "TERRACE",
    "TERR": "TERRACE",
    "WY": "WAY",
    "PDE": "PARADE",
    "HWY": "HIGHWAY",
    "MWS": "MEWS",
    "WLK": "WALK",
}
_WORDS = {"NTH": "NORTH", "STH": "SOUTH", "MT": "MOUNT", "UPR": "UPPER", "LWR": "LOWER"}
_FLAT_WORDS = r"(?:FLAT|FLT|APARTMENT|APT|UNIT|ROOM|RM)"
_POSTCODE_AT_END = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")
_FLAT = re.compile(rf"^{_FLAT_WORDS}\.?\s*(?:NO\.?\s*)?([0-9]+[A-Z]?|[A-Z])\b[\s,]*")
_SLASH_FLAT = re.compile(r"^([0-9]+[A-Z]?)\s*/\s*([0-9]+[A-Z]?)\b[\s,]*")
_NUMBER = re.compile(r"^([0-9]+[A-Z]?)(?:\s*-\s*[0-9]+[A-Z]?)?\b[\s,]*")


@dataclass(frozen=True)
class Address:
    flat: str
    number: str
    street: str
    town: str
    postcode: str

    @property
    def key(self) -> str:
        """What two mentions of one address share: flat, number, street and postcode (or town
        when there is no postcode, since partners name the same town differently less often
        than they leave it out)."""
        place = self.postcode or self.town
        return "|".join((self.flat, self.number, self.street, place))


def address(value: str) -> Address | None:
    """'Flat 2, 14 High St, Loughborough LE11 3AA' and '2/14 high street, le113aa' ->
    Address('2', '14', 'HIGH STREET', 'LOUGHBOROUGH' or '', 'LE11 3AA').

    None when no street can be read: a postcode alone is a postcode, not an address.
    """
    text = re.sub(r"[^\w\s,/'-]", " ", (value or "").upper())
    text = re.sub(r"\s+", " ", text).strip(" ,")
    text, found_postcode = _take_postcode(text)
    flat, text = _take_flat(text)
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        return None
    number, street = _take_number(parts[0])
    if not street and number and len(parts) > 1:
        street, parts = parts[1], parts[1:]
    if not street:
        return None
    town = parts[-1] if len(parts) > 1 else ""
    return Address(
        flat=flat,
        number=number,
        street=_expand_street(street),
        town=re.sub(r"\s+", " ", town).strip(),
        postcode=found_postcode,
    )


def _take_postcode(text: str) -> tuple[str, str]:
    match = _POSTCODE_AT_END.search(text)
    if not match:
        return text, ""
    found = postcode(match.group(1) + match.group(2)) or ""
    if not found:
        return text, ""
    return text[: match.start()].strip(" ,"), found


def _take_flat(text: str) -> tuple[str, str]:
    match = _FLAT.match(text)
    if match:
        return match.group(1), text[match.end() :]
    match = _SLASH_FLAT.match(text)
    if match:
        return match.group(1), f"{match.group(2)} {text[match.end() :]}"
    return "", text


def _take_number(part: str) -> tuple[str, str]:
    match = _NUMBER.match(part)
    if not match:
        return "", part
    return match.group(1), part[match.end() :].strip()


def _expand_street(street: str) -> str:
    words = street.replace("'", "").split()
    expanded = [_WORDS.get(word, word) for word in words]
    if len(expanded) > 1 and expanded[-1] in STREET_TYPES:
        expanded[-1] = STREET_TYPES[expanded[-1]]
    if len(expanded) > 1 and expanded[0] == "ST":
        expanded[0] = "SAINT"
    return " ".join(expanded)
