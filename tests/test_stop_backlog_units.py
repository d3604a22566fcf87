"""The pieces of a stop with a backlog, on their own: the kept updates' store, and the update processor
keeping what it has not answered (as a webhook's post during the stop, or an update waiting its turn)."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
from telegram import Update

from briefing.adapters import telegram_backlog
from briefing.adapters.telegram_backlog import PerChatUpdates, current_handling
from store.pending_updates import began_replay, forget_pending, pending_updates, save_pending

NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


def update_json(update_id: int, chat_id: int = 1001, text: str = "/help") -> str:
    message = {
        "message_id": update_id,
        "date": int(NOW.timestamp()),
        "chat": {"id": chat_id, "type": "private", "first_name": "Alice"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "Alice"},
        "text": text,
    }
    return json.dumps({"update_id": update_id, "message": message})


def update(update_id: int, chat_id: int = 1001) -> Update:
    made = Update.de_json(json.loads(update_json(update_id, chat_id)), None)
    assert made is not None
    return made


def test_kept_updates_come_back_in_update_order_once_each(db):
    assert save_pending(db, [(12, update_json(12)), (5, update_json(5))], now=NOW) == 2
    # kept again (a stop during the start's replay): the first copy stays
    assert save_pending(db, [(12, update_json(12, text="/start"))], now=NOW + timedelta(hours=1)) == 0
    kept = pending_updates(db)
    assert [p.update_id for p in kept] == [5, 12]
    assert json.loads(kept[1].data)["message"]["text"] == "/help"
    assert kept[1].saved_at == NOW
    forget_pending(db, 5)
    forget_pending(db, 99)  # not kept: nothing to do
    assert [p.update_id for p in pending_updates(db)] == [12]


def test_a_kept_update_reads_back_as_the_update_it_was(db):
    original = update(7)
    save_pending(db, [(7, original.to_json())], now=NOW)
    (kept,) = pending_updates(db)
    again = Update.de_json(json.loads(kept.data), None)
    assert again is not None and again.to_dict() == original.to_dict()
    assert again.message is not None and again.message.date == NOW


def test_replays_begun_are_counted_with_the_kept_update_which_reads_back_as_it_was(db):
    save_pending(db, [(7, update_json(7))], now=NOW)
    began_replay(db, 7)
    began_replay(db, 7)
    began_replay(db, 99)  # not kept: nothing to do
    (kept,) = pending_updates(db)
    assert kept.replays == 2
    assert json.loads(kept.data) == json.loads(update_json(7))  # the count is not part of the update
    save_pending(db, [(7, update_json(7))], now=NOW)  # Telegram sent it again: the count stays
    assert pending_updates(db)[0].replays == 2


async def test_a_replayed_update_is_counted_as_its_handling_begins_and_a_fetched_one_is_not(app):
    processor = PerChatUpdates(2, app)
    replayed, fetched = update(1), update(2, chat_id=1002)
    save_pending(app.db, [(1, replayed.to_json()), (2, fetched.to_json())], now=NOW)
    processor.replaying([replayed])
    seen: dict[int, int] = {}

    async def handler(n: int) -> None:  # a crash here leaves the count behind
        seen[n] = {p.update_id: p.replays for p in pending_updates(app.db)}[n]

    await processor.process_update(replayed, handler(1))
    await processor.process_update(fetched, handler(2))
    assert seen == {1: 1, 2: 0}
    assert pending_updates(app.db) == []  # both handled


async def test_an_update_received_during_the_stop_is_kept_not_handled(app):
    processor = PerChatUpdates(4, app)
    await processor.wind_down()  # nothing running
    ran = []

    async def handler() -> None:
        ran.append(1)

    await processor.process_update(update(3), handler())
    assert ran == []
    assert [p.update_id for p in pending_updates(app.db)] == [3]


async def test_a_stop_keeps_what_waits_and_what_sent_nothing_and_cuts_what_sent(app, monkeypatch):
    monkeypatch.setattr(telegram_backlog, "ANSWER_GRACE", 0.05)
    monkeypatch.setattr(telegram_backlog, "SEND_GRACE", 0.05)
    monkeypatch.setattr(telegram_backlog, "IN_FLIGHT_GRACE", 0.05)
    processor = PerChatUpdates(2, app)
    begun: dict[int, asyncio.Event] = {n: asyncio.Event() for n in (1, 2, 3, 4)}
    done: list[int] = []

    def slow(n: int, *, sent: bool):
        async def handler() -> None:
            handling = current_handling()
            assert handling is not None and handling.update.update_id == n
            handling.sent = sent  # as the rate limiter notes a request leaving
            begun[n].set()
            await asyncio.sleep(30)
            done.append(n)

        return handler()

    async def quick(n: int) -> None:
        begun[n].set()
        done.append(n)

    tasks = [
        asyncio.create_task(processor.process_update(update(1, chat_id=1), slow(1, sent=False))),
        asyncio.create_task(processor.process_update(update(2, chat_id=2), slow(2, sent=True))),
        # chat 1's next update waits for the first; the third chat waits for a free slot (2 at once)
        asyncio.create_task(processor.process_update(update(3, chat_id=1), quick(3))),
        asyncio.create_task(processor.process_update(update(4, chat_id=4), quick(4))),
    ]
    await asyncio.wait_for(asyncio.gather(begun[1].wait(), begun[2].wait()), timeout=5)
    await asyncio.wait_for(processor.wind_down(), timeout=5)
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=5)
    assert done == []  # nothing ran after the stop began, and the slow ones were ended
    assert not begun[3].is_set() and not begun[4].is_set()
    assert [p.update_id for p in pending_updates(app.db)] == [1, 3, 4]  # 2 had sent: not twice


async def test_a_replayed_update_is_forgotten_once_handled_kept_again_if_not_and_never_run_twice(app):
    save_pending(app.db, [(5, update_json(5)), (6, update_json(6, chat_id=6))], now=NOW)
    processor = PerChatUpdates(4, app)
    five, six = update(5), update(6, chat_id=6)
    processor.replaying([five, six])
    ran: list[int] = []

    async def handler(n: int) -> None:
        ran.append(n)

    await processor.process_update(five, handler(5))
    await processor.process_update(update(5), handler(55))  # Telegram sends it again: not twice
    assert ran == [5]
    assert [p.update_id for p in pending_updates(app.db)] == [6]
    await processor.wind_down()
    await processor.process_update(six, handler(6))  # the stop came first
    assert ran == [5]
    assert [p.update_id for p in pending_updates(app.db)] == [6]


async def test_a_reply_on_its_way_at_the_stop_is_let_arrive_and_its_update_not_kept(app, monkeypatch):
    monkeypatch.setattr(telegram_backlog, "ANSWER_GRACE", 0.01)
    monkeypatch.setattr(telegram_backlog, "SEND_GRACE", 0.01)
    monkeypatch.setattr(telegram_backlog, "IN_FLIGHT_GRACE", 30)
    processor = PerChatUpdates(2, app)
    on_its_way, arrived = asyncio.Event(), []

    async def handler() -> None:
        handling = current_handling()
        assert handling is not None
        handling.sent, handling.in_flight = True, 1  # as the rate limiter notes a request leaving
        on_its_way.set()
        await asyncio.sleep(0.2)  # Telegram answers
        handling.in_flight = 0
        arrived.append(handling.update.update_id)

    task = asyncio.create_task(processor.process_update(update(8), handler()))
    await asyncio.wait_for(on_its_way.wait(), timeout=5)
    await asyncio.wait_for(processor.wind_down(), timeout=10)
    await task
    assert arrived == [8]
    assert pending_updates(app.db) == []


async def test_fetched_updates_are_kept_until_handled_and_an_answer_that_sent_is_not_kept(app):
    """QA20a F1: a batch is in the database as it is fetched; a handler whose first request Telegram
    took, or that ended, removes its update (a crash after that must not answer it twice)."""
    processor = PerChatUpdates(4, app)
    processor.fetched([update(31), update(32, chat_id=1002)])
    assert [p.update_id for p in pending_updates(app.db)] == [31, 32]
    sending = asyncio.Event()
    release = asyncio.Event()

    async def answer() -> None:
        handling = current_handling()
        assert handling is not None and handling.answered is not None
        handling.answered()  # as WatchedLimiter does when Telegram took the answer's first request
        sending.set()
        await release.wait()

    task = asyncio.create_task(processor.do_process_update(update(31), answer()))
    await sending.wait()
    assert [p.update_id for p in pending_updates(app.db)] == [32]  # sent: a crash now would not repeat it
    release.set()
    await task

    async def nothing() -> None:
        return None

    await processor.do_process_update(update(32, chat_id=1002), nothing())
    assert pending_updates(app.db) == []


async def test_a_batch_that_cannot_be_kept_is_not_returned_so_telegram_keeps_it(monkeypatch):
    import sqlite3

    from telegram.error import TelegramError
    from telegram.ext import ExtBot

    async def fetched_from_telegram(self, *args, **kwargs):
        return (update(41),)

    def full_disk(updates) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(ExtBot, "get_updates", fetched_from_telegram)
    bot = telegram_backlog.DurableBot("123:abc", fetched=full_disk)
    # not returned: the next poll does not confirm it (the poll's retry loop pauses and asks again)
    with pytest.raises(TelegramError, match="cannot be kept in the database: database or disk is full"):
        await bot.get_updates(offset=41)


async def test_suspects_are_answered_alone_one_at_a_time_before_the_others_and_counted(app):
    """QA23 F1: updates in flight together at a crash cannot tell which one caused it. Those begun at an
    earlier start (a count above 0) are answered first, one at a time with nothing else in flight, so a
    crash then is theirs; the other kept updates and new ones wait, then run together as always."""
    chats = {1: 1, 2: 2, 3: 3, 4: 3, 5: 5}  # 3 and 4 share a chat
    updates = {n: update(n, chat_id=chat) for n, chat in chats.items()}
    save_pending(app.db, [(n, u.to_json()) for n, u in updates.items()], now=NOW)
    began_replay(app.db, 1)  # in flight together at the last crash
    began_replay(app.db, 2)
    processor = PerChatUpdates(4, app)
    processor.replaying([updates[n] for n in (1, 2, 3, 4)], suspects=[1, 2])  # 5 was just fetched
    running: set[int] = set()
    beside: dict[int, set[int]] = {}  # what else was in flight as each began
    counts: dict[int, int] = {}

    async def handler(n: int) -> None:
        beside[n], counts[n] = set(running), {p.update_id: p.replays for p in pending_updates(app.db)}[n]
        running.add(n)
        await asyncio.sleep(0.05)
        running.discard(n)

    # the order python-telegram-bot takes them from its queue: the kept ones, then the new one
    tasks = [asyncio.create_task(processor.process_update(u, handler(n))) for n, u in updates.items()]
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=5)
    assert list(beside) == [1, 2, 3, 5, 4]  # the suspects first, oldest first; chat 3 in its order
    assert beside[1] == set() and beside[2] == set()  # alone
    assert beside[5] == {3}  # the others together again
    assert counts == {1: 2, 2: 2, 3: 1, 4: 1, 5: 0}  # a first replay counted as it begins; fetched not
    assert pending_updates(app.db) == []


async def test_a_slow_suspect_lets_the_others_go_on_and_a_suspect_not_alone_is_not_counted(app, monkeypatch):
    monkeypatch.setattr(telegram_backlog, "ALONE_LIMIT", 0.1)
    updates = {n: update(n, chat_id=n) for n in (1, 2, 3)}
    save_pending(app.db, [(n, u.to_json()) for n, u in updates.items()], now=NOW)
    began_replay(app.db, 1)
    began_replay(app.db, 2)
    processor = PerChatUpdates(4, app)
    processor.replaying(list(updates.values()), suspects=[1, 2])
    release, order = asyncio.Event(), []
    counts: dict[int, int] = {}

    async def handler(n: int) -> None:
        order.append(n)
        counts[n] = {p.update_id: p.replays for p in pending_updates(app.db)}[n]
        if n == 1:
            await release.wait()

    tasks = [asyncio.create_task(processor.process_update(u, handler(n))) for n, u in updates.items()]
    await asyncio.sleep(0.05)
    assert order == [1]  # alone so far
    await asyncio.sleep(0.2)
    assert order == [1, 3]  # past the limit the others go on; the next suspect still waits its turn
    release.set()
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=5)
    assert order == [1, 3, 2]
    assert counts == {1: 2, 2: 1, 3: 1}  # 2 began beside 3: a crash then would not be its own


async def test_a_stop_during_the_suspects_turn_keeps_those_waiting_for_it(app):
    updates = {n: update(n, chat_id=n) for n in (1, 2, 3)}
    save_pending(app.db, [(n, u.to_json()) for n, u in updates.items()], now=NOW)
    began_replay(app.db, 1)
    processor = PerChatUpdates(4, app)
    processor.replaying(list(updates.values()), suspects=[1])
    begun, ran = asyncio.Event(), []

    async def handler(n: int) -> None:
        ran.append(n)
        begun.set()
        await asyncio.sleep(0.3)

    tasks = [asyncio.create_task(processor.process_update(u, handler(n))) for n, u in updates.items()]
    await asyncio.wait_for(begun.wait(), timeout=5)
    await asyncio.wait_for(processor.wind_down(), timeout=10)
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=5)
    assert ran == [1]  # 1 finished within the answer grace; 2 and 3 never began
    assert [p.update_id for p in pending_updates(app.db)] == [2, 3]
