"""Hiding secrets in log lines: the bot token and the webhook's secret token, and in every address the
user name and password and the query values that carry a secret (``?apikey=``, ``&accessToken=``,
``X-Amz-Signature=``, in an address with brackets of its own too: see :func:`briefing.addresses.shown_url`,
the one rule for showing an address; the key's fingerprint, ``***a1b2``, tells two keys apart in a log
as in ``/feeds``). Kept apart from the
Telegram adapter so that any command can turn it on at start (``bot.py`` does) without importing
python-telegram-bot."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from briefing.addresses import mask_urls


class RedactingFormatter(logging.Formatter):
    """Formats as the formatter it wraps, with the secrets (the bot token) replaced by ``***`` and the
    addresses' secrets masked."""

    def __init__(self, inner: logging.Formatter | None, secrets_: tuple[str, ...]) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()
        self.secrets = secrets_

    def format(self, record: logging.LogRecord) -> str:
        text = mask_urls(self.inner.format(record))
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text


def redact_logs(secret: str = "", handlers: Iterable[logging.Handler] | None = None) -> None:
    """Make the handlers (those of the root logger by default) hide ``secret`` (none: only the
    addresses' secrets), in messages and tracebacks alike; a handler already hiding other secrets hides
    this one too."""
    for handler in logging.getLogger().handlers if handlers is None else handlers:
        formatter = handler.formatter
        if not isinstance(formatter, RedactingFormatter):
            handler.setFormatter(RedactingFormatter(formatter, (secret,) if secret else ()))
        elif secret and secret not in formatter.secrets:
            formatter.secrets = (*formatter.secrets, secret)
