"""The terminal chat answers with the same logic as Telegram, in plain text."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.adapters.console import GREETING, TERMINAL_COMMANDS, Session, ask, chat
from briefing.addresses import shown_url
from briefing.document import Document, Section, link, para
from briefing.service.commands import COMMANDS, Command, Reply, load_all
from tests.conftest import ROOT

load_all()


async def longread(app, args, asker) -> Reply:
    sections = tuple(
        Section((para(f"Story {i}", link(" (DW)", f"https://dw.com/{i}")),)) for i in range(1, 8)
    )
    return Reply(
        Document(sections=sections), paged=True, photo=b"\x89PNG...", photo_caption="Mentions per day"
    )


@pytest.fixture
def doubles(monkeypatch):
    monkeypatch.setitem(COMMANDS, "longread", Command("longread", "/longread", "a test double", longread))


async def test_ask_prints_the_whole_reply_with_links_and_chart_note(app, doubles):
    text = await ask(app, "/longread")
    assert "Story 1" in text and "Story 7" in text and "<https://dw.com/7>" in text
    assert "[chart: Mentions per day — shown in Telegram]" in text
    assert "<b>" not in text


async def test_buttons_are_shown_as_commands_to_type(app):
    await ask(app, "/subscribe 08:00 UTC")
    text = await ask(app, "/settings")
    assert "[3 stories: /settings length 3]" in text
    assert "[✓ 08:00: /settings time 08:00]" in text


async def test_a_long_reply_is_paged_and_more_turns_the_page(app, doubles):
    session = Session(app)
    first = await session.respond("/longread")
    assert "Story 3" in first and "Story 4" not in first and "[more: /more — page 2 of 3]" in first
    second = await session.respond("more")  # the terminal's own word, without its slash too
    assert "Story 4" in second and "[more: /more — page 3 of 3]" in second
    third = await session.respond("/more")
    assert "Story 7" in third and "[page 3 of 3]" in third
    assert await session.respond("/more") == "Nothing more to show: that was the last page (3 of 3)."


async def test_a_new_command_forgets_the_pages_of_the_last(app, doubles):
    session = Session(app)
    assert await session.respond("/more") == "Nothing more to show: ask something first."
    await session.respond("/longread")
    await session.respond("/help")
    assert await session.respond("/more") == "Nothing more to show: the last answer had only one page."


def test_the_chat_reads_until_quit(app):
    lines = iter(["/help", "", "/follow ports", "/Quit", "/help"])  # any case, as /BRIEF is
    out = io.StringIO()
    chat(app, read=lambda prompt: next(lines), out=out)
    text = out.getvalue()
    assert text.startswith("Briefing in the terminal.")
    assert "Following the topic ports." in text and text.count("Plain text is a search.") == 1


@pytest.mark.parametrize("word", ["quit", "Exit."])
def test_quit_without_its_slash_quits(app, word):
    lines = iter([word, "/help"])
    out = io.StringIO()
    chat(app, read=lambda prompt: next(lines), out=out)
    assert "Plain text is a search." not in out.getvalue()


def test_a_quit_with_words_after_it_still_quits(app):
    lines = iter(["/quit now", "/help"])
    out = io.StringIO()
    chat(app, read=lambda prompt: next(lines), out=out)
    text = out.getvalue()
    assert "I don't know the command" not in text and "Plain text is a search." not in text


async def test_help_in_the_terminal_lists_more_and_quit_but_ask_does_not(app):
    text = await Session(app).respond("/help")
    assert "• /more — the next page of a long answer" in text and "• /quit — leave the chat" in text
    assert "/brief [topic]" in text
    assert "/quit" not in await ask(app, "/help")  # one command and done: nothing to quit


@pytest.mark.parametrize("line", ["help", "hello", "help me", "Hi!", "/start"])
async def test_help_and_the_welcome_asked_for_in_words_list_more_and_quit_too(app, line):
    """QA18a F6: "help" and "hello" listed the commands without the terminal's own."""
    text = await Session(app).respond(line)
    assert "• /more — the next page of a long answer" in text and "• /quit — leave the chat" in text
    if not line.startswith("/"):  # and, last, how the words were read
        assert text.splitlines()[-1].startswith("Commands begin with a slash: I read this as /")


def test_every_way_to_leave_is_told_where_leaving_is_explained(app):
    """Bare "exit" leaves as "quit" does: the greeting and /help say so, so no one loses the chat by it."""
    assert "exit" in GREETING
    (leave,) = [b.text for b in TERMINAL_COMMANDS.blocks if b.text.startswith("/quit")]
    assert all(word in leave for word in ("Ctrl-D", "/exit", "quit", "exit"))


@pytest.mark.parametrize("line", ["/", "/?", " / "])
async def test_a_slash_alone_says_how_commands_look(app, line):
    text = await Session(app).respond(line)
    assert text == "A command is / and its name, such as /brief; /help lists them all."


def test_the_chat_survives_an_error_and_ends_at_end_of_input(app, monkeypatch):
    async def broken(app, args, asker):
        raise RuntimeError("boom")

    monkeypatch.setitem(COMMANDS, "broken", Command("broken", "/broken", "x", broken))
    lines = iter(["/broken", "/following"])

    def reader(prompt: str) -> str:
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None  # Ctrl-D

    out = io.StringIO()
    chat(app, read=reader, out=out)
    assert "Sorry, something went wrong" in out.getvalue() and "You follow nothing yet" in out.getvalue()


def _env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BRIEFING_"))}
    env["BRIEFING_DB"] = str(tmp_path / "chat.db")
    return env


def _bot_py(tmp_path, *args: str, **run) -> subprocess.CompletedProcess:
    """``python bot.py ARGS`` without a token, on a database of the test's own."""
    return subprocess.run(
        [sys.executable, "bot.py", *args], text=True, cwd=ROOT, env=_env(tmp_path), timeout=120, **run
    )


@pytest.fixture(scope="module")
def first_start(tmp_path_factory) -> Path:
    """A database created and seeded as the README's first start does it (`bot.py ask` refuses a database
    that is not there: a typo in --db), once for the module: each test takes a copy (``seeded``)."""
    folder = tmp_path_factory.mktemp("first-start")
    done = _bot_py(folder, input="", capture_output=True)
    assert done.returncode == 0, done.stderr
    assert not (folder / "chat.db-wal").exists()  # the bot closed it: the file alone is the database
    return folder / "chat.db"


@pytest.fixture
def seeded(first_start, tmp_path) -> None:
    """The test's database (``tmp_path / "chat.db"``, as ``_bot_py`` uses it): a copy of the first start's."""
    shutil.copy(first_start, tmp_path / "chat.db")


def test_bot_py_without_a_token_is_a_terminal_chat(tmp_path):
    done = _bot_py(tmp_path, input="/follow ports\n/following\n", capture_output=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Briefing in the terminal.")
    assert "Following the topic ports." in done.stdout and "• ports — topic" in done.stdout
    assert "[✕ ports: /unfollow ports]" in done.stdout


def test_ctrl_c_ends_the_terminal_chat_at_once(tmp_path, seeded):
    """The chat waits on input in a thread; Ctrl-C must not also wait for one more line."""
    chat = subprocess.Popen(
        [sys.executable, "bot.py"], cwd=ROOT, env=_env(tmp_path), text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        # as at a terminal: a run in the background (`cmd &` in a script) inherits SIGINT ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    try:
        assert chat.stdout.readline().startswith("Briefing in the terminal.")  # waiting for a line now
        chat.send_signal(signal.SIGINT)
        code = chat.wait(timeout=30)  # stdin stays open: it must not wait for one more line (a hang guard)
    finally:
        chat.kill()
        chat.communicate()
    assert code == 0  # Ctrl-C at the prompt leaves the chat as Ctrl-D does


def test_bot_py_ask_answers_one_command(tmp_path, seeded):
    done = _bot_py(tmp_path, "ask", "/settings", capture_output=True)
    assert done.returncode == 0, done.stderr
    assert "This chat has no daily digest yet." in done.stdout
    assert "Subscribe with /subscribe (every day at 08:00 UTC) or" in done.stdout
    assert "[Subscribe at 08:00 UTC: /subscribe 08:00 UTC]" in done.stdout
    unquoted = _bot_py(tmp_path, "ask", "/latest", "2", "Kursk", capture_output=True)  # the shell split it
    assert unquoted.returncode == 0, unquoted.stderr
    assert unquoted.stdout.startswith("ARTICLES WITH “KURSK”, NEWEST FIRST\nThe newest 2 of")


def test_a_damaged_database_is_one_line_not_a_traceback(tmp_path, seeded):
    db = tmp_path / "chat.db"
    with db.open("r+b") as f:  # past the header: the file opens, its pages do not read
        f.seek(4096 * 3)
        f.write(bytes(range(256)) * 64)
    done = _bot_py(tmp_path, "ask", "/brief", capture_output=True)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (1, 2) and "database" in done.stderr.lower()


def test_an_incomplete_seeds_folder_stops_the_bot_in_one_line(tmp_path, monkeypatch, capsys):
    import bot
    from briefing import gazetteer

    partial = tmp_path / "seeds"
    partial.mkdir()
    (partial / "actors.toml").write_text("", encoding="utf-8")
    monkeypatch.setattr(gazetteer, "SEEDS", partial)
    code = bot.main(["--db", str(tmp_path / "x.db"), "ask", "/latest"], environ={})
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "places.toml, given_names.toml, place_zones.toml" in err and "incomplete" in err


def test_bot_py_ask_into_a_closed_pipe_exits_quietly(tmp_path, seeded):
    """`bot.py ask ... | head -1`: the reader goes away before the answer is written."""
    read, write = os.pipe()
    os.close(read)
    with os.fdopen(write, "wb") as closed:
        done = _bot_py(tmp_path, "ask", "/settings", stdout=closed, stderr=subprocess.PIPE)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


@pytest.mark.parametrize(
    "text", ["/brief " + "Kellogg " * 625_000, "Kellogg " * 625_000, "/actor " + "x" * 5_000_000]
)
async def test_a_5_mb_message_gets_a_short_clear_reply(app, text):
    load_all()
    reply = await ask(app, text)
    assert (
        reply.startswith(("That is 4,999,99", "That is 5,000,000"))
        and "please ask in fewer than 4,096" in reply
    )
    assert len(reply) < 200


async def test_the_terminal_chat_is_told_its_digest_and_alerts_are_not_sent(app):
    subscribed = await ask(app, "/subscribe")
    assert "In the terminal nothing is sent: read this chat's digest with python bot.py digest" in subscribed
    followed = await ask(app, "/follow ports")
    assert "Alerts go only to Telegram chats; here, /brief ports shows its news." in followed
    assert "I send you an alert" not in followed
    assert "Alerts for what you follow still come" not in await ask(app, "/unsubscribe")


def test_the_terminal_chat_says_an_ingest_began_before_its_result(app):
    from briefing.service.commands import Asker

    lines = iter(["/ingest http://127.0.0.1:1/rss?token=SEKRIT", "/quit"])
    out = io.StringIO()
    chat(app, read=lambda prompt: next(lines), out=out, asker=Asker(chat_id=0, user_id=42))
    text = out.getvalue()
    assert "SEKRIT" not in text
    shown = shown_url("http://127.0.0.1:1/rss?token=SEKRIT")
    assert shown.startswith("http://127.0.0.1:1/rss?token=***")
    began = text.index(f"Reading {shown} …")
    assert began < text.index(f"Failed: {shown} — cannot connect to 127.0.0.1")
