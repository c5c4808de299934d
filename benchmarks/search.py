"""Latency of full-text search over many submissions: PostgreSQL, then SQLite FTS5.

Loads N synthetic submissions and their search documents (default 1,000,000) into a scratch
PostgreSQL database (COPY from parallel workers; the GIN index is built after the load), then
times the search the page and the API run (selectors.submissions_search: the count, the first
page of 20 with its snippets, and those submissions' districts and themes) for typical
queries: a common word, a rare phone number, a two-word phrase, each with and without a
district filter, and each both as the product does it (ranking the newest
selectors.RANKED_AT_MOST matches) and ranking every match. Then the same on SQLite with FTS5.
Prints p50 and p95 per query.

    .venv/bin/python benchmarks/search.py [--rows 1000000] [--repeat 20] [--skip-sqlite]

Needs PostgreSQL on 127.0.0.1:5432 with trust auth; the database (`bench_search`) is dropped
at the end unless --keep.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
DATABASE = "bench_search"

# --- synthetic reports ------------------------------------------------------------------

PLACES = [
    "the parade of shops on Market Street",
    "the park by the leisure centre",
    "Ashby Road",
    "the flats on Belgrave Gate",
    "the bus station",
    "the school gates on Forest Road",
    "the alley behind the takeaway",
    "the car park at the retail park",
    "Green Lane",
    "the underpass near the station",
    "the canal towpath",
    "the playing fields",
]
WHO = [
    "a group of youths",
    "two men",
    "an older man",
    "three teenagers",
    "a woman",
    "a man in a grey hoodie",
    "several young people",
    "a couple",
    "a delivery driver",
]
DOING = [
    "dealing from a car",
    "shouting at passers-by",
    "carrying knives",
    "drinking heavily",
    "selling cannabis",
    "riding scooters on the pavement",
    "spraying graffiti",
    "throwing stones at windows",
    "hanging around until late",
    "knocking on doors",
    "arguing loudly",
    "dropping off parcels",
    "taking photographs of children",
]
EXTRA = [
    "Neighbours are frightened to go out after dark.",
    "Cars stop for a few minutes at a time, mostly after 10pm.",
    "The tenant says he has friends staying.",
    "Needles have been found in the stairwell.",
    "It has been going on for about three weeks.",
    "Residents say the police have been called before.",
    "There is a strong smell of cannabis from the flat.",
    "Children from the school have been approached.",
    "Fireworks were thrown at a bus last weekend.",
    "The shop owner has asked them to leave several times.",
]
COLOURS = ["blue", "black", "silver", "white", "red", "grey"]
MAKES = ["Ford", "Vauxhall", "BMW", "Audi", "Toyota", "Nissan", "Volkswagen", "Kia"]
NAMES = [
    "Dave Smith",
    "Jon Patel",
    "Kyle Brown",
    "Liam Walsh",
    "Sam Jones",
    "Mo Khan",
    "Tom Hill",
    "Unknown male",
    "Chris Taylor",
    "Ryan Lee",
    "Amir Hussain",
    "Jade Cooper",
]
DRUGS = "Known drugs activity at the address."
STATUSES = ["received"] * 3 + ["under_assessment", "graded", "graded", "closed", "closed"]
START = datetime(2023, 1, 1, tzinfo=UTC)


def _phone(n: int) -> tuple[str, list[str]]:
    """A mobile number unique to report n, as written, and its search keys."""
    digits = f"77{n:08d}"
    return f"0{digits[:4]} {digits[4:]}", [f"44{digits}", f"0{digits}"]


def _plate(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNOPRSTUVWXY"
    return (
        "".join(rng.choice(letters) for _ in range(2))
        + f"{rng.randint(10, 73):02d}"
        + "".join(rng.choice(letters) for _ in range(3))
    )


def synthetic(n: int, districts: list[int]) -> tuple[dict, str]:
    """Report n's submission columns and search document (deterministic in n)."""
    rng = random.Random(n)
    place = rng.choice(PLACES)
    sentences = [f"{rng.choice(WHO).capitalize()} {rng.choice(DOING)} near {place}."]
    sentences += rng.sample(EXTRA, rng.randint(1, 3))
    if rng.random() < 0.15:
        sentences.append(DRUGS)
    colour, make = rng.choice(COLOURS), rng.choice(MAKES)
    if rng.random() < 0.3:
        sentences.append(f"They use a {colour} car, possibly a {make}.")
    information = " ".join(sentences)
    reference = f"CIP-B-{n:09d}"
    lines = [reference, information, f"Place: {place}"]
    if rng.random() < 0.5:
        lines.append(f"Person: {rng.choice(NAMES)} (subject) aged {rng.randint(14, 60)}")
    if rng.random() < 0.3:
        plate = _plate(rng)
        lines.append(f"Vehicle: {plate} {colour} {make}")
    if rng.random() < 0.6:
        written, keys = _phone(n)
        lines.append(f"Phone: {written} {' '.join(keys)}")
    row = {
        "reference": reference,
        "information": information,
        "place_description": place,
        "district_id": rng.choice(districts),
        "status": rng.choice(STATUSES),
        "created_at": START + timedelta(minutes=n % (3 * 365 * 24 * 60)),
    }
    return row, "\n".join(lines)


# --- PostgreSQL load --------------------------------------------------------------------


def _recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DATABASE}"')


def _drop_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def _submission_columns(conn) -> list[tuple[str, str, bool]]:
    return conn.execute(
        "SELECT column_name, data_type, is_nullable = 'YES' FROM information_schema.columns "
        "WHERE table_name = 'intelligence_submission' AND column_name <> 'id' "
        "ORDER BY ordinal_position"
    ).fetchall()


def _filled(row: dict, columns: list[tuple[str, str, bool]], user_id: int) -> list:
    """Every column of the submission row: ours, else NULL or an empty value of its type."""
    values = []
    for name, kind, nullable in columns:
        if name in row:
            values.append(row[name])
        elif name == "submitted_by_id":
            values.append(user_id)
        elif name in ("updated_at",):
            values.append(row["created_at"])
        elif name == "how_known":
            values.append("first_hand")
        elif nullable:
            values.append(None)
        elif kind == "boolean":
            values.append(False)
        elif kind in ("integer", "bigint", "smallint"):
            values.append(0)
        else:
            values.append("")
    return values


def _pg_load_shard(args: tuple[str, int, int, list[int], int]) -> int:
    import psycopg

    url, start, stop, districts, user_id = args
    with psycopg.connect(url) as conn:
        columns = _submission_columns(conn)
        names = ", ".join(c[0] for c in columns)
        docs = []
        with conn.cursor() as cur:
            with cur.copy(f"COPY intelligence_submission (id, {names}) FROM STDIN") as copy:
                for n in range(start, stop):
                    row, document = synthetic(n, districts)
                    copy.write_row([n + 1, *_filled(row, columns, user_id)])
                    docs.append((n + 1, document, row))
            with cur.copy(
                "COPY search_searchdocument (submission_id, document, created_at, district_id, "
                "status, updated_at) FROM STDIN"
            ) as copy:
                for n, document, row in docs:
                    copy.write_row(
                        [
                            n,
                            document,
                            row["created_at"],
                            row["district_id"],
                            row["status"],
                            row["created_at"],
                        ]
                    )
    return stop - start


def _setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.settings")
    os.environ.setdefault("DEBUG", "true")
    os.environ.setdefault("CONN_MAX_AGE", "0")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def _bench_user_and_districts() -> tuple[int, list[int]]:
    from csphub.accounts.models import User
    from csphub.geography.models import District

    user, _ = User.objects.get_or_create(username="bench-search", defaults={"full_name": "B"})
    return user.pk, list(District.objects.order_by("pk").values_list("pk", flat=True))


def load_postgresql(rows: int, workers: int) -> float:
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    user_id, districts = _bench_user_and_districts()
    url = f"{PG}/{DATABASE}"
    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS search_searchdocument_vector_gin")
    step = max(rows // (workers * 8), 1000)
    shards = [(url, s, min(s + step, rows), districts, user_id) for s in range(0, rows, step)]
    loaded = 0
    with Pool(workers) as pool:
        for count in pool.imap_unordered(_pg_load_shard, shards):
            loaded += count
            print(f"\r  loaded {loaded:,} of {rows:,}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    with connection.cursor() as cursor:
        cursor.execute("SELECT setval('intelligence_submission_id_seq', %s)", [rows + 1])
        cursor.execute("SET maintenance_work_mem = '1GB'")
        cursor.execute(
            "CREATE INDEX search_searchdocument_vector_gin ON search_searchdocument "
            "USING gin (vector)"
        )
    for table in ("search_searchdocument", "intelligence_submission"):
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {table}")
    return time.perf_counter() - began


# --- SQLite load ------------------------------------------------------------------------


def load_sqlite(rows: int) -> float:
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0)
    user_id, districts = _bench_user_and_districts()
    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = OFF")
        columns = [
            (row[1], row[2].lower(), not row[3])
            for row in cursor.execute("PRAGMA table_info(intelligence_submission)").fetchall()
            if row[1] != "id"
        ]
    names = ", ".join(c[0] for c in columns)
    marks = ", ".join(["%s"] * (len(columns) + 1))
    kinds = [(n, "boolean" if k == "bool" else k, nul) for n, k, nul in columns]
    batch = 20_000
    for start in range(0, rows, batch):
        subs, docs = [], []
        for n in range(start, min(start + batch, rows)):
            row, document = synthetic(n, districts)
            row["created_at"] = row["created_at"].strftime("%Y-%m-%d %H:%M:%S")
            subs.append([n + 1, *_filled(row, kinds, user_id)])
            docs.append(
                (
                    n + 1,
                    document,
                    row["created_at"],
                    row["district_id"],
                    row["status"],
                    row["created_at"],
                )
            )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO intelligence_submission (id, {names}) VALUES ({marks})", subs
            )
            cursor.executemany(
                "INSERT INTO search_searchdocument (submission_id, document, created_at, "
                "district_id, status, updated_at) VALUES (%s, %s, %s, %s, %s, %s)",
                docs,
            )
        print(f"\r  loaded {start + len(docs):,} of {rows:,}", end="", file=sys.stderr)
    print(file=sys.stderr)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        cursor.execute("ANALYZE")
    return time.perf_counter() - began


# --- measuring --------------------------------------------------------------------------


def _queries(rows: int, repeat: int) -> list[tuple[str, list[str]]]:
    rng = random.Random(12)
    phones = []
    while len(phones) < repeat:
        n = rng.randrange(rows)
        if _has_phone(n):
            phones.append(_phone(n)[0])
    return [
        ("common word", ["drugs", "cannabis", "shouting", "scooters", "graffiti"]),
        ("rare phone number", phones),
        ("two-word phrase", ['"blue car"', '"grey hoodie"', '"bus station"', '"black car"']),
    ]


def _has_phone(n: int) -> bool:
    return "Phone:" in synthetic(n, [0])[1]


def measure(rows: int, repeat: int) -> dict:
    from django.core.paginator import Paginator

    from csphub.accounts.models import User, UserRole
    from csphub.core.roles import Role
    from csphub.search import selectors
    from csphub.search.selectors import search_filters, search_terms, submissions_search

    user = User.objects.get(username="bench-search")
    UserRole.objects.get_or_create(user=user, role=Role.ANALYST)
    user = User.objects.get(pk=user.pk)
    from django.conf import settings

    results: dict = {}
    ranked, memory = selectors.RANKED_AT_MOST, settings.CSPHUB_SEARCH_WORK_MEM
    # Side by side: the product (the newest `ranked` matches ranked, with its work_mem), the
    # same with PostgreSQL's default work_mem, and ranking every match.
    variants = [
        (ranked, memory, f", newest {ranked:,} ranked"),
        (ranked, "4MB", f", newest {ranked:,} ranked, default work_mem 4MB"),
        (10**9, memory, ", every match ranked"),
    ]
    for label, queries in _queries(rows, repeat):
        for district in ("", "charnwood"):
            filters = search_filters(district=district)
            for cap, work_mem, named in variants:
                selectors.RANKED_AT_MOST, settings.CSPHUB_SEARCH_WORK_MEM = cap, work_mem
                times, counts = [], []
                for i in range(repeat + 2):
                    q = queries[i % len(queries)]
                    began = time.perf_counter()
                    found = submissions_search(user=user, terms=search_terms(q), filters=filters)
                    page = Paginator(found, 20).get_page(1)
                    shown = list(page.object_list)
                    elapsed = (time.perf_counter() - began) * 1000
                    assert shown or found.count() == 0
                    if i >= 2:  # the first two warm the caches
                        times.append(elapsed)
                        counts.append(found.count())
                key = label + (" in one district" if district else "") + named
                times.sort()
                results[key] = {
                    "p50_ms": round(statistics.median(times), 1),
                    "p95_ms": round(times[max(int(len(times) * 0.95) - 1, 0)], 1),
                    "matches": int(statistics.median(counts)),
                }
    selectors.RANKED_AT_MOST, settings.CSPHUB_SEARCH_WORK_MEM = ranked, memory
    return results


def _phase(engine: str, rows: int, repeat: int, workers: int) -> None:
    """One database's load and measurement, in its own process; JSON on standard output."""
    if engine == "postgresql":
        _recreate_database()
        _setup_django(f"{PG}/{DATABASE}")
        seconds = load_postgresql(rows, workers)
    else:
        path = Path(tempfile.gettempdir()) / f"bench-search-{os.getpid()}.sqlite3"
        path.unlink(missing_ok=True)
        _setup_django(f"sqlite:///{path}")
        seconds = load_sqlite(rows)
    figures = measure(rows, repeat)
    print(json.dumps({"engine": engine, "load_seconds": round(seconds, 1), "queries": figures}))
    if engine == "sqlite":
        path.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--sqlite-rows", type=int, help="rows for SQLite (default: --rows)")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs of each query")
    parser.add_argument("--workers", type=int, default=max(os.cpu_count() or 2, 2))
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--phase", choices=["postgresql", "sqlite"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        rows = args.rows if args.phase == "postgresql" else (args.sqlite_rows or args.rows)
        _phase(args.phase, rows, args.repeat, args.workers)
        return
    engines = ["postgresql"] + ([] if args.skip_sqlite else ["sqlite"])
    reports = []
    try:
        for engine in engines:
            print(f"{engine}: loading and measuring…", file=sys.stderr)
            command = [sys.executable, __file__, "--phase", engine, "--rows", str(args.rows)]
            command += ["--repeat", str(args.repeat), "--workers", str(args.workers)]
            if args.sqlite_rows:
                command += ["--sqlite-rows", str(args.sqlite_rows)]
            output = subprocess.run(command, check=True, text=True, stdout=subprocess.PIPE)
            reports.append(json.loads(output.stdout.strip().splitlines()[-1]))
    finally:
        if not args.keep:
            _drop_database()
    for report in reports:
        rows = args.rows if report["engine"] == "postgresql" else (args.sqlite_rows or args.rows)
        print(f"\n{report['engine']}: {rows:,} submissions, loaded in {report['load_seconds']} s")
        print(f"  {'query':<62} {'p50 ms':>8} {'p95 ms':>8} {'matches':>9}")
        for name, figures in report["queries"].items():
            print(
                f"  {name:<62} {figures['p50_ms']:>8} {figures['p95_ms']:>8} "
                f"{figures['matches']:>9,}"
            )


if __name__ == "__main__":
    main()
