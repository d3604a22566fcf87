"""Callback ids of inline buttons, and the bot's answers to user messages.

Telegram allows 64 bytes of callback data, so a button carries a short random id and what the id stands
for (a payload of the adapter's choosing) lives here. Both tables are pruned by age as they are written,
and every day (``briefing.service.retention``), so a bot nobody presses buttons on does not keep them.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from store.db import Database, from_iso, to_iso

CALLBACK_DAYS = 7
REPLY_DAYS = 2


@dataclass(frozen=True)
class Callback:
    id: str
    chat_id: int
    payload: str
    created_at: datetime


@dataclass(frozen=True)
class ChatReply:
    """The bot's messages that answered one user message."""

    chat_id: int
    user_message_id: int
    bot_message_ids: tuple[int, ...]
    photo_id: int | None = None  # the one of them that is the answer's picture (a chart), if any
    changed: bool = False  # the answer confirms a change (a follow, a subscription): it is kept, not replaced


def save_callback(db: Database, chat_id: int, payload: str, *, now: datetime) -> str:
    """Keep ``payload`` under a new id (8 URL-safe characters) and forget ids older than a week."""
    prune_callbacks(db, now - timedelta(days=CALLBACK_DAYS))
    while True:
        key = secrets.token_urlsafe(6)
        cur = db.execute(
            "INSERT OR IGNORE INTO callbacks (id, chat_id, payload, created_at) VALUES (?, ?, ?, ?)",
            [key, chat_id, payload, to_iso(now)],
        )
        if cur.rowcount:
            return key


def get_callback(db: Database, key: str, *, now: datetime | None = None) -> Callback | None:
    """The button's payload; None for an unknown id, or (given ``now``) one older than a week, which
    may still be stored when no button was made since."""
    row = db.execute("SELECT id, chat_id, payload, created_at FROM callbacks WHERE id = ?", [key]).fetchone()
    if row is None:
        return None
    created = from_iso(row[3])
    assert created is not None
    if now is not None and created < now - timedelta(days=CALLBACK_DAYS):
        return None
    return Callback(row[0], row[1], row[2], created)


def prune_callbacks(db: Database, before: datetime) -> int:
    return db.execute("DELETE FROM callbacks WHERE created_at < ?", [to_iso(before)]).rowcount


def prune_replies(db: Database, before: datetime) -> int:
    return db.execute("DELETE FROM chat_replies WHERE created_at < ?", [to_iso(before)]).rowcount


def remember_reply(
    db: Database,
    chat_id: int,
    user_message_id: int,
    bot_message_ids: tuple[int, ...],
    *,
    now: datetime,
    photo_id: int | None = None,
    changed: bool = False,
) -> None:
    """Record (or replace) the answer to a user message, ``photo_id`` being the one of its messages that
    is a picture, ``changed`` whether it confirms a change the message made; answers older than two days
    are forgotten."""
    prune_replies(db, now - timedelta(days=REPLY_DAYS))
    # the picture's id is written "p12" among the others, and a confirmation ends in ",c": a row from
    # before either was marked reads as all text and no change, as it always did
    ids = ",".join(f"p{i}" if i == photo_id else str(i) for i in bot_message_ids) + (",c" if changed else "")
    db.execute(
        "INSERT OR REPLACE INTO chat_replies (chat_id, user_message_id, bot_message_ids, created_at)"
        " VALUES (?, ?, ?, ?)",
        [chat_id, user_message_id, ids, to_iso(now)],
    )


def forget_reply(db: Database, chat_id: int, user_message_id: int) -> None:
    """The answer to a user message was taken back (the message no longer asks anything)."""
    sql = "DELETE FROM chat_replies WHERE chat_id = ? AND user_message_id = ?"
    db.execute(sql, [chat_id, user_message_id])


def reply_to(db: Database, chat_id: int, user_message_id: int) -> ChatReply | None:
    row = db.execute(
        "SELECT bot_message_ids FROM chat_replies WHERE chat_id = ? AND user_message_id = ?",
        [chat_id, user_message_id],
    ).fetchone()
    if row is None:
        return None
    marked = [x for x in row[0].split(",") if x]
    ids = tuple(int(x.removeprefix("p")) for x in marked if x != "c")
    photo = next((int(x[1:]) for x in marked if x.startswith("p")), None)
    return ChatReply(chat_id, user_message_id, ids, photo, changed="c" in marked)
