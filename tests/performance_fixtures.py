"""Small hand-checkable inputs for the KPI engine (plain Python, no database)."""

from __future__ import annotations

import polars as pl

from csphub.performance.kpi import engine
from csphub.performance.kpi.definitions import board_kpis

COUNTY = "E10000018"
NORTH, SOUTH = "E07000901", "E07000902"
# Two districts; NORTH has two LSOAs, SOUTH one. OUTSIDE lies in no district of the county.
LSOAS = [
    ("E01000001", "North 001A", NORTH),
    ("E01000002", "North 001B", NORTH),
    ("E01000003", "South 001A", SOUTH),
]
OUTSIDE = "E01999999"


def geography() -> engine.Geography:
    return engine.Geography(
        county_code=COUNTY,
        county_name="Shire",
        districts={NORTH: "North", SOUTH: "South"},
        lsoas=pl.DataFrame(
            LSOAS,
            schema={"lsoa_code": pl.String, "lsoa_name": pl.String, "district_code": pl.String},
            orient="row",
        ),
    )


def m(label: str) -> int:
    return engine.month_index(label)


def counts(rows: list[tuple[str, str, str, int]]) -> pl.DataFrame:
    """(YYYY-MM, lsoa, category, count) rows -> the engine's police_counts frame."""
    return pl.DataFrame(
        [(m(month), lsoa, category, n) for month, lsoa, category, n in rows],
        schema={
            "month": pl.Int32,
            "lsoa_code": pl.String,
            "category": pl.String,
            "count": pl.Int64,
        },
        orient="row",
    )


def population(rows: list[tuple[int, str, int]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={"year": pl.Int32, "lsoa_code": pl.String, "population": pl.Int64},
        orient="row",
    )


def months_between(first: str, last: str) -> set[int]:
    return set(range(m(first), m(last) + 1))


def inputs(*, police_counts, police_months, population_rows, indicators=None) -> engine.Inputs:
    return engine.Inputs(
        geography=geography(),
        kpis=board_kpis(),
        police_counts=police_counts,
        police_months=police_months,
        population=population(population_rows),
        indicators=indicators if indicators is not None else engine.empty_indicators(),
    )


def indicators(rows: list[dict]) -> pl.DataFrame:
    base = {c: None for c in engine.empty_indicators().columns}
    return pl.DataFrame(
        [{**base, **row, "period": m(row["period"])} for row in rows],
        schema=engine.empty_indicators().schema,
    )


def result(frame: pl.DataFrame, kpi: str, area_code: str, period: str) -> dict:
    rows = frame.filter(
        (pl.col("kpi") == kpi)
        & (pl.col("area_code") == area_code)
        & (pl.col("period") == m(period))
    ).to_dicts()
    assert len(rows) == 1, f"expected one row for {kpi} {area_code} {period}, got {len(rows)}"
    return rows[0]
