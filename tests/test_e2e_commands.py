"""End to end: the real bot against the loopback Bot API server, commands as users send them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from briefing.adapters.telegram_send import last_shown
from store import subscribers
from tests.botapi import Chat, User
from tests.conftest import NOW
from tests.e2e_helpers import ADMIN, harness

pytestmark = pytest.mark.e2e
BOB = User(77, "Bob", "bob")


@pytest.fixture
async def bot(botapi, tmp_path):
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW) as h:
        yield h


async def test_the_menu_lists_the_commands_but_not_the_admin_ones(bot):
    names = [c["command"] for c in bot.server.commands()]
    assert {
        "start",
        "help",
        "subscribe",
        "unsubscribe",
        "settings",
        "follow",
        "unfollow",
        "following",
    } <= set(names)
    assert "sources" in names
    assert "stats" not in names
    assert names[:4] == ["brief", "actor", "search", "latest"]  # the news first, as /help lists them
    admin_names = [c["command"] for c in bot.server.commands(scope={"type": "chat", "chat_id": ADMIN})]
    assert "stats" in admin_names


async def test_start_says_what_the_bot_does_and_how_to_subscribe(bot):
    reply = await bot.ask("/start")
    assert "Welcome to Briefing" in reply.text
    assert "/subscribe 08:00" in reply.text
    assert reply.parse_mode == "HTML"


async def test_help_lists_commands(bot):
    reply = await bot.ask("/help")
    assert "/subscribe [HH:MM] [Area/City]" in reply.text
    assert "/stats" not in reply.text  # not an admin


async def test_an_unknown_command_gets_the_list_of_commands(bot):
    reply = await bot.ask("/frobnicate now")
    assert "I don't know the command /frobnicate" in reply.text
    assert "/follow NAME|TOPIC" in reply.text


async def test_subscribe_with_time_and_zone(bot):
    reply = await bot.ask("/subscribe 07:30 Europe/Kyiv")
    assert "Subscribed." in reply.text and "07:30" in reply.text and "Europe/Kyiv" in reply.text
    sub = subscribers.get_subscriber(bot.app.db, 1001)
    assert sub is not None and sub.active and sub.timezone == "Europe/Kyiv"
    assert sub.digest_time.strftime("%H:%M") == "07:30"


async def test_subscribe_refuses_a_bad_time_and_a_bad_zone_clearly(bot):
    reply = await bot.ask("/subscribe 25:00")
    assert "“25:00” is not a time of day" in reply.text
    reply = await bot.ask("/subscribe 08:00 Europe/Kyiw")
    assert "not a timezone I know" in reply.text and "Europe/Kyiv" in reply.text
    assert subscribers.get_subscriber(bot.app.db, 1001) is None


async def test_unsubscribe_stops_the_digest(bot):
    await bot.ask("/subscribe")
    reply = await bot.ask("/unsubscribe")
    assert "Unsubscribed" in reply.text
    assert subscribers.get_subscriber(bot.app.db, 1001).active is False
    reply = await bot.ask("/unsubscribe")
    assert "not subscribed" in reply.text


async def test_settings_buttons_change_the_length_in_place(bot):
    await bot.ask("/subscribe 08:00 UTC")
    shown = await bot.ask("/settings")
    assert "Length: 5 stories" in shown.text
    assert all(len(b.callback_data.encode()) <= 64 for b in shown.buttons)
    messages_before = len(bot.server.sent_messages(1001))

    press = bot.server.push_callback_query(shown, button="3 stories")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    answered = await bot.server.wait_for("answerCallbackQuery")
    assert answered.params["callback_query_id"] == press["callback_query"]["id"]

    edited = bot.server.message(1001, shown.message_id)
    assert "Length: 3 stories" in edited.text
    assert edited.button("✓ 3 stories")  # the keyboard came back with the new choice marked
    assert len(bot.server.sent_messages(1001)) == messages_before  # edited, not a new message
    assert subscribers.get_subscriber(bot.app.db, 1001).length == 3

    bot.server.push_callback_query(edited, button="Europe/Berlin")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    assert "Timezone: Europe/Berlin" in bot.server.message(1001, shown.message_id).text


async def test_settings_without_a_subscription_offers_one(bot):
    shown = await bot.ask("/settings")
    assert "no daily digest yet" in shown.text
    bot.server.push_callback_query(shown, button="Subscribe at 08:00")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    assert "Subscribed." in bot.server.message(1001, shown.message_id).text
    assert subscribers.get_subscriber(bot.app.db, 1001).active


async def test_a_stale_subscribe_button_subscribes_at_what_its_label_says(bot):
    shown = await bot.ask("/settings")
    await bot.ask("/subscribe 7pm Asia/Tokyo")
    await bot.ask("/unsubscribe")
    bot.server.push_callback_query(shown, button="Subscribe at 08:00 UTC")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    assert "Subscribed." in bot.server.message(1001, shown.message_id).text
    sub = subscribers.get_subscriber(bot.app.db, 1001)
    assert sub.active and (sub.digest_time.isoformat("minutes"), sub.timezone) == ("08:00", "UTC")


async def test_follow_following_and_unfollow_by_button(bot):
    reply = await bot.ask("/follow grain exports")
    assert "Following the topic grain exports" in reply.text
    reply = await bot.ask("/follow Grain  exports")
    assert "already follow" in reply.text
    await bot.ask("/follow shipping")
    listed = await bot.ask("/following")
    assert "grain exports — topic" in listed.text and "shipping — topic" in listed.text

    bot.server.push_callback_query(listed, button="✕ grain exports")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    now = bot.server.message(1001, listed.message_id)
    assert "Stopped following grain exports" in now.text
    assert [f.value for f in subscribers.follows_of(bot.app.db, 1001)] == ["shipping"]

    reply = await bot.ask("/unfollow SHIPPING")
    assert "Stopped following" in reply.text
    reply = await bot.ask("/unfollow shipping")
    assert "You don't follow" in reply.text


async def test_admin_commands_are_refused_politely_to_others(bot):
    reply = await bot.ask("/stats")
    assert "only for the bot's administrators" in reply.text
    admin = User(ADMIN, "Ada", "ada")
    reply = await bot.ask("/stats", user=admin)
    assert "Statistics" in reply.text and "Subscribers" in reply.text


async def test_stats_counts_subscribers(bot):
    await bot.ask("/subscribe", user=BOB)
    reply = await bot.ask("/stats", user=User(ADMIN, "Ada"))
    assert "Subscribers: 1 active of 1" in reply.text


async def test_in_a_group_the_bot_answers_its_commands_quoting_them(bot):
    group = Chat.group(-4001, "Readers")
    bot.server.push_command("/help@someother_bot", chat=group)
    update = bot.server.push_command("help", chat=group, mention=True)
    reply = await bot.server.wait_for_message(-4001)
    assert reply.reply_to.message_id == update["message"]["message_id"]
    assert len(bot.server.sent_messages(-4001)) == 1  # the other bot's command was left alone


async def test_in_a_group_a_command_edited_into_talk_takes_its_answer_back(bot):
    """The answer would stand under a message that now says something else: it is deleted."""
    group = Chat.group(-4003, "Readers")
    update = bot.server.push_command("/help", chat=group, mention=True)
    answer_ = await bot.server.wait_for_message(-4003)
    bot.server.push_edited_message(update["message"]["message_id"], "sorry, wrong chat", chat=group)
    deleted = await bot.server.wait_for("deleteMessage", chat_id=-4003)
    assert deleted.params["message_id"] == answer_.message_id
    assert [m.deleted for m in bot.server.sent_messages(-4003)] == [True]


async def test_an_edited_question_replaces_the_answer(bot):
    first = await bot.ask("/following")
    user_message = bot.server.messages(1001)[-2]
    assert user_message.text == "/following" and not user_message.from_bot
    bot.server.push_edited_message(user_message.message_id, "/follow ports")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    assert "Following the topic ports" in bot.server.message(1001, first.message_id).text
    assert len(bot.server.sent_messages(1001)) == 1


async def test_an_edited_command_that_changed_something_keeps_its_confirmation(bot):
    first = await bot.ask("/follow ports")
    user_message = bot.server.messages(1001)[-2]
    bot.server.push_edited_message(user_message.message_id, "/follow grain")
    second = await bot.server.wait_for_message(1001, text="grain")
    # editing undoes nothing: both follows stand, and both confirmations are on screen
    assert "Following the topic ports" in bot.server.message(1001, first.message_id).text
    assert "Following the topic grain" in second.text and "what it did before still stands" in second.text
    assert second.reply_to is not None and second.reply_to.message_id == user_message.message_id
    assert not bot.server.requests("editMessageText")
    assert {t for (t,) in bot.app.db.execute("SELECT value FROM follows").fetchall()} >= {"ports", "grain"}
    # the new answer, to a question, is edited in place by the next edit; the confirmations stay
    bot.server.push_edited_message(user_message.message_id, "/following")
    await bot.server.wait_for_message(1001, text="You follow:")
    assert len(bot.server.sent_messages(1001)) == 3


async def test_an_edited_command_that_changed_nothing_is_answered_in_place(bot):
    first = await bot.ask("/unfollow ports")  # followed nothing: nothing to keep on screen
    user_message = bot.server.messages(1001)[-2]
    bot.server.push_edited_message(user_message.message_id, "/follow ports")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    assert "Following the topic ports" in bot.server.message(1001, first.message_id).text
    assert len(bot.server.sent_messages(1001)) == 1


async def test_a_command_that_changed_something_edited_into_talk_keeps_its_answer(bot):
    group, ada = Chat.group(-4004, "Readers"), User(ADMIN, "Ada", "ada")
    bot.server.set_member(group, ada, "creator")
    update = bot.server.push_command("/follow ports", chat=group, user=ada)
    confirmation = await bot.server.wait_for_message(-4004)
    bot.server.push_edited_message(update["message"]["message_id"], "never mind", chat=group)
    await bot.server.wait_until_fetched()
    await bot.ask("/help", chat=group)  # handled after the edit
    assert not bot.server.requests("deleteMessage")
    assert not bot.server.message(-4004, confirmation.message_id).deleted


async def test_an_expired_button_is_answered(bot):
    shown = await bot.ask("/following")
    await bot.ask("/follow ports")
    shown = await bot.ask("/following")
    bot.app.db.execute("DELETE FROM callbacks")  # a week later: pruned
    update = bot.server.push_callback_query(shown, button="✕ ports")
    answered = await bot.server.wait_for("answerCallbackQuery")
    assert answered.params["text"] == "This button has expired; send the command again."
    assert bot.server.callback_answer(update)["text"].startswith("This button has expired")


async def test_a_button_older_than_a_week_is_expired_though_still_stored(botapi, tmp_path):
    now = [NOW]
    async with harness(botapi, tmp_path / "week.db", clock=lambda: now[0]) as bot:
        await bot.ask("/follow ports")
        shown = await bot.ask("/following")
        now[0] = NOW + timedelta(days=8)  # no button made since: nothing pruned it
        bot.server.push_callback_query(shown, button="✕ ports")
        answered = await bot.server.wait_for("answerCallbackQuery")
        assert answered.params["text"] == "This button has expired; send the command again."
        assert bot.app.db.execute("SELECT count(*) FROM follows").fetchone()[0] == 1


async def test_a_group_that_becomes_a_supergroup_keeps_its_subscription(bot):
    group = Chat.group(-4002, "Readers")
    await bot.ask("/subscribe 09:00 UTC", chat=group)
    bot.server.push_migration(group, -1009876543210)
    await bot.server.wait_until_fetched()
    reply = await bot.ask("/settings", chat=-1009876543210)
    assert "Digest time: 09:00" in reply.text
    assert subscribers.get_subscriber(bot.app.db, -4002) is None


async def test_an_admin_command_in_a_group_is_answered_in_private_only(bot):
    group, ada = Chat.group(-4005, "Readers"), User(ADMIN, "Ada", "ada")
    reply = await bot.ask("/stats", chat=group, user=ada)
    assert "I answer /stats in a private chat with me only" in reply.text
    assert "Subscribers" not in reply.text
    listed = await bot.ask("/help", chat=group, user=ada)
    assert "/stats" not in listed.text
    assert "Statistics" in (await bot.ask("/stats", user=ada, chat=Chat.private(ada))).text


async def test_an_edit_that_keeps_the_words_sends_no_edit_telegram_would_refuse(bot):
    """A user making a word bold edits the message with the same text (QA22b F6): the answer already
    shows what it would become, and Telegram refuses such an edit with 400 "message is not modified"."""
    first = await bot.ask("/help")
    user_message = bot.server.messages(1001)[-2]
    bot.server.push_edited_message(user_message.message_id, "/help")
    await bot.server.wait_until_fetched()
    await bot.ask("/start")  # handled after the edit
    assert not bot.server.requests("editMessageText")
    assert not bot.server.requests(ok=False)
    assert bot.server.sent_messages(1001)[0].message_id == first.message_id
    assert len(bot.server.sent_messages(1001)) == 2  # the answer to /help and to /start: none for the edit
    bot.server.push_edited_message(user_message.message_id, "/following")  # other words are answered
    await bot.server.wait_for("editMessageText", chat_id=1001)
    assert "follow" in bot.server.message(1001, first.message_id).text.lower()


async def test_an_edit_the_bot_cannot_know_unchanged_is_taken_as_done(bot):
    """After a restart the bot does not know what its messages show: Telegram's 400 "message is not
    modified" is then the answer, and nothing else is sent."""
    first = await bot.ask("/help")
    user_message = bot.server.messages(1001)[-2]
    await bot.ask("/start")  # /help's answer is done with (one chat's updates come in order)
    last_shown(bot.application.bot).clear()  # as after a restart
    bot.server.push_edited_message(user_message.message_id, "/help")
    refused = await bot.server.wait_for("editMessageText", chat_id=1001)
    assert not refused.ok and "not modified" in refused.response["description"]
    await bot.ask("/following")
    assert bot.server.sent_messages(1001)[0].message_id == first.message_id
    assert len(bot.server.sent_messages(1001)) == 3  # /help's, /start's and /following's
