"""Choose changes to the actor extractor honestly: cross-validation inside the even-numbered documents.

    python -m bench.cv_ner                     # 4-fold CV inside the even documents, seeds 0 1 2
    python -m bench.cv_ner --seeds 0           # one seed (quicker, noisier: about +-0.005)
    python -m bench.cv_ner --errors /tmp/e.txt # also write the errors of seed 0, by set and type
    python -m bench.cv_ner --mode full         # the benchmark's 5-fold CV over all documents
    python -m bench.cv_ner --mode odd          # trained on the even documents, scored on the odd ones

The odd-numbered documents of each set are ``bench_ner``'s test half: ``--mode dev`` never reads their
gold, so a change chosen by it has not been chosen on the test half. Each fold's tagger is trained on
the other folds only (its lexicon and known words too, ``train_ner.train``). Prints the F1 of each set
and the mean over seeds of the two figures the choices are made on: wikigold, and re3d's "names"
reading averaged over its three subsets (``bench/RESULTS.md``, "Actor extraction").
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import bench_ner as B  # noqa: E402
from bench import train_ner as T  # noqa: E402

K = 4  # folds inside the even documents
_DOCS: list[tuple[str, int, T.Prepared]] = []


def _splits(mode: str) -> list[tuple[list[T.Prepared], list[T.Prepared]]]:
    if mode == "dev":
        even = [(k // 2, p) for _, k, p in _DOCS if k % 2 == 0]
        return [([p for k, p in even if k % K != f], [p for k, p in even if k % K == f]) for f in range(K)]
    if mode == "full":
        folds = B.FOLDS
        return [
            ([p for _, k, p in _DOCS if k % folds != f], [p for _, k, p in _DOCS if k % folds == f])
            for f in range(folds)
        ]
    return [([p for _, k, p in _DOCS if k % 2 == 0], [p for _, k, p in _DOCS if k % 2 == 1])]


def _run(job: tuple[str, int, int]) -> dict[str, list[B.Entity]]:
    mode, fold, seed = job
    train, test = _splits(mode)[fold]
    model = T.train(train, seed=seed)
    return {p.doc.text: B.entities(p.doc.text, model) for p in test}


def _errors(out, docs: list[B.Document], pred: dict[str, list[B.Entity]], name: str) -> None:
    """False positives and misses of one set, by type, with a little context."""
    for doc in docs:
        gold = {(e.start, e.end, e.type) for e in doc.gold if e.type in B.TYPES}
        ignore = [(e.start, e.end) for e in doc.gold if e.type not in B.TYPES]
        got = {
            (e.start, e.end, e.type)
            for e in pred[doc.text]
            if (e.start, e.end, e.type) in gold or not any(e.start < b and a < e.end for a, b in ignore)
        }
        for tag, items in (("FP", got - gold), ("FN", gold - got)):
            for a, b, t in sorted(items):
                ctx = doc.text[max(0, a - 40) : b + 40].replace("\n", " ")
                print(f"{name}\t{tag}\t{t}\t{doc.text[a:b]}\t{ctx}", file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mode", choices=("dev", "full", "odd"), default="dev")
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--errors", help="write the errors of the first seed to this file")
    ap.add_argument("--epochs", type=int, help=f"training epochs (default {T.EPOCHS})")
    ap.add_argument("--quiet", action="store_true", help="print only the summary line")
    args = ap.parse_args(argv)
    if not B.DATA.is_dir():
        print(f"skipped: no NER data at {B.DATA}")
        return 0
    t0 = time.time()
    if args.epochs:
        T.EPOCHS = args.epochs  # read by train_ner.train at call time, inherited by the workers
    published = [(n, d) for n, d in B.sets() if "(" not in n]
    _DOCS[:] = [(name, k, T.prepare(name, d)) for name, ds in published for k, d in enumerate(ds)]
    seeds = [int(s) for s in args.seeds.split(",")]
    n_folds = len(_splits(args.mode))
    jobs = [(args.mode, f, s) for s in seeds for f in range(n_folds)]
    with Pool(2) as pool:
        results = pool.map(_run, jobs)
    by_seed: dict[int, dict[str, list[B.Entity]]] = defaultdict(dict)
    for (_, _, seed), res in zip(jobs, results, strict=True):
        by_seed[seed].update(res)
    wiki, names = [], []
    err = open(args.errors, "w", encoding="utf-8") if args.errors else None  # noqa: SIM115
    for seed in seeds:
        pred = by_seed[seed]
        f1s = {}
        for name, docs in B.sets():
            docs = [d for d in docs if d.text in pred]
            s = B.score(docs, lambda d, pred=pred: pred[d.text])
            f1s[name] = s.prf()[2]
            if not args.quiet:
                types = " ".join(f"{t[:3]}={s.prf(t)[2]:.3f}" for t in B.TYPES)
                print(f"seed {seed} {name:40} {s.prf()[2]:.3f}  ({types})")
            if err and seed == seeds[0] and (name == "wikigold" or "(names)" in name):
                _errors(err, docs, pred, name)
        wiki.append(f1s["wikigold"])
        names.append(sum(v for k, v in f1s.items() if "(names)" in k) / 3)
    if err:
        err.close()
    mean = sum(wiki) / len(wiki), sum(names) / len(names)
    each = " ".join(f"{w:.3f}/{n:.3f}" for w, n in zip(wiki, names, strict=True))
    took = time.time() - t0
    print(f"SUMMARY {args.mode} wikigold={mean[0]:.4f} re3d-names={mean[1]:.4f}  seeds {each}  {took:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
