"""A database that cannot be written in the middle of an ingest (a full disk): the ingest stops there and
says how many articles went in before (they stay) and that the rest was not stored; exit 1 (QA15c F7)."""

import re
import sqlite3

import pytest

import bot
import briefing.service.batches as batches
from briefing.service.ingest import kept_phrase
from store import open_db
from store.articles import count_articles
from store.db import cannot_write, savepoint, transaction
from tests.conftest import SEEDS


def disk_full() -> sqlite3.OperationalError:
    """The error SQLite raises when the disk is full, as the sqlite3 module gives it."""
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode, error.sqlite_errorname = 13, "SQLITE_FULL"
    return error


def test_a_full_disk_stops_the_ingest_and_says_what_went_in(tmp_path, capsys, monkeypatch):
    real, calls = batches.add_article, []

    def add_article(*args, **kwargs):
        calls.append(1)
        if len(calls) > 12:
            raise disk_full()
        return real(*args, **kwargs)

    monkeypatch.setattr(batches, "add_article", add_article)
    # a transaction ends with its source, not after a second: on a loaded machine each article took a
    # second, was a transaction of its own, and all 12 went in before the failure
    monkeypatch.setattr(batches, "TRANSACTION_SECONDS", 3600.0)
    db = tmp_path / "full.db"
    status = bot.main(["ingest", "--no-progress", "--db", str(db), str(SEEDS)])
    err = capsys.readouterr().err.strip()
    assert status == 1
    said = re.fullmatch(
        r"bot\.py: the database cannot be written: database or disk is full; (\d+) new articles went in"
        r" before it and stay, the rest was not stored \(stopped at source (\d) of 5, .*\.txt\)",
        err,
    )
    assert said, err
    kept = count_articles(open_db(db))
    assert int(said.group(1)) == kept and 0 < kept < 12  # the article batch the failure broke off is gone
    assert int(said.group(2)) < 5
    assert len(calls) == 13  # not one failure per article left: the ingest stopped at the first


def test_a_real_full_disk_leaves_no_transaction_open_and_tells_its_own_error(db):
    db.execute("CREATE TABLE blobs (b BLOB)")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's own "disk full" at a page limit
    full = pytest.raises(sqlite3.OperationalError, match="database or disk is full")
    with full as caught, transaction(db), savepoint(db):
        db.execute("INSERT INTO blobs VALUES (zeroblob(100000))")
    assert cannot_write(caught.value) and not db.conn.in_transaction
    db.execute(f"PRAGMA max_page_count = {pages + 1000}")
    with transaction(db):  # the next transaction is a transaction of its own, and it is committed
        db.execute("INSERT INTO blobs VALUES (x'00')")
    assert db.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1


def test_an_error_of_one_write_is_not_a_database_that_cannot_be_written(db):
    with pytest.raises(sqlite3.OperationalError) as caught:
        db.execute("SELECT * FROM no_such_table")
    assert not cannot_write(caught.value) and not cannot_write(ValueError("disk is full"))


def test_a_commit_that_fails_leaves_no_transaction_open(db):
    db.execute("CREATE TABLE parents (id INTEGER PRIMARY KEY)")
    db.execute("CREATE TABLE children (parent INTEGER REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED)")
    # checked at COMMIT, which fails and leaves the transaction open
    with pytest.raises(sqlite3.IntegrityError), transaction(db):
        db.execute("INSERT INTO children VALUES (7)")
    assert not db.conn.in_transaction  # else every later transaction would join it, never committed
    with transaction(db):
        db.execute("INSERT INTO parents VALUES (1)")
    assert db.execute("SELECT count(*) FROM parents").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM children").fetchone()[0] == 0


async def test_an_admins_ingest_cut_short_is_answered(app, site, monkeypatch):
    from aiohttp import web

    from briefing.render import to_plain
    from briefing.service.commands import Asker, answer, load_all

    body = "Trawler crews along the northern coast kept their boats in port for six weeks of storms. " * 8
    page = f"<html><head><title>Trawler crews count the cost</title></head><body><p>{body}</p></body></html>"

    async def story(request):
        return web.Response(text=page, content_type="text/html")

    site.add("/story", story)

    def add_article(*args, **kwargs):
        raise disk_full()

    monkeypatch.setattr(batches, "add_article", add_article)
    load_all()
    reply = to_plain((await answer(app, f"/ingest {site.url('/story')}", Asker(42, 42))).document)
    assert reply.startswith("Ingest cut short: the database cannot be written: database or disk is full;")
    assert "0 new articles went in before it and stay, the rest was not stored" in reply


async def test_ctrl_c_prints_what_went_in_and_exits_130(tmp_path, site):
    """Stopped by the operator (QA18a F5): the table of what was done on stdout, and on stderr a line
    saying what went in and stays and that the rest was not read; the status says it was interrupted."""
    import asyncio
    import os
    import signal
    import sys

    from aiohttp import web

    from tests.conftest import ROOT

    asked, released = asyncio.Event(), asyncio.Event()

    async def hang(request):
        asked.set()
        # never answered while the ingest runs; released at the end, so that the site's shutdown does
        # not wait for it (a handler outlives its client: the teardown took a minute)
        await asyncio.wait_for(released.wait(), timeout=60)
        return web.Response(text="too late")

    site.add("/hang", hang)
    db = tmp_path / "int.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BRIEFING_"))}
    seed = sorted(SEEDS.glob("*.txt"))[0]
    process = await asyncio.create_subprocess_exec(
        sys.executable, "bot.py", "--db", str(db), "ingest", "--no-progress", str(seed), site.url("/hang"),
        cwd=ROOT, env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as at a terminal
    )  # fmt: skip
    try:
        await asyncio.wait_for(asked.wait(), timeout=120)  # the file is in; the page is being fetched
        process.send_signal(signal.SIGINT)
        out, err = await asyncio.wait_for(process.communicate(), timeout=30)
    finally:
        released.set()
        if process.returncode is None:
            process.kill()
            await process.wait()
    kept = count_articles(open_db(db))
    assert process.returncode == 130 and kept > 0
    assert re.search(rf"│ new +│ +{kept} │", out.decode()), out.decode()
    assert err.decode().splitlines()[-1] == (
        f"bot.py ingest: interrupted after 1 of 2 sources; {kept} new articles went in and stay, the rest"
        " was not read (run it again to go on: what went in is then a duplicate)"
    )


def test_what_a_stopped_ingest_keeps_is_told_in_the_right_number():
    assert kept_phrase(1) == "1 new article went in and stays"
    assert kept_phrase(1, " before it") == "1 new article went in before it and stays"
    assert kept_phrase(0, " before it") == "0 new articles went in before it and stay"
    assert kept_phrase(1200) == "1,200 new articles went in and stay"
