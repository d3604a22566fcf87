"""The bot token never reaches a log line, not even inside a traceback."""

from __future__ import annotations

import io
import logging

from briefing.adapters.redaction import RedactingFormatter, redact_logs
from briefing.adapters.telegram import QuietBootstrap

TOKEN = "123456789:AAE-secret-part"


def test_the_token_is_masked_in_messages_and_tracebacks():
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    redact_logs(TOKEN, [handler])
    redact_logs(TOKEN, [handler])  # twice wraps once
    assert isinstance(handler.formatter, RedactingFormatter)
    assert not isinstance(handler.formatter.inner, RedactingFormatter)
    log = logging.getLogger("test.redaction")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("POST https://api.telegram.org/bot%s/getMe", TOKEN)
        try:
            raise RuntimeError(f"Client error for url 'https://api.telegram.org/bot{TOKEN}/getMe'")
        except RuntimeError:
            log.exception("failed")
    finally:
        log.removeHandler(handler)
    text = out.getvalue()
    assert TOKEN not in text and "AAE-secret-part" not in text
    assert "WARNING POST https://api.telegram.org/bot***/getMe" in text
    assert "Traceback" in text and "bot***/getMe" in text


def test_a_bootstrap_failure_is_logged_without_its_traceback():
    record = logging.LogRecord(
        "telegram.ext",
        logging.ERROR,
        __file__,
        1,
        "%s Failed run number %s of %s. Aborting.",
        ("Network Retry Loop (Bootstrap Initialize Application):", 3, 3),
        (RuntimeError, RuntimeError("x"), None),
    )
    root, level = logging.getLogger(), logging.getLogger().level
    root.setLevel(logging.INFO)
    try:
        assert not QuietBootstrap().filter(record) and record.exc_info is None  # the error says it
    finally:
        root.setLevel(level)
    retrying = logging.LogRecord(
        "telegram.ext",
        logging.ERROR,
        __file__,
        1,
        "%s Failed run number %s of %s. Retrying.",
        ("Network Retry Loop (Bootstrap Set Webhook):", 0, 3),
        (RuntimeError, RuntimeError("x"), None),
    )
    assert QuietBootstrap().filter(retrying) and retrying.exc_info is None
    other = logging.LogRecord(
        "telegram.ext", logging.ERROR, __file__, 1, "boom", (), (RuntimeError, None, None)
    )
    assert QuietBootstrap().filter(other) and other.exc_info is not None


def test_a_bootstrap_abort_shows_with_verbose_only():
    record = logging.LogRecord(
        "telegram.ext",
        logging.ERROR,
        __file__,
        1,
        "%s Failed run number %s of %s. Aborting.",
        ("Network Retry Loop (Bootstrap Set Webhook):", 0, 0),
        None,
    )
    root, level = logging.getLogger(), logging.getLogger().level
    root.setLevel(logging.DEBUG)
    try:
        assert QuietBootstrap().filter(record)
    finally:
        root.setLevel(level)


def test_a_second_secret_is_masked_by_the_same_formatter():
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    redact_logs(TOKEN, [handler])
    redact_logs("webhook-secret-123", [handler])
    assert isinstance(handler.formatter, RedactingFormatter)
    assert not isinstance(handler.formatter.inner, RedactingFormatter)
    record = logging.LogRecord("t", logging.DEBUG, __file__, 1, "%s %s", (TOKEN, "webhook-secret-123"), None)
    assert handler.format(record) == "*** ***"


def test_a_polls_error_left_unretrieved_at_the_stop_is_one_line(caplog):
    from telegram.error import Conflict

    from briefing.adapters.telegram import unretrieved_poll_error

    class Loop:
        def __init__(self):
            self.handled = []

        def default_exception_handler(self, context):
            self.handled.append(context)

    loop = Loop()
    unretrieved = {"message": "Task exception was never retrieved", "exception": Conflict("x")}
    with caplog.at_level(logging.WARNING):
        unretrieved_poll_error(loop, unretrieved)
    assert [r.getMessage() for r in caplog.records] == ["the last long poll ended with the stop: x"]
    assert not any(r.exc_info for r in caplog.records) and loop.handled == []
    other = {"message": "Task exception was never retrieved", "exception": ValueError("bug")}
    unretrieved_poll_error(loop, other)
    assert loop.handled == [other]  # anything else as asyncio says it, traceback and all
