"""Delivering digests and alerts through Telegram: the fan-out, and recovery after a crash.

The database is the source of truth. :func:`run_due_digests` composes what is due (once per chat and
slot), then sends every pending part: claimed just before it is sent, marked sent with its
message id once Telegram confirms. :func:`recover` runs at start: a part left claimed by a crash may
or may not have reached the chat — Telegram has no idempotency key — so it is made pending and sent
again (at-least-once; the other case a chat can get a message twice is a send whose answer never
came, sent once more in a later run: see ``sender``). Chats are served concurrently
(``SendPolicy.workers`` at once); one chat's parts go in order; one failing chat never stops others.

    pacer = Pacer()
    report = await run_due_digests(app, bot, pacer=pacer)        # what a scheduled tick does
    report = await send_due_alerts(app, bot, pacer=pacer)
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TypedDict

from telegram import Bot
from telegram.error import InvalidToken
from telegram.request import HTTPXRequest

from briefing.adapters.pacer import Pacer
from briefing.adapters.sender import Sender, SendPolicy, Tally
from briefing.alerts import (
    Why,
    alert_told,
    compose_alert,
    compose_update_alert,
    followed_lead,
    known_headline,
    update_told,
)
from briefing.document import Document
from briefing.models import Article, Follow, Story, follow_key
from briefing.render import html_messages, plain_messages
from briefing.service import App
from briefing.service.alerts import arrivals_of, news_since, still_followed, story_news, why_alerted
from briefing.service.commands import TERMINAL_CHAT_ID
from briefing.service.digests import (
    ComposedDigest,
    Composer,
    ComposeReport,
    DueDigests,
    compose_and_store_now,
)
from briefing.service.polling import alert_due
from config import Settings
from store import alerts as alert_store
from store import deliveries
from store.db import Database, open_reader, transaction
from store.digests import delivered_story_ids
from store.search import articles_by_ids
from store.stories import stories_by_ids
from store.subscribers import follows_of, get_subscriber

log = logging.getLogger(__name__)

MAX_ERRORS_REPORTED = 50
COMPOSE_BATCH = 50
Composed = list[tuple[ComposedDigest, datetime]]  # a batch of digests, each with when it is due
SEND_READ_TIMEOUT = 10.0


@dataclass(frozen=True)
class FanoutReport:
    """What one run did: digests composed, quiet and skipped (too late); parts sent (``plain`` of them
    as plain text), failed for good, left for a later run, sent but unconfirmed (Telegram's answer never
    came: perhaps delivered); chats deactivated and migrated; 5xx retries
    and 429 answers; parts expired past the late limit; and a sample of the errors, by chat."""

    composed: int = 0
    quiet: int = 0
    skipped: int = 0
    expired: int = 0
    chats: int = 0
    sent: int = 0
    plain: int = 0
    failed: int = 0
    later: int = 0
    unconfirmed: int = 0
    deactivated: int = 0
    migrated: int = 0
    retried: int = 0
    rate_limited: int = 0
    errors: tuple[tuple[int, str], ...] = ()
    moved: tuple[tuple[int, int], ...] = ()


def _report(
    tally: Tally, *, chats: int, compose: ComposeReport | None = None, expired: int = 0
) -> FanoutReport:
    compose = compose or ComposeReport()
    errors = [*((c, f"compose: {e}") for c, e in compose.failed), *tally.errors]
    return FanoutReport(
        composed=compose.composed, quiet=compose.quiet, skipped=compose.skipped, expired=expired,
        chats=chats, sent=tally.sent, plain=tally.plain, failed=tally.failed + len(compose.failed),
        later=tally.later, unconfirmed=tally.unconfirmed, deactivated=tally.deactivated,
        migrated=tally.migrated, retried=tally.retried,
        rate_limited=tally.rate_limited, errors=tuple(errors[:MAX_ERRORS_REPORTED]), moved=tuple(tally.moves),
    )  # fmt: skip


def bot_from_settings(settings: Settings, *, pool: int = 32) -> Bot:
    """A ``telegram.Bot`` for digests and alerts, from the token and ``TELEGRAM_API_BASE_URL``: the
    running bot's own sender (see ``jobs``), the CLI's and the benchmark's. It has no python-telegram-bot
    rate limiter: the :class:`Pacer` paces it, and its 429s reach the :class:`Sender`, which makes only
    the refused chat wait. It waits ``SEND_READ_TIMEOUT`` for an answer: one that does not come in time
    may still have delivered the message, which then cannot be resent at once."""
    if settings.token is None:
        raise ValueError("no TELEGRAM_BOT_TOKEN")
    request = HTTPXRequest(connection_pool_size=pool, read_timeout=SEND_READ_TIMEOUT)
    # it never polls: one HTTP client, closed with ``request``
    return Bot(settings.token.value, request=request, get_updates_request=request, **api_urls(settings))


class ApiUrls(TypedDict, total=False):
    """``Bot``'s keyword arguments for where the Bot API is."""

    base_url: str
    base_file_url: str


def api_urls(settings: Settings) -> ApiUrls:
    """A ``Bot``'s ``base_url`` and ``base_file_url`` for a self-hosted Bot API server
    (``TELEGRAM_API_BASE_URL``); none (python-telegram-bot's, Telegram's own) when it is not set."""
    if not settings.api_base_url:
        return {}
    return {"base_url": settings.api_base_url, "base_file_url": file_url(settings.api_base_url)}


def file_url(base_url: str) -> str:
    """The file URL of a self-hosted Bot API server, from its ``.../bot`` base URL."""
    head = base_url.rstrip("/")
    return head[: -len("/bot")] + "/file/bot" if head.endswith("/bot") else head + "/file/bot"


def recover(app: App) -> int:
    """At start: make the parts and alerts a crash left claimed pending again (they will be resent)."""
    parts = deliveries.recover_claimed(app.db)
    alerts = alert_store.recover_claimed_alerts(app.db)
    if parts or alerts:
        log.warning(
            "resending %d digest part(s) and %d alert(s) left unconfirmed by the last run", parts, alerts
        )
    return parts + alerts


class _PartLedger:
    def __init__(self, app: App, key: deliveries.PartKey):
        self.app, self.key = app, key

    def _key(self, chat_id: int) -> deliveries.PartKey:
        return replace(self.key, chat_id=chat_id)  # the chat may have moved to a supergroup's id

    def claim(self, chat_id: int) -> bool:
        return deliveries.claim_part(self.app.db, self._key(chat_id), now=self.app.now())

    def confirm(self, chat_id: int, message_id: int, plain: bool) -> None:
        deliveries.confirm_part(
            self.app.db, self._key(chat_id), message_id=message_id, now=self.app.now(), plain=plain
        )

    def release(self, chat_id: int, error: str) -> None:
        deliveries.release_part(self.app.db, self._key(chat_id), error=error)

    def fail(self, chat_id: int, error: str) -> None:
        deliveries.fail_part(self.app.db, self._key(chat_id), error=error, now=self.app.now())

    def unconfirmed(self, chat_id: int, error: str, resends: int) -> bool:
        return deliveries.release_unconfirmed_part(
            self.app.db, self._key(chat_id), error=error, now=self.app.now(), resends=resends
        )


UNSUBSCRIBED = "not sent: the chat unsubscribed after the digest was composed"


async def _digest_chat(sender: Sender, chat_id: int) -> None:
    """Send the chat's pending parts in order; a chat that unsubscribed meanwhile (it was told "no more
    daily digests") gets none of them: they are marked failed."""
    db = sender.app.db
    for part in deliveries.pending_parts(db, chat_id):
        sub = get_subscriber(db, chat_id)
        if sub is None or not sub.active:
            deliveries.fail_chat(db, chat_id, error=UNSUBSCRIBED, now=sender.app.now())
            return
        ledger = _PartLedger(sender.app, part.key)
        status, chat_id = await sender.send(chat_id, part.text, part.plain, ledger)
        if status in ("blocked", "later", "unconfirmed", "stopped"):
            return  # the chat's later parts wait for this one (order matters), or it is gone


async def _serve(
    chats: Iterable[int], work: Callable[[int], Awaitable[None]], workers: int, stop: asyncio.Event
) -> None:
    """Run ``work`` for each chat, ``workers`` at a time, until ``stop`` is set; a chat's unexpected
    error is logged, not fatal. A refused token is: the other workers are cancelled and it is raised."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for chat in chats:
        queue.put_nowait(chat)

    async def worker() -> None:
        while not queue.empty() and not stop.is_set():
            chat = queue.get_nowait()
            try:
                await work(chat)
            except InvalidToken:
                raise
            except Exception:
                log.exception("delivering to chat %s failed; the other chats go on", chat)

    size = min(workers, queue.qsize())
    tasks = [asyncio.create_task(worker()) for _ in range(size)]
    try:
        if tasks:
            await asyncio.gather(*tasks)
    finally:  # the token was refused, or the run itself cancelled: no worker outlives it
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def _send_pending(
    app: App,
    bot: Bot,
    pacer: Pacer,
    policy: SendPolicy | None,
    chats: Iterable[int] | None,
    composing: asyncio.Task[None] | None = None,
    stop: asyncio.Event | None = None,
) -> tuple[Tally, int]:
    """Serve the chats with pending parts; while ``composing`` runs, come back for chats it stored
    meanwhile. A chat is served once per run (a part left pending waits for the next run); once
    ``stop`` is set, no more chats are served."""
    sender = Sender(app, bot, pacer, policy, stop=stop)
    served: set[int] = set()
    while not sender.stopping:
        listed = list(chats) if chats is not None else deliveries.chats_with_pending(app.db)
        todo = [c for c in listed if c not in served and c != TERMINAL_CHAT_ID]  # no such Telegram chat
        if not todo:
            if composing is None or composing.done():
                break
            await asyncio.wait({composing}, timeout=0.05)
            continue
        served.update(todo)
        await _serve(todo, lambda chat: _digest_chat(sender, chat), sender.policy.workers, sender.stop)
    return sender.tally, len(served)


async def send_pending(
    app: App,
    bot: Bot,
    *,
    pacer: Pacer,
    policy: SendPolicy | None = None,
    chats: Iterable[int] | None = None,
    stop: asyncio.Event | None = None,
) -> FanoutReport:
    """Send every pending digest part (of ``chats``, or of every chat), longest-due first."""
    tally, n = await _send_pending(app, bot, pacer, policy, chats, stop=stop)
    return _report(tally, chats=n)


async def _compose_due(due: DueDigests, stop: asyncio.Event) -> None:
    """Compose the due digests a batch at a time and store each as it is ready, so sending starts with
    the first; setting ``stop`` composes no more (the rest waits for the next run). The composing reads
    (the window's stories and every chat's follows matched against them: seconds on a big archive) run
    in a worker thread on a connection of their own, as alerts are planned (``queue_alerts_in_thread``);
    on the loop they froze every reply meanwhile (qa25b F1). The short writes stay on the loop's
    connection. An in-memory database (no second connection sees it) is composed on the loop."""
    if not due.todo:
        return
    reader = open_reader(due.app.db)
    if reader is None:
        composer = Composer(due.app, due.now)
        for chats in due.batches(COMPOSE_BATCH):
            due.store(due.compose(composer, chats))
            if stop.is_set():
                return
            await asyncio.sleep(0)  # let the senders and the bot's handlers run between batches
        return
    loop = asyncio.get_running_loop()
    made: asyncio.Queue[Composed | BaseException | None] = asyncio.Queue()
    called_off = threading.Event()  # the run was cancelled: nobody stores what the thread composes

    def hand(item: Composed | BaseException | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop closed: nobody waits for it
            loop.call_soon_threadsafe(made.put_nowait, item)

    def work(db: Database) -> None:
        try:
            composer = Composer(replace(due.app, db=db), due.now)
            for chats in due.batches(COMPOSE_BATCH):
                if called_off.is_set():
                    break
                hand(due.compose(composer, chats))
                if stop.is_set():
                    break
        except BaseException as exc:
            hand(exc)
        finally:
            db.conn.close()
            hand(None)

    threading.Thread(target=work, args=(reader,), name="briefing-digests", daemon=True).start()
    try:
        while (item := await made.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            due.store(item)
    finally:
        called_off.set()


async def run_due_digests(
    app: App,
    bot: Bot,
    *,
    now: datetime | None = None,
    pacer: Pacer | None = None,
    policy: SendPolicy | None = None,
    stop: asyncio.Event | None = None,
) -> FanoutReport:
    """One scheduler tick: give up parts past the late limit, compose the digests due at ``now``
    (default: the app's clock), and send everything pending; sending starts with the first batch
    composed while the rest is composed (off the loop: :func:`_compose_due`). Setting ``stop`` ends the
    run soon: no more composing, no more claims; what is left is still due, or pending, for the next
    run."""
    now = now or app.now()
    limit = timedelta(hours=app.settings.late_limit_hours)
    expired = deliveries.expire_pending(app.db, due_before=now - limit, now=now)
    due = DueDigests(app, now)
    stop = stop or asyncio.Event()
    composing = asyncio.create_task(_compose_due(due, stop))
    try:
        tally, n = await _send_pending(app, bot, pacer or Pacer(), policy, None, composing, stop)
    except BaseException:
        composing.cancel()
        raise
    await composing  # done by now: the senders wait for it; this re-raises what went wrong in it
    return _report(tally, chats=n, compose=due.report(), expired=expired)


@dataclass(frozen=True)
class OneDigest:
    """What ``bot.py digest --send`` did for one chat: a one-line account, and whether every part of
    the chat's digest for today is now sent."""

    line: str
    complete: bool
    report: FanoutReport


async def send_digest_now(app: App, bot: Bot, chat_id: int, *, now: datetime | None = None) -> OneDigest:
    """Compose the chat's digest for today now (unless it has one) and send its unsent parts, with the
    same claim/confirm bookkeeping as the scheduled run: nothing already confirmed is sent again."""
    now = now or app.now()
    composed, day = compose_and_store_now(app, chat_id, now=now)
    async with bot:
        report = await send_pending(app, bot, pacer=Pacer(), chats=[chat_id])
    moved = next((new for old, new in report.moved if old == chat_id), chat_id)
    parts = deliveries.parts_of(app.db, moved, day)
    sent = sum(p.state == "sent" for p in parts)
    complete = bool(parts) and sent == len(parts)
    if composed is None and report.sent == 0 and complete:
        line = f"chat {chat_id}: the digest for {day} was already sent; nothing sent again"
    else:
        line = f"chat {chat_id}: digest for {day}: {sent} of {len(parts)} part(s) sent"
        errors = [e for _, e in report.errors] or [p.error for p in parts if p.state != "sent" and p.error]
        if errors:
            line += f" ({errors[-1]})"
    return OneDigest(line, complete, report)


WAIT_FOR_DIGEST = timedelta(minutes=1)  # an alert whose story a digest on its way carries: looked at again


class _AlertLedger:
    """An alert's bookkeeping; once sent, its story counts as received by the chat as of ``at``, the
    moment its content was read (``told``: the sentences it showed; ``held``: the story's articles it
    read), as a digest's stories count from when it was composed: what reached the story while the
    alert was on its way stays news for the next update or digest."""

    def __init__(
        self, app: App, alert: alert_store.Alert, told: Sequence[str], held: Sequence[int], at: datetime
    ):
        self.app, self.alert, self.told, self.held, self.at = app, alert, told, held, at

    def _key(self, chat_id: int) -> alert_store.AlertKey:
        return alert_store.AlertKey(chat_id, self.alert.story_id, self.alert.development)

    def claim(self, chat_id: int) -> bool:
        return alert_store.claim_alert(self.app.db, self._key(chat_id), now=self.app.now())

    def confirm(self, chat_id: int, message_id: int, plain: bool) -> None:
        now = self.app.now()
        with transaction(self.app.db):
            alert_store.confirm_alert(self.app.db, self._key(chat_id), message_id=message_id, now=now)
            deliveries.record_alerted(
                self.app.db, chat_id, self.alert.story_id, told=self.told, held=self.held, at=self.at
            )

    def release(self, chat_id: int, error: str) -> None:
        alert_store.release_alert(self.app.db, self._key(chat_id), error=error)

    def fail(self, chat_id: int, error: str) -> None:
        alert_store.fail_alert(self.app.db, self._key(chat_id), error=error, now=self.app.now())

    def unconfirmed(self, chat_id: int, error: str, resends: int) -> bool:
        return alert_store.release_unconfirmed_alert(
            self.app.db, self._key(chat_id), error=error, now=self.app.now(), resends=resends
        )


def _one_message(doc: Document) -> tuple[str, str]:
    return html_messages(doc)[0], plain_messages(doc)[0]


@dataclass(frozen=True)
class _Later:
    """What a story's articles after the one a first alert tells add to it (``since``: None if nothing),
    as read for the alert at ``read_at`` (``held``: the story's articles then)."""

    since: Story | None
    held: tuple[int, ...]
    read_at: datetime


@dataclass(frozen=True)
class _AlertRun:
    """What one alert run read at its start (``read_at``): the due alerts' stories and the articles
    that made them; and, as it goes, what later articles add to a story beyond the article a held first
    alert tells (by story, article, when it was queued and its batch's last article: the chats of one
    batch share it), and why an article alerted the chats that follow the same (``whys``)."""

    now: datetime
    read_at: datetime
    stories: dict[int, Story]
    made_by: dict[int, Article]
    later: dict[tuple[int, int, datetime | None, int | None], _Later] = field(default_factory=dict)
    whys: dict[tuple[int, tuple[tuple[str, int | None], ...]], list[Why]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Message:
    html: str
    plain: str
    ledger: _AlertLedger


async def send_due_alerts(
    app: App,
    bot: Bot,
    *,
    now: datetime | None = None,
    pacer: Pacer,
    policy: SendPolicy | None = None,
    stop: asyncio.Event | None = None,
) -> FanoutReport:
    """Send the alerts whose time has come (quiet hours over); a story the chat meanwhile received in
    a digest is folded instead of sent, and an update (``development`` > 0) is composed as it goes out,
    with what the chat was not told by then, folded if that is nothing. A chat gets at most
    ``alerts_per_hour`` alerts in any hour: the rest are due again when a slot frees, or when quiet hours
    end if the slot falls in them (and folded if the digest carries them first). What may have changed
    since an alert was queued is checked as it goes: quiet hours (held back again), the chat blocking the
    bot or unfollowing (not sent)."""
    now = now or app.now()
    due = alert_store.due_alerts(app.db, now)
    read_at = app.now()
    # the stories alone: the actors their articles mention (a second for the biggest stories of a
    # 100,000-article archive, on the loop) were read here and never used
    stories = {s.id: s for s in stories_by_ids(app.db, sorted({a.story_id for a in due}))}
    made_by = {a.id: a for a in articles_by_ids(app.db, sorted({a.article_id for a in due if a.article_id}))}
    run = _AlertRun(now, read_at, stories, made_by)
    by_chat: dict[int, list[alert_store.Alert]] = defaultdict(list)
    for a in due:
        by_chat[a.chat_id].append(a)
    sender = Sender(app, bot, pacer, policy, stop=stop)
    await _serve(
        list(by_chat),
        lambda chat: _alert_chat(sender, run, chat, by_chat[chat]),
        sender.policy.workers,
        sender.stop,
    )
    return _report(sender.tally, chats=len(by_chat))


async def _alert_chat(
    sender: Sender, run: _AlertRun, chat_id: int, alerts: Sequence[alert_store.Alert]
) -> None:
    """Send one chat's due alerts in order, within its hourly share."""
    app, now, hour, cap = sender.app, run.now, timedelta(hours=1), sender.app.settings.alerts_per_hour
    first = alert_due(app, chat_id, now)  # as when it was queued: quiet hours, a reachable chat
    if first is None:  # /unsubscribe stops the digest only; this chat blocked the bot, or is the terminal
        error = "not sent: the chat cannot be reached (it blocked the bot, left, or is the terminal's)"
        alert_store.drop_alerts(app.db, chat_id, [a.story_id for a in alerts], error=error, now=now)
        return
    if first > now:  # queued for a free slot that fell in the chat's night
        alert_store.defer_alerts(app.db, chat_id, [a.story_id for a in alerts], until=first)
        return
    # a digest on its way tells these stories: their alerts wait to see what it told (then folded, or
    # told as an update), till the next run, behind the alerts due meanwhile
    in_digest = deliveries.unsent_story_ids(app.db, chat_id) & {a.story_id for a in alerts}
    alert_store.defer_alerts(app.db, chat_id, in_digest, until=now + WAIT_FOR_DIGEST)
    alerts = [a for a in alerts if a.story_id not in in_digest]
    received = delivered_story_ids(app.db, chat_id)
    follows = follows_of(app.db, chat_id)
    sent = alert_store.sent_times(app.db, chat_id, since=now - hour)
    for k, alert in enumerate(alerts):
        message = _alert_message(app, run, alert, follows, received)
        if message is None:
            continue
        if len(sent) >= cap:  # the chat had its share this hour: the rest wait for a free slot
            later = [a.story_id for a in alerts[k:]]
            free = sent[-cap] + hour  # a free slot in the chat's night waits for the morning
            alert_store.defer_alerts(app.db, chat_id, later, until=alert_due(app, chat_id, free) or free)
            return
        status, chat_id = await sender.send(chat_id, message.html, message.plain, message.ledger)
        if status in ("blocked", "stopped"):
            return
        if status == "sent":
            sent.append(now)


def _alert_message(
    app: App, run: _AlertRun, alert: alert_store.Alert, follows: Sequence[Follow], received: set[int]
) -> _Message | None:
    """The alert as it goes out now; None when it must not go out (folded: there is nothing new to tell;
    dropped: the chat no longer follows what made it). A first telling of a story the chat got in a
    digest since it was queued goes out as an update: what the digest did not tell (news that came after
    it was composed), folded when the digest told every article that made the alert."""
    chat_id, now = alert.chat_id, run.now
    story = run.stories.get(alert.story_id)
    if story is None:
        alert_store.fold_alert(app.db, alert.key)
        return None
    reasons = still_followed(app, alert.reason.split("\n"), follows, alert.article_id)
    if not reasons:
        error = "not sent: the chat no longer follows " + ", ".join(alert.reason.split("\n"))
        alert_store.drop_alerts(app.db, chat_id, [alert.story_id], error=error, now=now)
        return None
    if alert.development or alert.story_id in received:  # what is new as it goes out (a digest may
        # have told it all since the alert was queued)
        read_at = app.now()
        arrivals = arrivals_of(app, alert.story_id)
        update = story_news(app, chat_id, story, arrivals)
        if update is None:
            alert_store.fold_alert(app.db, alert.key)
            return None
        known = known_headline(story, update, arrivals)
        lead = followed_lead(update, arrivals)
        doc = compose_update_alert(update, story, reasons, known, lead)
        held = [a.article_id for a in arrivals]
        ledger = _AlertLedger(app, alert, update_told(update), held, read_at)
    else:
        newest = run.made_by.get(alert.article_id) if alert.article_id else None
        whys = _whys(app, run, follows, reasons, alert.article_id) if alert.article_id else []
        later = _later(app, run, story, alert)
        since = later.since if later else None
        doc = compose_alert(story, reasons, newest, whys, since)
        told = alert_told(story, newest, whys, since)
        if later is None:
            ledger = _AlertLedger(app, alert, told, story.article_ids, run.read_at)
        else:
            ledger = _AlertLedger(app, alert, told, later.held, later.read_at)
    html, plain = _one_message(doc)
    return _Message(html, plain, ledger)


def _whys(
    app: App, run: _AlertRun, follows: Sequence[Follow], reasons: Sequence[str], article_id: int
) -> list[Why]:
    """``why_alerted`` once per article and follows: the thousand chats a story's article alerts for
    one topic share what it matched there (its sentence is found once, not once a chat)."""
    by_key = {follow_key(f.value): f for f in follows}
    key = (article_id, tuple((r, f.actor_id if (f := by_key.get(follow_key(r))) else None) for r in reasons))
    if key not in run.whys:
        run.whys[key] = why_alerted(app, follows, reasons, article_id)
    return run.whys[key]


def _later(app: App, run: _AlertRun, story: Story, alert: alert_store.Alert) -> _Later | None:
    """What the story's articles stored after the alert's batch add to the report it tells (its
    ``article_id``), for an alert that waited while they came (the quiet hours, the hourly cap); None
    when no article came after that report and its batch."""
    article_id = alert.article_id
    if article_id is None or not any(i > max(article_id, alert.batch_last or 0) for i in story.article_ids):
        return None
    key = (story.id, article_id, alert.created_at, alert.batch_last)
    if key not in run.later:
        read_at = app.now()
        arrivals = arrivals_of(app, story.id)
        since = news_since(story, arrivals, article_id, alert.created_at, batch_last=alert.batch_last)
        run.later[key] = _Later(since, tuple(a.article_id for a in arrivals), read_at)
    return run.later[key]


class _NoLedger:
    """Admin notices are not bookkept: a lost one is logged, and the feed's state stays in the store."""

    def claim(self, chat_id: int) -> bool:
        return True

    def confirm(self, chat_id: int, message_id: int, plain: bool) -> None:
        pass

    def release(self, chat_id: int, error: str) -> None:
        log.warning("admin notice to %s not delivered: %s", chat_id, error)

    def fail(self, chat_id: int, error: str) -> None:
        log.warning("admin notice to %s not delivered: %s", chat_id, error)

    def unconfirmed(self, chat_id: int, error: str, resends: int) -> bool:
        return False


async def notify_admins(app: App, bot: Bot, doc: Document, *, pacer: Pacer) -> int:
    """Send a notice to every admin (their private chats); returns how many received it."""
    sender = Sender(app, bot, pacer, SendPolicy(workers=4))
    html, plain = _one_message(doc)
    for admin in sorted(app.settings.admins):
        await sender.send(admin, html, plain, _NoLedger())
    return sender.tally.sent
