"""The performance dashboard: county and district KPI cards, a page per KPI with its charts,
tables and CSV downloads, the board report download and the analysts' upload page.

Pages read only the computed KpiResult rows (through selectors), so they stay fast whatever
the size of the police data behind them.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import get_valid_filename
from django.views.decorators.http import require_http_methods

from csphub.core.forms import add_service_errors
from csphub.core.permissions import role_required
from csphub.core.roles import Role

from . import charts, engine, selectors, services
from .definitions import Kpi, board_kpis
from .forms import PeriodForm, UploadForm, period_label
from .models import KpiResult

DASHBOARD_ROLES = (
    Role.BOARD_MEMBER,
    Role.FORUM_MEMBER,
    Role.ANALYST,
    Role.PERFORMANCE_ANALYST,
    Role.ADMINISTRATOR,
)
UPLOAD_ROLES = (Role.PERFORMANCE_ANALYST, Role.ADMINISTRATOR)
TREND_MONTHS = 24
ARROWS = {"up": "▲", "down": "▼", "no change": "▶"}
ASSESSMENT_TAGS = {"better": "govuk-tag--green", "worse": "govuk-tag--red"}
REPORT_FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


# -- periods and areas ------------------------------------------------------------------------


def _period(request: HttpRequest) -> tuple[dt.date | None, list[dt.date]]:
    """The period asked for (404 if it has no results) or the latest."""
    periods = selectors.available_periods()
    raw = request.GET.get("period")
    if raw:
        period = selectors.parse_period(raw)
        if period is None or period not in periods:
            raise Http404("No performance figures for that period")
        return period, periods
    return (periods[0] if periods else None), periods


def _area(slug: str) -> selectors.Area:
    if slug == "county":
        return selectors.county()
    area = selectors.district_by_slug(slug)
    if area is None:
        raise Http404("No such district")
    return area


def _kpi(kpi_id: str) -> Kpi:
    try:
        return board_kpis().get(kpi_id)
    except KeyError:
        raise Http404("No such KPI") from None


# -- cards ------------------------------------------------------------------------------------


def _ordinal(n: int) -> str:
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
        return f"Target: {bound} {charts.format_number(self.kpi.target, self.kpi.unit)}{label}"

    @property
    def comparator_label(self) -> str:
        return "Year before" if self.kpi.comparator == "previous_year" else "Previous 12 months"


def _card(kpi: Kpi, result: KpiResult | None, url: str) -> Card:
    card = Card(kpi=kpi, result=result, url=url)
    if result is None:
        return card
    card.value_text = charts.format_number(result.value, kpi.unit)
    card.prev_text = charts.format_number(result.value_prev, kpi.unit)
    card.change_text = charts.format_change(
        result.change_pct, unit=kpi.unit, now=result.value, before=result.value_prev
    )
    card.arrow = ARROWS.get(result.direction, "")
    if result.rank and result.rank_of:
        card.lines.append(f"{_ordinal(result.rank)} of {result.rank_of} districts (1st is best)")
    if result.regional_average is not None:
        card.lines.append(
            f"Regional average: {charts.format_number(result.regional_average, kpi.unit)}"
        )
    if result.msf_rank and result.msf_size:
        card.lines.append(f"Most similar family: {result.msf_rank}/{result.msf_size}")
    return card


def _kpi_url(area: selectors.Area, kpi: Kpi, period: dt.date) -> str:
    return reverse("performance:kpi", args=[area.slug, kpi.id]) + f"?period={period:%Y-%m}"


def _grouped_cards(area: selectors.Area, period: dt.date) -> list[tuple[str, list[Card]]]:
    groups: dict[str, list[Card]] = {g: [] for g in board_kpis().groups}
    for item in selectors.area_results(area=area, period=period):
        groups.setdefault(item.kpi.group, []).append(
            _card(item.kpi, item.result, _kpi_url(area, item.kpi, period))
        )
    return [(g, cards) for g, cards in groups.items() if cards]


def _dashboard(request: HttpRequest, area: selectors.Area) -> HttpResponse:
    period, periods = _period(request)
    context = {
        "area": area,
        "is_county": area.area_type == engine.COUNTY,
        "period": period,
        "periods": periods,
        "districts": selectors.county_districts(),
        "can_upload": request.user.has_role(*UPLOAD_ROLES),
    }
    if period is not None:
        context.update(
            period_label=period_label(period),
            period_form=PeriodForm(initial={"period": f"{period:%Y-%m}"}, periods=periods),
            groups=_grouped_cards(area, period),
            exceptions=_exceptions(area, period),
        )
    return render(request, "performance/dashboard.html", context)


def _exceptions(area: selectors.Area, period: dt.date, kpi: Kpi | None = None) -> list[str]:
    """The board paper's own sentences for this area (and KPI): one narrative, two places."""
    from .report.data import report_data
    from .report.narrative import area_exceptions, kpi_exceptions, summary_paragraphs

    kfs = report_data(period=period, trends=False).all_kpis
    if kpi is not None:
        kfs = [kf for kf in kfs if kf.kpi.id == kpi.id]
    if area.area_type == engine.COUNTY:
        if kpi is None:
            return summary_paragraphs(kfs, period_label=f"{period:%B %Y}")
        return [kpi_exceptions(kfs[0]) or "Nothing exceptional to report."] if kfs else []
    return area_exceptions(kfs, area.name)


@role_required(*DASHBOARD_ROLES)
def county(request: HttpRequest) -> HttpResponse:
    return _dashboard(request, selectors.county())


@role_required(*DASHBOARD_ROLES)
def district(request: HttpRequest, area: str) -> HttpResponse:
    if area == "county":
        return redirect(
            reverse("performance:county") + (f"?{request.GET.urlencode()}" if request.GET else "")
        )
    return _dashboard(request, _area(area))


# -- data tables (each chart's table is also its CSV) -----------------------------------------


@dataclass
class Column:
    heading: str
    key: str
    kind: str = "text"  # text | count | value | change | bool


@dataclass
class DataTable:
    slug: str
    caption: str
    columns: list[Column]
    rows: list[list]
    unit: str = ""

    def _plain(self, column: Column, value) -> str:
        if value is None or value == "":
            return ""
        if column.kind == "count":
            return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
        if column.kind == "value":
            return (
                f"{value:.1f}"
                if self.unit == "percentage"
                else (
                    f"{value:.0f}"
                    if self.unit == "count" and float(value).is_integer()
                    else f"{value:.2f}"
                )
            )
        if column.kind == "change":
            return f"{value:.1f}"  # per cent, or points for a percentage (see change_value)
        if column.kind == "bool":
            return "yes" if value else "no"
        return str(value)

    def csv_rows(self) -> list[list[str]]:
        return [
            [self._plain(c, v) for c, v in zip(self.columns, row, strict=True)] for row in self.rows
        ]

    def html_rows(self) -> list[list[dict]]:
        out = []
        for row in self.rows:
            cells = []
            for column, value in zip(self.columns, row, strict=True):
                plain = self._plain(column, value)
                if column.kind in ("count", "value") and plain:
                    whole, _, decimals = plain.partition(".")
                    plain = f"{int(whole):,}" + (f".{decimals}" if decimals else "")
                elif column.kind == "change" and plain:
                    plain = f"{value:+.1f} pts" if self.unit == "percentage" else f"{value:+.1f}%"
                cells.append(
                    {
                        "text": plain or "No data",
                        "numeric": column.kind != "text" and column.kind != "bool",
                    }
                )
            out.append(cells)
        return out

    def html(self) -> str:
        """The GOV.UK table, built here rather than in a template loop: the map's table has a
        row per LSOA and a template would cost most of the page's time."""
        numeric = ("count", "value", "change")
        head = "".join(
            f'<th scope="col" class="govuk-table__header{" govuk-table__header--numeric" if c.kind in numeric else ""}">'
            f"{escape(c.heading)}</th>"
            for c in self.columns
        )
        body = []
        labels = [escape(c.heading) for c in self.columns]
        for row in self.html_rows():
            cells = [f'<th scope="row" class="govuk-table__header">{escape(row[0]["text"])}</th>']
            cells += [
                f'<td class="govuk-table__cell{" govuk-table__cell--numeric" if cell["numeric"] else ""}" '
                f'data-label="{label}">{escape(cell["text"])}</td>'
                for label, cell in zip(labels[1:], row[1:], strict=True)
            ]
            body.append(f'<tr class="govuk-table__row">{"".join(cells)}</tr>')
        return (
            f'<table class="govuk-table csphub-data-table csphub-table--reflow" data-table="{escape(self.slug)}">'
            f'<caption class="govuk-table__caption govuk-table__caption--s">{escape(self.caption)}</caption>'
            f'<thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr></thead>'
            f'<tbody class="govuk-table__body">{"".join(body)}</tbody></table>'
        )


def _change_column(kpi: Kpi) -> Column:
    if kpi.unit == "percentage":
        return Column("Change (percentage points)", "change_points", "change")
    return Column("Change (%)", "change_pct", "change")


def _change_value(row, kpi: Kpi) -> float | None:
    """Per cent for rates and counts; percentage points for percentages of people."""
    if kpi.unit == "percentage":
        if row.value is None or row.value_prev is None:
            return None
        return round(row.value - row.value_prev, 1)
    return row.change_pct


def _month(period: dt.date) -> str:
    return f"{period:%B %Y}"


def _trend(kpi: Kpi, area: selectors.Area, period: dt.date) -> tuple[DataTable, str]:
    rows = selectors.series(kpi=kpi.id, area=area, until=period, months=TREND_MONTHS)
    comparison = (
        "Year before" if kpi.comparator == "previous_year" else "Same 12 months a year before"
    )
    table = DataTable(
        "trend",
        f"{kpi.title}, {area.name}: rolling 12 months, last {TREND_MONTHS} months",
        [
            Column("12 months to", "period_end"),
            Column(f"Value ({kpi.unit_label})", "value", "value"),
            Column(f"{comparison} ({kpi.unit_label})", "value_year_before", "value"),
            _change_column(kpi),
        ],
        [[_month(r.period_end), r.value, r.value_prev, _change_value(r, kpi)] for r in rows],
        unit=kpi.unit,
    )
    first = rows[0].period_end if rows else period
    svg = charts.line_chart(
        chart_id="chart-trend",
        title=f"{kpi.title} in {area.name}: rolling 12-month trend",
        desc=f"Line chart of the rolling 12-month figure ({kpi.unit_label}) for each month from "
        f"{_month(first)} to {_month(period)}, against the same 12 months a year before. "
        "The figures are in the table that follows.",
        x_labels=[f"{r.period_end:%b %Y}" for r in rows],
        lines=[
            charts.Line("12 months to the month", [r.value for r in rows], charts.BLUE),
            charts.Line("A year before", [r.value_prev for r in rows], charts.GREY, dashed=True),
        ],
        unit=kpi.unit,
        target=kpi.target,
    )
    return table, svg


def _quarterly(kpi: Kpi, area: selectors.Area, period: dt.date) -> tuple[DataTable, str]:
    rows = selectors.quarterly_series(kpi=kpi.id, area=area, until=period)
    table = DataTable(
        "quarterly",
        f"{kpi.title}, {area.name}: quarter by quarter",
        [
            Column("Quarter to", "quarter_end"),
            Column("Count in the quarter", "count_3m", "count"),
            Column("Count in 12 months", "count_12m", "count"),
            Column(f"Value ({kpi.unit_label})", "value", "value"),
            Column("Previous 12 months", "value_prev", "value"),
            _change_column(kpi),
            Column("Significant", "significant", "bool"),
        ],
        [
            [
                _month(r.period_end),
                r.count_3m,
                r.count_12m,
                r.value,
                r.value_prev,
                _change_value(r, kpi),
                r.significant,
            ]
            for r in rows
        ],
        unit=kpi.unit,
    )
    return table, ""


def _districts(kpi: Kpi, area: selectors.Area, period: dt.date) -> tuple[DataTable, str]:
    rows = selectors.district_comparison(kpi=kpi.id, period=period)
    county_row = selectors.county_result(kpi=kpi.id, period=period)
    county_value = county_row.value if county_row else None
    table = DataTable(
        "districts",
        f"{kpi.title} by district, {period_label(period).lower()}",
        [
            Column("District", "area_name"),
            Column(f"Value ({kpi.unit_label})", "value", "value"),
            Column("Count", "count_12m", "count"),
            _change_column(kpi),
            Column("Rank (1 is best)", "rank"),
        ],
        [[r.area_name, r.value, r.count_12m, _change_value(r, kpi), r.rank] for r in rows],
        unit=kpi.unit,
    )
    if county_row is not None:
        table.rows.append(
            [
                f"{county_row.area_name} (county)",
                county_row.value,
                county_row.count_12m,
                _change_value(county_row, kpi),
                None,
            ]
        )
    svg = charts.bar_chart(
        chart_id="chart-districts",
        title=f"{kpi.title} by district, {period_label(period).lower()}",
        desc=f"Bar chart of each district's figure ({kpi.unit_label}), with the county figure "
        f"({charts.format_number(county_value, kpi.unit)}) as a reference line. "
        "The figures are in the table that follows.",
        bars=[charts.Bar(r.area_name, r.value, highlight=r.area_code == area.code) for r in rows],
        unit=kpi.unit,
        reference=county_value,
        reference_label=selectors.county().name,
        target=kpi.target,
    )
    return table, svg


def _district_names() -> dict[str, str]:
    return {d.code: d.name for d in selectors.county_districts()}


def _hotspots(kpi: Kpi, area: selectors.Area, period: dt.date) -> tuple[DataTable, str]:
    district_code = area.code if area.area_type == engine.DISTRICT else None
    rows = selectors.hotspots(kpi=kpi.id, period=period, district_code=district_code)
    names = _district_names()
    table = DataTable(
        "hotspots",
        f"{kpi.title}: LSOAs with the highest rates in {area.name}",
        [
            Column("LSOA", "area_code"),
            Column("Name", "area_name"),
            Column("District", "district"),
            Column("Count", "count_12m", "count"),
            Column("Population", "population", "count"),
            Column(f"Value ({kpi.unit_label})", "value", "value"),
            _change_column(kpi),
        ],
        [
            [
                r.area_code,
                r.area_name,
                names.get(r.district_code, r.district_code),
                r.count_12m,
                r.population,
                r.value,
                _change_value(r, kpi),
            ]
            for r in rows
        ],
        unit=kpi.unit,
    )
    return table, ""


def _map(kpi: Kpi, area: selectors.Area, period: dt.date) -> tuple[DataTable, str]:
    district_code = area.code if area.area_type == engine.DISTRICT else None
    pairs = selectors.lsoa_map(kpi=kpi.id, period=period, district_code=district_code)
    names = _district_names()
    areas = [
        charts.MapArea(
            lsoa.code,
            lsoa.name,
            lsoa.boundary,
            result.value if result else None,
            names.get(lsoa.district_code, ""),
        )
        for lsoa, result in pairs
    ]
    breaks, _ = charts.map_classes(areas)
    table = DataTable(
        "map",
        f"{kpi.title} by LSOA in {area.name}, {period_label(period).lower()}",
        [
            Column("LSOA", "area_code"),
            Column("Name", "area_name"),
            Column("District", "district"),
            Column("Count", "count_12m", "count"),
            Column(f"Value ({kpi.unit_label})", "value", "value"),
            Column("Shade (1 lightest to 5 darkest)", "shade"),
        ],
        [
            [
                lsoa.code,
                lsoa.name,
                names.get(lsoa.district_code, lsoa.district_code),
                result.count_12m if result else None,
                result.value if result else None,
                charts.class_of(result.value, breaks) + 1
                if result and result.value is not None
                else None,
            ]
            for lsoa, result in sorted(pairs, key=lambda p: p[0].code)
        ],
        unit=kpi.unit,
    )
    if not any(a.value is not None for a in areas) or not areas:
        return table, ""
    svg, _ = charts.lsoa_map(
        chart_id="chart-map",
        title=f"Map of {kpi.title.lower()} by LSOA in {area.name}",
        desc=f"Map of {len(areas)} LSOAs shaded in five classes (quantiles) by {kpi.unit_label}, darker "
        "for higher; LSOAs without a figure are hatched grey; district boundaries drawn in black and named. "
        "The figures are in the table that follows.",
        areas=areas,
        unit=kpi.unit,
    )
    return table, svg


SECTIONS: dict[str, Callable[[Kpi, selectors.Area, dt.date], tuple[DataTable, str]]] = {
    "trend": _trend,
    "quarterly": _quarterly,
    "districts": _districts,
    "hotspots": _hotspots,
    "map": _map,
}


def _csv_response(
    table: DataTable, *, area: selectors.Area, kpi: Kpi, period: dt.date
) -> HttpResponse:
    filename = f"{area.slug}-{kpi.id}-{table.slug}-{period:%Y-%m}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow([c.key for c in table.columns])
    writer.writerows(table.csv_rows())
    return response


@role_required(*DASHBOARD_ROLES)
def kpi_detail(request: HttpRequest, area: str, kpi: str) -> HttpResponse:
    place = _area(area)
    definition = _kpi(kpi)
    period, periods = _period(request)
    if period is None:
        raise Http404("No performance figures have been computed yet")
    if request.GET.get("format") == "csv":
        builder = SECTIONS.get(request.GET.get("data", ""))
        if builder is None:
            raise Http404("No such download")
        table, _ = builder(definition, place, period)
        return _csv_response(table, area=place, kpi=definition, period=period)
    result = next(
        (c.result for c in selectors.area_results(area=place, period=period) if c.kpi.id == kpi),
        None,
    )
    base = reverse("performance:kpi", args=[place.slug, definition.id])
    sections = {}
    for name, builder in SECTIONS.items():
        table, svg = builder(definition, place, period)
        sections[name] = {
            "table": table,
            "svg": mark_safe(svg),  # noqa: S308 - built with html.escape
            "table_html": mark_safe(table.html()),  # noqa: S308 - every value escaped
            "csv_url": f"{base}?period={period:%Y-%m}&format=csv&data={name}",
        }
    return render(
        request,
        "performance/kpi.html",
        {
            "area": place,
            "is_county": place.area_type == engine.COUNTY,
            "kpi": definition,
            "card": _card(definition, result, ""),
            "period": period,
            "period_label": period_label(period),
            "exceptions": _exceptions(place, period, definition),
            "period_form": PeriodForm(initial={"period": f"{period:%Y-%m}"}, periods=periods),
            "sections": sections,
            "dashboard_url": (
                reverse("performance:county")
                if place.area_type == engine.COUNTY
                else reverse("performance:district", args=[place.slug])
            )
            + f"?period={period:%Y-%m}",
        },
    )


# -- board report -----------------------------------------------------------------------------


@role_required(*DASHBOARD_ROLES)
def board_report(request: HttpRequest) -> HttpResponse:
    period, _ = _period(request)
    fmt = request.GET.get("format", "docx")
    if period is None or fmt not in REPORT_FORMATS:
        raise Http404("No board report for that period or format")
    # Imported here: the report pulls in matplotlib, which no other page needs at start-up.
    from .report import build_board_report, report_filename

    data = build_board_report(period=period, fmt=fmt)
    response = HttpResponse(data, content_type=REPORT_FORMATS[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{report_filename(period=period, fmt=fmt)}"'
    )
    return response


# -- upload -----------------------------------------------------------------------------------


def _run_import(form: UploadForm, user) -> tuple[services.ImportSummary, int]:
    kind = form.cleaned_data["kind"]
    uploads = form.cleaned_data["files"]
    with tempfile.TemporaryDirectory(prefix="csphub-upload-") as folder:
        paths = []
        for number, upload in enumerate(uploads):
            # Keep the uploaded name: the readers go by its extension and the summary quotes it.
            name = get_valid_filename(Path(upload.name).name) or f"upload-{number}"
            path = Path(folder) / f"{number}" / name
            path.parent.mkdir()
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            paths.append(path)
        # The import and the recomputation stand or fall together.
        with transaction.atomic():
            if kind == UploadForm.POLICE:
                summary = services.police_import(paths=paths, user=user)
            elif kind == UploadForm.LOOKUP:
                summary = services.lsoa_lookup_import(path=paths[0], user=user)
            elif kind == UploadForm.BOUNDARIES:
                summary = services.boundaries_import(path=paths[0], user=user)
            elif kind == UploadForm.POPULATION:
                summary = services.population_import(
                    path=paths[0], year=form.cleaned_data["year"], user=user
                )
            else:
                summary = services.indicators_import(path=paths[0], user=user)
            written = services.kpi_compute(user=user)
    return summary, written


@role_required(*UPLOAD_ROLES)
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        try:
            summary, written = _run_import(form, request.user)
        except ValidationError as exc:
            # A bad file is a problem with the file: show it on the file field.
            if hasattr(exc, "error_dict"):
                add_service_errors(form, exc)
            else:
                form.add_error("files", exc.messages)
        else:
            request.session["performance_import"] = {
                "kind": dict(UploadForm.KINDS)[form.cleaned_data["kind"]],
                "files": summary.files[:20],
                "more_files": max(len(summary.files) - 20, 0),
                "rows_read": summary.rows_read,
                "accepted": summary.accepted,
                "rejected": summary.rejected,
                "reasons": summary.reasons.most_common(),
                "details": summary.details,
                "written": written,
            }
            return redirect("performance:upload")
    return render(
        request,
        "performance/upload.html",
        {
            "form": form,
            "summary": request.session.pop("performance_import", None)
            if request.method == "GET"
            else None,
            "runs": selectors.recent_import_runs(),
            "latest": selectors.latest_period(),
        },
        status=400 if form.errors else 200,
    )
