"""Fetching over HTTP: one async httpx client with timeouts, a size limit and bounded redirects.

Usage::

    async with Fetcher(FetchConfig.from_settings(settings)) as fetcher:
        page = await fetcher.get("https://example.com/news/1")
        feed = await fetcher.get(url, etag=source.etag, last_modified=source.last_modified)
        if feed.not_modified: ...            # 304: nothing new since the last poll

Tests pass ``transport=httpx.MockTransport(handler)`` (or point at a server on 127.0.0.1). Every
failure is a :class:`briefing.errors.FetchError` with a one-line reason: a refused scheme (only
http and https are fetched, on every redirect hop too), an HTTP error status, a timeout (``timeout``
for each connect and read, four times that for the whole request), a body over
``max_bytes`` (enforced while streaming, not trusted from Content-Length alone), a body that does not
decompress as its Content-Encoding says ("the server sent a broken gzip body"), too many redirects
or a redirect loop, or a host that cannot be reached.

A host that could not be connected to (no such name, refused, connect timeout) is not tried again by
the same fetcher: later URLs on it fail at once with the first failure. Offline, a feed of fifty
entries on one site then costs one failed connection instead of fifty. So a fetcher is for one run
(one ``bot.py ingest``, one feed poll), not for the life of the bot.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from briefing.errors import FetchError

REDIRECTS = (301, 302, 303, 307, 308)
WHOLE_REQUEST_TIMEOUTS = 4  # a request, redirects and body included, gets this many timeouts in all
RETRYABLE = (408, 425, 429)  # statuses that say "not now" rather than "never"


@dataclass(frozen=True)
class FetchConfig:
    timeout: float = 15.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = "BriefingBot/0.1"

    @classmethod
    def from_settings(cls, settings: Any) -> FetchConfig:
        return cls(
            timeout=settings.fetch_timeout,
            max_bytes=settings.fetch_max_bytes,
            max_redirects=settings.fetch_max_redirects,
            user_agent=settings.user_agent,
        )


@dataclass(frozen=True)
class FetchResult:
    """A fetched resource. ``url`` is the final URL after redirects; a 304 has ``not_modified``."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url(url: str) -> str:
    """``url`` if it is an http(s) URL with a host; else :class:`FetchError`."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises for a port out of range)
    except ValueError as exc:
        raise FetchError(f"invalid URL {url!r}: {exc}") from exc
    if parts.scheme.lower() not in ("http", "https"):
        scheme = parts.scheme or "no scheme"
        raise FetchError(f"refused {scheme!r} URL: only http and https are fetched")
    if not parts.hostname:
        raise FetchError(f"no host in URL {url!r}")
    return url


class Fetcher:
    """An async HTTP client for pages and feeds; an async context manager (or call ``aclose``)."""

    def __init__(
        self,
        config: FetchConfig | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.config = config or FetchConfig()
        self._unreachable: dict[tuple[str, str, int | None], str] = {}  # origin → why
        self._client = httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(self.config.timeout),
            follow_redirects=False,
            headers={"User-Agent": self.config.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET ``url``, following redirects; with ``etag``/``last_modified``, a conditional GET."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = {url}
        current = check_url(url)
        deadline = self.config.timeout * WHOLE_REQUEST_TIMEOUTS
        try:  # httpx's timeout is per read: a server that trickles bytes would hold the fetch forever
            async with asyncio.timeout(deadline):
                for _ in range(self.config.max_redirects + 1):
                    result, location = await self._once(current, headers)
                    if location is None:
                        return result
                    current = check_url(urljoin(current, location))
                    if current in seen:
                        raise FetchError(f"redirect loop at {current}")
                    seen.add(current)
        except TimeoutError:
            raise FetchError(f"took longer than {deadline:g}s in all", transient=True) from None
        raise FetchError(f"too many redirects (more than {self.config.max_redirects})")

    async def _once(self, url: str, headers: dict[str, str]) -> tuple[FetchResult, str | None]:
        parts = urlsplit(url)
        origin = (parts.scheme.lower(), parts.hostname or "", parts.port)
        if origin in self._unreachable:
            raise FetchError(self._unreachable[origin], transient=True)
        try:
            async with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code in REDIRECTS and response.headers.get("location"):
                    return FetchResult(url, response.status_code), response.headers["location"]
                if response.status_code >= 400:
                    reason = response.reason_phrase or "error"
                    code = response.status_code
                    raise FetchError(f"HTTP {code} {reason}", transient=code >= 500 or code in RETRYABLE)
                body = b"" if response.status_code == 304 else await self._read(response)
                return (
                    FetchResult(
                        url=url,
                        status=response.status_code,
                        body=body,
                        content_type=response.headers.get("content-type", ""),
                        etag=response.headers.get("etag"),
                        last_modified=response.headers.get("last-modified"),
                    ),
                    None,
                )
        except httpx.ConnectTimeout as exc:
            raise self._cannot_connect(origin, f"timed out after {self.config.timeout:g}s") from exc
        except httpx.ConnectError as exc:
            raise self._cannot_connect(origin, _first_line(exc)) from exc
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out after {self.config.timeout:g}s", transient=True) from exc
        except httpx.DecodingError as exc:  # a body decoded before _read saw it (a transport that reads it)
            raise FetchError("the server sent a broken compressed body", transient=True) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {_first_line(exc)}", transient=True) from exc
        except (httpx.InvalidURL, UnicodeError) as exc:
            raise FetchError(f"invalid URL {url!r}: {_first_line(exc)}") from exc

    def _cannot_connect(self, origin: tuple[str, str, int | None], why: str) -> FetchError:
        self._unreachable[origin] = f"cannot connect to {origin[1]}: {why}"
        return FetchError(self._unreachable[origin], transient=True)

    async def _read(self, response: httpx.Response) -> bytes:
        limit = self.config.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"too large: {int(declared):,} bytes (limit {limit:,})")
        chunks, size = [], 0
        try:
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"too large: more than {limit:,} bytes")
                chunks.append(chunk)
        except httpx.DecodingError as exc:  # zlib's "Error -3 while decompressing data" says nothing
            encoding = response.headers.get("content-encoding", "").strip().lower() or "compressed"
            raise FetchError(f"the server sent a broken {encoding} body", transient=True) from exc
        return b"".join(chunks)


def _first_line(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0]
