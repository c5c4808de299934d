"""The server-rendered charts: figures in the board's units, quantile map classes, the map
projection, gaps for missing months, and names escaped."""

from csphub.performance.charts import numbers
from csphub.performance.charts import svg as charts


def test_figures_are_formatted_in_the_kpis_unit():
    assert numbers.format_number(70.2, "rate_per_1000") == "70.20 per 1,000"
    assert numbers.format_number(63.6, "percentage") == "63.6%"
    assert numbers.format_number(84.0, "count") == "84"
    assert numbers.format_number(1234.0, "count") == "1,234"
    assert numbers.format_number(None, "count") == "No data"
    assert numbers.format_change(17.44) == "+17.4%" and numbers.format_change(-3.35) == "-3.4%"


def test_quantile_breaks_split_the_values_into_five_classes():
    values = list(range(1, 11))
    breaks = charts.quantile_breaks(values)
    assert len(breaks) == 5 and breaks[-1] == 10
    assert [charts.class_of(v, breaks) for v in values] == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]


def test_the_projection_keeps_north_up_and_scales_longitude_by_latitude():
    square = {
        "type": "Polygon",
        "coordinates": [[[-1.0, 52.0], [0.0, 52.0], [0.0, 53.0], [-1.0, 53.0]]],
    }
    paths, height = charts.project([charts.MapArea("E01000001", "A", square, 1.0)], width=608)
    # One degree of longitude at 52.5°N is cos(52.5°) of a degree of latitude: taller than wide.
    assert 600 / 0.6087 - 10 < height < 600 / 0.6087 + 10
    assert paths["E01000001"].startswith("M4.0 ") and paths["E01000001"].endswith("Z")


def test_multipolygons_draw_every_ring():
    shape = {
        "type": "MultiPolygon",
        "coordinates": [[[[0, 0], [1, 0], [1, 1]]], [[[2, 2], [3, 2], [3, 3]]]],
    }
    paths, _ = charts.project([charts.MapArea("E01000001", "A", shape, 1.0)])
    assert paths["E01000001"].count("M") == 2


def test_map_paths_carry_a_title_with_name_and_rate_and_names_are_escaped():
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}
    svg, classes = charts.lsoa_map(
        chart_id="m",
        title="Map <x>",
        desc="d",
        unit="rate_per_1000",
        areas=[
            charts.MapArea("E01000001", "Ash & <Oak>", square, 12.5),
            charts.MapArea("E01000002", "Elm", square, None),
        ],
    )
    assert "<title>Ash &amp; &lt;Oak&gt; (E01000001): 12.50 per 1,000</title>" in svg
    assert "<title>Elm (E01000002): no data</title>" in svg
    assert '<title id="m-title">Map &lt;x&gt;</title>' in svg
    assert len(classes) == 5


def test_a_missing_month_is_a_gap_in_the_line_not_a_zero():
    svg = charts.line_chart(
        chart_id="t",
        title="t",
        desc="d",
        x_labels=["a", "b", "c", "d", "e"],
        unit="count",
        lines=[charts.Line("x", [1, 2, None, 4, 5])],
    )
    assert svg.count("<polyline") == 2


def test_the_bar_chart_draws_the_county_reference_line_and_the_target():
    svg = charts.bar_chart(
        chart_id="b",
        title="t",
        desc="d",
        unit="percentage",
        reference=37.0,
        reference_label="Leicestershire",
        target=40.0,
        bars=[charts.Bar("Blaby", 30.0), charts.Bar("Melton", None)],
    )
    assert "Leicestershire: 37.0" in svg and "Target: 40.0" in svg
    assert "No data" in svg and svg.count("<rect") == 1


def test_a_change_in_a_percentage_of_people_is_given_in_points_as_in_the_paper():
    assert numbers.format_change(4.4, unit="percentage", now=70.6, before=67.6) == "+3.0 pts"
    assert numbers.format_change(4.4, unit="rate_per_1000", now=7.0, before=6.7) == "+4.4%"
