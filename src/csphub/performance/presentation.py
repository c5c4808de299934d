"""What the dashboard pages show, as plain data for the templates: a KPI's card and the data
tables beside the charts (each also a CSV download). The markup is the templates'
(`performance/_card.html`, `performance/_data_table.html`); here are only the texts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict

from .charts.numbers import format_change, format_number
from .kpi.definitions import Kpi
from .models import KpiResult

ARROWS = {"up": "▲", "down": "▼", "no change": "▶"}
ASSESSMENT_TAGS = {"better": "govuk-tag--green", "worse": "govuk-tag--red"}
NUMERIC = ("count", "value", "change")
CELL = "govuk-table__cell"
CELL_NUMERIC = "govuk-table__cell govuk-table__cell--numeric"


# -- cards ------------------------------------------------------------------------------------


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass
class Card:
    kpi: Kpi
    result: KpiResult | None
    url: str
    value_text: str = ""
    prev_text: str = ""
    change_text: str = ""
    arrow: str = ""
    lines: list[str] = field(default_factory=list)

    @property
    def loaded(self) -> bool:
        return self.result is not None

    @property
    def has_value(self) -> bool:
        return self.result is not None and self.result.value is not None

    @property
    def direction(self) -> str:
        return self.result.direction if self.result else ""

    @property
    def significant(self) -> bool:
        return bool(self.result and self.result.significant)

    @property
    def assessment(self) -> str:
        return self.result.assessment if self.result else ""

    @property
    def assessment_class(self) -> str:
        return {"better": "csphub-kpi--better", "worse": "csphub-kpi--worse"}.get(
            self.assessment, ""
        )

    @property
    def tag_class(self) -> str:
        return ASSESSMENT_TAGS.get(self.assessment, "govuk-tag--grey")

    @property
    def target_text(self) -> str:
        if self.kpi.target is None:
            return ""
        bound = "below" if self.kpi.good == "down" else "above"
        label = f" ({self.kpi.target_label})" if self.kpi.target_label else ""
        return f"Target: {bound} {format_number(self.kpi.target, self.kpi.unit)}{label}"

    @property
    def comparator_label(self) -> str:
        return "Year before" if self.kpi.comparator == "previous_year" else "Previous 12 months"


def card(kpi: Kpi, result: KpiResult | None, url: str) -> Card:
    """The card of one KPI's result (or of its absence) for an area and period."""
    out = Card(kpi=kpi, result=result, url=url)
    if result is None:
        return out
    out.value_text = format_number(result.value, kpi.unit)
    out.prev_text = format_number(result.value_prev, kpi.unit)
    out.change_text = format_change(
        result.change_pct, unit=kpi.unit, now=result.value, before=result.value_prev
    )
    out.arrow = ARROWS.get(result.direction, "")
    out.lines = _card_lines(kpi, result)
    return out


def _card_lines(kpi: Kpi, result: KpiResult) -> list[str]:
    lines = []
    if result.rank and result.rank_of:
        lines.append(f"{ordinal(result.rank)} of {result.rank_of} districts (1st is best)")
    if result.regional_average is not None:
        lines.append(f"Regional average: {format_number(result.regional_average, kpi.unit)}")
    if result.msf_rank and result.msf_size:
        lines.append(f"Most similar family: {result.msf_rank}/{result.msf_size}")
    return lines


# -- data tables ------------------------------------------------------------------------------


@dataclass
class Column:
    heading: str
    key: str
    kind: str = "text"  # text | count | value | change | bool

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC


# Cells and rows are dictionaries, the template language's quickest lookup: the map's table
# has a row per LSOA.
class Cell(TypedDict):
    text: str
    css: str  # the cell's classes (numeric cells align right)
    label: str  # the column's heading, shown beside the value when the table reflows


class Row(TypedDict):
    heading: str  # the first cell, the row's header
    cells: list[Cell]


@dataclass
class DataTable:
    slug: str
    caption: str
    columns: list[Column]
    rows: list[list[Any]]
    unit: str = ""

    def plain(self, column: Column, value: Any) -> str:
        """A value as the CSV gives it: no thousands separators, no units."""
        if value is None or value == "":
            return ""
        if column.kind == "count":
            return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
        if column.kind == "value":
            return self._plain_value(value)
        if column.kind == "change":
            return f"{value:.1f}"  # per cent, or points for a percentage (see change_value)
        if column.kind == "bool":
            return "yes" if value else "no"
        return str(value)

    def _plain_value(self, value: float) -> str:
        if self.unit == "percentage":
            return f"{value:.1f}"
        if self.unit == "count" and float(value).is_integer():
            return f"{value:.0f}"
        return f"{value:.2f}"

    def shown(self, column: Column, value: Any) -> str:
        """A value as the page shows it: thousands separated, changes signed with their unit."""
        plain = self.plain(column, value)
        if column.kind in ("count", "value") and plain:
            whole, _, decimals = plain.partition(".")
            plain = f"{int(whole):,}" + (f".{decimals}" if decimals else "")
        elif column.kind == "change" and plain:
            plain = f"{value:+.1f} pts" if self.unit == "percentage" else f"{value:+.1f}%"
        return plain or "No data"

    def csv_rows(self) -> list[list[str]]:
        return [
            [self.plain(c, v) for c, v in zip(self.columns, row, strict=True)] for row in self.rows
        ]

    @property
    def body(self) -> list[Row]:
        """The rows for the template: the first cell heads its row, the others carry their
        column's heading for the reflowed (narrow screen) layout."""
        first, *others = self.columns
        return [
            Row(
                heading=self.shown(first, row[0]),
                cells=[
                    Cell(
                        text=self.shown(column, value),
                        css=CELL_NUMERIC if column.numeric else CELL,
                        label=column.heading,
                    )
                    for column, value in zip(others, row[1:], strict=True)
                ],
            )
            for row in self.rows
        ]
