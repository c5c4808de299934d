"""Train the immediate-risk model (src/csphub/urgency/model.json) from the tuning sets.

    .venv/bin/python evaluation/urgency/train.py            # writes model.json, prints figures

Uses every labelled set here except heldout.jsonl, which is only ever measured
(benchmarks/urgency.py). Training rows: each text whole with its label, each sentence of a
text that is not urgent (not urgent either), and each sentence of an urgent text that the
rules flag (urgent). The decision threshold is chosen from five-fold out-of-fold scores so
that at most 3% of the texts that are not urgent pass it on their own. Deterministic: the
same sets give the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))

from csphub.embeddings import encode  # noqa: E402
from csphub.urgency.classifier import MODEL_FILE  # noqa: E402
from csphub.urgency.rules import danger_words, rule_hits  # noqa: E402
from csphub.urgency.text import sentences  # noqa: E402

TUNING_SETS = ("dev.jsonl", "tuning2.jsonl", "tuning3.jsonl", "tuning4.jsonl")
C = 4.0
TARGET_FALSE_ALARMS = 0.03


def load(names: tuple[str, ...] = TUNING_SETS) -> list[dict]:
    rows: list[dict] = []
    for name in names:
        path = HERE / name
        if path.exists():
            rows += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return rows


def training_rows(rows: list[dict]) -> tuple[list[str], list[int], list[int]]:
    """Texts, labels and the index of the row each came from."""
    texts, labels, origin = [], [], []
    for n, row in enumerate(rows):
        texts.append(row["text"])
        labels.append(int(row["urgent"]))
        origin.append(n)
        parts = sentences(row["text"])
        if len(parts) < 2:
            continue
        if row["urgent"]:
            flagged = {hit.sentence for hit in rule_hits(row["text"])}
            extra = [p for p in parts if p in flagged]
        else:
            extra = [p for p in parts if danger_words(p)]
        texts += extra
        labels += [int(row["urgent"])] * len(extra)
        origin += [n] * len(extra)
    return texts, labels, origin


def text_scores(model, rows: list[dict], vectors: dict[str, np.ndarray]) -> np.ndarray:
    """The best score over each text whole and its sentences with danger wording (as assess())."""
    out = []
    for row in rows:
        parts = [row["text"], *[s for s in sentences(row["text"]) if danger_words(s)]]
        out.append(model.predict_proba(np.vstack([vectors[p] for p in parts]))[:, 1].max())
    return np.asarray(out)


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=MODEL_FILE)
    args = parser.parse_args()

    rows = load()
    texts, labels, origin = training_rows(rows)
    every = sorted({*texts, *(s for r in rows for s in sentences(r["text"]))})
    vectors = dict(zip(every, encode(every), strict=True))
    X = np.vstack([vectors[t] for t in texts])
    y = np.asarray(labels)
    origin_arr = np.asarray(origin)
    urgent = np.asarray([r["urgent"] for r in rows])

    def fit(mask: np.ndarray):
        return LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(X[mask], y[mask])

    oof = np.zeros(len(rows))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(
        np.zeros(len(rows)), urgent
    ):
        model = fit(np.isin(origin_arr, train))
        oof[test] = text_scores(model, [rows[i] for i in test], vectors)
    threshold = float(np.quantile(oof[~urgent], 1 - TARGET_FALSE_ALARMS))
    rules_flag = np.asarray([bool(rule_hits(r["text"])) for r in rows])
    combined = rules_flag | (oof >= threshold)
    print(f"{len(rows)} texts ({urgent.sum()} urgent), {len(texts)} training rows")
    print(
        f"threshold {threshold:.3f}; out of fold, model alone: recall "
        f"{np.mean(oof[urgent] >= threshold):.3f}, "
        f"false alarms {np.mean(oof[~urgent] >= threshold):.3f}"
    )
    print(
        f"rules (tuned on these sets, so optimistic): recall {rules_flag[urgent].mean():.3f}, "
        f"false alarms {rules_flag[~urgent].mean():.3f}; with the model: recall "
        f"{combined[urgent].mean():.3f}, "
        f"false alarms {combined[~urgent].mean():.3f}"
    )

    final = fit(np.ones(len(y), dtype=bool))
    args.output.write_text(
        json.dumps(
            {
                "about": {
                    "what": "logistic regression over all-MiniLM-L6-v2 sentence "
                    "embeddings; urgent = 1",
                    "trained_on": [name for name in TUNING_SETS if (HERE / name).exists()],
                    "texts": len(rows),
                    "training_rows": len(texts),
                    "C": C,
                    "threshold_rule": f"out-of-fold false alarms at most {TARGET_FALSE_ALARMS:.0%}",
                },
                "bias": round(float(final.intercept_[0]), 6),
                "threshold": round(threshold, 6),
                "weights": [round(float(w), 6) for w in final.coef_[0]],
            },
            indent=1,
        )
        + "\n"
    )
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
