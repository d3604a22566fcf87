"""The ingest pipeline end to end: files, folders, pages and feeds over 127.0.0.1, bad sources,
dedupe, enrichment in the same transaction, feed polling state, seeding, and the CLI."""

import dataclasses
import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from aiohttp import web
from conftest import FIXTURES, NOW, ROOT, SEEDS
from localweb import LocalSite

import bot
from briefing.adapters.fetch import FetchConfig, Fetcher
from briefing.service import App, batches, feed_polls
from briefing.service.feed_polls import ingest_feed
from briefing.service.ingest import ingest_files, ingest_sources
from briefing.service.seeding import ensure_seeded
from store import open_db
from store.actors import find_actors
from store.articles import count_articles, find_by_url, latest_articles
from store.search import search_articles
from store.sources import (
    count_sources,
    find_source,
    list_sources,
    record_poll_failure,
    set_polling,
    upsert_source,
)

# a loopback fetch under a loaded test machine can take a second; /slow answers after 3 s
FAST = FetchConfig(timeout=2.0, max_bytes=1_000_000, max_redirects=3, user_agent="TestBot/1.0")
STORY = "<p>{}</p>".format(
    "The council met on Tuesday night to discuss the new harbour wall, which engineers say must be "
    "raised by a metre before the winter storms arrive. " * 3
)
# other stories of the same site: different texts, not edited copies of STORY (those are near-duplicates)
FERRY = "<p>{}</p>".format(
    "The port board approved a new ferry terminal on Wednesday, ending two years of argument over the "
    "cost of dredging the channel for larger boats. " * 3
)
SEA_WALL = (
    "<p>{}</p>".format(
        "The sea wall along the promenade cracked in two places during Sunday's gale, and the town engineer "
        "closed the footpath until the repairs are finished next month. " * 3
    )
    * 2
)
BUSY = "<p>{}</p>".format(
    "The mayor promised extra buses to the harbour for the busy summer season and longer opening hours "
    "at the old station ticket office. " * 3
)


@pytest.fixture
async def fetcher():
    async with Fetcher(FAST) as f:
        yield f


def seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "dumps"
    shutil.copytree(SEEDS, folder)
    return folder


async def test_a_folder_of_dumps_then_again(app, tmp_path):
    folder = seed_copy(tmp_path)
    (folder / "aliases.toml").write_text("[aliases]\n", encoding="utf-8")  # not a dump: skipped
    report = await ingest_sources(app, [str(folder)])
    assert (report.new, report.duplicate, report.near_duplicate, report.failed) == (16, 0, 0, ())
    assert len(report.new_ids) == 16 and count_articles(app.db) == 16
    again = await ingest_sources(app, [str(folder), str(folder / "004_6f802f8af4e8b38f.txt")])
    assert (again.new, again.duplicate) == (0, 17)
    assert count_articles(app.db) == 16
    assert {s.kind for s in list_sources(app.db)} == {"file"} and count_sources(app.db) == 5


async def test_code_configuration_and_data_files_are_not_news(app, tmp_path):
    folder = seed_copy(tmp_path)
    for name in ("README.md", "pyproject.toml", "feeds.json", "notes.rst", "tool.py", "table.csv"):
        shutil.copy(ROOT / "README.md", folder / name)  # prose and config lines the dump reader would take
    named = [folder / "README.md", folder / "pyproject.toml", folder / "feeds.json"]
    report = await ingest_sources(app, [str(folder), *map(str, named)])
    # the folder walk skips them without a word; a file named on the command line is told why not
    assert report.new == 16 and count_articles(app.db) == 16
    assert report.failed == (
        (str(folder / "README.md"), "not news: a .md file holds documentation markup"),
        (str(folder / "pyproject.toml"), "not news: a .toml file holds configuration"),
        (str(folder / "feeds.json"), "not news: a .json file holds data"),
    )
    assert ingest_files(app, [ROOT / "pyproject.toml"]).failed == (
        (str(ROOT / "pyproject.toml"), "not news: a .toml file holds configuration"),
    )


async def test_a_software_projects_own_files_are_not_news(app, tmp_path):
    folder = seed_copy(tmp_path)
    licence = (
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this software.\n"
    )
    for name in ("LICENSE", "COPYING.txt", "Makefile", "requirements.txt", "CHANGELOG"):
        (folder / name).write_text(licence, encoding="utf-8")
    report = await ingest_sources(app, [str(folder), str(folder / "LICENSE")])
    assert report.new == 16 and count_articles(app.db) == 16  # the walk passes them by
    assert report.failed == ((str(folder / "LICENSE"), "not news: LICENSE is a software project's file"),)


async def test_packaging_and_tool_folders_are_passed_by(app, tmp_path):
    folder = seed_copy(tmp_path)
    news = (ROOT / "seeds" / "000_3b77d831465d6327.txt").read_text(encoding="utf-8")
    for sub in ("briefing.egg-info", "pkg-1.0.dist-info", "__pycache__", "node_modules/x", "venv/lib"):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "PKG-INFO").write_text(news, encoding="utf-8")  # prose enough to pass for news
    (folder / "PKG-INFO").write_text(news, encoding="utf-8")
    report = await ingest_sources(app, [str(folder)])
    assert report.new == 16 and count_articles(app.db) == 16 and report.failed == ()


async def test_an_empty_name_is_refused_not_read_as_the_current_folder(app, tmp_path, monkeypatch):
    (tmp_path / "news.txt").write_text("Storm closes the harbour\n\nThe harbour shut on Monday.\n")
    monkeypatch.chdir(tmp_path)
    report = await ingest_sources(app, ["", "  "])
    reason = "an empty name (an unset variable?), not a file, folder or URL"
    assert report.failed == (('""', reason), ('"  "', reason)) and count_articles(app.db) == 0


async def test_a_file_name_that_is_not_utf8_is_read_and_the_files_after_it_too(app, tmp_path):
    """A Latin-1 "café.txt" from an old archive: its bytes cannot be stored or shown as they are."""
    folder = tmp_path / "old"
    folder.mkdir()
    for name, title in [(b"a.txt", "Storm closes the harbour"), (b"caf\xe9.txt", "Ferries resume at dawn"),
                        (b"z.txt", "Bridge reopens after repairs")]:  # fmt: skip
        path = folder / os.fsdecode(name)
        path.write_text(f"{title}\n\nThe news of {title.lower()} came on Monday morning.\n", encoding="utf-8")
    seen: list[str] = []
    report = await ingest_sources(app, [str(folder)], progress=lambda done, total, label: seen.append(label))
    assert (report.new, report.failed) == (3, ())
    assert {s.name for s in list_sources(app.db)} == {"a.txt", "caf\ufffd.txt", "z.txt"}
    assert f"{folder}/caf\ufffd.txt" in seen  # the progress bar's label, printable


async def test_decomposed_letters_are_stored_composed(app, tmp_path):
    path = tmp_path / "nfd.txt"
    body = "Jose\u0301 A\u0301lvarez, the mayor of Zu\u0308rich, opened the new tram line on Monday."
    path.write_text(f"Tram line opens in Zu\u0308rich\n\n{body}\n", encoding="utf-8")
    assert ingest_files(app, [path]).new == 1
    (article,) = latest_articles(app.db)
    assert article.title == "Tram line opens in Zürich" and "José Álvarez" in article.body
    assert [a.id for a in search_articles(app.db, "Zürich")] == [article.id]
    assert [a.name for a in find_actors(app.db, "Álvarez")] == ["José Álvarez"]
    assert ingest_files(app, [path]).duplicate == 1


async def test_bad_sources_are_reported_and_the_rest_goes_in(app, tmp_path, site, fetcher):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (bad / "empty.txt").write_bytes(b"")
    (bad / "latin.txt").write_bytes(b"Broken \x81\x8d\x90 bytes in a text file.")
    (bad / "nav.txt").write_text("Home\nTrending\nRead more\n", encoding="utf-8")
    shutil.copy(FIXTURES / "feeds" / "unrecognized.rss", bad / "moved.rss")
    (bad / "cut.rss").write_text('<rss version="2.0"><channel><title>Cut</title><item><title>A', "utf-8")
    good = FIXTURES / "dumps" / "valley_times.txt"
    report = await ingest_sources(
        app,
        [
            str(bad),
            str(good),
            str(tmp_path / "missing.txt"),
            "ftp://files.test/news.txt",
            "http://[x/a",
            site.url("/missing"),
            site.url("/slow"),
            site.url("/image.png"),
            "http://127.0.0.1:9/closed",
        ],
        fetcher=fetcher,
    )
    reasons = dict(report.failed)
    assert reasons == {
        str(bad / "cut.rss"): reasons[str(bad / "cut.rss")],
        str(bad / "empty.txt"): "the file is empty",
        str(bad / "latin.txt"): "neither UTF-8 nor Windows-1252 text (byte 0x81 at offset 7)",
        str(bad / "moved.rss"): "not an RSS or Atom feed: not well-formed XML (line 3, column 0: junk after "
        "document element)",
        str(bad / "nav.txt"): "no articles found (only page furniture)",
        str(bad / "photo.txt"): "binary data (NUL bytes), not text",
        str(tmp_path / "missing.txt"): "no such file or folder",
        "ftp://files.test/news.txt": "refused 'ftp' URL: only http and https",
        "http://[x/a": "not a valid address (Invalid IPv6 URL)",
        site.url("/missing"): "HTTP 404 Not Found",
        site.url("/slow"): "timed out after 2s",
        site.url("/image.png"): "unsupported content type 'image/png' (expected HTML, text, RSS or Atom)",
        "http://127.0.0.1:9/closed": reasons["http://127.0.0.1:9/closed"],
    }
    assert reasons[str(bad / "cut.rss")].startswith(
        "malformed feed, no entry could be read: not well-formed XML (line "
    )
    assert reasons["http://127.0.0.1:9/closed"].startswith("cannot connect to 127.0.0.1")
    assert report.new == 1 and not report.ok
    assert [a.title for a in latest_articles(app.db)] == ["City council approves new bike lanes"]


def test_a_malformed_url_label_is_dropped_and_the_article_kept(app, tmp_path):
    dump = tmp_path / "export.txt"
    dump.write_text(
        "Title: Port opens after three years\nURL: http://[bad/port\nDate: 2026-11-20\n\n"
        "The new port opened on Monday after three years of work, officials said. "
        "It will handle two million containers a year.\n",
        encoding="utf-8",
    )
    report = ingest_files(app, [dump])
    assert (report.new, report.failed) == (1, ())
    (article,) = latest_articles(app.db)
    assert article.title == "Port opens after three years" and article.url is None


def test_a_headline_set_in_capitals_is_stored_as_the_article_writes_its_words(app, tmp_path):
    dump = tmp_path / "export.txt"
    dump.write_text(
        "Title: SENATE APPROVES CLEAN PORTS ACT 52-48, SENDING BILL TO HOUSE\nDate: 2026-11-24\n\n"
        "The US Senate on Tuesday approved the Clean Ports Act by a vote of 52 to 48, sending the bill to "
        "the House. Supporters said the money would pay for electric cranes at 40 ports.\n",
        encoding="utf-8",
    )
    assert ingest_files(app, [dump]).new == 1
    (article,) = latest_articles(app.db)
    assert article.title == "Senate approves Clean Ports Act 52-48, sending bill to House"


async def test_a_page_url_and_a_text_url(app, site, fetcher):
    report = await ingest_sources(app, [site.url("/redirect"), site.url("/text")], fetcher=fetcher)
    assert (report.new, report.failed) == (2, ())
    # the page's canonical URL is on another site than the one it came from: the address it came from
    # (after the redirect) stands for it
    page = find_by_url(app.db, site.url("/page"))
    assert page.title == "Port strike halts shipping along the Atlantic coast"
    assert page.source == "Harbour Gazette" and page.author == "Maria Lopez"
    again = await ingest_sources(app, [site.url("/page"), site.url("/gzip")], fetcher=fetcher)
    assert (again.new, again.duplicate) == (0, 2)
    assert find_source(app.db, site.url("/redirect")).kind == "page"


def local_feed(site: LocalSite, base: str | None = None) -> bytes:
    base = site.base if base is None else base
    items = [
        ("One", "/story/1", "The council met on Tuesday…"),
        ("Two", "/story/2", "Short teaser for the second story."),
        ("Gone", "/story/gone", "The feed's summary of a page that no longer exists."),
        ("Busy", "/story/busy", "The feed's summary of a page whose server is busy."),
        ("Full", "/story/full", SEA_WALL),
    ]
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link><description><![CDATA[{d}]]>"
        f"</description><pubDate>Tue, 21 Jan 2025 10:00:00 GMT</pubDate></item>"
        for t, p, d in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title>'
        f"<link>{base}/</link>{entries}</channel></rss>"
    ).encode()


def story_page(title: str, text: str) -> bytes:
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{text}</article></body></html>".encode()


def serve_stories(site: LocalSite) -> None:
    site.add_bytes("/story/1", story_page("Harbour wall", STORY), "text/html")
    site.add_bytes("/story/2", story_page("Ferry terminal", FERRY), "text/html")

    async def busy(request):
        return web.Response(status=503)

    site.add("/story/busy", busy)


async def test_a_feed_url_fetches_teaser_pages_and_polls_conditionally(app, site, fetcher):
    serve_stories(site)
    calls = []

    async def feed(request):
        calls.append(request.headers.get("If-None-Match"))
        if request.headers.get("If-None-Match") == '"f1"':
            return web.Response(status=304)
        return web.Response(body=local_feed(site), content_type="text/xml", headers={"ETag": '"f1"'})

    site.add("/rss", feed)
    report = await ingest_sources(app, [site.url("/rss")], fetcher=fetcher, poll=True)
    assert report.new == 4 and find_source(app.db, site.url("/rss")).poll
    # a page that is gone for good leaves the feed's summary; a busy server is tried at the next poll
    assert report.failed == (
        (
            site.url("/story/busy"),
            "feed entry page: HTTP 503 Service Unavailable; tried again at the next poll",
        ),
    )
    assert report.notes == (
        (site.url("/story/gone"), "feed entry page: HTTP 404 Not Found; kept the feed's summary"),
    )
    gone = find_by_url(app.db, site.url("/story/gone"))
    assert (gone.title, gone.body) == ("Gone", "The feed's summary of a page that no longer exists.")
    assert find_by_url(app.db, site.url("/story/busy")) is None
    one = find_by_url(app.db, site.url("/story/1"))
    assert one.title == "Harbour wall" and one.source == "Local News"
    assert one.body.startswith("The council met on Tuesday night")
    assert one.published_at.isoformat() == "2025-01-21T10:00:00+00:00"
    full = find_by_url(app.db, site.url("/story/full"))
    assert "sea wall" in full.body and full.title == "Full"
    source = find_source(app.db, site.url("/rss"))
    # an entry waits for the next poll, so the feed's validators are not kept: a 304 would skip it
    assert (source.kind, source.name, source.etag, source.failures) == ("feed", "Local News", None, 0)
    again = await ingest_sources(app, [site.url("/rss")], fetcher=fetcher)
    assert (again.new, again.duplicate, again.not_modified) == (0, 4, 0)
    assert again.failed == (
        (
            site.url("/story/busy"),
            "feed entry page: HTTP 503 Service Unavailable; tried again at the next poll",
        ),
    )
    site.add_bytes("/story/busy", story_page("Busy port", BUSY), "text/html")
    third = await ingest_sources(app, [site.url("/rss")], fetcher=fetcher)
    assert (third.new, third.duplicate, third.failed) == (1, 4, ())
    assert find_by_url(app.db, site.url("/story/busy")).title == "Busy port"
    # nothing waits any more: the next poll is conditional again and costs nothing
    fourth = await ingest_sources(app, [site.url("/rss")], fetcher=fetcher)
    assert (fourth.new, fourth.not_modified, fourth.failed) == (0, 1, ())
    assert calls == [None, None, None, '"f1"']


async def test_a_feed_no_poll_will_read_again_keeps_the_summary_of_a_page_failing_for_now(app, site, fetcher):
    serve_stories(site)
    site.add_bytes("/rss", local_feed(site), "text/xml")
    report = await ingest_sources(app, [site.url("/rss")], fetcher=fetcher)  # not polled
    assert (report.new, report.failed) == (5, ())
    assert dict(report.notes)[site.url("/story/busy")] == (
        "feed entry page: HTTP 503 Service Unavailable; kept the feed's summary"
    )
    busy = find_by_url(app.db, site.url("/story/busy"))
    assert busy.body == "The feed's summary of a page whose server is busy."


async def test_a_paused_feed_keeps_the_summary_of_a_page_failing_for_now(app, site, fetcher):
    serve_stories(site)
    site.add_bytes("/rss", local_feed(site), "text/xml")
    url = site.url("/rss")
    source = upsert_source(app.db, kind="feed", location=url, name="Local News", now=NOW)
    set_polling(app.db, source.id, True)
    record_poll_failure(app.db, source.id, now=NOW, error="HTTP 500", max_failures=1)
    assert find_source(app.db, url).paused
    report = await ingest_sources(app, [url], fetcher=fetcher)  # no poll comes until an admin resumes it
    assert (report.new, report.failed) == (5, ())


async def test_polling_a_feed_records_failures_and_pauses_it(app, site, fetcher):
    site.add_bytes("/feed-once", local_feed(site), "application/rss+xml")
    serve_stories(site)
    first = await ingest_feed(app, site.url("/feed-once"), fetcher=fetcher, poll=True)
    assert first.new == 4 and find_source(app.db, site.url("/feed-once")).poll
    second = await ingest_feed(app, site.url("/feed-once"), fetcher=fetcher)
    assert (second.new, second.duplicate, second.failed) == (0, 4, first.failed)  # the busy page again
    state = find_source(app.db, site.url("/feed-once"))  # an entry's page is no failure of the feed's
    assert (state.failures, state.last_error) == (0, None)
    del site.routes["/feed-once"]
    limit = app.settings.feed_max_failures
    for n in range(limit):
        report = await ingest_feed(app, site.url("/feed-once"), fetcher=fetcher)
        assert report.failed == ((site.url("/feed-once"), "HTTP 404 Not Found"),)
        state = find_source(app.db, site.url("/feed-once"))
        assert state.failures == n + 1 and state.paused == (n + 1 >= limit)
        assert state.last_error == "HTTP 404 Not Found" and state.next_poll_at > NOW


async def test_a_feed_file_with_teasers_fetches_through_the_given_transport(app, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(local_feed(LocalSite(), base="https://news.test"))
    pages = {"/story/1": story_page("Harbour wall", STORY)}

    def handler(request: httpx.Request) -> httpx.Response:
        body = pages.get(request.url.path)
        return (
            httpx.Response(200, content=body, headers={"content-type": "text/html"})
            if body
            else httpx.Response(404)
        )

    async with Fetcher(FAST, transport=httpx.MockTransport(handler)) as fetcher:
        report = await ingest_sources(app, [str(feed)], fetcher=fetcher)
    # the full entry, story 1 fetched, and the feed's summaries of the three pages that are not found
    assert (report.new, report.failed) == (5, ())
    kept = "feed entry page: HTTP 404 Not Found; kept the feed's summary"
    assert [r for _, r in report.notes] == [kept] * 3


async def test_a_feed_file_read_offline_keeps_the_feed_summaries(app, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(local_feed(LocalSite(), base="https://news.test"))

    def offline(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -3] Temporary failure in name resolution")

    async with Fetcher(FAST, transport=httpx.MockTransport(offline)) as fetcher:
        report = await ingest_sources(app, [str(feed)], fetcher=fetcher)
    # a file is never polled: its entries cannot wait for a next time that will not come
    down = "feed entry page: cannot resolve host news.test"
    # ... but "The council met on Tuesday…" says too little to be an article
    assert report.failed == (("https://news.test/story/1", f"{down}; no article text in the feed's summary"),)
    assert report.new == 4 and len(report.notes) == 3
    assert {r for _, r in report.notes} == {f"{down}; kept the feed's summary"}
    assert find_by_url(app.db, "https://news.test/story/2").body == "Short teaser for the second story."


def not_found(request: httpx.Request) -> httpx.Response:
    return httpx.Response(404)


async def test_an_entry_of_link_furniture_is_not_an_article(app, tmp_path):
    furniture = FIXTURES / "feeds" / "rss-with-relative-html-urls-no-base.xml"  # body: "ReadComments"
    unlinked = tmp_path / "unlinked.rss"
    unlinked.write_text(
        '<rss version="2.0"><channel><title>T</title><item><title>Post</title><description>'
        "<![CDATA[<a href='#c'>Read</a><a href='#c'>Comments</a>]]></description></item>"
        "<item><title>Version 3.9.0</title><description>3.9.0</description></item></channel></rss>",
        encoding="utf-8",
    )
    short = FIXTURES / "feeds" / "heraldsun.rss"  # "This is the first item.": short, but a sentence
    async with Fetcher(FAST, transport=httpx.MockTransport(not_found)) as fetcher:
        report = await ingest_sources(app, [str(furniture), str(unlinked), str(short)], fetcher=fetcher)
    assert report.failed == (
        (
            "https://example.com/feed/posts/post-1",
            "feed entry page: HTTP 404 Not Found; no article text in the feed's summary",
        ),
        (f"{unlinked}: Post", "feed entry: no article text"),
        (f"{unlinked}: Version 3.9.0", "feed entry: no article text"),
    )
    assert report.new == 2 and [a.title for a in latest_articles(app.db)] == [
        "The Second Item",
        "The First Item",
    ]


async def test_offline_each_host_is_tried_once_not_once_per_entry(app):
    tried = []

    def offline(request: httpx.Request) -> httpx.Response:
        tried.append(request.url.host)
        raise httpx.ConnectError("[Errno -3] Temporary failure in name resolution")

    guardian = FIXTURES / "feeds" / "guardian.rss"  # 55 teasers, every page on www.theguardian.com
    async with Fetcher(FAST, transport=httpx.MockTransport(offline)) as fetcher:
        report = await ingest_sources(app, [str(guardian)], fetcher=fetcher)
    assert (report.new, report.failed, len(report.notes)) == (55, (), 55)
    assert {r for _, r in report.notes} == {
        "feed entry page: cannot resolve host www.theguardian.com; kept the feed's summary"
    }
    # pages fetched alongside the first may each try before its failure is known; none after
    assert set(tried) == {"www.theguardian.com"} and len(tried) <= feed_polls.PAGE_CONCURRENCY


async def test_a_wire_dateline_is_not_stored_with_the_article(app, tmp_path):
    dump = tmp_path / "wire.txt"
    dump.write_text(
        "Central bank raises rates\n\nZÜRICH, Nov 21 (Reuters) - The Swiss National Bank raised its main "
        "rate on Thursday, its first increase in two years.\nEconomists had expected the move.\n",
        encoding="utf-8",
    )
    assert ingest_files(app, [dump]).new == 1
    [article] = latest_articles(app.db)
    assert article.body.startswith("The Swiss National Bank raised its main rate")
    assert "Economists had expected the move." in article.body


async def test_real_feed_files_gzip_and_malformed(app, tmp_path):
    gz = tmp_path / "nshipster.xml.gz"
    gz.write_bytes((FIXTURES / "feeds" / "invalid-characters-gzipped.xml").read_bytes())
    sax = FIXTURES / "feeds" / "saxerror.xml"
    report = ingest_files(app, [gz, sax])
    assert report.new == 25  # NSHipster's entries hold their full text
    assert report.notes == ((str(sax), "malformed feed, repaired: 1 unescaped '&' read as '&amp;'"),)
    assert len([s for s, _ in report.failed if "example.com" in s]) == 3  # teasers, not fetched
    assert count_articles(app.db) == 25


async def test_enrichment_runs_with_each_new_article_and_a_failure_loses_only_that_one(
    app, tmp_path, monkeypatch
):
    seen = []

    def enrich(app_, article, prepared=None):
        if "Scholz" in article.title:
            raise RuntimeError("summary step broke")
        app_.db.execute("UPDATE articles SET summary = 'done' WHERE id = ?", [article.id])
        seen.append(article.title)

    monkeypatch.setattr(batches, "enrich_article", enrich)
    path = sorted(SEEDS.glob("000_*.txt"))[0]
    report = await ingest_sources(app, [str(path)])
    assert report.new == 8 and len(seen) == 8
    [(where, reason)] = report.failed
    assert "Scholz stands by Ukraine" in where and reason == "RuntimeError: summary step broke"
    summaries = {r[0] for r in app.db.execute("SELECT summary FROM articles").fetchall()}
    assert summaries == {"done"} and count_articles(app.db) == 8
    monkeypatch.undo()
    assert (await ingest_sources(app, [str(path)])).new == 1


async def test_a_lightly_edited_copy_is_a_near_duplicate(app, tmp_path):
    path = sorted(SEEDS.glob("004_*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(text.replace("warned on Wednesday", "said on Wednesday"), encoding="utf-8")
    await ingest_sources(app, [str(path)])
    report = await ingest_sources(app, [str(copy)])
    assert (report.new, report.near_duplicate) == (0, 1)


def test_seeding_a_new_database_once(app, tmp_path):
    seeds = seed_copy(tmp_path)
    (seeds / "feeds.toml").write_text('[feeds]\nurls = ["http://x.test/rss"]\n', encoding="utf-8")
    app = dataclasses.replace(app, settings=dataclasses.replace(app.settings, seeds_dir=seeds))
    report = ensure_seeded(app)
    assert report.new == 16 and report.ok and count_articles(app.db) == 16
    assert ensure_seeded(app) is None
    app.db.execute("DELETE FROM articles")  # emptied on purpose: stays empty
    assert ensure_seeded(app) is None and count_articles(app.db) == 0


def test_no_seeds_no_seeding(app, tmp_path):
    app = dataclasses.replace(app, settings=dataclasses.replace(app.settings, seeds_dir=tmp_path))
    assert ensure_seeded(app) is None and count_articles(app.db) == 0


def test_the_cli_prints_the_summary_and_exits_1_when_something_failed(tmp_path, capsys):
    db = tmp_path / "cli.db"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    status = bot.main(["--db", str(db), "ingest", "--no-progress", str(SEEDS), str(empty)])
    out = capsys.readouterr().out
    assert status == 1
    assert "Ingest summary" in out and "│ new            │       16 │" in out
    assert "│ failed         │        1 │" in out and "the file is empty" in out
    status = bot.main(["ingest", "--no-progress", "--db", str(db), str(SEEDS)])
    out = capsys.readouterr().out
    assert status == 0 and "│ duplicate      │       16 │" in out
    assert count_articles(open_db(db)) == 16


def test_the_cli_in_a_subprocess(tmp_path):
    db = tmp_path / "sub.db"
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(b"not really"))
    result = subprocess.run(
        [sys.executable, "bot.py", "ingest", str(FIXTURES / "dumps"), str(gz), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert re.search(r"new\s*│\s*6\s*│", result.stdout), result.stdout
    assert "not an RSS or Atom feed" in result.stdout
    app = App(db=open_db(db), settings=None, clock=lambda: NOW)  # type: ignore[arg-type]
    assert count_articles(app.db) == 6


async def test_an_html_page_served_as_a_feed(app, site, fetcher):
    html = (FIXTURES / "feeds" / "notafeed.html").read_bytes()
    site.add_bytes("/feed-now-html", local_feed(site), "application/rss+xml")
    site.add_bytes("/not-a-feed", html, "application/rss+xml")
    report = await ingest_sources(app, [site.url("/not-a-feed")], fetcher=fetcher)
    assert report.failed == ((site.url("/not-a-feed"), "no article text found on the page"),)
    await ingest_feed(app, site.url("/feed-now-html"), fetcher=fetcher)
    site.add_bytes("/feed-now-html", html, "application/rss+xml")
    report = await ingest_feed(app, site.url("/feed-now-html"), fetcher=fetcher)
    assert report.failed == ((site.url("/feed-now-html"), "an HTML page, not an RSS or Atom feed"),)
    assert find_source(app.db, site.url("/feed-now-html")).failures == 1


async def test_progress_is_reported_per_source_and_per_article(app, tmp_path):
    calls = []
    folder = seed_copy(tmp_path)
    await ingest_sources(app, [str(folder)], progress=lambda *a: calls.append(a))
    # each source as it begins: the total is there from the first call on, not "0/?" (QA20a F6)
    assert calls[0][:2] == (0, 5) and calls[0][2].endswith("000_3b77d831465d6327.txt: reading")
    begun = [(done, total) for done, total, label in calls if label.endswith(": reading")]
    assert begun == [(k, 5) for k in range(5)]
    per_source = [c for c in calls if ": article " not in c[2] and not c[2].endswith(": reading")]
    assert [(done, total) for done, total, _ in per_source] == [(k, 5) for k in range(1, 6)]
    assert per_source[-1][2].endswith("004_6f802f8af4e8b38f.txt")
    # within a source the bar stays at the sources done, and the label counts its articles
    articles = [(done, label.rsplit("/", 1)[-1]) for done, _, label in calls if ": article " in label]
    assert len(articles) == 16
    assert articles[0] == (0, "000_3b77d831465d6327.txt: article 1 of 9")
    assert articles[-1][0] == 4 and articles[-1][1].startswith("004_6f802f8af4e8b38f.txt: article ")


def test_the_progress_bar_draws_only_on_a_terminal(tmp_path):
    import io

    from briefing.adapters.ingest_report import progress_bar

    with progress_bar(enabled=True, file=io.StringIO()) as hook:
        assert hook is None  # not a terminal: a log must not fill with redraws
    with progress_bar(enabled=False) as hook:
        assert hook is None


async def test_storing_in_the_bot_loop_lets_other_handlers_run_between_articles(app):
    import asyncio

    from briefing.models import ArticleDraft
    from briefing.service.batches import Tally, store_drafts_async
    from store.articles import count_articles

    bodies = [
        "The council voted on the budget for schools and roads on Tuesday after a long debate.",
        "Heavy rain flooded the river valley overnight and rescuers moved families to higher ground.",
        "The orchestra opened its season with a new symphony by a young composer from the north.",
    ]
    drafts = [ArticleDraft(title=f"Story {i}", body=b, source="test") for i, b in enumerate(bodies)]
    seen: list[int] = []

    async def other_handler() -> None:
        for _ in range(6):
            seen.append(count_articles(app.db))
            await asyncio.sleep(0)

    tally = Tally()
    await asyncio.gather(
        store_drafts_async(app, drafts, tally, label="test", source_id=None), other_handler()
    )
    assert tally.new == 3
    # the other handler ran while the articles were stored one by one, and never inside a transaction
    assert len({n for n in seen if n < 3}) > 0
    assert not app.db.conn.in_transaction


async def test_a_feed_file_again_fetches_no_page_whose_url_is_known(app, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(local_feed(LocalSite(), base="https://news.test"))
    fetched = []

    def handler(request: httpx.Request) -> httpx.Response:
        fetched.append(request.url.path)
        if request.url.path == "/story/1":
            return httpx.Response(
                200, content=story_page("Harbour wall", STORY), headers={"content-type": "text/html"}
            )
        return httpx.Response(404)

    async with Fetcher(FAST, transport=httpx.MockTransport(handler)) as fetcher:
        first = await ingest_sources(app, [str(feed)], fetcher=fetcher)
        assert (first.new, len(first.notes)) == (5, 3) and len(fetched) == 4
        fetched.clear()
        again = await ingest_sources(app, [str(feed)], fetcher=fetcher)
    # every entry is a duplicate, and is said to be nothing else: no page fetched, no "kept the summary"
    assert (again.new, again.duplicate, again.notes, again.failed) == (0, 5, (), ())
    assert fetched == []
    offline = ingest_files(app, [feed])  # nor are known teasers reported as pages not fetched
    assert (offline.new, offline.duplicate, offline.failed) == (0, 5, ())


async def test_a_pipe_or_a_device_is_named_for_what_it_is_and_not_read(app, tmp_path):
    pipe = tmp_path / "feed.fifo"
    os.mkfifo(pipe)
    report = await ingest_sources(app, [str(pipe), "/dev/zero"])
    reason = "not a regular file (a pipe, a device or a socket)"
    assert dict(report.failed) == {str(pipe): reason, "/dev/zero": reason}


def test_an_article_printed_twice_in_one_dump_counts_as_a_duplicate(app, tmp_path):
    article = (
        "World\n"
        "Landslide blocks mountain road in northern Italy\n"
        "By Staff Reporter\n"
        "Nov 23, 2026\n"
        "A landslide blocked the main road to the village of Valdena on Sunday after two days of heavy rain,"
        " the regional civil protection agency said.\n"
        "The valley was among those flooded in 2024, when rivers burst their banks across the region.\n"
    )
    path = tmp_path / "desk.txt"
    path.write_text(article + article, encoding="utf-8")
    report = ingest_files(app, [path])
    assert (report.new, report.duplicate) == (1, 1)  # the table adds up to what the file holds


def test_a_symlink_loop_and_a_link_to_nothing_are_named_not_missing(tmp_path):
    from briefing.service.source_files import expand_sources

    (tmp_path / "loopA").symlink_to(tmp_path / "loopB")
    (tmp_path / "loopB").symlink_to(tmp_path / "loopA")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    names = [str(tmp_path / n) for n in ("loopA", "dangling.txt", "missing.txt")]
    assert {item.location: item.error for item in expand_sources(names)} == {
        names[0]: "a loop of symbolic links (too many levels of symbolic links)",
        names[1]: "a symbolic link to nothing (its target is missing)",
        names[2]: "no such file or folder",
    }


def test_a_folder_walk_names_a_link_to_nothing_and_a_pipe_as_the_command_line_does(tmp_path):
    """qa29c F10: the walk kept only regular files, so a dangling link or a FIFO copied with an archive
    was left out without a word."""
    import os

    from briefing.service.source_files import expand_sources

    (tmp_path / "story.txt").write_text("A story.\n", encoding="utf-8")
    (tmp_path / "zz_broken_link.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "zz_fifo.txt")
    (tmp_path / "notes.bin").symlink_to(tmp_path / "gone.bin")  # not a kind the walk reads: no word
    assert {item.location: item.error for item in expand_sources([str(tmp_path)])} == {
        str(tmp_path / "story.txt"): None,
        str(tmp_path / "zz_broken_link.txt"): "a symbolic link to nothing (its target is missing)",
        str(tmp_path / "zz_fifo.txt"): "not a regular file (a pipe, a device or a socket)",
    }
