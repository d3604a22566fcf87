"""End to end with the news: the real /brief, /actor, /search, /latest, /follow and /ingest on the seeded
archive, through the loopback Bot API server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from aiohttp import web

from briefing.render import utf16_len
from briefing.service import App
from briefing.service.ingest import ingest_files
from briefing.service.seeding import ensure_seeded
from config import load_settings
from store import open_db
from store.sources import find_source
from store.subscribers import follows_of
from tests.botapi import User
from tests.conftest import NOW
from tests.e2e_helpers import ADMIN, harness

pytestmark = pytest.mark.e2e
PNG = b"\x89PNG\r\n\x1a\n"
HOSTILE_TITLE = "Port <b>strike</b> & </a> talks collapse"
HOSTILE_DUMP = f"""World

{HOSTILE_TITLE}

By Anna Ehl

Published: Wed 22 Jan 2025, 6:19 PM

Dock workers in Rotterdam walked out on Wednesday after talks with the <i>port authority</i> & the
shipping lines collapsed over pay. The union said the strike would last until an offer was made.

Shipping companies warned that containers would pile up within days if the strike went on, and that
ships could be diverted to Antwerp & Hamburg.
"""


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory) -> Path:
    """The seeds and one hostile article, ingested once for the whole session."""
    folder = tmp_path_factory.mktemp("seeded")
    path = folder / "seeded.db"
    app = App(open_db(path), load_settings({"BRIEFING_DB": str(path)}), clock=lambda: NOW)
    ensure_seeded(app)
    (folder / "hostile.txt").write_text(HOSTILE_DUMP, encoding="utf-8")
    report = ingest_files(app, [folder / "hostile.txt"])
    assert report.new == 1, report
    app.db.conn.close()  # checkpoints the WAL: the file alone is the database
    return path


@pytest.fixture
async def bot(botapi, seeded_db, tmp_path):
    path = tmp_path / "bot.db"
    shutil.copy(seeded_db, path)
    async with harness(botapi, path, clock=lambda: NOW) as h:
        yield h


async def test_actor_sends_the_dossier_then_a_chart_of_mentions(bot):
    reply = await bot.ask("/actor Kellogg")
    assert "KEITH KELLOGG" in reply.text.upper() and reply.parse_mode == "HTML"
    photo = await bot.server.wait_for("sendPhoto", chat_id=1001, ok=True)
    assert photo.files["photo"].data.startswith(PNG)
    assert "Keith Kellogg" in photo.params["caption"]
    assert photo.seq > bot.server.last("sendMessage", chat_id=1001).seq


async def test_brief_pages_with_more_in_place(bot):
    first = await bot.ask("/brief")
    first_text = first.text  # the stored message changes when it is edited
    assert first.buttons[0].text.startswith("More ▸")
    assert all(len(b.callback_data.encode()) <= 64 for b in first.buttons)
    bot.server.push_callback_query(first, button="More")
    await bot.server.wait_for("editMessageText", chat_id=1001)
    second = bot.server.message(1001, first.message_id)
    assert second.text != first_text and "Page 2 of" in second.text
    assert second.button("Back")
    assert len(bot.server.sent_messages(1001)) == 1


async def test_hostile_text_in_an_article_and_in_a_query_is_shown_as_written(bot):
    reply = await bot.ask("/search strike Rotterdam")
    assert HOSTILE_TITLE in reply.text
    reply = await bot.ask("/search <b>Rotterdam</b> & </a>")
    assert "Rotterdam" in reply.text
    assert all(r.ok for r in bot.server.requests("sendMessage")), "Telegram would have refused our HTML"


async def test_plain_text_is_a_search(bot):
    reply = await bot.ask("Kellogg envoy")
    assert "Kellogg" in reply.text
    assert reply.text != (await bot.ask("/help")).text


async def test_follow_an_actor_by_any_of_its_names(bot):
    reply = await bot.ask("/follow Kellogg")
    assert "Following Keith Kellogg (person)" in reply.text
    follows = follows_of(bot.app.db, 1001)
    assert [(f.kind, f.value) for f in follows] == [("actor", "Keith Kellogg")] and follows[0].actor_id
    reply = await bot.ask("/follow grain exports")
    assert "Following the topic grain exports" in reply.text
    reply = await bot.ask("/unfollow kellogg")
    assert "Stopped following Keith Kellogg" in reply.text


async def test_follow_several_names_in_one_message_follows_each(bot):
    """QA18a F1: a list of names, or the command typed twice on one line, was one topic matching nothing."""
    reply = await bot.ask("/follow Trump /follow Putin")
    assert "Following:" in reply.text and "Donald Trump (person)" in reply.text
    reply = await bot.ask("/follow Kellogg, Zelensky")
    assert "Keith Kellogg (person)" in reply.text and "Volodymyr Zelensky (person)" in reply.text
    follows = follows_of(bot.app.db, 1001)
    assert {f.value for f in follows} == {
        "Donald Trump",
        "Vladimir Putin",
        "Keith Kellogg",
        "Volodymyr Zelensky",
    }
    assert all(f.kind == "actor" and f.actor_id for f in follows)
    nothing = await bot.ask("/follow xyzzyqq")
    assert "Following the topic xyzzyqq" in nothing.text
    assert "Nothing in the archive matches xyzzyqq yet" in nothing.text
    listed = await bot.ask("/following")
    assert all(len(b.callback_data.encode()) <= 64 for b in listed.buttons)


async def test_unfollow_several_names_and_one_command_a_line(bot):
    """/unfollow takes lists as /follow does; another command on the line is not a name; a place with its
    state is one name."""
    await bot.ask("/follow Trump /follow Putin")
    await bot.ask("/follow Kellogg, Zelensky")
    reply = await bot.ask("/unfollow Kellogg, Zelensky")
    assert "Stopped following Keith Kellogg and Volodymyr Zelensky." in reply.text
    assert [b.callback_data for b in reply.buttons] and all(
        len(b.callback_data.encode()) <= 64 for b in reply.buttons
    )
    reply = await bot.ask("/unfollow Trump /unfollow Putin")
    assert "Stopped following Donald Trump and Vladimir Putin. You follow nothing now." in reply.text
    assert follows_of(bot.app.db, 1001) == []
    reply = await bot.ask("/follow Trump /latest")
    assert "Following Donald Trump (person)." in reply.text
    assert "One command a message: I did only the first; send /latest again on its own." in reply.text
    reply = await bot.ask("/follow Washington, D.C.")
    assert "Following Washington (place), for “Washington, D.C.”." in reply.text
    assert {f.value for f in follows_of(bot.app.db, 1001)} == {"Donald Trump", "Washington"}
    assert all(r.ok for r in bot.server.requests("sendMessage")), "Telegram would have refused our HTML"


async def test_follow_drops_markup_and_escapes_what_it_shows(bot):
    """QA18a F9: "<i>x</i>" was kept as words to match, and "&amp;" lost its ";"."""
    reply = await bot.ask('/follow "quoted" & <i>x</i> &amp;')
    assert reply.text.startswith('Following the topic "quoted" & x.')
    assert '<b>"quoted" &amp; x</b>' in reply.html  # the "&" escaped as it is sent
    assert [f.value for f in follows_of(bot.app.db, 1001)] == ['"quoted" & x']


async def test_every_reply_part_fits_telegram(bot):
    for command in ("/brief", "/latest", "/actor Zelensky", "/sources", "/search Ukraine"):
        await bot.ask(command)
    assert all(utf16_len(m.text or m.caption or "") <= 4096 for m in bot.server.sent_messages(1001))


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour News</title><link>{base}/</link><description>x</description>
<item><title>Harbour wall to be raised before winter</title><link>{base}/wall</link>
<pubDate>Wed, 22 Jan 2025 10:00:00 GMT</pubDate>
<description>{body}</description></item>
</channel></rss>
"""
BODY = (
    "The council met on Tuesday night to discuss the new harbour wall, which engineers say must be "
    "raised by a metre before the winter storms arrive. " * 6
)


@pytest.fixture
def site(site):
    """The test site (conftest), serving a feed."""

    async def feed(request: web.Request) -> web.Response:
        text = FEED.format(base=site.base, body=BODY)
        return web.Response(text=text, content_type="application/rss+xml")

    site.add("/harbour.rss", feed)
    return site


async def test_ingest_a_feed_registers_it_for_polling(bot, site):
    admin = User(ADMIN, "Ada")
    url = site.url("/harbour.rss")
    reply = await bot.ask(f"/ingest {url}", user=admin, wait_text="Ingested")
    assert "1 new" in reply.text and "is now read every 30 minutes" in reply.text
    source = find_source(bot.app.db, url)
    assert source.kind == "feed" and source.poll
    reply = await bot.ask("/search harbour wall")
    assert "Harbour wall to be raised" in reply.text


async def test_ingest_refuses_files_and_non_admins(bot, site):
    reply = await bot.ask("/ingest /etc/passwd", user=User(ADMIN, "Ada"))
    assert "Only http(s) addresses" in reply.text
    reply = await bot.ask(f"/ingest {site.url('/page')}")
    assert "only for the bot's administrators" in reply.text


async def test_ingest_reports_a_failure(bot, site):
    reply = await bot.ask(
        f"/ingest {site.url('/missing')}", user=User(ADMIN, "Ada"), wait_text="Nothing was ingested"
    )
    assert "Failed:" in reply.text and "404" in reply.text


async def test_brief_on_a_topic_latest_and_sources_say_what_the_archive_holds(bot):
    from store.search import latest_articles
    from store.stats import outlet_counts

    reply = await bot.ask("/brief North Korea")
    assert reply.text.upper().startswith("STORIES ABOUT “NORTH KOREA”")
    assert "North Korea" in reply.text.split("\n", 3)[2]  # the first story's headline is about it
    assert "outlet" in reply.text and reply.buttons  # each story names its sources; they have a button

    reply = await bot.ask("/latest")
    newest = [a.title for a in latest_articles(bot.app.db, limit=3)]
    positions = [reply.text.find(title[:40]) for title in newest]
    assert -1 not in positions and positions == sorted(positions), (newest, reply.text)

    reply = await bot.ask("/sources")
    outlets, _ = outlet_counts(bot.app.db)
    for outlet in outlets[:3]:
        assert outlet.name in reply.text and f"{outlet.name} — {outlet.articles}" in reply.text, reply.text


async def test_an_edited_actor_command_shows_the_new_chart_in_place_of_the_old(bot):
    first = await bot.ask("/actor Kellog")
    sent = await bot.server.wait_for("sendPhoto", chat_id=1001, ok=True)
    chart_id = sent.message.message_id
    command = next(m for m in bot.server.messages(1001) if m.text == "/actor Kellog")
    bot.server.push_edited_message(command.message_id, "/actor Putin")
    await bot.server.wait_for("editMessageMedia", chat_id=1001, ok=True)
    assert "Vladimir Putin" in bot.server.message(1001, first.message_id).text
    chart = bot.server.message(1001, chart_id)
    assert chart.caption.startswith("Vladimir Putin: mentions per day (") and chart.photo.data.startswith(PNG)
    assert [v.partition(" (")[0] for v in chart.versions] == ["Keith Kellogg: mentions per day"]
    assert [m.message_id for m in bot.server.sent_messages(1001) if not m.deleted] == [
        first.message_id,
        chart_id,
    ]
    assert not bot.server.requests("sendPhoto", since=sent.seq + 1)  # one chart, in its place

    bot.server.push_edited_message(command.message_id, "/following")  # an answer without a chart
    await bot.server.wait_for("deleteMessage", chat_id=1001, ok=True)
    assert bot.server.message(1001, chart_id).deleted
    assert "You follow nothing" in bot.server.message(1001, first.message_id).text
    bot.server.push_edited_message(command.message_id, "/actor Kellogg")  # and back: a chart again
    again = await bot.server.wait_for("sendPhoto", chat_id=1001, ok=True)
    assert "Keith Kellogg" in again.params["caption"]
    assert [m.message_id for m in bot.server.sent_messages(1001) if not m.deleted] == [
        first.message_id,
        again.message.message_id,
    ]


async def test_latest_pages_hold_more_short_entries_than_brief_and_keep_them_when_turned(bot):
    from store.search import latest_articles

    titles = [a.title[:40] for a in latest_articles(bot.app.db, limit=16)]
    page = await bot.ask("/latest 16")
    texts = [page.text]
    while any(b.text.startswith("More") for b in page.buttons):
        bot.server.push_callback_query(page, button="More")
        await bot.server.wait_for("editMessageText", chat_id=1001)
        page = bot.server.message(1001, page.message_id)
        texts.append(page.text)
    assert 2 <= len(texts) <= 3, texts  # 16 at 3 a page were 6 pages
    assert all(utf16_len(text) <= 4096 for text in texts)
    assert [sum(title in text for text in texts) for title in titles] == [1] * len(titles)
    assert sum(title in texts[0] for title in titles) >= 6


async def test_a_pasted_entry_of_a_list_finds_its_article_first(bot):
    """A /latest entry copied from the chat (its headline, its outlet and age on the next line) and sent
    back: the article of that headline comes first, its title shown as written; Telegram takes the HTML."""
    reply = await bot.ask(f"{HOSTILE_TITLE}\nexample · 3 h ago")
    html = bot.server.last("sendMessage", chat_id=1001).params["text"]
    shown = "Port &lt;b&gt;strike&lt;/b&gt; &amp; &lt;/a&gt; talks collapse"
    assert html.startswith(f"<b>Articles with “{shown}”</b>")
    assert "The article with this headline" in reply.text
    first_entry = reply.text.split("\n\n")[1]
    assert first_entry.startswith(HOSTILE_TITLE)
    assert all(r.ok for r in bot.server.requests("sendMessage")), "Telegram would have refused our HTML"


async def test_a_search_that_finds_nothing_offers_commands_that_do(bot):
    reply = await bot.ask("Zelinsky peace deal")
    html = bot.server.last("sendMessage", chat_id=1001).params["text"]
    assert reply.text.startswith("Nothing in the archive matches “Zelinsky peace deal”.")
    assert "did you mean <b>Volodymyr Zelensky</b>? <code>/search Zelensky peace deal</code>" in html
    assert "<code>/latest</code>" in html
    assert all(r.ok for r in bot.server.requests("sendMessage")), "Telegram would have refused our HTML"
