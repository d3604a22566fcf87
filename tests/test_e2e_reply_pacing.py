"""End to end: a user asking faster than Telegram lets one chat receive (about a message a second,
short bursts allowed) is answered at that pace, without 429s, and the other chats are not held back.
python-telegram-bot's limiter paces the bot overall and each group, not a private chat: ten /help in a
row were ten answers at once, and the 429s that follow."""

from __future__ import annotations

import asyncio

import pytest

from briefing.adapters.pacer import Limits
from tests.botapi import User
from tests.botapi.ratelimit import RateLimits, Window
from tests.conftest import NOW
from tests.e2e_helpers import harness

pytestmark = pytest.mark.e2e
BOB = User(77, "Bob", "bob")
CHAT_BURST, CHAT_WINDOW = Limits().chat_burst, Limits().chat_window
ASKED = 8


@pytest.fixture
async def bot(botapi, tmp_path):
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW, chat_window=CHAT_WINDOW) as h:
        yield h


async def test_a_chat_hammering_a_command_is_answered_at_its_pace_with_no_429_and_others_are_not_held(bot):
    server = bot.server
    # the server refuses as Telegram would past the burst the bot allows itself in one chat
    server.enable_rate_limits(RateLimits(per_chat=Window(CHAT_BURST, CHAT_WINDOW)))
    for _ in range(ASKED):
        server.push_command("/help")  # Alice, chat 1001
    await server.wait_for_requests(CHAT_BURST, "sendMessage", chat_id=1001, ok=True, since=0, timeout=10)
    bobs = await bot.ask("/help", user=BOB)  # asked while Alice's answers wait for their turn
    assert "/subscribe" in bobs.text
    await server.wait_for_requests(ASKED, "sendMessage", chat_id=1001, ok=True, since=0, timeout=30)
    await asyncio.sleep(0.2)
    assert server.rate_limit_stats.refused == 0  # no 429: the bot kept to the chat's pace itself
    sent = server.requests("sendMessage", ok=True)
    alice = [r.received_at for r in sent if r.chat_id == 1001]
    assert len(alice) == ASKED
    # one message a second on average: never more than the burst in a window
    assert all(
        later - first >= CHAT_WINDOW - 0.1 for first, later in zip(alice, alice[CHAT_BURST:], strict=False)
    )
    # Bob's answer did not wait behind Alice's queue
    bob_at = next(r.received_at for r in sent if r.chat_id == BOB.id)
    assert bob_at < alice[-1]


async def test_the_pace_of_a_chat_is_the_setting_telegram_chat_window_seconds(botapi, tmp_path):
    window = 0.6  # telegram.chat_window_seconds: a fifth of Telegram's 3 s
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW, chat_window=window) as bot:
        assert bot.app.settings.chat_window == window
        for _ in range(ASKED):
            bot.server.push_command("/help")
        await bot.server.wait_for_requests(ASKED, "sendMessage", chat_id=1001, ok=True, since=0, timeout=30)
    alice = [r.received_at for r in bot.server.requests("sendMessage", ok=True) if r.chat_id == 1001]
    gaps = [later - first for first, later in zip(alice, alice[CHAT_BURST:], strict=False)]
    assert all(gap >= window - 0.05 for gap in gaps), gaps  # paced: the burst in any window, no more
    # at the setting's pace: Telegram's 3 s window would space the first and the eighth 6 s apart at least
    assert alice[-1] - alice[0] < 2 * CHAT_WINDOW - 0.5, alice
