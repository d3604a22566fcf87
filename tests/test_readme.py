"""The README is the user's manual: it documents every subcommand and every setting."""

import re
from pathlib import Path

from bot import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def subcommands():
    parser = build_parser()
    for action in parser._actions:
        if action.choices and isinstance(action.choices, dict):
            return sorted(action.choices)
    return []


def test_there_are_subcommands():
    assert "ingest" in subcommands()


def test_every_subcommand_is_documented():
    for name in subcommands():
        assert f"python bot.py {name}" in README, f"README does not document `bot.py {name}`"


def test_every_environment_setting_is_documented():
    config = (Path(__file__).resolve().parent.parent / "config" / "__init__.py").read_text()
    for var in set(re.findall(r'environ\.get\("([A-Z_]+)"', config)):
        assert f"`{var}`" in README, var


def test_exactly_two_setup_commands():
    setup = README.split("## Set up", 1)[1].split("##", 1)[0]
    block = setup.split("```", 2)[1]
    commands = [line for line in block.strip().splitlines() if line.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["make run", "make test"]


def test_every_chat_command_is_documented():
    from briefing.service.commands import COMMANDS, load_all

    load_all()
    using = README.split("## Using the bot", 1)[1].split("\n## ", 1)[0]
    assert len(COMMANDS) >= 10
    for name, cmd in COMMANDS.items():
        assert f"`/{name}" in using, f"README's Using the bot does not document /{name}"
        if cmd.admin:
            assert f"`/{name}" in using.split("**Admin commands**", 1)[1], f"/{name} is not listed as admin"


def test_the_telegram_sections_follow_the_command_line():
    order = [README.index(h) for h in ("## Command line", "## Using the bot", "## Running on Telegram")]
    assert order == sorted(order)
