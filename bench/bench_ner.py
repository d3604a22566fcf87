"""Actor extraction against gold named-entity data: typed entity-level precision, recall and F1.

    python -m bench.bench_ner            # or: python bench/bench_ner.py

Reads ``<repo>/../shared/data/ner`` (wikigold and the re3d-open subsets; see their PROVENANCE.md) and
skips cleanly when it is absent. A document's tokens are joined back into text (no space before closing
punctuation, none around hyphens and apostrophes), one sentence a line, and ``extract_actors`` runs on
the whole document; every mention is a predicted entity. A prediction is correct when its character span
and its type are exactly a gold entity's.

Mapping: PER/Person -> person, ORG/Organisation -> organization, LOC/Location -> place, and re3d's
Nationality -> place (the extractor maps "Iraqi" to Iraq). wikigold's MISC and re3d's other labels
(Weapon, Temporal, Quantity, Money, MilitaryPlatform, DocumentReference) are not actor types: they are not
scored, and a prediction that overlaps one of them is neither right nor wrong.

re3d is scored three ways: all gold entities; without pronouns ("we", "he", "I"...); and "names", which
also drops gold spans with no capitalised word ("defensive positions", "the city") and a leading "the"/"a"
(re3d includes determiners in spans; the extractor's spans never do).

The baseline takes every run of capitalised tokens as one entity of the set's most frequent type.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefing.actors import extract_actors  # noqa: E402
from briefing.aliases import fold  # noqa: E402
from briefing.cues import PORTFOLIOS, TITLES, words  # noqa: E402
from briefing.gazetteer import load_gazetteer  # noqa: E402
from briefing.sentences import split_sentences  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ner"
TYPES = ("person", "organization", "place")
LABELS = {
    "PER": "person",
    "Person": "person",
    "ORG": "organization",
    "Organisation": "organization",
    "LOC": "place",
    "Location": "place",
    "Nationality": "place",
}
PRONOUNS = words(
    """i me my mine myself we us our ours ourselves you your yours he him his himself she her hers herself
    it its itself they them their theirs themselves who whom whose this that these those"""
)
_NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "'s", "’s", "n't", "%", "'", "’", "”"}
_GLUE = {"-", "’", "'", "/"}


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    type: str  # an actor type, or "ignore" for labels that are not scored
    text: str


@dataclass(frozen=True)
class Document:
    text: str
    sentences: int
    gold: tuple[Entity, ...]
    tokens: tuple[tuple[int, int, str], ...]  # start, end, token


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans from IOB1/IOB2 tags: (first, last + 1, label)."""
    out: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        kind, _, name = tag.partition("-")
        if start is not None and (tag == "O" or kind == "B" or name != label):
            out.append((start, i, label))
            start = None
        if tag != "O" and start is None:
            start, label = i, name
    return out


def _build(sentences: list[list[tuple[str, str]]]) -> Document:
    parts: list[str] = []
    pos = 0
    tokens: list[tuple[int, int, str]] = []
    gold: list[Entity] = []
    for sentence in sentences:
        offsets = []
        prev = None
        for tok, _ in sentence:
            glue = prev is not None and (
                tok in _NO_SPACE_BEFORE or tok in _GLUE or prev in _GLUE or prev == "("
            )

            if prev is not None and not glue:
                parts.append(" ")
                pos += 1
            offsets.append((pos, pos + len(tok)))
            tokens.append((pos, pos + len(tok), tok))
            parts.append(tok)
            pos += len(tok)
            prev = tok
        for a, b, label in _spans([tag for _, tag in sentence]):
            start, end = offsets[a][0], offsets[b - 1][1]
            type_ = LABELS.get(label, "ignore")
            gold.append(Entity(start, end, type_, ""))
        parts.append("\n")
        pos += 1
    text = "".join(parts)
    gold = [Entity(e.start, e.end, e.type, text[e.start : e.end]) for e in gold]
    return Document(text, len(sentences), tuple(gold), tuple(tokens))


def read_wikigold(path: Path) -> list[Document]:
    docs: list[Document] = []
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if current:
                sentences.append(current)
            if sentences:
                docs.append(_build(sentences))
            sentences, current = [], []
        elif not line.strip():
            if current:
                sentences.append(current)
            current = []
        else:
            tok, tag = line.rsplit(" ", 1)
            current.append((tok, tag))
    if current:
        sentences.append(current)
    if sentences:
        docs.append(_build(sentences))
    return docs


def read_conll_dir(path: Path) -> list[Document]:
    docs = []
    for file in sorted(path.glob("*.conll")):
        sentences: list[list[tuple[str, str]]] = []
        current: list[tuple[str, str]] = []
        for line in file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if current:
                    sentences.append(current)
                current = []
                continue
            tok, _, tag = line.partition("\t")
            current.append((tok, tag.strip() or "O"))
        if current:
            sentences.append(current)
        if sentences:
            docs.append(_build(sentences))
    return docs


def without_pronouns(doc: Document) -> Document:
    gold = tuple(e for e in doc.gold if e.text.lower() not in PRONOUNS)
    return Document(doc.text, doc.sentences, gold, doc.tokens)


def _after_title(text: str) -> int:
    """Where the name starts in a gold person span that holds a title: after the last title word, then
    after the lower-case words and known places of a portfolio ("Minister for the Middle East Tobias
    Ellwood" -> "Tobias Ellwood", "Secretary of Defense Ash Carter" -> "Ash Carter"). ``len(text)`` when no
    name is left ("The Foreign Secretary")."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    titled = [k for k, (_, w) in enumerate(words) if w.lower().rstrip(".") in TITLES]
    if not titled:
        return 0
    k = titled[-1] + 1
    gaz = load_gazetteer()
    while k < len(words):
        word = words[k][1]
        two = fold(" ".join(w for _, w in words[k : k + 2]))
        if word[:1].islower() or word.lower() in PORTFOLIOS:
            k += 1
        elif gaz.place(two) and k + 2 < len(words):
            k += 2
        elif gaz.place(fold(word)) and k + 1 < len(words):
            k += 1
        else:
            break
    return words[k][0] if k < len(words) else len(text)


def names_only(doc: Document) -> Document:
    """Gold spans that name something: a leading determiner and a person's title dropped, and a
    capitalised word required."""
    gold = []
    for e in doc.gold:
        start, text = e.start, e.text
        for det in ("the ", "The ", "a ", "an ", "A ", "An "):
            if text.startswith(det):
                start, text = start + len(det), text[len(det) :]
        if e.type == "person":
            cut = _after_title(text)
            start, text = start + cut, text[cut:]
        words = text.split()
        if e.type != "ignore" and (not words or text.lower() in PRONOUNS or start >= e.end):
            continue
        if e.type != "ignore" and not any(w[:1].isupper() for w in words):
            continue
        gold.append(Entity(start, e.end, e.type, text))
    return Document(doc.text, doc.sentences, tuple(gold), doc.tokens)


def predict(doc: Document) -> list[Entity]:
    return [Entity(m.start, m.end, a.type, m.surface) for a in extract_actors(doc.text) for m in a.mentions]


def baseline(doc: Document, type_: str) -> list[Entity]:
    """Every run of capitalised tokens, one entity of the set's most frequent type."""
    out, run = [], []
    for start, end, tok in [*doc.tokens, (-1, -1, "")]:
        if tok[:1].isupper():
            run.append((start, end))
            continue
        if run:
            out.append(Entity(run[0][0], run[-1][1], type_, ""))
        run = []
    return out


@dataclass
class Score:
    tp: Counter
    fp: Counter
    fn: Counter

    @classmethod
    def empty(cls) -> Score:
        return cls(Counter(), Counter(), Counter())

    def prf(self, type_: str | None = None) -> tuple[float, float, float]:
        keys = [type_] if type_ else list(TYPES)
        tp = sum(self.tp[k] for k in keys)
        fp = sum(self.fp[k] for k in keys)
        fn = sum(self.fn[k] for k in keys)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[Document], predictor) -> Score:
    s = Score.empty()
    for doc in docs:
        gold = {(e.start, e.end, e.type) for e in doc.gold if e.type in TYPES}
        ignore = [(e.start, e.end) for e in doc.gold if e.type == "ignore"]
        pred = set()
        for e in predictor(doc):
            if any(e.start < b and a < e.end for a, b in ignore) and (e.start, e.end, e.type) not in gold:
                continue
            pred.add((e.start, e.end, e.type))
        for _, _, t in pred & gold:
            s.tp[t] += 1
        for _, _, t in pred - gold:
            s.fp[t] += 1
        for _, _, t in gold - pred:
            s.fn[t] += 1
    return s


def _plain(text: str) -> Document:
    return Document(text, len(split_sentences(text)), (), ())


def throughput(docs: list[Document], rounds: int = 5) -> float:
    """Sentences per CPU second of ``extract_actors`` on whole documents (sentence splitting included),
    best of ``rounds``. CPU time, because the machine's other core may be busy with other work."""
    sentences = sum(d.sentences for d in docs)
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for d in docs:
            extract_actors(d.text)
        best = min(best, time.process_time() - t0)
    return sentences / best


def sets() -> Iterator[tuple[str, list[Document]]]:
    wiki = DATA / "wikigold" / "CONLL-format" / "data" / "wikigold.conll.txt"
    if wiki.exists():
        yield "wikigold", read_wikigold(wiki)
    for sub in ("CENTCOM", "UK_Government", "US_State_Department"):
        folder = DATA / "re3d-open" / sub
        if folder.is_dir():
            docs = read_conll_dir(folder)
            yield f"re3d {sub}", docs
            yield f"re3d {sub} (no pronouns)", [without_pronouns(d) for d in docs]
            yield f"re3d {sub} (names)", [names_only(d) for d in docs]


def _fmt(prf: tuple[float, float, float]) -> str:
    return " ".join(f"{x:5.3f}" for x in prf)


def main(argv: list[str] | None = None) -> int:
    """Print the table; takes no options (``argv`` is accepted so ``python -m bench ner`` can pass one)."""
    if not DATA.is_dir():
        print(f"skipped: no NER data at {DATA}")
        return 0
    extract_actors("Warm-up: Keith Kellogg met NATO officials in Kyiv.")  # load the gazetteers
    rows = []
    all_docs: list[Document] = []
    for name, docs in sets():
        if "(" not in name:
            all_docs.extend(docs)
        common = Counter(e.type for d in docs for e in d.gold if e.type in TYPES).most_common(1)[0][0]
        ours = score(docs, predict)
        base = score(docs, lambda d, t=common: baseline(d, t))
        gold_n = sum(1 for d in docs for e in d.gold if e.type in TYPES)
        rows.append((name, gold_n, ours, base))
    print("Typed entity-level scores, exact span and type (P R F1)")
    print(f"{'set':42} {'gold':>5}  {'extractor P R F1':17}  {'baseline P R F1':17}")
    for name, gold_n, ours, base in rows:
        print(f"{name:42} {gold_n:5d}  {_fmt(ours.prf())}  {_fmt(base.prf())}")
        for t in TYPES:
            n = ours.tp[t] + ours.fn[t]
            print(f"  {t:40} {n:5d}  {_fmt(ours.prf(t))}  {_fmt(base.prf(t))}")
    sentences = sum(d.sentences for d in all_docs)
    rate = throughput(all_docs)
    print(f"\nthroughput, gold sets: {rate:,.0f} sentences/s ({sentences:,} sentences, one core, best of 5)")
    news = [_plain(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("0*.txt"))]
    rate = throughput(news)
    count = sum(d.sentences for d in news)
    print(f"throughput, seeds/ news dumps: {rate:,.0f} sentences/s ({count:,} sentences)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
