"""How fast the KPI pipeline turns data.police.uk files into results, against a bare polars floor.

Generates N synthetic records in the data.police.uk street-level layout (12 monthly CSV files,
about 35,000 LSOAs in 300 districts: a national year at 10 million), then times, each phase in
its own process so its peak memory is its own:

  floor   a bare polars scan counting the same records by month, crime type and LSOA
  full    policeuk.read_police (validation and aggregation, the importer's reader) and
          engine.compute over every KPI, area (a county of all the districts, every LSOA) and period
  import  (--with-db) services.police_import into a scratch SQLite database, and PostgreSQL with
          --postgres (database csphub_bench_kpi on 127.0.0.1:5432)

Dashboard page latency is measured by benchmarks/dashboard.py. Goal: full <= 3x floor and a
10-million-record year computed in under 60 s.

    .venv/bin/python benchmarks/kpi.py [--records 1000000] [--with-db] [--postgres] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

PG = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "csphub_bench_kpi"
LSOAS = 35_000
DISTRICTS = 300
FIRST_MONTH = "2024-10"  # twelve months to 2025-09
HEADER = (
    "Crime ID",
    "Month",
    "Reported by",
    "Falls within",
    "Longitude",
    "Latitude",
    "Location",
    "LSOA code",
    "LSOA name",
    "Crime type",
    "Last outcome category",
    "Context",
)
# National shares, roughly (ASB included).
SHARES = {
    "Violence and sexual offences": 0.33,
    "Anti-social behaviour": 0.17,
    "Public order": 0.09,
    "Criminal damage and arson": 0.08,
    "Other theft": 0.07,
    "Shoplifting": 0.06,
    "Vehicle crime": 0.06,
    "Burglary": 0.04,
    "Other crime": 0.02,
    "Drugs": 0.03,
    "Bicycle theft": 0.01,
    "Robbery": 0.01,
    "Theft from the person": 0.015,
    "Possession of weapons": 0.005,
}


def months() -> list[str]:
    year, month = map(int, FIRST_MONTH.split("-"))
    return [f"{year + (month - 1 + i) // 12:04d}-{(month - 1 + i) % 12 + 1:02d}" for i in range(12)]


def lsoa_table():
    import polars as pl

    codes = [f"E01{i:06d}" for i in range(1, LSOAS + 1)]
    districts = [f"E07{900000 + i % DISTRICTS:06d}" for i in range(LSOAS)]
    names = [f"District {i % DISTRICTS:03d} {i // DISTRICTS:03d}A" for i in range(LSOAS)]
    return pl.DataFrame({"lsoa_code": codes, "lsoa_name": names, "district_code": districts})


# -- generation (not timed) -------------------------------------------------------------------


def generate(folder: Path, records: int, seed: int = 1) -> None:
    import numpy as np
    import polars as pl

    rng = np.random.default_rng(seed)
    lsoas = lsoa_table()
    weights = rng.lognormal(0, 0.7, LSOAS)
    weights /= weights.sum()
    categories = list(SHARES)
    shares = np.array(list(SHARES.values()))
    shares /= shares.sum()
    streets = pl.Series(
        [
            f"On or near {s}"
            for s in (
                "High Street",
                "Parking Area",
                "Supermarket",
                "Station Road",
                "Church Lane",
                "Park Road",
                "Shopping Area",
                "Mill Lane",
            )
        ]
    )
    per_month = np.full(12, records // 12)
    per_month[: records % 12] += 1
    for month, n in zip(months(), per_month, strict=True):
        n = int(n)
        lsoa_i = rng.choice(LSOAS, n, p=weights)
        cat_i = rng.choice(len(categories), n, p=shares)
        ids = np.frombuffer(rng.integers(1, 256, n * 32, dtype=np.uint8).tobytes(), dtype="S32")
        nowhere = rng.random(n) < 0.025
        frame = pl.DataFrame(
            {
                "lsoa_i": lsoa_i,
                "cat_i": cat_i,
                "id": pl.Series(ids, dtype=pl.Binary).bin.encode("hex"),
                "lon": rng.uniform(-3, 1, n).round(6),
                "lat": rng.uniform(50.5, 55, n).round(6),
                "street": rng.integers(0, len(streets), n),
                "nowhere": nowhere,
            }
        ).with_columns(pl.col("lsoa_i").cast(pl.UInt32), pl.col("cat_i").cast(pl.UInt32))
        crime_type = pl.Series(categories).gather(frame["cat_i"])
        out = (
            pl.DataFrame(
                {
                    "Crime ID": frame["id"],
                    "Month": pl.repeat(month, n, eager=True),
                    "Reported by": pl.repeat("Some Police", n, eager=True),
                    "Falls within": pl.repeat("Some Police", n, eager=True),
                    "Longitude": frame["lon"].cast(pl.String),
                    "Latitude": frame["lat"].cast(pl.String),
                    "Location": streets.gather(frame["street"].cast(pl.UInt32)),
                    "LSOA code": lsoas["lsoa_code"].gather(frame["lsoa_i"]),
                    "LSOA name": lsoas["lsoa_name"].gather(frame["lsoa_i"]),
                    "Crime type": crime_type,
                    "Last outcome category": pl.repeat("Under investigation", n, eager=True),
                    "Context": pl.repeat(None, n, dtype=pl.String, eager=True),
                    "nowhere": frame["nowhere"],
                }
            )
            .with_columns(
                pl.when(pl.col("Crime type") == "Anti-social behaviour")
                .then(None)
                .otherwise(pl.col("Crime ID"))
                .alias("Crime ID"),
                *[
                    pl.when(pl.col("nowhere")).then(None).otherwise(pl.col(c)).alias(c)
                    for c in ("Longitude", "Latitude", "LSOA code", "LSOA name")
                ],
            )
            .drop("nowhere")
        )
        (folder / month).mkdir(parents=True, exist_ok=True)
        out.write_csv(folder / month / f"{month}-national-street.csv", null_value="")


# -- the timed phases (each in its own process) -----------------------------------------------


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_floor(folder: Path) -> dict:
    import polars as pl

    started = time.perf_counter()
    counts = (
        pl.scan_csv(str(folder / "*" / "*.csv"), infer_schema=False)
        .group_by("Month", "Crime type", "LSOA code")
        .len()
        .collect()
    )
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "rows": int(counts["len"].sum()),
        "groups": counts.height,
        "peak_mb": peak_rss_mb(),
    }


def engine_inputs(read):
    import polars as pl

    from csphub.performance.kpi import engine
    from csphub.performance.kpi.definitions import board_kpis

    lsoas = lsoa_table()
    districts = {
        code: f"District {i:03d}" for i, code in enumerate(lsoas["district_code"].unique().sort())
    }
    population = pl.concat(
        [
            lsoas.select(
                pl.lit(year, pl.Int32).alias("year"),
                "lsoa_code",
                pl.lit(1_600, pl.Int64).alias("population"),
            )
            for year in (2024, 2025)
        ]
    )
    return engine.Inputs(
        geography=engine.Geography(
            county_code="E92000001",
            county_name="England and Wales",
            districts=districts,
            lsoas=lsoas,
        ),
        kpis=board_kpis(),
        police_counts=read.counts,
        police_months=set(read.months),
        population=population,
    )


def phase_full(folder: Path) -> dict:
    from csphub.performance.importers.policeuk import read_police
    from csphub.performance.kpi import engine

    started = time.perf_counter()
    read = read_police([folder])
    read_seconds = time.perf_counter() - started
    inputs = engine_inputs(read)
    results = engine.compute(inputs)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "read_seconds": read_seconds,
        "compute_seconds": seconds - read_seconds,
        "rows": read.rows_read,
        "accepted": read.accepted,
        "counts": read.counts.height,
        "results": results.height,
        "peak_mb": peak_rss_mb(),
    }


def phase_import(folder: Path, database_url: str) -> dict:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DEBUG", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from csphub.performance.services import police_import

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    summary = police_import(paths=[folder])
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "rows": summary.rows_read,
        "accepted": summary.accepted,
        "peak_mb": peak_rss_mb(),
    }


def run_phase(*args: str) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--phase", *args],
        check=True,
        text=True,
        capture_output=True,
        cwd=ROOT,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def recreate_postgres() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{PG_DATABASE}"')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument(
        "--with-db", action="store_true", help="Also time the import into a scratch SQLite database"
    )
    parser.add_argument(
        "--postgres", action="store_true", help="... and into PostgreSQL (implies --with-db)"
    )
    parser.add_argument(
        "--keep", metavar="DIR", help="Generate into DIR and keep it (reused if already there)"
    )
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        name, folder, *rest = args.phase
        result = {
            "floor": lambda: phase_floor(Path(folder)),
            "full": lambda: phase_full(Path(folder)),
            "import": lambda: phase_import(Path(folder), rest[0]),
        }[name]()
        print(json.dumps(result))
        return 0

    scratch = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="csphub-bench-kpi-"))
    try:
        marker = scratch / f".records-{args.records}"
        if not marker.exists():
            shutil.rmtree(scratch, ignore_errors=True)
            scratch.mkdir(parents=True)
            started = time.perf_counter()
            generate(scratch, args.records)
            marker.touch()
            size = sum(p.stat().st_size for p in scratch.rglob("*.csv")) / 1e9
            print(
                f"Generated {args.records:,} records ({size:.2f} GB, 12 files) in "
                f"{time.perf_counter() - started:.1f}s (not timed)"
            )
        floor = run_phase("floor", str(scratch))
        full = run_phase("full", str(scratch))
        rows = floor["rows"]
        print(
            f"\nRecords: {rows:,} ({full['accepted']:,} accepted; {full['counts']:,} month x LSOA "
            "x type counts; "
            f"{full['results']:,} KPI results)"
        )
        print(f"{'phase':<34}{'seconds':>9}{'records/s':>14}{'peak RSS':>11}")

        def line(label: str, seconds: float, peak: float | None) -> None:
            peak_text = f"{peak:,.0f} MB" if peak is not None else ""
            print(f"{label:<34}{seconds:>9.2f}{rows / seconds:>14,.0f}{peak_text:>11}")

        line("floor: polars scan + group_by", floor["seconds"], floor["peak_mb"])
        line("full: read_police + compute", full["seconds"], full["peak_mb"])
        line("  read_police (validate, count)", full["read_seconds"], None)
        line("  engine.compute", full["compute_seconds"], None)
        if args.with_db or args.postgres:
            sqlite = scratch / "bench.sqlite3"
            sqlite.unlink(missing_ok=True)
            result = run_phase("import", str(scratch), f"sqlite:///{sqlite}")
            line("import: police_import (SQLite)", result["seconds"], result["peak_mb"])
            sqlite.unlink(missing_ok=True)
            if args.postgres:
                recreate_postgres()
                result = run_phase("import", str(scratch), f"{PG}/{PG_DATABASE}")
                line("import: police_import (PostgreSQL)", result["seconds"], result["peak_mb"])
        ratio = full["seconds"] / floor["seconds"]
        print(f"\nfull / floor: {ratio:.2f}x (goal <= 3x)")
        if rows >= 10_000_000:
            print(f"10M computed in {full['seconds']:.1f}s (goal < 60 s)")
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
