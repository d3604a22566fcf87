"""Summary quality and speed: ROUGE-1/2/L F1 on the BBC News Summary dev set, and time per article.

    python -m bench.bench_summary                 # the held-out half (the recorded run)
    python -m bench.bench_summary --limit 100     # a quick look
    python -m bench.bench_summary --part tune     # the half the default's weights were tuned on

Every system summarizes the same articles in the same run at two budgets: 3 sentences, and 100 words
(the chosen sentences in article order, cut to their first 100 words). Systems: Lead (the first
sentences), each of sumy's summarizers as sumy runs them, and the project's ``default``. The data set is
evaluation-only and is read from ``../shared/data/summaries/bbc-dev`` (next to the repository); it is
never copied into the repository. Without it the benchmark says so and exits 0.

Identical article bodies are scored once. The set is split in two by a hash of each file's path: the
default's weights were tuned on the ``tune`` half only; the recorded figures are on the ``test`` half.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.summarizers import SUMY_ALGORITHMS
from briefing.summary import build_document, split_headline, summarize_document

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "summaries" / "bbc-dev"
SYSTEMS = ("lead", *SUMY_ALGORITHMS, "default")
BUDGETS = (("3 sentences", {"sentences": 3}), ("100 words", {"words": 100}))
METRICS = ("rouge1", "rouge2", "rougeL")
# the reference sentences are joined with no separator: "...$10.9bn.For the full-year..."
_REFERENCE_JOIN = re.compile(r"(?<=[.!?\"'])(?=[A-Z])")


@dataclass(frozen=True)
class Pair:
    path: str
    title: str
    body: str
    reference: str


def _read(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:  # sport/199.txt is Latin-1
        return raw.decode("latin-1")


def part_of(path: str) -> str:
    """``tune`` or ``test``, stable for a file whatever else is in the set."""
    return "tune" if hashlib.sha1(path.encode()).digest()[0] % 2 == 0 else "test"


def load_pairs(data: Path = DATA, *, part: str = "test") -> list[Pair]:
    """Article/reference pairs, bodies de-duplicated, from one part (``tune``, ``test`` or ``all``)."""
    pairs, seen = [], set()
    for article in sorted((data / "articles").glob("*/*.txt")):
        rel = article.relative_to(data / "articles").as_posix()
        if part != "all" and part_of(rel) != part:
            continue
        reference = data / "summaries" / rel
        if not reference.exists():
            continue
        title, body = split_headline(_read(article))
        key = " ".join(body.split())
        if key in seen:
            continue
        seen.add(key)
        ref = " ".join(_REFERENCE_JOIN.split(_read(reference).strip()))
        pairs.append(Pair(rel, title, body, ref))
    return pairs


def run(pairs: Sequence[Pair], systems: Sequence[str] = SYSTEMS) -> list[dict]:
    """One row per system and budget: mean ROUGE F1s and mean milliseconds per article.

    Systems take turns on each article (in a rotating order), so a busy machine slows them alike.
    """
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    runs = [(budget, kwargs, system) for budget, kwargs in BUDGETS for system in systems]
    scores = {(b, s): {m: [] for m in METRICS} for b, _, s in runs}
    elapsed = dict.fromkeys(scores, 0.0)
    for i, pair in enumerate(pairs):
        for budget, kwargs, system in runs[i % len(runs) :] + runs[: i % len(runs)]:
            start = time.perf_counter()
            document = build_document(pair.body, title=pair.title)
            summary = summarize_document(document, algorithm=system, **kwargs)
            elapsed[budget, system] += time.perf_counter() - start
            result = scorer.score(pair.reference, " ".join(summary))
            for m in METRICS:
                scores[budget, system][m].append(result[m].fmeasure)
    rows = []
    for budget, _, system in runs:
        row = {"budget": budget, "system": system, "ms": 1000 * elapsed[budget, system] / max(1, len(pairs))}
        row.update({m: statistics.fmean(v) if v else 0.0 for m, v in scores[budget, system].items()})
        rows.append(row)
    return rows


def table(rows: Sequence[dict]) -> str:
    lines = [
        "| budget | system | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 | ms/article |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['budget']} | {r['system']} | {r['rouge1']:.4f} | {r['rouge2']:.4f} | "
            f"{r['rougeL']:.4f} | {r['ms']:.1f} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.bench_summary", description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument("--part", choices=("test", "tune", "all"), default="test")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated system names")
    parser.add_argument("--data", type=Path, default=DATA, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (args.data / "articles").is_dir():
        print(f"bench_summary: skipped, no data set at {args.data}")
        return 0
    pairs = load_pairs(args.data, part=args.part)
    if args.limit:
        pairs = pairs[: args.limit]
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    print(f"BBC News Summary dev set, part {args.part!r}: {len(pairs)} distinct articles")
    started = time.perf_counter()
    print(table(run(pairs, systems)))
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
