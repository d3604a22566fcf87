"""SSRF (QA15c F3): the fetcher goes wherever the operator's own URL points, but a link found in fetched
content (a feed entry's page) or a redirect reaches an internal address (loopback, private, link-local)
only from such an address itself. Two servers on 127.0.0.1 play a public site and an internal one: an
injected resolver says the "public" one's port is at a public address."""

from urllib.parse import urlsplit

import httpx
import pytest
from aiohttp import web
from localweb import LocalSite

from briefing.adapters.fetch import FetchConfig, Fetcher
from briefing.errors import FetchError
from briefing.service.ingest import ingest_sources
from store.articles import find_by_url

FAST = FetchConfig(timeout=2.0, max_bytes=1_000_000, max_redirects=3, user_agent="TestBot/1.0")
PUBLIC = "93.184.216.34"
STORY = "<p>{}</p>".format(
    "The council met on Tuesday night to discuss the new harbour wall, which engineers say must be "
    "raised by a metre before the winter storms arrive. " * 3
)
SECRET = "<p>{}</p>".format(
    "The database password for the production cluster is hunter2 and the backup key sits on the "
    "operations share beside the deployment notes. " * 3
)


@pytest.fixture
async def inner():
    """The internal service: a server on 127.0.0.1 that no feed's author may send the bot to."""
    local = LocalSite()
    await local.start()
    local.add_bytes("/admin", page("Internal console", SECRET), "text/html")
    yield local
    await local.stop()


def pretending_public(site: LocalSite):
    """A resolver that puts ``site``'s port at a public address; every other host is its own address."""
    public_port = urlsplit(site.base).port

    async def resolve(host: str, port: int) -> list[str]:
        return [PUBLIC] if port == public_port else [host]

    return resolve


def page(title: str, text: str) -> bytes:
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{text}</article></body></html>".encode()


def feed(*links: tuple[str, str]) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link><description>A short teaser of {title}."
        f"</description><pubDate>Tue, 21 Jan 2025 10:00:00 GMT</pubDate></item>"
        for title, link in links
    )
    channel = f"<channel><title>Innocent news</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


def redirect(location: str):
    async def handler(request: web.Request) -> web.Response:
        raise web.HTTPFound(location)

    return handler


async def test_a_redirect_from_a_public_address_to_an_internal_one_is_refused(site, inner):
    site.add("/go", redirect(inner.url("/admin")))
    async with Fetcher(FAST, resolver=pretending_public(site)) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get(site.url("/go"))
    assert str(caught.value) == (
        f"refused: a redirect to {inner.url('/admin')} points to a loopback address 127.0.0.1, "
        "which only the operator may name"
    )
    assert not caught.value.transient  # the next poll would be refused the same way
    assert [r.path for r in site.requests] == ["/go"] and inner.requests == []


async def test_a_redirect_to_the_cloud_metadata_address_is_refused_before_any_connection(site):
    site.add("/meta", redirect("http://169.254.169.254/latest/meta-data/"))
    async with Fetcher(FAST, resolver=pretending_public(site)) as fetcher:
        with pytest.raises(FetchError, match=r"link-local address 169\.254\.169\.254, which only"):
            await fetcher.get(site.url("/meta"))


async def test_a_link_found_at_a_public_address_may_not_lead_inside(site, inner):
    async with Fetcher(FAST, resolver=pretending_public(site)) as fetcher:
        public = await fetcher.get(site.url("/page"))
        assert not public.internal
        with pytest.raises(FetchError, match=r"^refused: the link points to a loopback address 127\.0\.0\.1"):
            await fetcher.get(inner.url("/admin"), trusted=public.internal)
    assert inner.requests == []


async def test_the_operators_internal_url_is_fetched_and_its_links_and_redirects_may_stay_inside(site, inner):
    inner.add("/moved", redirect("/admin"))
    async with Fetcher(FAST, resolver=pretending_public(site)) as fetcher:
        named = await fetcher.get(inner.url("/moved"))  # a LAN feed the operator chose
        assert named.internal and named.url == inner.url("/admin") and b"hunter2" in named.body
        linked = await fetcher.get(inner.url("/admin"), trusted=named.internal)
        assert linked.status == 200
        # and from inside out to the public site: nothing to refuse
        out = await fetcher.get(site.url("/page"), trusted=named.internal)
        assert out.status == 200 and not out.internal


async def test_by_default_loopback_literals_and_names_are_judged_after_resolution(site):
    async with Fetcher(FAST) as fetcher:  # the production resolver: getaddrinfo, IP literals as they are
        with pytest.raises(FetchError, match=r"loopback address 127\.0\.0\.1"):
            await fetcher.get(site.url("/page"), trusted=False)
        with pytest.raises(FetchError, match="loopback address"):  # "localhost" resolves to loopback
            await fetcher.get(site.url("/page").replace("127.0.0.1", "localhost"), trusted=False)
        assert (await fetcher.get(site.url("/page"))).internal
    assert site.requests[-1].path == "/page" and len(site.requests) == 1


async def test_a_host_that_cannot_be_resolved_is_not_judged_and_fails_as_it_would_have():
    async def no_such_name(host: str, port: int) -> list[str]:
        raise OSError(f"Name or service not known: {host}")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="hello", headers={"content-type": "text/plain"})

    transport = httpx.MockTransport(handler)
    async with Fetcher(FAST, transport=transport, resolver=no_such_name) as fetcher:
        result = await fetcher.get("https://news.test/a", trusted=False)
    assert result.body == b"hello" and not result.internal


async def test_a_public_feeds_entry_linking_inside_is_refused_and_the_rest_goes_in(app, site, inner):
    site.add_bytes("/story", page("Harbour wall", STORY), "text/html")
    site.add("/hop", redirect(inner.url("/admin")))
    body = feed(
        ("Harbour wall", site.url("/story")),
        ("Internal admin console credentials", inner.url("/admin")),
        ("Redirected credentials", site.url("/hop")),
    )
    site.add_bytes("/rss", body, "application/rss+xml")
    async with Fetcher(FAST, resolver=pretending_public(site)) as fetcher:
        report = await ingest_sources(app, [site.url("/rss")], fetcher=fetcher)
    assert inner.requests == []
    assert "hunter2" not in find_by_url(app.db, site.url("/story")).body
    assert find_by_url(app.db, site.url("/story")).title == "Harbour wall"
    reasons = dict(report.failed + report.notes)
    assert reasons[inner.url("/admin")].startswith(
        "feed entry page: refused: the link points to a loopback address 127.0.0.1, "
        "which only the operator may name"
    )
    assert reasons[site.url("/hop")].startswith(
        f"feed entry page: refused: a redirect to {inner.url('/admin')} points to a loopback address"
    )
    stored = find_by_url(app.db, inner.url("/admin"))
    assert stored is None or "hunter2" not in stored.body  # at most the feed's own teaser


async def test_an_internal_feeds_entries_are_read_from_its_own_server(app, site, inner):
    inner.add_bytes("/rss", feed(("Internal console", inner.url("/admin"))), "application/rss+xml")
    async with Fetcher(FAST, resolver=pretending_public(site)) as fetcher:
        report = await ingest_sources(app, [inner.url("/rss")], fetcher=fetcher)
    assert report.failed == () and report.new == 1
    assert "hunter2" in find_by_url(app.db, inner.url("/admin")).body


async def test_a_feed_files_entry_linking_to_loopback_is_refused(app, tmp_path, inner):
    # QA15c's repro: a feed file (written by someone else) whose entry links to an internal console
    path = tmp_path / "ssrf.rss"
    path.write_bytes(feed(("Internal admin console credentials", inner.url("/admin"))))
    async with Fetcher(FAST) as fetcher:
        report = await ingest_sources(app, [str(path)], fetcher=fetcher)
    assert inner.requests == []
    reasons = dict(report.failed + report.notes)
    assert "refused: the link points to a loopback address 127.0.0.1" in reasons[inner.url("/admin")]
    stored = find_by_url(app.db, inner.url("/admin"))
    assert stored is None or "hunter2" not in stored.body
