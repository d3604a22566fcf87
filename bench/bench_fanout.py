"""Fan-out of one digest to many subscribers through the loopback Bot API server, with a kill -9.

The server (in this process) enforces Telegram's limits (30 messages/s overall, 1/s per chat, 20/min
per group) and answers ~1% of sendMessage with 429 (retry after 1 s) and ~1% with 500, drawn from its
seeded RNG. The sender runs in a subprocess (``--sender``), as the bot would: it composes the digests
and sends them. When about half are confirmed in the database it is killed with SIGKILL; a new sender
process starts at once, recovers (unconfirmed claims become pending) and finishes.

Reported: delivered messages per second (overall, from the first sender's start to the second one's
exit, restart included; and the sending rate, first to last accepted message), duplicates (messages a
chat received more than once: the at-least-once edge of a kill between Telegram accepting a message
and the sender recording it), lost (subscribers without their digest), and the senders' peak RSS.

    python -m bench.bench_fanout                    # 10,000 subscribers, ~6 minutes
    python -m bench.bench_fanout --subscribers 1000 --kill-at 0.5
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2025, 1, 23, 8, 0, 30, tzinfo=UTC)


def _prepare(db_path: Path, subscribers: int) -> None:
    from store import open_db
    from store.db import transaction
    from store.subscribers import subscribe
    from tests.digestkit import add_story

    db = open_db(db_path)
    with transaction(db):
        sources = (("DW", "auto"), ("BBC", "auto"))
        summary = "The vote was close.\nIt goes on."
        add_story(
            db,
            "Parliament passes the budget",
            updated=NOW - timedelta(hours=2),
            sources=sources,
            summary=summary,
        )
        for chat in range(1, subscribers + 1):
            subscribe(db, chat, timezone="UTC", digest_time=datetime(2025, 1, 1, 8).time(),
                      now=datetime(2024, 1, 1, tzinfo=UTC))  # fmt: skip
    db.conn.close()


def _sent(db_path: Path) -> int:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10) as conn:
        return conn.execute("SELECT count(*) FROM deliveries WHERE state = 'sent'").fetchone()[0]


def _rss_peak_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


async def _sender(server, db_path: Path, window: float) -> asyncio.subprocess.Process:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": server.token, "TELEGRAM_API_BASE_URL": server.base_url,
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    args = ["-m", "bench.bench_fanout", "--sender", str(db_path), "--window", str(window)]
    return await asyncio.create_subprocess_exec(
        sys.executable, *args, cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE
    )


async def _watch(proc, db_path: Path, *, kill_at: int | None) -> tuple[int, bool]:
    """Wait for the sender to end, or kill it once ``kill_at`` parts are sent; returns (peak KiB, killed)."""
    peak = 0
    while proc.returncode is None:
        peak = max(peak, _rss_peak_kib(proc.pid))
        if kill_at is not None and _sent(db_path) >= kill_at:
            os.kill(proc.pid, signal.SIGKILL)
            await proc.wait()
            return peak, True
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(proc.wait(), timeout=0.1)
    return peak, False


async def run(subscribers: int, kill_fraction: float, fault_rate: float, seed: int, window: float) -> dict:
    from tests.botapi import BotApiServer, Fault, RateLimits

    work = Path(tempfile.mkdtemp(prefix="bench_fanout_"))
    db_path = work / "fanout.db"
    _prepare(db_path, subscribers)
    async with BotApiServer(rate_limits=RateLimits(), seed=seed) as server:
        flood = server.inject(Fault.retry_after(1), "sendMessage", probability=fault_rate, times=None)
        error = server.inject(Fault.server_error(500), "sendMessage", probability=fault_rate, times=None)
        started = time.monotonic()
        first = await _sender(server, db_path, window)
        peak1, killed = await _watch(first, db_path, kill_at=int(subscribers * kill_fraction))
        killed_at, at_kill = time.monotonic(), _sent(db_path)
        second = await _sender(server, db_path, window)
        peak2, _ = await _watch(second, db_path, kill_at=None)
        finished = time.monotonic()
        output = (await second.stdout.read()).decode().strip()
        ok = server.requests("sendMessage", ok=True)
        attempts = len(server.requests("sendMessage"))
        per_chat = Counter(r.chat_id for r in ok)
        resumed = next(r.answered_at for r in ok if r.answered_at > killed_at)
        sent_state = _sent(db_path)
        return {
            "subscribers": subscribers,
            "killed at (confirmed)": at_kill if killed else -1,
            "delivered": len(per_chat),
            "overall msg/s": len(per_chat) / (finished - started),
            "sending msg/s": (len(ok) - 1) / (ok[-1].answered_at - ok[0].answered_at),
            "start to first message s": ok[0].answered_at - started,
            "kill to first message of the restart s": resumed - killed_at if killed else -1.0,
            "duplicates": sum(n - 1 for n in per_chat.values()),
            "lost": subscribers - len(per_chat) + (subscribers - sent_state),
            "sendMessage requests": attempts,
            "429 injected": flood.fired,
            "5xx injected": error.fired,
            "429 by rate limits": server.rate_limit_stats.refused,
            "peak RSS MiB": max(peak1, peak2) / 1024,
            "seconds": finished - started,
            "second sender": output,
        }


async def sender(db_path: str, window: float) -> None:
    """The sender process: recover, then one digest tick at NOW, paced as in production."""
    from briefing.adapters.delivery import bot_from_settings, recover, run_due_digests
    from briefing.adapters.pacer import Limits, Pacer
    from briefing.service import App
    from config import load_settings
    from store import open_db

    settings = load_settings({**os.environ, "BRIEFING_DB": db_path})
    app = App(db=open_db(db_path), settings=settings, clock=lambda: NOW)
    recovered = recover(app)
    async with bot_from_settings(settings) as bot:
        report = await run_due_digests(app, bot, now=NOW, pacer=Pacer(Limits(window=window)))
    print(f"recovered={recovered} composed={report.composed} sent={report.sent} later={report.later}"
          f" retried={report.retried} rate_limited={report.rate_limited}", flush=True)  # fmt: skip


def _table(result: dict[str, float]) -> str:
    rows = ["| measure | value |", "|---|---|"]
    for key, value in result.items():
        shown = (
            f"{value:,.2f}" if isinstance(value, float) else f"{value:,}" if isinstance(value, int) else value
        )
        rows.append(f"| {key} | {shown} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    from briefing.adapters.pacer import Limits

    parser = argparse.ArgumentParser(prog="bench_fanout", description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--kill-at", type=float, default=0.5, help="kill -9 the sender at this fraction sent")
    parser.add_argument("--fault-rate", type=float, default=0.01, help="chance of a 429, and of a 500")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--window", type=float, default=Limits().window,
                        help="the pacer's window for 30 messages, in seconds")  # fmt: skip
    parser.add_argument("--sender", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    if args.sender:
        asyncio.run(sender(args.sender, args.window))
        return 0
    result = asyncio.run(run(args.subscribers, args.kill_at, args.fault_rate, args.seed, args.window))
    print(_table(result))
    return 0 if result["lost"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
