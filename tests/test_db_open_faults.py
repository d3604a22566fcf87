"""A database the bot cannot open as usual, on a real filesystem (qa29c F1, F3, F5, F6, F7): a folder it
cannot write, a full disk, another process's lock. Each is said in the operator's words, and what can
still be answered is.

A read-only folder is real: as a user other than root, a folder without write permission; as root (whom
permissions do not stop), a read-only bind mount in a mount namespace of the test's own (``unshare``),
as a read-only volume is. A full disk is a small tmpfs, mounted so too. Where neither can be made, the
test is skipped."""

from __future__ import annotations

import io
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from briefing.adapters.console import LOCKED, chat
from briefing.service import App
from briefing.service.commands import load_all
from briefing.service.ingest import IngestCutShortError, ingest_command
from config import load_settings
from store import StoreError, open_db
from tests.article_rows import harbour_archive

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "fixtures" / "pages" / "brief_h1link.html"


def _can_mount() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt && umount /mnt"], capture_output=True
    )
    return probe.returncode == 0


MOUNTS = _can_mount()


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BRIEFING_"))}


def _bot(prefix: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """``bot.py ARGS``, after the shell commands ``prefix`` (in a mount namespace of its own when root)."""
    command = [sys.executable, "bot.py", *args]
    if MOUNTS:
        command = ["unshare", "-m", "sh", "-c", f'{prefix} && exec "$@"', "sh", *command]
    return subprocess.run(
        command, input=stdin, text=True, capture_output=True, cwd=ROOT, env=_env(), timeout=120
    )


@pytest.fixture
def archive(tmp_path) -> Path:
    folder = tmp_path / "volume"
    folder.mkdir()
    harbour_archive(folder / "archive.db")
    return folder / "archive.db"


@pytest.fixture
def read_only(archive) -> Iterator[str]:
    """The shell command that makes the archive's folder read-only for ``_bot``."""
    folder = archive.parent
    if MOUNTS:
        yield f"mount --bind -o ro {folder} {folder}"
        return
    if os.geteuid() == 0:
        pytest.skip("root, and no mount namespace to make a read-only folder in")
    folder.chmod(0o555)
    try:
        yield "true"
    finally:
        folder.chmod(0o755)


def test_the_terminal_chat_on_a_database_in_a_read_only_folder_answers_reads(archive, read_only):
    """F1: it refused to start ("unable to open database file"), though the README says it serves."""
    done = _bot(read_only, "--db", str(archive), stdin="/latest\n/follow Kellogg\n")
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(f"bot.py: note: the database {archive} cannot be written")
    assert "Harbour reopens after the storm" in done.stdout
    assert "Nothing changed: that needs to write to the database, which cannot be written" in done.stdout
    assert not (archive.parent / "archive.db-shm").exists()


def test_ingest_into_a_read_only_folder_says_why(archive, read_only):
    done = _bot(read_only, "--db", str(archive), "ingest", "--no-progress", str(PAGE))
    assert done.returncode == 2
    assert done.stderr == (
        f"bot.py: cannot open database {archive} to write: its folder {archive.parent} cannot be written"
        " (a read-only filesystem or folder?), and SQLite makes its -wal and -shm files there\n"
    )


def test_ask_a_write_on_a_read_only_database_is_answered_nothing_changed(archive, read_only):
    """F6: "the database cannot be used", with nothing on stdout, where reads were answered."""
    done = _bot(read_only, "--db", str(archive), "ask", "/subscribe")
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.startswith("Nothing changed: that needs to write to the database, which cannot be")
    assert _bot(read_only, "--db", str(archive), "ask", "/following").returncode == 0


@pytest.mark.skipif(not MOUNTS, reason="a full disk needs a small tmpfs of the test's own (root, unshare)")
def test_a_full_disk_at_start_is_said_and_leaves_no_stray_files(archive, tmp_path):
    """F3: "disk I/O error", and a 3-byte -shm left behind."""
    small = tmp_path / "small"
    small.mkdir()
    fill = f"dd if=/dev/zero of={small}/filler bs=64k 2>/dev/null; true"
    prefix = f"mount -t tmpfs -o size=1m tmpfs {small} && cp {archive} {small}/f.db && {fill}"
    # the ls runs in the same namespace: the tmpfs and what is left on it are gone once it ends
    listing = f"; rc=$?; ls {small} >&2; exit $rc"
    command = ["unshare", "-m", "sh", "-c", f"{prefix} && {sys.executable} bot.py --db {small}/f.db{listing}"]
    done = subprocess.run(command, input="/latest\n", text=True, capture_output=True, cwd=ROOT, env=_env())
    assert done.returncode == 2
    said, left = done.stderr.split("\n", 1)
    assert said.startswith(f"bot.py: cannot open database {small}/f.db: no space left on the device")
    assert left.split() == ["f.db", "filler"]


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Another process's write lock on ``path`` (as a backup or a second bot.py holding it)."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("CREATE TABLE held (x)")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def _quick(path: Path) -> App:
    load_all()  # every command, as bot.py loads them
    app = App(db=open_db(path), settings=load_settings({}))
    app.db.execute("PRAGMA busy_timeout=50")  # the lock is not waited out 10 s in a test
    return app


def _typed(*typed: str) -> Callable[[str], str]:
    """The terminal chat's reader of the lines ``typed``, then the end of input (Ctrl-D)."""
    lines = iter(typed)

    def reader(prompt: str) -> str:
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None

    return reader


def test_the_terminal_chat_on_a_locked_database_says_so_and_logs_no_user_text(archive, caplog):
    """F5: "Sorry, something went wrong", and a log line quoting "/follow Kellogg"."""
    app = _quick(archive)
    out = io.StringIO()
    with caplog.at_level(logging.DEBUG), _locked(archive):
        chat(app, read=_typed("/follow Kellogg", "/latest"), out=out)
    assert f"{LOCKED}." in out.getvalue() and "Harbour reopens" in out.getvalue()
    assert "Kellogg" not in caplog.text


def test_a_failing_answer_is_logged_by_its_command_never_its_words(archive, caplog, monkeypatch):
    from briefing.adapters import console

    async def broken(self, line):
        raise RuntimeError("boom")

    monkeypatch.setattr(console.Session, "respond", broken)
    with caplog.at_level(logging.ERROR):
        chat(_quick(archive), read=_typed("/follow Kellogg", "grain exports Odesa"), out=io.StringIO())
    messages = [record.getMessage() for record in caplog.records]
    assert messages == ["error answering /follow", "error answering a search or plain text"]


def test_ingest_stopped_by_a_lock_prints_its_table_and_says_another_process_holds_it(archive, capsys):
    """F5, F7: "the database cannot be used: database is locked", with no summary table."""
    import asyncio

    app = _quick(archive)
    with _locked(archive), pytest.raises(IngestCutShortError) as caught:
        asyncio.run(ingest_command(app, [str(PAGE)], progress=False))
    assert str(caught.value).startswith(
        "the database is locked by another process (another bot.py, an ingest, a backup?); 0 new articles"
    )
    assert "Ingest summary" in capsys.readouterr().out


def test_opening_a_database_another_process_holds_says_so(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    REAL_CONNECT(path).close()  # a new file: opening it to write sets WAL, which needs the lock
    other = REAL_CONNECT(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    # the lock is waited for 0.05 s, not 10
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: REAL_CONNECT(*a, **{**k, "timeout": 0.05}))
    try:
        with pytest.raises(StoreError, match=r"^cannot open database .*: another process holds it locked"):
            open_db(path)
    finally:
        other.execute("ROLLBACK")
        other.close()


REAL_CONNECT = sqlite3.connect
