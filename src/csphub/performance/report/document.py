"""The paper as plain blocks (headings, numbered paragraphs, tables, figures), composed once
and written by both the DOCX and the PDF writer so the two never disagree.

Paragraph numbers run continuously through the paper, as in a council committee report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..charts import board as charts
from .narrative import (
    KpiFigures,
    assessment,
    bare_value_text,
    number_word,
    recommendations,
    section_paragraphs,
    signed_change,
    significant_deteriorations,
    summary_paragraphs,
)

if TYPE_CHECKING:
    from .data import ReportData

BOARD = "Safer Communities Strategy Board"
TITLE = "Safer Communities Performance"
INTRODUCTION, SUMMARY, RECOMMENDATIONS = "Introduction", "Report Summary", "Recommendations"
INTELLIGENCE, IMPLICATIONS = "Community Intelligence", "Implications"
BACKGROUND, OFFICER = "Background Papers", "Officer to Contact"


@dataclass
class Paragraph:
    number: int
    text: str


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class Picture:
    png: bytes
    caption: str
    alt: str


Block = Paragraph | Table | Picture


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Document:
    board: str
    title: str
    period_label: str
    title_block: list[tuple[str, str]]
    sections: list[Section]

    @property
    def headings(self) -> list[str]:
        return [s.heading for s in self.sections]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Paragraph)]


def _months_before(period: dt.date, months: int) -> dt.date:
    index = period.year * 12 + period.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def _table_row(kf: KpiFigures) -> list[str]:
    kpi, c = kf.kpi, kf.county
    unit = {"rate_per_1000": ", per 1,000", "percentage": ", %", "count": ", number"}[kpi.unit]
    label = kpi.title + unit
    if c is None or c.value is None:
        return [label, "Not loaded" if c is None else "Not available", "–", "–", "–", "–"]
    now = bare_value_text(c.value, kpi.unit).rstrip("%")
    if c.value_prev is None:
        return [label, now, "–", "–", "–", "–"]
    before = bare_value_text(c.value_prev, kpi.unit).rstrip("%")
    direction = {"up": "Up", "down": "Down", "no change": "No change"}.get(c.direction or "", "–")
    mark = assessment(kpi, c)
    significant = (
        "Yes – worse"
        if mark == "worse"
        else "Yes – better"
        if mark == "better"
        else "Not tested"
        if c.significant is None
        else "No"
    )
    return [label, now, before, signed_change(c, kpi.unit) or "–", direction, significant]


def _intelligence_section(
    data: ReportData, paragraphs: Callable[[list[str]], list[Block]], tables: Iterator[int]
) -> Section | None:
    """Counts of community intelligence for the quarter, by theme and district; never content."""
    picture = data.intelligence
    if picture is None:
        return None
    last = picture.end - dt.timedelta(days=1)
    span = f"{picture.start:%B} to {last:%B %Y}"
    section = Section(INTELLIGENCE)
    if not picture.total and not picture.previous_total:
        section.blocks += paragraphs(
            [f"No community intelligence was submitted through the portal from {span}."]
        )
        return section
    change = picture.total - picture.previous_total
    movement = (
        "the same number as"
        if change == 0
        else f"{abs(change)} {'more' if change > 0 else 'fewer'} than"
    )
    section.blocks += paragraphs(
        [
            f"Partners submitted {picture.total} item{'s' if picture.total != 1 else ''} of "
            "community intelligence "
            f"through the portal from {span}, {movement} in the three months before; "
            f"{picture.urgent} {'were' if picture.urgent != 1 else 'was'} flagged as describing "
            "immediate risk. "
            "The counts below say where and about what; the intelligence itself is shared only in "
            "sanitised form "
            "through each district's Joint Action Group.",
        ]
    )

    def table(title: str, label: str, rows) -> Table:
        return Table(
            caption=f"Table {next(tables)}: community intelligence by {title}, {span}",
            header=[label, "This quarter", "Previous quarter"],
            rows=[[r.name, str(r.count), str(r.previous)] for r in rows],
        )

    section.blocks.append(
        table(
            "theme (a report with several themes counts under each)",
            "Theme",
            [r for r in picture.by_theme if r.count or r.previous],
        )
    )
    section.blocks.append(table("district", "District", picture.by_district))
    return section


def _implications(data: ReportData) -> list[str]:
    worse = significant_deteriorations(data.all_kpis)
    risk = (
        "The significant deteriorations set out in this report are the main risk to the "
        "partnership's "
        "priorities; the recommendations ask the Board to consider the response to each."
        if worse
        else (
            "No indicator deteriorated significantly in the period, "
            "so this report raises no new risk."
        )
    )
    return [
        "Financial implications: there are no financial implications arising directly from this "
        "report.",
        "Legal implications: the Crime and Disorder Act 1998 requires the responsible authorities "
        "to work "
        "together to reduce crime and disorder; this report supports the Board in monitoring that "
        "work.",
        "Equality and human rights implications: there are none arising directly from this "
        "report. Hate "
        "crime and satisfaction measures are reported to help the Board understand how different "
        "communities experience crime and anti-social behaviour.",
        f"Risk: {risk}",
    ]


def _background(data: ReportData) -> list[str]:
    police = (
        "Police recorded crime and anti-social behaviour, street-level data for "
        f"{data.county_name} "
        f"published on data.police.uk, {data.police_months[0]:%B %Y} to "
        f"{data.police_months[1]:%B %Y}."
        if data.police_months
        else "Police recorded crime: none loaded."
    )
    population = (
        f"Office for National Statistics mid-{data.population_year} population estimates by LSOA."
        if data.population_year
        else "Office for National Statistics population estimates by LSOA."
    )
    return [
        police,
        population,
        "Survey, youth justice, MARAC and partnership figures loaded by the county's performance "
        "analysts.",
        "How the indicators are computed and tested for significance: CSP Hub, “How the KPIs are "
        "computed” "
        "(docs/kpi-methods.md).",
    ]


def _officer(officer: dict) -> list[str]:
    who = ", ".join(
        part
        for part in (officer.get("name"), officer.get("title"), officer.get("organisation"))
        if part
    )
    contact = "; ".join(
        f"{label}: {officer[key]}"
        for key, label in (("phone", "Telephone"), ("email", "Email"))
        if officer.get(key)
    )
    return [who + (f". {contact}." if contact else ".")]


def compose(data: ReportData, *, today: dt.date, officer: dict | None = None) -> Document:
    period_label = f"{data.period:%B %Y}"
    short = f"{data.period:%b %Y}"
    counter = iter(range(1, 10_000))
    tables, figures = iter(range(1, 100)), iter(range(1, 100))

    def paragraphs(texts: list[str]) -> list[Block]:
        return [Paragraph(next(counter), t) for t in texts]

    start = _months_before(data.period, 11)
    prev_start, prev_end = _months_before(data.period, 23), _months_before(data.period, 12)
    population = (
        f"the ONS mid-{data.population_year} population estimates"
        if data.population_year
        else "the ONS mid-year population estimates"
    )
    sections = [
        Section(
            INTRODUCTION,
            paragraphs(
                [
                    "This report updates the Board on community safety performance in "
                    f"{data.county_name} for the "
                    f"12 months to {period_label} ({start:%B %Y} to {period_label}), compared "
                    "with the previous "
                    f"12 months ({prev_start:%B %Y} to {prev_end:%B %Y}).",
                    "Police-recorded crime and anti-social behaviour are taken from the "
                    "street-level records published "
                    "on data.police.uk, counted by the neighbourhood (LSOA) where they happened, "
                    "and given as rates per "
                    f"1,000 residents using {population}. Survey, youth justice, MARAC and "
                    "partnership figures are "
                    "loaded by the county’s performance analysts.",
                    "The report follows the Board’s exception reporting: it describes only the "
                    "changes that are "
                    "statistically significant (unlikely to be chance, at the 95% level), for the "
                    "county and for each "
                    f"of the {number_word(data.district_count)} districts. A table of every "
                    "indicator for the county "
                    "opens each section.",
                ]
            ),
        )
    ]
    sections.append(
        Section(SUMMARY, paragraphs(summary_paragraphs(data.all_kpis, period_label=period_label)))
    )
    for group, kfs in data.groups:
        section = Section(group)
        section.blocks.append(
            Table(
                caption=(
                    f"Table {next(tables)}: {group}, {data.county_name}, "
                    f"12 months to {period_label}"
                ),
                header=[
                    "KPI",
                    f"12 months to {short}",
                    "Previous 12 months",
                    "Change",
                    "Direction",
                    "Significant?",
                ],
                rows=[_table_row(kf) for kf in kfs],
            )
        )
        section.blocks.extend(paragraphs(section_paragraphs(kfs)))
        police = [
            kf
            for kf in kfs
            if kf.kpi.source == "police"
            and kf.kpi.id in data.trends
            and kf.county is not None
            and kf.county.value is not None
        ]
        if police:
            trend = charts.trend_chart(
                [(kf.kpi, data.trends[kf.kpi.id]) for kf in police], county_name=data.county_name
            )
            gaps = any(
                p.value is not None and p.value_prev is None
                for kf in police
                for p in data.trends[kf.kpi.id]
            )
            caption = (
                f"Figure {next(figures)}: {group} – rolling 12-month rate per 1,000 people, "
                f"{data.county_name}, last two years against the same months a year earlier"
            )
            if gaps:
                caption += (
                    " (the dashed line stops where police data for the earlier year is incomplete)"
                )
            section.blocks.append(Picture(trend.png, caption, trend.alt))
            bars = charts.district_chart(police, county_name=data.county_name)
            section.blocks.append(
                Picture(
                    bars.png,
                    f"Figure {next(figures)}: {group} – rate per 1,000 people by district, "
                    f"12 months to {period_label}",
                    bars.alt,
                )
            )
        sections.append(section)
    intelligence = _intelligence_section(data, paragraphs, tables)
    if intelligence is not None:
        sections.append(intelligence)
    sections.append(Section(RECOMMENDATIONS, paragraphs(recommendations(data.all_kpis))))
    sections.append(Section(IMPLICATIONS, paragraphs(_implications(data))))
    sections.append(Section(BACKGROUND, paragraphs(_background(data))))
    sections.append(
        Section(
            OFFICER,
            paragraphs(
                _officer(
                    officer
                    or {
                        "title": "Community Safety Performance Analyst",
                        "organisation": f"{data.county_name} County Council",
                    }
                )
            ),
        )
    )
    title_block = [
        ("Meeting", f"{data.county_name} {BOARD}"),
        ("Date", f"{today.day} {today:%B %Y}"),
        ("Title", f"{TITLE}: 12 months to {period_label}"),
        ("Report of", f"{data.county_name} County Council Community Safety Performance Analyst"),
    ]
    return Document(
        board=f"{data.county_name} {BOARD}",
        title=TITLE,
        period_label=period_label,
        title_block=title_block,
        sections=sections,
    )
