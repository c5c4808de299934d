"""How well the immediate-risk screen catches emergencies, and what it costs per text.

    .venv/bin/python benchmarks/urgency.py                 # every set, rules / model / both
    .venv/bin/python benchmarks/urgency.py --show-misses 20 # misses and false alarms (tuning sets)

For each labelled set in evaluation/urgency/ it prints the recall of urgent texts, the false-alarm
rate on texts that are not urgent, by reader (the rules alone, the model alone on the texts it is
asked about, and the two as the portal uses them), the misses by family, and the time per text.
The held-out set was written before any tuning and is not used for it; its texts are never
printed unless `--show-heldout` is given. The goal (issue 10): recall at least 0.97 on the
held-out set with false alarms at most 5%.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from csphub.urgency import assess  # noqa: E402
from csphub.urgency.rules import danger_words, rule_hits  # noqa: E402

SETS = ROOT / "evaluation" / "urgency"
ORDER = ("dev", "tuning2", "tuning3", "tuning4", "heldout", "heldout2")
GOAL_RECALL, GOAL_FALSE_ALARMS = 0.97, 0.05


def load(name: str) -> list[dict]:
    return [
        json.loads(line)
        for line in (SETS / f"{name}.jsonl").read_text().splitlines()
        if line.strip()
    ]


def rates(rows: list[dict], flagged: list[bool]) -> tuple[float, float]:
    urgent = [f for r, f in zip(rows, flagged, strict=True) if r["urgent"]]
    calm = [f for r, f in zip(rows, flagged, strict=True) if not r["urgent"]]
    return sum(urgent) / max(len(urgent), 1), sum(calm) / max(len(calm), 1)


def measure(name: str, rows: list[dict], show: int) -> dict:
    rules = [bool(rule_hits(r["text"])) for r in rows]
    timings, combined, sources = [], [], Counter()
    for row in rows:
        start = time.perf_counter()
        findings = assess(row["text"])
        timings.append((time.perf_counter() - start) * 1000)
        combined.append(bool(findings))
        sources.update({findings[0].source} if findings else {"none"})
    asked = [danger_words(r["text"]) and not f for r, f in zip(rows, rules, strict=True)]
    model_only = [c and not r for c, r in zip(combined, rules, strict=True)]
    rule_recall, rule_fa = rates(rows, rules)
    recall, false_alarms = rates(rows, combined)
    misses = Counter(
        r["family"] for r, f in zip(rows, combined, strict=True) if r["urgent"] and not f
    )
    alarms = Counter(
        r["family"] for r, f in zip(rows, combined, strict=True) if not r["urgent"] and f
    )
    print(f"\n{name}: {len(rows)} texts, {sum(r['urgent'] for r in rows)} urgent")
    print(f"  rules alone        recall {rule_recall:.3f}   false alarms {rule_fa:.3f}")
    print(
        "  model's additions  "
        f"{sum(m for m, r in zip(model_only, rows, strict=True) if r['urgent'])} urgent caught, "
        f"{sum(m for m, r in zip(model_only, rows, strict=True) if not r['urgent'])} false alarms "
        "added "
        f"(asked about {sum(asked)} texts)"
    )
    print(f"  rules + model      recall {recall:.3f}   false alarms {false_alarms:.3f}")
    print(
        f"  time per text      mean {statistics.mean(timings):.2f} ms, median "
        f"{statistics.median(timings):.2f} ms, "
        f"p95 {sorted(timings)[int(0.95 * (len(timings) - 1))]:.2f} ms, max {max(timings):.1f} ms"
    )
    if misses:
        print("  missed by family   " + ", ".join(f"{k} {v}" for k, v in misses.most_common()))
    if alarms:
        print("  false alarms by family " + ", ".join(f"{k} {v}" for k, v in alarms.most_common()))
    if show:
        wrong = [(r, c) for r, c in zip(rows, combined, strict=True) if r["urgent"] != c]
        for row, flagged in wrong[:show]:
            kind = "FALSE ALARM" if flagged else "MISS"
            print(f"    {kind} {row['id']} [{row['family']}] {row['text'][:240]}")
    return {
        "recall": recall,
        "false_alarms": false_alarms,
        "rules_recall": rule_recall,
        "rules_false_alarms": rule_fa,
        "ms_mean": statistics.mean(timings),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", type=int, default=0, metavar="N")
    parser.add_argument(
        "--show-heldout", action="store_true", help="also print held-out texts it gets wrong"
    )
    parser.add_argument("--only", choices=ORDER)
    args = parser.parse_args()

    assess("warm-up: he has a knife and is outside now")  # load the model once, outside the timings
    assess("a lad on the floor")
    results = {}
    for name in ORDER:
        if (args.only and name != args.only) or not (SETS / f"{name}.jsonl").exists():
            continue
        show = args.show_misses if (not name.startswith("heldout") or args.show_heldout) else 0
        results[name] = measure(name, load(name), show)
    for name in ("heldout", "heldout2"):
        if name in results:
            held = results[name]
            met = held["recall"] >= GOAL_RECALL and held["false_alarms"] <= GOAL_FALSE_ALARMS
            print(
                f"\n{name} goal (recall ≥ {GOAL_RECALL}, false alarms ≤ {GOAL_FALSE_ALARMS:.0%}): "
                f"{'met' if met else 'not met'}"
            )


if __name__ == "__main__":
    main()
