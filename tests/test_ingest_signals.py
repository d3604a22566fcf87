"""``bot.py ingest`` stopped by a signal in the middle of a large file (QA20a F3, F4): the first SIGINT
stops it within a second or two (it waited for the whole file, minutes for a 49 MB dump, and seemed to
ignore Ctrl-C), and SIGTERM (``timeout``, cron, systemd) stops it the same way instead of killing it
with no word; each prints the table and the "interrupted" line, and nothing is half-stored."""

from __future__ import annotations

import asyncio
import os
import random
import re
import signal
import sys
import time

import pytest

from store import open_db
from store.articles import count_articles
from tests.conftest import ROOT, SEEDS

PROMPT = 3.0  # seconds from the signal to the exit; the file alone takes 15 s or more on the test machine
WORDS = "the talks in Paris would continue next week officials said according to the minister".split()


def large_dump(path, size: int = 6_000_000) -> None:
    """One long text of plausible sentences, which takes many seconds to read and store."""
    rng = random.Random(7)
    sentences, total = [], 0
    while total < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(18)).capitalize() + "."
        sentences.append(sentence)
        total += len(sentence) + 1
    path.write_text("Talks in Paris go on\n\n" + " ".join(sentences) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"]
)
async def test_a_signal_during_a_large_file_stops_ingest_at_once_with_the_table(tmp_path, sig, status):
    folder = tmp_path / "dumps"
    folder.mkdir()
    large_dump(folder / "big.txt")
    db = tmp_path / "sig.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BRIEFING_"))}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "bot.py", "--db", str(db), "ingest", "--no-progress", str(folder), str(SEEDS),
        cwd=ROOT, env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as at a terminal
    )  # fmt: skip
    try:
        async with asyncio.timeout(60):  # the database is made just before the ingest begins
            while not db.exists():
                await asyncio.sleep(0.05)
        await asyncio.sleep(1.5)  # well into the large file
        sent = time.monotonic()
        process.send_signal(sig)
        out, err = await asyncio.wait_for(process.communicate(), timeout=60)
        took = time.monotonic() - sent
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == status, err.decode()[-500:]
    assert took < PROMPT, took
    kept = count_articles(open_db(db))
    assert kept == 0  # the large file's one article was not half-stored, and the seeds not begun
    assert re.search(r"│ new +│ +0 │", out.decode()), out.decode()
    assert err.decode().splitlines()[-1] == (
        "bot.py ingest: interrupted after 0 of 6 sources; 0 new articles went in and stay, the rest was not"
        " read (run it again to go on: what went in is then a duplicate)"
    )
