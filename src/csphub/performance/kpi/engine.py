"""The KPI engine: monthly counts and indicator figures in, every KPI x area x month out.

Plain Python on polars (no Django), so the importer, the `kpi-compute` service, the
benchmark and the tests run the same code. The rules (rolling windows, population years,
missing months, significance) are written up in docs/kpi-methods.md.

Months are handled as integers (year * 12 + month - 1) so window arithmetic is exact; the
output carries `period_end` as the first day of the window's last month.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from .definitions import Kpi, KpiSet
from .stats import ALPHA, poisson_rate_ratio_p, two_proportions_p

WINDOW = 12
COUNTY = "county"
DISTRICT = "district"
LSOA = "lsoa"
AREA_TYPES = (COUNTY, DISTRICT, LSOA)

RESULT_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "kpi": pl.String,
    "area_type": pl.String,
    "area_code": pl.String,
    "area_name": pl.String,
    "district_code": pl.String,
    "period": pl.Int32,
    "count_12m": pl.Float64,
    "count_prev_12m": pl.Float64,
    "count_3m": pl.Float64,
    "population": pl.Float64,
    "population_prev": pl.Float64,
    "population_year": pl.Int32,
    "rate_per_1000": pl.Float64,
    "rate_prev_per_1000": pl.Float64,
    "value": pl.Float64,
    "value_prev": pl.Float64,
    "base": pl.Float64,
    "base_prev": pl.Float64,
    "change_pct": pl.Float64,
    "direction": pl.String,
    "p_value": pl.Float64,
    "significant": pl.Boolean,
    "assessment": pl.String,
    "note": pl.String,
    "regional_average": pl.Float64,
    "msf_rank": pl.Int32,
    "msf_size": pl.Int32,
    "rank": pl.Int32,
    "rank_of": pl.Int32,
}


def month_index(value: dt.date | str) -> int:
    """2022-10 (a date or 'YYYY-MM') -> 24273."""
    if isinstance(value, str):
        year, month = value[:7].split("-")
        return int(year) * 12 + int(month) - 1
    return value.year * 12 + value.month - 1


def month_date(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def month_label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def population_year_for(period: int) -> int:
    """The mid-year estimate nearest the middle of the 12 months ending `period`."""
    return (period - 6) // 12


@dataclass(frozen=True)
class Geography:
    """The partnership's areas: a county made of districts made of LSOAs."""

    county_code: str
    county_name: str
    districts: dict[str, str]  # code -> name, the county's districts only
    lsoas: pl.DataFrame  # lsoa_code, lsoa_name, district_code (only LSOAs in `districts`)

    def area_names(self) -> pl.DataFrame:
        return pl.concat(
            [
                pl.DataFrame(
                    {
                        "area_type": [COUNTY],
                        "area_code": [self.county_code],
                        "area_name": [self.county_name],
                        "district_code": [None],
                    },
                    schema={
                        "area_type": pl.String,
                        "area_code": pl.String,
                        "area_name": pl.String,
                        "district_code": pl.String,
                    },
                ),
                pl.DataFrame(
                    {
                        "area_type": [DISTRICT] * len(self.districts),
                        "area_code": list(self.districts),
                        "area_name": list(self.districts.values()),
                        "district_code": list(self.districts),
                    },
                    schema={
                        "area_type": pl.String,
                        "area_code": pl.String,
                        "area_name": pl.String,
                        "district_code": pl.String,
                    },
                ),
                self.lsoas.select(
                    pl.lit(LSOA).alias("area_type"),
                    pl.col("lsoa_code").alias("area_code"),
                    pl.col("lsoa_name").alias("area_name"),
                    pl.col("district_code"),
                ).cast(pl.String),
            ]
        )


@dataclass
class Inputs:
    geography: Geography
    kpis: KpiSet
    # police records aggregated: month (int index), lsoa_code, category, count
    police_counts: pl.DataFrame
    # months whose police data has been imported (a month absent here is missing, not zero)
    police_months: set[int]
    # mid-year population by LSOA: year, lsoa_code, population
    population: pl.DataFrame
    # figures that arrive as figures: kpi, area_code, period (int), value, numerator, base,
    # regional_average, msf_rank, msf_size
    indicators: pl.DataFrame = field(default_factory=lambda: empty_indicators())


def empty_indicators() -> pl.DataFrame:
    return pl.DataFrame(
        schema={
            "kpi": pl.String,
            "area_code": pl.String,
            "period": pl.Int32,
            "value": pl.Float64,
            "numerator": pl.Float64,
            "base": pl.Float64,
            "regional_average": pl.Float64,
            "msf_rank": pl.Int32,
            "msf_size": pl.Int32,
        }
    )


def missing_months_note(period: int, present: set[int]) -> str:
    missing = [m for m in range(period - WINDOW + 1, period + 1) if m not in present]
    if not missing:
        return ""
    if len(missing) > 3:
        return (
            f"No police data for {len(missing)} of the 12 months "
            f"({month_label(missing[0])} to {month_label(missing[-1])})"
        )
    return "No police data for " + ", ".join(month_label(m) for m in missing)


def compute(inputs: Inputs, periods: Iterable[int] | None = None) -> pl.DataFrame:
    """Every KPI for every area and period; `periods` limits the output (not the windows)."""
    area_pop = _area_population(inputs)
    frames = [_police(inputs, area_pop), _indicators(inputs, area_pop)]
    results = (
        pl.concat([f for f in frames if f.height], how="diagonal_relaxed")
        if any(f.height for f in frames)
        else pl.DataFrame(schema=RESULT_SCHEMA)
    )
    if periods is not None:
        results = results.filter(pl.col("period").is_in(list(periods)))
    results = _with_comparators(results, inputs)
    results = _with_assessment(results, inputs.kpis)
    results = _with_district_ranks(results, inputs.kpis)
    return results.select(
        [
            (pl.col(c) if c in results.columns else pl.lit(None)).cast(t).alias(c)
            for c, t in RESULT_SCHEMA.items()
        ]
    ).sort(["kpi", "period", "area_type", "area_code"])


# -- police records ---------------------------------------------------------------------------


def _area_population(inputs: Inputs) -> pl.DataFrame:
    """year, area_type, area_code, population for every LSOA, district and the county."""
    pop = inputs.population.join(
        inputs.geography.lsoas.select("lsoa_code", "district_code"), on="lsoa_code", how="inner"
    )
    lsoa = pop.select(
        "year",
        pl.lit(LSOA).alias("area_type"),
        pl.col("lsoa_code").alias("area_code"),
        pl.col("population").cast(pl.Float64),
    )
    district = (
        pop.group_by("year", "district_code")
        .agg(pl.col("population").sum().cast(pl.Float64))
        .select(
            "year",
            pl.lit(DISTRICT).alias("area_type"),
            pl.col("district_code").alias("area_code"),
            "population",
        )
    )
    county = (
        pop.group_by("year")
        .agg(pl.col("population").sum().cast(pl.Float64))
        .select(
            "year",
            pl.lit(COUNTY).alias("area_type"),
            pl.lit(inputs.geography.county_code).alias("area_code"),
            "population",
        )
    )
    return pl.concat([lsoa, district, county]).with_columns(pl.col("year").cast(pl.Int32))


def _population_years(periods: list[int], available: list[int]) -> pl.DataFrame:
    """For each period, the population year used for it and for the window before it."""

    def choose(period: int) -> int | None:
        wanted = population_year_for(period)
        if not available:
            return None
        if wanted in available:
            return wanted
        earlier = [y for y in available if y < wanted]
        return max(earlier) if earlier else min(available)

    return pl.DataFrame(
        {
            "period": periods,
            "population_year": [choose(p) for p in periods],
            "population_year_prev": [choose(p - WINDOW) for p in periods],
        },
        schema={"period": pl.Int32, "population_year": pl.Int32, "population_year_prev": pl.Int32},
    )


def _with_population(frame: pl.DataFrame, area_pop: pl.DataFrame) -> pl.DataFrame:
    periods = frame.get_column("period").unique().to_list()
    years = sorted(area_pop.get_column("year").unique().to_list())
    frame = frame.join(_population_years(periods, years), on="period", how="left")
    frame = frame.join(
        area_pop.rename({"year": "population_year"}),
        on=["population_year", "area_type", "area_code"],
        how="left",
    )
    prev = area_pop.rename({"year": "population_year_prev", "population": "population_prev"})
    return frame.join(prev, on=["population_year_prev", "area_type", "area_code"], how="left").drop(
        "population_year_prev"
    )


def _police(inputs: Inputs, area_pop: pl.DataFrame) -> pl.DataFrame:
    kpis = inputs.kpis.by_source("police")
    counts = inputs.police_counts
    if not kpis or not inputs.police_months:
        return pl.DataFrame(schema=RESULT_SCHEMA)
    geography = inputs.geography
    first, last = min(inputs.police_months), max(inputs.police_months)
    span = last - first + 1
    if span < WINDOW:
        return pl.DataFrame(schema=RESULT_SCHEMA)
    # Counts go into a dense cube (KPI x area x month) indexed by integers in the order of
    # Geography.area_names(): the county, its districts, then the LSOAs. Rolling sums are
    # differences of cumulative sums along months.
    lsoa_index = (
        geography.lsoas.select("lsoa_code", "district_code")
        .with_row_index("li")
        .join(
            pl.DataFrame({"district_code": list(geography.districts)}).with_row_index("di"),
            on="district_code",
            how="inner",
        )
    )
    n_lsoa, n_district = geography.lsoas.height, len(geography.districts)
    n_area = n_lsoa + n_district + 1
    category_map = pl.DataFrame(
        {
            "ki": [i for i, k in enumerate(kpis) for _ in k.categories],
            "category": [c for k in kpis for c in k.categories],
        },
        schema={"ki": pl.Int64, "category": pl.String},
    )
    cells = (
        counts.lazy()
        .filter(pl.col("month").is_between(first, last))
        .join(category_map.lazy(), on="category", how="inner")
        .join(lsoa_index.lazy(), on="lsoa_code", how="inner")
        .select(
            pl.col("ki").cast(pl.Int64),
            pl.col("li").cast(pl.Int64),
            pl.col("di").cast(pl.Int64),
            (pl.col("month") - first).cast(pl.Int64).alias("mi"),
            pl.col("count").cast(pl.Float64),
        )
        .collect()
    )
    ki, li, di, mi, weights = (
        cells.get_column(c).to_numpy() for c in ("ki", "li", "di", "mi", "count")
    )
    size = len(kpis) * n_area * span
    cube = np.zeros(size)
    for area in (np.zeros_like(li), 1 + di, 1 + n_district + li):
        cube += np.bincount((ki * n_area + area) * span + mi, weights=weights, minlength=size)
    cumulative = np.concatenate(
        [np.zeros((len(kpis) * n_area, 1)), cube.reshape(-1, span).cumsum(axis=1)], axis=1
    )
    t = np.arange(WINDOW - 1, span)
    count_12m = cumulative[:, t + 1] - cumulative[:, t + 1 - WINDOW]
    count_3m = cumulative[:, t + 1] - cumulative[:, t - 2]
    prev = np.full_like(count_12m, np.nan)
    prev[:, WINDOW:] = count_12m[:, :-WINDOW]
    rows = np.arange(len(kpis) * n_area)
    area_order = (
        geography.area_names().with_row_index("ai").with_columns(pl.col("ai").cast(pl.Int64))
    )
    grid = (
        pl.DataFrame(
            {
                "ki": np.repeat(rows // n_area, len(t)),
                "ai": np.repeat(rows % n_area, len(t)),
                "period": np.tile(t + first, len(rows)).astype(np.int32),
                "count_12m": count_12m.ravel(),
                "count_3m": count_3m.ravel(),
                "count_prev_12m": prev.ravel(),
            }
        )
        .with_columns(pl.col("count_prev_12m").fill_nan(None))
        .join(
            pl.DataFrame(
                {"ki": list(range(len(kpis))), "kpi": [k.id for k in kpis]},
                schema={"ki": pl.Int64, "kpi": pl.String},
            ),
            on="ki",
            how="left",
        )
        .join(area_order, on="ai", how="inner")
        .drop("ki", "ai")
    )
    # A window that includes a month never imported has no honest total: blank it and say why.
    periods = grid.get_column("period").unique().sort().to_list()
    coverage = pl.DataFrame(
        {
            "period": periods,
            "note": [missing_months_note(p, inputs.police_months) for p in periods],
            "note_prev": [
                missing_months_note(p - WINDOW, inputs.police_months)
                if p - WINDOW >= first
                else "No police data for the previous 12 months"
                for p in periods
            ],
            "quarter_ok": [
                all(m in inputs.police_months for m in range(p - 2, p + 1)) for p in periods
            ],
        },
        schema={
            "period": pl.Int32,
            "note": pl.String,
            "note_prev": pl.String,
            "quarter_ok": pl.Boolean,
        },
    )
    grid = (
        grid.join(coverage, on="period", how="left")
        .with_columns(
            pl.when(pl.col("note") == "")
            .then(pl.col("count_12m"))
            .otherwise(None)
            .cast(pl.Float64)
            .alias("count_12m"),
            pl.when(pl.col("note_prev") == "")
            .then(pl.col("count_prev_12m"))
            .otherwise(None)
            .cast(pl.Float64)
            .alias("count_prev_12m"),
            pl.when(pl.col("quarter_ok"))
            .then(pl.col("count_3m"))
            .otherwise(None)
            .cast(pl.Float64)
            .alias("count_3m"),
            pl.when(pl.col("note") != "")
            .then(pl.col("note"))
            .when(pl.col("note_prev") != "")
            .then(pl.lit("Previous 12 months: ") + pl.col("note_prev"))
            .otherwise(None)
            .alias("note"),
        )
        .drop("note_prev", "quarter_ok")
    )
    grid = _with_population(grid, area_pop)
    grid = grid.with_columns(
        (pl.col("count_12m") / pl.col("population") * 1000).alias("rate_per_1000"),
        (pl.col("count_prev_12m") / pl.col("population_prev") * 1000).alias("rate_prev_per_1000"),
    ).with_columns(
        pl.col("rate_per_1000").alias("value"), pl.col("rate_prev_per_1000").alias("value_prev")
    )
    p = poisson_rate_ratio_p(
        grid.get_column("count_12m").fill_null(np.nan).to_numpy(),
        grid.get_column("count_prev_12m").fill_null(np.nan).to_numpy(),
        grid.get_column("population").fill_null(np.nan).to_numpy(),
        grid.get_column("population_prev").fill_null(np.nan).to_numpy(),
    )
    grid = grid.with_columns(pl.Series("p_value", p).fill_nan(None))
    return grid


# -- indicator figures ------------------------------------------------------------------------


def _indicators(inputs: Inputs, area_pop: pl.DataFrame) -> pl.DataFrame:
    kpis = {k.id: k for k in inputs.kpis.by_source("indicators")}
    rows = inputs.indicators.filter(pl.col("kpi").is_in(list(kpis)) & pl.col("value").is_not_null())
    if not rows.height:
        return pl.DataFrame(schema=RESULT_SCHEMA)
    names = inputs.geography.area_names()
    rows = rows.join(names, on="area_code", how="inner")
    prev = rows.select(
        "kpi",
        "area_code",
        (pl.col("period") + WINDOW).alias("period"),
        pl.col("value").alias("value_prev_raw"),
        pl.col("numerator").alias("numerator_prev"),
        pl.col("base").alias("base_prev"),
    )
    frame = rows.join(prev, on=["kpi", "area_code", "period"], how="left")
    frame = _with_population(frame, area_pop)
    out: list[dict] = []
    for row in frame.iter_rows(named=True):
        kpi: Kpi = kpis[row["kpi"]]
        record = {
            key: row.get(key)
            for key in (
                "kpi",
                "area_type",
                "area_code",
                "area_name",
                "district_code",
                "period",
                "population",
                "population_prev",
                "population_year",
                "base",
                "base_prev",
            )
        }
        value, value_prev = row["value"], row["value_prev_raw"]
        note = (
            None
            if value_prev is not None
            else f"No figure for the 12 months to {month_label(row['period'] - WINDOW)}"
        )
        if kpi.is_percentage:
            numerator = (
                row["numerator"]
                if row["numerator"] is not None
                else (value * row["base"] / 100 if row["base"] else None)
            )
            numerator_prev = (
                row["numerator_prev"]
                if row["numerator_prev"] is not None
                else (
                    value_prev * row["base_prev"] / 100
                    if value_prev is not None and row["base_prev"]
                    else None
                )
            )
            record.update(
                count_12m=numerator,
                count_prev_12m=numerator_prev,
                value=value,
                value_prev=value_prev,
            )
            p = (
                two_proportions_p(numerator, row["base"], numerator_prev, row["base_prev"])
                if (numerator is not None and numerator_prev is not None)
                else math.nan
            )
        else:
            record.update(count_12m=value, count_prev_12m=value_prev)
            population, population_prev = row["population"], row["population_prev"]
            if kpi.is_rate:
                rate = value * 1000 / population if population else None
                rate_prev = (
                    value_prev * 1000 / population_prev
                    if value_prev is not None and population_prev
                    else None
                )
                record.update(
                    rate_per_1000=rate,
                    rate_prev_per_1000=rate_prev,
                    value=rate,
                    value_prev=rate_prev,
                )
                if population is None:
                    note = "No population figure for this area"
            else:
                record.update(value=value, value_prev=value_prev)
            exposure = (population or 1.0, population_prev or 1.0) if kpi.is_rate else (1.0, 1.0)
            p = (
                float(
                    poisson_rate_ratio_p(
                        value, np.nan if value_prev is None else value_prev, *exposure
                    )
                )
                if value_prev is not None
                and not (kpi.is_rate and (not population or not population_prev))
                else math.nan
            )
        record["p_value"] = None if math.isnan(p) else p
        record["note"] = note
        out.append(record)
    return pl.DataFrame(out, schema={k: RESULT_SCHEMA[k] for k in out[0]}, strict=False)


# -- comparators, assessment and ranks --------------------------------------------------------


def _with_comparators(results: pl.DataFrame, inputs: Inputs) -> pl.DataFrame:
    comparators = (
        inputs.indicators.filter(
            pl.col("regional_average").is_not_null() | pl.col("msf_rank").is_not_null()
        )
        .select("kpi", "area_code", "period", "regional_average", "msf_rank", "msf_size")
        .unique(subset=["kpi", "area_code", "period"], keep="last")
    )
    results = results.drop(
        [c for c in ("regional_average", "msf_rank", "msf_size") if c in results.columns]
    )
    return results.with_columns(pl.col("period").cast(pl.Int32)).join(
        comparators.with_columns(pl.col("period").cast(pl.Int32)),
        on=["kpi", "area_code", "period"],
        how="left",
    )


def _with_assessment(results: pl.DataFrame, kpis: KpiSet) -> pl.DataFrame:
    good = pl.DataFrame({"kpi": [k.id for k in kpis.kpis], "good": [k.good for k in kpis.kpis]})
    results = results.join(good, on="kpi", how="left")
    change = (pl.col("value") - pl.col("value_prev")) / pl.col("value_prev") * 100
    return (
        results.with_columns(
            pl.when(pl.col("value_prev") > 0).then(change).otherwise(None).alias("change_pct"),
            pl.when(pl.col("value").is_null() | pl.col("value_prev").is_null())
            .then(None)
            .when(pl.col("value") > pl.col("value_prev"))
            .then(pl.lit("up"))
            .when(pl.col("value") < pl.col("value_prev"))
            .then(pl.lit("down"))
            .otherwise(pl.lit("no change"))
            .alias("direction"),
            pl.when(pl.col("p_value").is_null())
            .then(None)
            .otherwise(pl.col("p_value") < ALPHA)
            .alias("significant"),
        )
        .with_columns(
            pl.when(pl.col("significant").is_null())
            .then(None)
            .when(~pl.col("significant") | (pl.col("direction") == "no change"))
            .then(pl.lit("no significant change"))
            .when(pl.col("direction") == pl.col("good"))
            .then(pl.lit("better"))
            .otherwise(pl.lit("worse"))
            .alias("assessment"),
        )
        .drop("good")
    )


def _with_district_ranks(results: pl.DataFrame, kpis: KpiSet) -> pl.DataFrame:
    """Districts ranked 1 = best (lowest rate where down is good) within each KPI and period."""
    good = pl.DataFrame(
        {"kpi": [k.id for k in kpis.kpis], "good_up": [k.good == "up" for k in kpis.kpis]}
    )
    districts = (
        results.filter((pl.col("area_type") == DISTRICT) & pl.col("value").is_not_null())
        .join(good, on="kpi")
        .with_columns(
            pl.when(pl.col("good_up"))
            .then(-pl.col("value"))
            .otherwise(pl.col("value"))
            .alias("_key")
        )
    )
    ranked = districts.with_columns(
        pl.col("_key").rank("min").over("kpi", "period").cast(pl.Int32).alias("rank"),
        pl.len().over("kpi", "period").cast(pl.Int32).alias("rank_of"),
    ).select("kpi", "area_type", "area_code", "period", "rank", "rank_of")
    results = results.drop([c for c in ("rank", "rank_of") if c in results.columns])
    return results.join(ranked, on=["kpi", "area_type", "area_code", "period"], how="left")
