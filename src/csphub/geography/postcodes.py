"""UK postcode validation and normalisation (no Django: used by forms, the API and importers)."""

import re

_POSTCODE = re.compile(
    r"^(?:(?P<outward>[A-Z]{1,2}[0-9][A-Z0-9]?)(?P<inward>[0-9][ABD-HJLNP-UW-Z]{2})|GIR0AA)$"
)


class InvalidPostcode(ValueError):
    pass


def normalise_postcode(value: str) -> str:
    """'le113aa' -> 'LE11 3AA'. Raises InvalidPostcode when it is not a UK postcode."""
    compact = re.sub(r"\s+", "", value or "").upper()
    match = _POSTCODE.match(compact)
    if not match:
        raise InvalidPostcode("Enter a real UK postcode, like LE11 3AA")
    return f"{compact[:-3]} {compact[-3:]}"


def postcode_sector(postcode: str) -> str:
    """'LE11 3AA' -> 'LE11 3': the level at which a postcode is shared with forums."""
    return normalise_postcode(postcode)[:-2]
