"""Queueing update alerts for a story many chats follow (revC R1): N chats follow "Rotterdam" and heard
of the story; it has K+1 articles; one new article brings a fact. Times ``queue_alerts`` in all and the
part of it that holds the write lock (its ``transaction``). "shared": every chat was told by one run's
alerts (one moment, one text: what one digest or one alert run gives); "own": each chat told at its own
second (no two share what they received: the worst case for the per-(story, received) memo). "loop s":
the longest the event loop went without a turn while ``queue_alerts_in_thread`` (the bot's way: the reads
in a worker thread) queued the same alerts on a fresh copy.

``--grow CHATS:STEPS``: the story N chats follow grows one article at a time (STEPS articles, each with a
fact of its own, 20 minutes apart), each re-weighing the alerts of every follower. "night": the chats are
in their quiet hours, so each article renews N waiting first alerts, and all N go out at 07:00, each
composed with what the story's later articles add to the report that broke it; "day": no quiet hours,
each article's alerts (N first alerts, then N updates) are queued and sent (to a bot that answers at
once) before the next article arrives. Times per article: ``queue_alerts`` (first, median and last of
the growing steps, and the median in CPU seconds) and the sending (night: the morning's one run; day:
the median run), in seconds and CPU seconds.

    python -m bench alert_fanout                     # the default grid
    python -m bench alert_fanout --cases 1000:20
    python -m bench alert_fanout --grow 100:10 1000:10
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import briefing.service.polling as polling
from briefing.adapters.delivery import send_due_alerts
from briefing.service import App
from config import load_settings
from store import open_db
from store.alerts import alerts_of
from store.db import Database
from store.deliveries import record_alerted
from store.subscribers import follow
from tests.digestkit import QUICK, add_story, fast_pacer, join_story

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


class _Answering:
    """A bot whose every message Telegram takes at once: the sending's own cost, without a network."""

    def __init__(self) -> None:
        self.sent = 0

    async def send_message(self, chat_id: int, text: str, **_: Any) -> SimpleNamespace:
        self.sent += 1
        return SimpleNamespace(message_id=self.sent, chat_id=chat_id)


class _Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True)
class Grown:
    """One growth run: the seconds ``queue_alerts`` took for each article after the first, the seconds
    of the alert runs (each also in CPU seconds of the process: less swayed by a loaded machine), and
    how many alerts went out."""

    queue: list[float]
    send: list[float]
    sent: int
    queue_cpu: list[float]
    send_cpu: list[float]


def _step_fact(k: int) -> str:
    return (
        f"Talks round {k} between the Rotterdam dockers and the port employers ended on day {k + 1}"
        f" with {k * 150 + 70} containers stranded and {k * 3 + 11} ships waiting."
    )


def grow(path: Path, chats: int, steps: int, *, night: bool) -> Grown:
    """N chats follow "Rotterdam"; the strike story breaks (23:00 in the night case, else 09:00), then
    ``steps`` articles join it 20 minutes apart, each queued as an ingest queues it."""
    db = open_db(path)
    start = datetime(2026, 11, 23, 23 if night else 9, 0, tzinfo=UTC)
    settings = load_settings({"BRIEFING_DB": str(path)})
    if not night:
        settings = replace(settings, alert_quiet_hours="off")
    clock = _Clock(start)
    app = App(db=db, settings=settings, clock=clock)
    bot = _Answering()
    db.execute("BEGIN")
    for chat in range(1, chats + 1):
        follow(db, chat, "topic", "Rotterdam", now=start)
    db.execute("COMMIT")
    story = add_story(db, "Rotterdam dock workers strike", updated=start, body=STRIKE, summary=STRIKE)
    first = [r[0] for r in db.execute("SELECT id FROM articles WHERE story_id = ?", [story])]

    queue: list[float] = []
    sending: list[float] = []
    queue_cpu: list[float] = []
    send_cpu: list[float] = []

    def send() -> None:
        began, cpu = time.perf_counter(), time.process_time()
        asyncio.run(send_due_alerts(app, bot, now=clock.now, pacer=fast_pacer(), policy=QUICK))  # type: ignore[arg-type]
        sending.append(time.perf_counter() - began)
        send_cpu.append(time.process_time() - cpu)

    polling.queue_alerts(app, first, now=start)
    if not night:
        send()
    for k in range(1, steps + 1):
        clock.now = start + timedelta(minutes=20 * k)
        article = join_story(db, story, f"Outlet{k}", summary=_step_fact(k), dated=clock.now)
        began, cpu = time.perf_counter(), time.process_time()
        polling.queue_alerts(app, [article], now=clock.now)
        queue.append(time.perf_counter() - began)
        queue_cpu.append(time.process_time() - cpu)
        if not night:
            send()
    if night:
        clock.now = datetime(2026, 11, 24, 7, 0, 30, tzinfo=UTC)
        send()
    assert all(a.state == "sent" for a in alerts_of(db, chats)), "an alert was not sent"
    db.conn.close()
    return Grown(queue, sending, bot.sent, queue_cpu, send_cpu)


def grow_table(cases: list[str]) -> None:
    print(
        f"{'chats':>6} {'steps':>5} {'regime':>6} {'q first':>8} {'q median':>8} {'q last':>8} {'q cpu':>8}"
        f" {'send s':>8} {'send cpu':>8} {'sent':>6}"
    )
    for case in cases:
        chats, steps = (int(x) for x in case.split(":"))
        for night in (True, False):
            with tempfile.TemporaryDirectory() as tmp:
                run = grow(Path(tmp) / "grow.db", chats, steps, night=night)
            # night: the morning's one run; day: the median run after an article (the first told it)
            send, send_cpu = (
                (run.send[0], run.send_cpu[0])
                if night
                else (statistics.median(run.send[1:]), statistics.median(run.send_cpu[1:]))
            )
            print(
                f"{chats:>6} {steps:>5} {'night' if night else 'day':>6} {run.queue[0]:>8.3f}"
                f" {statistics.median(run.queue):>8.3f} {run.queue[-1]:>8.3f}"
                f" {statistics.median(run.queue_cpu):>8.3f} {send:>8.3f} {send_cpu:>8.3f} {run.sent:>6}",
                flush=True,
            )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench alert_fanout")
    parser.add_argument("--cases", nargs="+", default=list(DEFAULT), help="CHATS:MORE_ARTICLES pairs")
    parser.add_argument("--grow", nargs="+", metavar="CHATS:STEPS", help="a story grown article by article")
    args = parser.parse_args(argv)
    if args.grow:
        grow_table(args.grow)
        return 0
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


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
