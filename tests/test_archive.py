"""/sources and /stats count what the archive holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from briefing.paging import split_pages
from briefing.service import archive
from briefing.service.commands import Asker, answer, load_all
from store.db import to_iso
from tests.conftest import NOW

ADMIN = Asker(chat_id=42, user_id=42)
ALICE = Asker(chat_id=1001, user_id=1001)
load_all()


def add_article(db, i: int, source: str) -> None:
    # written as the ingest would store it; the ingest's own functions are not needed for counting
    db["articles"].insert(
        {
            "title": f"Title {i}",
            "body": f"Body {i}",
            "source": source,
            "published_at": to_iso(NOW),  # dated by its outlet, as most news is
            "ingested_at": to_iso(NOW),
            "dated_at": to_iso(NOW),
            "content_hash": f"h{i}",
            "simhash": i,
        }
    )


async def test_sources_with_no_articles(app):
    reply = await answer(app, "/sources", ALICE)
    assert reply.document.text == "I have no articles yet."


async def test_sources_lists_outlets_by_article_count(app):
    for i in range(3):
        add_article(app.db, i, "DW")
    add_article(app.db, 9, "Kyiv Independent")
    reply = await answer(app, "/sources", ALICE)
    text = reply.document.text
    assert "Sources (2 outlets)" in text
    assert text.index("DW — 3 articles, newest today") < text.index("Kyiv Independent — 1 article,")


async def test_an_outlet_tells_its_newest_dated_news_and_says_added_when_it_dated_none(app):
    """An undated article is dated when it was read, which says nothing of its news: an outlet's newest
    is the newest it dated, and one that dated none says when its newest was added (QA17d F7)."""
    add_article(app.db, 1, "harbour_gazette.txt")
    app.db.execute("UPDATE articles SET published_at = ?, dated_at = ? WHERE id = 1",
                   [to_iso(NOW - timedelta(days=250)), to_iso(NOW - timedelta(days=250))])  # fmt: skip
    add_article(app.db, 2, "harbour_gazette.txt")  # undated, read today
    add_article(app.db, 3, "Coast Courier")  # undated, read today
    app.db.execute("UPDATE articles SET published_at = NULL WHERE id IN (2, 3)")
    text = (await answer(app, "/sources", ALICE)).document.text
    newest = (NOW - timedelta(days=250)).strftime("%-d %b %Y")
    assert f"harbour_gazette.txt — 2 articles, newest {newest}" in text
    assert "Coast Courier — 1 article, newest added today" in text


def add_feed(db, name: str, location: str) -> int:
    row = {"kind": "feed", "location": location, "name": name, "added_at": to_iso(NOW), "poll": 1}
    return db["sources"].insert(row).last_pk


async def test_sources_shows_polled_feeds_to_readers_once_they_brought_articles(app):
    fed = add_feed(app.db, "Example feed", "https://ex.com/rss")
    add_feed(app.db, "Science twis", "https://ex.com/science.rss")  # polled, never yielded an article
    add_article(app.db, 1, "Example feed")
    for asker in (ALICE, ADMIN):  # not stored from the feed yet: only the admins see it
        text = (await answer(app, "/sources", asker)).document.text
        assert ("Example feed — last read never yet" in text) == (asker is ADMIN)
        assert ("Science twis" in text) == (asker is ADMIN)
    app.db["articles"].update(1, {"source_id": fed})
    text = (await answer(app, "/sources", ALICE)).document.text
    assert "Feeds read on a schedule" in text and "Example feed — last read never yet" in text
    assert "Science twis" not in text
    text = (await answer(app, "/sources", ADMIN)).document.text
    assert "Example feed — last read never yet" in text and "Science twis — last read never yet" in text


async def test_stats_counts_for_admins(app):
    add_article(app.db, 1, "DW")
    await answer(app, "/subscribe", ALICE)
    await answer(app, "/follow ports", ALICE)
    reply = await answer(app, "/stats", ADMIN)
    text = reply.document.text
    assert "Articles: 1 (+0 near-duplicates recorded)" in text
    assert "Subscribers: 1 active of 1" in text and "Follows: 1" in text
    assert "Deliveries: 0 sent, 0 failed, 0 waiting" in text


async def test_stats_counts_outlets_as_sources_does_and_names_what_else_it_counts(app):
    for i in range(3):
        add_article(app.db, i, "Harbour Wire")
    add_article(app.db, 9, "Kyiv Independent")
    add_feed(app.db, "Harbour Wire", "https://hw.test/rss")
    for k in range(3):
        app.db["sources"].insert(
            {"kind": "page", "location": f"https://hw.test/{k}", "name": "HW", "added_at": to_iso(NOW)}
        )
    sources = (await answer(app, "/sources", ADMIN)).document.text
    stats = (await answer(app, "/stats", ADMIN)).document.text
    assert "Sources (2 outlets)" in sources and "Outlets: 2 (as /sources lists them)" in stats
    assert "Read from: 4 (3 pages, 1 feed)" in stats and "Feeds polled: 1" in stats


async def test_stats_says_how_many_articles_no_source_was_recorded_for(app):
    """The benchmark's corpus and archives older than their sources hold articles with no source row:
    /stats said "Read from: 0" beside "Articles: 3"; now it says none was recorded for them."""
    for i in range(3):
        add_article(app.db, i, "Harbour Wire")
    stats = (await answer(app, "/stats", ADMIN)).document.text
    assert "Read from: no source recorded for the 3 articles" in stats, stats
    feed = add_feed(app.db, "Harbour Wire", "https://hw.test/rss")
    app.db.execute("UPDATE articles SET source_id = ? WHERE id = 1", [feed])
    stats = (await answer(app, "/stats", ADMIN)).document.text
    assert "Read from: 1 (1 feed); 2 articles with no source recorded" in stats, stats


async def test_stats_is_refused_to_others(app):
    reply = await answer(app, "/stats", ALICE)
    assert reply.document.text == "Sorry, /stats is only for the bot's administrators."


async def test_sources_write_dates_as_the_other_replies_do(app):
    add_article(app.db, 1, "DW")
    app.db.execute("UPDATE articles SET dated_at = ?", [to_iso(datetime(2017, 11, 8, 9, 0, tzinfo=UTC))])
    reply = await answer(app, "/sources", ALICE)
    assert "DW — 1 article, newest 8 Nov 2017" in reply.document.text


async def test_sources_of_one_outlet_says_outlet(app):
    add_article(app.db, 1, "DW")
    reply = await answer(app, "/sources", ALICE)
    assert reply.document.sections[0].blocks[0].text == "Sources (1 outlet)"


async def test_sources_pages_every_outlet_instead_of_hiding_some(app):
    """50 outlets: all of them listed, 30 on the first page and the rest on the next (as /more shows),
    none hidden behind "… and 20 more outlets"."""
    for i in range(50):
        add_article(app.db, i, f"Outlet {i:02}")
    reply = await answer(app, "/sources", ALICE)
    text = reply.document.text
    assert "Sources (50 outlets)" in text and "more outlet" not in text
    assert all(f"Outlet {i:02} — 1 article" in text for i in range(50))
    pages = split_pages(reply.document, app.settings.brief_page_size)
    assert reply.paged and len(pages) == 2
    assert pages[0].text.count("— 1 article") == 30 and "Outlet 49" in pages[1].text


async def test_sources_beyond_the_most_listed_are_counted(app, monkeypatch):
    monkeypatch.setattr(archive, "MAX_OUTLETS", 12)
    for i in range(15):
        add_article(app.db, i, f"Outlet {i:02}")
    text = (await answer(app, "/sources", ALICE)).document.text
    assert "Outlet 11" in text and "Outlet 12" not in text and text.endswith("… and 3 more outlets.")


async def test_the_terminal_chat_is_told_how_to_run_admin_commands_and_telegram_is_not(app):
    terminal = Asker(chat_id=0, user_id=0)
    text = (await answer(app, "/stats", terminal)).document.text
    assert text.startswith("Sorry, /stats is only for the bot's administrators.")
    assert "start the bot with BRIEFING_ADMINS=0 to use the admin commands here." in text
    assert "BRIEFING_ADMINS" not in (await answer(app, "/stats", ALICE)).document.text
