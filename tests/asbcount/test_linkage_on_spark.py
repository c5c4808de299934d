"""The same linkage runs on Spark (a force-wide or national run): a local Spark session from
PyPI's pyspark with the machine's Java gives the pairs DuckDB gives, with the model trained
on DuckDB. Slow to start (a JVM), so run once, on SQLite's pass only."""

import os
import shutil

import pytest

from csphub.asbcount import engine, synthetic

pytestmark = [
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java"),
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="no database here: run once, on the SQLite pass",
    ),
]


def test_a_model_trained_on_duckdb_links_the_same_pairs_on_spark(tmp_path):
    from pyspark.sql import SparkSession
    from splink import SparkAPI
    from splink.backends.spark import similarity_jar_location

    pair = synthetic.generate(300, 300, seed=5)
    on_duckdb = engine.link(pair.police, pair.cases)
    model = on_duckdb.model
    spark = (
        SparkSession.builder.master("local[1]")
        .appName("csphub-asb-link")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        spark.sparkContext.setCheckpointDir(str(tmp_path))
        on_spark = engine.link(
            pair.police, pair.cases, db_api=SparkAPI(spark_session=spark), model=model
        )
    finally:
        spark.stop()
    duck = set(on_duckdb.pairs.select("police_id", "case_id").rows())
    sparked = set(on_spark.pairs.select("police_id", "case_id").rows())
    assert len(duck & sparked) >= 0.98 * len(duck)
    assert abs(on_spark.combined - on_duckdb.combined) <= 0.01 * on_duckdb.combined
