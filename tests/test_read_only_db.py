"""A database that cannot be written (QA20a F8, F9): ``ask`` answers from one on a read-only filesystem,
and the terminal chat says at start that it cannot write, refusing what writes in one line each."""

from __future__ import annotations

import io
import logging
import sqlite3

import pytest

import bot
from briefing.adapters.console import chat
from briefing.service import App
from store import StoreError, open_db
from store.db import open_read_only, writable
from tests.article_rows import harbour_archive

REAL_CONNECT = sqlite3.connect


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "archive.db"
    harbour_archive(path)
    return path


@pytest.fixture
def read_only_filesystem(monkeypatch):
    """SQLite as on a read-only mount: a file opened to write, or to read with its WAL index, cannot be
    opened ("unable to open database file"); only an immutable open, which needs no index, works."""

    def connect(target, *args, **kwargs):
        if "immutable=1" not in str(target):
            raise sqlite3.OperationalError("unable to open database file")
        return REAL_CONNECT(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_ask_answers_from_a_database_on_a_read_only_filesystem(archive, read_only_filesystem, capsys):
    assert bot.main(["--db", str(archive), "ask", "/latest"], environ={}) == 0
    captured = capsys.readouterr()
    assert "Harbour reopens after the storm" in captured.out and captured.err == ""


def test_digest_send_still_needs_a_database_it_can_write(archive, read_only_filesystem, capsys):
    env = {"TELEGRAM_BOT_TOKEN": "1:x"}
    assert bot.main(["--db", str(archive), "digest", "--chat", "5", "--send"], environ=env) == 2
    assert (
        capsys.readouterr().err == f"bot.py: cannot open database {archive}: unable to open database file\n"
    )


def test_a_database_opened_to_read_only_is_not_writable_and_one_opened_to_write_is(archive):
    db = open_db(archive)
    assert writable(db)
    assert db.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] > 0  # the probe left nothing
    db.conn.close()
    reader = open_read_only(archive)
    assert not writable(reader)
    reader.conn.close()


def test_a_database_that_needs_a_migration_is_refused_read_only_in_one_line(tmp_path):
    path = tmp_path / "old.db"
    REAL_CONNECT(path).close()  # an empty file: every migration to apply
    path.write_bytes(b"")
    with pytest.raises(StoreError) as refused:
        open_read_only(path)
    assert str(refused.value) == (
        f"cannot open database {path}: it needs upgrading to this version, and it cannot be written"
    )


def test_the_terminal_chat_refuses_writes_in_one_line_and_answers_reads(archive, caplog):
    app = App(db=open_read_only(archive), settings=bot.load_settings({}))
    lines = iter(["/subscribe 07:00", "/follow ports", "/latest", "/quit"])
    out = io.StringIO()
    with caplog.at_level(logging.ERROR):
        chat(app, read=lambda prompt: next(lines), out=out)
    text = out.getvalue()
    assert text.count("Nothing changed: that needs to write to the database, which cannot be written") == 2
    assert "something went wrong" not in text and "Harbour reopens after the storm" in text
    assert not caplog.records  # no traceback in the log


def test_the_terminal_chat_on_an_unwritable_database_says_so_at_start(archive, monkeypatch, capsys):
    monkeypatch.setattr(bot, "open_db", lambda path: open_read_only(path))  # as a read-only file opens
    monkeypatch.setattr("sys.stdin", io.StringIO("/follow ports\n"))
    assert bot.main(["--db", str(archive)], environ={}) == 0
    out, err = capsys.readouterr()
    assert "Nothing changed: that needs to write to the database" in out
    assert (
        "Traceback" not in err
        and (
            f"bot.py: note: the database {archive} cannot be written (a read-only file or folder?): what"
            " changes something (/subscribe, /follow...) is refused, the rest answers\n"
        )
        in err
    )


def test_a_database_another_writer_holds_is_writable_and_the_probe_does_not_wait(archive):
    holder = open_db(archive)
    holder.execute("BEGIN IMMEDIATE")
    db = open_db(archive)
    try:
        assert writable(db)
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 10000  # as it was
    finally:
        holder.execute("ROLLBACK")
        holder.conn.close()
        db.conn.close()
