"""Making stale summaries again (``briefing.service.resummarize``) on a large archive: the rate, and what
it costs the bot's replies meanwhile.

Opens a COPY of an archive (it is migrated and written: m0034 makes every summary stale), times the
migrations it runs, then:

* **sync**: ``--batches`` batches of ``--batch`` articles through ``resummarize`` in one thread, each
  phase timed (finding the stale articles, summarizing, storing with their stories): articles/s;
* **loop**: the same number of batches as the bot's job runs them (``resummarize_in_background``, the
  summarizing in a worker thread) while a probe on the event loop sleeps 10 ms at a time: how late the
  loop wakes (what a reply arriving meanwhile waits for, at most and at the 95th percentile).

Usage: ``cp /tmp/lead10/bot-100000.db /tmp/x/ && python -m bench resummarize --db /tmp/x/bot-100000.db``.
Without ``--db`` it does nothing (``python -m bench`` runs every benchmark; this one needs an archive).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from briefing.service import App
from briefing.service.resummarize import (
    count_stale,
    resummarize_in_background,
    stale_batch,
    store_again,
    summarize_again,
)
from config import load_settings
from store.db import _migrations, migrate, open_db


def _timed_migrations(path: str) -> tuple[Any, dict[str, float]]:
    """Open and migrate the archive, each migration timed."""
    times: dict[str, float] = {}
    for _, name, module in _migrations():
        apply: Callable[[Any], None] = module.apply  # type: ignore[attr-defined]

        def timed(db: Any, apply: Callable[[Any], None] = apply, name: str = name) -> None:
            start = time.perf_counter()
            apply(db)
            times[name] = time.perf_counter() - start

        module.apply = timed  # type: ignore[attr-defined]
    db = open_db(path, migrate_schema=False)
    migrate(db)
    return db, times


def _sync(app: App, batches: int, batch: int) -> dict[str, float]:
    phases = {"find": 0.0, "summarize": 0.0, "store": 0.0}
    articles = stories = 0
    for _ in range(batches):
        t0 = time.perf_counter()
        stale = stale_batch(app, batch)
        t1 = time.perf_counter()
        made = summarize_again(app.settings, stale)
        t2 = time.perf_counter()
        done = store_again(app, made)
        t3 = time.perf_counter()
        phases["find"] += t1 - t0
        phases["summarize"] += t2 - t1
        phases["store"] += t3 - t2
        articles += done.articles
        stories += done.stories
    total = sum(phases.values())
    return {**phases, "total": total, "articles": articles, "stories": stories, "rate": articles / total}


async def _loop(app: App, batches: int, batch: int) -> dict[str, float]:
    return await loop_lag(resummarize_in_background, app, batches, batch)


async def loop_lag(
    job: Callable[[App, int], Awaitable[Any]], app: App, batches: int, batch: int
) -> dict[str, float]:
    """``batches`` runs of a background ``job`` (``batch`` articles each) on the bot's loop, and how late a
    10 ms sleep beside them wakes: what a reply waits meanwhile (also ``bench_reextract``'s measure)."""
    lags: list[float] = []
    done = asyncio.Event()

    async def probe() -> None:
        while not done.is_set():
            start = time.perf_counter()
            await asyncio.sleep(0.01)
            lags.append(time.perf_counter() - start - 0.01)

    task = asyncio.create_task(probe())
    start = time.perf_counter()
    articles = 0
    for _ in range(batches):
        articles += (await job(app, batch)).articles
    total = time.perf_counter() - start
    done.set()
    await task
    lags.sort()
    return {
        "total": total,
        "articles": articles,
        "rate": articles / total,
        "lag_max_ms": 1000 * lags[-1],
        "lag_p95_ms": 1000 * lags[int(0.95 * (len(lags) - 1))],
        "lag_median_ms": 1000 * statistics.median(lags),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench resummarize")
    parser.add_argument("--db", help="a COPY of an archive (it is migrated and written)")
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args(argv)
    if not args.db:
        print("bench resummarize: skipped (give --db with a copy of an archive)")
        return 0
    print(f"load before: {os.getloadavg()}", flush=True)
    t = time.perf_counter()
    db, times = _timed_migrations(args.db)
    print(
        f"migrations: {time.perf_counter() - t:.1f} s; "
        + ", ".join(f"{n} {s:.2f} s" for n, s in times.items())
    )
    app = App(db=db, settings=load_settings({"BRIEFING_DB": args.db}))
    t = time.perf_counter()
    stale = count_stale(app)
    print(f"stale: {stale} (counted in {1000 * (time.perf_counter() - t):.0f} ms)", flush=True)
    sync = _sync(app, args.batches, args.batch)
    print("sync: " + ", ".join(f"{k} {v:.2f}" for k, v in sync.items()), flush=True)
    loop = asyncio.run(_loop(app, args.batches, args.batch))
    print("loop: " + ", ".join(f"{k} {v:.2f}" for k, v in loop.items()), flush=True)
    print(f"load after: {os.getloadavg()}")
    db.conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
