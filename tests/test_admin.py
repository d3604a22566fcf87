"""The admins' /ingest and /stats replies: failures sharing a reason counted in one line, not listed by the
dozen; alerts queued for followers; a feed answering 304 said to be unchanged; plurals."""

import pytest
from aiohttp import web

from briefing.document import Document, Section
from briefing.render import to_plain
from briefing.service.admin import MAX_LISTED, _failures
from briefing.service.commands import TERMINAL_CHAT_ID, Asker, answer, load_all
from store.alerts import alerts_of
from store.sources import find_source, record_poll_failure
from store.subscribers import follow
from tests.conftest import NOW


def text(blocks) -> str:
    return to_plain(Document(header=(), sections=(Section(tuple(blocks)),)))


def test_many_failures_of_one_reason_are_one_line_and_a_few_are_listed():
    unreachable = "feed entry page: cannot connect to www.theguardian.com: Name or service not known"
    failed = [(f"https://www.theguardian.com/{k}", unreachable) for k in range(55)]
    failed += [("https://x.test/gone", "HTTP 404 Not Found")]
    lines = _failures(failed)
    assert len(lines) == 2
    shown = text(lines)
    assert f"55 failed — {unreachable} (first: https://www.theguardian.com/0)" in shown
    assert "Failed: https://x.test/gone — HTTP 404 Not Found" in shown
    few = [(f"https://a.test/{k}", "timed out after 15s") for k in range(MAX_LISTED)]
    assert len(_failures(few)) == MAX_LISTED


ADMIN = Asker(chat_id=42, user_id=42)
TERMINAL = Asker(chat_id=TERMINAL_CHAT_ID, user_id=42)
STORY = "Trawler crews along the northern coast kept their boats in port for six weeks of storms. " * 8
FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Wire</title><link>{site}</link>'
    "<item><title>Trawler crews count the cost</title><description>{story}</description>"
    "<pubDate>Thu, 23 Jan 2025 09:00:00 GMT</pubDate></item></channel></rss>"
)


@pytest.fixture
def feed(site) -> str:
    """A feed answering 304 to its own ETag."""

    async def serve(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304)
        body = FEED.format(site=site.url("/"), story=STORY)
        return web.Response(body=body, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    site.add("/rss", serve)
    return site.url("/rss")


async def test_ingest_queues_alerts_for_followers_and_a_304_says_not_modified(app, feed):
    load_all()
    follow(app.db, 7, "topic", "trawler", now=NOW)
    first = to_plain((await answer(app, f"/ingest {feed}", ADMIN)).document)
    assert first.startswith("Ingested: 1 new, 0 already known, 0 near-duplicates.")
    assert "• Feed Coast Wire is now read every 30 minutes." in first
    assert "1 alert queued for the chats following these stories, sent now" in first
    assert [a.reason for a in alerts_of(app.db, 7)] == ["trawler"]
    again = to_plain((await answer(app, f"/ingest {feed}", ADMIN)).document)
    assert again.startswith("1 feed not modified since it was last read: nothing new.")
    assert "Ingested" not in again and "alert" not in again
    assert "• Feed Coast Wire is already read every 30 minutes." in again and "now read" not in again
    assert len(alerts_of(app.db, 7)) == 1


async def test_in_the_terminal_feeds_are_said_to_be_polled_when_the_bot_runs_on_telegram(app, feed):
    load_all()
    text = to_plain((await answer(app, f"/ingest {feed}", TERMINAL)).document)
    assert "• Feed Coast Wire will be read every 30 minutes while the bot runs on Telegram." in text
    assert "is now read" not in text
    again = to_plain((await answer(app, f"/ingest {feed}", TERMINAL)).document)
    assert "• Feed Coast Wire is already read every 30 minutes while the bot runs on Telegram." in again


async def test_stats_counts_one_feed_in_the_singular(app, feed):
    load_all()
    await answer(app, f"/ingest {feed}", ADMIN)
    text = to_plain((await answer(app, "/stats", ADMIN)).document)
    assert "Read from: 1 (1 feed)" in text and "Feeds polled: 1\n" in text
    assert "(+0 near-duplicates recorded)" in text


def test_addresses_are_read_as_people_paste_them():
    from briefing.service.admin import read_urls

    assert read_urls("<https://a.test/x>, https://b.test/y\n“https://c.test/z”.") == [
        "https://a.test/x",
        "https://b.test/y",
        "https://c.test/z",
    ]
    assert read_urls("(https://w.test/wiki/Foo_(bar))") == ["https://w.test/wiki/Foo_(bar)"]
    assert read_urls("<https://a.test/x,y>, 'https://b.test/p,q'") == [
        "https://a.test/x,y",
        "https://b.test/p,q",
    ]
    assert read_urls("https://a.test/1,https://b.test/2") == ["https://a.test/1", "https://b.test/2"]


def test_brackets_and_quotes_inside_an_address_are_its_own():
    from briefing.service.admin import read_urls

    assert read_urls("http://h.test/feed?apikey=K&lang=<i>") == ["http://h.test/feed?apikey=K&lang=<i>"]
    assert read_urls('<http://h.test/f?l=<i>>, http://h.test/g?q="x"') == [
        "http://h.test/f?l=<i>",
        'http://h.test/g?q="x"',
    ]
    assert read_urls("http://h.test/a?x='1' <http://h.test/b>") == [
        "http://h.test/a?x='1'",
        "http://h.test/b",
    ]


async def test_ingest_reads_an_address_with_angle_brackets_in_its_query_as_one(app, feed):
    load_all()
    reply = to_plain((await answer(app, f"/ingest {feed}?apikey=K&lang=<i>", ADMIN)).document)
    assert reply.startswith("Ingested: 1 new, 0 already known, 0 near-duplicates."), reply
    assert "“i”" not in reply


@pytest.fixture
def flaky(site) -> tuple[str, dict[str, bool]]:
    """A feed that answers until ``state["down"]``, then 503."""
    state = {"down": False}

    async def serve(request):
        if state["down"]:
            return web.Response(status=503, text="down")
        return web.Response(
            body=FEED.format(site=site.url("/"), story=STORY), content_type="application/rss+xml"
        )

    site.add("/flaky", serve)
    return site.url("/flaky"), state


def fail(app, url: str, times: int, *, max_failures: int = 5) -> None:
    source = find_source(app.db, url)
    for _ in range(times):
        source = record_poll_failure(
            app.db, source.id, now=NOW, error="HTTP 503 Service Unavailable", max_failures=max_failures
        )


async def test_resuming_a_paused_feed_that_still_fails_says_so_and_feeds_shows_it_failing(app, flaky):
    load_all()
    url, state = flaky
    await answer(app, f"/ingest {url}", ADMIN)
    fail(app, url, 5)
    assert find_source(app.db, url).paused
    state["down"] = True
    text = to_plain((await answer(app, f"/ingest {url}", ADMIN)).document)
    assert text.startswith("Nothing was ingested:")
    assert (
        "• Feed Coast Wire is polled again but still fails (1× in a row: HTTP 503 Service Unavailable);"
        " next try in 60 min, paused after 5 failures in a row." in text
    )
    assert "Ingested" not in text and "read every" not in text and "Failed:" not in text
    source = find_source(app.db, url)
    assert (source.poll, source.paused, source.failures) == (True, False, 1)
    listed = to_plain((await answer(app, "/feeds", ADMIN)).document)
    assert "failing (1× in a row: HTTP 503 Service Unavailable), next try in 60 min" in listed


async def test_a_failing_feed_read_again_keeps_its_count_and_is_paused_again_at_the_limit(app, flaky):
    load_all()
    url, state = flaky
    await answer(app, f"/ingest {url}", ADMIN)
    fail(app, url, 2)
    state["down"] = True
    text = to_plain((await answer(app, f"/ingest {url}", ADMIN)).document)
    assert "• Feed Coast Wire is failing (3× in a row: HTTP 503 Service Unavailable);" in text
    fail(app, url, 1)
    text = to_plain((await answer(app, f"/ingest {url}", ADMIN)).document)
    assert (
        "• Feed Coast Wire failed 5 times in a row and is paused again (HTTP 503 Service Unavailable):"
        f" send /ingest {url} to resume it once it answers." in text
    )
    assert find_source(app.db, url).paused
    state["down"] = False
    text = to_plain((await answer(app, f"/ingest {url}", ADMIN)).document)
    assert "• Feed Coast Wire is now read every 30 minutes." in text  # resumed, and read
    assert find_source(app.db, url).failures == 0


@pytest.mark.parametrize("number", ["#99", "99"])
async def test_ingest_of_a_number_no_feed_has_says_so(app, feed, number):
    load_all()
    text = to_plain((await answer(app, f"/ingest {number}", ADMIN)).document)
    assert text == f"No feed is “{number}”. /feeds lists them with their numbers."


async def test_ingest_of_a_feeds_bare_number_reads_it(app, feed):
    load_all()
    await answer(app, f"/ingest {feed}", ADMIN)
    number = find_source(app.db, feed).id
    text = to_plain((await answer(app, f"/ingest {number}", ADMIN)).document)
    assert "1 feed not modified" in text and "Coast Wire is already read" in text


async def test_unfeed_of_a_feed_stopped_already_says_so(app, feed):
    load_all()
    await answer(app, f"/ingest {feed}", ADMIN)
    number = find_source(app.db, feed).id
    first = to_plain((await answer(app, f"/unfeed {number}", ADMIN)).document)
    assert "is no longer polled" in first
    again = to_plain((await answer(app, f"/unfeed {number}", ADMIN)).document)
    assert again.startswith(f"Coast Wire ({feed}) is not polled: it was stopped already.")
    assert f"Send /ingest {feed} to poll it again." in again
    unknown = to_plain((await answer(app, "/unfeed 99", ADMIN)).document)
    assert unknown.startswith("No polled feed is “99”.")


@pytest.mark.parametrize(
    ("typed", "asker", "meant"),
    [
        ("/folow Kellogg", Asker(chat_id=7, user_id=7), "Did you mean /follow or /unfollow?"),
        ("/lastest", Asker(chat_id=7, user_id=7), "Did you mean /latest?"),
        ("/stat", Asker(chat_id=7, user_id=7), "Did you mean /start?"),  # /stats is the admins'
        ("/stat", ADMIN, "Did you mean /stats or /start?"),
    ],
)
async def test_a_mistyped_command_is_answered_with_the_commands_it_is_close_to(app, typed, asker, meant):
    load_all()
    shown = to_plain((await answer(app, typed, asker)).document)
    assert shown.splitlines()[0].endswith(f". {meant}")


async def test_an_unknown_command_like_no_command_suggests_none(app):
    load_all()
    shown = to_plain((await answer(app, "/frobnicate", Asker(chat_id=7, user_id=7))).document)
    assert shown.splitlines()[0] == "I don't know the command /frobnicate."
