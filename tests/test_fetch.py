"""The HTTP fetcher against a real server on 127.0.0.1, and with httpx's MockTransport."""

import asyncio
import gzip
import socket

import httpx
import pytest
from aiohttp import web
from localweb import FEED_ETAG, FEED_MODIFIED

from briefing.adapters.fetch import FetchConfig, Fetcher, check_url
from briefing.errors import FetchError

CONFIG = FetchConfig(timeout=0.5, max_bytes=1_000_000, max_redirects=3, user_agent="TestBot/1.0")


# against the local site: a connection on a loaded test machine can take more than half a second; /slow
# answers after 3 s
LIVE = FetchConfig(timeout=2.0, max_bytes=1_000_000, max_redirects=3, user_agent="TestBot/1.0")


@pytest.fixture
async def fetcher():
    async with Fetcher(LIVE) as f:
        yield f


async def test_a_page(site, fetcher):
    result = await fetcher.get(site.url("/page"))
    assert result.status == 200 and result.content_type.startswith("text/html")
    assert b"Port strike halts shipping" in result.body
    assert result.url == site.url("/page")


async def test_the_user_agent_is_ours(site, fetcher):
    assert (await fetcher.get(site.url("/ua"))).body == b"TestBot/1.0"


async def test_gzip_content_encoding_is_undone(site, fetcher):
    assert b"Port strike halts shipping" in (await fetcher.get(site.url("/gzip"))).body


async def test_conditional_get_gives_304(site, fetcher):
    first = await fetcher.get(site.url("/feed.xml"))
    assert (first.etag, first.last_modified) == (FEED_ETAG, FEED_MODIFIED)
    again = await fetcher.get(site.url("/feed.xml"), etag=first.etag, last_modified=FEED_MODIFIED)
    assert again.not_modified and again.body == b""
    sent = site.requests[-1].headers
    assert sent["If-None-Match"] == FEED_ETAG and sent["If-Modified-Since"] == FEED_MODIFIED


async def test_redirects_are_followed_and_bounded(site, fetcher):
    result = await fetcher.get(site.url("/chain/3"))
    assert result.url == site.url("/page") and result.status == 200
    with pytest.raises(FetchError, match="too many redirects"):
        await fetcher.get(site.url("/chain/5"))


async def test_a_redirect_loop(site, fetcher):
    with pytest.raises(FetchError, match="redirect loop"):
        await fetcher.get(site.url("/loop-a"))


async def test_a_redirect_to_a_file_url_is_refused(site, fetcher):
    with pytest.raises(FetchError, match="refused 'file' URL"):
        await fetcher.get(site.url("/to-file"))


async def test_404(site, fetcher):
    with pytest.raises(FetchError, match="HTTP 404 Not Found") as caught:
        await fetcher.get(site.url("/missing"))
    assert not caught.value.transient  # it will be missing next time too


@pytest.mark.parametrize("status, transient", [(503, True), (429, True), (408, True), (403, False)])
async def test_an_error_status_says_whether_trying_later_may_help(site, fetcher, status, transient):
    async def answer(request):
        return web.Response(status=status)

    site.add("/status", answer)
    with pytest.raises(FetchError, match=f"HTTP {status} ") as caught:
        await fetcher.get(site.url("/status"))
    assert caught.value.transient is transient


async def test_a_slow_response_times_out(site, fetcher):
    with pytest.raises(FetchError, match=r"timed out after 2s") as caught:
        await fetcher.get(site.url("/slow"))
    assert caught.value.transient


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
async def test_a_huge_body_is_cut_off(site, fetcher, path):
    with pytest.raises(FetchError, match="too large"):
        await fetcher.get(site.url(path))


async def test_an_unreachable_host(fetcher):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match=r"cannot connect to 127\.0\.0\.1") as caught:
        await fetcher.get(f"http://127.0.0.1:{port}/")
    assert caught.value.transient


async def test_a_host_that_cannot_be_connected_to_is_not_tried_again():
    tried = []

    def handler(request: httpx.Request) -> httpx.Response:
        tried.append(str(request.url))
        if request.url.host == "down.test":
            raise httpx.ConnectError("[Errno -2] Name or service not known")
        if request.url.host == "slow.test":
            raise httpx.ConnectTimeout("timed out")
        return httpx.Response(200, text="hello")

    async with Fetcher(CONFIG, transport=httpx.MockTransport(handler)) as fetcher:
        for url in (
            "https://down.test/1",
            "https://down.test/2",
            "https://slow.test/1",
            "https://slow.test/2",
        ):
            with pytest.raises(FetchError, match=r"^cannot (connect to|resolve host)") as caught:
                await fetcher.get(url)
            assert caught.value.transient
        assert str(caught.value) == "cannot connect to slow.test: timed out after 0.5s"
        # another site, and the same host on another port, are still tried
        assert (await fetcher.get("https://up.test/1")).body == b"hello"
        with pytest.raises(FetchError, match=r"^cannot resolve host down\.test$"):
            await fetcher.get("https://down.test:8443/3")
    assert tried == [
        "https://down.test/1",
        "https://slow.test/1",
        "https://up.test/1",
        "https://down.test:8443/3",
    ]
    async with Fetcher(CONFIG, transport=httpx.MockTransport(handler)) as fresh:  # a new run tries again
        with pytest.raises(FetchError):
            await fresh.get("https://down.test/2")
    assert tried[-1] == "https://down.test/2"


async def test_a_redirect_to_a_host_that_is_down_marks_that_host_not_the_first():
    tried = []

    def handler(request: httpx.Request) -> httpx.Response:
        tried.append(request.url.host)
        if request.url.host == "down.test":
            raise httpx.ConnectError("refused")
        return httpx.Response(302, headers={"Location": "https://down.test/moved"})

    async with Fetcher(CONFIG, transport=httpx.MockTransport(handler)) as fetcher:
        for url in ("https://up.test/a", "https://up.test/b", "https://down.test/c"):
            with pytest.raises(FetchError, match=r"cannot connect to down\.test: refused"):
                await fetcher.get(url)
    assert tried == ["up.test", "down.test", "up.test"]


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)", "/relative", "http://"],
)
def test_non_http_urls_are_refused(url):
    with pytest.raises(FetchError):
        check_url(url)


@pytest.mark.parametrize("url", ["http://[::1/x", "http://127.0.0.1:99999/"])
async def test_a_malformed_url_is_a_fetch_error(fetcher, url):
    with pytest.raises(FetchError, match="invalid URL"):
        await fetcher.get(url)


async def test_the_transport_is_swappable():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "/new"})
        return httpx.Response(200, text="hello", headers={"ETag": '"x"'})

    async with Fetcher(CONFIG, transport=httpx.MockTransport(handler)) as fetcher:
        result = await fetcher.get("https://news.test/old")
    assert result.url == "https://news.test/new" and result.body == b"hello"
    assert result.etag == '"x"'
    assert [str(r.url) for r in seen] == ["https://news.test/old", "https://news.test/new"]
    assert seen[0].headers["User-Agent"] == "TestBot/1.0"


async def test_a_server_that_trickles_its_body_is_given_up_on():
    async def trickle():
        for _ in range(1000):  # each byte well within the read timeout; all of them far beyond the deadline
            await asyncio.sleep(0.01)
            yield b"x"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=trickle())

    config = FetchConfig(timeout=0.1, max_bytes=1_000_000, max_redirects=3, user_agent="TestBot/1.0")
    async with Fetcher(config, transport=httpx.MockTransport(handler)) as fetcher:
        with pytest.raises(FetchError, match=r"took longer than 0.4s in all") as caught:
            await fetcher.get("https://slow.test/feed")
    assert caught.value.transient


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
async def test_a_broken_compressed_body_is_named_for_what_it_is(site, fetcher, encoding):
    async def broken(request: web.Request) -> web.Response:
        headers = {"Content-Encoding": encoding, "Content-Type": "text/html"}
        return web.Response(body=b"\x1f\x8b\x08\x00junk" * 9, headers=headers)

    site.add("/broken", broken)
    with pytest.raises(FetchError, match=f"^the server sent a broken {encoding} body$"):
        await fetcher.get(site.url("/broken"))


async def test_a_body_a_transport_could_not_decode_is_named_too():
    def handler(request: httpx.Request) -> httpx.Response:  # decoded as the response is built
        return httpx.Response(200, headers={"Content-Encoding": "gzip"}, content=b"\x1f\x8b\x08\x00junk" * 9)

    async with Fetcher(CONFIG, transport=httpx.MockTransport(handler)) as fetcher:
        with pytest.raises(FetchError, match=r"^the server sent a broken compressed body$"):
            await fetcher.get("http://127.0.0.1/x")


@pytest.mark.parametrize(
    "location, scheme",
    [
        ("javascript:alert(1)", "javascript"),
        ("data:text/html,<b>x</b>", "data"),
        ("mailto:a@b.test", "mailto"),
    ],
)
async def test_a_redirect_to_a_non_web_url_is_refused_as_such(site, fetcher, location, scheme):
    async def answer(request):
        raise web.HTTPFound(location)

    site.add("/to-other", answer)
    with pytest.raises(FetchError) as caught:
        await fetcher.get(site.url("/to-other"))
    said = str(caught.value)  # not httpx's words blaming the address asked for ("invalid URL ...")
    refused = f"refused {scheme!r} URL: only http and https are fetched"
    assert said == f"{refused} (a redirect from {site.url('/to-other')})"


async def test_connection_failures_are_told_in_words():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "refused.test":
            raise httpx.ConnectError("[Errno 111] Connection refused")
        raise httpx.ConnectError("[Errno -2] Name or service not known")

    async with Fetcher(CONFIG, transport=httpx.MockTransport(handler)) as fetcher:
        with pytest.raises(FetchError) as unknown:
            await fetcher.get("https://example.invalid/feed")
        with pytest.raises(FetchError) as refused:
            await fetcher.get("https://refused.test/feed")
    assert str(unknown.value) == "cannot resolve host example.invalid"
    assert str(refused.value) == "cannot connect to refused.test: connection refused"


async def test_a_gzip_body_cut_short_is_a_broken_gzip_body(site, fetcher):
    whole = gzip.compress(b"<rss>" + b"<item><title>A story</title></item>" * 200 + b"</rss>")

    def serving(body: bytes):
        async def handler(request: web.Request) -> web.Response:
            headers = {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}
            return web.Response(body=body, headers=headers)

        return handler

    site.add("/whole.xml", serving(whole))
    site.add("/cut.xml", serving(whole[: len(whole) // 2]))
    assert (await fetcher.get(site.url("/whole.xml"))).body.endswith(b"</rss>")
    with pytest.raises(FetchError, match=r"^the server sent a broken gzip body \(cut short\)$") as cut:
        await fetcher.get(site.url("/cut.xml"))
    assert cut.value.transient
