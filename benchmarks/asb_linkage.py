"""How well, and how fast, the one ASB count links police incidents to case incidents.

    .venv/bin/python benchmarks/asb_linkage.py                         # 1M x 1M (about 2 minutes)
    .venv/bin/python benchmarks/asb_linkage.py --sizes 10000 100000    # smaller runs, side by side

For each size it generates a labelled pair of sets (csphub.asbcount.synthetic: reports logged
late, locations snapped or missing, neighbouring postcodes, recoded categories, reworded
descriptions, addresses that report again and again; a quarter of the shared incidents carry
the police incident number), links them with csphub.asbcount.engine exactly as `csphub
asb-link` does (the truth is never shown to it), and prints precision, recall, the combined
count against the truth, and the time of each step with the process's peak memory.

Beside it, in the same run, the two counts a partnership can make without linkage: adding the
two sources up, and taking out only the incidents that carry a police number. Goal (issue 13):
precision and recall at least 0.95, combined count within 2% of the truth, 1M x 1M in under
5 minutes on this machine. It also prints precision and recall at other thresholds, which is
how CSPHUB_ASB_LINK_THRESHOLD was chosen.
"""

from __future__ import annotations

import argparse
import logging
import resource
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from csphub.asbcount import engine, synthetic  # noqa: E402

THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, seed: int) -> None:
    started = time.perf_counter()
    pair = synthetic.generate(n, n, seed=seed)
    generated = time.perf_counter() - started
    result = engine.link(pair.police, pair.cases)
    truth_pairs = pair.truth.height
    truth = n + n - truth_pairs
    labelled = result.pairs.join(
        pair.truth.with_columns(right=pl.lit(True)), on=["police_id", "case_id"], how="left"
    ).with_columns(pl.col("right").fill_null(False))
    right = int(labelled["right"].sum())
    numbered = int(pair.cases["police_incident_number"].is_not_null().sum())

    def error(count: int) -> str:
        return f"{count:>10,}  {100 * (count - truth) / truth:+6.2f}%"

    print(f"\n{n:,} police x {n:,} case incidents; {truth_pairs:,} true matches "
          f"(generated in {generated:.1f}s)")  # fmt: skip
    print(f"  precision {right / max(1, result.linked):.4f}   recall {right / truth_pairs:.4f}"
          f"   linked {result.linked:,} ({result.exact:,} by police number)")  # fmt: skip
    print("  distinct incidents                     count   vs truth")
    print(f"    truth                           {truth:>10,}")
    print(f"    one ASB count (ours)            {error(result.combined)}")
    print(f"    police + cases, added up        {error(2 * n)}")
    print(f"    less those with a police number {error(2 * n - numbered)}")
    steps = "  ".join(f"{k} {v:.1f}s" for k, v in result.timings.items())
    print(f"  time: {steps}   peak memory {peak_mb():,.0f} MB")
    print(f"  uncertain pairs for review: {result.uncertain.height:,}")
    # Other thresholds, from the same run: exact links plus the model's pairs above each.
    candidates = result.candidates.join(
        pair.truth.with_columns(right=pl.lit(True)), on=["police_id", "case_id"], how="left"
    ).with_columns(pl.col("right").fill_null(False))
    exact_right = int(labelled.filter(pl.col("exact"))["right"].sum())
    for threshold in THRESHOLDS:
        chosen = candidates.filter(pl.col("match_probability") >= threshold)
        hits = exact_right + int(chosen["right"].sum())
        count = result.exact + chosen.height
        mark = "  <- CSPHUB_ASB_LINK_THRESHOLD" if threshold == engine.THRESHOLD else ""
        precision, recall = hits / max(1, count), hits / truth_pairs
        print(f"    at {threshold:<4}: precision {precision:.4f}  recall {recall:.4f}  "
              f"combined {error(2 * n - count)}{mark}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    logging.getLogger("splink").setLevel(logging.ERROR)
    print(f"Linked at match probability >= {engine.THRESHOLD}")
    for n in args.sizes:
        run(n, args.seed)


if __name__ == "__main__":
    main()
