"""Throughput and latency of API submissions on PostgreSQL under a production server.

Starts gunicorn on a scratch PostgreSQL database, drives N concurrent API clients for a fixed
number of submissions, then does the same against the trivial health endpoint (the
framework's ceiling on this machine) and prints both with their ratio. Finally checks that
every reference handed out exists exactly once.

    .venv/bin/python benchmarks/submit.py [--clients 16] [--count 2000] [--workers 5]

Needs PostgreSQL on 127.0.0.1:5432 with trust auth (scripts/ensure-postgres.sh).
Where the time of one submission goes (CPU in Django and in PostgreSQL, SQL statements, a
cProfile): benchmarks/profile_submit.py.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PG = "postgres://postgres@127.0.0.1:5432"


def run(*args: str, env: dict, capture: bool = False) -> str:
    result = subprocess.run(
        [str(BIN / "csphub"), *args],
        env=env,
        check=True,
        text=True,
        capture_output=capture,
        cwd=ROOT,
    )
    return result.stdout.strip() if capture else ""


def recreate_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


PAYLOAD = {
    "themes": ["county-lines", "vulnerability"],
    "information": (
        "Two young men, not local, have been seen going in and out of the ground-floor flat at "
        "all hours for the last fortnight. The tenant is an older man with learning difficulties "
        "who told our housing officer he 'has friends staying'. Neighbours report a strong smell "
        "of cannabis and cars stopping for a few minutes at a time, mostly after 10pm."
    ),
    "postcode": "LE11 3AA",
    "place_description": "Ground-floor flat, block B, Ashby Road estate",
    "occurred_from": "2026-10-01",
    "when_description": "Most evenings after 10pm",
    "how_known": "second_hand",
    "may_contact": True,
    "source_disclosable": False,
    "people": [
        {
            "name": "Unknown male",
            "role": "subject",
            "age": 19,
            "description": "Slim, black puffer jacket",
        }
    ],
    "vehicles": [{"registration": "FV19XKT", "make": "Ford", "model": "Fiesta", "colour": "Black"}],
    "identifiers": [{"kind": "phone", "value": "07700 900982"}],
}


def drive(port: int, clients: int, count: int, make_request) -> tuple[list[float], list, float]:
    """Run `count` requests over `clients` keep-alive connections; return latencies (ms),
    results, seconds."""
    latencies: list[float] = []
    results: list = []
    errors: list[str] = []
    lock = threading.Lock()
    per_client = [count // clients + (1 if i < count % clients else 0) for i in range(clients)]
    barrier = threading.Barrier(clients + 1)

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        barrier.wait()
        mine_l, mine_r = [], []
        for _ in range(n):
            method, path, body, headers = make_request()
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
            except (http.client.HTTPException, OSError) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                with lock:
                    errors.append(repr(exc))
                continue
            mine_l.append((time.perf_counter() - t0) * 1000)
            mine_r.append((response.status, data))
        conn.close()
        with lock:
            latencies.extend(mine_l)
            results.extend(mine_r)

    threads = [threading.Thread(target=client, args=(n,)) for n in per_client]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        print(f"  {len(errors)} connection errors, e.g. {errors[0]}")
    return latencies, results, elapsed


def cpu_seconds(server_pid: int) -> dict[str, float]:
    """CPU used so far by the server's processes, by PostgreSQL's and by this client (Linux
    /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    totals = {"server": 0.0, "database": 0.0, "client": 0.0}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            name, fields = (entry / "stat").read_text().rsplit(")", 1)
        except OSError:
            continue
        fields = fields.split()
        pid, pgid = int(entry.name), int(fields[2])
        group = (
            "client"
            if pid == os.getpid()
            else "server"
            if pgid == server_pid
            else "database"
            if name.endswith("(postgres")
            else None
        )
        if group:
            totals[group] += (int(fields[11]) + int(fields[12])) / tick
    return totals


def percentile(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]
        if len(values) > 1
        else values[0]
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", "5")))
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--database", default="csphub_bench")
    parser.add_argument(
        "--no-sync-commit",
        action="store_true",
        help="experiment only: synchronous_commit=off, to show what commit flushes cost",
    )
    args = parser.parse_args()
    if not args.port:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            args.port = sock.getsockname()[1]

    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{args.database}",
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "ERROR",
    }
    print(f"Preparing PostgreSQL database {args.database} ...")
    recreate_database(args.database)
    if args.no_sync_commit:
        import psycopg

        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{args.database}" SET synchronous_commit = off')
    run("migrate", "--noinput", "-v", "0", env=env)
    run(
        "shell",
        "-c",
        (
            "from csphub.accounts.models import User, UserRole, Organisation;"
            "o,_=Organisation.objects.get_or_create(name='Benchmark Council', "
            "defaults={'type':'council'});"
            "u=User.objects.create_user('bench', 'bench@example.org', 'x', organisation=o);"
            "UserRole.objects.create(user=u, role='submitter');"
            # The payload's postcode is known, as most are once the ONS file is loaded, so each
            # submission also finds its LSOA and district.
            "from csphub.geography.models import Postcode;"
            "Postcode.objects.create(postcode='LE11 3AA', lsoa_code='E01025873', "
            "district_code='E07000130',"
            " latitude=52.7709, longitude=-1.2055)"
        ),
        env=env,
    )
    token = run("create-token", "bench", env=env, capture=True).splitlines()[-1].strip()

    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "csphub.wsgi:application",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--worker-class",
            "sync",
            "--backlog",
            "2048",
            "--log-level",
            "warning",
            "--keep-alive",
            "30",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            print("server did not start")
            return 1

        auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        body = json.dumps(PAYLOAD)

        def submission_request():
            return (
                "POST",
                "/api/v1/submissions",
                body,
                {**auth, "Idempotency-Key": str(uuid.uuid4())},
            )

        def health_request():
            return "GET", "/healthz", None, {}

        print(
            f"gunicorn: {args.workers} sync workers; {args.clients} clients; {args.count} "
            "requests each run"
        )
        drive(args.port, args.clients, min(200, args.count), submission_request)  # warm up
        drive(args.port, args.clients, min(200, args.count), health_request)

        cpu = [cpu_seconds(server.pid)]
        sub_lat, sub_results, sub_secs = drive(
            args.port, args.clients, args.count, submission_request
        )
        cpu.append(cpu_seconds(server.pid))
        health_lat, health_results, health_secs = drive(
            args.port, args.clients, args.count, health_request
        )
        cpu.append(cpu_seconds(server.pid))

        created = [json.loads(data) for status, data in sub_results if status == 201]
        failed = [(status, data[:200]) for status, data in sub_results if status != 201]
        sub_rate = len(sub_results) / sub_secs
        health_rate = len(health_results) / health_secs

        print()
        print(
            f"{'endpoint':<22}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'errors':>8}"
        )
        print(
            f"{'POST /submissions':<22}{sub_rate:>10.1f}{percentile(sub_lat, 50):>10.1f}"
            f"{percentile(sub_lat, 95):>10.1f}{percentile(sub_lat, 99):>10.1f}{len(failed):>8}"
        )
        print(
            f"{'GET /healthz':<22}{health_rate:>10.1f}{percentile(health_lat, 50):>10.1f}"
            f"{percentile(health_lat, 95):>10.1f}{percentile(health_lat, 99):>10.1f}"
            f"{sum(1 for s, _ in health_results if s != 200):>8}"
        )
        print(f"ratio submissions/health: {sub_rate / health_rate:.2f}")
        print(
            "CPU ms per request:   "
            + "  ".join(f"{group} {{}}" for group in cpu[0]).format(
                *(
                    f"{(cpu[1][g] - cpu[0][g]) / len(sub_results) * 1000:.2f}/"
                    f"{(cpu[2][g] - cpu[1][g]) / len(health_results) * 1000:.2f}"
                    for g in cpu[0]
                )
            )
            + "  (submission/health)"
        )
        if failed:
            print("first failures:", failed[:3])
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    references = [item["reference"] for item in created]
    check = subprocess.run(
        [
            str(BIN / "csphub"),
            "shell",
            "-c",
            "import sys,json;from collections import Counter;"
            "from csphub.intelligence.models import Submission;"
            "refs=json.load(sys.stdin);"
            "rows=Counter(Submission.objects.filter(reference__in=refs).values_list('reference',flat=True));"
            "missing=[r for r in refs if rows[r]!=1];"
            "print(json.dumps({'given':len(refs),'distinct':len(set(refs)),'found_once':sum(1 for "
            "r in refs if rows[r]==1),'missing':missing[:5]}))",
        ],
        input=json.dumps(references),
        env=env,
        cwd=ROOT,
        text=True,
        capture_output=True,
        check=True,
    )
    summary = json.loads(check.stdout.strip().splitlines()[-1])
    lost = summary["given"] - summary["found_once"]
    print(
        f"references given: {summary['given']}, distinct: {summary['distinct']}, "
        f"found exactly once: {summary['found_once']}, lost: {lost}"
    )
    return 0 if lost == 0 and summary["distinct"] == summary["given"] and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
