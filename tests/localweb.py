"""A small real HTTP server on 127.0.0.1 for fetch and ingest tests (aiohttp, in the test's loop).

``LocalSite`` serves pages, feeds (ETag, Last-Modified, 304), a 404, a slow response, a huge body
(with and without Content-Length), redirect chains and loops, a redirect to ``file:``, gzip, and
echoes the User-Agent. Tests add their own routes with ``site.add(path, handler)``.
"""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FEED_ETAG = '"v1"'
FEED_MODIFIED = "Wed, 31 Jan 2018 16:00:00 GMT"
SHUTDOWN_TIMEOUT = 1.0  # seconds the stop gives the handlers still running

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class LocalSite:
    def __init__(self) -> None:
        self.app = web.Application()
        self.routes: dict[str, Handler] = {}
        self.requests: list[web.Request] = []
        self.runner: web.AppRunner | None = None
        self.base = ""
        self.app.router.add_route("GET", "/{tail:.*}", self._dispatch)
        self._defaults()

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def add_bytes(self, path: str, body: bytes, content_type: str) -> None:
        async def handler(request: web.Request) -> web.Response:
            return web.Response(body=body, content_type=content_type.split(";")[0])

        self.add(path, handler)

    async def start(self) -> None:
        # a handler still running at the stop (a page a test left hanging) is cancelled after a second,
        # not waited for aiohttp's default minute
        self.runner = web.AppRunner(self.app, shutdown_timeout=SHUTDOWN_TIMEOUT)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(request)
        handler = self.routes.get(request.path)
        if handler is None:
            raise web.HTTPNotFound()
        return await handler(request)

    def _defaults(self) -> None:
        page = (FIXTURES / "pages" / "port_strike.html").read_bytes()
        self.add_bytes("/page", page, "text/html")
        self.add_bytes("/text", (FIXTURES / "dumps" / "valley_times.txt").read_bytes(), "text/plain")
        self.add("/feed.xml", _feed)
        self.add("/slow", _slow)
        self.add("/huge", _huge)
        self.add("/huge-declared", _huge_declared)
        self.add("/redirect", _redirect_to("/page"))
        self.add("/loop-a", _redirect_to("/loop-b"))
        self.add("/loop-b", _redirect_to("/loop-a"))
        self.add("/to-file", _redirect_to("file:///etc/passwd"))
        for n in range(1, 10):
            self.add(f"/chain/{n}", _redirect_to(f"/chain/{n - 1}" if n > 1 else "/page"))
        self.add("/gzip", _gzip)
        self.add("/ua", _ua)
        self.add("/image.png", _png)


async def _feed(request: web.Request) -> web.Response:
    if request.headers.get("If-None-Match") == FEED_ETAG:
        return web.Response(status=304, headers={"ETag": FEED_ETAG})
    body = (FIXTURES / "feeds" / "heise.atom").read_bytes()
    headers = {"ETag": FEED_ETAG, "Last-Modified": FEED_MODIFIED}
    return web.Response(body=body, content_type="application/atom+xml", headers=headers)


async def _slow(request: web.Request) -> web.Response:
    await asyncio.sleep(3)
    return web.Response(text="late")


async def _huge(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse()  # chunked: no Content-Length to trust
    response.content_type = "text/plain"
    await response.prepare(request)
    for _ in range(64):
        await response.write(b"x" * 65536)
    return response


async def _huge_declared(request: web.Request) -> web.Response:
    return web.Response(body=b"x" * 4_000_000, content_type="text/plain")


def _redirect_to(location: str) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(status=302, headers={"Location": location})

    return handler


async def _gzip(request: web.Request) -> web.Response:
    body = gzip.compress((FIXTURES / "pages" / "port_strike.html").read_bytes())
    return web.Response(
        body=body, headers={"Content-Encoding": "gzip", "Content-Type": "text/html; charset=utf-8"}
    )


async def _ua(request: web.Request) -> web.Response:
    return web.Response(text=request.headers.get("User-Agent", ""))


async def _png(request: web.Request) -> web.Response:
    return web.Response(body=b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png")
