"""Similar reports at scale: the usearch index against exact numpy search, in one run.

    .venv/bin/python benchmarks/similar.py                  # 1,000,000 vectors
    .venv/bin/python benchmarks/similar.py --count 100000 --dtype f16

N synthetic unit vectors of the model's 384 dimensions, random but clustered (reports come in
groups about the same places and people), float32 as they are stored. It prints the index's
build time, its file size and the memory of a process that maps the file as the web processes
do (`Index.restore(view=True)`, measured in a fresh process), query latency p50/p95 for
usearch (mapped) and for exact brute force over the same matrix in numpy (the floor to compare),
recall@10 of usearch against exact, and the sentence model's time per text.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DIMENSIONS = 384
K = 10


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def unit(rows: np.ndarray) -> np.ndarray:
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return rows


def clustered(count: int, clusters: int, spread: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = unit(rng.standard_normal((clusters, DIMENSIONS)).astype(np.float32))
    out = np.empty((count, DIMENSIONS), dtype=np.float32)
    step = 100_000
    for start in range(0, count, step):
        n = min(step, count - start)
        which = rng.integers(0, clusters, n)
        noise = rng.standard_normal((n, DIMENSIONS)).astype(np.float32) * spread
        out[start : start + n] = unit(centres[which] + noise)
    return out


def percentiles(ms: list[float]) -> str:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"p50 {statistics.median(ordered):7.2f} ms   p95 {p95:7.2f} ms"


def exact_top(data: np.ndarray, query: np.ndarray) -> np.ndarray:
    scores = data @ query
    top = np.argpartition(-scores, K)[:K]
    return top[np.argsort(-scores[top])]


def mapped_process(path: str, queries: str, expansions: str) -> None:
    """Run in a fresh process: map the file, query it at each search expansion, report memory
    and latency."""
    from usearch.index import Index

    before = rss_mb()
    start = time.perf_counter()
    index = Index.restore(path, view=True)
    opened = (time.perf_counter() - start) * 1000
    qs = np.load(queries)
    runs = {}
    for expansion in [int(e) for e in expansions.split(",")]:
        index.expansion_search = expansion
        timings, keys = [], []
        for q in qs:
            t = time.perf_counter()
            matches = index.search(q, K, threads=1)
            timings.append((time.perf_counter() - t) * 1000)
            keys.append([int(k) for k in matches.keys])
        runs[expansion] = {"timings": timings, "keys": keys}
    print(
        json.dumps({"rss_before": before, "rss_after": rss_mb(), "open_ms": opened, "runs": runs})
    )


def embedding_times() -> tuple[float, float]:
    from csphub.embeddings import encode

    texts = [
        "Drugs are being sold from the flat above the bookies on High Street; cars pull up at "
        f"all hours and young people from out of town come and go (visit {n})."
        for n in range(64)
    ]
    encode(texts[:1])  # load the model
    single = []
    for text in texts[:32]:
        t = time.perf_counter()
        encode([text])
        single.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    encode(texts)
    batch = (time.perf_counter() - t) * 1000 / len(texts)
    return statistics.median(single), batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--clusters", type=int, default=20_000)
    parser.add_argument("--spread", type=float, default=0.05, help="noise per dimension")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--exact-queries", type=int, default=50)
    parser.add_argument("--dtype", default="f32", help="usearch storage: f32, f16 or i8")
    parser.add_argument(
        "--expansion-search",
        default="64",
        help="usearch search expansions to compare, comma-separated (64 is its default)",
    )
    parser.add_argument("--mapped", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mapped:
        mapped_process(*args.mapped)
        return

    from usearch.index import Index

    print(f"{args.count:,} vectors of {DIMENSIONS} dimensions in {args.clusters:,} clusters")
    base = rss_mb()
    t = time.perf_counter()
    data = clustered(args.count, args.clusters, args.spread, seed=12)
    print(f"  generated in {time.perf_counter() - t:.1f} s; matrix {data.nbytes / 2**20:,.0f} MB")
    rng = np.random.default_rng(99)
    picked = rng.integers(0, args.count, args.queries)
    queries = unit(
        data[picked] + rng.standard_normal((args.queries, DIMENSIONS)).astype(np.float32) * 0.03
    )

    with_data = rss_mb()
    t = time.perf_counter()
    index = Index(ndim=DIMENSIONS, metric="cos", dtype=args.dtype)
    index.add(np.arange(args.count, dtype=np.uint64), data, threads=0)
    build = time.perf_counter() - t
    built = rss_mb()
    print(
        f"usearch build ({args.dtype}, all cores): {build:.1f} s "
        f"({args.count / build:,.0f} vectors/s); it holds {built - with_data:,.0f} MB in memory"
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.usearch")
        t = time.perf_counter()
        index.save(path)
        print(
            f"  saved in {time.perf_counter() - t:.1f} s; "
            f"file {Path(path).stat().st_size / 2**20:,.0f} MB"
        )
        del index
        qpath = str(Path(tmp) / "queries.npy")
        np.save(qpath, queries)
        answer = subprocess.run(
            [sys.executable, __file__, "--mapped", path, qpath, args.expansion_search],
            check=True,
            capture_output=True,
            text=True,
        )
        mapped = json.loads(answer.stdout)

    exact_ms, exact_keys = [], []
    for q in queries:
        t = time.perf_counter()
        top = exact_top(data, q)
        if len(exact_ms) < args.exact_queries:
            exact_ms.append((time.perf_counter() - t) * 1000)
        exact_keys.append(set(int(k) for k in top))
    for expansion, run in mapped["runs"].items():
        recall = statistics.mean(
            len(exact & set(found)) / K
            for exact, found in zip(exact_keys, run["keys"], strict=True)
        )
        print(
            f"usearch, mapped file (a fresh process, 1 thread), expansion_search {expansion}: "
            f"{percentiles(run['timings'])}  over {args.queries} queries; "
            f"recall@{K} against exact {recall:.4f}"
        )
    print(
        f"  the mapping process: {mapped['rss_before']:.0f} MB before, "
        f"{mapped['rss_after']:.0f} MB after the queries (pages touched are shared, "
        f"file-backed); mapped in {mapped['open_ms']:.0f} ms"
    )
    print(f"exact numpy brute force (BLAS): {percentiles(exact_ms)}  over {len(exact_ms)} queries")
    print(f"this process: {base:.0f} MB at start, {with_data:.0f} MB with the matrix")
    single, batch = embedding_times()
    print(
        f"embedding (all-MiniLM-L6-v2 on numpy): {single:.1f} ms per text alone, "
        f"{batch:.1f} ms per text in a batch of 64"
    )


if __name__ == "__main__":
    main()
