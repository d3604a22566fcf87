"""/start and /help tell a private chat that plain text is a search, and a group to use /search."""

import pytest

from briefing.render import to_plain
from briefing.service.commands import Asker, answer, load_all

PRIVATE = Asker(chat_id=1, user_id=1)
load_all()


@pytest.mark.parametrize("command", ["/start", "/help"])
async def test_a_private_chat_searches_by_plain_text(app, command):
    text = to_plain((await answer(app, command, PRIVATE)).document)
    assert "some words" in text or "Plain text is a search." in text
    assert "In a group" not in text


@pytest.mark.parametrize("chat_type", ["group", "supergroup"])
@pytest.mark.parametrize("command", ["/start", "/help"])
async def test_a_group_is_told_to_search_with_the_command(app, command, chat_type):
    text = to_plain((await answer(app, command, Asker(-100, 1, chat_type))).document)
    assert "In a group I answer only commands: to search, send /search WORDS." in text
    assert "some words" not in text and "Plain text is a search." not in text
