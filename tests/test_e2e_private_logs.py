"""End to end: with -v (DEBUG) the log says which updates came and which requests went out, for which
chat, but never what a user wrote nor who they are: python-telegram-bot's DEBUG lines logged whole update
bodies ("Processing update Update(message=Message(text=...))"), every request's parameters (a reply's text)
and every answer (the chat's names)."""

from __future__ import annotations

import logging

import pytest

from tests.botapi import User
from tests.conftest import NOW
from tests.e2e_helpers import harness

pytestmark = pytest.mark.e2e
ZENOBIA = User(4242, "Zenobia", "zenobia_q", last_name="Quillfeather")
PRIVATE = ("Zenobia", "zenobia_q", "Quillfeather", "Marmalade", "xyzzy")


@pytest.fixture
async def bot(botapi, tmp_path):
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW) as h:
        yield h


async def test_debug_lines_name_updates_and_requests_without_users_texts_or_names(bot, caplog):
    caplog.set_level(logging.DEBUG)
    followed = await bot.ask("/follow Marmalade", user=ZENOBIA)
    assert "Marmalade" in followed.text  # the answer says it: the log must not
    await bot.ask("my plan is xyzzy", user=ZENOBIA)
    lines = [r.getMessage() for r in caplog.records]
    leaked = [line for line in lines if any(word in line for word in PRIVATE)]
    assert leaked == []
    library = [r.getMessage() for r in caplog.records if r.name.startswith("telegram")]
    # still useful: which update was handled, which request went to which chat, what came back
    assert any(line.startswith("Processing update update ") for line in library)
    assert any("`sendMessage` with parameters `{chat_id: 4242" in line for line in library)
    assert any("`getUpdates` finished with return value `updates [" in line for line in library)
