"""KPI figures and changes as the board reads them, shared by the dashboard cards, tables and
charts (the board paper has its own wording in report.narrative)."""

from __future__ import annotations

import math


def format_number(value: float | None, unit: str, *, with_unit: bool = True) -> str:
    """A KPI figure as the board reads it: '70.20 per 1,000', '63.6%', '84'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "No data"
    if unit == "rate_per_1000":
        return f"{value:,.2f} per 1,000" if with_unit else f"{value:,.2f}"
    if unit == "percentage":
        return f"{value:,.1f}%" if with_unit else f"{value:,.1f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def format_count(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def format_change(
    value: float | None, *, unit: str = "", now: float | None = None, before: float | None = None
) -> str:
    """A change as the board reads it: per cent for rates and counts ("+17.4%"), percentage
    points for percentages of people ("+3.0 pts"), the paper's rule too."""
    if unit == "percentage":
        if now is None or before is None:
            return ""
        return f"{now - before:+.1f} pts"
    return "" if value is None else f"{value:+.1f}%"
