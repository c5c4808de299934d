"""One ASB count: link the police's ASB incidents to the case system's, so that an incident
reported to both is counted once.

A case incident that carries a police incident number the police hold is that incident: no
model is asked. The rest are linked by Splink (a Fellegi-Sunter model) over when each was
reported, how far apart, postcode, category and description, trained without labels:
u from random pairs, m by expectation maximisation on two blockings that each leave the
other's comparisons free. Every incident is linked at most once (one-to-one, best first).

Plain Python on DuckDB (or Spark, by passing a SparkAPI): no Django here, so the benchmark and
a force-wide run use exactly this."""

from __future__ import annotations

import json
import logging
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import polars as pl
import pyarrow as pa
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import ColumnExpression, DuckDBAPI, Linker, SettingsCreator, block_on

THRESHOLD = 0.8  # linked at or above (benchmarks/asb_linkage.py: the best balance of P and R)
FLOOR = 0.05  # pairs below are not kept at all
UNCERTAIN = (0.2, 0.9)  # pairs an analyst should look at
PRIOR = 1e-6  # before training: about one pair in a million matches
# Below this many incidents on either side there is too little to learn from: the shipped
# model (trained the same way, without labels, on benchmarks/asb_linkage.py's synthetic
# county) is used instead.
MIN_TO_TRAIN = 1000
SHIPPED_MODEL = Path(__file__).with_name("shipped_model.json")
# With the shipped model, the prior is set for the data in hand: about this share of case
# incidents is assumed to be held by the police too.
SHIPPED_OVERLAP = 0.3

INPUT_COLUMNS = (
    "unique_id",
    "reported_at",
    "latitude",
    "longitude",
    "postcode",
    "category",
    "description",
)
CASE_INPUT_COLUMNS = (*INPUT_COLUMNS, "police_incident_number")

# Predictions: candidate pairs reported within about a week of each other in one postcode
# sector or one ~1 km cell of the map (and the same cells shifted by half, so that a pair
# across an edge is not lost). Each rule is small; together they miss few true pairs.
# Words that say nothing about what happened: grammar, street types, how a call is logged.
STOPWORDS = frozenset(
    """a an and the of on in at to by for from with near outside behind is are was were has
    have had been be it its this that there their they them he she his her him we our you your
    i me my not no yes but or as so very just again also who what when where which while
    road rd street st lane ln avenue ave close drive way place court crescent
    caller reports reported report resident residents says said states stated advised
    """.split()
)

PREDICTION_BLOCKS = (
    ("postcode_sector", "reported_date"),
    ("grid", "reported_date"),
    ("grid2", "reported_date"),
    ("postcode_sector", "reported_week"),
    ("postcode_sector", "reported_week2"),
    ("grid", "reported_week"),
    ("grid2", "reported_week2"),
)


@dataclass
class Linkage:
    pairs: pl.DataFrame  # police_id, case_id, match_probability, match_weight, exact
    uncertain: pl.DataFrame  # as pairs, plus linked (bool), for an analyst to review
    parameters: list[dict[str, Any]]
    prior: float
    police_count: int
    case_count: int
    candidates: pl.DataFrame  # the model's one-to-one pairs above FLOOR, linked or not
    model: dict | None = None  # Splink's JSON of the model used: to run it elsewhere
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def linked(self) -> int:
        return self.pairs.height

    @property
    def exact(self) -> int:
        return int(self.pairs["exact"].sum()) if self.pairs.height else 0

    @property
    def combined(self) -> int:
        """Distinct incidents: each linked pair is one incident, not two."""
        return self.police_count + self.case_count - self.linked


def prepare(frame: pl.DataFrame) -> pl.DataFrame:
    """The columns the blocking rules read, made once from the inputs (same on any backend)."""
    reported = pl.col("reported_at")
    lat, lon = pl.col("latitude"), pl.col("longitude")
    placed = lat.is_not_null() & lon.is_not_null() & lat.is_not_nan() & lon.is_not_nan()

    def cell(shift: float) -> pl.Expr:
        return pl.when(placed).then(
            pl.concat_str(
                [
                    (lat * 100 + shift).round(0).cast(pl.Int32).cast(pl.Utf8),
                    (lon * 100 + shift).round(0).cast(pl.Int32).cast(pl.Utf8),
                ],
                separator="_",
            )
        )

    words = (
        pl.col("description")
        .str.to_lowercase()
        .str.extract_all(r"[a-z]{3,}")
        .list.eval(pl.element().filter(~pl.element().is_in(list(STOPWORDS))))
        .list.unique()
        .list.sort()
    )
    postcode = pl.col("postcode").str.to_uppercase().str.strip_chars()
    postcode = pl.when(postcode == "").then(None).otherwise(postcode)
    return frame.with_columns(
        pl.col("unique_id").cast(pl.Utf8),
        pl.when(placed).then(lat).alias("latitude"),
        pl.when(placed).then(lon).alias("longitude"),
        postcode.alias("postcode"),
        postcode.str.slice(0, postcode.str.len_chars() - 2).alias("postcode_sector"),
        pl.when(pl.col("category") == "")
        .then(None)
        .otherwise(pl.col("category"))
        .alias("category"),
        pl.when(words.list.len() > 0).then(words).alias("description_words"),
        reported.dt.date().alias("reported_date"),
        reported.dt.strftime("%G-%V").alias("reported_week"),
        (reported + pl.duration(hours=84)).dt.strftime("%G-%V").alias("reported_week2"),
        cell(0.0).alias("grid"),
        cell(0.5).alias("grid2"),
    )


def _within(threshold: int, metric: Literal["hour", "day"]) -> cll.AbsoluteTimeDifferenceLevel:
    return cll.AbsoluteTimeDifferenceLevel(
        "reported_at", input_is_string=False, threshold=threshold, metric=metric
    )


def _comparisons() -> list:
    # Reported times: there is never an exact level (times are to the second).
    when = cl.CustomComparison(
        output_column_name="reported_at",
        comparison_description="time between the reports",
        comparison_levels=[
            cll.NullLevel("reported_at"),
            _within(1, "hour"),
            _within(6, "hour"),
            _within(1, "day"),
            _within(3, "day"),
            cll.ElseLevel(),
        ],
    )
    # Where: one comparison of coordinates and postcode together, as the two say the same
    # thing (two separate ones would count one fact twice).
    sector = ColumnExpression("postcode").regex_extract("^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9]")

    def near(km: float) -> cll.DistanceInKMLevel:
        return cll.DistanceInKMLevel("latitude", "longitude", km)

    no_coordinates = cll.NullLevel("latitude")
    same_postcode = cll.ExactMatchLevel("postcode")
    place = cl.CustomComparison(
        output_column_name="place",
        comparison_description="distance and postcode",
        comparison_levels=[
            cll.And(cll.NullLevel("postcode"), no_coordinates).configure(is_null_level=True),
            cll.Or(near(0.1), cll.And(same_postcode, no_coordinates)).configure(
                label_for_charts="within 100 m (or the same postcode, without coordinates)"
            ),
            cll.Or(near(0.3), same_postcode).configure(
                label_for_charts="within 300 m or the same postcode"
            ),
            cll.Or(near(1.0), cll.ExactMatchLevel(sector)).configure(
                label_for_charts="within 1 km or the same postcode sector"
            ),
            cll.ElseLevel(),
        ],
    )
    return [
        when,
        place,
        cl.ExactMatch("category"),
        cl.ArrayIntersectAtSizes("description_words", [3, 2, 1]),
    ]


def settings(model: dict | None = None) -> SettingsCreator:
    """The model's settings; `model` (a trained model's JSON) sets its parameters instead of
    training, e.g. to run a model trained on DuckDB on Spark."""
    comparisons = _comparisons()
    prior = PRIOR
    if model is not None:
        prior = model["probability_two_random_records_match"]
        for comparison, saved in zip(comparisons, model["comparisons"], strict=True):
            levels = [lv for lv in saved["comparison_levels"] if not lv.get("is_null_level")]
            comparison.configure(
                m_probabilities=[lv.get("m_probability") for lv in levels],
                u_probabilities=[lv.get("u_probability") for lv in levels],
            )
    return SettingsCreator(
        link_type="link_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[block_on(*b) for b in PREDICTION_BLOCKS],
        probability_two_random_records_match=prior,
        retain_intermediate_calculation_columns=False,
    )


def exact_links(police: pl.DataFrame, cases: pl.DataFrame) -> pl.DataFrame:
    """Case incidents carrying a police incident number the police hold: one case incident
    per police incident (the first reported), the rule that outranks any model."""
    numbered = (
        cases.filter(pl.col("police_incident_number").is_not_null())
        .with_columns(pl.col("police_incident_number").str.to_uppercase().str.strip_chars())
        .filter(pl.col("police_incident_number") != "")
        .join(
            police.select(pl.col("unique_id").alias("police_incident_number")),
            on="police_incident_number",
        )
        .sort("reported_at", "unique_id")
        .unique("police_incident_number", keep="first", maintain_order=True)
    )
    return numbered.select(
        pl.col("police_incident_number").alias("police_id"),
        pl.col("unique_id").alias("case_id"),
        pl.lit(1.0).alias("match_probability"),
        pl.lit(None, dtype=pl.Float64).alias("match_weight"),
        pl.lit(True).alias("exact"),
    )


def one_to_one(pairs: pl.DataFrame) -> pl.DataFrame:
    """Best first: a pair is kept when neither incident has been linked by a likelier pair."""
    pairs = pairs.sort(
        ["match_probability", "police_id", "case_id"], descending=[True, False, False]
    )
    police = pairs["police_id"].to_list()
    cases = pairs["case_id"].to_list()
    used_police: set[str] = set()
    used_cases: set[str] = set()
    keep = np.zeros(pairs.height, dtype=bool)
    for i, (p, c) in enumerate(zip(police, cases, strict=True)):
        if p not in used_police and c not in used_cases:
            used_police.add(p)
            used_cases.add(c)
            keep[i] = True
    return pairs.filter(pl.Series(keep))


def parameters(model: dict) -> list[dict[str, Any]]:
    """Each comparison level's m, u and match weight: what the model learnt, for the analyst."""
    rows = []
    for comparison in model["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            m, u = level.get("m_probability"), level.get("u_probability")
            rows.append(
                {
                    "comparison": comparison["output_column_name"],
                    "level": level.get("label_for_charts", ""),
                    "m": m,
                    "u": u,
                    "match_weight": math.log2(m / u) if m and u else None,
                }
            )
    return rows


def _orient(predictions: pa.Table) -> pl.DataFrame:
    frame = pl.from_arrow(predictions)
    assert isinstance(frame, pl.DataFrame)
    police_left = pl.col("source_dataset_l") == "police"
    return frame.select(
        pl.when(police_left)
        .then(pl.col("unique_id_l"))
        .otherwise(pl.col("unique_id_r"))
        .alias("police_id"),
        pl.when(police_left)
        .then(pl.col("unique_id_r"))
        .otherwise(pl.col("unique_id_l"))
        .alias("case_id"),
        pl.col("match_probability").cast(pl.Float64),
        pl.col("match_weight").cast(pl.Float64),
        pl.lit(False).alias("exact"),
    )


def link(
    police: pl.DataFrame,
    cases: pl.DataFrame,
    *,
    db_api: Any = None,
    model: dict | None = None,
    u_pairs: float = 2e6,
    em_pairs: float | None = 2e6,
    threshold: float = THRESHOLD,
    log_level: int = logging.WARNING,
) -> Linkage:
    """Link `police` (INPUT_COLUMNS) to `cases` (CASE_INPUT_COLUMNS). `db_api` is Splink's
    backend (DuckDB in memory by default); `model` skips training."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    police, cases = prepare(police), prepare(cases)
    exact = exact_links(police, cases)
    rest_police = police.join(exact.select(unique_id="police_id"), on="unique_id", how="anti")
    rest_cases = cases.join(exact.select(unique_id="case_id"), on="unique_id", how="anti").drop(
        "police_incident_number"
    )
    timings["prepare"] = time.perf_counter() - started
    if model is None and min(rest_police.height, rest_cases.height) < MIN_TO_TRAIN:
        model = json.loads(SHIPPED_MODEL.read_text())
        model["probability_two_random_records_match"] = min(
            0.5, SHIPPED_OVERLAP / max(1, rest_police.height)
        )
    prior = model["probability_two_random_records_match"] if model else PRIOR
    found = exact.head(0)
    trained = model
    if rest_police.height and rest_cases.height:
        db_api = db_api or DuckDBAPI()
        linker = Linker(
            [
                db_api.register(rest_police.to_arrow(), dataset_display_name="police"),
                db_api.register(rest_cases.to_arrow(), dataset_display_name="cases"),
            ],
            settings(model),
            log_level=log_level,
        )
        if model is None:
            step = time.perf_counter()
            _train(linker, u_pairs=u_pairs, em_pairs=em_pairs)
            timings["train"] = time.perf_counter() - step
        trained = linker.misc.save_model_to_json()
        prior = trained["probability_two_random_records_match"]
        step = time.perf_counter()
        predicted = linker.inference.predict(threshold_match_probability=FLOOR)
        found = _orient(predicted.as_pyarrow_table())
        timings["predict"] = time.perf_counter() - step
    step = time.perf_counter()
    chosen = one_to_one(found)
    timings["one_to_one"] = time.perf_counter() - step
    low, high = UNCERTAIN
    uncertain = (
        chosen.filter(pl.col("match_probability").is_between(low, high, closed="left"))
        .with_columns((pl.col("match_probability") >= threshold).alias("linked"))
        .sort((pl.col("match_probability") - threshold).abs())
    )
    pairs = pl.concat([exact, chosen.filter(pl.col("match_probability") >= threshold)])
    timings["total"] = time.perf_counter() - started
    return Linkage(
        pairs=pairs,
        uncertain=uncertain,
        parameters=parameters(trained) if trained else [],
        prior=prior,
        police_count=police.height,
        case_count=cases.height,
        candidates=chosen,
        model=trained,
        timings=timings,
    )


def _train(linker: Linker, *, u_pairs: float, em_pairs: float | None) -> None:
    linker.training.estimate_probability_two_random_records_match(
        [block_on("postcode", "reported_date", "category")], recall=0.5
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=u_pairs, seed=1)
    # Each blocking leaves the other's comparisons free to be learnt. Both hold the pairs to
    # within a week: an address that reports again and again gives pairs alike in all but
    # time, and from pairs weeks apart the model would learn that time does not matter.
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("postcode_sector", "reported_date"), max_pairs=em_pairs
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("grid", "reported_week"), max_pairs=em_pairs
    )
