"""Sending and editing the bot's replies on Telegram, and recovering from what Telegram refuses.

Every reply is rendered by ``briefing.render`` (HTML, split within 4096 UTF-16 units) and sent part by
part, in order, with the inline keys on the last part. What Telegram refuses is handled here:

    400 can't parse entities   the part is sent again as plain text
    400 message is too long    the part is sent again as plain text, in two halves
    400 message is not modified (an edit showing what is already shown): nothing to do; an edit the
                               bot knows to be one (``LastShown``) is not sent at all
    400 chat not found,        the chat's subscription is deactivated (as the digests do); the rest of
    403 (blocked, kicked...)   the reply is dropped
    ChatMigrated               the chat's records move to the supergroup's id and the part goes there

    5xx, no connection         sent once more a second later (never after a timeout, when the first may
                               have arrived); a picture is then left out, the text having gone
429 is retried by ``chat_limiter.ChatRateLimiter`` (that chat alone waits); anything else reaches the
error handler.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import logging
import re
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    LinkPreviewOptions,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError

from briefing.adapters.sender import answered, never_sent
from briefing.document import Document
from briefing.paging import Keyboard, Paged, View, button_keys, page_count, page_view, split_pages
from briefing.render import html_messages
from briefing.service import App
from briefing.service.commands import Reply
from store import subscribers
from store.callbacks import ChatReply, forget_reply, save_callback

log = logging.getLogger(__name__)
CAPTION_LIMIT = 1024
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
_TAG = re.compile(r"<[^>]*>")
RETRY_PAUSE = 1.0  # seconds before a reply Telegram failed to take (5xx, no connection) is sent again
SHOWN_KEPT = 2048  # messages whose text and keys each bot remembers (a digest of 16 bytes each)

T = TypeVar("T")


async def _once_more_on_failure(call: Callable[[], Awaitable[T]]) -> T:
    """``call()``, and if Telegram failed to take the request (it answered with a 5xx, or the request
    never left: no connection), once more, as the digest sender decides (``sender.never_sent``,
    ``sender.answered``). Not after a timeout or a connection lost on the way back: the request may
    have arrived, and a reply twice is worse than an error."""
    try:
        return await call()
    except BadRequest:  # a NetworkError too, in python-telegram-bot
        raise
    except NetworkError as exc:
        if not (never_sent(exc) or answered(exc)):  # the way back failed: the reply may be there
            raise
        log.warning("Telegram failed to take a reply (%s); sending it once more", exc.message)
        await asyncio.sleep(RETRY_PAUSE)
        return await call()


class LastShown:
    """What the bot last put in its most recent messages (a digest of the text and keys), so an edit
    that would show the same is not sent: Telegram refuses it with 400 "message is not modified", and a
    user's edit that changes only formatting (a word made bold) asks for just that (QA22b F6). Not kept
    across a restart: such an edit is then sent, and its 400 taken as done."""

    def __init__(self, size: int = SHOWN_KEPT) -> None:
        self.size = size
        self._shown: OrderedDict[tuple[int, int], bytes] = OrderedDict()

    @staticmethod
    def digest(text: str, keys: InlineKeyboardMarkup | None) -> bytes:
        content = text + "\0" + (keys.to_json() if keys is not None else "")
        return hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def note(self, chat_id: int, message_id: int, text: str, keys: InlineKeyboardMarkup | None) -> None:
        self._shown[chat_id, message_id] = self.digest(text, keys)
        self._shown.move_to_end((chat_id, message_id))
        while len(self._shown) > self.size:
            self._shown.popitem(last=False)

    def clear(self) -> None:
        """Forget every message, as a restart does."""
        self._shown.clear()

    def shows(self, chat_id: int, message_id: int, text: str, keys: InlineKeyboardMarkup | None) -> bool:
        """Whether the message shows this already, as far as this process knows."""
        return self._shown.get((chat_id, message_id)) == self.digest(text, keys)


_LAST_SHOWN: dict[int, LastShown] = {}  # by id() of the bot: a Bot equals any other with its token


def last_shown(bot: Bot) -> LastShown:
    """The messages ``bot`` last showed (forgotten with the bot)."""
    shown = _LAST_SHOWN.get(id(bot))
    if shown is None:
        shown = _LAST_SHOWN[id(bot)] = LastShown()
        weakref.finalize(bot, _LAST_SHOWN.pop, id(bot), None)
    return shown


class ChatUnreachable(Exception):
    """Telegram will not deliver to this chat (blocked, kicked, not found): stop sending to it."""


def strip_html(text: str) -> str:
    """The visible text of rendered HTML (the renderer escapes every ``<``, so tags are all markup)."""
    return html.unescape(_TAG.sub("", text))


def markup(key: str, keys: Keyboard) -> InlineKeyboardMarkup | None:
    """Inline keys whose callback data is ``<key>:<action>`` (about 12 bytes)."""
    rows = [[InlineKeyboardButton(k.label, callback_data=f"{key}:{k.action}") for k in row] for row in keys]
    return InlineKeyboardMarkup(rows) if rows else None


def paged_state(reply: Reply, per_page: int, split: Sequence[Document] | None = None) -> Paged:
    """What must be remembered for the reply's keys (the document only when it has pages). ``split``:
    the document's pages, when the caller has them already."""
    buttons = tuple(tuple((b.label, b.payload) for b in row) for row in reply.buttons)
    pages = len(split) if split is not None else page_count(reply.document, per_page) if reply.paged else 1
    return Paged(reply.document if reply.paged and pages > 1 else None, buttons, reply.per_page)


def first_view(app: App, chat_id: int, reply: Reply) -> tuple[Document, InlineKeyboardMarkup | None]:
    """The document to show first and its keys, remembered under a new callback id if there are any. A
    paged reply is split into pages once, for both (each page is rendered to see that it fits)."""
    per_page = reply.per_page or app.settings.brief_page_size
    split = split_pages(reply.document, per_page) if reply.paged else None
    state = paged_state(reply, per_page, split)
    extra = button_keys(state.labels)
    view = (
        page_view(state.document, 1, per_page, extra=extra, split=split)
        if state.document
        else View(reply.document, extra)
    )
    if not view.keys:
        return view.document, None
    key = save_callback(app.db, chat_id, state.to_json(), now=app.now())
    return view.document, markup(key, view.keys)


def rendered(document: Document) -> list[str]:
    """The document's HTML parts; an empty document still says something (Telegram sends no empty text)."""
    return html_messages(document) or ["Nothing to show."]


def _halves(text: str) -> list[str]:
    plain = strip_html(text)
    middle = len(plain) // 2
    cut = plain.rfind("\n", 0, middle + 1)
    if cut <= 0:
        cut = plain.rfind(" ", 0, middle + 1)
    if cut <= 0:
        cut = middle
    return [p for p in (plain[:cut].strip(), plain[cut:].strip()) if p]


async def send_text(
    bot: Bot,
    app: App,
    chat_id: int,
    text: str,
    *,
    keys: InlineKeyboardMarkup | None = None,
    quote: int | None = None,
    html_mode: bool = True,
    thread: int | None = None,
) -> list[int]:
    """Send one rendered part; the ids of the messages it became (two when it had to be halved).
    ``thread``: the forum topic of the message answered, where every part of the answer goes."""
    reply_to = ReplyParameters(quote, allow_sending_without_reply=True) if quote else None
    try:
        sent = await _once_more_on_failure(
            lambda: bot.send_message(
                chat_id,
                text,
                parse_mode=ParseMode.HTML if html_mode else None,
                reply_markup=keys,
                reply_parameters=reply_to,
                link_preview_options=NO_PREVIEW,
                message_thread_id=thread,
            )
        )
        if html_mode:
            last_shown(bot).note(chat_id, sent.message_id, text, keys)
        return [sent.message_id]
    except BadRequest as exc:
        reason = exc.message.lower()
        if "can't parse entities" in reason and html_mode:
            log.warning("Telegram could not parse our HTML (%s); sending plain text", exc.message)
            return await send_text(
                bot, app, chat_id, strip_html(text), keys=keys, quote=quote, html_mode=False, thread=thread
            )
        if "message is too long" in reason and len(text) > 1:
            log.warning("Telegram found a part too long (%d characters); sending it in two", len(text))
            ids: list[int] = []
            halves = _halves(text)
            for i, half in enumerate(halves):
                last = i == len(halves) - 1
                ids += await send_text(
                    bot,
                    app,
                    chat_id,
                    half,
                    keys=keys if last else None,
                    quote=quote,
                    html_mode=False,
                    thread=thread,
                )
            return ids
        if "chat not found" in reason:
            log.warning("chat %s not found; the reply is dropped", chat_id)
            unreachable(app, chat_id, exc.message)
            raise ChatUnreachable(chat_id) from exc
        raise
    except Forbidden as exc:
        unreachable(app, chat_id, exc.message)
        raise ChatUnreachable(chat_id) from exc
    except ChatMigrated as exc:
        log.info("chat %s became supergroup %s", chat_id, exc.new_chat_id)
        subscribers.migrate_chat(app.db, chat_id, exc.new_chat_id, now=app.now())
        return await send_text(bot, app, exc.new_chat_id, text, keys=keys, html_mode=html_mode)


def unreachable(app: App, chat_id: int, why: str) -> None:
    """The bot may no longer write to the chat: its digest stops until it subscribes again, and its
    alerts until it writes to the bot again."""
    if subscribers.mark_unreachable(app.db, chat_id, reason=why, now=app.now()):
        log.info("chat %s unsubscribed: %s", chat_id, why)
    else:
        log.info("chat %s cannot be reached: %s", chat_id, why)


async def send_parts(
    bot: Bot,
    app: App,
    chat_id: int,
    parts: Sequence[str],
    keys: InlineKeyboardMarkup | None,
    *,
    quote: int | None = None,
    thread: int | None = None,
) -> list[int]:
    ids: list[int] = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        quoted = quote if i == 0 else None
        ids += await send_text(
            bot, app, chat_id, part, keys=keys if last else None, quote=quoted, thread=thread
        )
    return ids


async def send_photo(
    bot: Bot, app: App, chat_id: int, reply: Reply, *, thread: int | None = None
) -> int | None:
    """The reply's picture, its message id; a picture Telegram refuses is logged and left out (the text
    went)."""
    if not reply.photo:
        return None
    png = await asyncio.to_thread(reply.photo_bytes)  # matplotlib takes tens of ms: keep the loop free
    if not png:
        return None
    try:
        sent = await _once_more_on_failure(
            lambda: bot.send_photo(
                chat_id, png, caption=reply.photo_caption[:CAPTION_LIMIT] or None, message_thread_id=thread
            )
        )
    except (BadRequest, NetworkError) as exc:
        log.warning("Telegram refused or failed a picture for chat %s: %s", chat_id, exc.message)
        return None
    except Forbidden as exc:
        unreachable(app, chat_id, exc.message)
        raise ChatUnreachable(chat_id) from exc
    return sent.message_id


@dataclass(frozen=True)
class Shown:
    """The messages that show a reply: its text, in order, and its picture's, if it has one."""

    text_ids: tuple[int, ...]
    photo_id: int | None = None

    @property
    def ids(self) -> tuple[int, ...]:
        return self.text_ids if self.photo_id is None else (*self.text_ids, self.photo_id)


async def send_reply(
    bot: Bot, app: App, chat_id: int, reply: Reply, *, quote: int | None = None, thread: int | None = None
) -> Shown:
    """Send a reply: its first page (or all of it) in parts, then its picture (all to ``thread``, the
    forum topic asked in, if any)."""
    document, keys = first_view(app, chat_id, reply)
    ids = await send_parts(bot, app, chat_id, rendered(document), keys, quote=quote, thread=thread)
    return Shown(tuple(ids), await send_photo(bot, app, chat_id, reply, thread=thread))


async def edit_text(
    bot: Bot, app: App, chat_id: int, message_id: int, text: str, keys: InlineKeyboardMarkup | None
) -> bool:
    """Show ``text`` in a message the bot sent; False if that message is gone (send a new one instead)."""
    shown = last_shown(bot)
    if shown.shows(chat_id, message_id, text, keys):
        return True
    try:
        await _once_more_on_failure(
            lambda: bot.edit_message_text(
                text,
                chat_id,
                message_id,
                parse_mode=ParseMode.HTML,
                reply_markup=keys,
                link_preview_options=NO_PREVIEW,
            )
        )
        shown.note(chat_id, message_id, text, keys)
        return True
    except BadRequest as exc:
        reason = exc.message.lower()
        if "message is not modified" in reason:
            shown.note(chat_id, message_id, text, keys)
            return True
        if "can't parse entities" in reason:
            log.warning("Telegram could not parse our HTML (%s); editing in plain text", exc.message)
            await bot.edit_message_text(strip_html(text), chat_id, message_id, reply_markup=keys)
            shown.note(chat_id, message_id, text, keys)
            return True
        if "message to edit not found" in reason or "message can't be edited" in reason:
            return False
        raise
    except Forbidden as exc:
        unreachable(app, chat_id, exc.message)
        raise ChatUnreachable(chat_id) from exc


async def show(
    bot: Bot,
    app: App,
    chat_id: int,
    message_id: int,
    document: Document,
    keys: InlineKeyboardMarkup | None,
    *,
    thread: int | None = None,
) -> list[int]:
    """Put a document in place of a message's text: the first part edits it, the rest follow as new
    messages (the keys go on the last). The ids of the messages that now show the document."""
    parts = rendered(document)
    if not await edit_text(bot, app, chat_id, message_id, parts[0], keys if len(parts) == 1 else None):
        return await send_parts(bot, app, chat_id, parts, keys, thread=thread)
    return [message_id] + await send_parts(bot, app, chat_id, parts[1:], keys, thread=thread)


async def replace_reply(
    bot: Bot, app: App, chat_id: int, earlier: ChatReply, reply: Reply, *, thread: int | None = None
) -> Shown:
    """Show a new reply where an earlier one was: edit its first message, delete its other text, and put
    the new picture in place of the old (or delete the old, or send the new)."""
    document, keys = first_view(app, chat_id, reply)
    old_text = [i for i in earlier.bot_message_ids if i != earlier.photo_id]
    if old_text:
        ids = await show(bot, app, chat_id, old_text[0], document, keys, thread=thread)
    else:
        ids = await send_parts(bot, app, chat_id, rendered(document), keys, thread=thread)
    for message_id in old_text[1:]:
        await _delete(bot, chat_id, message_id)
    if earlier.photo_id is None:
        return Shown(tuple(ids), await send_photo(bot, app, chat_id, reply, thread=thread))
    return Shown(tuple(ids), await _replace_photo(bot, app, chat_id, earlier.photo_id, reply, thread=thread))


async def withdraw_reply(bot: Bot, app: App, chat_id: int, earlier: ChatReply) -> None:
    """Delete an earlier reply, its picture too: its question was edited into words it does not answer."""
    for message_id in earlier.bot_message_ids:
        await _delete(bot, chat_id, message_id)
    forget_reply(app.db, chat_id, earlier.user_message_id)


async def _delete(bot: Bot, chat_id: int, message_id: int) -> None:
    try:
        await bot.delete_message(chat_id, message_id)
    except BadRequest as exc:  # already deleted, or too old to delete: it stays
        log.debug("could not delete message %s in chat %s: %s", message_id, chat_id, exc.message)


async def _replace_photo(
    bot: Bot, app: App, chat_id: int, old_id: int, reply: Reply, *, thread: int | None = None
) -> int | None:
    """The new reply's picture shown in the old picture's message (editMessageMedia), so an edited
    "/actor" shows one chart, under its text; without a new picture the old one is deleted. A message
    that cannot be edited any more is deleted (if it still can be) and the picture sent anew."""
    png = await asyncio.to_thread(reply.photo_bytes) if reply.photo else None
    if not png:
        await _delete(bot, chat_id, old_id)
        return None
    media = InputMediaPhoto(png, caption=reply.photo_caption[:CAPTION_LIMIT] or None)
    try:
        await bot.edit_message_media(media, chat_id, old_id)
        return old_id
    except BadRequest as exc:
        if "message is not modified" in exc.message.lower():
            return old_id
        log.info("could not replace the picture %s in chat %s (%s); sending it anew", old_id, chat_id, exc)
    except Forbidden as exc:
        unreachable(app, chat_id, exc.message)
        raise ChatUnreachable(chat_id) from exc
    await _delete(bot, chat_id, old_id)
    return await send_photo(bot, app, chat_id, reply, thread=thread)
