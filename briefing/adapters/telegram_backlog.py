"""The updates being handled, and what a stop or a crash does with them.

Each batch of updates the long poll fetches is kept in the database (``store.pending_updates``) before
python-telegram-bot sees it, so before its next poll tells Telegram the batch arrived
(:class:`DurableBot`); an update is forgotten there once its handler has finished. After a ``kill -9``,
a crash or a power cut, the next start answers those never answered (:func:`replay_pending`). An
update is forgotten as soon as Telegram has taken the first request of its answer (a stop does not keep
one that has sent something: it would say things twice). The edge, at least once: a request that
reached Telegram just before the crash, whose confirmation the bot had not read yet, is sent again at
the next start. Forgotten as it left instead, an answer on its way at the crash was lost, and on a busy
machine 20 of 80 were (the server drops a request whose sender died before it was read in full).

Updates of different chats are handled concurrently, those of one chat in arrival order. At a stop
(:meth:`PerChatUpdates.wind_down`), an update the bot fetched from Telegram (which confirmed it) but
has not answered is not answered then, which with a backlog took a second per ten updates, or most of a
minute in a busy group paced at 20 messages a minute: it is kept in the database
(``store.pending_updates``) and answered at the next start (:func:`replay_pending`). An update whose
handling has begun gets a moment to finish; one that has sent nothing yet by then is kept too; one
that has sent part of its answer is cut short (``telegram_handlers``: "the bot is stopping").

An update whose handling ends the process every time (a segfault in a native library, the OOM killer, a
supervisor's ``kill -9`` at each attempt) would come back at every start until the age limit, taking
the bot down each time: each start that begins to answer a kept update counts it
(``store.pending_updates.began_replay``), and one begun :data:`MAX_REPLAYS` times is dropped at the
next start, with one warning naming its id, kind and chat (never its text, which may be private) and a
short apology to its chat.

Updates of different chats run together, so a crash cannot say which of those in flight caused it:
counted alike, an innocent command of another chat, in flight beside the poison one at each crash, was
dropped with it and its user told the bot had stopped on it (QA23 F1). So a kept update is counted with
others in flight only once, the first time a start begins it. One already counted (a *suspect*: it was
in flight when the process last died) is answered alone at the next start: the suspects one at a time,
oldest first, before any other update, which waits. A crash then is its own, and is counted. An innocent
suspect is answered and forgotten; the culprit reaches :data:`MAX_REPLAYS` having ended the process
alone at least ``MAX_REPLAYS - 1`` times. A suspect still running after :data:`ALONE_LIMIT` (a slow
answer, not a crash) lets the others go on, so the bot is not deaf behind it; a suspect begun after
that is not alone, and not counted.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import inspect
import json
import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Coroutine, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from telegram import Bot, Update
from telegram._utils.types import JSONDict
from telegram.error import TelegramError
from telegram.ext import Application, BaseUpdateProcessor, ExtBot

from briefing.adapters.chat_limiter import ChatRateLimiter, Result
from briefing.service import App
from store import transaction
from store.pending_updates import PendingUpdate, began_replay, forget_pending, pending_updates, save_pending

log = logging.getLogger(__name__)
ANSWER_GRACE = 1.0  # seconds a stop waits for the updates being handled before it keeps or cuts them
SEND_GRACE = 1.0  # then seconds an answer cut short has to say so before it is abandoned
IN_FLIGHT_GRACE = 5.0  # then seconds a request on its way has for Telegram's answer (its read timeout)
PENDING_MAX_AGE = timedelta(days=1)  # a message kept longer than this is not answered at the start
UNSEEN_FACTOR = 64  # python-telegram-bot's limit on concurrent updates, in ours
MAX_REPLAYS = 3  # starts that began a kept update and never finished it before it is dropped
ALONE_LIMIT = 60.0  # seconds a suspect (a kept update in flight at the last crash) is answered alone
# the updates the bot asks Telegram for (``telegram.ALLOWED_UPDATES``), and what each brings, for the log
UPDATE_KINDS = ("message", "edited_message", "callback_query", "my_chat_member")
DROPPED_APOLOGY = (
    "Sorry, I could not answer your last message: the bot stopped each time it tried. It was set aside;"
    " please send it again in another form, or try again later."
)
REASON_CHARS = 100  # of an exception's text in the log line of an update that cannot be read


@dataclass(eq=False)
class Handling:
    """One update being handled: whether a request of its answer has gone to Telegram (then it is not
    kept to be answered again, which could say things twice), and the answer being made, if any."""

    update: Update
    task: asyncio.Task | None = None
    answer: asyncio.Task | None = None
    sent: bool = False
    in_flight: int = 0  # requests sent and not answered yet: cut last (they may have arrived)
    abandoned: bool = False  # cut short at a stop: its next request is not sent
    answered: Callable[[], None] | None = None  # called once Telegram took its first request


HANDLING: contextvars.ContextVar[Handling | None] = contextvars.ContextVar("briefing_handling", default=None)


def current_handling() -> Handling | None:
    """The handling of the update the running code answers (None outside a handler)."""
    return HANDLING.get()


class WatchedLimiter(ChatRateLimiter):
    """The replies' rate limiter, which also notes when a handler's request leaves for Telegram (a
    request waiting for its turn, as a group's 20 a minute, has not)."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        handling = HANDLING.get()
        if handling is not None and handling.abandoned:  # cut short at a stop: nothing more is sent
            raise asyncio.CancelledError
        if handling is None or endpoint.startswith("get"):  # asking Telegram changes nothing
            return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)

        async def sending(*a: Any, **k: Any) -> Result:
            if handling.abandoned:  # while it waited for its turn
                raise asyncio.CancelledError
            handling.sent = True
            handling.in_flight += 1
            try:
                result = await callback(*a, **k)
            finally:
                handling.in_flight -= 1
            if handling.answered is not None:  # the first: a crash from now on must not repeat it
                handling.answered()
                handling.answered = None
            return result

        return await super().process_request(sending, args, kwargs, endpoint, data, rate_limit_args)


class PerChatUpdates(BaseUpdateProcessor):
    """Process updates of different chats concurrently and those of one chat in arrival order, so an
    edit or a button press never overtakes the message it is about; at a stop, keep those not answered
    for the next start."""

    def __init__(self, max_concurrent_updates: int, app: App) -> None:
        # python-telegram-bot's own limit is left wide: an update waiting for it could not be seen
        # (and kept at a stop); the limit is this class's own semaphore
        super().__init__(max_concurrent_updates * UNSEEN_FACTOR)
        self.app = app
        self.stopping = False
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}
        self._waiting: dict[int, Update] = {}  # by update id: not begun
        self._running: set[Handling] = set()
        self._kept: set[int] = set()  # update ids kept at this stop
        self._replayed: set[int] = set()  # update ids read from the database at the start
        self._from_db: dict[int, Update] = {}  # the same: Telegram may send them again (not confirmed)
        self._suspects: set[int] = set()  # update ids replayed and in flight at the last crash: alone
        self._alone = asyncio.Lock()  # the suspects one at a time
        self._others = asyncio.Event()  # set: updates other than the suspects may be handled
        self._others.set()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if not isinstance(update, Update):
            await coroutine
            return
        uid = update.update_id
        if self._from_db.get(uid, update) is not update:
            # the stop (or crash) that kept it could not confirm it to Telegram: it came again
            log.info(
                "update %s came again; it was kept at the last stop and is answered (or dropped) once", uid
            )
            _close(coroutine)
            if uid not in self._replayed:  # the kept copy is answered: the fetch kept this one anew
                forget_pending(self.app.db, uid)
            return
        self._waiting[uid] = update
        try:
            if self.stopping:  # received as the bot stops (a webhook's post): kept at once
                self.keep([update])
                return
            chat = update.effective_chat
            chat_id = None if chat is None else chat.id
            if uid in self._suspects:  # its chat's lock first: a later update of its chat never overtakes it
                async with self._chat_lock(chat_id), self._alone, self._slots:
                    await self._handle(update, coroutine)
            else:
                await self._others.wait()
                async with self._chat_lock(chat_id), self._slots:
                    await self._handle(update, coroutine)
        finally:
            self._waiting.pop(uid, None)
            _close(coroutine)  # when it never ran
            self._replayed.discard(uid)
            self._suspects.discard(uid)
            if not self._suspects:  # the last suspect answered, kept or dropped: the others go on
                self._others.set()
            if uid not in self._kept:  # handled (or dropped): a crash from now on does not bring it back
                forget_pending(self.app.db, uid)

    @contextlib.asynccontextmanager
    async def _chat_lock(self, chat_id: int | None) -> AsyncIterator[None]:
        """One chat's updates one at a time (an update without a chat waits for none)."""
        if chat_id is None:
            yield
            return
        lock, users = self._locks.get(chat_id, (asyncio.Lock(), 0))
        self._locks[chat_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[chat_id]
            if users == 1:
                del self._locks[chat_id]
            else:
                self._locks[chat_id] = (lock, users - 1)

    async def _handle(self, update: Update, coroutine: Awaitable[Any]) -> None:
        if self.stopping:  # its turn came during the stop: kept (as the stop began, or just now)
            self.keep([update])
            return
        uid = update.update_id
        self._waiting.pop(uid, None)
        alone = uid in self._suspects and not self._others.is_set()
        if uid in self._replayed and (alone or uid not in self._suspects):
            _count_replay(self.app, uid)  # a crash from now on counts against it (MAX_REPLAYS)
        # a slow suspect, not a crashing one, does not keep the others waiting for long
        limit = asyncio.get_running_loop().call_later(ALONE_LIMIT, self._others.set) if alone else None
        # once Telegram took a request of its answer, a crash does not bring it back (it would repeat it)
        handling = Handling(update, answered=lambda: forget_pending(self.app.db, uid))
        context = contextvars.copy_context()
        context.run(HANDLING.set, handling)
        handling.task = asyncio.create_task(_awaited(coroutine), context=context)
        self._running.add(handling)
        try:
            await asyncio.wait({handling.task})
        except asyncio.CancelledError:
            handling.task.cancel()
            raise
        finally:
            self._running.discard(handling)
            if limit is not None:
                limit.cancel()
        if not handling.task.cancelled():  # cancelled: kept, or cut short at the stop
            handling.task.result()

    def fetched(self, updates: Sequence[Update]) -> None:
        """Keep updates just fetched from Telegram until each is handled: the next poll confirms them
        to Telegram, and a crash must not lose them (:class:`DurableBot`)."""
        if not updates:
            return
        with transaction(self.app.db):
            save_pending(self.app.db, [(u.update_id, u.to_json()) for u in updates], now=self.app.now())

    def keep(self, updates: Sequence[Update]) -> None:
        """Keep ``updates`` in the database for the next start."""
        new = [u for u in updates if u.update_id not in self._kept]
        if not new:
            return
        with transaction(self.app.db):
            save_pending(self.app.db, [(u.update_id, u.to_json()) for u in new], now=self.app.now())
        self._kept.update(u.update_id for u in new)

    def replaying(self, updates: Sequence[Update], suspects: Collection[int] = ()) -> None:
        """These updates come from the database: each is forgotten there once handled. Those whose ids
        are in ``suspects`` (begun at an earlier start, which died before they were answered) are
        handled first, one at a time and with no other update in flight, until :data:`ALONE_LIMIT`."""
        self._replayed.update(u.update_id for u in updates)
        self._from_db.update((u.update_id, u) for u in updates)
        self._suspects.update(set(suspects) & {u.update_id for u in updates})
        if self._suspects:
            self._others.clear()

    def dropped(self, update: Update) -> None:
        """This update from the database was dropped unanswered (:data:`MAX_REPLAYS`): a copy Telegram
        sends again (the crash came before it was confirmed) is dropped too."""
        self._from_db[update.update_id] = update

    async def wind_down(self) -> None:
        """Stop handling updates, in a second or two: those not begun are kept for the next start at
        once; those being handled get :data:`ANSWER_GRACE` to finish, then those that have sent nothing
        are kept too and the rest cut short (the answer says it was, within :data:`SEND_GRACE`; a
        request then on its way has :data:`IN_FLIGHT_GRACE` more, as it may have arrived)."""
        self.stopping = True
        self._others.set()  # those waiting for the suspects see the stop, and are kept
        self.keep(sorted(self._waiting.values(), key=lambda u: u.update_id))
        running = list(self._running)
        if running:
            await asyncio.wait({_task(h) for h in running}, timeout=ANSWER_GRACE)
        late = [h for h in running if not _task(h).done()]
        unsent = [h for h in late if not h.sent]
        self.keep([h.update for h in unsent])
        for handling in unsent:
            _task(handling).cancel()
        cut = [h for h in late if h.sent]
        await _cut_short(cut)
        await asyncio.gather(*(_task(h) for h in late), return_exceptions=True)
        abandoned = sum(_task(h).cancelled() for h in cut)  # the others ended with their last message
        if self._kept or abandoned:
            log.info(
                "stopping: %d updates kept to be answered at the next start (%d of them begun), %d"
                " answers left unfinished",
                len(self._kept),
                len(unsent),
                abandoned,
            )

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""


class QuietParseFailure(logging.Filter):
    """python-telegram-bot logs a batch of updates it cannot read at CRITICAL, whole (users' messages)
    and with a traceback, then :class:`DurableBot` raises the failure for the poll's own line: this
    record is left out."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Error while parsing updates!")


class DurableBot(ExtBot):
    """The bot's ``ExtBot`` whose ``getUpdates`` keeps each batch it fetched (``fetched``) before it
    returns it. python-telegram-bot confirms a batch to Telegram with its next poll, as soon as the
    batch is queued and long before it is answered: kept only at a graceful stop, a ``kill -9`` lost up
    to a hundred commands for good (QA20a F1). A batch that cannot be kept is not returned either:
    Telegram keeps it, and the poll is retried after a pause (the error is logged as a poll's)."""

    def __init__(self, *args: Any, fetched: Callable[[Sequence[Update]], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fetched = fetched
        if not any(isinstance(f, QuietParseFailure) for f in self._LOGGER.filters):
            self._LOGGER.addFilter(QuietParseFailure())

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        try:
            updates = await super().get_updates(*args, **kwargs)
        except TelegramError:
            raise
        except Exception as exc:
            # python-telegram-bot logs any other failure and polls again at once, without a pause: a
            # TelegramError gets its growing pause and a line of ``PollingErrors``
            raise TelegramError(f"the fetched updates cannot be read: {_reason(exc)}") from exc
        try:
            self._fetched(updates)
        except sqlite3.Error as exc:
            raise TelegramError(f"the fetched updates cannot be kept in the database: {exc}") from exc
        return updates

    async def _post(self, endpoint: str, data: JSONDict | None = None, **kwargs: Any) -> Any:
        """``getUpdates``' batch with each update python-telegram-bot cannot read put in its place
        as a bare update of its id (QA22b F1): it reads a batch whole, so one such update (a field it
        requires missing, a Bot API version it does not know) made every poll fail, the batch never
        confirmed and the bot deaf for every chat. The bare update is confirmed by the next poll and
        answered by no handler."""
        result = await super()._post(endpoint, data, **kwargs)
        if endpoint != "getUpdates" or not isinstance(result, list):
            return result
        return [readable_or_bare(item, self) for item in result if update_id(item) is not None]


def update_id(item: object) -> int | None:
    """An update's id; None for something that is no update (dropped: nothing to confirm it by)."""
    if not isinstance(item, dict):
        return None
    uid = item.get("update_id")
    return uid if isinstance(uid, int) and not isinstance(uid, bool) else None


def readable_or_bare(item: JSONDict, bot: Bot) -> JSONDict:
    """``item`` if python-telegram-bot can read it, else a bare update of its id, said once in the log:
    its id and kind and why, not its content (a user's message)."""
    try:
        Update.de_json(item, bot)
    except Exception as exc:  # its de_json raises what its parts' do: TypeError, ValueError, KeyError...
        kinds = ", ".join(k for k in item if k != "update_id") or "nothing"
        log.warning(
            "update %s (%s) cannot be read by python-telegram-bot and is skipped: %s",
            item["update_id"],
            kinds,
            _reason(exc),
        )
        return {"update_id": item["update_id"]}
    return item


def _reason(exc: BaseException) -> str:
    """An exception in one short line: its kind and the start of its first line (which may quote a
    value, so it is clipped)."""
    first = str(exc).strip().partition("\n")[0]
    return f"{type(exc).__name__}: {first[:REASON_CHARS]}" if first else type(exc).__name__


async def _cut_short(cut: Sequence[Handling]) -> None:
    """End answers that have sent something: the answer being made stops and says it was cut short,
    within :data:`SEND_GRACE`; then no further request of theirs is sent, and one on its way has
    :data:`IN_FLIGHT_GRACE` more."""
    for handling in cut:
        if handling.answer is not None:
            handling.answer.cancel()  # the handler says the answer was cut short
    if not cut:
        return
    _, stuck = await asyncio.wait({_task(h) for h in cut}, timeout=SEND_GRACE)
    for handling in (h for h in cut if _task(h) in stuck):
        handling.abandoned = True
        if not handling.in_flight:  # else at its next request, if it makes one
            _task(handling).cancel()
    if stuck:
        _, lingering = await asyncio.wait(stuck, timeout=IN_FLIGHT_GRACE)
        for task in lingering:
            task.cancel()


async def _awaited(awaitable: Awaitable[Any]) -> Any:
    return await awaitable


def _task(handling: Handling) -> asyncio.Task:
    assert handling.task is not None  # set before the handling is listed as running
    return handling.task


def _close(awaitable: Awaitable[Any]) -> None:
    """Drop an update's handler that will not run (Python warns of a coroutine never awaited)."""
    if inspect.iscoroutine(awaitable):
        awaitable.close()


def _sent_at(update: Update, saved_at: datetime) -> datetime | None:
    """When the user wrote what the update brings, for the age limit; None: answered whatever its age
    (a change of the bot's membership, which is applied, not answered)."""
    message = update.message or update.edited_message
    if message is not None:
        return message.edit_date or message.date
    if update.callback_query is not None:
        return saved_at
    return None


def _readable(pending: PendingUpdate, application: Application) -> Update | None:
    try:
        update = Update.de_json(json.loads(pending.data), application.bot)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("a saved update (%s) cannot be read, dropped: %s", pending.update_id, exc)
        return None
    if not isinstance(update, Update) or update.update_id != pending.update_id:
        log.warning("a saved update (%s) is not the update it should be, dropped", pending.update_id)
        return None
    return update


def _count_replay(app: App, update_id: int) -> None:
    try:
        began_replay(app.db, update_id)
    except sqlite3.Error as exc:  # the count is a safeguard: answering goes first
        log.warning("could not count the replay of update %s: %s", update_id, exc)


def update_kind(update: Update) -> str:
    """What an update brings ("message", "callback_query"...), for the log."""
    return next((kind for kind in UPDATE_KINDS if getattr(update, kind, None) is not None), "update")


async def _drop_poison(application: Application, update: Update, replays: int) -> None:
    """Say in the log (id, kind, chat; not the text) that a kept update is dropped after ``replays``
    starts ended while answering it, and apologise to its chat (not for a change of the bot's
    membership: it is applied, not answered, and the bot may have been removed)."""
    chat = update.effective_chat
    log.warning(
        "update %s (%s, chat %s) was begun at %d starts and the process ended each time before it was"
        " answered: dropped",
        update.update_id,
        update_kind(update),
        "none" if chat is None else chat.id,
        replays,
    )
    if chat is None or update.my_chat_member is not None:
        return
    message = update.effective_message
    thread = message.message_thread_id if message is not None and message.is_topic_message else None
    try:
        await application.bot.send_message(chat.id, DROPPED_APOLOGY, message_thread_id=thread)
    except TelegramError as exc:
        log.warning("could not tell chat %s its update %s was dropped: %s", chat.id, update.update_id, exc)


async def replay_pending(application: Application, app: App) -> int:
    """Queue the updates kept at the last stop, oldest first, ahead of any new one; drop those too old
    to answer (one log line), any that cannot be read, and any that :data:`MAX_REPLAYS` starts began and
    never finished (a poison update: one warning each, an apology to its chat). Those begun before and
    not finished are answered alone first (:meth:`PerChatUpdates.replaying`). The number queued."""
    processor = application.update_processor
    assert isinstance(processor, PerChatUpdates)  # which forgets each once handled
    now, old, queued, suspects = app.now(), 0, [], []
    for pending in pending_updates(app.db):
        update = _readable(pending, application)
        if update is None:
            forget_pending(app.db, pending.update_id)
            continue
        if pending.replays >= MAX_REPLAYS:
            forget_pending(app.db, pending.update_id)  # first: the apology is never said twice
            processor.dropped(update)
            await _drop_poison(application, update, pending.replays)
            continue
        sent_at = _sent_at(update, pending.saved_at)
        if sent_at is not None and now - sent_at > PENDING_MAX_AGE:
            old += 1
            forget_pending(app.db, pending.update_id)
            continue
        queued.append(update)
        if pending.replays > 0:
            suspects.append(update.update_id)
    if old:
        log.info("updates kept at the last stop: %d older than a day, not answered", old)
    processor.replaying(queued, suspects)
    for update in queued:
        await application.update_queue.put(update)
    if suspects:
        log.info(
            "answering %d updates kept at the last stop; first, one at a time, the %d begun before and"
            " not finished",
            len(queued),
            len(suspects),
        )
    elif queued:
        log.info("answering %d updates kept at the last stop", len(queued))
    return len(queued)
