"""The admins hear of the entries their polled feeds give up (once each, a feed at most once a day), and
once of a feed that keeps listing stored entries while every new entry it lists is given up: it is never
failing (it answers, and a single dead entry of a healthy feed is no failure), but no news of it arrives.
An entry with no URL and no text is given up once, by its guid or its title and date."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web

from briefing.adapters.jobs import run_feed_polling
from briefing.service import App, give_ups
from briefing.service.commands import Asker, answer, load_all
from briefing.service.polling import poll_due_feeds
from store.articles import find_by_url
from store.db import transaction
from store.feed_entries import give_ups_by_feed
from store.sources import entry_stall, find_source, set_polling, upsert_source
from tests.botapi import Fault
from tests.digestkit import QUICK, Clock, fast_pacer

T = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)
WORDS = (
    "council residents harbour ferry quay dunes storm winter season port authority vote hearing town hall "
    "mayor budget railway bridge school hospital fishermen coastguard sailors tourists workers police "
    "court ruling strike union shipyard engine cargo lorries passengers timetable weather forecast beach "
    "volunteers sandbags governor army minister plan proposal delay spring summer river museum festival"
).split()


def body(key: str) -> str:
    """Sentences of a story of its own for each key: no two stories are near-duplicates."""
    rng = random.Random(key)
    sentences = [
        f"The {' '.join(rng.sample(WORDS, 5))} in Gdynia said the {' '.join(rng.sample(WORDS, 6))} waits."
        for _ in range(8)
    ]
    return " ".join(sentences)


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(T))


def feed(base: str, items: list[tuple[str, str | None, str]]) -> bytes:
    """A feed of entries (title, link path or None, description), each dated 23 Jan 2025."""
    xml = "".join(
        f"<item><title>{title}</title>{f'<link>{base}{path}</link>' if path else ''}"
        f"<description>{text}</description><pubDate>Thu, 23 Jan 2025 10:00:00 GMT</pubDate></item>"
        for title, path, text in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Post</title><link>{base}/</link>'
        f"{xml}</channel></rss>"
    ).encode()


async def page(request: web.Request) -> web.Response:
    """A story's page at /good/KEY, headlined "Gdynia KEY story"; anything else is gone (404)."""
    key = request.path.rsplit("/", 1)[-1]
    if not request.path.startswith("/good/"):
        return web.Response(status=404, text="gone")
    title = f"Gdynia {key} story"
    html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    return web.Response(text=html + f"<p>{body(key)}</p></article></body></html>", content_type="text/html")


def good(key: str) -> tuple[str, str, str]:
    return (f"Gdynia {key} story", f"/good/{key}", "Read more")


def dead(key: str) -> tuple[str, str, str]:
    """An entry whose page is gone, with nothing in the feed to keep instead."""
    return (f"Gdynia {key} story", f"/dead/{key}", "Read more")


def polled_feed(app: App, site, items) -> str:
    site.add_bytes("/feed.xml", feed(site.base, items), "application/rss+xml")
    for path in {path for _, path, _ in items if path}:
        site.add(path, page)
    url = site.url("/feed.xml")
    source = upsert_source(app.db, kind="feed", location=url, name="Baltic Post", now=T)
    with transaction(app.db):
        set_polling(app.db, source.id, True)
    return url


async def feeds_list(app: App) -> str:
    load_all()
    return (await answer(app, "/feeds", Asker(chat_id=42, user_id=42))).document.text


async def test_a_feed_whose_new_entries_all_fail_is_told_once_while_it_stays_healthy(
    app, site, botapi, botapi_bot
):
    """The feed keeps listing the quay and dunes stories it stored, and each poll brings one new entry
    whose page is gone: the first give-up is told, the next waits (a feed at most once a day), and the
    third poll in a row that reads none of its new entries tells the admins the feed is stalled, once;
    /feeds shows it. The feed is never failing. A new entry read ends the run; another run is told again."""
    stored = [good("quay"), good("dunes")]
    url = polled_feed(app, site, stored)
    at, texts = T, []

    async def poll(items) -> None:
        nonlocal at
        site.add_bytes("/feed.xml", feed(site.base, items), "application/rss+xml")
        for _, path, _ in items:
            site.add(path, page)
        app.clock.now = at
        polled, _ = await run_feed_polling(app, botapi_bot, now=at, pacer=fast_pacer(), policy=QUICK)
        assert polled.polled == 1
        source = find_source(app.db, url)
        assert (source.failures, source.paused, source.last_error) == (0, False, None), source.last_error
        texts.append([m.text for m in botapi.sent_messages(42)])
        at = source.next_poll_at

    await poll(stored)
    assert find_by_url(app.db, site.url("/good/quay")) is not None
    dead_ones = []
    for n in range(1, 6):
        dead_ones.append(dead(f"ferry{n}"))
        await poll(stored + dead_ones)
    told = texts[-1]
    assert len(told) == 2, told  # nothing more after the stall notice, though two more polls gave up
    first, stall = told
    assert (
        first.startswith("Feed entries given up")
        and "gave up 1 entry: “Gdynia ferry1 story” (HTTP 404" in first
    )
    assert texts[2] == [first]  # ferry2 waited: a feed's give-ups at most once a day
    assert texts[3] == told  # the third poll in a row that read none of its new entries
    assert stall.startswith("Feed's new entries all given up") and "Baltic Post" in stall
    assert (
        "Its last 3 polls that found new entries read none of them: 3 entries given up, the first of those"
        " polls 1 h ago. The last: “Gdynia ferry3 story” (HTTP 404 Not Found)."
    ) in stall, stall
    assert "/unfeed" in stall
    listed = await feeds_list(app)
    assert "last read" in listed and "none of its new entries read in its last 5 polls with any" in listed
    assert "gave up 5 entries" in listed
    # a new entry read ends the run: /feeds no longer says so, and no message
    await poll([*stored, *dead_ones, good("harbour")])
    assert find_by_url(app.db, site.url("/good/harbour")) is not None
    assert entry_stall(app.db, find_source(app.db, url).id).polls == 0
    assert "none of its new entries" not in await feeds_list(app)
    assert len(texts[-1]) == 2
    # another run of three polls: told again
    for n in range(6, 9):
        dead_ones.append(dead(f"ferry{n}"))
        await poll([*stored, good("harbour"), *dead_ones])
    assert len(texts[-1]) == 3 and texts[-1][2].startswith("Feed's new entries all given up")


async def test_a_single_dead_entry_among_entries_that_arrive_never_stalls_its_feed(app, site):
    """Each poll brings a story that arrives and one whose page is gone: the feed's new entries do not all
    fail, so it is never stalled (only its give-ups are told)."""
    items = [good("quay")]
    url = polled_feed(app, site, items)
    at = T
    for n in range(6):
        items += [good(f"harbour{n}"), dead(f"ferry{n}")]
        site.add_bytes("/feed.xml", feed(site.base, items), "application/rss+xml")
        for _, path, _ in items:
            site.add(path, page)
        app.clock.now = at
        report = await poll_due_feeds(app, now=at)
        assert report.stalled == () and report.new_articles >= 1
        at = find_source(app.db, url).next_poll_at
    assert entry_stall(app.db, find_source(app.db, url).id).polls == 0
    assert "none of its new entries" not in await feeds_list(app)


async def test_each_give_up_is_told_once_and_a_feed_at_most_once_a_day(app, site):
    items = [good("quay"), dead("ferry")]
    url = polled_feed(app, site, items)
    first = await poll_due_feeds(app, now=T)
    ((news,),) = [first.gave_up]
    assert [g.sighting.title for g in news.entries] == ["Gdynia ferry story"]
    assert (
        "gave up 1 entry: “Gdynia ferry story” (HTTP 404 Not Found)"
        in give_ups.give_ups_notice(first.gave_up).text
    )
    give_ups.note_told(app, news, T)  # sent (run_feed_polling records it once an admin received it)
    # half an hour later: a new dead entry waits for the feed's next notice, and the ferry, given up again
    # as a new version (another title), is not told again
    items = [good("quay"), ("Gdynia ferry story, updated", "/dead/ferry", "Read more"), dead("dunes")]
    site.add_bytes("/feed.xml", feed(site.base, items), "application/rss+xml")
    at = find_source(app.db, url).next_poll_at
    app.clock.now = at
    second = await poll_due_feeds(app, now=at)
    assert len(second.failed) == 2 and second.gave_up == ()
    # a day after the first notice, a poll tells what waited: the dunes alone
    at = T + give_ups.NOTICE_GAP
    app.clock.now = at
    third = await poll_due_feeds(app, now=at)
    ((news,),) = [third.gave_up]
    assert [g.sighting.title for g in news.entries] == ["Gdynia dunes story"]
    give_ups.note_told(app, news, at)
    app.clock.now = at = at + timedelta(days=2)
    assert (await poll_due_feeds(app, now=at)).gave_up == ()


def textless(base: str, *, guid: bool) -> bytes:
    """The Baltic Post's feed: a story that arrives, and a timetable entry with no link of its own and
    no text ("Timetable"), with a guid or without."""
    tag = '<guid isPermaLink="false">timetable-2025-01</guid>' if guid else ""
    items = (
        f"<item><title>Gdynia quay story</title><link>{base}/good/quay</link><description>Read more"
        "</description></item>"
        f"<item><title>Gdynia ferry timetable</title>{tag}<description>Timetable</description>"
        "<pubDate>Thu, 23 Jan 2025 10:00:00 GMT</pubDate></item>"
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Post</title><link>{base}/</link>'
        f"{items}</channel></rss>"
    ).encode()


@pytest.mark.parametrize("guid", [True, False])
async def test_an_entry_with_no_link_and_no_text_is_given_up_once(app, site, guid):
    """It failed at every poll for as long as the feed listed it ("feed entry: no article text"); now it
    is given up once, by its guid or else its title and date, and shown in /feeds like any give-up."""
    url = polled_feed(app, site, [good("quay")])
    site.add_bytes("/feed.xml", textless(site.base, guid=guid), "application/rss+xml")
    at, failed = T, []
    for _ in range(4):
        app.clock.now = at
        report = await poll_due_feeds(app, now=at)
        failed.append(report.failed)
        source = find_source(app.db, url)
        assert (source.failures, source.paused) == (0, False)
        at = source.next_poll_at
    assert failed == [
        ((f"{url}: Gdynia ferry timetable", "feed entry: no article text; given up"),),
        (),
        (),
        (),
    ]
    assert give_ups_by_feed(app.db)[source.id].count == 1
    listed = await feeds_list(app)
    assert "gave up 1 entry" in listed
    assert "“Gdynia ferry timetable” (no article text in the feed, and no link to its page)" in listed


async def test_an_unpolled_feed_s_textless_entry_still_fails_each_read(app, site):
    """A feed read once (``bot.py ingest URL``) records no give-up: its next read is as new."""
    from briefing.service.ingest import ingest_sources

    site.add_bytes("/feed.xml", textless(site.base, guid=True), "application/rss+xml")
    site.add("/good/quay", page)
    url = site.url("/feed.xml")
    for _ in range(2):
        report = await ingest_sources(app, [url])
        assert report.failed == ((f"{url}: Gdynia ferry timetable", "feed entry: no article text"),)
    assert give_ups_by_feed(app.db) == {}


async def test_what_an_admin_s_ingest_gave_up_is_told_by_its_reply_not_again(app, site):
    """An admin adds a feed with /ingest: the reply lists the entry it gave up, so the next poll's notice
    does not tell it again."""
    site.add_bytes("/feed.xml", feed(site.base, [good("quay"), dead("ferry")]), "application/rss+xml")
    site.add("/good/quay", page)
    site.add("/dead/ferry", page)
    url = site.url("/feed.xml")
    load_all()
    reply = (await answer(app, f"/ingest {url}", Asker(chat_id=42, user_id=42))).document.text
    assert "no article text in the feed's summary; given up" in reply, reply
    at = find_source(app.db, url).next_poll_at + give_ups.NOTICE_GAP
    app.clock.now = at
    assert (await poll_due_feeds(app, now=at)).gave_up == ()


def test_resuming_a_feed_starts_its_count_of_polls_that_read_none_afresh(app):
    from store.sources import record_entry_outcome

    source = upsert_source(app.db, kind="feed", location="https://news.test/rss", name="News", now=T)
    with transaction(app.db):
        set_polling(app.db, source.id, True)
        for _ in range(give_ups.STALL_POLLS):
            record_entry_outcome(app.db, source.id, read=False, gave_up=True, now=T)
    assert entry_stall(app.db, source.id).polls == give_ups.STALL_POLLS
    with transaction(app.db):
        set_polling(app.db, source.id, True)  # /ingest of a feed polled already: one more poll, no resume
    assert entry_stall(app.db, source.id).polls == give_ups.STALL_POLLS
    with transaction(app.db):
        set_polling(app.db, source.id, False)  # /unfeed, then /ingest resumes it
        set_polling(app.db, source.id, True)
    assert entry_stall(app.db, source.id) == entry_stall(app.db, -1)


async def test_a_give_up_notice_no_admin_received_is_offered_again_and_then_never(
    app, site, botapi, botapi_bot
):
    """The notice was marked told when composed, so a send that failed lost it (only /feeds still showed
    the entry): now it is told once an admin has it. Telegram fails every try of the first notice; the
    next poll offers the same entry again (no day's wait: none was told), it arrives, and no later poll
    tells it again."""
    url = polled_feed(app, site, [good("quay"), dead("ferry")])
    at = T

    async def run() -> list[str]:
        nonlocal at
        app.clock.now = at
        await run_feed_polling(app, botapi_bot, now=at, pacer=fast_pacer(), policy=QUICK)
        at = find_source(app.db, url).next_poll_at
        return [m.text for m in botapi.sent_messages(42)]

    botapi.inject(Fault.server_error(), "sendMessage", chat_id=42, times=None)
    assert await run() == []
    botapi.clear_faults()
    told = await run()
    assert len(told) == 1 and "gave up 1 entry: “Gdynia ferry story” (HTTP 404" in told[0]
    at += give_ups.NOTICE_GAP
    assert await run() == told
    assert give_ups_by_feed(app.db)[find_source(app.db, url).id].count == 1


@pytest.mark.parametrize("linked", [True, False])
async def test_a_give_up_the_feed_still_lists_outlives_the_pruning_and_is_not_told_again(app, site, linked):
    """The daily pruning forgets entries last seen more than ``retention_days`` ago; a given-up entry the
    feed kept listing was never seen again (polls leave it alone), so it was forgotten, read as new,
    given up and told once more. A poll now notes it as seen (once a day), so it stays while listed."""
    from briefing.service.retention import prune_history

    if linked:
        url = polled_feed(app, site, [good("quay"), dead("ferry")])
    else:
        url = polled_feed(app, site, [good("quay")])
        site.add_bytes("/feed.xml", textless(site.base, guid=True), "application/rss+xml")
    first = await poll_due_feeds(app, now=T)
    ((news,),) = [first.gave_up]
    give_ups.note_told(app, news, T)
    at = T
    for _ in range(4):  # a poll a month: the feed still lists the entry
        at += timedelta(days=30)
        app.clock.now = at
        assert (await poll_due_feeds(app, now=at)).gave_up == ()
        prune_history(app, now=at)
    assert give_ups_by_feed(app.db)[find_source(app.db, url).id].count == 1
