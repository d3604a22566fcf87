"""The replies' rate limiter: a 429 holds back its own chat only, is retried after Telegram's wait, and
goes through python-telegram-bot's pacing without its bot-wide pause or its error log."""

import asyncio
import logging
import time

import pytest
from telegram.error import RetryAfter

from briefing.adapters.chat_limiter import ChatRateLimiter


def _refusing(times: int, sent: list[tuple[str, float]]):
    """A request callback that answers 429 (retry after 1 s) ``times`` times, then succeeds."""
    left = {"n": times}

    async def send(chat: str) -> bool:
        sent.append((chat, time.monotonic()))
        if left["n"]:
            left["n"] -= 1
            raise RetryAfter(1)
        return True

    return send


async def _send(limiter: ChatRateLimiter, callback, chat: str) -> bool:
    data = {"chat_id": chat, "text": "hi"}
    return await limiter.process_request(callback, (chat,), {}, "sendMessage", data, None)


async def test_a_429_holds_back_its_chat_and_not_the_others(caplog):
    sent: list[tuple[str, float]] = []
    limiter = ChatRateLimiter(max_retries=2)
    start = time.monotonic()
    with caplog.at_level(logging.INFO):
        flooded = asyncio.create_task(_send(limiter, _refusing(1, sent), "1"))
        await asyncio.sleep(0.05)
        assert await _send(limiter, _refusing(0, sent), "2")
        assert time.monotonic() - start < 0.5  # chat 2 did not wait for chat 1's hold
        assert await flooded
    times = [t - start for chat, t in sent if chat == "1"]
    assert len(times) == 2 and times[1] - times[0] >= 1.0  # retried after retry_after (+ PTB's slack)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # PTB's "Rate limit hit" error


async def test_a_chat_still_refused_after_the_retries_gets_the_429():
    sent: list[tuple[str, float]] = []
    limiter = ChatRateLimiter(max_retries=1)
    with pytest.raises(RetryAfter):
        await _send(limiter, _refusing(5, sent), "1")
    assert len(sent) == 2  # the request and one retry
