"""Keeping what users write, and who they are, out of the log: python-telegram-bot logs whole update bodies
at DEBUG ("Processing update Update(message=Message(text=..., from_user=User(first_name=...)))", every
request's parameters and every answer, the webhook's posted JSON) and, on a failure, at CRITICAL ("Received
data was ..."). With ``-v`` an operator's log then held users' messages and names.

:class:`PrivateRecords` rewrites those records' arguments before any handler sees them (a filter on the
library's loggers: records are filtered where they are made): an update becomes ``update 123``, a request's
parameters or an answer keep their numbers (chat and message ids, offsets, counts) and the names of the
other fields, a list of updates its ids, a JSON body its size. The lines stay, so ``-v`` still shows which
requests went out, for which chat, and what came back, without a word of anyone's text. The rule is by the
argument's shape, not by a list of the library's messages, so a line added in a later release is covered
too.

    hide_private_data()   # once python-telegram-bot is imported (``build_application`` does it)
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

LIBRARY = "telegram"  # python-telegram-bot's loggers: telegram, telegram.Bot, telegram.ext.Application...
# those it logs bodies with, made here if not yet made so the filter is on them before their first line
BODY_LOGGERS = (
    "telegram",
    "telegram.Bot",
    "telegram.ext",
    "telegram.ext.ExtBot",
    "telegram.ext.Application",
    "telegram.ext.Updater",
    "telegram.BaseRequest",
)
SHOWN_KEYS = 12  # fields named in a request's parameters or an answer, at most


def summary(value: Any) -> Any:
    """``value`` as a log line may show it: numbers (and lists of them), truth values, exceptions and
    text that is not JSON as they are; an update by its id; a mapping by its numbers and the names of
    its other fields; a list by its updates' ids or its length; JSON text and bytes by their size."""
    if value is None or isinstance(value, bool | int | float | BaseException):
        return value
    if isinstance(value, str):
        return f"<{len(value)} characters of JSON>" if value.lstrip()[:1] in ("{", "[") else value
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(value)} bytes>"
    update_id = _update_id(value)
    if update_id is not None:
        return f"update {update_id}"
    if isinstance(value, Mapping):
        return _fields(value)
    if isinstance(value, Sequence):
        if all(isinstance(item, int | float) for item in value):  # ids, counts
            return value
        ids = [_update_id(item) for item in value]
        if all(i is not None for i in ids):
            return f"updates {ids}"
        return f"<{len(value)} items>"
    if hasattr(value, "to_dict"):  # any other Telegram object (a Message, a User): its kind and ids
        return f"{type(value).__name__} {_fields(value.to_dict())}"
    return value  # the library's own things (a class, a time span, a request object)


def _update_id(value: Any) -> int | None:
    if isinstance(value, Mapping):
        found = value.get("update_id")
    else:
        found = getattr(value, "update_id", None) if hasattr(value, "to_dict") else None
    return found if isinstance(found, int) and not isinstance(found, bool) else None


def _fields(mapping: Mapping[Any, Any]) -> str:
    """``{chat_id: 77, message_id: 5, text: …}``: numbers shown, anything else only named."""
    shown = []
    for key, item in list(mapping.items())[:SHOWN_KEYS]:
        number = isinstance(item, int | float) and not isinstance(item, bool)
        shown.append(f"{key}: {item}" if number else f"{key}: …")
    more = ", …" if len(mapping) > SHOWN_KEYS else ""
    return "{" + ", ".join(shown) + more + "}"


class PrivateRecords(logging.Filter):
    """Rewrites a record's arguments with :func:`summary` (the message's own text is the library's)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, Mapping):  # a single mapping argument: logging keeps it as the args
            if "%(" in str(record.msg):
                record.args = {key: summary(item) for key, item in args.items()}
            else:
                record.args = (summary(args),)
        elif args:
            record.args = tuple(summary(item) for item in args)
        return True


def hide_private_data() -> None:
    """Put :class:`PrivateRecords` on python-telegram-bot's loggers (once each)."""
    names = {name for name in logging.root.manager.loggerDict if name.split(".")[0] == LIBRARY}
    for name in sorted(names | set(BODY_LOGGERS)):
        logger = logging.getLogger(name)
        if not any(isinstance(f, PrivateRecords) for f in logger.filters):
            logger.addFilter(PrivateRecords())
