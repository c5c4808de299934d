"""One rule for every CSV the project writes: a text cell that a spreadsheet would run as a
formula is written with a leading quote. Numbers are written as numbers, negative or not."""

from __future__ import annotations

from typing import Any

# Spreadsheet programs run cells starting with these as formulas; a leading quote stops that.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
