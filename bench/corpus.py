"""A synthetic news corpus built from the seed sentences, for benchmarks that need many articles.

Deterministic: article ``i`` of seed ``s`` is always the same text, whatever ``n`` is. Each article
has a section, a title, an author, a source (one of a few dozen outlets), a publication date spread
over the ``days`` before ``now``, and 3–8 paragraphs of 2–3 sentences drawn from the seeds. The
random combinations keep articles distinct (no duplicates or near-duplicates in practice).

Usage::

    from bench.corpus import build_corpus_db, corpus_drafts, write_corpus

    drafts = list(corpus_drafts(1000, seed=0))        # ArticleDraft objects, nothing written
    files = write_corpus(folder, 10_000, per_file=100)  # text dumps that bot.py ingest reads back
    report = build_corpus_db("bench/out/100k.db", 100_000, enrich=False)  # a ready database

``build_corpus_db`` stores the drafts straight into a new database (dedupe, bands and FTS
included); with ``enrich=True`` each article also goes through ``enrich_article`` (actors,
summaries, stories: whatever the pipeline does by then), which is slower. ``now`` defaults to
the current time, so "the last days" means the days before the run.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from briefing.charsets import decode_text
from briefing.dumps import split_dump
from briefing.models import ArticleDraft, IngestReport
from briefing.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SECTIONS = ("World", "Politics", "Europe", "Business", "Russia-Ukraine War", "Middle East", "Asia")
FIRST = ("Anna", "David", "Maria", "Olena", "James", "Sofia", "Ahmed", "Lena", "Tom", "Keiko")
LAST = ("Ehl", "Lopez", "Chen", "Novak", "Reyes", "Smith", "Ryall", "Costa", "Park", "Okafor")
OUTLETS = tuple(f"corpus-outlet-{k:02d}" for k in range(24))


_ENDS = re.compile(r"[.!?…][\"'”’)\]]*$")


@lru_cache(maxsize=4)
def seed_sentences(seeds: Path = SEEDS) -> tuple[str, ...]:
    """The sentences of the seed articles (six words or more, ending as sentences end), in file order.
    Subheadings ("Armistice Day Symbolism and Broader EU Relations") are left out: glued to the next
    sentence in a made-up paragraph they read as one long name."""
    out: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        for article in split_dump(decode_text(path.read_bytes()), source=path.name):
            for paragraph in article.body.split("\n\n"):
                out += [
                    s.text
                    for s in split_sentences(paragraph)
                    if len(s.text.split()) >= 6 and _ENDS.search(s.text)
                ]
    return tuple(dict.fromkeys(out))


def corpus_draft(i: int, *, seed: int = 0, now: datetime, days: int = 7) -> ArticleDraft:
    """Article ``i`` of the corpus."""
    pool = seed_sentences()
    rng = random.Random(seed * 1_000_003 + i)
    paragraphs = [" ".join(rng.sample(pool, rng.randint(2, 3))) for _ in range(rng.randint(3, 8))]
    words = rng.choice(pool).rstrip(".!?”\"'").split()
    start = rng.randrange(max(1, len(words) - 8))
    title = " ".join(words[start : start + rng.randint(6, 10)]).strip(",;:—–-“‘ ")
    title = title[:1].upper() + title[1:] + f" ({i})"
    when = now - timedelta(minutes=rng.randrange(days * 24 * 60))
    return ArticleDraft(
        title=title,
        body="\n\n".join(paragraphs),
        source=rng.choice(OUTLETS),
        author=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        section=rng.choice(SECTIONS),
        published_at=when.replace(second=0, microsecond=0),
    )


def corpus_drafts(
    n: int, *, seed: int = 0, now: datetime | None = None, days: int = 7, start: int = 0
) -> Iterator[ArticleDraft]:
    """Articles ``start .. start+n-1`` of the corpus."""
    now = now or datetime.now(UTC)
    for i in range(start, start + n):
        yield corpus_draft(i, seed=seed, now=now, days=days)


def render_dump(drafts: Sequence[ArticleDraft]) -> str:
    """Drafts as a scraped text dump, furniture included, that ``split_dump`` reads back."""
    parts = ["Connect with us", "Top Stories"]
    for draft in drafts:
        when = draft.published_at.strftime("%a %d %b %Y, %I:%M %p") if draft.published_at else ""
        parts += [draft.section or "News", draft.title, f"By {draft.author}", f"Published: {when}"]
        parts += ["Spread the love", draft.body, "Continue Reading"]
    parts += ["Trending", "0 Comments"]
    return "\n\n".join(parts) + "\n"


def write_corpus(
    folder: Path,
    n: int,
    *,
    seed: int = 0,
    per_file: int = 100,
    now: datetime | None = None,
    days: int = 7,
) -> list[Path]:
    """Write the first ``n`` corpus articles as text dumps of ``per_file`` articles each."""
    folder.mkdir(parents=True, exist_ok=True)
    now = now or datetime.now(UTC)
    paths = []
    for k, start in enumerate(range(0, n, per_file)):
        batch = list(corpus_drafts(min(per_file, n - start), seed=seed, now=now, days=days, start=start))
        path = folder / f"corpus_{seed}_{k:05d}.txt"
        path.write_text(render_dump(batch), encoding="utf-8")
        paths.append(path)
    return paths


def build_corpus_db(
    path: str | Path,
    n: int,
    *,
    seed: int = 0,
    enrich: bool = False,
    now: datetime | None = None,
    days: int = 7,
    batch: int = 1000,
) -> IngestReport:
    """Fill the database at ``path`` with ``n`` corpus articles (store, dedupe and FTS; with
    ``enrich``, also ``enrich_article`` per article) and return the ingest report."""
    from briefing.service import App
    from briefing.service import batches as pipeline
    from config import load_settings
    from store import open_db

    settings = load_settings({"BRIEFING_DB": str(path)})
    app = App(db=open_db(path), settings=settings)
    saved = pipeline.enrich_article
    if not enrich:
        pipeline.enrich_article = lambda app, article, prepared=None: None  # store and FTS only
    try:
        tally = pipeline.Tally()
        drafts = corpus_drafts(n, seed=seed, now=now, days=days)
        while chunk := [d for _, d in zip(range(batch), drafts, strict=False)]:
            pipeline.store_drafts(app, chunk, tally, label="corpus", source_id=None)
        return tally.report()
    finally:
        pipeline.enrich_article = saved
        app.db.conn.close()
