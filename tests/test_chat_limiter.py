"""The replies' rate limiter: a 429 holds back its own chat only, is retried after Telegram's wait, and
goes through python-telegram-bot's pacing without its bot-wide pause or its error log."""

import asyncio
import logging
import time

import pytest
from telegram.error import RetryAfter

from briefing.adapters.chat_limiter import ChatRateLimiter
from briefing.adapters.pacer import Limits, Pacer


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


async def _request(limiter: ChatRateLimiter, endpoint: str, chat: str, sent: list[tuple[str, str, float]]):
    async def send() -> bool:
        sent.append((endpoint, chat, time.monotonic()))
        return True

    return await limiter.process_request(send, (), {}, endpoint, {"chat_id": chat}, None)


async def test_one_chats_messages_go_a_burst_at_once_then_at_the_chats_pace_and_others_do_not_wait():
    sent: list[tuple[str, str, float]] = []
    limiter = ChatRateLimiter(max_retries=1, pacer=Pacer(Limits(chat_burst=3, chat_window=0.4)))
    start = time.monotonic()
    await asyncio.gather(*(_request(limiter, "sendMessage", "1", sent) for _ in range(9)))
    times = [t - start for _, chat, t in sent if chat == "1"]
    assert all(t < 0.2 for t in times[:3])  # an answer in a few parts goes at once
    assert all(later - first >= 0.4 for first, later in zip(times, times[3:], strict=False))
    assert times[-1] >= 0.8  # nine: three at once, three a window later, three after two windows
    begun = time.monotonic()
    # chat 1's window is full, but not chat 2's; nor do other requests to chat 1 wait
    await _request(limiter, "sendMessage", "1", sent)
    other = time.monotonic()
    await asyncio.gather(
        _request(limiter, "sendPhoto", "2", sent),
        _request(limiter, "sendChatAction", "1", sent),
    )
    assert time.monotonic() - other < 0.2
    assert other - begun >= 0.2  # chat 1's tenth message waited for its turn


async def test_a_chats_edits_count_in_its_window_and_share_it_with_the_fanout():
    pacer = Pacer(Limits(min_gap=0.0, chat_burst=2, chat_window=0.4))
    limiter = ChatRateLimiter(max_retries=1, pacer=pacer)
    sent: list[tuple[str, str, float]] = []
    start = time.monotonic()
    await pacer.wait(1)  # a digest part, paced by the same pacer
    await _request(limiter, "sendMessage", "1", sent)  # a reply: the chat's burst of two
    await _request(limiter, "editMessageText", "1", sent)  # a page turned: waits for the window
    assert time.monotonic() - start >= 0.4 - 0.02
    begun = time.monotonic()
    await _request(limiter, "editMessageText", "2", sent)  # another chat: at once
    assert time.monotonic() - begun < 0.1
