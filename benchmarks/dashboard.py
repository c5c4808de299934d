"""Dashboard page times on the real Leicestershire data: p50/p95 of the county page, a district
page and a KPI page, through the whole Django stack (middleware, sessions, templates).

The pages read only computed KpiResult rows, so the target (p95 <= 300 ms) holds whatever
the size of the police data behind them.

    .venv/bin/python benchmarks/dashboard.py [--count 50] [--database sqlite:////tmp/x.sqlite3]

The database is loaded from the shared data folder (--data, else `CSPHUB_SHARED_DATA`, else
../shared/data beside the checkout: the demo loader's lookup) when it has no computed results
yet; any DATABASE_URL works (SQLite file or a scratch PostgreSQL database).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SCRATCH_DATABASE = f"sqlite:///{Path(tempfile.gettempdir()) / 'csphub-dashboard-benchmark.sqlite3'}"

PAGES = [
    ("county page", "/performance/?period=2022-10"),
    ("district page (Charnwood)", "/performance/charnwood/?period=2022-10"),
    ("KPI page, county (all crime)", "/performance/county/all-crime/?period=2022-10"),
    (
        "KPI page, district (Charnwood, all crime)",
        "/performance/charnwood/all-crime/?period=2022-10",
    ),
    (
        "CSV download (county map)",
        "/performance/county/all-crime/?period=2022-10&format=csv&data=map",
    ),
]


def load(data: Path) -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    ons = data / "ons"
    call_command(
        "import_lsoa_lookup",
        str(ons / "lsoa11-lookup.csv"),
        boundaries=str(ons / "lsoa11-boundaries-llr.geojson"),
        no_compute=True,
        verbosity=0,
    )
    for year in (2019, 2020):
        call_command(
            "import_population",
            str(ons / f"population-lsoa-mid{year}.csv"),
            year=year,
            no_compute=True,
            verbosity=0,
        )
    call_command(
        "import_police",
        str(data / "police-uk" / "leicestershire-street-2018-10_2022-10.zip"),
        verbosity=0,
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def main() -> int:
    from csphub.performance.importers.shared_data import shared_data_dir

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument(
        "--database",
        default=os.environ.get("DATABASE_URL", SCRATCH_DATABASE),
    )
    parser.add_argument("--data", type=Path, default=shared_data_dir())
    args = parser.parse_args()
    os.environ.update(
        {
            "DATABASE_URL": args.database,
            "DEBUG": "false",
            "SECRET_KEY": "benchmark-only-secret",
            "ALLOWED_HOSTS": "testserver",
            "LOG_LEVEL": "ERROR",
            "SECURE_COOKIES": "false",
            "DJANGO_SETTINGS_MODULE": "csphub.settings",
        }
    )
    import django

    django.setup()
    from django.db.utils import OperationalError, ProgrammingError
    from django.test import Client

    from csphub.accounts.models import Role, User, UserRole
    from csphub.performance import selectors

    try:
        loaded = selectors.has_results()
    except (OperationalError, ProgrammingError):
        loaded = False
    if not loaded:
        print(f"Loading the real data from {args.data} …", flush=True)
        started = time.perf_counter()
        load(args.data)
        print(f"  loaded in {time.perf_counter() - started:.1f}s", flush=True)

    user, _ = User.objects.get_or_create(
        username="dashboard-benchmark", defaults={"full_name": "Benchmark"}
    )
    UserRole.objects.get_or_create(user=user, role=Role.BOARD_MEMBER)
    client = Client()
    client.force_login(user)

    print(f"{args.count} requests per page, {args.database.split(':')[0]}, DEBUG off")
    print(f"{'page':44} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'KB':>6}")
    worst = 0.0
    for name, url in PAGES:
        response = client.get(url)  # warm: template loading, first queries
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(args.count):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        p95 = percentile(times, 0.95)
        worst = max(worst, p95) if "CSV" not in name else worst
        print(
            f"{name:44} {statistics.median(times):8.1f} {p95:8.1f} {max(times):8.1f} "
            f"{len(response.content) / 1024:6.0f}"
        )
    print(f"worst page p95: {worst:.1f} ms (target 300 ms): {'OK' if worst <= 300 else 'TOO SLOW'}")
    return 0 if worst <= 300 else 1


if __name__ == "__main__":
    sys.exit(main())
