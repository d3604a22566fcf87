"""Reading stale actors again (``briefing.service.reextract``) on an archive: the rate, and what it costs
the bot's replies meanwhile.

The archive is the bot benchmark's synthetic corpus (``bench/bench_bot.py``'s ``build_corpus``: every
article's actors indexed by the current rules), built once at ``--db`` when missing (10,000 articles by
default), then COPIED; the copy is made stale as a release before m0041 leaves an archive (no
``actors_key``, no vote per link), and then:

* **sync**: ``--batches`` batches of ``--batch`` articles through ``reextract`` in one thread, each phase
  timed (finding the stale articles, reading their actors, storing each in its own transaction):
  articles/s (``--batches 0``: until the whole archive is current);
* **loop**: ``--loop-batches`` batches as the bot's job runs them (``reextract_in_background``, the
  reading in a worker thread) while a probe on the event loop sleeps 10 ms at a time: how late the loop
  wakes (what a reply arriving meanwhile waits for, at most and at the 95th percentile).

Usage: ``python -m bench reextract --db /tmp/x/bot-10000.db [--articles 10000] [--batches 0]``. Without
``--db`` it does nothing (``python -m bench`` runs every benchmark; this one builds an archive).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import time
from pathlib import Path

from bench.bench_bot import corpus_db
from bench.bench_resummarize import loop_lag
from briefing.service import App
from briefing.service.reextract import (
    count_stale,
    read_again,
    reextract_in_background,
    stale_batch,
    store_read,
)
from config import load_settings
from store.db import open_db


def _sync(app: App, batches: int, batch: int) -> dict[str, float]:
    phases = {"find": 0.0, "read": 0.0, "store": 0.0}
    articles = dropped = runs = 0
    while batches == 0 or runs < batches:
        t0 = time.perf_counter()
        stale = stale_batch(app, batch)
        t1 = time.perf_counter()
        if not stale:
            break
        read = read_again(stale)
        t2 = time.perf_counter()
        for one in read:
            done = store_read(app, one)
            articles += done.articles
            dropped += done.dropped
        t3 = time.perf_counter()
        phases["find"] += t1 - t0
        phases["read"] += t2 - t1
        phases["store"] += t3 - t2
        runs += 1
    total = sum(phases.values())
    return {**phases, "total": total, "articles": articles, "dropped": dropped, "rate": articles / total}


async def _loop(app: App, batches: int, batch: int) -> dict[str, float]:
    return await loop_lag(reextract_in_background, app, batches, batch)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench reextract")
    parser.add_argument("--db", type=Path, help="the corpus archive (built when missing); a copy is used")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--batches", type=int, default=100, help="0: until the archive is current")
    parser.add_argument("--loop-batches", type=int, default=50)
    parser.add_argument("--batch", type=int, default=8)
    args = parser.parse_args(argv)
    if not args.db:
        print("bench reextract: skipped (give --db: where the corpus archive is, or is to be built)")
        return 0
    source = corpus_db(args.articles, args.db)
    copy = source.with_name(f"{source.stem}-stale.db")
    shutil.copyfile(source, copy)
    db = open_db(copy)
    db.execute("UPDATE articles SET actors_key = NULL")
    db.execute("UPDATE article_actors SET type = NULL")
    app = App(db=db, settings=load_settings({"BRIEFING_DB": str(copy)}))
    actors = db.execute("SELECT count(*) FROM actors").fetchone()[0]
    print(f"load before: {os.getloadavg()}; stale: {count_stale(app)}; actors: {actors}", flush=True)
    sync = _sync(app, args.batches, args.batch)
    print("sync: " + ", ".join(f"{k} {v:.2f}" for k, v in sync.items()), flush=True)
    if args.loop_batches:
        db.execute("UPDATE articles SET actors_key = NULL")
        loop = asyncio.run(_loop(app, args.loop_batches, args.batch))
        print("loop: " + ", ".join(f"{k} {v:.2f}" for k, v in loop.items()), flush=True)
    actors = db.execute("SELECT count(*) FROM actors").fetchone()[0]
    print(f"load after: {os.getloadavg()}; stale: {count_stale(app)}; actors: {actors}")
    db.conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
