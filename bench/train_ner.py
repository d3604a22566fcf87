"""Train the actor tagger (``seeds/tagger.npz``) on the gold named-entity data.

    python -m bench.train_ner            # trains on every document and writes seeds/tagger.npz

Reads ``<repo>/../shared/data/ner`` like ``bench/bench_ner.py`` (wikigold: CC-BY 4.0; re3d's CENTCOM and
US State Department releases: public domain; its UK Government releases: OGL v3.0). The gold is never
copied: only the weights are written.

What it learns from: wikigold's PER/ORG/LOC as person/organization/place and its MISC as "misc"; re3d in
its "names" reading (``bench_ner.names_only``: no pronouns, no determiners, no spans without a capital,
a person's title cut off) with Nationality as place, and its other labels that hold a capital (weapons,
platforms, documents) as "misc". Each document is read by the rules first (``briefing.actors.read_rules``):
their reading is a feature of each token, and the gold spans are mapped onto the same tokens.

The model is a structured averaged perceptron (Collins 2002) over the features of ``briefing.features``,
decoded with Viterbi. The benchmark trains the same way on part of the documents and scores the rest.
Its settings (``EPOCHS``, ``NAME_DOCS``, the affixes) were chosen by 4-fold cross-validation inside the
even-numbered documents of each set, mean of three seeds (``bench/RESULTS.md``, "Actor extraction").
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_ner import DATA, TYPES, Document, names_only, read_conll_dir, read_wikigold  # noqa: E402
from briefing.actors import Reading, read_rules  # noqa: E402
from briefing.aliases import fold, strip_article  # noqa: E402
from briefing.features import names  # noqa: E402
from briefing.gazetteer import load_gazetteer  # noqa: E402
from briefing.tagger import MODEL, TAGS, Tagger, features_of, viterbi  # noqa: E402

EPOCHS = 10
MIN_DOCS = 3  # a word joins the lexicon when this many training documents write it in lower case
NAME_DOCS = 2  # a capitalised word is a feature of its own when this many training documents have it
MIN_WEIGHT = 0.05  # weights smaller than this (averaged, per update) are dropped from the shipped file
_TAG = {t: k for k, t in enumerate(TAGS)}


@dataclass
class Prepared:
    """One gold document, read by the rules once, with its gold tags on the rules' tokens."""

    name: str
    doc: Document
    reading: Reading
    gold: dict[int, list[str]]
    lost: int  # gold spans whose edges fall inside a token


def training_spans(doc: Document) -> list[tuple[int, int, str]]:
    """Actor spans, and the spans of labels that are no actor (MISC, Weapon...) as "misc" when they hold a
    capital (a lower-case "weapons" is simply no name). Two readings of the gold sets are made one with the
    extractor's: a country is a place (re3d makes a country acting as a state an organisation, wikigold a
    place), and a nationality word is its country (re3d's Nationality; wikigold's MISC "Swedish")."""
    gaz = load_gazetteer()
    out = []
    for e in doc.gold:
        norm = fold(e.text)
        if e.type == "title":
            continue  # a person's title (names reading): not scored, and no label to learn
        if e.type in TYPES:
            country = e.type == "organization" and strip_article(norm) in gaz.countries
            out.append((e.start, e.end, "place" if country else e.type))
        elif norm in gaz.demonyms:
            out.append((e.start, e.end, "place"))
        elif any(w[:1].isupper() for w in e.text.split()):
            out.append((e.start, e.end, "misc"))
    return out


def project(reading: Reading, ents: list[tuple[int, int, str]]) -> tuple[dict[int, list[str]], int]:
    """The gold tag of every token of every sentence the rules read; how many spans cannot be tagged."""
    starts: dict[int, tuple[int, int]] = {}
    for si, toks in enumerate(reading.tokens):
        for k, t in enumerate(toks):
            starts[t.start] = (si, k)
    tags = {si: ["O"] * len(toks) for si, toks in enumerate(reading.tokens)}
    lost = 0
    taken: set[tuple[int, int]] = set()
    for start, end, kind in sorted(ents, key=lambda e: (e[0], -e[1])):
        at = starts.get(start)
        if at is None:
            lost += 1
            continue
        si, k = at
        toks = reading.tokens[si]
        last = k
        while last + 1 < len(toks) and toks[last + 1].start < end:
            last += 1
        if toks[last].end != end and toks[last].name_end != end:
            lost += 1
        if any((si, m) in taken for m in range(k, last + 1)):
            continue
        tags[si][k] = "B-" + kind
        for m in range(k + 1, last + 1):
            tags[si][m] = "I-" + kind
        taken.update((si, m) for m in range(k, last + 1))
    return tags, lost


def prepare(name: str, doc: Document) -> Prepared:
    target = names_only(doc) if name.startswith("re3d") else doc
    reading = read_rules(doc.text)
    gold, lost = project(reading, training_spans(target))
    return Prepared(name, doc, reading, gold, lost)


def gold_sets() -> list[tuple[str, list[Document]]]:
    """The gold documents by set, as published (the readings are applied later)."""
    out = []
    wiki = DATA / "wikigold" / "CONLL-format" / "data" / "wikigold.conll.txt"
    if wiki.exists():
        out.append(("wikigold", read_wikigold(wiki)))
    for sub in ("CENTCOM", "UK_Government", "US_State_Department"):
        folder = DATA / "re3d-open" / sub
        if folder.is_dir():
            out.append((f"re3d {sub}", read_conll_dir(folder)))
    return out


def make_lexicon(docs: list[Prepared], min_docs: int = MIN_DOCS) -> frozenset[str]:
    """Words that at least ``min_docs`` training documents write in lower case: common words, no names."""
    df: Counter[str] = Counter()
    for p in docs:
        df.update({t.low for toks in p.reading.tokens for t in toks if t.word and not t.cap})
    return frozenset(w for w, n in df.items() if n >= min_docs)


def make_known(docs: list[Prepared], min_docs: int | None = None) -> frozenset[str]:
    """Capitalised words (lower-cased) that at least ``min_docs`` training documents hold: the tagger may
    learn from them by identity ("cw=isil"). Only those that keep a weight are shipped."""
    df: Counter[str] = Counter()
    for p in docs:
        df.update({t.low for toks in p.reading.tokens for t in toks if t.word and (t.cap or t.acronym)})
    least = NAME_DOCS if min_docs is None else min_docs
    return frozenset(w for w, n in df.items() if n >= least) if least else frozenset()


@dataclass
class _Sentence:
    rows: np.ndarray  # feature ids of all tokens, flattened
    starts: np.ndarray  # where each token's ids begin in ``rows``
    gold: np.ndarray


def _examples(
    docs: list[Prepared], lexicon: frozenset[str], known: frozenset[str]
) -> tuple[list[_Sentence], dict[str, int]]:
    """The training segments as feature ids, and the feature index."""
    gaz = load_gazetteer()
    raw = []
    seen: set[str] = set()
    for p in docs:
        for si, (where, feats) in features_of(p.reading, gaz, lexicon, known).items():
            at = 0
            for a, b in where:
                raw.append(([names(f) for f in feats[at : at + b - a]], p.gold[si][a:b]))
                at += b - a
                for f in raw[-1][0]:
                    seen.update(f)
    index = {n: k for k, n in enumerate(sorted(seen))}
    out = []
    for feats, gold in raw:
        rows, starts = [], []
        for f in feats:
            starts.append(len(rows))
            rows.extend(k for k in map(index.get, f) if k is not None)
        out.append(_Sentence(np.asarray(rows), np.asarray(starts), np.asarray([_TAG[t] for t in gold])))
    return out, index


def train(docs: list[Prepared], epochs: int | None = None, seed: int = 0) -> Tagger:
    """An averaged structured perceptron over the segments of the documents' sentences."""
    epochs = EPOCHS if epochs is None else epochs  # read at call time, so a caller may set EPOCHS
    lexicon = make_lexicon(docs)
    known = make_known(docs)
    data, index = _examples(docs, lexicon, known)
    n_tags = len(TAGS)
    w = np.zeros((len(index), n_tags))
    u = np.zeros_like(w)  # sum of step * update, for the average (w - u / step)
    t = np.zeros((n_tags + 1, n_tags))
    tu = np.zeros_like(t)
    rng = random.Random(seed)
    step = 1
    order = list(range(len(data)))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            s = data[i]
            emit = np.add.reduceat(w[s.rows], s.starts)
            pred = np.asarray(viterbi(emit, t))
            wrong = np.nonzero(pred != s.gold)[0]
            if len(wrong):
                for k in wrong:
                    end = s.starts[k + 1] if k + 1 < len(s.starts) else len(s.rows)
                    rows = s.rows[s.starts[k] : end]
                    w[rows, s.gold[k]] += 1
                    w[rows, pred[k]] -= 1
                    u[rows, s.gold[k]] += step
                    u[rows, pred[k]] -= step
                for seq, sign in ((s.gold, 1), (pred, -1)):
                    prev = np.concatenate(([n_tags], seq[:-1]))
                    np.add.at(t, (prev, seq), sign)
                    np.add.at(tu, (prev, seq), sign * step)
            step += 1
    avg = w - u / step
    names = sorted(index, key=index.get)
    keep = np.abs(avg).max(axis=1) >= MIN_WEIGHT
    kept = [n for n, k in zip(names, keep, strict=True) if k]
    weights = np.vstack([avg[keep], np.zeros((1, n_tags))])  # the last row: features it does not know
    have = set(kept)
    known = frozenset(w for w in known if "cw=" + w in have)
    return Tagger({n: k for k, n in enumerate(kept)}, weights, t - tu / step, lexicon, known)


def save(model: Tagger, path: Path = MODEL) -> None:
    """Weights as float16 scaled to their largest value: a small file, and the same decisions."""
    names = sorted(model.index, key=model.index.get)
    scale = float(np.abs(model.weights).max()) / 60000.0 or 1.0
    np.savez_compressed(
        path,
        features=np.asarray(names),
        weights=(model.weights / scale).astype(np.float16),
        scale=np.asarray(scale),
        trans=model.trans.astype(np.float32),
        lexicon=np.asarray(sorted(model.lexicon)),
        known=np.asarray(sorted(model.known)),
    )


def main(argv: list[str] | None = None) -> int:
    sets = gold_sets()
    if not sets:
        print(f"skipped: no NER data at {DATA}")
        return 0
    docs = [prepare(name, d) for name, ds in sets for d in ds]
    lost = sum(p.lost for p in docs)
    model = train(docs)
    save(model)
    print(f"trained on {len(docs)} documents ({lost} gold spans not on token edges); wrote {MODEL}")
    print(f"{len(model.index):,} features, {MODEL.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
