"""Error answers of the Bot API, and rules that inject them into the test server.

An :class:`ApiError` is any error answer: the server raises it when a request is wrong (bad HTML, a
too long text) and a :class:`FaultRule` makes the server answer with one on purpose. The body is the
Bot API's: ``{"ok": false, "error_code": 429, "description": "...", "parameters": {...}}``, which
python-telegram-bot turns into its exceptions:

==============================  ==========================================================
``Fault.retry_after(3)``        429, ``parameters.retry_after`` → ``RetryAfter``
``Fault.blocked()``             403 "Forbidden: bot was blocked by the user" → ``Forbidden``
``Fault.kicked()``              403 "Forbidden: bot was kicked from the group chat"
``Fault.deactivated()``         403 "Forbidden: user is deactivated"
``Fault.migrated(new_id)``      400, ``parameters.migrate_to_chat_id`` → ``ChatMigrated``
``Fault.chat_not_found()``      400 "Bad Request: chat not found" → ``BadRequest``
``Fault.message_too_long()``    400 "Bad Request: message is too long" → ``BadRequest``
``Fault.cant_parse_entities()`` 400 "Bad Request: can't parse entities: ..." → ``BadRequest``
``Fault.server_error(502)``     5xx → ``NetworkError``
==============================  ==========================================================
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

_REASONS = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
            504: "Gateway Timeout"}  # fmt: skip


class ApiError(Exception):
    """An error answer of the Bot API: HTTP status, description and optional parameters.

    The server notes why it answered so: ``fault`` (an injected one), ``rate_limited`` (the flood
    limits), ``message`` (what was sent anyway, for a fault injected with ``deliver=True``).
    """

    def __init__(self, status: int, description: str, parameters: dict | None = None):
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters
        self.fault: Fault | None = None
        self.rate_limited = False
        self.message: Any = None

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = dict(self.parameters)
        return body


def bad_request(detail: str, parameters: dict | None = None) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}", parameters)


def forbidden(detail: str) -> ApiError:
    return ApiError(403, f"Forbidden: {detail}")


@dataclass(frozen=True)
class Fault:
    """One error answer to inject; build it with the class methods."""

    status: int
    description: str
    parameters: tuple[tuple[str, float], ...] = ()

    def error(self, message: Any = None) -> ApiError:
        error = ApiError(self.status, self.description, dict(self.parameters) or None)
        error.fault, error.message = self, message
        return error

    @classmethod
    def retry_after(cls, seconds: float = 1) -> Fault:
        """Telegram sends whole seconds; a fraction (PTB accepts it) keeps retry tests fast."""
        return cls(429, f"Too Many Requests: retry after {seconds}", (("retry_after", seconds),))

    @classmethod
    def blocked(cls) -> Fault:
        return cls(403, "Forbidden: bot was blocked by the user")

    @classmethod
    def kicked(cls) -> Fault:
        return cls(403, "Forbidden: bot was kicked from the group chat")

    @classmethod
    def deactivated(cls) -> Fault:
        return cls(403, "Forbidden: user is deactivated")

    @classmethod
    def migrated(cls, new_chat_id: int) -> Fault:
        return cls(
            400,
            "Bad Request: group chat was upgraded to a supergroup chat",
            (("migrate_to_chat_id", new_chat_id),),
        )

    @classmethod
    def chat_not_found(cls) -> Fault:
        return cls(400, "Bad Request: chat not found")

    @classmethod
    def message_too_long(cls) -> Fault:
        return cls(400, "Bad Request: message is too long")

    @classmethod
    def cant_parse_entities(cls, detail: str = 'Unsupported start tag "p" at byte offset 0') -> Fault:
        return cls(400, f"Bad Request: can't parse entities: {detail}")

    @classmethod
    def topic_closed(cls) -> Fault:
        """A message for a forum topic an administrator closed (a deleted one: "message thread not
        found")."""
        return cls(400, "Bad Request: TOPIC_CLOSED")

    @classmethod
    def bad_request(cls, detail: str) -> Fault:
        return cls(400, f"Bad Request: {detail}")

    @classmethod
    def forbidden(cls, detail: str) -> Fault:
        return cls(403, f"Forbidden: {detail}")

    @classmethod
    def server_error(cls, status: int = 500) -> Fault:
        if not 500 <= status <= 599:
            raise ValueError(f"a server error has a 5xx status, not {status}")
        return cls(status, _REASONS.get(status, "Server Error"))


@dataclass
class FaultRule:
    """When to inject ``fault``: requests of ``method`` (None: any) to ``chat_id`` (None: any).

    ``times`` is how often it fires before it is spent (None: until removed); ``probability`` makes
    each matching request fire with that chance, drawn from the server's seeded RNG; ``delay``
    holds the answer back that many seconds first (alone, with no fault, it only slows the answer:
    long enough and the client times out). With ``deliver=True`` the request is carried out (the
    message is sent and recorded) and only then answered with the fault: Telegram did it, the bot
    never heard.
    """

    fault: Fault | None
    method: str | None = None
    chat_id: int | str | None = None
    times: int | None = 1
    probability: float | None = None
    delay: float = 0.0
    deliver: bool = False
    fired: int = 0
    seen: int = field(default=0, repr=False)

    @property
    def spent(self) -> bool:
        return self.times is not None and self.fired >= self.times

    def matches(self, method: str, chat_id: int | str | None) -> bool:
        if self.spent:
            return False
        if self.method is not None and self.method.lower() != method.lower():
            return False
        return self.chat_id is None or str(self.chat_id) == str(chat_id)

    def fire(self, rng: random.Random) -> bool:
        """Whether this matching request gets the fault (consumes one of ``times`` if so)."""
        self.seen += 1
        if self.probability is not None and rng.random() >= self.probability:
            return False
        self.fired += 1
        return True
