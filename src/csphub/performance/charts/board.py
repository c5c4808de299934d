"""The paper's charts (matplotlib, Agg backend, PNG in memory).

Colours are the Okabe–Ito colourblind-safe palette; significance is shown by hatching as well
as colour, and every chart comes with alt text that says what it shows.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import textwrap
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure as MplFigure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from ..report.narrative import (  # noqa: E402
    Figure,
    KpiFigures,
    KpiInfo,
    assessment,
    bare_value_text,
    number_word,
)

BLUE, ORANGE, VERMILION, GREEN, GREY = "#0072B2", "#E69F00", "#D55E00", "#009E73", "#BBBBBB"
WIDTH_IN = 6.5
DPI = 150


@dataclass(frozen=True)
class TrendPoint:
    period: dt.date
    value: float | None
    value_prev: float | None


@dataclass(frozen=True)
class Chart:
    png: bytes
    alt: str


def _unit_axis(kpi: KpiInfo) -> str:
    return {"rate_per_1000": "per 1,000 people", "percentage": "%", "count": "number"}[kpi.unit]


def _png(fig: MplFigure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    plt.close(fig)
    return buffer.getvalue()


def _grid(n: int) -> tuple[int, int]:
    cols = 1 if n == 1 else 2
    return math.ceil(n / cols), cols


def trend_chart(items: list[tuple[KpiInfo, list[TrendPoint]]], *, county_name: str) -> Chart:
    """Rolling 12-month figure for each month of the last two years, against the same 12
    months a year earlier, one panel per KPI."""
    rows, cols = _grid(len(items))
    fig, axes = plt.subplots(rows, cols, figsize=(WIDTH_IN, 2.5 * rows + 0.4), squeeze=False)
    alt_parts = []
    for ax, (kpi, points) in zip(axes.flat, items, strict=False):
        current = [(p.period, p.value) for p in points if p.value is not None]
        earlier = [(p.period, p.value_prev) for p in points if p.value_prev is not None]
        if current:
            ax.plot(
                *zip(*current, strict=True),
                color=BLUE,
                linewidth=2,
                label="12 months to each month",
            )
        if earlier:
            ax.plot(
                *zip(*earlier, strict=True),
                color=ORANGE,
                linewidth=1.6,
                linestyle="--",
                label="Same 12 months a year earlier",
            )
        ax.set_title(textwrap.fill(kpi.title, 34), fontsize=9, loc="left")
        ax.set_ylabel(_unit_axis(kpi), fontsize=8)
        ax.tick_params(labelsize=7)
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
        ax.set_ylim(bottom=0)
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
        ax.spines[["top", "right"]].set_visible(False)
        if current:
            (first_month, first), (last_month, last) = current[0], current[-1]
            alt_parts.append(
                f"{kpi.title}: {bare_value_text(first, kpi.unit)} in the 12 months to "
                f"{first_month:%B %Y}, "
                f"{bare_value_text(last, kpi.unit)} in the 12 months to {last_month:%B %Y}"
            )
    for ax in list(axes.flat)[len(items) :]:
        ax.set_visible(False)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.06 if rows > 1 else 0.1, 1, 1))
    noun = {
        "rate_per_1000": "rate per 1,000 people",
        "percentage": "percentage",
        "count": "number",
    }[items[0][0].unit]
    alt = (
        f"Line charts of the rolling 12-month {noun} for {county_name} "
        "over the last two years (solid line) against the same months a year earlier (dashed "
        "line). " + "; ".join(alt_parts) + "."
    )
    return Chart(_png(fig), alt)


def _value(figure: Figure) -> float:
    """The value of a district the chart draws (those without one are left out)."""
    if figure.value is None:
        raise ValueError(f"{figure.area_name} has no figure to draw")
    return figure.value


def district_chart(items: list[KpiFigures], *, county_name: str) -> Chart:
    """Each district's figure for the 12 months, with the county's as a vertical line."""
    rows, cols = _grid(len(items))
    fig, axes = plt.subplots(rows, cols, figsize=(WIDTH_IN, 2.6 * rows + 0.5), squeeze=False)
    alt_parts = []
    colours = {"worse": VERMILION, "better": GREEN, None: GREY}
    hatches = {"worse": "///", "better": "...", None: ""}
    for ax, kf in zip(axes.flat, items, strict=False):
        kpi = kf.kpi
        districts = sorted((d for d in kf.districts if d.value is not None), key=_value)
        names = [
            d.area_name.replace("North West Leicestershire", "NW Leicestershire").replace(
                "Hinckley and Bosworth", "Hinckley & Bosworth"
            )
            for d in districts
        ]
        values = [_value(d) for d in districts]
        marks = [assessment(kpi, d) for d in districts]
        bars = ax.barh(
            names, values, color=[colours[m] for m in marks], edgecolor="#333333", linewidth=0.5
        )
        for bar, mark in zip(bars, marks, strict=True):
            bar.set_hatch(hatches[mark])
        top = max(values + [kf.county.value if kf.county and kf.county.value else 0]) or 1
        for y, v in enumerate(values):
            ax.text(
                v + top * 0.02,
                y,
                bare_value_text(v, kpi.unit),
                va="center",
                fontsize=6.5,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6, "alpha": 0.9},
            )
        title = textwrap.fill(kpi.title, 34)
        if kf.county is not None and kf.county.value is not None:
            ax.axvline(kf.county.value, color="#000000", linestyle="--", linewidth=1.2)
            title += f"\n{county_name} {bare_value_text(kf.county.value, kpi.unit)}"
        ax.set_title(title, fontsize=8.5, loc="left")
        ax.set_xlabel(_unit_axis(kpi), fontsize=8)
        ax.tick_params(labelsize=7)
        ax.set_xlim(0, top * 1.22)
        ax.spines[["top", "right"]].set_visible(False)
        if districts:
            high, low = districts[-1], districts[0]
            county = (
                f"; {county_name} {bare_value_text(kf.county.value, kpi.unit)}"
                if kf.county and kf.county.value is not None
                else ""
            )
            changed = [d.area_name for d, m in zip(districts, marks, strict=True) if m]
            alt_parts.append(
                f"{kpi.title}: highest {high.area_name} {bare_value_text(_value(high), kpi.unit)}, "
                "lowest "
                f"{low.area_name} {bare_value_text(_value(low), kpi.unit)}{county}; significant "
                "change in "
                + (
                    f"all {number_word(len(districts))} districts"
                    if len(changed) == len(districts)
                    else ", ".join(changed)
                    if changed
                    else "no district"
                )
            )
    for ax in list(axes.flat)[len(items) :]:
        ax.set_visible(False)
    legend = [
        Patch(facecolor=VERMILION, hatch="///", edgecolor="#333333", label="Significantly worse"),
        Patch(facecolor=GREEN, hatch="...", edgecolor="#333333", label="Significantly better"),
        Patch(facecolor=GREY, edgecolor="#333333", label="No significant change"),
        plt.Line2D(
            [0], [0], color="#000000", linestyle="--", label=f"{county_name} (all districts)"
        ),
    ]
    fig.legend(handles=legend, loc="lower center", ncol=4, fontsize=7, frameon=False)
    fig.tight_layout(rect=(0, 0.06 if rows > 1 else 0.1, 1, 1))
    n = max((len(kf.districts) for kf in items), default=0)
    alt = (
        f"Bar charts of the {number_word(n)} districts’ figures for the 12 months, with "
        f"{county_name}’s "
        f"figure as a dashed line. " + "; ".join(alt_parts) + "."
    )
    return Chart(_png(fig), alt)
