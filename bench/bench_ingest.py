"""Ingest throughput: synthetic text dumps → a database on disk, in articles per second.

For each size (10,000 and 100,000 articles by default) the corpus of :mod:`bench.corpus` is written
as text dumps of 100 articles (not timed), then ingested into a new database three ways:

* ``parse only``: reading and splitting the dumps (no database);
* ``store+FTS only``: the whole ``ingest_files`` path (read, split, dedupe, insert, bands, FTS5
  triggers, sources) with ``enrich_article`` replaced by a no-op;
* ``full pipeline``: the same with ``enrich_article`` as it stands in the code base at the time
  of the run (actors, summaries and stories once they are plugged in).

The process is pinned to one CPU. Usage: ``python -m bench ingest [--sizes 10000,100000]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from bench.corpus import write_corpus
from briefing.charsets import decode_text
from briefing.dumps import split_dump
from briefing.service import App, batches
from briefing.service import ingest as pipeline
from config import load_settings
from store import open_db

OUT = Path(__file__).resolve().parent / "out"
Row = tuple[int, str, int, tuple[float, float], int | None]
T = TypeVar("T")


def corpus_files(n: int, per_file: int, out: Path) -> list[Path]:
    folder = out / f"corpus_{n}"
    files = sorted(folder.glob("*.txt"))
    if len(files) != -(-n // per_file):
        for old in files:
            old.unlink()
        files = write_corpus(folder, n, per_file=per_file)
    return files


def parse_only(files: list[Path]) -> int:
    return sum(len(split_dump(decode_text(p.read_bytes()), source=p.name)) for p in files)


def ingest(files: list[Path], db_path: Path, *, enrich: bool) -> tuple[int, int]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    app = App(db=open_db(db_path), settings=load_settings({"BRIEFING_DB": str(db_path)}))
    saved = batches.enrich_article
    if not enrich:
        batches.enrich_article = lambda app, article, prepared=None: None
    try:
        report = pipeline.ingest_files(app, files)
    finally:
        batches.enrich_article = saved
    app.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    app.db.conn.close()
    size = sum(Path(f"{db_path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db_path}{s}").exists())
    assert not report.failed, report.failed[:3]
    return report.new, size


def timed(fn: Callable[[], T]) -> tuple[tuple[float, float], T]:
    """Wall and CPU seconds of ``fn()``, and its result. The CPU figure is what one core does
    when other processes share the machine; the wall figure is what a user waits."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return (time.perf_counter() - wall, time.process_time() - cpu), result


def measure(n: int, per_file: int, out: Path) -> list[Row]:
    files = corpus_files(n, per_file, out)
    seconds, parsed = timed(lambda: parse_only(files))
    rows: list[Row] = [(n, "parse only", parsed, seconds, None)]
    for mode, enrich in (("store+FTS only", False), ("full pipeline", True)):
        db_path = out / f"ingest_{n}_{'full' if enrich else 'store'}.db"
        seconds, (stored, size) = timed(partial(ingest, files, db_path, enrich=enrich))
        rows.append((n, mode, stored, seconds, size))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench ingest", description=__doc__)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--per-file", type=int, default=100, help="articles per dump file")
    parser.add_argument("--out", type=Path, default=OUT, help="where corpora and databases go")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"python {platform.python_version()} on {platform.machine()}, pinned to one core")
    rows: list[Row] = []
    for n in (int(s) for s in args.sizes.split(",")):
        rows += measure(n, args.per_file, args.out)
        print_rows(rows[-3:])
    print()
    print_rows(rows)
    return 0


def print_rows(rows: list[Row]) -> None:
    columns = "articles | mode | stored | wall s | CPU s | articles/s (wall) | articles/s (CPU)"
    print(f"| {columns} | database |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for n, mode, stored, (wall, cpu), size in rows:
        db = f"{size / 1e6:,.0f} MB ({size / stored / 1e3:.1f} kB/article)" if size else "–"
        rates = f"{stored / wall:,.0f} | {stored / cpu:,.0f}"
        print(
            f"| {n:,} | {mode} | {stored:,} | {wall:,.1f} | {cpu:,.1f} | {rates} | {db} |",
            flush=True,
        )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
