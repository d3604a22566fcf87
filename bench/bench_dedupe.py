"""Near-duplicate detection: recall of re-published copies, false positives, and cost per article.

Real article bodies: the seed dumps, the test fixture dumps, pages and feeds (entries of 25 words or
more), after the dateline cut that ingest makes (``split_dateline``); with ``--bbc``, also the
BBC News Summary development articles read from ``../shared/data`` (evaluation only, never copied).

* **Copies** of each body with a typical re-publication edit (one sentence added at the start, middle
  or end; one removed; a paragraph added; a corrected paragraph, as with a changed headline, whose
  title dedupe never reads; three typos fixed; an "Updated ..." line; "Related"/newsletter/caption
  lines added; 10% and 20% of the words changed). Recall: the share of copies called near-duplicates
  of their original.
* **Same story, different articles** (must stay apart): articles of the seeds and fixture feeds on one
  event by different outlets or writers (listed in ``STORIES``), and a teaser against its full post.
* **Unrelated pairs**: every pair of distinct bodies (exact duplicates by content hash set aside), found
  through each method's own index (simhash bands, MinHash band keys), then confirmed.

Methods: ``simhash`` is the detector before m0011 (64-bit simhash of content words within 3 bits,
four 16-bit bands, then Jaccard of word 3-shingles >= 0.5), kept here for comparison;
``minhash`` is ``briefing.dedupe`` (a shared band key, ``worth_comparing`` on the signature and sizes,
then ``is_near_duplicate``: containment and length ratio). With
``--store``, the copies also go through ``store.articles.add_article`` on a database in a temporary
folder (candidates capped as in the store) and the outcome is checked against the right original.

With ``--ingest N``, also the store+FTS-only row of ``bench/bench_ingest.py`` for N corpus articles
(``ingest_files`` with ``enrich_article`` a no-op, pinned to one core), to see what the dedupe costs there.

Usage: ``python -m bench dedupe [--bbc] [--store] [--ingest 10000]``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

import numpy as np

from briefing import dedupe
from briefing.charsets import decode_text
from briefing.dumps import split_dump
from briefing.errors import SourceError
from briefing.feeds import parse_feed
from briefing.pages import parse_page
from briefing.sentences import split_dateline, split_sentences

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "summaries" / "bbc-dev" / "articles"
MIN_WORDS = 25
# Articles on one event by different outlets or writers, by the start of their titles.
STORIES = {
    "N. Korean troops (4 outlets)": ("Russia and North Korea", "Meek Europe", "How North Korea", "US vows"),
    "Ukraine peace talk (3 outlets)": ("Zelenskyy Calls", "Zelensky dampens", "Trump Taps"),
    "Starmer on Ukraine (2 outlets)": ("UK’s Starmer", "UK Prime Minister Sir Keir"),
    "State of the Union (Guardian, 6)": (
        "Trump State of the Union",
        "So, how did conservatives",
        "Late-night hosts on State",
        "Moments of protest",
        "'Extraordinary success'",
        "The kind of night",
    ),
    "Stormy Daniels (Guardian, 2)": ("Stormy Daniels on", "Porn actor Stormy"),
    "Menendez trial (TPM, 2)": ("Menendez 'Convinced'", "Menendez Trial Enters"),
    "Election rout (TPM, 5)": (
        "Fox News Buries",
        "GOP Virginia Rep",
        "Top Dems Say",
        "Ryan: GOP",
        "GOP Rep. Dave",
    ),
    "Teaser vs full post (Medium)": ("Wild Flavors All Year Round",),
}
UPDATE_LINES = (
    "Updated 24 November 2026, 10:42 GMT",
    "Last updated: 11:05 AM ET, Tue November 24, 2026",
    "This article was updated at 14:20 GMT on 24 November.",
)
FURNITURE = ("Related: {}", "Sign up for our morning newsletter", "Read more: {}", "Image caption: {}")


# ---------------------------------------------------------------- the bodies


def real_articles() -> list[tuple[str, str]]:
    """(title, body) of the fixture and seed articles with MIN_WORDS words or more."""
    found: list[tuple[str, str]] = []
    dumps = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/fixtures/dumps").glob("*.txt"))
    for path in dumps:
        found += [(d.title, d.body) for d in split_dump(decode_text(path.read_bytes()), source=path.name)]
    for path in sorted((ROOT / "tests/fixtures/feeds").iterdir()):
        if path.suffix in (".md", ".json") or path.name.startswith("LICENSE"):
            continue
        try:
            feed = parse_feed(path.read_bytes(), url="http://feed.test/")
        except Exception:  # the fixtures include broken feeds on purpose
            continue
        found += [(e.draft.title, e.draft.body) for e in feed.entries]
    for path in sorted((ROOT / "tests/fixtures/pages").glob("*.html")):
        try:
            page = parse_page(path.read_bytes(), url="http://page.test/a")
        except SourceError:  # the fixtures include pages that are no articles on purpose
            continue
        found.append((page.title, page.body))
    return [(t, split_dateline(b)[1]) for t, b in found if len(b.split()) >= MIN_WORDS]


def bbc_articles() -> list[tuple[str, str]]:
    found = []
    for path in sorted(BBC.glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")  # sport/199.txt
        title, _, body = text.strip().partition("\n")
        found.append((title.strip(), body.strip()))
    return found


def distinct(articles: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[str, tuple[str, str]] = {}
    for article in articles:
        seen.setdefault(dedupe.content_hash(article[1]), article)
    return list(seen.values())


# ---------------------------------------------------------------- the edits


def _sentences(body: str) -> list[list[str]]:
    return [[s.text for s in split_sentences(p)] or [p] for p in body.split("\n\n") if p.strip()]


def _join(paragraphs: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def add_sentence(body: str, other: str, where: str) -> str:
    paragraphs = _sentences(body)
    pool = [s for p in _sentences(other) for s in p]
    new = pool[len(pool) // 2]
    if where == "start":
        paragraphs[0] = [new, *paragraphs[0]]
    elif where == "end":
        paragraphs[-1] = [*paragraphs[-1], new]
    else:
        middle = paragraphs[len(paragraphs) // 2]
        k = len(middle) // 2
        paragraphs[len(paragraphs) // 2] = [*middle[:k], new, *middle[k:]]
    return _join(paragraphs)


def remove_sentence(body: str, where: str) -> str | None:
    paragraphs = _sentences(body)
    places = [(i, j) for i, p in enumerate(paragraphs) for j in range(len(p))]
    if len(places) < 2:
        return None
    i, j = {"start": places[0], "end": places[-1]}.get(where, places[len(places) // 2])
    del paragraphs[i][j]
    return _join(paragraphs)


def add_paragraph(body: str, other: str) -> str:
    paragraphs = _sentences(body)
    pool = [s for p in _sentences(other) for s in p]
    k = len(pool) // 3
    paragraphs.insert(max(1, len(paragraphs) // 2), pool[k : k + 3])
    return _join(paragraphs)


def change_words(text: str, share: float, rng: random.Random, vocabulary: list[str]) -> str:
    tokens = text.split(" ")
    for k in rng.sample(range(len(tokens)), max(1, round(share * len(tokens)))):
        tokens[k] = rng.choice(vocabulary)
    return " ".join(tokens)


def correct_paragraph(body: str, rng: random.Random, vocabulary: list[str]) -> str:
    paragraphs = body.split("\n\n")
    k = rng.randrange(len(paragraphs))
    paragraphs[k] = change_words(paragraphs[k], 0.15, rng, vocabulary)
    return "\n\n".join(paragraphs)


def typos(body: str, rng: random.Random, n: int = 3) -> str:
    tokens = re.split(r"(\s+)", body)
    places = [k for k, t in enumerate(tokens) if len(t) > 4 and t.isalpha()]
    for k in rng.sample(places, min(n, len(places))):
        t = tokens[k]
        j = rng.randrange(1, len(t) - 2)
        tokens[k] = t[:j] + t[j + 1] + t[j] + t[j + 2 :]
    return "".join(tokens)


EDITS: dict[str, Callable[[str, tuple[str, str], random.Random, list[str]], str | None]] = {
    "sentence added at start": lambda b, o, r, v: add_sentence(b, o[1], "start"),
    "sentence added in middle": lambda b, o, r, v: add_sentence(b, o[1], "middle"),
    "sentence added at end": lambda b, o, r, v: add_sentence(b, o[1], "end"),
    "first sentence removed": lambda b, o, r, v: remove_sentence(b, "start"),
    "middle sentence removed": lambda b, o, r, v: remove_sentence(b, "middle"),
    "last sentence removed": lambda b, o, r, v: remove_sentence(b, "end"),
    "paragraph (3 sentences) added": lambda b, o, r, v: add_paragraph(b, o[1]),
    "new headline + corrected paragraph": lambda b, o, r, v: correct_paragraph(b, r, v),
    "3 typos fixed": lambda b, o, r, v: typos(b, r),
    "'Updated ...' line added": lambda b, o, r, v: split_dateline(f"{r.choice(UPDATE_LINES)}\n\n{b}")[1],
    "3 furniture lines added": lambda b, o, r, v: "\n\n".join(
        [b, *(f.format(o[0]) for f in r.sample(FURNITURE, 3))]
    ),
    "10% of words changed": lambda b, o, r, v: change_words(b, 0.10, r, v),
    "20% of words changed": lambda b, o, r, v: change_words(b, 0.20, r, v),
}


def copies(articles: list[tuple[str, str]], seed: int = 0) -> list[tuple[str, int, str]]:
    """(edit, index of the original, edited body) for every article and edit that changes it."""
    rng = random.Random(seed)
    vocabulary = [w for _, b in articles[:60] for w in b.split() if w.isalpha() and len(w) > 3]
    out = []
    for i, (_, body) in enumerate(articles):
        other = articles[(7 * i + 3) % len(articles)]
        for name, edit in EDITS.items():
            copy = edit(body, other, rng, vocabulary)
            if copy and dedupe.content_hash(copy) != dedupe.content_hash(body):
                out.append((name, i, copy))
    return out


# ---------------------------------------------------------------- the methods


_WORD_HASHES: dict[str, int] = {}


def _word_hash(word: str) -> int:
    value = _WORD_HASHES.get(word)
    if value is None:  # cached, as the old code cached them
        value = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        _WORD_HASHES[word] = value
    return value


class Simhash:
    """The detector before m0011 (briefing/dedupe.py at commit 90652fa), for comparison."""

    name = "simhash<=3 + Jaccard>=0.5"

    def prepare(self, body: str) -> tuple[int, set[str]]:
        return self.fingerprint(body), self.shingles(body)

    @staticmethod
    def fingerprint(text: str) -> int:
        counts = Counter(re.findall(r"\w+", text.lower()))
        content = [(w, c) for w, c in counts.items() if len(w) > 2 and w not in dedupe._STOPWORDS]
        if not content:
            return 0
        hashes = np.array([_word_hash(w) for w, _ in content], dtype=np.uint64)
        weights = np.array([c for _, c in content], dtype=np.float64)
        bits = np.unpackbits(hashes.view(np.uint8)).reshape(-1, 64)
        votes = 2 * (weights @ bits) - weights.sum()
        return int.from_bytes(np.packbits(votes > 0).tobytes(), "big")

    @staticmethod
    def shingles(text: str) -> set[str]:
        tokens = dedupe.words(text)
        return {" ".join(tokens[i : i + 3]) for i in range(len(tokens) - 2)} or set(tokens)

    def keys(self, prepared: tuple[int, set[str]]) -> list[int]:
        return [(b << 16) | ((prepared[0] >> (16 * b)) & 0xFFFF) for b in range(4)]

    def same(self, a: tuple[int, set[str]], b: tuple[int, set[str]]) -> bool:
        if (a[0] ^ b[0]).bit_count() > 3:
            return False
        return len(a[1] & b[1]) / max(1, len(a[1] | b[1])) >= 0.5


class Minhash:
    name = "MinHash 20x3 + containment"

    def prepare(self, body: str) -> dedupe.Sketch:
        return dedupe.sketch(body)

    def keys(self, prepared: dedupe.Sketch) -> list[int]:
        return list(prepared.keys)

    def same(self, a: dedupe.Sketch, b: dedupe.Sketch) -> bool:
        if not set(a.keys) & set(b.keys):
            return False
        if (
            dedupe.worth_comparing(a, b.signature[None, :], np.array([len(b.features)]), np.array([b.size]))[
                0
            ]
            < 0
        ):
            return False
        return dedupe.is_near_duplicate(a, b)[0]


class MinhashTest(Minhash):
    """The decision alone, as if every stored article were compared: what the band keys lose."""

    name = "containment test alone"

    def same(self, a: dedupe.Sketch, b: dedupe.Sketch) -> bool:
        return dedupe.is_near_duplicate(a, b)[0]


def flagged_pairs(method: Simhash | Minhash, prepared: list) -> list[tuple[int, int]]:
    """Pairs of distinct articles the method calls near-duplicates, found through its index."""
    index: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(prepared):
        for key in method.keys(p):
            index[key].append(i)
    candidates = {pair for ids in index.values() for pair in combinations(ids, 2)}
    return sorted((a, b) for a, b in candidates if method.same(prepared[a], prepared[b]))


def cost_us(method: Simhash | Minhash, bodies: list[str]) -> float:
    start = time.process_time()
    for body in bodies:
        method.prepare(body)
    return (time.process_time() - start) / len(bodies) * 1e6


# ---------------------------------------------------------------- the run


def story_pairs(articles: list[tuple[str, str]]) -> dict[str, list[tuple[int, int]]]:
    out = {}
    for name, starts in STORIES.items():
        ids = [i for i, (t, _) in enumerate(articles) if t.startswith(starts)]
        out[name] = list(combinations(ids, 2))
    return out


def store_check(articles: list[tuple[str, str]], edited: list[tuple[str, int, str]]) -> dict[str, int]:
    """Originals then copies through ``add_article``: how many copies come back as near-duplicates
    of their own original, of another article, or as new."""
    from briefing.models import ArticleDraft
    from store import open_db, transaction
    from store.articles import add_article

    now = datetime(2026, 11, 24, tzinfo=UTC)
    tally: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as folder:
        db = open_db(Path(folder) / "dedupe.db")
        ids = {}
        with transaction(db):
            for i, (title, body) in enumerate(articles):
                result = add_article(
                    db, ArticleDraft(title, body, "bench", url=f"http://o.test/{i}"), now=now
                )
                ids[i] = result.article.id  # an original found a near-duplicate maps to the one it matched
        start = time.process_time()
        for k, (edit, i, body) in enumerate(edited):
            # a copy keeps its original's headline, but for the edit that gives it a new one
            title = f"Update: {k} new developments" if "headline" in edit else articles[i][0]
            with transaction(db):
                draft = ArticleDraft(title, body, "bench", url=f"http://c.test/{k}")
                result = add_article(db, draft, now=now)
            if result.outcome == "new":
                tally["new"] += 1
            else:  # a duplicate: the same text as an earlier copy (two edits that give one text)
                tally["of its original" if result.article.id == ids[i] else "of another article"] += 1
        tally["us per add (CPU)"] = round((time.process_time() - start) / len(edited) * 1e6)
        db.conn.close()
    return dict(tally)


def copies_table(
    methods: tuple, prepared: dict, edited: list[tuple[str, int, str]], bodies: list[str]
) -> None:
    print("| copies: edit | n | " + " | ".join(f"recall, {m.name}" for m in methods) + " |")
    print("|---|---:|" + "---:|" * len(methods))
    by_edit: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for name, i, body in edited:
        by_edit[name].append((i, body))
    totals: Counter[str] = Counter()
    for name, pairs in by_edit.items():
        cells = []
        for m in methods:
            hits = sum(m.same(prepared[m.name][i], m.prepare(body)) for i, body in pairs)
            totals[m.name] += hits
            cells.append(f"{hits / len(pairs):.2f}")
        print(f"| {name} | {len(pairs)} | " + " | ".join(cells) + " |")
    cells = [f"**{totals[m.name] / len(edited):.2f}**" for m in methods]
    print(f"| **all copies** | {len(edited)} | " + " | ".join(cells) + " |")
    words = [len(b.split()) for b in bodies]
    for low, high in ((0, 60), (60, 150), (150, None)):
        chosen = [(i, body) for _, i, body in edited if low <= words[i] < (high or 10**9)]
        if not chosen:
            continue
        rates = [
            sum(m.same(prepared[m.name][i], m.prepare(b)) for i, b in chosen) / len(chosen) for m in methods
        ]
        label = f"{low}-{high - 1}" if high else f"{low}+"
        print(
            f"| copies of originals of {label} words | {len(chosen)} | "
            + " | ".join(f"{r:.2f}" for r in rates)
            + " |"
        )


def apart_table(methods: tuple, prepared: dict, articles: list[tuple[str, str]]) -> dict[str, list]:
    """The must-stay-apart table; returns each method's flagged pairs of distinct bodies."""
    print("\n| must stay apart | pairs | " + " | ".join(f"called near-dup, {m.name}" for m in methods) + " |")
    print("|---|---:|" + "---:|" * len(methods))
    for name, pairs in story_pairs(articles).items():
        if pairs:
            cells = [str(sum(m.same(*(prepared[m.name][k] for k in p)) for p in pairs)) for m in methods]
            print(f"| {name} | {len(pairs)} | " + " | ".join(cells) + " |")
    n_pairs = len(articles) * (len(articles) - 1) // 2
    flagged = {m.name: flagged_pairs(m, prepared[m.name]) for m in methods}
    cells = [str(len(flagged[m.name])) for m in methods]
    print(f"| all pairs of distinct bodies | {n_pairs:,} | " + " | ".join(cells) + " |")
    return flagged


def run(articles: list[tuple[str, str]], label: str, *, store: bool) -> None:
    edited = copies(articles)
    methods = (Simhash(), Minhash(), MinhashTest())
    prepared = {m.name: [m.prepare(b) for _, b in articles] for m in methods}
    print(f"\n### {label}: {len(articles)} distinct bodies, {len(edited)} edited copies\n")
    copies_table(methods, prepared, edited, [b for _, b in articles])
    indexed = methods[:2]  # the test alone has no index: all pairs would be compared
    flagged = apart_table(indexed, prepared, articles)
    bodies = [b for _, b in articles]
    print("\n| cost | " + " | ".join(m.name for m in indexed) + " |")
    print("|---|" + "---:|" * len(indexed))
    cells = [f"{cost_us(m, bodies):.0f}" for m in indexed]
    print("| µs of CPU per article (fingerprint or sketch) | " + " | ".join(cells) + " |")
    if flagged[Minhash.name]:
        print("\nPairs of distinct bodies the MinHash method calls near-duplicates:\n")
        for a, b in flagged[Minhash.name]:
            containment, ratio = dedupe.resemblance(prepared[Minhash.name][a], prepared[Minhash.name][b])
            scores = f"containment {containment:.2f}, ratio {ratio:.2f}"
            old = "also" if (a, b) in flagged[Simhash.name] else "not"
            print(f"- {articles[a][0][:50]!r} ~ {articles[b][0][:50]!r} ({scores}; {old} by simhash)")
    if store:
        outcomes = store_check(articles, edited)
        print(f"\nThrough add_article (store, {len(edited)} copies after the originals): {outcomes}")


def ingest_row(n: int) -> None:
    from bench.bench_ingest import OUT, corpus_files, ingest, timed

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    files = corpus_files(n, 100, OUT)
    (wall, cpu), (stored, size) = timed(lambda: ingest(files, OUT / f"dedupe_ingest_{n}.db", enrich=False))
    print("\n| articles | mode | stored | wall s | CPU s | articles/s (wall) | articles/s (CPU) | database |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {n:,} | store+FTS only | {stored:,} | {wall:.1f} | {cpu:.1f} | {n / wall:,.0f} | {n / cpu:,.0f}"
        f" | {size / 1e6:.0f} MB ({size / n / 1e3:.1f} kB/article) |"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench dedupe", description=__doc__.split("\n")[0])
    parser.add_argument("--bbc", action="store_true", help="also the BBC dev articles (evaluation only)")
    parser.add_argument("--store", action="store_true", help="also run the copies through add_article")
    parser.add_argument("--ingest", type=int, metavar="N", help="also time store+FTS ingest of N articles")
    args = parser.parse_args(argv)
    run(distinct(real_articles()), "Seeds and fixtures", store=args.store)
    if args.bbc:
        if not BBC.is_dir():
            print(f"\n(no BBC articles at {BBC}: skipped)")
        else:
            run(distinct(bbc_articles()), "BBC News Summary dev articles", store=args.store)
    if args.ingest:
        ingest_row(args.ingest)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
