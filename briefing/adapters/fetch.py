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
or a redirect loop, or a host that cannot be reached, or an internal address the fetch may not go to.

Internal addresses (SSRF): each hop's host is resolved (``loop.getaddrinfo``; an IP literal as it is)
and judged by :func:`briefing.addresses.refused_address`. The URL the caller gives is fetched wherever it
points when ``trusted`` (the default: the operator named it — ``bot.py ingest URL``, an admin's
``/ingest``, a polled feed's address); a link found in fetched content is fetched with
``trusted=result.internal`` of the document it was found in (``False`` for a file), so a loopback, private
or link-local address is reached only from such an address itself. A redirect's next hop is trusted only
when the hop that sent it was internal. A refusal is a :class:`FetchError` that is not transient; a host
that cannot be resolved is not judged, and its connection fails as it would have. With an injected
``transport`` and no ``resolver``, only IP literals are judged (the transport decides where a name goes).
A ``resolver`` is asked about every host, IP literals too: tests pass one to make a server on 127.0.0.1
look public; production never does.

A host that could not be connected to (no such name, refused, connect timeout) is not tried again by
the same fetcher: later URLs on it fail at once with the first failure. Offline, a feed of fifty
entries on one site then costs one failed connection instead of fifty. So a fetcher is for one run
(one ``bot.py ingest``, one feed poll), not for the life of the bot.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
import zlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

import httpx

from briefing.addresses import refused_address, shown_url
from briefing.errors import FetchError

# a host and port → the IP addresses a connection to them may go to
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]

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
    internal: bool = False  # it came from an internal address: links in it may lead to such addresses

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
        resolver: Resolver | None = None,
    ) -> None:
        self.config = config or FetchConfig()
        self._resolver = resolver or (literal_address if transport else resolve)
        self._addresses: dict[tuple[str, int], tuple[str, ...]] = {}
        self._unreachable: dict[tuple[str, str, int | None], str] = {}  # origin → why
        self._client = httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(self.config.timeout),
            follow_redirects=False,
            # httpx reads a redirect's Location even when it does not follow it, and a "javascript:" one
            # fails there with words about the address asked for: it is judged first, by our rule
            event_hooks={"response": [_check_location]},
            headers={"User-Agent": self.config.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None, trusted: bool = True
    ) -> FetchResult:
        """GET ``url``, following redirects; with ``etag``/``last_modified``, a conditional GET.
        ``trusted``: ``url`` may be an internal address (the operator named it, or it was found in a
        document from such an address); pass ``False`` for a link found elsewhere (see the module's doc)."""
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
                    internal = await self._check_address(current, trusted=trusted, redirected=current != url)
                    result, location = await self._once(current, headers)
                    if location is None:
                        return replace(result, internal=internal)
                    trusted = internal  # a redirect is followed to an internal address only from one
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
            raise self._cannot_connect(origin, _connect_failure(exc)) from exc
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out after {self.config.timeout:g}s", transient=True) from exc
        except httpx.DecodingError as exc:  # a body decoded before _read saw it (a transport that reads it)
            raise FetchError("the server sent a broken compressed body", transient=True) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {_first_line(exc)}", transient=True) from exc
        except (httpx.InvalidURL, UnicodeError) as exc:
            raise FetchError(f"invalid URL {url!r}: {_first_line(exc)}") from exc

    async def _check_address(self, url: str, *, trusted: bool, redirected: bool) -> bool:
        """Whether ``url``'s host is internal; :class:`FetchError` if it is and may not be fetched."""
        parts = urlsplit(url)
        addresses = await self._resolve(parts.hostname or "", _port_of(parts))
        internal = refused_address(addresses, trusted=False)
        if internal is not None and not trusted:
            address, kind = internal
            what = f"a redirect to {shown_url(url)}" if redirected else "the link"
            raise FetchError(
                f"refused: {what} points to a {kind} address {address}, which only the operator may name"
            )
        return internal is not None

    async def _resolve(self, host: str, port: int) -> tuple[str, ...]:
        if (host, port) not in self._addresses:
            try:
                addresses = tuple(await self._resolver(host, port))
            except (OSError, UnicodeError):  # no such name: the connection fails as it would have
                addresses = ()  # and is not looked up again: offline, a feed's fifty pages cost one
            self._addresses[host, port] = addresses
        return self._addresses[host, port]

    def _cannot_connect(self, origin: tuple[str, str, int | None], why: str | None) -> FetchError:
        """``why`` None: the host's name has no address (see :func:`_connect_failure`)."""
        found = f"cannot connect to {origin[1]}: {why}" if why else f"cannot resolve host {origin[1]}"
        self._unreachable[origin] = found
        return FetchError(self._unreachable[origin], transient=True)

    async def _read(self, response: httpx.Response) -> bytes:
        limit = self.config.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"too large: {int(declared):,} bytes (limit {limit:,})")
        encoding = response.headers.get("content-encoding", "").strip().lower()
        if encoding in ("gzip", "x-gzip"):
            return await _gunzipped(response, limit)
        chunks, size = [], 0
        try:
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"too large: more than {limit:,} bytes")
                chunks.append(chunk)
        except httpx.DecodingError as exc:  # zlib's "Error -3 while decompressing data" says nothing
            raise FetchError(
                f"the server sent a broken {encoding or 'compressed'} body", transient=True
            ) from exc
        return b"".join(chunks)


BROKEN_GZIP = "the server sent a broken gzip body"


async def _gunzipped(response: httpx.Response, limit: int) -> bytes:
    """A gzip-encoded body inflated here rather than by httpx, whose decoder takes a body cut short
    (a dropped connection, a proxy's limit) for a whole one: its XML would then be reported as
    malformed, not as the broken gzip it is. At most ``limit`` bytes inflated."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    chunks, size = [], 0
    try:
        async for raw in response.aiter_raw():
            chunk = inflater.decompress(raw, limit + 1 - size)
            size += len(chunk)
            if size > limit or inflater.unconsumed_tail:
                raise FetchError(f"too large: more than {limit:,} bytes")
            chunks.append(chunk)
    except zlib.error as exc:
        raise FetchError(BROKEN_GZIP, transient=True) from exc
    if not inflater.eof:
        raise FetchError(f"{BROKEN_GZIP} (cut short)", transient=True)
    return b"".join(chunks)


async def resolve(host: str, port: int) -> list[str]:
    """The IP addresses a connection to ``host`` may go to: an IP literal's own, else the system's
    resolver's."""
    if literal := await literal_address(host, port):
        return literal
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


async def literal_address(host: str, port: int) -> list[str]:
    """``host`` if it is an IP address (an IPv6 one without its zone), else nothing: not resolved."""
    try:
        return [str(ipaddress.ip_address(host.split("%")[0]))]
    except ValueError:
        return []


async def _check_location(response: httpx.Response) -> None:
    """A redirect to anything but http(s) (``javascript:``, ``data:``, ``mailto:``, ``file:``) is
    refused, naming the redirect, before httpx reads the address."""
    location = response.headers.get("location")
    if response.status_code not in REDIRECTS or not location:
        return
    sender = str(response.request.url)
    try:
        check_url(urljoin(sender, location))
    except FetchError as exc:
        raise FetchError(f"{exc} (a redirect from {shown_url(sender)})") from None


def _port_of(parts: SplitResult) -> int:
    return parts.port or (443 if parts.scheme.lower() == "https" else 80)


# The resolver's errors for a name with no address (getaddrinfo's EAI_NONAME, EAI_AGAIN, EAI_NODATA,
# EAI_FAIL, and macOS's "nodename nor servname provided"), as the system writes them in an OSError
_NO_ADDRESS = frozenset(
    code
    for name in ("EAI_NONAME", "EAI_AGAIN", "EAI_NODATA", "EAI_FAIL")
    if (code := getattr(socket, name, None))
)
_ERRNO = re.compile(r"^\[Errno (-?\d+)\]\s*")


def _connect_failure(exc: Exception) -> str | None:
    """Why a connection failed, in words ("connection refused"), or None when the host's name has no
    address (the caller says "cannot resolve host ..."): the system's "[Errno -2] Name or service not
    known" tells a reader nothing its number adds."""
    text = _first_line(exc)
    errno = _ERRNO.match(text)
    if (errno and int(errno.group(1)) in _NO_ADDRESS) or "name or service not known" in text.lower():
        return None
    words = text[errno.end() :] if errno else text
    return words[:1].lower() + words[1:] if words[1:2].islower() else words


def _first_line(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0]
