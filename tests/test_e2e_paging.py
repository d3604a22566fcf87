"""End to end: long replies in pages with "More" and "Sources" buttons, split messages, hostile text and
pictures. The commands here are test doubles registered for the test only."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from briefing.ages import age
from briefing.charts import mentions_chart
from briefing.document import Document, Section, bold, heading, link, message, para
from briefing.render import html_messages, utf16_len
from briefing.service.commands import COMMANDS, Command, Reply
from tests.botapi.faults import Fault
from tests.conftest import NOW
from tests.e2e_helpers import harness

pytestmark = pytest.mark.e2e
HOSTILE = "<b>bold</b> & </a> <script>"
PNG = b"\x89PNG\r\n\x1a\n"


def story(i: int) -> Section:
    return Section(
        (
            para(bold(f"Story {i}: {HOSTILE}")),
            para(
                "What happened, in a few words. " * 8,
                link(f"Outlet {i} & Co", f"https://example.com/{i}?a=1&b=2"),
            ),
        )
    )


async def longread(app, args, asker) -> Reply:
    return Reply(
        Document(header=(heading("Briefing"),), sections=tuple(story(i) for i in range(1, 9))), paged=True
    )


async def longstories(app, args, asker) -> Reply:
    # three stories of about 2,000 characters each: five to a page would not fit in one message
    long = [Section((para(bold(f"Long story {i}")), para(f"Fact {i}. " * 260))) for i in range(1, 4)]
    return Reply(Document(header=(heading("Briefing"),), sections=tuple(long)), paged=True)


async def dated(app, args, asker) -> Reply:
    now = app.now()
    sections = tuple(Section((para(bold(f"Story {i}")), para("updated ", age(now, now)))) for i in range(5))
    return Reply(Document(header=(heading("Briefing"),), sections=sections), paged=True)


async def essay(app, args, asker) -> Reply:
    # about 15,000 UTF-16 units, with characters outside the BMP that count twice
    paragraphs = [para(f"Paragraph {i}: " + "news 📰 & more <i>words</i> " * 22) for i in range(1, 31)]
    return Reply(Document(sections=(Section(tuple(paragraphs)),)))


async def chart(app, args, asker) -> Reply:
    png = mentions_chart([(date(2025, 1, d), d % 4 + 1) for d in range(10, 23)], title="Keith Kellogg")
    return Reply(message("Keith Kellogg in the news."), photo=png, photo_caption="Mentions per day")


async def echo(app, args, asker) -> Reply:
    return Reply(message(para("You asked for: ", bold(args))))


@pytest.fixture
def doubles(monkeypatch):
    for name, handler in (
        ("longread", longread),
        ("longstories", longstories),
        ("essay", essay),
        ("dated", dated),
        ("chart", chart),
        ("search", echo),
    ):
        monkeypatch.setitem(COMMANDS, name, Command(name, f"/{name}", "a test double", handler))


@pytest.fixture
async def bot(doubles, botapi, tmp_path):
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW) as h:
        yield h


async def test_more_turns_the_page_in_place(bot):
    first = await bot.ask("/longread")
    assert "Story 1" in first.text and "Story 3" in first.text and "Story 4" not in first.text
    assert "Page 1 of 3" in first.text
    assert all(len(b.callback_data.encode()) <= 64 for b in first.buttons)
    assert [b.text for b in first.buttons] == ["More ▸ 2/3", "Sources"]

    bot.server.push_callback_query(first, button="More")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    second = bot.server.message(1001, first.message_id)
    assert "Story 4" in second.text and "Story 1" not in second.text and "Page 2 of 3" in second.text
    assert [b.text for b in second.buttons] == ["◂ Back", "More ▸ 3/3", "Sources"]

    bot.server.push_callback_query(second, button="More")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    third = bot.server.message(1001, first.message_id)
    assert "Story 7" in third.text and "Story 8" in third.text and "Page 3 of 3" in third.text
    assert not any(b.text.startswith("More") for b in third.buttons)
    assert len(bot.server.sent_messages(1001)) == 1  # one message, edited twice
    assert len(bot.server.requests("answerCallbackQuery")) == 2


async def test_a_note_on_what_was_not_done_is_on_every_page(bot):
    first = await bot.ask("/longread\n/search ports")
    note = "One command a message: I did only the first; send /search ports again on its own."
    assert note in first.text and first.text.index(note) < first.text.index("Page 1 of 3")
    bot.server.push_callback_query(first, button="More")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    assert note in bot.server.message(1001, first.message_id).text


async def test_a_press_too_old_to_answer_still_turns_the_page(bot):
    first = await bot.ask("/longread")
    bot.server.inject(
        Fault.bad_request("query is too old and response timeout expired or query ID is invalid"),
        "answerCallbackQuery",
    )
    bot.server.push_callback_query(first, button="More")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    assert "Page 2 of 3" in bot.server.message(1001, first.message_id).text
    assert len(bot.server.sent_messages(1001)) == 1  # no "something went wrong"


async def test_a_page_is_one_message_however_long_its_stories_and_turning_it_edits_that(bot):
    first = await bot.ask("/longstories")
    assert len(bot.server.sent_messages(1001)) == 1
    assert "Long story 1" in first.text and "Long story 2" not in first.text
    assert [b.text for b in first.buttons] == ["More ▸ 2/3"]
    bot.server.push_callback_query(first, button="More")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    second = bot.server.message(1001, first.message_id)
    assert "Long story 2" in second.text and "Long story 1" not in second.text
    assert len(bot.server.sent_messages(1001)) == 1  # the page was turned in place, nothing left behind


async def test_sources_lists_the_links_of_the_page_and_back_returns(bot):
    first = await bot.ask("/longread")
    bot.server.push_callback_query(first, button="Sources")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    sources = bot.server.message(1001, first.message_id)
    assert "Sources" in sources.text and "Outlet 2 & Co" in sources.text and "Outlet 4" not in sources.text
    urls = [e["url"] for e in sources.entities if e["type"] == "text_link"]
    assert urls == [
        "https://example.com/1?a=1&b=2",
        "https://example.com/2?a=1&b=2",
        "https://example.com/3?a=1&b=2",
    ]

    bot.server.push_callback_query(sources, button="Back")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    assert "Page 1 of 3" in bot.server.message(1001, first.message_id).text


async def test_hostile_text_is_escaped_in_replies_and_queries(bot):
    page = await bot.ask("/longread")
    assert f"Story 1: {HOSTILE}" in page.text  # shown as typed; the server's strict parser accepted it
    reply = await bot.ask(f"/search {HOSTILE} Tom & Jerry")
    assert f"You asked for: {HOSTILE} Tom & Jerry" in reply.text
    reply = await bot.ask(f"{HOSTILE} plain text is a search")
    assert f"You asked for: {HOSTILE} plain text is a search" in reply.text
    assert all(r.ok for r in bot.server.requests("sendMessage"))


async def test_a_long_reply_is_sent_in_order_in_parts_within_4096_utf16_units(bot):
    expected = html_messages((await essay(None, "", None)).document)
    assert len(expected) >= 4
    await bot.ask("/essay")
    # a chat gets 3 messages in any 3 seconds (ChatRateLimiter): the parts past the third, one a second
    records = await bot.server.wait_for_requests(
        len(expected), "sendMessage", chat_id=1001, ok=True, timeout=len(expected) + 5.0
    )
    parts = bot.server.sent_messages(1001)
    assert [r.params["text"] for r in records] == expected
    assert all(utf16_len(m.text) <= 4096 for m in parts)
    text = "\n".join(m.text for m in parts)
    numbers = [
        int(line.split(":")[0].split()[1]) for line in text.splitlines() if line.startswith("Paragraph")
    ]
    assert numbers == list(range(1, 31))
    assert all(r.params["parse_mode"] == "HTML" for r in records)


async def test_the_chart_is_uploaded_as_a_png_photo(bot):
    reply = await bot.ask("/chart")
    assert reply.text == "Keith Kellogg in the news."
    upload = await bot.server.wait_for("sendPhoto", chat_id=1001, ok=True)
    data = upload.files["photo"].data
    assert data.startswith(PNG) and len(data) < 200_000
    photo = bot.server.sent_messages(1001)[-1]
    assert photo.caption == "Mentions per day"
    assert (photo.photo.width, photo.photo.height) == (800, 400)


async def test_an_edited_message_replaces_a_long_answer(bot):
    first = await bot.ask("/longread")
    user_message = bot.server.messages(1001)[0]
    bot.server.push_edited_message(user_message.message_id, "/search ports")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    edited = bot.server.message(1001, first.message_id)
    assert edited.text == "You asked for: ports" and edited.buttons == []


async def test_the_more_button_of_an_old_message_still_works_after_other_commands(bot):
    first = await bot.ask("/longread")
    await bot.ask("/essay")
    bot.server.push_callback_query(first, button="More")
    # after the essay's parts, paced 3 in any 3 seconds in one chat (ChatRateLimiter)
    await bot.server.wait_for("editMessageText", chat_id=1001, timeout=15.0)
    assert "Page 2 of 3" in bot.server.message(1001, first.message_id).text


async def test_an_empty_reply_still_answers(bot, monkeypatch):
    async def empty(app, args, asker) -> Reply:
        return Reply(Document())

    monkeypatch.setitem(COMMANDS, "empty", Command("empty", "/empty", "a test double", empty))
    reply = await bot.ask("/empty")
    assert reply.text == "Nothing to show."


async def test_a_page_turned_later_tells_its_ages_as_of_the_press(doubles, botapi, tmp_path):
    """The page is kept for a week behind its buttons: "updated just now" must not outlive the moment."""
    clock = [NOW]
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: clock[0]) as bot:
        first = await bot.ask("/dated")
        assert "Story 1\nupdated just now" in first.text
        clock[0] = NOW + timedelta(minutes=6)
        bot.server.push_callback_query(first, button="More")
        await bot.server.wait_for("editMessageText", chat_id=1001)
        second = bot.server.message(1001, first.message_id)
        assert "Story 4\nupdated 6 min ago" in second.text and "just now" not in second.text


def press_forged(server, message, data: str) -> dict:
    """A press with data no button on the message has (an old client's, or forged)."""
    query = server.state.new_callback_query(server.user, message, data)
    payload = {"id": query.id, "from": server.user.to_dict(), "message": message.to_dict(),
               "chat_instance": "7", "data": data}  # fmt: skip
    return server.push_update({"callback_query": payload})


async def test_a_page_the_reply_does_not_have_is_an_expired_button(bot):
    first = await bot.ask("/longread")
    key = first.buttons[0].callback_data.partition(":")[0]
    for action in ("p99", "p0", "s9"):
        update = press_forged(bot.server, first, f"{key}:{action}")
        await bot.server.wait_for("answerCallbackQuery")
        assert bot.server.callback_answer(update)["text"].startswith("This button has expired")
    assert not bot.server.requests("editMessageText")


async def test_a_double_tap_of_more_turns_the_page_once(bot):
    first = await bot.ask("/longread")
    bot.server.push_callback_query(first, button="More")
    bot.server.push_callback_query(first, button="More")  # pressed again before the page turned
    await bot.server.wait_for_requests(2, "answerCallbackQuery", since=0)
    await bot.ask("/search ports")  # handled after both presses
    assert len(bot.server.requests("editMessageText")) == 1
    assert "Page 2 of 3" in bot.server.message(1001, first.message_id).text
