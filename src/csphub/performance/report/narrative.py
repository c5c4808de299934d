"""The board paper's words: exception sentences from computed figures.

Plain Python (no Django) so every sentence the board reads has a plain test. The board reads
only what changed: a section says which movements are significant, for the county and the
districts, and says so plainly when nothing did or when figures are missing.

Rounding is the board's: rates to 2 d.p., percentages to 1 d.p. (changes in points), changes
in rates and counts as whole per cent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

NUMBER_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
}


@dataclass(frozen=True)
class KpiInfo:
    id: str
    title: str
    unit: str  # rate_per_1000 | count | percentage
    good: str  # down | up
    source: str = "indicators"
    target: float | None = None
    target_label: str = ""


@dataclass(frozen=True)
class Figure:
    """One area's figure for a KPI (county or district)."""

    area_name: str
    value: float | None
    value_prev: float | None = None
    change_pct: float | None = None
    direction: str | None = None  # up | down | no change
    significant: bool | None = None
    note: str = ""
    rank: int | None = None  # 1 = best
    rank_of: int | None = None


@dataclass
class KpiFigures:
    kpi: KpiInfo
    county: Figure | None
    districts: list[Figure] = field(default_factory=list)


# -- numbers ----------------------------------------------------------------------------------


def number_word(n: int) -> str:
    return NUMBER_WORDS.get(n, str(n))


def value_text(value: float, unit: str) -> str:
    """The headline figure as the board writes it: 5.43 per 1,000 · 70.6% · 84."""
    if unit == "percentage":
        return f"{value:.1f}%"
    if unit == "count":
        return f"{value:,.0f}"
    return f"{value:,.2f} per 1,000"


def bare_value_text(value: float, unit: str) -> str:
    """The comparison figure, without repeating the unit for rates: 'from 3.75'."""
    if unit == "rate_per_1000":
        return f"{value:,.2f}"
    return value_text(value, unit)


def change_amount(fig: Figure, unit: str) -> str:
    """'45%' for rates and counts, '8.1 points' for percentages (no sign)."""
    if unit == "percentage":
        points = abs(round(_known(fig.value) - _known(fig.value_prev), 1))
        return f"{points:.1f} point" if points == 1 else f"{points:.1f} points"
    if fig.change_pct is None:
        return "an unknown amount"
    pct = round(abs(fig.change_pct))
    return "less than 1%" if pct == 0 else f"{pct}%"


def signed_change(fig: Figure, unit: str) -> str:
    """'+45%', '−29%', '−8.1 pts' for tables and brackets; '' when there is no comparison."""
    if fig.value is None or fig.value_prev is None:
        return ""
    if unit == "percentage":
        points = round(fig.value - fig.value_prev, 1)
        return "0.0 pts" if points == 0 else f"{'+' if points > 0 else '−'}{abs(points):.1f} pts"
    if fig.change_pct is None:
        return ""
    pct = round(fig.change_pct)
    return "0%" if pct == 0 else f"{'+' if pct > 0 else '−'}{abs(pct)}%"


# -- words ------------------------------------------------------------------------------------


def in_sentence(kpi: KpiInfo) -> str:
    """The KPI's title inside a sentence: lower-case first letter unless an acronym; survey
    statements in quotation marks so 'the fall in “Feel safe outside after dark”' reads."""
    if kpi.unit == "percentage" and kpi.title.split()[0] in ("Feel", "Agree"):
        return f"“{kpi.title}”"
    first = kpi.title.split()[0]
    if first.isupper() or (len(first) > 1 and first[1].isupper()):
        return kpi.title
    return kpi.title[0].lower() + kpi.title[1:]


def _plural(title: str) -> bool:
    last = title.split()[-1].lower()
    return last.endswith("s") and not last.endswith("ss")


def _subject(kpi: KpiInfo, area: str | None) -> str:
    return kpi.title if area is None else f"{kpi.title} in {area}"


def _listing(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text and not text[:2].isupper() else text


def assessment(kpi: KpiInfo, fig: Figure | None) -> str | None:
    """'worse', 'better' or None (no significant change, or nothing to compare)."""
    if fig is None or not fig.significant or fig.direction not in ("up", "down"):
        return None
    return "better" if fig.direction == kpi.good else "worse"


def _known(value: float | None) -> float:
    """A figure the sentence's conditions guarantee (a significant change has both)."""
    if value is None:
        raise ValueError("a figure the narrative needs is missing")
    return value


def _county(kf: KpiFigures) -> Figure:
    """The county's figure of a KPI already assessed for the county."""
    if kf.county is None:
        raise ValueError(f"{kf.kpi.title}: no county figure")
    return kf.county


def _above_target(kpi: KpiInfo, fig: Figure | None) -> bool:
    return (
        fig is not None
        and fig.value is not None
        and kpi.target is not None
        and fig.value > kpi.target
    )


def _has_figure(fig: Figure | None) -> bool:
    return fig is not None and fig.value is not None


def change_sentence(kpi: KpiInfo, fig: Figure | None, *, area: str | None = None) -> str:
    """One sentence about one area's movement (area None = the county)."""
    where = f" in {area}" if area else ""
    if fig is None:
        return f"No figures have been loaded for {in_sentence(kpi)}{where}."
    if fig.value is None:
        if fig.note:
            return (
                f"No figure can be given for {in_sentence(kpi)}{where}: {_lower_first(fig.note)}."
            )
        return f"No figures have been loaded for {in_sentence(kpi)}{where}."
    subject = _subject(kpi, area)
    verb = "were" if _plural(kpi.title) else "was"
    now = value_text(fig.value, kpi.unit)
    if fig.value_prev is None:
        reason = (
            f" ({_lower_first(fig.note)})" if fig.note else ": no figure has been loaded for them"
        )
        return (
            f"{subject} {verb} {now}; this cannot be compared with the previous 12 months{reason}."
        )
    if fig.direction == "no change" or fig.value == fig.value_prev:
        return f"{subject} {verb} unchanged at {now}."
    up = fig.direction == "up" if fig.direction in ("up", "down") else fig.value > fig.value_prev
    moved, movement = ("rose", "rise") if up else ("fell", "fall")
    before = bare_value_text(fig.value_prev, kpi.unit)
    amount = change_amount(fig, kpi.unit)
    if fig.significant:
        return f"{subject} {moved} to {now} from {before}, a significant {movement} of {amount}."
    # "(−3%)", but "(a change of less than 1%)" rather than "(−less than 1%)".
    bracket = (
        f"a change of {amount}" if amount.startswith("less") else ("+" if up else "−") + amount
    )
    if fig.significant is None:
        return (
            f"{subject} {moved} to {now} from {before} ({bracket}); the change could not be tested."
        )
    return (
        f"{subject} {moved} to {now} from {before} ({bracket}), which is not a significant change."
    )


def target_sentence(kpi: KpiInfo, fig: Figure | None, *, area: str | None = None) -> str | None:
    """MARAC repeats against the SafeLives threshold (any KPI with a target)."""
    if kpi.target is None or fig is None or fig.value is None:
        return None
    target = f"{kpi.target:g}%" if kpi.unit == "percentage" else value_text(kpi.target, kpi.unit)
    label = kpi.target_label or "target"
    relation = "above" if fig.value > kpi.target else "below" if fig.value < kpi.target else "at"
    subject = in_sentence(kpi) + (f" in {area}" if area else "")
    verb = "were" if _plural(kpi.title) else "was"
    return (
        f"At {value_text(fig.value, kpi.unit)}, {subject} {verb} {relation} "
        f"the {label} of {target}."
    )


def _extreme(kpi: KpiInfo, fig: Figure) -> str | None:
    """'highest' or 'lowest' when the district is at either end of the ranking."""
    if fig.rank is None or not fig.rank_of or fig.rank_of < 3:
        return None
    best, worst = fig.rank == 1, fig.rank == fig.rank_of
    if not (best or worst):
        return None
    high = worst if kpi.good == "down" else best
    return "highest" if high else "lowest"


def rank_sentence(kpi: KpiInfo, fig: Figure) -> str | None:
    """'Charnwood has the highest rate of the seven districts.' (only at either end)."""
    extreme = _extreme(kpi, fig)
    if extreme is None:
        return None
    noun = {"rate_per_1000": "rate", "percentage": "figure", "count": "number"}[kpi.unit]
    districts = number_word(fig.rank_of or 0)  # _extreme() found a ranking
    return f"{fig.area_name} has the {extreme} {noun} of the {districts} districts."


def _worst_district(kpi: KpiInfo, districts: list[Figure]) -> Figure | None:
    ranked = [d for d in districts if d.value is not None and d.rank is not None and d.rank_of]
    worst = [d for d in ranked if d.rank == d.rank_of]
    return worst[0] if worst else None


def _same_way_sentence(kf: KpiFigures, same_way: list[Figure]) -> str:
    """Three or more districts moved significantly with the county: one sentence for them."""
    kpi, county = kf.kpi, kf.county
    movement = "rises" if county is not None and county.direction == "up" else "falls"
    largest = max(same_way, key=lambda d: abs(d.change_pct or 0))
    who = (
        f"all {number_word(len(kf.districts))} districts"
        if len(same_way) == len(kf.districts)
        else _listing([d.area_name for d in same_way])
    )
    return (
        f"There were significant {movement} in {who}, the largest in {largest.area_name} "
        f"({signed_change(largest, kpi.unit)} to {value_text(_known(largest.value), kpi.unit)})."
    )


def _district_sentences(kpi: KpiInfo, significant: list[Figure]) -> list[str]:
    """Each district's significant change, and the target it is above."""
    sentences = []
    for district in significant:
        sentences.append(change_sentence(kpi, district, area=district.area_name))
        if kpi.target is not None:
            line = target_sentence(kpi, district, area=district.area_name)
            if line and _known(district.value) > kpi.target:
                sentences.append(line)
    return sentences


def kpi_exceptions(kf: KpiFigures) -> str | None:
    """The paragraph for one KPI, or None when nothing about it is exceptional."""
    kpi, county = kf.kpi, kf.county
    sentences: list[str] = []
    county_moved = assessment(kpi, county)
    if county_moved:
        sentences.append(change_sentence(kpi, county))
    target = target_sentence(kpi, county)
    if target and (county_moved or _above_target(kpi, county)):
        sentences.append(target)
    significant = [d for d in kf.districts if assessment(kpi, d)]
    if (
        significant
        and not county_moved
        and county is not None
        and county.value is not None
        and county.value_prev is not None
    ):
        sentences.append("For the county, " + _lower_first(change_sentence(kpi, county)))
    same_way = [
        d
        for d in significant
        if county_moved and county is not None and d.direction == county.direction
    ]
    if county_moved and len(same_way) >= 3:
        sentences.append(_same_way_sentence(kf, same_way))
        significant = [d for d in significant if d not in same_way]
    sentences += _district_sentences(kpi, significant)
    if not sentences:
        return None
    worst = _worst_district(kpi, kf.districts)
    if worst is not None:
        line = rank_sentence(kpi, worst)
        if line:
            sentences.append(line)
    return " ".join(sentences)


def area_exceptions(kfs: list[KpiFigures], area_name: str) -> list[str]:
    """One district's exceptions, as the paper words them: its significant changes (and a
    target it is above), best first never; or "Nothing exceptional to report."."""
    out = []
    for kf in kfs:
        fig = next((d for d in kf.districts if d.area_name == area_name), None)
        if fig is not None and assessment(kf.kpi, fig):
            text = change_sentence(kf.kpi, fig, area=area_name)
            target = target_sentence(kf.kpi, fig, area=area_name)
            if target and _above_target(kf.kpi, fig):
                text += " " + target
            out.append(text)
    return out or ["Nothing exceptional to report."]


def missing_sentences(kfs: list[KpiFigures]) -> list[str]:
    """Honest words about what could not be reported."""
    not_loaded = [
        kf.kpi
        for kf in kfs
        if kf.county is None or (kf.county.value is None and not kf.county.note)
    ]
    out: list[str] = []
    if not_loaded:
        out.append(
            f"No figures have been loaded for {_listing([in_sentence(k) for k in not_loaded])} "
            "for this period, so they are not reported."
        )
    for kf in kfs:
        if kf.county is None or kf.kpi in not_loaded:
            continue
        if kf.county.value is None or kf.county.value_prev is None:
            out.append(change_sentence(kf.kpi, kf.county))
        elif kf.county.note:
            out.append(f"{kf.kpi.title}: {_lower_first(kf.county.note)}.")
    return out


def section_paragraphs(kfs: list[KpiFigures]) -> list[str]:
    """A KPI section's narrative: exceptions only, then what is missing."""
    paragraphs = [p for p in (kpi_exceptions(kf) for kf in kfs) if p]
    if not paragraphs and any(_has_figure(kf.county) for kf in kfs):
        paragraphs.append("Nothing exceptional to report.")
    return paragraphs + missing_sentences(kfs)


def _movement_list(kpi_figs: list[KpiFigures]) -> str:
    return _listing(
        [f"{in_sentence(kf.kpi)} {_up_down(_county(kf), kf.kpi.unit)}" for kf in kpi_figs]
    )


def _up_down(fig: Figure, unit: str) -> str:
    """'up 17%' / 'down 8.1 points'."""
    return f"{'up' if fig.direction == 'up' else 'down'} {change_amount(fig, unit)}"


def significant_deteriorations(kfs: list[KpiFigures]) -> list[tuple[KpiInfo, Figure]]:
    """Every significant change for the worse, county or district: what the summary must name."""
    out = []
    for kf in kfs:
        for area in ([kf.county] if kf.county is not None else []) + list(kf.districts):
            if assessment(kf.kpi, area) == "worse":
                out.append((kf.kpi, area))
    return out


def _district_figures(kpi: KpiInfo, districts: list[Figure]) -> str:
    """'Charnwood (+12% to 7.10 per 1,000) and Melton (+9% to 6.20 per 1,000)'."""
    ordered = sorted(districts, key=lambda d: -abs(d.change_pct or 0))
    return _listing(
        [
            f"{d.area_name} ({signed_change(d, kpi.unit)} to "
            f"{value_text(_known(d.value), kpi.unit)})"
            for d in ordered
        ]
    )


def _county_headline(
    worse: list[KpiFigures],
    better: list[KpiFigures],
    district_worse: list[tuple[KpiFigures, list[Figure]]],
    period_label: str,
) -> list[str]:
    """What got worse and better for the county (or that nothing did)."""
    out: list[str] = []
    lead = f"In the 12 months to {period_label}, compared with the previous 12 months"
    if worse:
        n = len(worse)
        out.append(
            f"{lead}, {number_word(n) if n > 1 else 'one'} of the county’s indicators "
            f"{'were' if n > 1 else 'was'} significantly worse: {_movement_list(worse)}."
        )
    elif district_worse:
        out.append(
            f"{lead}, none of the indicators was significantly worse for the county as a whole, "
            f"but {number_word(len(district_worse)) if len(district_worse) > 1 else 'one'} "
            f"{'were' if len(district_worse) > 1 else 'was'} significantly worse in one or more "
            "districts."
        )
    else:
        out.append(
            f"{lead}, no indicator was significantly worse, for the county or for any district."
        )
    if better:
        n = len(better)
        out.append(
            f"{(number_word(n) if n > 1 else 'One').capitalize()} "
            f"{'were' if n > 1 else 'was'} significantly better for the county: "
            f"{_movement_list(better)}."
        )
    elif worse:
        out[-1] = out[-1][:-1] + "; none was significantly better."
    return out


def _district_worse_sentence(kf: KpiFigures, districts: list[Figure]) -> str:
    """The districts where a KPI got significantly worse, set against the county."""
    kpi = kf.kpi
    moved = "rose" if districts[0].direction == "up" else "fell"
    county = assessment(kpi, kf.county)
    if county == "worse":
        movement = "rise" if _county(kf).direction == "up" else "fall"
        opening = f"The {movement} in {in_sentence(kpi)} was significant in"
    elif county == "better":
        opening = (
            f"{kpi.title} improved for the county as a whole but {moved} significantly, "
            "a deterioration, in"
        )
    else:
        opening = f"{kpi.title} {moved} significantly, a deterioration, in"
    return f"{opening} {_district_figures(kpi, districts)}."


def _district_better_sentences(reported: list[KpiFigures]) -> list[str]:
    """Districts that got significantly better where the county did not move."""
    out = []
    for kf in reported:
        if assessment(kf.kpi, kf.county):
            continue
        improved = [d for d in kf.districts if assessment(kf.kpi, d) == "better"]
        if improved:
            moved = "fell" if improved[0].direction == "down" else "rose"
            out.append(
                f"{kf.kpi.title} did not change significantly for the county as a whole, but "
                f"{moved} significantly, an improvement, in {_district_figures(kf.kpi, improved)}."
            )
    return out


def summary_paragraphs(kfs: list[KpiFigures], *, period_label: str) -> list[str]:
    """The headline exceptions: the county's deteriorations, then its improvements, then every
    district that got significantly worse (whatever the county did), then districts that got
    significantly better where the county did not move, then gaps."""
    reported = [kf for kf in kfs if _has_figure(kf.county)]
    worse = [kf for kf in reported if assessment(kf.kpi, kf.county) == "worse"]
    better = [kf for kf in reported if assessment(kf.kpi, kf.county) == "better"]
    district_worse = [
        (kf, [d for d in kf.districts if assessment(kf.kpi, d) == "worse"]) for kf in kfs
    ]
    district_worse = [(kf, ds) for kf, ds in district_worse if ds]
    out = _county_headline(worse, better, district_worse, period_label)
    out += [_district_worse_sentence(kf, districts) for kf, districts in district_worse]
    out += _district_better_sentences(reported)
    if not worse and not better and not district_worse and len(out) == 1 and reported:
        out.append("Nothing exceptional to report.")
    missing = len(kfs) - len(reported)
    if missing:
        out.append(
            f"Figures have not been loaded for {missing} of the board’s {len(kfs)} indicators; "
            "each section lists them."
        )
    return out


def recommendations(kfs: list[KpiFigures]) -> list[str]:
    """Committee wording: note the report, then one recommendation per significant deterioration."""
    out = ["The Board is asked to note the contents of this report."]
    for kf in kfs:
        kpi = kf.kpi
        districts_worse = sorted(
            (d for d in kf.districts if assessment(kpi, d) == "worse"),
            key=lambda d: -abs(d.change_pct or 0),
        )
        movement = "rise" if kpi.good == "down" else "fall"
        if assessment(kpi, kf.county) == "worse":
            text = (
                f"The Board is asked to consider the {movement} in {in_sentence(kpi)} "
                "across the county"
            )
            if districts_worse:
                d = districts_worse[0]
                text += (
                    f", in particular in {d.area_name} ({signed_change(d, kpi.unit)} to "
                    f"{value_text(_known(d.value), kpi.unit)})"
                )
            out.append(text + ", and the partnership’s response to it.")
        elif districts_worse:
            named = _listing(
                [
                    f"{d.area_name} ({signed_change(d, kpi.unit)} to "
                    f"{value_text(_known(d.value), kpi.unit)})"
                    for d in districts_worse
                ]
            )
            out.append(
                f"The Board is asked to consider the {movement} in {in_sentence(kpi)} in {named}."
            )
    return out
