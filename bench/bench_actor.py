"""``/actor`` latency on a large archive: one request at a time, answered and rendered as the bot does.

The archive is the bot benchmark's corpus (``bench/bench_bot.py``: 100,000 articles of the synthetic
corpus with their actors indexed and stories clustered), built once under ``bench/out/`` and reused.
Actors are asked for by their canonical name, by an alias in lower case, and with a typo, in three
groups by how often the archive mentions them. The rows time the reply's text, which the bot sends first
(the chart is drawn after it, in a thread, and is not in the rows). The CPU columns (the process's CPU
time per request) tell the work apart from waiting for a core on a shared machine.

The first request of the process is also timed on its own line, its text and its chart: what the first
user after a start waits for. ``--warm-up`` starts the bot's start-up warm-up
(``briefing.service.warmup``) and waits for it to end before that request, as a request that comes a
second or two after the bot started finds it.

    python -m bench.bench_actor                         # 100,000 articles, 300 actors per group
    python -m bench.bench_actor --db /tmp/bench/bot-100000.db --actors 100 [--warm-up]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path


def _stats(samples: Sequence[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p50 = ordered[len(ordered) // 2]
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return p50 * 1000, p95 * 1000, ordered[-1] * 1000


def _typo(name: str, rng: random.Random) -> str:
    """The name with one letter of its last word dropped ("Kellogg" -> "Kelogg")."""
    words = name.split()
    last = words[-1]
    if len(last) < 5:
        return name
    i = rng.randrange(1, len(last) - 1)
    words[-1] = last[:i] + last[i + 1 :]
    return " ".join(words)


def _groups(db, per_group: int, rng: random.Random) -> dict[str, list[tuple[str, str]]]:
    """(canonical name, an alias) of actors: the most mentioned, the middle, and the rarely mentioned."""
    rows = db.execute(
        "SELECT a.name, (SELECT alias FROM actor_aliases WHERE actor_id = a.id ORDER BY length(alias)"
        " LIMIT 1) FROM actors a WHERE a.article_count > 0 ORDER BY a.article_count DESC, a.id"
    ).fetchall()
    third = max(1, len(rows) // 3)
    buckets = {"most mentioned": rows[:third], "middle": rows[third : 2 * third], "rare": rows[2 * third :]}
    picked = {}
    for label, bucket in buckets.items():
        chosen = (
            bucket[:per_group]
            if label == "most mentioned"
            else rng.sample(bucket, min(per_group, len(bucket)))
        )
        picked[label] = [(name, alias or name) for name, alias in chosen]
    return picked


async def run(db_path: Path, per_group: int, seed: int, *, warm_up: bool = False) -> list[tuple]:
    from briefing.render import html_messages
    from briefing.service import App
    from briefing.service.commands import Asker, answer, load_all
    from briefing.service.warmup import start_warm_up
    from config import load_settings
    from store import open_db

    load_all()
    app = App(open_db(db_path), load_settings({"BRIEFING_DB": str(db_path)}))
    rng = random.Random(seed)
    groups = _groups(app.db, per_group, rng)
    if warm_up:
        started = time.perf_counter()
        start_warm_up().join()
        print(f"warm-up (in the background in the bot): {(time.perf_counter() - started) * 1000:.0f} ms")
    first = groups["most mentioned"][0][0]
    started, started_cpu = time.perf_counter(), time.process_time()
    reply = await answer(app, f"/actor {first}", Asker(1, 1))
    html_messages(reply.document)
    text, text_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    started = time.perf_counter()
    reply.photo_bytes()
    chart = time.perf_counter() - started
    print(
        f"first request (/actor {first}): text {text * 1000:.0f} ms ({text_cpu * 1000:.0f} ms CPU),"
        f" then its chart {chart * 1000:.0f} ms"
    )
    rows = []
    for label, actors in groups.items():
        for how, ask in (
            ("canonical name", lambda name, alias: name),
            ("alias, lower case", lambda name, alias: alias.lower()),
            ("typo", lambda name, alias: _typo(name, rng)),
        ):
            samples, cpu = [], []
            for name, alias in actors:
                started, started_cpu = time.perf_counter(), time.process_time()
                reply = await answer(app, f"/actor {ask(name, alias)}", Asker(1, 1))
                html_messages(reply.document)
                samples.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            rows.append((label, how, len(samples), *_stats(samples), *_stats(cpu)[:2]))
    app.db.conn.close()
    return rows


def table(rows: Sequence[tuple]) -> str:
    head = ("actors", "asked by", "n", "p50 ms", "p95 ms", "max ms", "CPU p50", "CPU p95")
    lines = ["{:<16} {:<18} {:>5} {:>8} {:>8} {:>8} {:>8} {:>8}".format(*head)]
    lines += ["{:<16} {:<18} {:>5} {:>8.1f} {:>8.1f} {:>8.1f} {:>8.1f} {:>8.1f}".format(*row) for row in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_actor", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="an existing archive instead of building the corpus")
    parser.add_argument("--actors", type=int, default=300, help="actors per group")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--warm-up", action="store_true", help="warm up as the bot does before the first request"
    )
    args = parser.parse_args(argv)
    from bench.bench_bot import corpus_db

    db = args.db or corpus_db(args.articles, None)
    if not db.exists():
        print(f"bench_actor: no database at {db}", file=sys.stderr)
        return 2
    count = __import__("sqlite3").connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"/actor latency, one request at a time, on {count:,} articles ({db})")
    print(table(asyncio.run(run(db, args.actors, args.seed, warm_up=args.warm_up))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
