"""End to end (QA12b F7): in a group, only its administrators change its digest and what it follows; the
bot asks Telegram (getChatMember) who they are. Private chats are unchanged."""

from __future__ import annotations

import pytest

from store import subscribers
from tests.botapi import Chat, User
from tests.botapi.actions import _command_entities
from tests.conftest import NOW
from tests.e2e_helpers import harness

pytestmark = pytest.mark.e2e
ALICE = User(1001, "Alice", "alice")
BOB = User(77, "Bob", "bob")
CAROL = User(78, "Carol", "carol")
REFUSED = "Sorry, in a group only its administrators can use /"


@pytest.fixture
async def bot(botapi, tmp_path):
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW) as h:
        yield h


async def test_a_member_cannot_change_the_groups_digest_or_follows(bot):
    group = Chat.group(-4001, "Family")
    bot.server.set_member(group, ALICE, "creator")
    bot.server.set_member(group, BOB, "member")
    reply = await bot.ask("/subscribe@briefing_test_bot 07:00 Europe/Kyiv", chat=group, user=ALICE)
    assert "07:00" in reply.text and subscribers.get_subscriber(bot.app.db, -4001) is not None
    asked = bot.server.last("getChatMember")
    assert asked.params["chat_id"] == -4001 and asked.params["user_id"] == ALICE.id
    for text in ("/unsubscribe", "/settings time 18:00", "/follow Putin", "/unfollow ports", "/subscribe"):
        reply = await bot.ask(text, chat=group, user=BOB)
        assert reply.text.startswith(REFUSED + text.split()[0][1:]), text
    sub = subscribers.get_subscriber(bot.app.db, -4001)
    assert sub is not None and sub.active and sub.digest_time.strftime("%H:%M") == "07:00"
    assert subscribers.follows_of(bot.app.db, -4001) == []
    # what only shows is for everyone, and asks Telegram nothing
    mark = bot.server.mark()
    reply = await bot.ask("/settings", chat=group, user=BOB)
    assert "Digest time: 07:00" in reply.text
    # the group's list, and who may add to it (qa29a F10: "You follow nothing yet. Try /follow Kellogg")
    listed = (await bot.ask("/following", chat=group, user=BOB)).text
    assert listed.startswith("This group follows nothing yet. An administrator can send /follow Kellogg")
    assert bot.server.requests("getChatMember", since=mark) == []


async def test_an_administrator_may_and_a_settings_button_checks_who_pressed_it(bot):
    group = Chat.group(-4002, "Readers")
    bot.server.set_member(group, ALICE, "creator")
    bot.server.set_member(group, BOB, "member")
    bot.server.set_member(group, CAROL, "administrator")
    await bot.ask("/subscribe 07:00 UTC", chat=group, user=ALICE)
    reply = await bot.ask("/follow ports", chat=group, user=CAROL)
    assert "Following the topic ports" in reply.text
    shown = await bot.ask("/settings", chat=group, user=BOB)
    before = (shown.text, shown.buttons)
    update = bot.server.push_callback_query(shown, button="18:00", chat=group, user=BOB)
    await bot.server.wait_for("answerCallbackQuery")
    # the refusal is Bob's alone, in an alert; the group's panel stays as it was, buttons and all (QA13b F5)
    answered = bot.server.callback_answer(update)
    assert answered is not None and answered["show_alert"] is True
    assert answered["text"].startswith("Only this group's administrators can change")
    assert (shown.text, shown.buttons) == before and shown.edit_date is None  # as the server has it now
    assert bot.server.requests("editMessageText", chat_id=-4002) == []
    sub = subscribers.get_subscriber(bot.app.db, -4002)
    assert sub is not None and sub.digest_time.strftime("%H:%M") == "07:00"
    # an administrator's press on the same panel changes the digest
    bot.server.push_callback_query(shown, button="18:00", chat=group, user=CAROL)
    await bot.server.wait_for("editMessageText", chat_id=-4002)
    sub = subscribers.get_subscriber(bot.app.db, -4002)
    assert sub is not None and sub.digest_time.strftime("%H:%M") == "18:00"


async def test_an_anonymous_administrator_writing_as_the_group_may(bot):
    group = Chat.group(-4004, "Readers")
    bot.server.set_member(group, ALICE, "creator")
    # Telegram writes an anonymous administrator's message from GroupAnonymousBot, with the group as its
    # sender_chat; to the server the placeholder user is one more member of the group
    anonymous = User(1087968824, "Group", "GroupAnonymousBot")
    text = "/subscribe 06:00 UTC"
    chat = bot.server.state.chat_for(-4004, create=False)
    sent = bot.server.state.add_message(chat, anonymous, text=text, entities=_command_entities(text))
    bot.server.push_update({"message": {**sent.to_dict(), "sender_chat": group.to_dict()}})
    reply = await bot.server.wait_for_message(-4004)
    assert "06:00" in reply.text, reply.text


async def test_a_private_chat_needs_no_check(bot):
    mark = bot.server.mark()
    reply = await bot.ask("/follow ports", user=BOB)
    assert "Following the topic ports" in reply.text
    assert bot.server.requests("getChatMember", since=mark) == []
