"""The command line's contract (QA18a): a read-only command never creates the database it is given (F2),
``ask`` says in its exit status when a message was not done as a command (F4), and ``--db`` and ``-v``
are taken before the subcommand and after it alike, two different ``--db`` refused (F11)."""

from __future__ import annotations

import pytest

import bot
from store import open_db
from store.sources import upsert_source
from tests.conftest import NOW


@pytest.fixture
def archive(tmp_path):
    """A database that is not new (one source), so ``ask`` does not seed it: quick to answer from."""
    path = tmp_path / "archive.db"
    db = open_db(path)
    upsert_source(db, kind="file", location="/x/one.txt", name="one.txt", now=NOW)
    db.conn.close()
    return path


@pytest.mark.parametrize("command", [("ask", "/latest"), ("digest", "--chat", "5")])
def test_a_read_only_command_refuses_a_database_file_that_does_not_exist(tmp_path, capsys, command):
    """A typo in the file's name (not only its folder's) leaves no stray database behind, and digest does
    not blame the chat ("it never sent /subscribe") for the wrong path."""
    typo = tmp_path / "briefng.db"
    assert bot.main(["--db", str(typo), *command], environ={}) == 2
    assert capsys.readouterr().err == (
        f"bot.py: no database at {typo} (a typo in --db?); `python bot.py` or `bot.py ingest` creates a new"
        " database\n"
    )
    assert not typo.exists()
    assert bot.main([*command], environ={"BRIEFING_DB": str(typo)}) == 2
    assert "(a typo in $BRIEFING_DB?)" in capsys.readouterr().err
    assert not typo.exists()


def test_digest_refuses_the_default_database_before_the_first_start(tmp_path, capsys, monkeypatch):
    """No --db: the project's database, not there yet, has no subscriber; digest does not create it."""
    default = tmp_path / "data" / "briefing.db"
    real = bot.load_settings

    def settings_at_default(env):
        from dataclasses import replace

        return replace(real(env), db_path=default)

    monkeypatch.setattr(bot, "load_settings", settings_at_default)
    assert bot.main(["digest", "--chat", "5"], environ={}) == 2
    assert capsys.readouterr().err.startswith(f"bot.py: no database at {default}; `python bot.py`")
    assert not default.exists()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("/frob", "unknown command /frob"),
        ("/quit", "unknown command /quit"),  # the terminal chat's own: ask answers one command anyway
        ("/stats", "/stats is only for the bot's administrators (BRIEFING_ADMINS=0 allows them here)"),
        ("/", "/ is no command's name"),
    ],
)
def test_ask_exits_2_with_the_reason_when_a_message_is_not_done_as_a_command(archive, capsys, text, reason):
    assert bot.main(["--db", str(archive), "ask", text], environ={}) == 2
    out, err = capsys.readouterr()
    assert out.strip()  # the reply itself is still printed, as the chat would show it
    assert err == f"bot.py ask: {reason}\n"


@pytest.mark.parametrize("text", ["/actor Nobodyxyz", "/latest 2", "/stats"])
def test_ask_exits_0_for_an_answer_even_when_nothing_is_found(archive, capsys, text):
    assert bot.main(["--db", str(archive), "ask", text], environ={"BRIEFING_ADMINS": "0"}) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_is_taken_before_the_subcommand_and_after_it(archive, capsys, monkeypatch, where):
    levels = []
    monkeypatch.setattr(bot, "_setup_logging", lambda verbose: levels.append(verbose))
    argv = ["--db", str(archive), "ask", "/latest", "1"]
    argv.insert(0 if where == "before" else len(argv), "-v")
    assert bot.main(argv, environ={}) == 0
    assert levels == [True]
    assert bot.main(["--db", str(archive), "ask", "/latest", "1"], environ={}) == 0
    assert levels == [True, False]


def test_two_different_db_paths_are_refused_the_same_one_twice_is_not(archive, tmp_path, capsys, monkeypatch):
    other = tmp_path / "other.db"
    assert bot.main(["--db", str(archive), "ask", "/latest", "--db", str(other)], environ={}) == 2
    assert capsys.readouterr().err == (
        f"bot.py: --db is given twice, {archive} before ask and {other} after it; give it once\n"
    )
    monkeypatch.chdir(tmp_path)
    assert bot.main(["--db", "archive.db", "ask", "/latest", "--db", str(archive)], environ={}) == 0


def test_an_empty_db_after_the_subcommand_is_refused_as_before_it(archive, capsys):
    assert bot.main(["--db", str(archive), "ask", "/latest", "--db", ""], environ={}) == 2
    assert capsys.readouterr().err.startswith("bot.py: --db is empty (an unset variable?)")


def test_an_empty_briefing_db_is_refused_in_one_line(capsys):
    assert bot.main(["ask", "/brief"], environ={"BRIEFING_DB": ""}) == 2
    assert capsys.readouterr().err == (
        "bot.py: BRIEFING_DB is set but empty (an unset variable?); give the database's path, or unset it\n"
    )


def test_ingest_into_a_folder_that_does_not_exist_says_it_made_it(tmp_path, capsys):
    """qa22a F9: a typo in a folder's name started a second archive without a word; an existing folder
    with a new file in it is the ordinary way to start one, and says nothing."""
    page = tmp_path / "note.txt"
    page.write_text("Flood barriers held in Bexley overnight as the river rose to a forty-year high.\n")
    typo = tmp_path / "archve" / "x.db"
    assert bot.main(["--db", str(typo), "ingest", "--no-progress", str(page)], environ={}) == 0
    err = capsys.readouterr().err
    assert f"bot.py: note: no folder {typo.parent}: made it, for a new database\n" in err
    assert typo.exists()
    assert bot.main(["--db", str(tmp_path / "y.db"), "ingest", "--no-progress", str(page)], environ={}) == 0
    assert "note: no folder" not in capsys.readouterr().err


@pytest.mark.parametrize("command", [("ingest", "--no-progress"), ("ask", "/latest")])
def test_a_database_path_inside_a_file_is_refused_in_one_line(tmp_path, capsys, command):
    """qa23 F12: `--db notes.txt/x.db` said "no folder", and `ingest` then crashed with a traceback."""
    notes = tmp_path / "notes.txt"
    notes.write_text("not a folder\n")
    page = tmp_path / "page.txt"
    page.write_text("Flood barriers held in Bexley overnight as the river rose to a forty-year high.\n")
    args = [*command, str(page)] if command[0] == "ingest" else list(command)
    assert bot.main(["--db", str(notes / "x.db"), *args], environ={}) == 2
    assert capsys.readouterr().err == (
        f"bot.py: {notes} is a file, not a folder: it cannot hold the database {notes / 'x.db'}\n"
    )
