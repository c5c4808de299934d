"""The performance dashboard: county and district KPI cards, a page per KPI with its charts,
tables and CSV downloads, the board report download and the analysts' upload page.

Pages read only the computed KpiResult rows (through selectors), so they stay fast whatever
the size of the police data behind them.
"""

from __future__ import annotations

import csv
import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.core.forms import add_service_errors
from csphub.core.permissions import role_required
from csphub.core.roles import Role

from . import selectors, services
from .forms import PeriodForm, UploadForm, period_label
from .importers.uploads import saved_uploads
from .kpi import engine
from .kpi.definitions import Kpi, board_kpis
from .presentation import Card, DataTable, card
from .sections import SECTIONS

DASHBOARD_ROLES = (
    Role.BOARD_MEMBER,
    Role.FORUM_MEMBER,
    Role.ANALYST,
    Role.PERFORMANCE_ANALYST,
    Role.ADMINISTRATOR,
)
UPLOAD_ROLES = (Role.PERFORMANCE_ANALYST, Role.ADMINISTRATOR)
REPORT_FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


# -- periods and areas ------------------------------------------------------------------------


def _period(request: AuthenticatedHttpRequest) -> tuple[dt.date | None, list[dt.date]]:
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


# -- dashboards -----------------------------------------------------------------------------


def _kpi_url(area: selectors.Area, kpi: Kpi, period: dt.date) -> str:
    return reverse("performance:kpi", args=[area.slug, kpi.id]) + f"?period={period:%Y-%m}"


def _grouped_cards(area: selectors.Area, period: dt.date) -> list[tuple[str, list[Card]]]:
    groups: dict[str, list[Card]] = {g: [] for g in board_kpis().groups}
    for item in selectors.area_results(area=area, period=period):
        groups.setdefault(item.kpi.group, []).append(
            card(item.kpi, item.result, _kpi_url(area, item.kpi, period))
        )
    return [(g, cards) for g, cards in groups.items() if cards]


def _dashboard(request: AuthenticatedHttpRequest, area: selectors.Area) -> HttpResponse:
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
def county(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _dashboard(request, selectors.county())


@role_required(*DASHBOARD_ROLES)
def district(request: AuthenticatedHttpRequest, area: str) -> HttpResponse:
    if area == "county":
        return redirect(
            reverse("performance:county") + (f"?{request.GET.urlencode()}" if request.GET else "")
        )
    return _dashboard(request, _area(area))


# -- a KPI's page ---------------------------------------------------------------------------


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
def kpi_detail(request: AuthenticatedHttpRequest, area: str, kpi: str) -> HttpResponse:
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
            "csv_url": f"{base}?period={period:%Y-%m}&format=csv&data={name}",
        }
    return render(
        request,
        "performance/kpi.html",
        {
            "area": place,
            "is_county": place.area_type == engine.COUNTY,
            "kpi": definition,
            "card": card(definition, result, ""),
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
def board_report(request: AuthenticatedHttpRequest) -> HttpResponse:
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


@role_required(*UPLOAD_ROLES)
@require_http_methods(["GET", "POST"])
def upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        try:
            with saved_uploads(form.cleaned_data["files"]) as paths:
                summary, written = services.performance_upload_import(
                    kind=form.cleaned_data["kind"],
                    paths=paths,
                    year=form.cleaned_data["year"],
                    user=request.user,
                )
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
