"""python-telegram-bot clients wired to a test server, quick to create.

httpx loads the certifi bundle for every client it makes (about 0.1 s each, and a PTB ``Bot`` has
two). Plain HTTP on 127.0.0.1 never uses TLS, so these clients share one empty TLS context instead;
a request to an https URL would fail verification, which is right in a test that must not leave
the machine.
"""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING, Any

from telegram import Bot
from telegram.ext import ApplicationBuilder
from telegram.request import HTTPXRequest

if TYPE_CHECKING:
    from tests.botapi.server import BotApiServer

_NO_TLS = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def loopback_request(**kwargs: Any) -> HTTPXRequest:
    """An ``HTTPXRequest`` for the test server; keyword arguments as HTTPXRequest's."""
    return HTTPXRequest(httpx_kwargs={"verify": _NO_TLS}, **kwargs)


def make_bot(server: BotApiServer, *, connection_pool_size: int = 16, **kwargs: Any) -> Bot:
    """A ``telegram.Bot`` for the server (use it as ``async with make_bot(server) as bot``)."""
    return Bot(
        server.token,
        base_url=server.base_url,
        base_file_url=server.base_file_url,
        request=loopback_request(connection_pool_size=connection_pool_size),
        get_updates_request=loopback_request(),
        **kwargs,
    )


def application_builder(server: BotApiServer, *, connection_pool_size: int = 16) -> ApplicationBuilder:
    """An ``ApplicationBuilder`` with the token, URLs and requests set; add handlers and build."""
    return (
        ApplicationBuilder()
        .token(server.token)
        .base_url(server.base_url)
        .base_file_url(server.base_file_url)
        .request(loopback_request(connection_pool_size=connection_pool_size))
        .get_updates_request(loopback_request())
    )
