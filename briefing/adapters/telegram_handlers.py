"""The Telegram handlers: every command and message goes through ``answer()``; buttons turn pages or
run their command in place; an edited message replaces the answer it had; one error handler."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from dataclasses import replace

from telegram import Bot, CallbackQuery, Chat, MaybeInaccessibleMessage, Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, NetworkError, TelegramError, TimedOut
from telegram.ext import ContextTypes

from briefing.adapters.telegram_backlog import current_handling
from briefing.adapters.telegram_send import (
    ChatUnreachable,
    first_view,
    markup,
    replace_reply,
    send_reply,
    show,
    unreachable,
    withdraw_reply,
)
from briefing.ages import retold
from briefing.document import Document, clip, code, italic, message, para
from briefing.paging import Paged, View, asked_view, button_keys, parse_action
from briefing.service import App
from briefing.service.commands import (
    COMMANDS,
    Asker,
    Reply,
    addressee,
    answer,
    changes_chat,
    chat_settings,
    parse,
    sets_delivery_topic,
    stopped_note,
    what_changes,
    with_note,
)
from store import subscribers
from store.callbacks import get_callback, remember_reply, reply_to
from store.db import is_busy

log = logging.getLogger(__name__)
APP_KEY = "briefing.app"
EXPIRED = "This button has expired; send the command again."
SORRY = "Sorry, something went wrong while answering that. Please try again in a moment."
STILL_STANDS = (
    "You edited your message: what it did before still stands (my answer to it, above, says what); "
    "this answers it as it reads now."
)
CUT_SHORT = (
    "The bot is stopping, so this was left unfinished (what was done is kept). "
    "Send it again once the bot is back."
)


def app_of(context: ContextTypes.DEFAULT_TYPE) -> App:
    return context.bot_data[APP_KEY]


def _for_me(message: Message, text: str, bot_username: str) -> bool:
    """Never a command addressed to another bot (``/brief@OtherBot``, in a private chat too: QA22b F9);
    in a group, only commands meant for this bot: ``/cmd@thisbot``, or a known ``/cmd``."""
    named = addressee(text)
    if named is not None and named.lower() != bot_username.lower():
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    name, _ = parse(text)
    return named is not None or name in COMMANDS


def _forwarded_command(message: Message, text: str) -> bool:
    """A forwarded message that is a command: someone else's words, not given to this bot, so not run
    (a post forwarded to share it, starting with ``/unsubscribe`` or ``/follow X``, would change the
    chat's settings: QA22b F9). Forwarded text that is no command is a search, as typed text is."""
    return message.forward_origin is not None and parse(text)[0] is not None


def other_bots_note(text: str) -> Reply:
    """In a private chat, why a command addressed to another bot gets no answer but this."""
    name, _ = parse(text)
    return Reply(
        message(
            para(
                "That command is addressed to another bot, so I leave it alone; to ask me, send it"
                " without the @: ",
                code(f"/{name}"),
                ".",
            )
        )
    )


def forwarded_note(text: str) -> Reply:
    """In a private chat, why a forwarded command is not run, and how to run it."""
    name, args = parse(text)
    command = clip(f"/{name} {args}".strip(), FORWARDED_SHOWN)
    return Reply(
        message(
            para(
                f"That is a forwarded message, so I did not run its /{name}: I run only the commands"
                " you send me yourself. To run it, send it: ",
                code(command),
            )
        )
    )


MANAGERS = (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)
MEMBER_RETRY_PAUSE = 0.5  # seconds before getChatMember is asked once more
NOT_CHECKED = (
    "Sorry, I could not check with Telegram whether you are an administrator of this group. "
    "Please try again in a moment."
)
ADMINS_ONLY = (
    "Only this group's administrators can change its digest or what it follows. "
    "In a private chat with me you can have a digest of your own."
)
NOT_CHECKED_REPLY = Reply(message(NOT_CHECKED))
TEXT_ONLY_REPLY = Reply(message("I read text: send a name or a topic, or /help."))
PRESSED_KEY = "briefing.pressed"  # the command buttons already run, so a double tap runs one once
PRESSED_KEPT = 1024
# the page ("p2") or sources ("s2") a paged message was turned to, by its buttons' id: a second press of
# the same key, sent before the first one's edit reached the user (a double tap of More), is acknowledged
# and nothing more (not known after a restart: such a press edits, and Telegram's "not modified" is
# taken as done)
SHOWING_KEY = "briefing.showing"
FORWARDED_SHOWN = 200  # characters of a forwarded command its note shows


class NotChecked(Exception):
    """Telegram did not say whether the user is an administrator of the group (getChatMember failed)."""


async def asker_of(bot: Bot, chat: Chat, user_id: int, text: str, *, as_group: bool = False) -> Asker:
    """Who asks, and whether they may change the chat's digest and follows: anyone in a private chat;
    in a group, for a command that changes them, its administrators (Telegram's getChatMember says who;
    ``as_group``: an anonymous administrator, who writes as the group itself). Telegram failing to say,
    twice, raises :class:`NotChecked`: the user may be an administrator, and must not be told no."""
    manages = True
    if chat.type != ChatType.PRIVATE and not as_group and changes_chat(text):
        for attempt in (1, 2):
            try:
                member = await bot.get_chat_member(chat.id, user_id)
                break
            except TelegramError as exc:
                log.warning("could not tell whether user %s manages chat %s: %s", user_id, chat.id, exc)
                if attempt == 2:
                    raise NotChecked(chat.id) from exc
                await asyncio.sleep(MEMBER_RETRY_PAUSE)
        manages = member.status in MANAGERS
    return Asker(chat.id, user_id, chat.type, manages=manages)


def thread_of(message: MaybeInaccessibleMessage | None) -> int | None:
    """The forum topic a message is in, where every message of its answer goes (a reply quoting it
    would land there, but not the parts after the first, a picture, or an apology)."""
    if isinstance(message, Message) and message.is_topic_message:
        return message.message_thread_id
    return None


def _sets_topic(chat: Chat, changes: str, asker: Asker, reply: Reply, text: str) -> bool:
    """Whether an answered command sets where a supergroup's digest and alerts go: an administrator's
    /subscribe, /settings with a value (typed, or a button of /settings pressed) or /follow (a member's
    bare /settings, or a refused one, moves nothing)."""
    return (
        chat.type == ChatType.SUPERGROUP
        and changes == "chat"
        and asker.manages
        and not reply.refused
        and sets_delivery_topic(text)
    )


async def on_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a command or a text, or a command in a picture's or a file's caption (an edited one
    replaces the earlier answer)."""
    message = update.effective_message
    text = (message.text or message.caption) if message is not None else None
    if message is None or not text or update.effective_chat is None:
        return
    private = message.chat.type == ChatType.PRIVATE
    if not _for_me(message, text, context.bot.username):
        # a command edited into talk or into another bot's: the answer to the command it was is taken back
        app = app_of(context)
        earlier = reply_to(app.db, message.chat.id, message.message_id) if update.edited_message else None
        if earlier is not None and not earlier.changed:  # a confirmation stays: what it says stays done
            await withdraw_reply(context.bot, app, message.chat.id, earlier)
        elif private and not update.edited_message:  # the user may wonder why nothing comes
            with contextlib.suppress(ChatUnreachable):
                await send_reply(context.bot, app, message.chat.id, other_bots_note(text))
        return
    app = app_of(context)
    chat = update.effective_chat
    if _forwarded_command(message, text):
        if private:  # in a group, a forwarded post is talk, not a command to this bot
            with contextlib.suppress(ChatUnreachable):
                await send_reply(context.bot, app, chat.id, forwarded_note(text))
        return
    if not update.edited_message and reply_to(app.db, chat.id, message.message_id) is not None:
        # answered already: Telegram delivers a message again when it did not hear that it arrived (a
        # webhook post whose answer the stopping bot never sent back), and it must not be answered twice
        log.info("message %s in chat %s was answered already", message.message_id, chat.id)
        return
    user_id = update.effective_user.id if update.effective_user else chat.id
    as_group = message.sender_chat is not None and message.sender_chat.id == chat.id
    quote = message.message_id if chat.type != ChatType.PRIVATE else None
    thread = thread_of(message)

    async def tell(document: Document) -> None:
        """A word before a long answer; not sent (the chat gone, Telegram down), the answer is still made."""
        try:
            await send_reply(context.bot, app, chat.id, Reply(document), quote=quote, thread=thread)
        except (ChatUnreachable, TelegramError) as exc:
            log.warning("could not tell chat %s the answer is coming: %s", chat.id, exc)

    changed, changes = False, what_changes(text)
    try:
        asker = await asker_of(context.bot, chat, user_id, text, as_group=as_group)
    except NotChecked:
        reply = NOT_CHECKED_REPLY
    else:
        before = chat_settings(app, chat.id) if changes == "chat" else None
        reply = await _answer_until_stop(context, app, text, replace(asker, tell=tell))
        # the bot's feeds are not compared: an /ingest that was answered did something
        after = chat_settings(app, chat.id) if changes == "chat" else None
        changed = not reply.refused and (changes == "bot" or after != before)
        if _sets_topic(chat, changes, asker, reply, text):
            # in a forum, the digest and alerts go to the topic they were set up in (None: General)
            subscribers.set_delivery_thread(app.db, chat.id, thread, now=app.now())
    earlier = reply_to(app.db, chat.id, message.message_id) if update.edited_message else None
    if earlier is not None and earlier.changed:
        # the answer it had confirms a change that stays (a follow, a subscription): editing a message
        # undoes nothing, so that answer is kept and the new one comes under the edited message
        reply = with_note(reply, para(italic(STILL_STANDS)))
        earlier, quote = None, message.message_id
    try:
        if earlier is not None:
            shown = await replace_reply(context.bot, app, chat.id, earlier, reply, thread=thread)
        else:
            shown = await send_reply(context.bot, app, chat.id, reply, quote=quote, thread=thread)
    except ChatUnreachable:
        return
    if shown.ids:
        asked, photo = message.message_id, shown.photo_id
        remember_reply(app.db, chat.id, asked, shown.ids, now=app.now(), photo_id=photo, changed=changed)


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A picture, sticker, voice note, location or contact in a private chat: the bot reads text, and
    says so, so the user does not wonder whether it is there (in a group it is not spoken to: the
    handler's filter, in ``telegram.build_application``, admits private chats alone)."""
    chat = update.effective_chat
    if chat is None:
        return
    with contextlib.suppress(ChatUnreachable):
        await send_reply(context.bot, app_of(context), chat.id, TEXT_ONLY_REPLY)


async def _answer_until_stop(context: ContextTypes.DEFAULT_TYPE, app: App, text: str, asker: Asker) -> Reply:
    """The answer, unless the bot stops while it is made and it takes long (an admin's /ingest fetching
    slow pages, having said it started): then it is cut short (``PerChatUpdates.wind_down``) and says
    so. An answer that had sent nothing is not cut but kept for the next start: this handler is
    cancelled as a whole, and so is the answer."""
    making = asyncio.create_task(answer(app, text, asker))
    handling = current_handling()
    if handling is not None:
        handling.answer = making
    try:
        return await making
    except asyncio.CancelledError:
        this = asyncio.current_task()
        if not making.cancelled() or (this is not None and this.cancelling()):  # this handler is cancelled
            making.cancel()
            raise
        return Reply(message(CUT_SHORT))
    finally:
        if handling is not None:
            handling.answer = None


def _view(app: App, state: Paged, kind: str, n: int) -> View | None:
    if state.document is None:
        return None
    document = retold(state.document, app.now())  # "updated 5 min ago" as of the press, not the command
    per_page = state.per_page or app.settings.brief_page_size
    return asked_view(document, kind, n, per_page, extra=button_keys(state.labels))


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pressed inline button: turn the page, show sources, or run the button's command in place."""
    query = update.callback_query
    if query is None:
        return
    app = app_of(context)
    key, _, action = (query.data or "").partition(":")
    stored = get_callback(app.db, key, now=app.now()) if key else None
    parsed = parse_action(action)
    message = query.message
    # ids are random, and one chat's id is no good in another (clients can send any data)
    if stored is None or parsed is None or message is None or stored.chat_id != message.chat.id:
        await _answer_query(query, EXPIRED)
        return
    state, (kind, n) = Paged.from_json(stored.payload), parsed
    view = _view(app, state, kind, n) if kind in "ps" else None
    if view is None and not (kind == "b" and n < len(state.commands)):
        await _answer_query(query, EXPIRED)
        return
    chat_id = message.chat.id
    try:
        if view is not None:
            await _answer_query(query)  # at once: the button stops spinning while the page is made
            showing: OrderedDict[str, str] = context.bot_data.setdefault(SHOWING_KEY, OrderedDict())
            if showing.get(key) == action:
                return  # a double tap of More: the page is shown already, and an edit would be refused
            keys = markup(key, view.keys)
            await show(
                context.bot, app, chat_id, message.message_id, view.document, keys, thread=thread_of(message)
            )
            showing[key] = action
            showing.move_to_end(key)
            while len(showing) > PRESSED_KEPT:
                showing.popitem(last=False)
            return
        await _run_button(context, query, message, key, n, state.commands[n])
    except ChatUnreachable:
        pass


async def _run_button(
    context: ContextTypes.DEFAULT_TYPE,
    query: CallbackQuery,
    message: MaybeInaccessibleMessage,
    key: str,
    n: int,
    command: str,
) -> None:
    """Run a command button's command and show its answer in place. A press that may not change the
    group (a member's) or could not be checked is answered in an alert to the presser alone, the shared
    message left as it is; so is a second press of the same button (a double tap: its answer is shown)."""
    app = app_of(context)
    pressed: OrderedDict[tuple[str, int], None] = context.bot_data.setdefault(PRESSED_KEY, OrderedDict())
    if (key, n) in pressed:
        await _answer_query(query)
        return
    try:
        asker = await asker_of(context.bot, message.chat, query.from_user.id, command)
    except NotChecked:
        await _answer_query(query, NOT_CHECKED)
        return
    if not asker.manages:
        await _answer_query(query, ADMINS_ONLY)
        return
    await _answer_query(query)  # the button stops spinning while the answer is made
    reply = await answer(app, command, asker, pressed=True)
    if _sets_topic(message.chat, what_changes(command), asker, reply, command):  # a /settings button
        subscribers.set_delivery_thread(app.db, message.chat.id, thread_of(message), now=app.now())
    document, keys = first_view(app, message.chat.id, reply)
    await show(
        context.bot, app, message.chat.id, message.message_id, document, keys, thread=thread_of(message)
    )
    pressed[(key, n)] = None  # once shown: a press that failed may be tried again
    while len(pressed) > PRESSED_KEPT:
        pressed.popitem(last=False)


async def _answer_query(query: CallbackQuery, alert: str | None = None) -> None:
    """Acknowledge a button press. Telegram refuses an answer to a press older than about 15 seconds
    ("query is too old", a backlog after a restart, say): the press is still acted on."""
    try:
        await query.answer(alert, show_alert=alert is not None)
    except BadRequest as exc:
        log.debug("could not answer a button press: %s", exc)
    except TelegramError as exc:  # a 5xx, a timeout: the acknowledgement is cosmetic, the press goes on
        log.warning("could not answer a button press: %s", exc)


async def on_my_chat_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot was blocked or removed from a chat: stop its digest and alerts. Unblocked or added
    again: its alerts resume (the digest waits for /subscribe)."""
    change = update.my_chat_member
    if change is None:
        return
    if change.new_chat_member.status in ("kicked", "left"):
        unreachable(
            app_of(context), change.chat.id, f"the bot's status is now {change.new_chat_member.status}"
        )
    elif change.new_chat_member.status in ("member", "administrator"):
        app = app_of(context)
        if subscribers.mark_reachable(app.db, change.chat.id) and (note := stopped_note(app, change.chat.id)):
            # unblocked: the digest the block stopped waits for /subscribe, which the user must be told
            with contextlib.suppress(ChatUnreachable):
                await send_reply(context.bot, app, change.chat.id, Reply(message(note)))


async def on_migrate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group became a supergroup: its subscription and follows move to the new id."""
    message = update.effective_message
    if message is None or not message.migrate_to_chat_id:
        return
    app = app_of(context)
    log.info("chat %s became supergroup %s", message.chat.id, message.migrate_to_chat_id)
    subscribers.migrate_chat(app.db, message.chat.id, message.migrate_to_chat_id, now=app.now())


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log an unexpected error with its traceback and tell the user something went wrong; a scheduled
    job's is logged as that job's (qa29c F4: "error while handling an update" sent the operator looking
    for a user's message)."""
    error = context.error
    if isinstance(error, NetworkError) and not isinstance(update, Update):
        # polling hiccups (5xx, timeouts): python-telegram-bot retries; a line is enough
        log.warning("Telegram could not be reached: %s", error)
        return
    if isinstance(error, TimedOut) and isinstance(update, Update):
        # Telegram was slow to answer a reply, which may well have arrived: no apology, no traceback
        chat = update.effective_chat.id if update.effective_chat else None
        log.warning("Telegram did not answer in time while replying to chat %s: %s", chat, error)
        return
    if context.job is not None and not isinstance(update, Update):
        # a scheduled job's own failure, which no user's message caused: named as the job it is
        name = context.job.name or "a scheduled"
        if error is not None and is_busy(error):  # another process's lock: it runs again at its next turn
            log.warning("%s job could not run: the database is locked by another process (%s)", name, error)
        else:
            log.error("%s job failed: %s", name, error, exc_info=error)
        return
    log.error("error while handling an update", exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        await context.bot.send_message(
            update.effective_chat.id, SORRY, message_thread_id=thread_of(update.effective_message)
        )
    except TelegramError as exc:
        log.warning("could not tell chat %s about the error: %s", update.effective_chat.id, exc)
