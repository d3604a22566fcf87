"""The operator's mistakes, each said in one line on stderr: TELEGRAM_API_BASE_URL pointing at a server that
is no Bot API (QA12a F7), an empty ``--db`` (F9), and ``bot.py ingest`` failing (F12)."""

from __future__ import annotations

import asyncio
import os
import sys

import pytest

from config import SettingsError, load_settings
from tests.conftest import ROOT

pytestmark = pytest.mark.e2e
TOKEN = "123456789:AAE-test-token-of-the-loopback-bot-api"


async def run(*args: str, **env: str) -> tuple[int, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BRIEFING_"))}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "bot.py",
        *args,
        cwd=ROOT,
        env={**clean, "PYTHONWARNINGS": "error", **env},
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode is not None
    return process.returncode, err.decode()


def said(err: str) -> list[str]:
    """The lines of stderr that are not log records (those start with a date)."""
    return [line for line in err.splitlines() if not line[:4].isdigit()]


async def test_an_api_address_that_is_a_web_server_is_one_line(site, tmp_path):
    base = site.url("/bot")  # answers Telegram's POSTs with "405 Method Not Allowed" as text
    code, err = await run(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=base, BRIEFING_DB=str(tmp_path / "b.db")
    )
    assert code == 1
    assert said(err) == [
        f"bot.py: the Bot API server at {base} answered Method Not Allowed (405) with something else than the"
        " Bot API's JSON (a web page?); is TELEGRAM_API_BASE_URL right?"
    ]
    assert "Traceback" not in err and "Can not load invalid JSON" not in err
    assert TOKEN not in err and TOKEN.split(":")[1] not in err


async def test_an_api_address_nobody_answers_is_named(tmp_path):
    base = "http://127.0.0.1:9/bot"
    code, err = await run(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=base, BRIEFING_DB=str(tmp_path / "b.db")
    )
    assert code == 1
    [line] = said(err)
    assert line.startswith(f"bot.py: cannot reach Telegram at {base}: ")


@pytest.mark.parametrize("command", [("ask", "/help"), ("actors", "seeds"), ("summarize", "README.md")])
async def test_an_empty_db_option_is_refused_not_read_as_the_default(command):
    """By every subcommand, those that do not open the database too: the same mistake, the same answer."""
    code, err = await run(*command, "--db", "")
    assert code == 2
    assert said(err) == [
        "bot.py: --db is empty (an unset variable?); give the database's path, or leave --db out"
    ]


async def test_a_failed_ingest_says_why_on_stderr(tmp_path):
    missing = tmp_path / "nothere.txt"
    code, err = await run("ingest", "--no-progress", "--db", str(tmp_path / "b.db"), str(missing))
    assert code == 1
    assert said(err) == [f"bot.py ingest: 1 failed (first: {missing}: no such file or folder)"]


def test_webhook_mode_without_a_webhook_url_is_refused_at_start(tmp_path):
    config = tmp_path / "settings.toml"
    config.write_text('[telegram]\nmode = "webhook"\nwebhook_url = ""\n', encoding="utf-8")
    empty = r"^telegram\.mode is 'webhook' but telegram\.webhook_url is empty$"
    with pytest.raises(SettingsError, match=empty):
        load_settings({"BRIEFING_DB": str(tmp_path / "b.db")}, path=config)


async def test_an_address_with_credentials_is_refused_and_its_password_never_shown(app, site):
    from briefing.addresses import without_credentials
    from briefing.service.ingest import ingest_sources
    from store.stats import archive_counts

    url = site.url("/page").replace("http://", "http://alice:s3cretpw@")
    report = await ingest_sources(app, [url])
    assert report.failed == (
        (
            site.url("/page"),
            "an address with a user name or password is refused: it would be stored and shown",
        ),
    )
    assert archive_counts(app.db).sources == 0 and not site.requests
    assert without_credentials("https://bob@news.test:8080/a?b=1") == "https://news.test:8080/a?b=1"
    assert without_credentials("https://news.test/a@b") == "https://news.test/a@b"


@pytest.mark.parametrize("command", [("ask", "/brief"), ("digest", "--chat", "1001")])
async def test_a_read_only_command_refuses_a_db_in_a_folder_that_does_not_exist(tmp_path, command):
    typo = tmp_path / "no-such-dir" / "x.db"
    code, err = await run(*command, "--db", str(typo))
    assert code == 2
    assert said(err) == [
        f"bot.py: no folder {typo.parent} for the database (a typo in --db?); `python bot.py` or"
        " `bot.py ingest` creates a new database"
    ]
    assert not typo.parent.exists()
    code, err = await run("digest", "--chat", "0", BRIEFING_DB=str(typo))  # the same typo, in the environment
    assert code == 2
    assert said(err) == [
        f"bot.py: no folder {typo.parent} for the database (a typo in $BRIEFING_DB?); `python bot.py` or"
        " `bot.py ingest` creates a new database"
    ]
    assert not typo.parent.exists()


async def test_a_python_without_the_projects_packages_is_told_how_to_run_it():
    """`python3 bot.py` on a fresh machine, after `make run` installed into .venv: one line, not a traceback
    (-S: this Python without its site-packages, where the project's packages are)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-S", "bot.py", "ask", "/help", cwd=ROOT, stderr=asyncio.subprocess.PIPE
    )
    _, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 2
    [line] = err.decode().splitlines()
    assert line.startswith("bot.py: ") and " is not installed for " in line
    assert line.endswith(
        "`make run` installs the project into .venv once; then run `.venv/bin/python bot.py ...`"
        " (or `. .venv/bin/activate` first)"
    )


async def test_ingest_still_creates_a_database_in_a_new_folder(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "Gdynia weighs a cruise ban\n\nHarbour officials in Gdynia are weighing a ban on cruise ships at the"
        " old quay after residents complained for years about the fumes of the liners beside the old town.",
        encoding="utf-8",
    )
    new = tmp_path / "new-dir" / "x.db"
    code, err = await run("ingest", str(story), "--no-progress", "--db", str(new))
    assert code == 0, err
    assert new.is_file()
