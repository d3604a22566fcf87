"""A Bot API server of the project's own for tests: python-telegram-bot talks to it on 127.0.0.1.

Read tests/botapi/README.md. The names a test needs are exported here.
"""

from typing import Any

from tests.botapi.actions import DEFAULT_USER
from tests.botapi.entities import EntityParseError, ParsedText, parse_html
from tests.botapi.faults import ApiError, Fault, FaultRule
from tests.botapi.objects import (
    Chat,
    InlineButton,
    RecordedRequest,
    StoredFile,
    StoredMessage,
    UploadedFile,
    User,
)
from tests.botapi.ratelimit import (
    MESSAGE_METHODS,
    RateLimiter,
    RateLimits,
    RateLimitStats,
    Window,
)
from tests.botapi.server import DEFAULT_TOKEN, BotApiServer

__all__ = [
    "DEFAULT_TOKEN",
    "DEFAULT_USER",
    "MESSAGE_METHODS",
    "ApiError",
    "BotApiServer",
    "Chat",
    "EntityParseError",
    "Fault",
    "FaultRule",
    "InlineButton",
    "ParsedText",
    "RateLimitStats",
    "RateLimiter",
    "RateLimits",
    "RecordedRequest",
    "StoredFile",
    "StoredMessage",
    "UploadedFile",
    "User",
    "Window",
    "application_builder",
    "loopback_request",
    "make_bot",
    "parse_html",
]

_CLIENTS = ("application_builder", "loopback_request", "make_bot")


def __getattr__(name: str) -> Any:
    # The PTB helpers import telegram (most of a second); the server itself does not need it.
    if name in _CLIENTS:
        from tests.botapi import clients

        return getattr(clients, name)
    raise AttributeError(f"module 'tests.botapi' has no attribute {name!r}")
