"""End to end: button presses that go wrong in small ways (QA13b F4, F5, F6, F11). A group member's ✕
is refused in an alert and the group's list stays; a double tap on ✕ does not end on "You don't
follow"; a 5xx on the press's acknowledgement or on the page edit still turns the page; Telegram failing
to say who is an administrator is said as such, not as a refusal."""

from __future__ import annotations

import pytest

from briefing.document import Document, Section, bold, heading, para
from briefing.service.commands import COMMANDS, Command, Reply
from store import subscribers
from tests.botapi import Chat, Fault, User
from tests.conftest import NOW
from tests.e2e_helpers import harness

pytestmark = pytest.mark.e2e
ALICE = User(1001, "Alice", "alice")
BOB = User(77, "Bob", "bob")
SORRY = "Sorry, something went wrong"
NOT_CHECKED = "Sorry, I could not check with Telegram whether you are an administrator"


async def longread(app, args, asker) -> Reply:
    stories = tuple(Section((para(bold(f"Story {i}")), para("What happened. " * 8))) for i in range(1, 9))
    return Reply(Document(header=(heading("Briefing"),), sections=stories), paged=True)


@pytest.fixture
async def bot(botapi, tmp_path, monkeypatch):
    monkeypatch.setitem(COMMANDS, "longread", Command("longread", "/longread", "a test double", longread))
    monkeypatch.setattr("briefing.adapters.telegram_send.RETRY_PAUSE", 0.05)
    monkeypatch.setattr("briefing.adapters.telegram_handlers.MEMBER_RETRY_PAUSE", 0.05)
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW) as h:
        yield h


def follows(bot, chat_id: int) -> list[str]:
    return [f.value for f in subscribers.follows_of(bot.app.db, chat_id)]


async def test_a_members_unfollow_button_in_a_group_is_refused_in_an_alert_and_the_list_stays(bot):
    group = Chat.group(-4005, "Readers")
    bot.server.set_member(group, ALICE, "creator")
    bot.server.set_member(group, BOB, "member")
    await bot.ask("/follow ports", chat=group, user=ALICE)
    listed = await bot.ask("/following", chat=group, user=BOB)
    before = (listed.text, listed.buttons)
    update = bot.server.push_callback_query(listed, button="✕ ports", chat=group, user=BOB)
    await bot.server.wait_for("answerCallbackQuery")
    answered = bot.server.callback_answer(update)
    assert answered is not None and answered["show_alert"] is True
    assert answered["text"].startswith("Only this group's administrators")
    assert (listed.text, listed.buttons) == before and listed.edit_date is None
    assert bot.server.requests("editMessageText", chat_id=-4005) == []
    assert follows(bot, -4005) == ["ports"]


async def test_a_double_tap_on_unfollow_ends_on_stopped_following(bot):
    await bot.ask("/follow ports")
    await bot.ask("/follow shipping")
    listed = await bot.ask("/following")
    first = bot.server.push_callback_query(listed, button="✕ ports")
    second = bot.server.push_callback_query(listed, button="✕ ports")  # before the first edit shows
    await bot.server.wait_for(
        "answerCallbackQuery",
        predicate=lambda r: r.params["callback_query_id"] == second["callback_query"]["id"],
    )
    await bot.ask("/help")  # the chat's updates are answered in order: the second press is done
    shown = bot.server.message(1001, listed.message_id)
    assert "Stopped following ports" in shown.text
    assert "don't follow" not in shown.text
    assert len(bot.server.requests("editMessageText", chat_id=1001)) == 1
    assert bot.server.callback_answer(first) is not None and bot.server.callback_answer(second) is not None
    assert follows(bot, 1001) == ["shipping"]


async def test_a_server_error_on_the_acknowledgement_still_turns_the_page(bot):
    shown = await bot.ask("/longread")
    first_page = shown.text  # the server's message object shows its edits
    bot.server.inject(Fault.server_error(500), "answerCallbackQuery")
    bot.server.push_callback_query(shown, button="More")
    edit = await bot.server.wait_for("editMessageText", chat_id=1001, ok=True)
    assert "Story 4" in edit.params["text"]
    assert "Story 4" in shown.text and first_page != shown.text
    assert not any(m.text.startswith(SORRY) for m in bot.server.sent_messages(1001))


async def test_a_server_error_on_the_page_edit_is_tried_once_more(bot):
    shown = await bot.ask("/longread")
    first_page = shown.text
    bot.server.inject(Fault.server_error(502), "editMessageText")
    bot.server.push_callback_query(shown, button="More")
    await bot.server.wait_for("editMessageText", chat_id=1001, ok=True)
    assert [r.status for r in bot.server.requests("editMessageText", chat_id=1001)] == [502, 200]
    assert "Story 4" in shown.text and first_page != shown.text
    assert not any(m.text.startswith(SORRY) for m in bot.server.sent_messages(1001))


async def test_get_chat_member_failing_once_is_asked_again(bot):
    group = Chat.group(-4060, "Readers")
    bot.server.set_member(group, ALICE, "creator")
    bot.server.inject(Fault.server_error(502), "getChatMember")
    reply = await bot.ask("/subscribe 07:00 UTC", chat=group, user=ALICE)
    assert "07:00" in reply.text
    assert [r.status for r in bot.server.requests("getChatMember")] == [502, 200]


async def test_get_chat_member_failing_twice_is_said_not_taken_for_a_refusal(bot):
    group = Chat.group(-4061, "Readers")
    bot.server.set_member(group, ALICE, "creator")
    bot.server.inject(Fault.server_error(502), "getChatMember", times=2)
    reply = await bot.ask("/subscribe 07:00 UTC", chat=group, user=ALICE)
    assert reply.text.startswith(NOT_CHECKED)
    assert "only its administrators" not in reply.text
    assert subscribers.get_subscriber(bot.app.db, -4061) is None
    # on a button: in an alert, the panel left as it is
    await bot.ask("/subscribe 07:00 UTC", chat=group, user=ALICE)
    shown = await bot.ask("/settings", chat=group, user=ALICE)
    before = (shown.text, shown.buttons)
    bot.server.inject(Fault.bad_request("member list is inaccessible"), "getChatMember", times=2)
    update = bot.server.push_callback_query(shown, button="18:00", chat=group, user=ALICE)
    await bot.server.wait_for("answerCallbackQuery")
    answered = bot.server.callback_answer(update)
    assert answered is not None and answered["text"].startswith(NOT_CHECKED) and answered["show_alert"]
    assert (shown.text, shown.buttons) == before and shown.edit_date is None


async def test_an_old_subscribe_button_does_not_undo_a_later_subscribe(bot):
    """QA29a F6: the "Subscribe at 08:00 UTC" of a /settings shown before the chat subscribed moved its
    19:00 Berlin digest back to 08:00 UTC."""
    shown = await bot.ask("/settings")
    [label] = [b.text for b in shown.buttons]
    assert label.startswith("Subscribe at ")
    await bot.ask("/subscribe 7pm Berlin 3 stories")
    before = subscribers.get_subscriber(bot.app.db, 1001)
    bot.server.push_callback_query(shown, button=label)
    await bot.server.wait_for("editMessageText", predicate=lambda r: r.params["chat_id"] == 1001)
    edited = bot.server.message(1001, shown.message_id)
    assert edited.text.startswith("You are subscribed already; nothing changed.")
    assert "19:00" in edited.text and "Europe/Berlin" in edited.text
    assert "That button was made before you subscribed. Change the digest with /settings." in edited.text
    assert subscribers.get_subscriber(bot.app.db, 1001) == before


async def test_a_subscribe_button_of_a_chat_without_a_digest_still_subscribes(bot):
    shown = await bot.ask("/settings")
    [label] = [b.text for b in shown.buttons]
    bot.server.push_callback_query(shown, button=label)
    await bot.server.wait_for("editMessageText", predicate=lambda r: r.params["chat_id"] == 1001)
    assert bot.server.message(1001, shown.message_id).text.startswith("Subscribed.")
    assert subscribers.get_subscriber(bot.app.db, 1001).active
