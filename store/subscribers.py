"""Subscribers (chats that get the daily digest) and what they follow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any, Literal

from briefing.models import Follow, Subscriber, follow_key
from store.db import Database, chunks, from_iso, to_iso, transaction


def _subscriber(row: dict[str, Any]) -> Subscriber:
    return Subscriber(
        chat_id=row["chat_id"],
        timezone=row["timezone"],
        digest_time=time.fromisoformat(row["digest_time"]),
        length=row["length"],
        active=bool(row["active"]),
        chat_type=row["chat_type"],
        created_at=from_iso(row["created_at"]),
        last_digest_at=from_iso(row["last_digest_at"]),
    )


def get_subscriber(db: Database, chat_id: int) -> Subscriber | None:
    rows = list(db.query("SELECT * FROM subscribers WHERE chat_id = ?", [chat_id]))
    return _subscriber(rows[0]) if rows else None


def subscribe(
    db: Database,
    chat_id: int,
    *,
    timezone: str,
    digest_time: time,
    now: datetime,
    length: int | None = None,
    chat_type: str = "private",
) -> Subscriber:
    """Subscribe a chat, or update and reactivate an existing subscription. A reactivated one starts
    anew (``created_at`` is now), so its first digest comes at the next chosen time, as a new one's."""
    with transaction(db):
        db.execute(
            """
            INSERT INTO subscribers (chat_id, timezone, digest_time, length, active, chat_type,
                                     created_at, updated_at)
            VALUES (?, ?, ?, coalesce(?, 5), 1, ?, ?, ?)
            ON CONFLICT (chat_id) DO UPDATE SET
                timezone = excluded.timezone, digest_time = excluded.digest_time,
                length = coalesce(?, subscribers.length), active = 1,
                created_at = CASE WHEN subscribers.active THEN subscribers.created_at
                                  ELSE excluded.created_at END,
                chat_type = excluded.chat_type, updated_at = excluded.updated_at
            """,
            [
                chat_id,
                timezone,
                digest_time.strftime("%H:%M"),
                length,
                chat_type,
                to_iso(now),
                to_iso(now),
                length,
            ],
        )
    found = get_subscriber(db, chat_id)
    assert found is not None
    return found


def update_subscriber(
    db: Database,
    chat_id: int,
    *,
    now: datetime,
    timezone: str | None = None,
    digest_time: time | None = None,
    length: int | None = None,
) -> Subscriber | None:
    """Change some settings of an existing subscriber; None if the chat is not subscribed."""
    with transaction(db):
        db.execute(
            """
            UPDATE subscribers SET timezone = coalesce(?, timezone), digest_time = coalesce(?, digest_time),
                length = coalesce(?, length), updated_at = ?
            WHERE chat_id = ?
            """,
            [timezone, digest_time.strftime("%H:%M") if digest_time else None, length, to_iso(now), chat_id],
        )
    return get_subscriber(db, chat_id)


def set_active(db: Database, chat_id: int, active: bool, *, now: datetime) -> bool:
    """(De)activate a subscription, e.g. when the user blocked the bot; True if the chat was subscribed."""
    cur = db.execute(
        "UPDATE subscribers SET active = ?, updated_at = ? WHERE chat_id = ?",
        [int(active), to_iso(now), chat_id],
    )
    return cur.rowcount > 0


def mark_unreachable(db: Database, chat_id: int, *, reason: str, now: datetime) -> bool:
    """The bot may not write to the chat (blocked, removed): its subscription stops and no alerts are
    queued for it until it writes again. True if it had an active subscription to stop."""
    row = db.execute("SELECT active FROM subscribers WHERE chat_id = ?", [chat_id]).fetchone()
    stopped = bool(row and row[0])
    set_active(db, chat_id, False, now=now)
    db.execute(
        "INSERT INTO unreachable_chats (chat_id, since, reason, stopped_digest) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (chat_id) DO UPDATE SET reason = excluded.reason,"
        " stopped_digest = stopped_digest OR excluded.stopped_digest",
        [chat_id, to_iso(now), reason[:200], int(stopped)],
    )
    return stopped


def mark_reachable(db: Database, chat_id: int) -> bool:
    """The chat wrote to the bot, so it can be written to again; True if being unreachable had stopped
    its digest (which waits for /subscribe). Reads first: most messages come from reachable chats, and
    a read takes no write lock."""
    row = db.execute("SELECT stopped_digest FROM unreachable_chats WHERE chat_id = ?", [chat_id]).fetchone()
    if row is None:
        return False
    db.execute("DELETE FROM unreachable_chats WHERE chat_id = ?", [chat_id])
    return bool(row[0])


def is_unreachable(db: Database, chat_id: int) -> bool:
    return db.execute("SELECT 1 FROM unreachable_chats WHERE chat_id = ?", [chat_id]).fetchone() is not None


def active_subscribers(db: Database) -> list[Subscriber]:
    return [_subscriber(r) for r in db.query("SELECT * FROM subscribers WHERE active = 1 ORDER BY chat_id")]


def count_subscribers(db: Database) -> tuple[int, int]:
    """(active, all) subscriber counts."""
    row = db.execute("SELECT coalesce(sum(active), 0), count(*) FROM subscribers").fetchone()
    return int(row[0]), int(row[1])


def mark_digest_sent(db: Database, chat_id: int, at: datetime) -> None:
    db.execute("UPDATE subscribers SET last_digest_at = ? WHERE chat_id = ?", [to_iso(at), chat_id])


def migrate_chat(db: Database, old_chat_id: int, new_chat_id: int, *, now: datetime) -> None:
    """A group became a supergroup: move its subscription, follows and delivery history to the new id."""
    with transaction(db):
        if get_subscriber(db, new_chat_id) is None:
            db.execute(
                "UPDATE subscribers SET chat_id = ?, chat_type = 'supergroup', updated_at = ?"
                " WHERE chat_id = ?",
                [new_chat_id, to_iso(now), old_chat_id],
            )
        else:
            db.execute("DELETE FROM subscribers WHERE chat_id = ?", [old_chat_id])
        # the chat's history moves too, so its buttons and answers keep working there
        for table in (
            "follows", "deliveries", "delivered_stories", "alerts", "callbacks", "chat_replies",
            "chat_alerts", "chat_threads",
        ):  # fmt: skip
            db.execute(
                f"UPDATE OR IGNORE {table} SET chat_id = ? WHERE chat_id = ?", [new_chat_id, old_chat_id]
            )
            db.execute(f"DELETE FROM {table} WHERE chat_id = ?", [old_chat_id])


def set_delivery_thread(db: Database, chat_id: int, thread_id: int | None, *, now: datetime) -> None:
    """Where the chat's digest and alerts go from now on: the forum topic ``thread_id`` (None: General),
    the one an administrator set them up in."""
    db.execute(
        "INSERT INTO chat_threads (chat_id, thread_id, set_at) VALUES (?, ?, ?) ON CONFLICT (chat_id)"
        " DO UPDATE SET thread_id = excluded.thread_id, set_at = excluded.set_at, lost_at = NULL,"
        " lost_error = NULL, lost_told_at = NULL",
        [chat_id, thread_id, to_iso(now)],
    )


def delivery_thread(db: Database, chat_id: int) -> int | None:
    """The forum topic the chat's digest and alerts go to; None: General (or not a forum)."""
    row = db.execute("SELECT thread_id FROM chat_threads WHERE chat_id = ?", [chat_id]).fetchone()
    return None if row is None else row[0]


def lose_delivery_thread(db: Database, chat_id: int, thread_id: int, *, error: str, now: datetime) -> bool:
    """Telegram refused the chat's topic ``thread_id`` (closed, deleted): its posts go to General from
    now on, and why is kept. True if this recorded the loss; False if the chat's posts go elsewhere
    already (another run recorded it first, or an administrator set another topic since), so that the
    group is told of a loss once."""
    cur = db.execute(
        "UPDATE chat_threads SET thread_id = NULL, lost_at = ?, lost_error = ?, lost_told_at = NULL"
        " WHERE chat_id = ? AND thread_id = ?",
        [to_iso(now), error[:500], chat_id, thread_id],
    )
    return cur.rowcount == 1


def lost_topic_untold(db: Database, chat_id: int) -> bool:
    """Whether the chat's posts go to General since its topic was lost, and the group was not told yet
    (m0045): the notice goes before its next message."""
    return delivery_topic(db, chat_id)[1]


def delivery_topic(db: Database, chat_id: int) -> tuple[int | None, bool]:
    """:func:`delivery_thread`, and :func:`lost_topic_untold`, in one read (one a message sent)."""
    row = db.execute(
        "SELECT thread_id, thread_id IS NULL AND lost_at IS NOT NULL AND lost_told_at IS NULL"
        " FROM chat_threads WHERE chat_id = ?",
        [chat_id],
    ).fetchone()
    return (None, False) if row is None else (row[0], bool(row[1]))


def note_lost_topic_told(db: Database, chat_id: int, *, now: datetime) -> None:
    """Remember that the group was told ``now`` of its lost topic (or that Telegram refused the notice
    outright, which a second try would not change): it is not told again for this loss."""
    db.execute(
        "UPDATE chat_threads SET lost_told_at = ? WHERE chat_id = ? AND lost_told_at IS NULL",
        [to_iso(now), chat_id],
    )


@dataclass(frozen=True)
class ChatAlerts:
    """A chat's own alert settings (None: the default): the timezone of a chat without a digest, and
    its quiet hours, "HH:MM-HH:MM" or "off"."""

    timezone: str | None = None
    quiet_hours: str | None = None


def chat_alerts(db: Database, chat_id: int) -> ChatAlerts:
    row = db.execute("SELECT timezone, quiet_hours FROM chat_alerts WHERE chat_id = ?", [chat_id]).fetchone()
    return ChatAlerts(row[0], row[1]) if row else ChatAlerts()


@dataclass(frozen=True)
class AlertSettings:
    """What a chat's alerts go by: whether the bot may write to it, its digest's timezone (None: it has
    no subscription, active or not), and its own alert settings."""

    reachable: bool
    digest_zone: str | None
    own: ChatAlerts


def alert_settings_among(db: Database, chat_ids: Sequence[int]) -> dict[int, AlertSettings]:
    """Each chat's :class:`AlertSettings`, read in three queries for all of them (a story a thousand chats
    follow asks for a thousand), not three a chat."""
    ids = sorted(set(chat_ids))
    unreachable: set[int] = set()
    zones: dict[int, str] = {}
    own: dict[int, ChatAlerts] = {}
    for part in chunks(ids, 500):
        among, args = f"WHERE chat_id IN ({','.join('?' * len(part))})", list(part)
        unreachable.update(r[0] for r in db.execute(f"SELECT chat_id FROM unreachable_chats {among}", args))
        zones.update(db.execute(f"SELECT chat_id, timezone FROM subscribers {among}", args).fetchall())
        rows = db.execute(f"SELECT chat_id, timezone, quiet_hours FROM chat_alerts {among}", args).fetchall()
        own.update((chat, ChatAlerts(zone, quiet)) for chat, zone, quiet in rows)
    return {c: AlertSettings(c not in unreachable, zones.get(c), own.get(c, ChatAlerts())) for c in ids}


_KEEP = object()


def set_chat_alerts(
    db: Database, chat_id: int, *, now: datetime, timezone: Any = _KEEP, quiet_hours: Any = _KEEP
) -> ChatAlerts:
    """Change one or both of the chat's alert settings (None: back to the default); the others stay."""
    old = chat_alerts(db, chat_id)
    new = ChatAlerts(
        old.timezone if timezone is _KEEP else timezone,
        old.quiet_hours if quiet_hours is _KEEP else quiet_hours,
    )
    db.execute(
        "INSERT INTO chat_alerts (chat_id, timezone, quiet_hours, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (chat_id) DO UPDATE SET timezone = excluded.timezone,"
        " quiet_hours = excluded.quiet_hours, updated_at = excluded.updated_at",
        [chat_id, new.timezone, new.quiet_hours, to_iso(now)],
    )
    return new


def _follow(row: dict[str, Any]) -> Follow:
    return Follow(chat_id=row["chat_id"], kind=row["kind"], value=row["value"], actor_id=row["actor_id"])


def follow(
    db: Database,
    chat_id: int,
    kind: Literal["actor", "topic"],
    value: str,
    *,
    now: datetime,
    actor_id: int | None = None,
) -> bool:
    """Follow an actor or a topic; False if the chat already followed it: the actor, or (for a name alone)
    that name in any case, as ``follow_key`` compares it and the database keeps it (m0031)."""
    cur = db.execute(
        "INSERT OR IGNORE INTO follows (chat_id, kind, value, actor_id, created_at, value_key)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [chat_id, kind, value, actor_id, to_iso(now), follow_key(value)],
    )
    return cur.rowcount > 0


def unfollow(
    db: Database, chat_id: int, value: str, *, kind: str | None = None, actor_id: int | None = None
) -> bool:
    """Stop following (the stored value matched in any case, as ``follow_key`` compares it, "ÉLYSÉE" as
    "élysée" too; and the kind and the actor when given: two actors may share a name); False if nothing
    matched."""
    cur = db.execute(
        "DELETE FROM follows WHERE chat_id = :chat AND value_key = :key AND (:kind IS NULL OR kind = :kind)"
        " AND (:actor IS NULL OR actor_id = :actor)",
        {"chat": chat_id, "key": follow_key(value), "kind": kind, "actor": actor_id},
    )
    return cur.rowcount > 0


def follows_of(db: Database, chat_id: int) -> list[Follow]:
    rows = db.query("SELECT * FROM follows WHERE chat_id = ? ORDER BY created_at, value", [chat_id])
    return [_follow(r) for r in rows]


def followers_of_actor(db: Database, actor_id: int) -> list[int]:
    rows = db.execute("SELECT chat_id FROM follows WHERE kind = 'actor' AND actor_id = ?", [actor_id])
    return [r[0] for r in rows.fetchall()]


def topic_follows(db: Database) -> list[Follow]:
    return [_follow(r) for r in db.query("SELECT * FROM follows WHERE kind = 'topic' ORDER BY chat_id")]
