"""Stories and briefings at archive scale: clustering a day, assigning at ingest, /brief and /search.

    python -m bench.bench_brief                       # 100,000 articles (built once into bench/out/)
    python -m bench.bench_brief --articles 20000      # a quicker look

The corpus is synthetic (see :func:`build_corpus`, the one function to swap for another generator):
events over 50 days, each told by one to ten of 40 outlets within hours, titles and leads naming the
event's own people and places, bodies of sentences drawn from the seed dumps. Articles are inserted as
rows (their summaries are their first three sentences, as an ingest would store), then the whole archive
is clustered into stories with :func:`briefing.service.stories.recluster`. It then measures:

- clustering one day of articles (``cluster_articles``), the batch re-cluster of the whole archive,
- assigning a new article to a story at ingest (``assign_article_story``),
- ``/brief``, ``/brief TOPIC``, ``/search WORDS`` and ``/latest`` answered and rendered to Telegram HTML,
  p50/p95/max over many queries (targets p95: /brief < 300 ms, /search < 50 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import itertools
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefing.render import html_messages
from briefing.sentences import split_sentences
from briefing.service import App
from briefing.service.commands import Asker, answer, load_all
from briefing.service.stories import assign_article_story, recluster
from briefing.stories import cluster_articles
from config import load_settings
from store import Database, open_db, transaction
from store.articles import get_article
from store.db import to_iso
from store.stories import articles_between

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
START = datetime(2025, 1, 1, tzinfo=UTC)
DAYS = 50
OUTLETS = [f"outlet{i:02d}.example" for i in range(40)]
INSERT_SQL = (
    "INSERT INTO articles (url, title, body, source, published_at, ingested_at, dated_at, content_hash, "
    "simhash, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
SYLLABLES = "ka ri mo ne ta lo vi sa du pe zo ran kel bor tin gra vos mir lan dor".split()


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _seed_sentences() -> list[str]:
    sentences = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        sentences += [s.text for s in split_sentences(path.read_text(encoding="utf-8")) if len(s.text) > 60]
    return sentences


def _event(rng: random.Random, sentences: list[str]) -> dict:
    people = [f"{_name(rng)} {_name(rng)}" for _ in range(2)]
    place = _name(rng)
    topic = rng.choice(sentences).split()[3:7]
    return {"people": people, "place": place, "topic": topic, "size": min(10, int(rng.paretovariate(1.3)))}


def _article(rng: random.Random, event: dict, sentences: list[str], source: str) -> tuple[str, str, str]:
    who, other = event["people"]
    place = event["place"]
    verbs = ["meets", "warns", "says", "rejects", "backs", "visits"]
    title = f"{who} {rng.choice(verbs)} {other} in {place} over {' '.join(event['topic'][:2])}"
    lead = [
        f"{who} {rng.choice(verbs)} {other} in {place} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, "
        f"as talks on {' '.join(event['topic'])} continued.",
        f"Officials in {place} said {other} would respond after {who} spoke.",
        rng.choice(sentences),
    ]
    body = lead + rng.sample(sentences, 15)
    return title, "\n".join(body), "\n".join(lead)


def build_corpus(
    path: Path, *, articles: int, seed: int = 1, progress: Callable[[str], None] = print
) -> float | None:
    """A database of ``articles`` synthetic articles in stories, built once at ``path``; returns the
    seconds the re-cluster of the whole archive took (None when the database was already there)."""
    if path.exists():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sentences = _seed_sentences()
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    db = open_db(partial)
    rows, n = [], 0
    while n < articles:
        event = _event(rng, sentences)
        start = START + timedelta(seconds=rng.uniform(0, DAYS * 86400))
        for source in rng.sample(OUTLETS, max(1, event["size"])):
            if n == articles:
                break
            title, body, lead = _article(rng, event, sentences, source)
            when = to_iso(start + timedelta(hours=rng.expovariate(1 / 6)))
            digest = hashlib.sha256(f"{n}{title}{body}".encode()).hexdigest()
            rows.append((f"https://{source}/{n}", title, body, source, when, when, when, digest, n, lead))
            n += 1
        if len(rows) >= 5000 or n == articles:
            with transaction(db):
                db.conn.executemany(INSERT_SQL, rows)
            rows = []
            progress(f"  inserted {n:,} articles")
    app = _app(db)
    started = time.perf_counter()
    stories = recluster(app)
    seconds = time.perf_counter() - started
    progress(f"  clustered the archive into {stories:,} stories in {seconds:.1f} s")
    db.execute("PRAGMA optimize")
    db.conn.close()
    partial.rename(path)
    return seconds


def _app(db: Database) -> App:
    settings = load_settings({"BRIEFING_DB": ":memory:"})
    return App(db=db, settings=settings, clock=lambda: START + timedelta(days=DAYS, hours=6))


def _stats(samples: Sequence[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000, ordered[-1] * 1000


def _time(fn: Callable[[], object], repeat: int = 1) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def _ask(app: App, text: str) -> None:
    reply = asyncio.run(answer(app, text, Asker(1, 1)))
    html_messages(reply.document)


def _queries(db: Database, rng: random.Random) -> dict[str, list[str]]:
    titles = [r[0] for r in db.execute("SELECT title FROM articles ORDER BY random() LIMIT 200").fetchall()]
    people = [t.split(" ")[0] + " " + t.split(" ")[1] for t in titles]
    common = ["talks", "Ukraine", "Russia", "military", "said", "president"]
    return {
        "/brief": ["/brief"] * 30,
        "/brief TOPIC": [f"/brief {p}" for p in people[:40]] + [f"/brief {w}" for w in common],
        "/search WORDS": [f"/search {p}" for p in people[:60]]
        + [f"/search {w}" for w in common]
        + [f"/search {a} {b}" for a, b in itertools.pairwise(common)]
        + ["/search zzzunknown", '/search "Kim', "/search AND OR (", "/search NEAR(", "/search *"],
        "/latest": ["/latest"] * 30,
    }


def run(path: Path, *, articles: int) -> list[tuple[str, str, int, float, float, float]]:
    built = build_corpus(path, articles=articles)
    db = open_db(path)
    app = _app(db)
    load_all()
    rows = []
    if built is not None:
        rows.append(
            (
                "recluster",
                f"the whole archive, {articles:,} articles",
                1,
                built * 1000,
                built * 1000,
                built * 1000,
            )
        )
    day = articles_between(db, START + timedelta(days=20), START + timedelta(days=21))
    window = timedelta(hours=app.settings.story_window_hours)
    samples = _time(lambda: cluster_articles(day, window=window), repeat=5)
    rows.append(("cluster_articles", f"one day, {len(day):,} articles", 5, *_stats(samples)))

    rng = random.Random(7)
    for name, queries in _queries(db, rng).items():
        for q in queries[:3]:  # warm the page cache as a running bot would be
            _ask(app, q)
        samples = [t for q in queries for t in _time(lambda q=q: _ask(app, q))]
        rows.append((name, f"{len(queries)} queries", len(samples), *_stats(samples)))

    db.execute("BEGIN")  # the new articles are rolled back: the corpus stays as built
    try:
        new_ids = _insert_new(db, rng, count=40)
        samples = [
            t for i in new_ids for t in _time(lambda i=i: assign_article_story(app, get_article(db, i)))
        ]
        rows.append(("assign_article_story", "a new article at ingest", len(samples), *_stats(samples)))
    finally:
        db.execute("ROLLBACK")
        db.conn.close()
    return rows


def _insert_new(db: Database, rng: random.Random, *, count: int) -> list[int]:
    """New articles that continue recent stories (half) or start their own (half)."""
    sentences = _seed_sentences()
    recent = db.execute("SELECT title FROM articles ORDER BY dated_at DESC LIMIT ?", [count]).fetchall()
    ids = []
    for i, (title,) in enumerate(recent):
        event = _event(rng, sentences)
        if i % 2 == 0:
            words = title.split()
            event["people"] = [f"{words[0]} {words[1]}", " ".join(words[3:5])]
        new_title, body, lead = _article(rng, event, sentences, rng.choice(OUTLETS))
        when = to_iso(START + timedelta(days=DAYS, hours=1))
        digest = hashlib.sha256(f"new{i}{new_title}{rng.random()}".encode()).hexdigest()
        cursor = db.execute(
            INSERT_SQL,
            [f"https://new/{digest[:16]}", new_title, body, "new.example", when, when, when, digest, i, lead],
        )
        assert cursor.lastrowid is not None
        ids.append(cursor.lastrowid)
    return ids


def table(rows: Sequence[tuple]) -> str:
    lines = ["| operation | workload | n | p50 ms | p95 ms | max ms |", "|---|---|---:|---:|---:|---:|"]
    for name, workload, n, p50, p95, worst in rows:
        lines.append(f"| {name} | {workload} | {n} | {p50:.1f} | {p95:.1f} | {worst:.1f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.bench_brief", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="corpus database (default: bench/out/brief-N.db)")
    args = parser.parse_args(argv)
    path = args.db or OUT / f"brief-{args.articles}.db"
    print(f"corpus: {path} ({args.articles:,} articles)")
    print(table(run(path, articles=args.articles)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
