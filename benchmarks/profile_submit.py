"""CPU per API submission, in process, on PostgreSQL: where the time of one request goes.

Runs the whole Django stack (middleware, ninja, services) through the WSGI handler in a loop
against a scratch PostgreSQL database and prints CPU milliseconds and SQL statements per
submission and per health check; with --profile, the top of a cProfile by cumulative time.

    .venv/bin/python benchmarks/profile_submit.py [--count 500] [--profile] [--sql]

Needs PostgreSQL on 127.0.0.1:5432 with trust auth (scripts/ensure-postgres.sh).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

PG = "postgres://postgres@127.0.0.1:5432"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--database", default="csphub_profile")
    parser.add_argument(
        "--profile", action="store_true", help="print a cProfile of the submissions"
    )
    parser.add_argument("--sql", action="store_true", help="print the SQL of one submission")
    parser.add_argument(
        "--sort", default="cumulative", help="cProfile sort key (cumulative, tottime)"
    )
    parser.add_argument("--lines", type=int, default=60)
    parser.add_argument(
        "--callees",
        metavar="FUNCTION",
        help="with --profile, also print what this function (a name or regex) calls",
    )
    parser.add_argument(
        "--callers",
        metavar="FUNCTION",
        help="with --profile, also print what calls this function (a name or regex)",
    )
    return parser.parse_args()


def _set_up(database: str) -> str:
    """A fresh database with one submitter and the postcode of the payload; returns the
    submitter's API token."""
    from submit import recreate_database

    os.environ.update(
        {
            "DATABASE_URL": f"{PG}/{database}",
            "DEBUG": "false",
            "SECRET_KEY": "benchmark-only-secret",
            "ALLOWED_HOSTS": "127.0.0.1",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "LOG_LEVEL": "ERROR",
            "DJANGO_SETTINGS_MODULE": "csphub.settings",
        }
    )
    recreate_database(database)

    import django

    django.setup()
    from django.core.management import call_command

    from csphub.accounts.models import Organisation, User, UserRole
    from csphub.api.models import ApiToken
    from csphub.geography.models import Postcode

    call_command("migrate", verbosity=0, interactive=False)
    organisation = Organisation.objects.create(name="Benchmark Council", type="council")
    user = User.objects.create_user("bench", "bench@example.org", "x", organisation=organisation)
    UserRole.objects.create(user=user, role="submitter")
    Postcode.objects.create(
        postcode="LE11 3AA",
        lsoa_code="E01025873",
        district_code="E07000130",
        latitude=52.7709,
        longitude=-1.2055,
    )  # as in submit.py
    _, token = ApiToken.issue(user, name="profile")
    return token


class _Requests:
    """Requests run straight through the WSGI handler, no server or socket."""

    def __init__(self, token: str) -> None:
        from django.core.handlers.wsgi import WSGIHandler
        from django.test.client import RequestFactory
        from submit import PAYLOAD

        self.handler = WSGIHandler()
        self.factory = RequestFactory()
        self.body = json.dumps(PAYLOAD)
        self.token = token

    def submission(self) -> dict:
        return self.factory.post(
            "/api/v1/submissions",
            data=self.body,
            content_type="application/json",
            HTTP_HOST="127.0.0.1",
            HTTP_AUTHORIZATION=f"Bearer {self.token}",
            HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4()),
        ).environ

    def health(self) -> dict:
        return self.factory.get("/healthz", HTTP_HOST="127.0.0.1").environ

    def call(self, environ: dict, expected: int) -> None:
        statuses = []
        chunks = self.handler(
            environ, lambda status, headers, exc_info=None: statuses.append(status)
        )
        b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
        if not statuses[0].startswith(str(expected)):
            raise SystemExit(f"unexpected {statuses[0]}: {b''.join(chunks)[:300]!r}")


def _backend_cpu() -> float:
    """CPU seconds used so far by this connection's PostgreSQL backend (same machine only)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _measure(
    requests: _Requests, make_environ, expected: int, count: int, profiler=None
) -> tuple[float, float, float, float]:
    """(Django CPU ms, SQL statements, PostgreSQL CPU ms, wall ms) per request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    environs = [make_environ() for _ in range(count)]
    for _ in range(20):  # warm up
        requests.call(make_environ(), expected)
    with CaptureQueriesContext(connection) as queries:
        requests.call(make_environ(), expected)
    statements = len(queries.captured_queries)
    if profiler:
        profiler.enable()
    pg_started = _backend_cpu()
    wall_started = time.perf_counter()
    started = time.process_time()
    for environ in environs:
        requests.call(environ, expected)
    cpu = time.process_time() - started
    wall = time.perf_counter() - wall_started
    if profiler:
        profiler.disable()
    pg = _backend_cpu() - pg_started
    return cpu / count * 1000, statements, pg / count * 1000, wall / count * 1000


def _print_sql(requests: _Requests) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        requests.call(requests.submission(), 201)
    for query in queries.captured_queries:
        print(query["sql"][:300])
    print()


def _print_profile(profiler: cProfile.Profile, args: argparse.Namespace) -> None:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats(args.sort)
    stats.print_stats(args.lines)
    if args.callees:
        stats.print_callees(args.callees)
    if args.callers:
        stats.print_callers(args.callers)
    print(out.getvalue())


def main() -> int:
    args = _arguments()
    requests = _Requests(_set_up(args.database))
    if args.sql:
        _print_sql(requests)

    # Timed by CPU, not wall clock, so the profile shows work done rather than waits on the
    # database.
    profiler = cProfile.Profile(time.process_time) if args.profile else None
    sub = _measure(requests, requests.submission, 201, args.count, profiler)
    health = _measure(requests, requests.health, 200, args.count * 4)
    for label, (ms, statements, pg_ms, wall_ms) in (
        ("POST /api/v1/submissions", sub),
        ("GET /healthz", health),
    ):
        print(
            f"{label:<26}{ms:6.2f} ms CPU in Django, {pg_ms:5.2f} ms CPU in PostgreSQL, "
            f"{wall_ms:6.2f} ms wall, {statements} SQL statements"
        )
    print(f"Django CPU ratio health/submission: {health[0] / sub[0]:.2f}")
    if profiler:
        _print_profile(profiler, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
