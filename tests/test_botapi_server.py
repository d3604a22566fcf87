"""The loopback Bot API server, driven by real python-telegram-bot objects as the bot drives it."""

import asyncio
import datetime as dtm
import struct
import sys
import zlib
from pathlib import Path

import pytest
from aiohttp import web
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaDocument,
    InputMediaPhoto,
    Message,
    TelegramObject,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
)
from telegram.request import HTTPXRequest

from tests.botapi import (
    BotApiServer,
    Chat,
    Fault,
    RateLimits,
    User,
    Window,
    loopback_request,
    make_bot,
)

GROUP = Chat.group(-4001, "Readers")
ROOT = Path(__file__).resolve().parent.parent


def png(width: int = 40, height: int = 20) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x20\x40\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(f"b{i}", callback_data=d)] for i, d in enumerate(data)]
    )


def leftovers(value: object, path: str = "") -> list[str]:
    """Fields PTB did not recognise anywhere inside a de-serialised object (its api_kwargs)."""
    if isinstance(value, tuple | list):
        return [x for i, item in enumerate(value) for x in leftovers(item, f"{path}[{i}]")]
    if not isinstance(value, TelegramObject):
        return []
    found = [f"{path or 'object'}: {sorted(value.api_kwargs)}"] if value.api_kwargs else []
    for cls in type(value).__mro__[:-1]:
        for name in getattr(cls, "__slots__", ()):
            if not name.startswith("_"):
                found += leftovers(getattr(value, name, None), f"{path}.{name}")
    return found


@pytest.fixture
def bot(botapi_bot):
    return botapi_bot


# --- the basics ----------------------------------------------------------------------------------


async def test_get_me_describes_the_bot(bot, botapi):
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (123456789, "briefing_test_bot", True)
    assert leftovers(me) == []
    assert botapi.last("getMe").ok


async def test_a_wrong_token_is_refused(botapi):
    with pytest.raises(InvalidToken):
        async with Bot("987:not-the-token", base_url=botapi.base_url, request=loopback_request()):
            pass  # initialising calls getMe
    assert botapi.last("getMe").status == 401


async def test_an_unknown_method_is_not_found(bot, botapi):
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendHologram", api_kwargs={"chat_id": 1})
    assert botapi.last().status == 404


async def test_send_message_returns_a_real_message_and_is_recorded(bot, botapi):
    sent = await bot.send_message(
        1001, "<b>Brief</b> &amp; <a href='https://e.org'>me</a>", parse_mode="HTML",
        reply_markup=keyboard("more:1"),
    )  # fmt: skip
    assert isinstance(sent, Message) and leftovers(sent) == []
    assert sent.text == "Brief & me"
    assert [(e.type, e.offset, e.length, e.url) for e in sent.entities] == [
        ("bold", 0, 5, None),
        ("text_link", 8, 2, "https://e.org"),
    ]
    assert sent.from_user.id == botapi.bot.id and sent.chat.id == 1001

    record = botapi.last("sendMessage")
    assert record.params["text"] == "<b>Brief</b> &amp; <a href='https://e.org'>me</a>"
    assert record.params["reply_markup"] == keyboard("more:1").to_dict()
    assert record.message.html == record.params["text"]
    assert [m.text for m in botapi.sent_messages(1001)] == ["Brief & me"]


async def test_message_ids_increase_per_chat(bot):
    ids = [(await bot.send_message(chat, "x")).message_id for chat in (1, 1, 2, 1)]
    assert ids == [1, 2, 1, 3]


@pytest.mark.parametrize(
    ("html", "why"),
    [
        ("<p>para</p>", 'Unsupported start tag "p"'),
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", "Unmatched end tag"),
        ("Tom & Jerry", 'Character "&" must be escaped'),
        ("<a href='https://e.org'>x</b>", "Unmatched end tag"),
    ],
)
async def test_bad_html_is_a_bad_request(bot, botapi, html, why):
    with pytest.raises(BadRequest, match="Can't parse entities") as caught:
        await bot.send_message(1001, html, parse_mode="HTML")
    assert why.lower() in caught.value.message.lower()  # PTB lower-cases the first letter
    assert botapi.sent_messages() == []


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        ("a" * 4096, True),
        ("a" * 4097, False),
        ("😀" * 2048, True),  # an astral character is two UTF-16 units
        ("😀" * 2048 + "a", False),
        ("<b>" + "a" * 4096 + "</b>", True),  # tags do not count
        ("&amp;" * 4096, True),
    ],
)
async def test_the_limit_is_4096_utf16_units_after_parsing(bot, botapi, text, fits):
    if fits:
        await bot.send_message(1001, text, parse_mode="HTML")
    else:
        with pytest.raises(BadRequest, match="Message is too long"):
            await bot.send_message(1001, text, parse_mode="HTML")
    assert len(botapi.sent_messages()) == (1 if fits else 0)


async def test_empty_text_is_refused(bot):
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(1001, "<b> </b>", parse_mode="HTML")


async def test_callback_data_over_64_bytes_is_refused(bot):
    await bot.send_message(1001, "ok", reply_markup=keyboard("x" * 64))
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(1001, "too long", reply_markup=keyboard("é" * 33))


async def test_a_reply_must_name_a_message_of_the_chat(bot, botapi):
    update = botapi.push_message("hello", chat=GROUP)
    asked = update["message"]["message_id"]
    answer = await bot.send_message(GROUP.id, "hi", reply_to_message_id=asked)
    assert answer.reply_to_message.text == "hello"
    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await bot.send_message(GROUP.id, "hi", reply_to_message_id=999)


async def test_markdown_is_refused_so_replies_stay_html(bot):
    with pytest.raises(BadRequest, match="not implemented by the test server"):
        await bot.send_message(1001, "*x*", parse_mode="MarkdownV2")


# --- photos, commands, chats ---------------------------------------------------------------------


async def test_send_photo_uploads_and_records_the_image(bot, botapi):
    image = png(120, 60)
    sent = await bot.send_photo(1001, image, caption="<i>Mentions per day</i>", parse_mode="HTML")
    assert (sent.photo[-1].width, sent.photo[-1].height) == (120, 60)
    assert leftovers(sent) == []
    assert sent.caption == "Mentions per day"

    record = botapi.last("sendPhoto")
    assert record.files["photo"].data == image
    assert botapi.sent_messages(1001)[0].photo.data == image
    downloaded = await (await bot.get_file(sent.photo[-1].file_id)).download_as_bytearray()
    assert bytes(downloaded) == image


@pytest.mark.parametrize(
    ("data", "error"),
    [(b"not an image", "Image_process_failed"), (png(400, 10), "Photo_invalid_dimensions")],
)
async def test_a_photo_must_be_a_sane_image(bot, data, error):
    with pytest.raises(BadRequest, match=error):
        await bot.send_photo(1001, data)


async def test_a_caption_over_1024_is_refused(bot):
    with pytest.raises(BadRequest, match="caption is too long"):
        await bot.send_photo(1001, png(), caption="x" * 1025)


async def test_set_my_commands_is_kept_and_validated(bot, botapi):
    commands = [BotCommand("brief", "A briefing on a topic"), BotCommand("actor", "One actor")]
    assert await bot.set_my_commands(commands)
    assert [c.command for c in await bot.get_my_commands()] == ["brief", "actor"]
    assert botapi.commands() == [
        {"command": "brief", "description": "A briefing on a topic"},
        {"command": "actor", "description": "One actor"},
    ]
    for bad in (BotCommand("Brief", "caps"), BotCommand("x" * 33, "long"), BotCommand("ok", "")):
        with pytest.raises(BadRequest):
            await bot.set_my_commands([bad])
    assert await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()


async def test_chat_action_get_chat_and_no_ops(bot, botapi):
    botapi.push_message("hi")
    assert await bot.send_chat_action(1001, "typing")
    with pytest.raises(BadRequest, match="Wrong parameter action"):
        await bot.send_chat_action(1001, "dancing")
    chat = await bot.get_chat(1001)
    assert (chat.id, chat.type, chat.first_name) == (1001, "private", "Alice")
    assert leftovers(chat) == []
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.get_chat(555)
    assert await bot.log_out() and await bot.close()


async def test_known_chats_only_refuses_strangers():
    async with BotApiServer(known_chats_only=True) as server, make_bot(server) as bot:
        with pytest.raises(BadRequest, match="Chat not found"):
            await bot.send_message(1001, "hi")
        server.push_message("hello")
        await bot.send_message(1001, "hi")


# --- updates -------------------------------------------------------------------------------------


async def test_get_updates_confirms_with_offset(bot, botapi):
    for word in ("one", "two", "three"):
        botapi.push_message(word)
    first = await bot.get_updates(limit=2)
    assert [u.message.text for u in first] == ["one", "two"]
    again = await bot.get_updates()
    assert [u.message.text for u in again] == ["one", "two", "three"]  # nothing confirmed yet
    rest = await bot.get_updates(offset=first[-1].update_id + 1)
    assert [u.message.text for u in rest] == ["three"]
    assert await bot.get_updates(offset=rest[-1].update_id + 1) == ()
    assert botapi.pending_updates == []


async def test_a_negative_offset_keeps_only_the_newest(bot, botapi):
    for word in ("one", "two", "three"):
        botapi.push_message(word)
    assert [u.message.text for u in await bot.get_updates(offset=-1)] == ["three"]
    assert len(botapi.pending_updates) == 1


async def test_a_long_poll_returns_as_soon_as_an_update_is_pushed(bot, botapi):
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await botapi.wait_until_polling()
    botapi.push_command("/latest")
    updates = await asyncio.wait_for(poll, 5)
    assert updates[0].message.text == "/latest"


async def test_a_second_poll_ends_the_first_with_conflict(botapi):
    async with make_bot(botapi) as first, make_bot(botapi) as second:
        waiting = asyncio.create_task(first.get_updates(timeout=30))
        await botapi.wait_until_polling()
        await second.get_updates()
        with pytest.raises(Conflict):
            await asyncio.wait_for(waiting, 5)


async def test_allowed_updates_filters_what_is_queued(bot, botapi):
    await bot.get_updates(allowed_updates=["callback_query"])
    botapi.push_message("ignored")
    assert botapi.pending_updates == []
    assert len(botapi.updates.dropped) == 1


async def test_pushed_updates_deserialise_cleanly(bot, botapi):
    text = botapi.push_message("plain", chat=GROUP)
    command = botapi.push_command("/actor Kellogg", mention=True, chat=GROUP)
    edited = botapi.push_edited_message(text["message"]["message_id"], "plainer", chat=GROUP)
    sent = await bot.send_message(1001, "pick", reply_markup=keyboard("p:2"))
    pressed = botapi.push_callback_query(sent.message_id, "p:2")
    blocked = botapi.push_blocked()
    old, new = botapi.push_migration(GROUP, -1001234567890)
    updates = {u.update_id: u for u in await bot.get_updates()}
    assert len(updates) == 7
    assert leftovers(list(updates.values())) == []

    cmd = updates[command["update_id"]].message
    assert cmd.text == "/actor@briefing_test_bot Kellogg"
    assert cmd.parse_entities(["bot_command"]) == {cmd.entities[0]: "/actor@briefing_test_bot"}
    assert updates[edited["update_id"]].edited_message.text == "plainer"
    assert updates[pressed["update_id"]].callback_query.data == "p:2"
    assert updates[pressed["update_id"]].callback_query.message.message_id == sent.message_id
    assert updates[blocked["update_id"]].my_chat_member.new_chat_member.status == "kicked"
    assert updates[old["update_id"]].message.migrate_to_chat_id == -1001234567890
    assert updates[new["update_id"]].message.migrate_from_chat_id == GROUP.id


# --- editing and buttons -------------------------------------------------------------------------


async def test_edit_message_text_replaces_the_page(bot, botapi):
    sent = await bot.send_message(1001, "page 1", reply_markup=keyboard("p:2"))
    edited = await bot.edit_message_text("page <b>2</b>", 1001, sent.message_id, parse_mode="HTML")
    assert edited.text == "page 2" and edited.edit_date is not None
    held = botapi.message(1001, sent.message_id)
    assert (held.text, held.versions) == ("page 2", ["page 1"])
    assert held.reply_markup is None  # an edit without reply_markup removes the keyboard
    assert len(botapi.sent_messages(1001)) == 1


async def test_an_identical_edit_is_not_modified(bot):
    sent = await bot.send_message(1001, "same", reply_markup=keyboard("a"))
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("same", 1001, sent.message_id, reply_markup=keyboard("a"))
    await bot.edit_message_text("same", 1001, sent.message_id, reply_markup=keyboard("b"))


async def test_only_the_bots_own_existing_messages_can_be_edited(bot, botapi):
    mine = botapi.push_message("mine")["message"]["message_id"]
    with pytest.raises(BadRequest, match="Message can't be edited"):
        await bot.edit_message_text("x", 1001, mine)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", 1001, 77)
    with pytest.raises(BadRequest, match="too long"):
        sent = await bot.send_message(1001, "short")
        await bot.edit_message_text("x" * 4097, 1001, sent.message_id)


async def test_edit_message_media_replaces_a_photo_and_its_caption(bot, botapi):
    sent = await bot.send_photo(1001, png(120, 60), caption="Kellogg")
    media = InputMediaPhoto(png(80, 40), caption="<b>Putin</b>", parse_mode="HTML")
    edited = await bot.edit_message_media(media, 1001, sent.message_id)
    assert edited.caption == "Putin" and edited.edit_date is not None
    held = botapi.message(1001, sent.message_id)
    assert (held.photo.width, held.photo.height, held.caption, held.versions) == (
        80,
        40,
        "Putin",
        ["Kellogg"],
    )
    assert len(botapi.sent_messages(1001)) == 1
    again = InputMediaPhoto(held.photo.file_id, caption="<b>Putin</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_media(again, 1001, sent.message_id)


async def test_edit_message_media_may_add_a_photo_to_a_text_message(bot, botapi):
    sent = await bot.send_message(1001, "a chart follows")
    await bot.edit_message_media(InputMediaPhoto(png(), caption="chart"), 1001, sent.message_id)
    held = botapi.message(1001, sent.message_id)
    assert (held.text, held.caption, held.versions) == (None, "chart", ["a chart follows"])
    with pytest.raises(BadRequest, match="There is no text in the message to edit"):
        await bot.edit_message_text("text again", 1001, sent.message_id)


async def test_edit_message_media_checks_what_sendphoto_checks(bot, botapi):
    sent = await bot.send_photo(1001, png())
    mine = botapi.push_message("mine")["message"]["message_id"]
    cases = [
        (InputMediaPhoto(png()), mine, "Message can't be edited"),
        (InputMediaPhoto(png()), 777, "Message to edit not found"),
        (InputMediaPhoto(b"not an image"), sent.message_id, "Image_process_failed"),
        (InputMediaPhoto(png(), caption="x" * 1025), sent.message_id, "caption is too long"),
        (InputMediaPhoto("no-such-file-id"), sent.message_id, "Wrong file identifier"),
        (InputMediaDocument(b"%PDF-1.4"), sent.message_id, "not implemented by the test server"),
    ]
    for media, message_id, error in cases:
        with pytest.raises(BadRequest, match=error):
            await bot.edit_message_media(media, 1001, message_id)
    await bot.delete_message(1001, sent.message_id)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_media(InputMediaPhoto(png()), 1001, sent.message_id)


async def test_a_callback_query_is_answered_once(bot, botapi):
    sent = await bot.send_message(1001, "more?", reply_markup=keyboard("more:7"))
    pressed = botapi.push_callback_query(botapi.message(1001, sent.message_id), button="b0")
    query_id = pressed["callback_query"]["id"]
    assert await bot.answer_callback_query(query_id, text="Loading")
    assert botapi.callback_answer(pressed)["text"] == "Loading"
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(query_id)


async def test_pressing_a_button_the_message_does_not_have_fails_the_test(bot, botapi):
    sent = await bot.send_message(1001, "more?", reply_markup=keyboard("more:7"))
    with pytest.raises(KeyError):
        botapi.push_callback_query(sent.message_id, "more:8")


# --- injected faults -----------------------------------------------------------------------------


async def test_injected_429_carries_retry_after(bot, botapi):
    rule = botapi.inject(Fault.retry_after(3), "sendMessage")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(1001, "x")
    assert caught.value.retry_after == dtm.timedelta(seconds=3)
    await bot.send_message(1001, "x")  # times=1: the next one goes through
    assert rule.fired == 1
    assert [r.status for r in botapi.requests("sendMessage")] == [429, 200]
    assert botapi.requests("sendMessage")[0].fault == Fault.retry_after(3)


async def test_ptbs_rate_limiter_retries_a_429_and_the_message_goes_through(botapi):
    rule = botapi.inject(Fault.retry_after(0.05), "sendMessage", times=2)
    ext = ExtBot(
        botapi.token,
        base_url=botapi.base_url,
        request=loopback_request(),
        get_updates_request=loopback_request(),
        rate_limiter=AIORateLimiter(max_retries=2),
    )
    async with ext:
        await ext.send_message(1001, "after two refusals")
    assert rule.fired == 2
    assert [r.status for r in botapi.requests("sendMessage")] == [429, 429, 200]
    assert [m.text for m in botapi.sent_messages(1001)] == ["after two refusals"]


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault.blocked(), Forbidden),
        (Fault.chat_not_found(), BadRequest),
        (Fault.message_too_long(), BadRequest),
        (Fault.cant_parse_entities(), BadRequest),
        (Fault.server_error(500), NetworkError),
        (Fault.server_error(502), NetworkError),
    ],
)
async def test_each_injected_fault_raises_what_telegram_would(bot, botapi, fault, error):
    botapi.inject(fault, "sendMessage", chat_id=1001)
    await bot.send_message(2002, "another chat is untouched")
    with pytest.raises(error):
        await bot.send_message(1001, "x")
    assert botapi.sent_messages(1001) == []


async def test_injected_migration_names_the_new_chat(bot, botapi):
    botapi.inject(Fault.migrated(-1009), "sendMessage")
    with pytest.raises(ChatMigrated) as caught:
        await bot.send_message(-9, "x")
    assert caught.value.new_chat_id == -1009


async def test_blocking_and_migrating_change_what_sending_does(bot, botapi):
    botapi.push_blocked()
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(1001, "digest")
    botapi.push_migration(GROUP, -1002000)
    with pytest.raises(ChatMigrated):
        await bot.send_message(GROUP.id, "digest")
    await bot.send_message(-1002000, "digest")
    botapi.set_blocked(3003)
    with pytest.raises(Forbidden):
        await bot.send_message(3003, "digest")


async def test_a_delivered_fault_sends_but_the_bot_never_hears(bot, botapi):
    botapi.inject(Fault.server_error(502), "sendMessage", deliver=True)
    with pytest.raises(NetworkError):
        await bot.send_message(1001, "part 1")
    assert [m.text for m in botapi.sent_messages(1001)] == ["part 1"]
    assert botapi.last("sendMessage").message.text == "part 1"


async def test_a_delay_longer_than_the_read_timeout_times_out(botapi):
    request = HTTPXRequest(read_timeout=0.1)  # PTB's own request class, as bot.py would build it
    async with Bot(botapi.token, base_url=botapi.base_url, request=request) as bot:
        botapi.inject(None, "sendMessage", delay=0.3)
        with pytest.raises(TimedOut):
            await bot.send_message(1001, "x")


async def test_faults_with_a_probability_are_seeded(bot):
    async def failures(seed: int) -> list[int]:
        async with BotApiServer(seed=seed) as server, make_bot(server) as b:
            server.inject(Fault.server_error(500), "sendChatAction", times=None, probability=0.5)
            results = []
            for i in range(20):
                try:
                    await b.send_chat_action(1001, "typing")
                except NetworkError:
                    results.append(i)
            return results

    first, again = await failures(7), await failures(7)
    assert first == again and 0 < len(first) < 20


# --- flood limits --------------------------------------------------------------------------------


async def test_rate_limits_answer_429_and_count():
    now = [0.0]
    limits = RateLimits(overall=Window(3, 1.0), per_chat=Window(1, 1.0), per_group=None)
    async with (
        BotApiServer(rate_limits=limits, monotonic=lambda: now[0]) as server,
        make_bot(server) as bot,
    ):
        await bot.send_message(1, "a")
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(1, "b")
        assert caught.value.retry_after == dtm.timedelta(seconds=1)
        await bot.send_message(2, "c")
        await bot.send_message(3, "d")
        with pytest.raises(RetryAfter):
            await bot.send_message(4, "e")  # the fourth message within one second
        now[0] += 1.0
        await bot.send_message(1, "b")
        assert await bot.send_chat_action(1, "typing")  # not a message: not limited
        stats = server.rate_limit_stats
        assert (stats.accepted, stats.per_chat, stats.overall) == (4, 1, 1)
        assert [r.rate_limited for r in server.requests("sendMessage")] == [
            False,
            True,
            False,
            False,
            True,
            False,
        ]


async def test_many_concurrent_sends_are_all_accounted_for(botapi, bot):
    botapi.enable_rate_limits(RateLimits(overall=Window(30, 1.0), per_chat=None, per_group=None))

    async def send(chat: int) -> bool:
        try:
            await bot.send_message(chat, "digest")
            return True
        except RetryAfter:
            return False

    results = await asyncio.gather(*(send(chat) for chat in range(1, 61)))
    stats = botapi.rate_limit_stats
    assert sum(results) == stats.accepted == len(botapi.sent_messages()) >= 30
    assert stats.accepted + stats.overall == 60


# --- waiting -------------------------------------------------------------------------------------


async def test_wait_for_times_out_with_the_recent_requests(bot, botapi):
    await bot.send_message(1001, "something else")
    with pytest.raises(TimeoutError, match="sendPhoto") as caught:
        await botapi.wait_for("sendPhoto", since=0, timeout=0.05)
    assert "sendMessage chat=1001 'something else' -> ok" in str(caught.value)


async def test_wait_for_looks_after_the_last_push_by_default(bot, botapi):
    await bot.send_message(1001, "old")
    botapi.push_message("new question")
    answering = asyncio.create_task(bot.send_message(1001, "new"))
    reply = await botapi.wait_for_message(1001)
    assert reply.text == "new"
    await answering
    assert len(await botapi.wait_for_requests(2, "sendMessage", since=0)) == 2


# --- webhook -------------------------------------------------------------------------------------


async def test_webhook_delivery_with_secret_and_conflict_with_polling(bot, botapi):
    received: list[tuple[dict, str | None]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append((await request.json(), request.headers.get("X-Telegram-Bot-Api-Secret-Token")))
        return web.Response()

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        port = runner.addresses[0][1]
        assert await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="s3cret")
        update = botapi.push_message("via webhook")
        await botapi.wait_until_fetched(update)
        assert received == [(update, "s3cret")]
        assert (await bot.get_webhook_info()).pending_update_count == 0
        with pytest.raises(Conflict):
            await bot.get_updates()
        assert await bot.delete_webhook()
        assert (await bot.get_webhook_info()).url == ""
        assert await bot.get_updates() == ()
    finally:
        await bot.delete_webhook()
        await runner.cleanup()


# --- the whole loop ------------------------------------------------------------------------------


async def test_an_application_polls_and_replies_end_to_end(botapi):
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Greet with a button."""
        name = update.effective_user.first_name
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more:1")]])
        await update.effective_message.reply_html(f"Hello, <b>{name}</b>", reply_markup=markup)

    async def more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Turn the page in place."""
        await update.callback_query.answer()
        await update.callback_query.edit_message_text("Page 2")

    app = (
        ApplicationBuilder()
        .token(botapi.token)
        .base_url(botapi.base_url)
        .base_file_url(botapi.base_file_url)
        .get_updates_read_timeout(2)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(more))
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=1))
        await botapi.wait_until_polling()

        botapi.push_command("/start", user=User(77, "Bob", "bob"))
        hello = await botapi.wait_for_message(77)
        assert hello.text == "Hello, Bob"
        assert hello.button("More").callback_data == "more:1"

        pressed = botapi.push_callback_query(hello, button="More", user=User(77, "Bob", "bob"))
        await botapi.wait_for("editMessageText", chat_id=77, ok=True)
        assert botapi.message(77, hello.message_id).text == "Page 2"
        assert botapi.callback_answer(pressed) is not None

        await app.updater.stop()
        await app.stop()
    assert botapi.pending_updates == []  # stopping confirmed what the bot had fetched


# --- by hand -------------------------------------------------------------------------------------


async def test_the_server_runs_by_hand_and_types_as_the_user():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.botapi", "--port", "0",
        cwd=ROOT, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        settings = dict(pair.split("=", 1) for pair in (await proc.stdout.readline()).decode().split())
        assert settings["TELEGRAM_BOT_TOKEN"] == BotApiServer().token
        async with Bot(
            settings["TELEGRAM_BOT_TOKEN"],
            base_url=settings["TELEGRAM_API_BASE_URL"],
            request=loopback_request(),
            get_updates_request=loopback_request(),
        ) as bot:
            proc.stdin.write(b"/brief ukraine\n")
            await proc.stdin.drain()
            (update,) = await bot.get_updates(timeout=5)
            assert update.message.text == "/brief ukraine"
            await bot.send_message(update.message.chat.id, "<b>Ukraine</b> today", parse_mode="HTML")
        proc.stdin.close()
        output = (await asyncio.wait_for(proc.stdout.read(), 10)).decode()
        assert "bot> Ukraine today" in output
        assert await proc.wait() == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
