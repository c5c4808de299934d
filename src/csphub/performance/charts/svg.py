"""Server-rendered SVG charts and the LSOA map for the dashboard.

Plain Python (no Django, no JavaScript, no tile server or CDN): the pages work on a
locked-down council laptop and the board report can reuse the same pictures. Every chart is
`role="img"` with a <title> and <desc>; the page puts an accessible data table beside it, so
the SVG never has to carry the numbers on its own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .numbers import format_number

# GOV.UK colours: blue for the latest figures, dark grey for the comparison, black reference.
BLUE, GREY, BLACK, RED, LIGHT_GREY = "#1d70b8", "#505a5f", "#0b0c0c", "#d4351c", "#f3f2f1"
# Five sequential classes (ColorBrewer Blues); light to dark = low to high rate.
MAP_COLOURS = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
# "No data" is hatched grey, never a colour of the scale (the lightest blue looked like white).
NO_DATA_COLOUR = "url(#csphub-no-data)"
_NO_DATA_PATTERN = (
    '<defs><pattern id="csphub-no-data" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#b1b4b6" stroke-width="2"/></pattern></defs>'
)
FONT = 'font-family="arial, sans-serif"'


def _tick(value: float) -> str:
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round axis ticks covering low..high (low is usually 0)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks, value = [], first
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _svg_open(
    chart_id: str, width: int, height: int, title: str, desc: str, css: str = ""
) -> list[str]:
    return [
        f'<svg class="csphub-chart {css}" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" role="img" aria-labelledby="{chart_id}-title '
        f'{chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT}>',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


# -- line chart -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    label: str
    values: Sequence[float | None]
    colour: str = BLUE
    dashed: bool = False


@dataclass(frozen=True)
class _LinePlot:
    """The line chart's plotting area: where a month index and a value are drawn."""

    width: int
    height: int
    months: int
    top_value: float
    left: int = 64
    # Room on the right for half of the latest month's label, centred on the last point.
    right: int = 40
    top: int = 16
    bottom: int = 64

    def x(self, i: int) -> float:
        plot_w = self.width - self.left - self.right
        return self.left + plot_w * i / (max(self.months, 2) - 1)

    def y(self, v: float) -> float:
        plot_h = self.height - self.top - self.bottom
        return self.top + plot_h * (1 - v / self.top_value)


def line_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    x_labels: Sequence[str],
    lines: Sequence[Line],
    unit: str,
    target: float | None = None,
    width: int = 640,
    height: int = 300,
) -> str:
    """Lines over the same x positions; gaps where a value is missing (never drawn as zero)."""
    values = [v for line in lines for v in line.values if v is not None]
    if target is not None:
        values.append(target)
    high = max(values) if values else 1.0
    ticks = nice_ticks(0, high * 1.05)
    plot = _LinePlot(width, height, len(x_labels), ticks[-1] or 1.0)
    out = _svg_open(chart_id, width, height, title, desc)
    out += _value_axis(plot, ticks)
    out += _month_axis(plot, x_labels)
    if target is not None:
        out += _target_line(plot, target, unit)
    for line in lines:
        out += _line_marks(plot, line)
    out += _line_legend(plot, lines)
    out.append("</svg>")
    return "\n".join(out)


def _value_axis(plot: _LinePlot, ticks: list[float]) -> list[str]:
    out = []
    for t in ticks:
        out.append(
            f'<line x1="{plot.left}" x2="{plot.width - plot.right}" y1="{plot.y(t):.1f}" '
            f'y2="{plot.y(t):.1f}" stroke="#b1b4b6" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{plot.left - 6}" y="{plot.y(t) + 4:.1f}" font-size="12" '
            f'text-anchor="end" fill="{BLACK}">{escape(_tick(t))}</text>'
        )
    return out


def _month_axis(plot: _LinePlot, x_labels: Sequence[str]) -> list[str]:
    out = []
    step = max(1, math.ceil(len(x_labels) / 8))
    for i, label in enumerate(x_labels):
        if (len(x_labels) - 1 - i) % step:  # count back from the latest month, always labelled
            continue
        out.append(
            f'<text x="{plot.x(i):.1f}" y="{plot.height - plot.bottom + 18}" font-size="12" '
            f'text-anchor="middle" fill="{BLACK}">{escape(label)}</text>'
        )
    return out


def _target_line(plot: _LinePlot, target: float, unit: str) -> list[str]:
    y = plot.y(target)
    return [
        f'<line x1="{plot.left}" x2="{plot.width - plot.right}" y1="{y:.1f}" y2="{y:.1f}" '
        f'stroke="{RED}" stroke-width="2" stroke-dasharray="2 3"/>',
        f'<text x="{plot.width - plot.right}" y="{y - 5:.1f}" font-size="12" text-anchor="end" '
        f'fill="{RED}">Target {escape(format_number(target, unit))}</text>',
    ]


def _line_marks(plot: _LinePlot, line: Line) -> list[str]:
    """A polyline per run of months with values; a dot for a month on its own."""
    segments: list[list[str]] = [[]]
    for i, v in enumerate(line.values):
        if v is None:
            segments.append([])
        else:
            segments[-1].append(f"{plot.x(i):.1f},{plot.y(v):.1f}")
    dash = ' stroke-dasharray="6 4"' if line.dashed else ""
    out = []
    for seg in segments:
        if len(seg) > 1:
            out.append(
                f'<polyline fill="none" stroke="{line.colour}" stroke-width="3"{dash} '
                f'points="{" ".join(seg)}"/>'
            )
        elif seg:
            cx, cy = seg[0].split(",")
            out.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="{line.colour}"/>')
    return out


def _line_legend(plot: _LinePlot, lines: Sequence[Line]) -> list[str]:
    """The legend, below the month labels."""
    out = []
    lx = plot.left
    for line in lines:
        dash = ' stroke-dasharray="6 4"' if line.dashed else ""
        out.append(
            f'<line x1="{lx}" x2="{lx + 28}" y1="{plot.height - 18}" y2="{plot.height - 18}" '
            f'stroke="{line.colour}" stroke-width="3"{dash}/>'
        )
        out.append(
            f'<text x="{lx + 34}" y="{plot.height - 14}" font-size="13" '
            f'fill="{BLACK}">{escape(line.label)}</text>'
        )
        lx += 48 + 7 * len(line.label)
    return out


# -- bar chart --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    highlight: bool = False


def bar_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    bars: Sequence[Bar],
    unit: str,
    reference: float | None = None,
    reference_label: str = "",
    target: float | None = None,
    width: int = 640,
) -> str:
    """Horizontal bars (names stay readable), with the county figure as a reference line."""
    left, right, top, row = 190, 80, 28, 30
    height = top + row * max(len(bars), 1) + 36
    plot_w = width - left - right
    values = [b.value for b in bars if b.value is not None]
    values += [v for v in (reference, target) if v is not None]
    ticks = nice_ticks(0, (max(values) if values else 1.0) * 1.05)
    top_value = ticks[-1] or 1.0

    def x(v: float) -> float:
        return left + plot_w * v / top_value

    out = _svg_open(chart_id, width, height, title, desc)
    axis_y = top + row * len(bars)
    for t in ticks:
        out.append(
            f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{top}" y2="{axis_y}" stroke="#b1b4b6"/>'
        )
        out.append(
            f'<text x="{x(t):.1f}" y="{axis_y + 16}" font-size="12" text-anchor="middle" '
            f'fill="{BLACK}">'
            f"{escape(_tick(t))}</text>"
        )
    for i, bar in enumerate(bars):
        y = top + row * i
        weight = ' font-weight="bold"' if bar.highlight else ""
        out.append(
            f'<text x="{left - 8}" y="{y + row / 2 + 4:.1f}" font-size="13" text-anchor="end" '
            f'fill="{BLACK}"{weight}>{escape(bar.label)}</text>'
        )
        if bar.value is None:
            out.append(
                f'<text x="{left + 4}" y="{y + row / 2 + 4:.1f}" font-size="12" fill="{GREY}">No '
                "data</text>"
            )
            continue
        colour = BLUE if bar.highlight or not any(b.highlight for b in bars) else "#5694ca"
        out.append(
            f'<rect x="{left}" y="{y + 5}" width="{max(x(bar.value) - left, 1):.1f}" '
            f'height="{row - 10}" '
            f'fill="{colour}"/>'
        )
        out.append(
            f'<text x="{x(bar.value) + 4:.1f}" y="{y + row / 2 + 4:.1f}" font-size="12" '
            f'fill="{BLACK}">'
            f"{escape(format_number(bar.value, unit, with_unit=False))}</text>"
        )
    for value, label, colour, dash in (
        (reference, reference_label, BLACK, "6 3"),
        (target, "Target", RED, "2 3"),
    ):
        if value is None:
            continue
        out.append(
            f'<line x1="{x(value):.1f}" x2="{x(value):.1f}" y1="{top - 6}" y2="{axis_y}" '
            f'stroke="{colour}" '
            f'stroke-width="2" stroke-dasharray="{dash}"/>'
        )
        anchor = "end" if x(value) > width - right - 60 else "middle"
        out.append(
            f'<text x="{x(value):.1f}" y="{top - 10}" font-size="12" text-anchor="{anchor}" '
            f'fill="{colour}">'
            f"{escape(label)}: {escape(format_number(value, unit, with_unit=False))}</text>"
        )
    out.append("</svg>")
    return "\n".join(out)


# -- LSOA map ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapArea:
    code: str
    name: str
    geometry: dict | None
    value: float | None
    district: str = ""  # the district's name, for its outline and label


@dataclass(frozen=True)
class MapClass:
    colour: str
    low: float
    high: float
    count: int


def quantile_breaks(values: Sequence[float], classes: int = len(MAP_COLOURS)) -> list[float]:
    """Upper bounds of `classes` quantile classes (the last is the maximum)."""
    ordered = sorted(values)
    if not ordered:
        return []
    breaks = []
    for k in range(1, classes + 1):
        position = k / classes * (len(ordered) - 1)
        lower = math.floor(position)
        upper = min(lower + 1, len(ordered) - 1)
        breaks.append(ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower))
    return breaks


def class_of(value: float, breaks: Sequence[float]) -> int:
    for i, bound in enumerate(breaks):
        if value <= bound:
            return i
    return len(breaks) - 1


def _rings(geometry: dict) -> list[list[list[float]]]:
    if not geometry:
        return []
    coords = geometry.get("coordinates") or []
    if geometry.get("type") == "Polygon":
        return list(coords)
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in coords for ring in polygon]
    return []


def _projector(areas: Sequence[MapArea], width: int):
    points = [pt for a in areas for ring in _rings(a.geometry or {}) for pt in ring]
    if not points:
        return None, 0
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
    k = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x = max((max_lon - min_lon) * k, 1e-9)
    span_y = max(max_lat - min_lat, 1e-9)
    margin = 4
    scale = (width - 2 * margin) / span_x

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return margin + (lon - min_lon) * k * scale, margin + (max_lat - lat) * scale

    return xy, int(span_y * scale + 2 * margin)


Point = tuple[float, float]
Edge = tuple[Point, Point]


def district_outlines(
    areas: Sequence[MapArea], width: int = 640
) -> tuple[list[str], list[tuple[str, float, float]]]:
    """Each district's outline (the LSOA edges it does not share with another of its own
    LSOAs) as SVG path data, and where to write its name (the middle of its LSOAs)."""
    xy, _ = _projector(areas, width)
    if xy is None:
        return [], []
    edges: dict[str, dict[Edge, int]] = {}
    centres: dict[str, list[tuple[float, float, float]]] = {}
    for area in areas:
        if not area.district:
            continue
        seen = edges.setdefault(area.district, {})
        for ring in _rings(area.geometry or {}):
            pts = [(round(p[0], 6), round(p[1], 6)) for p in ring]
            _count_edges(pts, seen)
            if len(pts) > 2:
                centres.setdefault(area.district, []).append(_centroid([xy(*p) for p in pts]))
    paths = []
    for seen in edges.values():
        segments = [
            f"M{xy(*a)[0]:.1f} {xy(*a)[1]:.1f}L{xy(*b)[0]:.1f} {xy(*b)[1]:.1f}"
            for (a, b), n in seen.items()
            if n == 1
        ]
        if segments:
            paths.append("".join(segments))
    return paths, [_label(name, parts, width) for name, parts in centres.items()]


def _count_edges(pts: list[Point], seen: dict[Edge, int]) -> None:
    """Count each edge of a ring, either way round: an edge seen once is on the outline."""
    for a, b in zip(pts, pts[1:], strict=False):
        if a != b:
            key = (a, b) if a < b else (b, a)
            seen[key] = seen.get(key, 0) + 1


def _label(
    name: str, parts: list[tuple[float, float, float]], width: int
) -> tuple[str, float, float]:
    """Where a district's name goes: the area-weighted middle of its LSOAs, kept inside."""
    total = sum(w for w, _, _ in parts) or 1.0
    x = sum(w * cx for w, cx, _ in parts) / total
    y = sum(w * cy for w, _, cy in parts) / total
    half = 3.8 * len(name) + 4  # keep the whole name inside the picture
    return (name, min(max(x, half), width - half), y)


def _centroid(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(area, x, y) of a ring by the shoelace formula."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-9:
        return 0.0, points[0][0], points[0][1]
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def project(areas: Sequence[MapArea], width: int = 640) -> tuple[dict[str, str], int]:
    """SVG path data per area: equirectangular with cos(latitude) scaling, north up."""
    xy, height = _projector(areas, width)
    if xy is None:
        return {}, 0
    paths = {}
    for a in areas:
        parts = []
        for ring in _rings(a.geometry or {}):
            points = [xy(lon, lat) for lon, lat, *_ in ring]
            if points:
                parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z")
        if parts:
            paths[a.code] = "".join(parts)
    return paths, height


def map_classes(areas: Sequence[MapArea]) -> tuple[list[float], list[MapClass]]:
    values = [a.value for a in areas if a.value is not None]
    breaks = quantile_breaks(values)
    classes: list[MapClass] = []
    low = min(values) if values else 0.0
    for i, bound in enumerate(breaks):
        count = sum(1 for v in values if class_of(v, breaks) == i)
        classes.append(MapClass(MAP_COLOURS[i], low, bound, count))
        low = bound
    return breaks, classes


def lsoa_map(
    *,
    chart_id: str,
    title: str,
    desc: str,
    areas: Sequence[MapArea],
    unit: str,
    paths: tuple[dict[str, str], int] | None = None,
    width: int = 640,
) -> tuple[str, list[MapClass]]:
    """The shaded map and its legend classes; each LSOA path has a <title> with its name and
    rate."""
    shapes, height = paths if paths is not None else project(areas, width)
    breaks, classes = map_classes(areas)
    legend_h = 24 * (len(classes) + 1) + 8
    total_h = max(height, 1) + legend_h
    out = _svg_open(chart_id, width, total_h, title, desc, css="csphub-map")
    out.append(_NO_DATA_PATTERN)
    out.append('<g stroke="#505a5f" stroke-width="0.4" stroke-linejoin="round">')
    for area in areas:
        d = shapes.get(area.code)
        if not d:
            continue
        if area.value is None:
            fill, text = NO_DATA_COLOUR, "no data"
        else:
            fill, text = MAP_COLOURS[class_of(area.value, breaks)], format_number(area.value, unit)
        out.append(
            f'<path d="{d}" fill="{fill}" data-code="{escape(area.code)}">'
            f"<title>{escape(area.name)} ({escape(area.code)}): {escape(text)}</title></path>"
        )
    out.append("</g>")
    outlines, labels = district_outlines(areas, width)
    if len(labels) > 1:  # one district's own map needs no outline of itself
        out.append(
            '<g class="csphub-map__districts" fill="none" stroke="#0b0c0c" stroke-width="2" '
            'stroke-linecap="round" pointer-events="none">'
        )
        out += [f'<path d="{d}"/>' for d in outlines]
        out.append("</g>")
        out.append(
            '<g class="csphub-map__names" font-size="13" font-weight="bold" text-anchor="middle" '
            f'fill="{BLACK}" stroke="#ffffff" stroke-width="3" paint-order="stroke" '
            'pointer-events="none">'
        )
        out += [
            f'<text x="{x:.1f}" y="{y:.1f}">{escape(name)}</text>' for name, x, y in sorted(labels)
        ]
        out.append("</g>")
    y = height + 12
    for c in classes:
        out.append(
            f'<rect x="8" y="{y}" width="28" height="16" fill="{c.colour}" stroke="#505a5f"/>'
        )
        out.append(
            f'<text x="44" y="{y + 13}" font-size="13" fill="{BLACK}">'
            f"{escape(format_number(c.low, unit, with_unit=False))} to "
            f"{escape(format_number(c.high, unit, with_unit=False))} ({c.count} LSOAs)</text>"
        )
        y += 24
    out.append(
        f'<rect x="8" y="{y}" width="28" height="16" fill="{NO_DATA_COLOUR}" stroke="#505a5f"/>'
    )
    out.append(f'<text x="44" y="{y + 13}" font-size="13" fill="{BLACK}">No data</text>')
    out.append("</svg>")
    return "\n".join(out), classes
