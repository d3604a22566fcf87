"""Hiding the bot token (and the webhook's secret token) in log lines. Kept apart from the Telegram
adapter so that any command can turn it on at start (``bot.py`` does when a token is set) without
importing python-telegram-bot."""

from __future__ import annotations

import logging
from collections.abc import Iterable


class RedactingFormatter(logging.Formatter):
    """Formats as the formatter it wraps, with the secrets (the bot token) replaced by ``***``."""

    def __init__(self, inner: logging.Formatter | None, secrets_: tuple[str, ...]) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()
        self.secrets = secrets_

    def format(self, record: logging.LogRecord) -> str:
        text = self.inner.format(record)
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text


def redact_logs(secret: str, handlers: Iterable[logging.Handler] | None = None) -> None:
    """Make the handlers (those of the root logger by default) hide ``secret``, in messages and
    tracebacks alike; a handler already hiding other secrets hides this one too."""
    for handler in logging.getLogger().handlers if handlers is None else handlers:
        formatter = handler.formatter
        if not isinstance(formatter, RedactingFormatter):
            handler.setFormatter(RedactingFormatter(formatter, (secret,)))
        elif secret not in formatter.secrets:
            formatter.secrets = (*formatter.secrets, secret)
