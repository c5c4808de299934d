"""The LSOA map can be read: "no data" is hatched (not the scale's lightest colour), districts
are outlined and named, and the trend chart's last month label fits inside the picture."""

from csphub.performance.charts import svg as charts


def square(x, y, size=1.0):
    return {
        "type": "Polygon",
        "coordinates": [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
    }


AREAS = [
    charts.MapArea("A1", "A one", square(0, 52), 10.0, "Blaby"),
    charts.MapArea("A2", "A two", square(1, 52), 20.0, "Blaby"),
    charts.MapArea("B1", "B one", square(2, 52), None, "Melton"),
]


def svg():
    out, _ = charts.lsoa_map(chart_id="m", title="t", desc="d", areas=AREAS, unit="rate_per_1000")
    return out


def test_no_data_is_hatched_and_never_a_colour_of_the_scale():
    out = svg()
    assert charts.NO_DATA_COLOUR not in charts.MAP_COLOURS
    assert 'data-code="B1"' in out and 'fill="url(#csphub-no-data)" data-code="B1"' in out
    assert '<pattern id="csphub-no-data"' in out


def test_each_district_is_outlined_once_without_its_inner_lsoa_edges_and_named():
    outlines, labels = charts.district_outlines(AREAS)
    assert sorted(name for name, *_ in labels) == ["Blaby", "Melton"]
    blaby = next(
        d for d in outlines if d.count("M") == 6
    )  # two squares: 8 edges less the shared one, twice
    assert blaby
    out = svg()
    assert ">Blaby</text>" in out and ">Melton</text>" in out


def test_the_latest_month_label_fits_inside_the_trend_chart():
    out = charts.line_chart(
        chart_id="c",
        title="t",
        desc="d",
        x_labels=["Sep 2022", "Oct 2022"],
        lines=[charts.Line("x", [1.0, 2.0])],
        unit="rate_per_1000",
        width=640,
    )
    last = out.split(">Oct 2022</text>")[0].rsplit('<text x="', 1)[1]
    x = float(last.split('"')[0])
    assert x + 4 * len("Oct 2022") <= 640  # half of a label of about 8 px a character
