"""End to end: what is not plain text (QA13b F7), and forum topics (QA13b F12). A sticker, voice note,
location or contact in a private chat gets a hint that the bot reads text; a picture captioned with a
command is the command; in a group all that is ignored. In a forum topic every message of an answer —
its later parts, its chart, an apology — goes to the topic asked in."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.charts import mentions_chart
from briefing.document import Document, Section, para
from briefing.service.commands import COMMANDS, Command, Reply
from tests.botapi import Chat, User
from tests.conftest import NOW
from tests.e2e_helpers import harness

pytestmark = pytest.mark.e2e
HINT = "I read text: send a name or a topic, or /help."
BOB = User(77, "Bob", "bob")
STICKER = {
    "sticker": {"file_id": "s1", "file_unique_id": "us1", "width": 512, "height": 512,
                "is_animated": False, "is_video": False, "type": "regular"}
}  # fmt: skip
VOICE = {"voice": {"file_id": "v1", "file_unique_id": "uv1", "duration": 3}}
LOCATION = {"location": {"latitude": 50.45, "longitude": 30.52}}
CONTACT = {"contact": {"phone_number": "+380441234567", "first_name": "Zed"}}
PHOTO = {"photo": [{"file_id": "p1", "file_unique_id": "up1", "width": 90, "height": 90}]}


async def long_with_chart(app, args, asker) -> Reply:
    paragraphs = tuple(para(f"Paragraph {i}: " + "the news of the day " * 20) for i in range(1, 25))
    png = mentions_chart([(date(2025, 1, d), d % 4 + 1) for d in range(10, 23)], title="Keith Kellogg")
    return Reply(Document(sections=(Section(paragraphs),)), photo=png, photo_caption="Mentions per day")


async def broken(app, args, asker) -> Reply:
    raise RuntimeError("a bug")


@pytest.fixture
async def bot(botapi, tmp_path, monkeypatch):
    monkeypatch.setitem(
        COMMANDS, "longchart", Command("longchart", "/longchart", "a double", long_with_chart)
    )
    monkeypatch.setitem(COMMANDS, "broken", Command("broken", "/broken", "a test double", broken))
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW) as h:
        yield h


@pytest.mark.parametrize("fields", [STICKER, VOICE, LOCATION, CONTACT, PHOTO], ids=lambda f: next(iter(f)))
async def test_what_is_not_text_in_a_private_chat_gets_a_hint(bot, fields):
    bot.server.push_other(fields)
    reply = await bot.server.wait_for_message(1001)
    assert reply.text == HINT


async def test_a_picture_captioned_with_a_command_is_the_command(bot):
    bot.server.push_other(PHOTO, caption="/help")
    reply = await bot.server.wait_for_message(1001)
    assert "/subscribe" in reply.text


async def test_what_is_not_text_in_a_group_is_ignored_but_a_captioned_command_is_answered(bot):
    group = Chat.group(-4070, "Readers")
    for fields in (STICKER, LOCATION, PHOTO):
        bot.server.push_other(fields, chat=group, user=BOB)
    bot.server.push_other(PHOTO, caption="/help", chat=group, user=BOB)
    reply = await bot.server.wait_for_message(-4070)
    assert "/subscribe" in reply.text
    await bot.ask("/help", chat=group, user=BOB)
    assert not any(m.text == HINT for m in bot.server.sent_messages(-4070))
    assert len(bot.server.sent_messages(-4070)) == 2


async def test_every_message_of_an_answer_in_a_forum_topic_goes_to_the_topic(bot):
    forum = Chat.group(-1004242, "Forum", supergroup=True)
    bot.server.push_message("/longchart", chat=forum, thread=7)
    await bot.server.wait_for("sendPhoto", chat_id=-1004242, ok=True, timeout=20)
    texts = bot.server.requests("sendMessage", chat_id=-1004242, ok=True)
    assert len(texts) >= 2  # an answer in parts
    sent = [*texts, *bot.server.requests("sendPhoto", chat_id=-1004242, ok=True)]
    assert [r.params.get("message_thread_id") for r in sent] == [7] * len(sent)
    assert all(m.to_dict()["message_thread_id"] == 7 for m in bot.server.sent_messages(-1004242))
    # an apology too
    bot.server.push_message("/broken", chat=forum, thread=7)
    sorry = await bot.server.wait_for_message(-1004242, text="Sorry")
    assert sorry.to_dict()["message_thread_id"] == 7
    # outside a topic, nothing of the kind
    reply = await bot.ask("/help", chat=forum)
    assert "message_thread_id" not in reply.to_dict()


def forwarded(text: str, sender: User = BOB) -> dict:
    """A message forwarded from ``sender``, as Telegram sends it (the command keeps its entity)."""
    fields: dict = {
        "text": text,
        "forward_origin": {"type": "user", "sender_user": sender.to_dict(), "date": 1},
    }
    if text.startswith("/"):
        fields["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return fields


async def test_a_command_addressed_to_another_bot_is_not_run_in_a_private_chat_either(bot):
    """QA22b F9: ``/brief@OtherBot`` was answered with the top stories; a note says why nothing runs."""
    note = await bot.ask("/help@OtherBot")
    assert "addressed to another bot" in note.text and "/help" in note.text
    assert "/subscribe" not in note.text
    bot.server.push_other(PHOTO, caption="/subscribe@OtherBot")
    note = await bot.server.wait_for_message(1001)
    assert "addressed to another bot" in note.text
    assert bot.app.db.execute("SELECT count(*) FROM subscribers").fetchone()[0] == 0
    mine = await bot.ask("/help@BRIEFING_TEST_BOT")  # its own name, in any case, is its own
    assert "/subscribe" in mine.text


async def test_a_question_edited_into_another_bots_command_takes_its_answer_back(bot):
    update = bot.server.push_command("/help")
    answer_ = await bot.server.wait_for_message(1001)
    bot.server.push_edited_message(update["message"]["message_id"], "/help@OtherBot")
    deleted = await bot.server.wait_for("deleteMessage", chat_id=1001)
    assert deleted.params["message_id"] == answer_.message_id
    assert len(bot.server.sent_messages(1001)) == 1  # and no note for an edit


async def test_a_forwarded_command_is_not_run_but_said_how_to_run(bot):
    """QA22b F9: a forwarded post starting with ``/follow X`` or ``/unsubscribe`` changed the settings."""
    await bot.ask("/subscribe")
    bot.server.push_other(forwarded("/unsubscribe"))
    note = await bot.server.wait_for_message(1001)
    assert "forwarded message" in note.text and "/unsubscribe" in note.text
    bot.server.push_other(forwarded("/follow grain   exports"))
    note = await bot.server.wait_for_message(1001)
    assert "I run only the commands you send me yourself" in note.text
    assert note.text.endswith("/follow grain exports")
    assert bot.app.db.execute("SELECT count(*) FROM follows").fetchone()[0] == 0
    assert bot.app.db.execute("SELECT active FROM subscribers").fetchone()[0] == 1


async def test_forwarded_text_is_a_search_as_typed_text_is(bot):
    bot.server.push_other(forwarded("Kellogg"))
    reply = await bot.server.wait_for_message(1001)
    assert "Kellogg" in reply.text and "forwarded" not in reply.text


async def test_a_forwarded_command_in_a_group_is_ignored(bot):
    group = Chat.group(-4071, "Readers")
    bot.server.push_other(forwarded("/help"), chat=group, user=BOB)
    bot.server.push_other(forwarded("/help@briefing_test_bot"), chat=group, user=BOB)
    asked = bot.server.push_command("/start", chat=group, user=BOB)["message"]["message_id"]
    await bot.server.wait_for(  # its answer, quoting it, comes after any to the forwarded ones
        "sendMessage",
        lambda r: r.message and r.message.reply_to and r.message.reply_to.message_id == asked,
        chat_id=-4071,
        ok=True,
    )
    assert len(bot.server.sent_messages(-4071)) == 1
