"""The bot under load: replies per second and reply latency with many chats at once, and its memory.

``python bot.py`` runs as its own process against the loopback Bot API server (``tests/botapi``) on a
database of the synthetic corpus (``bench/corpus.py``). ``--chats`` users each send a command, wait for
the whole answer (every part and picture: as many messages as the command gave when asked alone), and send
it again (``--rounds`` times), all at once; a reply's latency is the time from the update being queued to
the first message of the answer being accepted by the server. The bot's peak RSS is read from
``/proc/<pid>/status`` (VmHWM) before it is stopped.

    python -m bench.bench_bot                                   # 100 chats, 100,000 articles
    python -m bench.bench_bot --articles 2000 --chats 20 --commands "/actor Keith Kellogg" "/help"

The corpus database is built once under ``bench/out/`` (see :func:`build_corpus`) and reused; the bot's
writes to it (button ids, reply ids) do not change the answers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
DEFAULT_COMMANDS = ("/actor Keith Kellogg", "/actor Ukraine", "/brief")


@dataclass(frozen=True)
class Result:
    command: str
    chats: int
    replies: int
    seconds: float
    latencies: tuple[float, ...]
    failed: int
    cpu_seconds: float = float("nan")  # the bot process's CPU time over the run
    driver_cpu_seconds: float = float("nan")  # this process's (the server's and the users') CPU time
    messages: int = 0  # messages and photos the bot sent while the replies were timed

    @property
    def per_second(self) -> float:
        return self.replies / self.seconds if self.seconds else 0.0

    def quantile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def corpus_db(articles: int, path: Path | None) -> Path:
    """The corpus database, built on first use and reused."""
    path = path or OUT / f"bot-{articles}.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        print(f"building {path} with {articles:,} articles...", flush=True)
        build_corpus(path, articles)
        print(f"  built in {time.monotonic() - started:,.0f} s", flush=True)
    return path


def build_corpus(path: Path, n: int, *, batch: int = 500) -> None:
    """The synthetic corpus (``bench/corpus.py``, seven days of articles), each article's actors indexed
    and its lead sentences stored as its summary, then the whole archive clustered into stories at once
    (``recluster``): what the ingest pipeline would have built, in a fraction of the time."""
    from bench.corpus import build_corpus_db
    from briefing.sentences import split_sentences
    from briefing.service import App
    from briefing.service.actors import index_actors
    from briefing.service.stories import recluster
    from config import load_settings
    from store import open_db, transaction
    from store.articles import get_article
    from store.summaries import save_summary

    build_corpus_db(path, n, enrich=False)
    app = App(open_db(path), load_settings({"BRIEFING_DB": str(path)}))
    ids = [row[0] for row in app.db.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    for start in range(0, len(ids), batch):
        with transaction(app.db):
            for article_id in ids[start : start + batch]:
                article = get_article(app.db, article_id)
                assert article is not None
                index_actors(app, article)
                lead = tuple(s.text for s in split_sentences(article.body)[:3])
                save_summary(app.db, article_id, lead)
        print(f"  {min(start + batch, len(ids)):,} articles indexed", end="\r", flush=True)
    print(f"\n  {recluster(app):,} stories", flush=True)
    app.db.conn.close()


async def start_bot(server, db: Path) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BRIEFING_"))}
    env.update(TELEGRAM_BOT_TOKEN=server.token, TELEGRAM_API_BASE_URL=server.base_url, BRIEFING_DB=str(db))
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "bot.py",
        cwd=ROOT,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    await server.wait_until_polling(timeout=120)
    return process


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _sent(record) -> bool:
    return record.method in ("sendMessage", "sendPhoto") and record.ok


async def reply_size(server, command: str, user_id: int) -> int:
    """How many messages (parts and pictures) the bot sends for ``command``, asked once, alone."""
    from tests.botapi import User

    mark = server.mark()
    server.push_command(command, user=User(user_id, "Probe"))
    await server.wait_for_message(user_id, since=mark, timeout=120)
    count = 0
    while True:  # the answer is complete when nothing more comes for half a second
        await asyncio.sleep(0.5)
        now = sum(1 for r in server.requests(chat_id=user_id, since=mark) if _sent(r))
        if now == count:
            return count
        count = now


async def one_chat(server, user, command: str, rounds: int, size: int, latencies: list[float]) -> int:
    """Send ``command`` ``rounds`` times, each once the whole previous answer (``size`` messages) came;
    a latency is the time to the answer's first message. Returns the number of answers that never came."""
    failed = 0
    for _ in range(rounds):
        mark = server.mark()
        started = time.monotonic()
        server.push_command(command, user=user)
        try:
            sent = await server.wait_for_requests(size, None, _sent, chat_id=user.id, since=mark, timeout=120)
        except TimeoutError:
            failed += 1
            continue
        latencies.append(sent[0].answered_at - started)
    return failed


async def load(server, command: str, chats: int, rounds: int, first_user: int) -> Result:
    from tests.botapi import User

    size = await reply_size(server, command, first_user - 1)
    users = [User(first_user + i, f"Reader{i}") for i in range(chats)]
    latencies: list[float] = []
    mark = server.mark()
    started = time.monotonic()
    failed = await asyncio.gather(*(one_chat(server, u, command, rounds, size, latencies) for u in users))
    seconds = time.monotonic() - started
    sent = sum(1 for r in server.requests(since=mark) if _sent(r))
    return Result(command, chats, len(latencies), seconds, tuple(latencies), sum(failed), messages=sent)


async def compute(db: Path, command: str, n: int) -> Result:
    """The same command answered and rendered ``n`` times in this process, one at a time, without
    Telegram: what one core of the bot can do when the rate limit is not what holds it back."""
    from briefing.render import html_messages
    from briefing.service import App
    from briefing.service.commands import Asker, answer, load_all
    from config import load_settings
    from store import open_db

    load_all()
    app = App(open_db(db), load_settings({"BRIEFING_DB": str(db)}))
    latencies = []
    started = time.monotonic()
    for i in range(n):
        t = time.monotonic()
        reply = await answer(app, command, Asker(500_000 + i, 500_000 + i))
        html_messages(reply.document)
        latencies.append(time.monotonic() - t)
    seconds = time.monotonic() - started
    app.db.conn.close()
    return Result(f"{command} (compute)", 1, n, seconds, tuple(latencies), 0, cpu_seconds=seconds)


def table(results: list[Result], rss_mb: float, idle_mb: float) -> str:
    cols = (
        "command",
        "chats",
        "replies",
        "seconds",
        "replies/s",
        "msgs/s",
        "p50 ms",
        "p95 ms",
        "max ms",
        "CPU ms",
        "driver ms",
    )
    head = f"{cols[0]:<32}" + "".join(f"{c:>10}" for c in cols[1:])
    lines = [head, "-" * len(head)]
    for r in results:
        worst = max(r.latencies, default=float("nan"))
        msgs = f"{r.messages / r.seconds:.1f}" if r.messages else "-"
        cells = (r.chats, r.replies, f"{r.seconds:.1f}", f"{r.per_second:.1f}", msgs)
        ms = (f"{r.quantile(0.5) * 1000:.1f}", f"{r.quantile(0.95) * 1000:.1f}", f"{worst * 1000:.1f}")
        cpu = r.cpu_seconds / r.replies * 1000 if r.replies else float("nan")
        driver = r.driver_cpu_seconds / r.replies * 1000 if r.replies else float("nan")
        ms = (*ms, f"{cpu:.1f}", f"{driver:.1f}")
        lines.append(f"{r.command:<32}" + "".join(f"{c:>10}" for c in (*cells, *ms)))
    lines.append(f"bot process memory: {idle_mb:,.0f} MB after start, peak RSS {rss_mb:,.0f} MB")
    return "\n".join(lines)


def forget_replies(db: Path) -> None:
    """The answers an earlier run remembered: this run's loopback server numbers its messages from 1 again,
    and the bot would take them for messages it has answered (a webhook's repeat) and stay silent."""
    from datetime import UTC, datetime, timedelta

    from store import open_db
    from store.callbacks import prune_replies
    from store.db import transaction

    database = open_db(db)
    try:
        with transaction(database):
            prune_replies(database, before=datetime.now(UTC) + timedelta(days=1))
    finally:
        database.conn.close()


def article_count(db: Path) -> int:
    from store import open_db
    from store.articles import count_articles

    database = open_db(db)
    try:
        return count_articles(database)
    finally:
        database.conn.close()


async def run(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(ROOT))
    from tests.botapi import BotApiServer

    db = corpus_db(args.articles, args.db)
    forget_replies(db)
    async with BotApiServer() as server:
        process = await start_bot(server, db)
        try:
            idle_mb = peak_rss_mb(process.pid)
            results = []
            for k, command in enumerate(args.commands):
                await load(server, command, min(args.chats, 5), 1, 900_000 + 10 * k)  # warm the caches
                cpu, driver = cpu_seconds(process.pid), time.process_time()
                result = await load(server, command, args.chats, args.rounds, 100_000 * (k + 1))
                used = cpu_seconds(process.pid) - cpu
                results.append(
                    replace(result, cpu_seconds=used, driver_cpu_seconds=time.process_time() - driver)
                )
            rss_mb = peak_rss_mb(process.pid)
        finally:
            process.send_signal(signal.SIGTERM)
            await process.wait()
    for command in args.commands:
        results.append(await compute(db, command, args.rounds * 20))
    load_avg = os.getloadavg()[0]
    print(f"{article_count(db):,} articles, {os.cpu_count()} cores, load average {load_avg:.1f} at the end;")
    print("latency: update queued -> first message of the reply accepted by the server")
    print("(compute) rows: answer() + rendering in one process, one request at a time, no Telegram;")
    print("CPU ms: the bot process's CPU time per reply (compute rows: wall time); driver ms: the CPU time")
    print("per reply of this process, which runs the Bot API server and the simulated users; msgs/s: the")
    print("messages and photos the bot sent per second (python-telegram-bot's AIORateLimiter allows 30)")
    print(table(results, rss_mb, idle_mb))
    failed = sum(r.failed for r in results)
    if failed:
        print(f"{failed} requests got no answer within 120 s")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_bot", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="an existing database instead of the corpus")
    parser.add_argument("--chats", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--commands", nargs="+", default=list(DEFAULT_COMMANDS))
    args = parser.parse_args(argv)
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
