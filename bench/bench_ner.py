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
A mention nested in a longer one (the person a body is named after, "Biden" of "the Biden
administration") is not scored either: the gold spans are flat.

re3d is scored three ways: all gold entities; without pronouns ("we", "he", "I"...); and "names", which
also drops gold spans with no capitalised word ("defensive positions", "the city") and a leading "the"/"a"
(re3d includes determiners in spans; the extractor's spans never do).

The baseline takes every run of capitalised tokens as one entity of the set's most frequent type.
"""

from __future__ import annotations

import re
import sys
import time
import unicodedata
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
    type: str  # an actor type; "ignore" for labels that are not scored, "title" for a person's title
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


_APOSTROPHES = {"'", "’"}
_CONTRACTIONS = {"s", "t", "ll", "re", "ve", "d", "m"}


def _apostrophes(toks: list[str]) -> list[bool]:
    """Whether each token joins the one before it, for apostrophes: both sides of a contraction
    ("don ' t") or of one inside a word ("Da ' esh"), before a plural possessive ("the Bruins ' roster"),
    inside quotes ("the ' Classic ' circuit"). Gluing every apostrophe to both neighbours made words like
    "Bruins'powerful"."""
    glued = [False] * len(toks)
    quoted = False
    for k, tok in enumerate(toks):
        if tok not in _APOSTROPHES or k == 0:
            continue
        nxt = toks[k + 1].lower() if k + 1 < len(toks) else ""
        if nxt in _CONTRACTIONS:
            glued[k] = True
            glued[k + 1] = True
        elif quoted:
            glued[k], quoted = True, False
        elif toks[k - 1][-1:] in ("s", "S"):
            glued[k] = True  # plural possessive
        elif nxt[:1].isalpha() and nxt[:1].islower():
            glued[k] = True  # inside a word: "Da'esh"
            glued[k + 1] = True
        else:
            quoted = k + 1 < len(toks)
            if quoted:
                glued[k + 1] = True  # an opening quote joins the word after it
    return glued


def _build(sentences: list[list[tuple[str, str]]]) -> Document:
    parts: list[str] = []
    pos = 0
    tokens: list[tuple[int, int, str]] = []
    gold: list[Entity] = []
    for sentence in sentences:
        offsets = []
        prev = None
        glued = _apostrophes([tok for tok, _ in sentence])
        for k, (tok, _) in enumerate(sentence):
            glue = prev is not None and (
                tok in _NO_SPACE_BEFORE or tok in _GLUE or prev in _GLUE or prev == "("
            )
            if tok in _APOSTROPHES or prev in _APOSTROPHES:
                glue = prev is not None and glued[k]
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


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _after_title(text: str) -> int:
    """Where the name starts in a gold person span that holds a title: after the last title word, then
    after the lower-case words and known places of a portfolio ("Minister for the Middle East Tobias
    Ellwood" -> "Tobias Ellwood", "Secretary of Defense Ash Carter" -> "Ash Carter"). ``len(text)`` when no
    name is left ("The Foreign Secretary")."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    titled = [k for k, (_, w) in enumerate(words) if w.lower().rstrip(".") in TITLES]
    # a rating's class ends a title too: "Navy Special Warfare Operator 1st Class Charles Keating"
    titled += [
        k for k in range(1, len(words)) if words[k][1] == "Class" and _ORDINAL.fullmatch(words[k - 1][1])
    ]
    titled.sort()
    if not titled:
        return 0
    k = titled[-1] + 1
    gaz = load_gazetteer()
    while k < len(words):
        word = words[k][1]
        two = fold(" ".join(w for _, w in words[k : k + 2]))
        # a place after "for"/"of"/"the" is the portfolio's ("Minister for the Middle East"), even last
        portfolio = k > 0 and words[k - 1][1].lower() in ("for", "of", "the")
        if word[:1].islower() or word.lower() in PORTFOLIOS:
            k += 1
        elif gaz.place(two) and (k + 2 < len(words) or portfolio):
            k += 2
        elif gaz.place(fold(word)) and (k + 1 < len(words) or portfolio):
            k += 1
        else:
            break
    return words[k][0] if k < len(words) else len(text)


def _capitalised(word: str) -> bool:
    """A word with a capital at its start or after a hyphen or apostrophe: "Mosul", "al-Qaida", "d'Arc"."""
    return any(part[:1].isupper() for part in re.split(r"[-'’]", word))


_DETERMINERS = ("the ", "The ", "a ", "an ", "A ", "An ", "our ", "Our ", "their ", "Their ", "its ", "Its ")


def _untrimmed(start: int, text: str) -> tuple[int, str]:
    while text and (unicodedata.category(text[0]) == "Cf" or text[0].isspace()):
        start, text = start + 1, text[1:]
    return start, text


def names_only(doc: Document) -> Document:
    """Gold spans that name something: a leading determiner and a person's title dropped, and a
    capitalised word required ("al-Qaida" has one). Invisible format characters at a span's start (a
    left-to-right mark the source left before "Haider al-Abadi") are no part of the name."""
    gold = []
    for e in doc.gold:
        start, text = _untrimmed(e.start, e.text)
        for det in _DETERMINERS:
            if text.startswith(det):
                start, text = start + len(det), text[len(det) :]
        if e.type == "person":
            cut = _after_title(text)
            if cut:
                start, text = _untrimmed(start + cut, text[cut:])
                # the title is no part of the name, and the gold says nothing of what is in it
                gold.append(Entity(e.start, start, "title", doc.text[e.start : start]))
        words = text.split()
        if e.type != "ignore" and (not words or text.lower() in PRONOUNS or start >= e.end):
            continue
        if e.type != "ignore" and not any(_capitalised(w) for w in words):
            continue
        gold.append(Entity(start, e.end, e.type, text))
    return Document(doc.text, doc.sentences, tuple(gold), doc.tokens)


def entities(text: str, tagger: object = "shipped") -> list[Entity]:
    """Every mention ``extract_actors`` finds, as a predicted entity."""
    found = extract_actors(text, tagger=tagger)  # type: ignore[arg-type]
    spans = [Entity(m.start, m.end, a.type, m.surface) for a in found for m in a.mentions]
    return [e for e in spans if not any(_inside(e, o) for o in spans)]


def _inside(e: Entity, outer: Entity) -> bool:
    """Is ``e`` inside a longer mention? The gold data is flat: "Biden" of "the Biden administration"
    (a mention of Joe Biden too, so the article counts for him) is not marked there, and is not scored."""
    return outer.start <= e.start and e.end <= outer.end and outer.end - outer.start > e.end - e.start


def predict(doc: Document) -> list[Entity]:
    return entities(doc.text)


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
        ignore = [(e.start, e.end) for e in doc.gold if e.type not in TYPES]
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


def readings(name: str, docs: list[Document]) -> Iterator[tuple[str, list[Document]]]:
    """A set as published and, for re3d, without pronouns and as names."""
    yield name, docs
    if name.startswith("re3d"):
        yield f"{name} (no pronouns)", [without_pronouns(d) for d in docs]
        yield f"{name} (names)", [names_only(d) for d in docs]


def sets() -> Iterator[tuple[str, list[Document]]]:
    wiki = DATA / "wikigold" / "CONLL-format" / "data" / "wikigold.conll.txt"
    if wiki.exists():
        yield from readings("wikigold", read_wikigold(wiki))
    for sub in ("CENTCOM", "UK_Government", "US_State_Department"):
        folder = DATA / "re3d-open" / sub
        if folder.is_dir():
            yield from readings(f"re3d {sub}", read_conll_dir(folder))


def _fmt(prf: tuple[float, float, float]) -> str:
    return " ".join(f"{x:5.3f}" for x in prf)


FOLDS = 5


def held_out(published: list[tuple[str, list[Document]]]) -> tuple[dict, dict]:
    """Predictions of models that never saw the document: (5-fold cross-validation by document over all
    sets, each fold's model trained on the other four; the odd documents of each set by a model trained on
    the even ones). Keys are document texts."""
    from bench import train_ner

    docs = [(k, train_ner.prepare(name, d)) for name, ds in published for k, d in enumerate(ds)]
    cv: dict[str, list[Entity]] = {}
    for part in range(FOLDS):
        model = train_ner.train([p for k, p in docs if k % FOLDS != part])
        for k, p in docs:
            if k % FOLDS == part:
                cv[p.doc.text] = entities(p.doc.text, model)
    model = train_ner.train([p for k, p in docs if k % 2 == 0])
    test = {p.doc.text: entities(p.doc.text, model) for k, p in docs if k % 2 == 1}
    return cv, test


def _table(title: str, columns: list[str], rows: list[tuple[str, list[Document], list]]) -> None:
    print(title)
    print(f"{'set':42} {'gold':>5}  " + "  ".join(f"{c:17}" for c in columns))
    for name, docs, scores in rows:
        gold_n = sum(1 for d in docs for e in d.gold if e.type in TYPES)
        print(f"{name:42} {gold_n:5d}  " + "  ".join(_fmt(s.prf()) for s in scores))
        for t in TYPES:
            n = scores[0].tp[t] + scores[0].fn[t]
            print(f"  {t:40} {n:5d}  " + "  ".join(_fmt(s.prf(t)) for s in scores))
    print()


def main(argv: list[str] | None = None) -> int:
    """Print the tables; takes no options (``argv`` is accepted so ``python -m bench ner`` can pass one)."""
    if not DATA.is_dir():
        print(f"skipped: no NER data at {DATA}")
        return 0
    extract_actors("Warm-up: Keith Kellogg met NATO officials in Kyiv.")  # load the gazetteers
    published = [(name, docs) for name, docs in sets() if "(" not in name]
    # throughput first, in a process that has not trained models yet (the shipped tagger is measured)
    all_docs = [d for _, docs in published for d in docs]
    rate = throughput(all_docs)
    news = [_plain(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("0*.txt"))]
    news_rate = throughput(news)
    rules = {d.text: entities(d.text, None) for _, docs in published for d in docs}
    cv, test = held_out(published)
    full, half = [], []
    for name, docs in sets():
        common = Counter(e.type for d in docs for e in d.gold if e.type in TYPES).most_common(1)[0][0]
        base = score(docs, lambda d, t=common: baseline(d, t))
        ours = score(docs, lambda d: cv[d.text])
        full.append((name, docs, [score(docs, lambda d: rules[d.text]), ours, base]))
        odd = docs[1::2]
        half.append((name, odd, [score(odd, lambda d: rules[d.text]), score(odd, lambda d: test[d.text])]))
    columns = ["rules P R F1", "rules+tagger", "baseline P R F1"]
    _table(f"All documents; the tagger held out by {FOLDS}-fold cross-validation (P R F1)", columns, full)
    _table("Test half (odd documents); the tagger trained on the even half (P R F1)", columns[:2], half)
    sentences = sum(d.sentences for d in all_docs)
    print(f"throughput, gold sets: {rate:,.0f} sentences/s ({sentences:,} sentences, one core, best of 5)")
    count = sum(d.sentences for d in news)
    print(f"throughput, seeds/ news dumps: {news_rate:,.0f} sentences/s ({count:,} sentences)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
