"""Queueing update alerts for a story many chats follow (revC R1): N chats follow "Rotterdam" and heard
of the story; it has K+1 articles; one new article brings a fact. Times ``queue_alerts`` in all and the
part of it that holds the write lock (its ``transaction``). "shared": every chat was told by one run's
alerts (one moment, one text: what one digest or one alert run gives); "own": each chat told at its own
second (no two share what they received: the worst case for the per-(story, received) memo). "loop s":
the longest the event loop went without a turn while ``queue_alerts_in_thread`` (the bot's way: the reads
in a worker thread) queued the same alerts on a fresh copy.

    python -m bench alert_fanout                     # the default grid
    python -m bench alert_fanout --cases 1000:20
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import briefing.service.polling as polling
from briefing.service import App
from config import load_settings
from store import open_db
from store.db import Database
from store.deliveries import record_alerted
from store.subscribers import follow
from tests.digestkit import add_story, join_story

NINE = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
STRIKE = "Dock workers in Rotterdam walked out on Monday over pay, halting container traffic at the port."
COURT = (
    "A Rotterdam court ordered the striking dockers back to work on Tuesday, citing damage to the economy."
)
DEFAULT = ("100:0", "1000:0", "300:20", "1000:20")


def build(path: Path, chats: int, more: int, *, shared: bool) -> tuple[Database, int, int]:
    db = open_db(path)
    story = add_story(db, "Rotterdam dock workers strike", updated=NINE, body=STRIKE, summary=STRIKE)
    for k in range(more):
        report = (
            f"Report {k}: dockers in Rotterdam said talks with employers number {k} failed again on Monday."
        )
        join_story(
            db,
            story,
            f"Outlet{k}",
            summary=f"{report}\nThe port said {k * 100} containers waited.",
            dated=NINE,
        )
    held = [r[0] for r in db.execute("SELECT id FROM articles WHERE story_id = ?", [story])]
    db.execute("BEGIN")
    for chat in range(1, chats + 1):
        follow(db, chat, "topic", "Rotterdam", now=NINE)
        at = NINE if shared else NINE + timedelta(seconds=chat)
        record_alerted(db, chat, story, told=[STRIKE], held=held, at=at)
    db.execute("COMMIT")
    later = NINE + timedelta(hours=2)
    return db, story, join_story(db, story, "NOS", summary=COURT, dated=later)


@contextlib.contextmanager
def timed_transactions(spent: list[float]) -> Iterator[None]:
    """Wrap the transactions ``queue_alerts`` opens, adding the time each held the write lock."""
    real = polling.transaction

    @contextlib.contextmanager
    def transaction(db: Database) -> Iterator[None]:
        start = time.perf_counter()
        with real(db):
            yield
        spent.append(time.perf_counter() - start)

    polling.transaction = transaction  # type: ignore[assignment]
    try:
        yield
    finally:
        polling.transaction = real


def one(chats: int, more: int, *, shared: bool) -> tuple[int, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fanout.db"
        db, _, court = build(path, chats, more, shared=shared)
        later = NINE + timedelta(hours=2)
        app = App(db=db, settings=load_settings({"BRIEFING_DB": str(path)}), clock=lambda: later)
        spent: list[float] = []
        with timed_transactions(spent):
            start = time.perf_counter()
            queued = polling.queue_alerts(app, [court], now=later)
            total = time.perf_counter() - start
        db.conn.close()
        return queued, total, sum(spent)


async def _longest_pause(work: asyncio.Task[int]) -> float:
    """The longest gap between the turns of a coroutine asking for one every millisecond, while
    ``work`` runs: how long the event loop was held."""
    longest, last = 0.0, time.perf_counter()
    while not work.done():
        await asyncio.sleep(0.001)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    return longest


def loop_held(chats: int, more: int, *, shared: bool) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fanout.db"
        db, _, court = build(path, chats, more, shared=shared)
        later = NINE + timedelta(hours=2)
        app = App(db=db, settings=load_settings({"BRIEFING_DB": str(path)}), clock=lambda: later)

        async def run() -> float:
            work = asyncio.ensure_future(polling.queue_alerts_in_thread(app, [court], now=later))
            held = await _longest_pause(work)
            await work
            return held

        held = asyncio.run(run())
        db.conn.close()
        return held


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench alert_fanout")
    parser.add_argument("--cases", nargs="+", default=list(DEFAULT), help="CHATS:MORE_ARTICLES pairs")
    args = parser.parse_args(argv)
    print(
        f"{'chats':>6} {'articles':>8} {'received':>8} {'queued':>6} {'total s':>8} {'locked s':>8}"
        f" {'loop s':>8}"
    )
    for case in args.cases:
        chats, more = (int(x) for x in case.split(":"))
        for shared in (True, False):
            queued, total, locked = one(chats, more, shared=shared)
            held = loop_held(chats, more, shared=shared)
            kind = "shared" if shared else "own"
            print(
                f"{chats:>6} {more + 2:>8} {kind:>8} {queued:>6} {total:>8.2f} {locked:>8.3f} {held:>8.3f}",
                flush=True,
            )
    return 0
