"""Operator items of feed polling (QA12a F18): an entry listed twice is fetched once, feeds due together
are polled a few at a time (a slow one delays none of the others), secrets in a feed's address are
masked wherever it is shown or logged."""

import asyncio
import io
import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web

from briefing.adapters.jobs import run_feed_polling
from briefing.adapters.redaction import redact_logs
from briefing.addresses import fingerprint, mask_urls, shown_url, without_secrets
from briefing.render import to_html
from briefing.service import App
from briefing.service.commands import Asker, answer, load_all
from briefing.service.ingest import ingest_sources
from briefing.service.polling import poll_due_feeds
from store.articles import find_by_url
from store.sources import find_source, get_source, set_polling, upsert_source
from tests.digestkit import QUICK, Clock, fast_pacer

T = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)
ADMIN = Asker(chat_id=42, user_id=42)  # BRIEFING_ADMINS=42 in the test settings
READER = Asker(chat_id=1001, user_id=1001)
TEASER = "Harbour officials in Gdynia are weighing a ban on cruise ships at the old quay after residents…"
STORY = (
    "Residents complained for years about the fumes of the liners moored beside the old town. The council "
    "will vote on the proposal in January, and the port authority has asked for a delay. "
)


def rss(base: str, paths, *, title: str = "Baltic Post") -> bytes:
    items = "".join(
        f"<item><title>Gdynia quay story</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<description>{TEASER}</description><pubDate>Thu, 23 Jan 2025 10:00:00 GMT</pubDate></item>"
        for path in paths
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>{base}/</link>'
        f"{items}</channel></rss>"
    ).encode()


async def quay_page(request: web.Request) -> web.Response:
    title = "Gdynia quay story"
    html = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{TEASER.rstrip('…')}.</p><p>{STORY * 3}</p></article></body></html>"
    )
    return web.Response(text=html, content_type="text/html")


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(T))


def register(app: App, url: str, name: str = "Baltic Post") -> int:
    source = upsert_source(app.db, kind="feed", location=url, name=name, now=T)
    set_polling(app.db, source.id, True)
    return source.id


def requests_for(site, path: str) -> int:
    return sum(1 for r in site.requests if r.path == path)


async def test_an_entry_listed_twice_in_a_feed_has_its_page_fetched_once(app, site):
    site.add_bytes("/feed.xml", rss(site.base, ["/quay", "/quay"]), "application/rss+xml")
    site.add("/quay", quay_page)
    register(app, site.url("/feed.xml"))
    report = await poll_due_feeds(app, now=T)
    assert (report.new_articles, report.failed) == (1, ())
    assert requests_for(site, "/quay") == 1
    assert find_by_url(app.db, site.url("/quay")).body.count("Residents complained") == 3


def feed_route(site, path: str, *, page: str):
    site.add_bytes(path, rss(site.base, [page]), "application/rss+xml")


async def test_a_slow_feed_holds_up_none_of_the_others_due_with_it(app, site):
    released = asyncio.Event()

    async def slow(request: web.Request) -> web.Response:
        await released.wait()  # answers only once the feeds after it were read
        return web.Response(body=rss(site.base, ["/quay"]), content_type="application/rss+xml")

    async def down(request: web.Request) -> web.Response:
        return web.Response(status=503, text="busy")

    site.add("/slow.xml", slow)
    site.add("/down.xml", down)
    site.add("/quay", quay_page)
    register(app, site.url("/slow.xml"))  # due first
    register(app, site.url("/down.xml"))
    for name in ("a", "b"):
        feed_route(site, f"/{name}.xml", page="/quay")
        register(app, site.url(f"/{name}.xml"))

    async def release_when_the_others_were_read():
        while not {"/down.xml", "/a.xml", "/b.xml"} <= {r.path for r in site.requests}:
            await asyncio.sleep(0.01)
        released.set()

    helper = asyncio.create_task(release_when_the_others_were_read())
    report = await asyncio.wait_for(poll_due_feeds(app, now=T), timeout=30)
    await helper
    assert report.polled == 4 and report.new_articles == 1
    assert [url for url, _ in report.failed] == [site.url("/down.xml")]


async def test_feeds_are_polled_at_most_feeds_concurrency_at_a_time(app, site):
    app = App(db=app.db, settings=replace(app.settings, feed_concurrency=2), clock=app.clock)
    busy, most = 0, 0

    async def feed(request: web.Request) -> web.Response:
        nonlocal busy, most
        busy += 1
        most = max(most, busy)
        await asyncio.sleep(0.05)
        busy -= 1
        return web.Response(body=rss(site.base, []), content_type="application/rss+xml")

    for k in range(5):
        site.add(f"/f{k}.xml", feed)
        register(app, site.url(f"/f{k}.xml"))
    report = await poll_due_feeds(app, now=T)
    assert report.polled == 5 and report.failed == ()
    assert most == 2


def test_feeds_concurrency_is_a_setting_checked_at_start(tmp_path):
    from config import SettingsError, load_settings

    config = tmp_path / "settings.toml"
    config.write_text("[feeds]\nconcurrency = 0\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"^feeds\.concurrency must be from 1 to 16, got 0$"):
        load_settings({"BRIEFING_DB": str(tmp_path / "b.db")}, path=config)


def masked(secret: str) -> str:
    """A secret as shown: "***" and its fingerprint."""
    return "***" + fingerprint(secret)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://alice:s3cretpw@news.test/x?a=1", "http://news.test/x?a=1"),
        ("https://news.test/rss?apikey=SEKRIT&lang=en", f"https://news.test/rss?apikey={masked('SEKRIT')}&lang=en"),
        ("https://news.test/rss?lang=en&access_token=abc#top", f"https://news.test/rss?lang=en&access_token={masked('abc')}#top"),
        ("https://news.test/r?monkey=1&keyword=2&key=3&tokenType=a&bypass=b", f"https://news.test/r?monkey=1&keyword=2&key={masked('3')}&tokenType=a&bypass=b"),
        ("https://s3.test/a?X-Amz-Signature=ff&sig=zz;password=pw", f"https://s3.test/a?X-Amz-Signature={masked('ff')}&sig={masked('zz')};password={masked('pw')}"),
        ("https://news.test/rss?page=2", "https://news.test/rss?page=2"),
        ("https://news.test/rss?apikey=", "https://news.test/rss?apikey=***"),
    ],
)  # fmt: skip
def test_an_address_is_shown_without_its_secrets(url, shown):
    assert shown_url(url) == shown
    assert shown_url(shown) == shown  # masked once is masked for good: a log line of a shown address


@pytest.mark.parametrize(
    "name",
    [
        "apikey", "apiKey", "APIKey", "api_key", "api-key", "apiToken", "accessToken", "access_token",
        "authToken", "auth[token]", "secretKey", "privateKey", "secretkey", "accesstoken", "client_secret",
        "clientSecret", "appid", "appId", "jwt", "passkey", "password", "X-Amz-Signature",
        "X-Goog-Credential", "PHPSESSID", "jsessionid", "session_id", "sessionId", "csrf_token",
        "subscription-key", "hmac",
    ],
)  # fmt: skip
def test_a_secret_parameter_is_masked_whatever_its_case_and_separators(name):
    shown = shown_url(f"https://x.test/rss?lang=en&{name}=S3CR3T&page=2")
    assert shown == f"https://x.test/rss?lang=en&{name}={masked('S3CR3T')}&page=2"


@pytest.mark.parametrize(
    "name", ["monkey", "keyword", "turkey", "bypass", "tokenType", "page", "sort", "userId"]
)
def test_a_parameter_whose_name_only_contains_a_secrets_word_is_shown(name):
    assert shown_url(f"https://x.test/rss?{name}=1") == f"https://x.test/rss?{name}=1"


def test_two_keys_of_one_address_are_masked_apart_and_neither_is_shown():
    alpha, beta = (
        shown_url("https://api.test/rss?apikey=KEYALPHA"),
        shown_url("https://api.test/rss?apikey=KEYBETA"),
    )
    assert alpha != beta and alpha.startswith("https://api.test/rss?apikey=***")
    assert "KEY" not in alpha + beta and len(alpha) == len("https://api.test/rss?apikey=***") + 4


def test_the_addresses_in_a_text_are_masked_and_its_punctuation_kept():
    text = "GET 'https://x.test/rss?apikey=K1' failed: loop at http://u:p@x.test/a?token=T2, (https://x.test/?key=K3)."
    assert mask_urls(text) == (
        f"GET 'https://x.test/rss?apikey={masked('K1')}' failed: loop at http://x.test/a?token={masked('T2')},"
        f" (https://x.test/?key={masked('K3')})."
    )


def test_an_address_with_brackets_of_its_own_is_masked_in_a_text():
    text = "feed https://x.test/feed(1)?apikey=S3CR3T failed (see https://x.test/w/A_(b)?token=T2) [https://x.test/?sig=S]"
    shown = mask_urls(text)
    assert "S3CR3T" not in shown and "T2" not in shown and "sig=S]" not in shown
    assert shown == (
        f"feed https://x.test/feed(1)?apikey={masked('S3CR3T')} failed"
        f" (see https://x.test/w/A_(b)?token={masked('T2')}) [https://x.test/?sig={masked('S')}]"
    )


async def test_a_feeds_api_key_is_used_to_fetch_and_masked_wherever_the_feed_is_shown(
    app, site, botapi, botapi_bot
):
    app = App(db=app.db, settings=replace(app.settings, feed_max_failures=1), clock=app.clock)
    keys = []

    async def feed(request: web.Request) -> web.Response:
        keys.append(request.query.get("apikey"))
        return web.Response(status=503, text="busy")

    site.add("/rss", feed)
    url, shown = site.url("/rss?apikey=SEKRIT&lang=en"), site.url(f"/rss?apikey={masked('SEKRIT')}&lang=en")
    source_id = register(app, url)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    redact_logs(handlers=[handler])
    logging.getLogger().addHandler(handler)
    try:
        polled, _ = await run_feed_polling(app, botapi_bot, now=T, pacer=fast_pacer(), policy=QUICK)
    finally:
        logging.getLogger().removeHandler(handler)
    assert keys == ["SEKRIT"]  # the key is the feed's: it is sent
    assert polled.failed == ((shown, "HTTP 503 Service Unavailable"),)
    assert f"feed {shown} paused after 1 failures" in stream.getvalue() and "SEKRIT" not in stream.getvalue()
    (notice,) = botapi.sent_messages(42)
    assert f"Baltic Post — {shown}" in notice.text and f"/ingest {shown}" in notice.text
    assert "SEKRIT" not in notice.text
    load_all()
    listed = await answer(app, "/feeds", ADMIN)
    assert shown in listed.document.text and "SEKRIT" not in listed.document.text
    for asker in (ADMIN, READER):
        for command in ("/sources", "/stats"):
            assert "SEKRIT" not in (await answer(app, command, asker)).document.text
    # the address as shown stands for the feed: /ingest resumes it, /unfeed stops it
    site.add_bytes("/rss", rss(site.base, []), "application/rss+xml")
    resumed = await answer(app, f"/ingest {shown}", ADMIN)
    assert "Feed Baltic Post is now read every" in resumed.document.text
    source = find_source(app.db, url)
    assert source.id == source_id and source.poll and not source.paused
    assert find_source(app.db, shown) is None
    stopped = await answer(app, f"/unfeed {shown}", ADMIN)
    assert f"({shown}) is no longer polled" in stopped.document.text and "SEKRIT" not in stopped.document.text


async def test_an_ingest_reply_and_report_never_show_a_feeds_secret(app, site):
    load_all()
    reply = await answer(app, f"/ingest {site.url('/missing.xml?token=SEKRIT')}", ADMIN)
    shown = site.url(f"/missing.xml?token={masked('SEKRIT')}")
    assert f"Failed: {shown} — HTTP 404 Not Found" in reply.document.text


async def test_a_user_name_and_password_in_an_entry_link_are_not_stored_with_the_article(app, site):
    with_password = site.base.replace("http://", "http://alice:s3cretpw@")
    site.add_bytes("/feed.xml", rss(with_password, ["/quay"]), "application/rss+xml")
    site.add("/quay", quay_page)
    register(app, site.url("/feed.xml"))
    report = await poll_due_feeds(app, now=T)
    assert report.new_articles == 1
    (stored,) = [row["url"] for row in app.db.query("SELECT url FROM articles")]
    assert stored == site.url("/quay")
    again = await poll_due_feeds(app, now=T + timedelta(hours=1))  # known: not fetched again
    assert again.new_articles == 0 and requests_for(site, "/quay") == 1


@pytest.mark.parametrize(
    ("link", "stored"),
    [
        ("https://x.test/art1?apikey=K1&x=1", "https://x.test/art1?x=1"),
        ("https://x.test/art1?x=1&accessToken=T&page=2#top", "https://x.test/art1?x=1&page=2#top"),
        ("https://u:p@x.test/art1?sig=S", "https://x.test/art1"),
        ("https://x.test/article.php?sid=2024/01/23/1234&key=17", "https://x.test/article.php?sid=2024/01/23/1234&key=17"),
        ("https://x.test/article.php?sid=f3a9c0&key=abc", "https://x.test/article.php"),
        ("https://x.test/a?x=1;y=2&monkey=3", "https://x.test/a?x=1;y=2&monkey=3"),
    ],
)  # fmt: skip
def test_an_articles_address_keeps_no_secret_but_a_storys_number(link, stored):
    assert without_secrets(link) == stored


async def test_a_feeds_key_in_its_entry_links_is_neither_stored_nor_shown_to_readers(app, site):
    site.add_bytes("/feed.xml", rss(site.base, ["/quay?apikey=ENTRYKEY&amp;x=1"]), "application/rss+xml")
    site.add("/quay", quay_page)
    register(app, site.url("/feed.xml?apikey=ENTRYKEY"))
    report = await poll_due_feeds(app, now=T)
    assert (report.new_articles, report.failed) == (1, ())
    assert [r.query.get("apikey") for r in site.requests if r.path == "/feed.xml"] == ["ENTRYKEY"]
    (stored,) = [row["url"] for row in app.db.query("SELECT url FROM articles")]
    assert stored == site.url("/quay?x=1")
    assert find_by_url(app.db, stored).body.count("Residents complained") == 3  # its page was read
    load_all()
    for command in ("/search Gdynia quay", "/latest", "/brief Gdynia"):
        reply = (await answer(app, command, READER)).document
        assert site.url("/quay?x=1") in to_html(reply), command
        assert "ENTRYKEY" not in to_html(reply), command
    again = await poll_due_feeds(app, now=T + timedelta(hours=1))  # known by its address without the key
    assert again.new_articles == 0 and requests_for(site, "/quay") == 1


def two_keys(app: App, base: str) -> tuple[int, int]:
    """Two feeds of one API, one key each."""
    alpha = register(app, f"{base}/rss?apikey=KEYALPHA", name="Alpha")
    beta = register(app, f"{base}/rss?apikey=KEYBETA", name="Beta")
    return alpha, beta


async def test_two_feeds_differing_only_in_their_key_are_told_apart_by_their_shown_address(app, site):
    alpha, beta = two_keys(app, site.base)
    load_all()
    listed = (await answer(app, "/feeds", ADMIN)).document.text
    shown_alpha, shown_beta = (
        shown_url(site.url("/rss?apikey=KEYALPHA")),
        shown_url(site.url("/rss?apikey=KEYBETA")),
    )
    assert (
        shown_alpha != shown_beta and shown_alpha in listed and shown_beta in listed and "KEY" not in listed
    )
    stopped = await answer(app, f"/unfeed {shown_beta}", ADMIN)
    assert "Beta (" in stopped.document.text
    assert [s.poll for s in (get_source(app.db, alpha), get_source(app.db, beta))] == [True, False]
    # the paused notice's "/ingest <shown>" resumes the feed it is about, not the first of the two
    site.add_bytes("/rss", rss(site.base, []), "application/rss+xml")
    resumed = await answer(app, f"/ingest {shown_beta}", ADMIN)
    assert "is now read every" in resumed.document.text and "KEY" not in resumed.document.text
    assert [r.query.get("apikey") for r in site.requests if r.path == "/rss"] == ["KEYBETA"]
    assert get_source(app.db, beta).poll


async def test_an_address_masked_without_its_fingerprint_is_refused_when_two_feeds_have_it(app, site):
    alpha, beta = two_keys(app, site.base)
    load_all()
    legacy = site.url("/rss?apikey=***")  # as a notice sent before the fingerprints showed it
    for command, usage in (("/unfeed", "/unfeed N"), ("/ingest", "/ingest #N")):
        text = (await answer(app, f"{command} {legacy}", ADMIN)).document.text
        assert f"2 feeds have the address {legacy}: #{alpha} Alpha, #{beta} Beta." in text, command
        assert f"Send {usage} with the feed's number" in text and "KEY" not in text
    assert [s.poll for s in (get_source(app.db, alpha), get_source(app.db, beta))] == [True, True]
    assert not [r for r in site.requests if r.path == "/rss"]  # nothing was read
    site.add_bytes("/rss", rss(site.base, []), "application/rss+xml")
    resumed = await answer(app, f"/ingest #{beta}", ADMIN)  # its number names it
    assert "is already read every" in resumed.document.text
    assert [r.query.get("apikey") for r in site.requests if r.path == "/rss"] == ["KEYBETA"]
    stopped = await answer(app, f"/unfeed {alpha}", ADMIN)
    assert "Alpha (" in stopped.document.text


async def test_an_address_masked_without_its_fingerprint_still_names_the_one_feed_with_it(app, site):
    (only,) = [register(app, site.url("/rss?apikey=KEYALPHA"), name="Alpha")]
    load_all()
    stopped = await answer(app, f"/unfeed {site.url('/rss?apikey=***')}", ADMIN)
    assert "Alpha (" in stopped.document.text and not get_source(app.db, only).poll


async def test_the_ingest_progress_bar_shows_a_feeds_address_masked(app, site):
    site.add_bytes("/feed.xml", rss(site.base, ["/quay"]), "application/rss+xml")
    site.add("/quay", quay_page)
    url = site.url("/feed.xml?apiToken=SEKRIT")
    labels: list[str] = []
    report = await ingest_sources(app, [url], progress=lambda done, total, label: labels.append(label))
    assert (report.new, report.failed) == (1, ())
    assert [r.query.get("apiToken") for r in site.requests if r.path == "/feed.xml"] == ["SEKRIT"]
    assert shown_url(url) in labels and labels and not [label for label in labels if "SEKRIT" in label]


async def test_a_page_ingested_by_an_address_with_a_key_is_stored_without_it(app, site):
    site.add("/quay", quay_page)
    report = await ingest_sources(app, [site.url("/quay?access_token=PAGEKEY&lang=en")])
    assert (report.new, report.failed) == (1, ())
    assert [r.query.get("access_token") for r in site.requests] == ["PAGEKEY"]  # fetched with it
    (stored,) = [row["url"] for row in app.db.query("SELECT url FROM articles")]
    assert stored == site.url("/quay?lang=en")
