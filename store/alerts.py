"""Alerts: at most one first telling per (chat, story) (``development`` 0), then at most one pending
update at a time for a story the chat heard of (``development`` 1, 2...: see m0021), each queued with the
moment it may go out, then claimed, sent, failed, folded into a digest that carried the story first, or
dropped: never sent because the chat stopped following what it was about or could not be reached
(blocked the bot). A dropped first telling is not the story's one alert: a later article that matches
what the chat follows again queues it anew."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from briefing.alerts import named_in_headlines
from briefing.models import follow_key
from briefing.relevance import followed_words, holding
from store.db import Database, chunks, from_iso, release_unconfirmed, to_iso
from store.search import article_texts, topic_query


@dataclass(frozen=True)
class Alert:
    chat_id: int
    story_id: int
    reason: str
    state: str
    due_at: datetime | None = None
    created_at: datetime | None = None
    message_id: int | None = None
    error: str | None = None
    article_id: int | None = None  # the article that made it (see m0014); None for older alerts
    development: int = 0  # 0: the first telling of the story; 1, 2...: an update after it (see m0021)
    batch_last: int | None = None  # the last article of the batch that queued it (m0028); None before

    @property
    def key(self) -> AlertKey:
        return AlertKey(self.chat_id, self.story_id, self.development)


@dataclass(frozen=True)
class AlertKey:
    """One alert: the chat, the story, and which telling of it (0 the first, then its updates)."""

    chat_id: int
    story_id: int
    development: int = 0


def _alert(row: dict[str, Any]) -> Alert:
    return Alert(
        chat_id=row["chat_id"],
        story_id=row["story_id"],
        reason=row["reason"],
        state=row["state"],
        due_at=from_iso(row["due_at"]),
        created_at=from_iso(row["created_at"]),
        message_id=row["message_id"],
        error=row["error"],
        article_id=row["article_id"],
        development=row["development"],
        batch_last=row["batch_last"],
    )


_KEY = "chat_id = ? AND story_id = ? AND development = ?"
DROPPED = "dropped"  # the state of an alert not sent, and known not to have reached the chat


def _key(key: AlertKey) -> list[int]:
    return [key.chat_id, key.story_id, key.development]


@dataclass(frozen=True)
class Followed:
    """What new articles of a story hold for a chat: the names of its follows they match, and the newest
    (last stored) of the articles that match, the alert's news (``article_ids``: all that match)."""

    reasons: tuple[str, ...]
    article_id: int
    article_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Mentioned:
    """How an article names an actor: the names as written there, and the first sentence with one."""

    surfaces: tuple[str, ...]
    sentence: str | None


def actor_mentioned(db: Database, article_id: int, actor_id: int) -> Mentioned | None:
    """Where the article mentions the actor (its mentions, first sentence first); None if it does not."""
    rows = db.execute(
        "SELECT m.surface, substr(a.body, m.sentence_start + 1, m.sentence_end - m.sentence_start)"
        " FROM mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE m.article_id = ? AND m.actor_id = ? ORDER BY m.sentence_index, m.start",
        [article_id, actor_id],
    ).fetchall()
    if not rows:
        return None
    sentence = next((" ".join(text.split()) for _, text in rows if text and text.strip()), None)
    return Mentioned(tuple(dict.fromkeys(surface for surface, _ in rows)), sentence)


def followers_of_articles(db: Database, article_ids: Sequence[int]) -> dict[tuple[int, int], Followed]:
    """For new articles: (chat, story) → the chat's follows the articles match (actors they mention,
    topics their title or body hold), and the newest matching article. Articles not in a story are left
    out."""
    # a name once in any case (``follow_key``): an actor "Rotterdam" and a topic "ROTTERDAM" of one chat
    # are one reason, as the alert names them when it goes out
    reasons: dict[tuple[int, int], dict[str, str]] = {}
    matched: dict[tuple[int, int], set[int]] = {}

    def match(chat_id: int, story_id: int, value: str, article_id: int) -> None:
        key = (chat_id, story_id)
        reasons.setdefault(key, {}).setdefault(follow_key(value), value)
        matched.setdefault(key, set()).add(article_id)

    if not article_ids:
        return {}
    marks = ",".join("?" * len(article_ids))
    rows = db.execute(
        "SELECT DISTINCT a.story_id, f.chat_id, f.value, a.id FROM articles a"
        " JOIN mentions m ON m.article_id = a.id"
        " JOIN follows f ON f.kind = 'actor' AND f.actor_id = m.actor_id"
        f" WHERE a.id IN ({marks}) AND a.story_id IS NOT NULL ORDER BY f.chat_id, f.value",
        list(article_ids),
    )
    for story_id, chat_id, value, article_id in rows.fetchall():
        match(chat_id, story_id, value, article_id)
    for story_id, chat_id, value, article_id in _headline_followers(db, article_ids):
        match(chat_id, story_id, value, article_id)
    # topics, and actors followed by a name the archive did not know then, match by words: each words
    # searched once for all the chats that follow them (a story a thousand chats follow by one topic)
    by_value: dict[str, list[int]] = {}
    for chat_id, value in db.execute(
        "SELECT chat_id, value FROM follows WHERE kind = 'topic' OR actor_id IS NULL ORDER BY value, chat_id"
    ).fetchall():
        by_value.setdefault(value, []).append(chat_id)
    for value, chats in by_value.items():
        query = topic_query(value)
        if query is None:
            continue
        found = db.execute(
            "SELECT a.story_id, a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            f" WHERE articles_fts MATCH ? AND a.id IN ({marks}) AND a.story_id IS NOT NULL",
            [query, *article_ids],
        ).fetchall()
        if found and (written := followed_words(value)):  # "news" as written, not every "new" the index finds
            kept = set(holding(article_texts(db, [a for _, a in found]), written))
            found = [(story_id, article_id) for story_id, article_id in found if article_id in kept]
        for chat_id in chats:
            for story_id, article_id in found:
                match(chat_id, story_id, value, article_id)
    return {
        key: Followed(tuple(names.values()), max(matched[key]), tuple(sorted(matched[key])))
        for key, names in reasons.items()
    }


def _headline_followers(db: Database, article_ids: Sequence[int]) -> list[tuple[int, int, str, int]]:
    """(story, chat, follow, article) for each followed actor an article's headline names by its name:
    a name in the headline counts as a mention, though the article's mentions (its body's) may lack it."""
    marks = ",".join("?" * len(article_ids))
    rows = db.execute(
        f"SELECT id, story_id, title FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL",
        list(article_ids),
    ).fetchall()
    if not rows:  # no article in a story: the follows need not be read
        return []
    stories = {article_id: story_id for article_id, story_id, _ in rows}
    follows = db.execute(
        "SELECT f.chat_id, f.value, a.name FROM follows f JOIN actors a ON a.id = f.actor_id"
        " WHERE f.kind = 'actor' ORDER BY f.chat_id, f.value"
    ).fetchall()
    if not follows:
        return []
    named = named_in_headlines({i: t or "" for i, _, t in rows}, {actor for _, _, actor in follows})
    return [
        (stories[article_id], chat_id, value, article_id)
        for chat_id, value, actor in follows
        for article_id in sorted(named.get(actor, ()))
    ]


def _queue(
    db: Database, chat_id: int, story_id: int, *, development: str, guard: str, values: dict[str, Any]
) -> bool:
    """Insert one pending alert of ``development`` (an SQL expression) if ``guard`` (SQL over the
    chat's ``:chat`` and the ``:story``) holds; False if it does not, or the alert exists."""
    cur = db.execute(
        "INSERT OR IGNORE INTO alerts (chat_id, story_id, development, reason, state, created_at, due_at,"
        f" article_id, batch_last) SELECT :chat, :story, {development}, :reason, 'pending', :now, :due,"
        f" :article, :batch WHERE {guard}",
        {"chat": chat_id, "story": story_id, **values},
    )
    return cur.rowcount > 0


def _values(
    reason: str, due_at: datetime, now: datetime, article_id: int | None, batch_last: int | None
) -> dict[str, Any]:
    return {
        "reason": reason,
        "now": to_iso(now),
        "due": to_iso(due_at),
        "article": article_id,
        "batch": batch_last,
    }


_TOLD = "EXISTS (SELECT 1 FROM delivered_stories WHERE chat_id = :chat AND story_id = :story)"
_WAITING = (
    "EXISTS (SELECT 1 FROM alerts WHERE chat_id = :chat AND story_id = :story"
    " AND state IN ('pending', 'claimed'))"
)


def queue_alert(
    db: Database,
    chat_id: int,
    story_id: int,
    *,
    reason: str,
    due_at: datetime,
    now: datetime,
    article_id: int | None = None,
    batch_last: int | None = None,
) -> bool:
    """Queue one alert (``article_id``: the new article that made it; ``batch_last``: the last article
    of the batch it came with, so that what is stored after the batch is told as later news however soon
    it comes); False if this chat already had (or has queued) one for this story, or already received the
    story in a digest. A first telling that was dropped (the chat unfollowed, or blocked the bot, before
    it went out) does not count: it is queued again, as new, once a new article brings it."""
    values = _values(reason, due_at, now, article_id, batch_last)
    guard = f"NOT {_TOLD}"
    if _rearm(db, chat_id, story_id, guard=guard, values=values):
        return True
    return _queue(db, chat_id, story_id, development="0", guard=guard, values=values)


def _rearm(db: Database, chat_id: int, story_id: int, *, guard: str, values: dict[str, Any]) -> bool:
    """Make the chat's dropped first telling of the story pending again with ``values``, as if queued
    now, if ``guard`` holds. Only one known never to have reached the chat: not one whose sending was
    left unconfirmed before it was dropped (Telegram may have delivered it)."""
    cur = db.execute(
        "UPDATE alerts SET state = 'pending', reason = :reason, created_at = :now, due_at = :due,"
        " article_id = :article, batch_last = :batch, claimed_at = NULL, sent_at = NULL,"
        " message_id = NULL, error = NULL"
        f" WHERE chat_id = :chat AND story_id = :story AND development = 0 AND state = '{DROPPED}'"
        f" AND unconfirmed = 0 AND {guard}",
        {"chat": chat_id, "story": story_id, **values},
    )
    return cur.rowcount > 0


def renew_waiting(
    db: Database, chat_id: int, story_id: int, *, reasons: Sequence[str], article_id: int
) -> bool:
    """A story with an alert still pending for the chat got new articles that match its follows: the
    alert names every follow matched. A first telling keeps the article that broke the story to the chat
    (what the later ones add is read when it goes out: see ``briefing.adapters.delivery``, so the report
    is never left behind by its follow-up); an update leads with the newest of them. False if none is
    pending."""
    rows = db.execute(
        "SELECT development, reason, article_id FROM alerts WHERE chat_id = ? AND story_id = ?"
        " AND state = 'pending'",
        [chat_id, story_id],
    ).fetchall()
    for development, reason, old in rows:
        named: dict[str, str] = {}  # a follow named once, as the chat follows it now ("rotterdam")
        for name in (*reason.split("\n"), *reasons):
            if name:
                named[follow_key(name)] = name
        names = "\n".join(named.values())
        lead = old if development == 0 and old is not None else max(old or 0, article_id)
        db.execute(
            f"UPDATE alerts SET reason = ?, article_id = ? WHERE {_KEY}",
            [names, lead, chat_id, story_id, development],
        )
    return bool(rows)


def queue_update(
    db: Database,
    chat_id: int,
    story_id: int,
    *,
    reason: str,
    due_at: datetime,
    now: datetime,
    article_id: int,
    batch_last: int | None = None,
) -> bool:
    """Queue an update of a story the chat heard of (by an alert or a digest): the next development
    number. False if the chat never received the story, or an alert of it is still waiting to go out
    (pending or claimed): that one, composed when it is sent, tells what reached the story till then."""
    values = _values(reason, due_at, now, article_id, batch_last)
    development = (
        "coalesce((SELECT max(development) FROM alerts WHERE chat_id = :chat AND story_id = :story), 0) + 1"
    )
    return _queue(
        db, chat_id, story_id, development=development, guard=f"{_TOLD} AND NOT {_WAITING}", values=values
    )


def _alerts_among(
    db: Database, where: str, columns: str, ids: Sequence[int], *, key: str = "story_id"
) -> list[tuple]:
    """Rows of ``columns`` of the alerts matching ``where`` whose ``key`` is one of ``ids`` (in slices:
    SQLite's limit on variables)."""
    rows: list[tuple] = []
    for part in chunks(sorted(set(ids)), 500):
        rows += db.execute(
            f"SELECT {columns} FROM alerts WHERE {where} AND {key} IN ({','.join('?' * len(part))})",
            list(part),
        ).fetchall()
    return rows


def waiting_among(db: Database, story_ids: Sequence[int]) -> set[tuple[int, int]]:
    """The (chat, story) pairs of ``story_ids`` with an alert still waiting to go out (pending or
    claimed)."""
    rows = _alerts_among(db, "state IN ('pending', 'claimed')", "chat_id, story_id", story_ids)
    return {(chat_id, story_id) for chat_id, story_id in rows}


def claimed_among(db: Database, chat_ids: Sequence[int]) -> dict[int, set[int]]:
    """The stories of the alerts being sent (claimed) to each of ``chat_ids`` that has any."""
    found: dict[int, set[int]] = {}
    for chat_id, story_id in _alerts_among(
        db, "state = 'claimed'", "chat_id, story_id", chat_ids, key="chat_id"
    ):
        found.setdefault(chat_id, set()).add(story_id)
    return found


def due_alerts(db: Database, now: datetime, *, limit: int = 1000) -> list[Alert]:
    rows = db.query(
        "SELECT * FROM alerts WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, chat_id, story_id,"
        " development LIMIT ?",
        [to_iso(now), limit],
    )
    return [_alert(r) for r in rows]


def alerts_of(db: Database, chat_id: int) -> list[Alert]:
    rows = db.query(
        "SELECT * FROM alerts WHERE chat_id = ? ORDER BY created_at, story_id, development", [chat_id]
    )
    return [_alert(r) for r in rows]


def claim_alert(db: Database, key: AlertKey, *, now: datetime) -> bool:
    cur = db.execute(
        f"UPDATE alerts SET state = 'claimed', claimed_at = ? WHERE {_KEY} AND state = 'pending'",
        [to_iso(now), *_key(key)],
    )
    return cur.rowcount > 0


def confirm_alert(db: Database, key: AlertKey, *, message_id: int, now: datetime) -> None:
    db.execute(
        f"UPDATE alerts SET state = 'sent', message_id = ?, sent_at = ?, error = NULL WHERE {_KEY}",
        [message_id, to_iso(now), *_key(key)],
    )


def release_alert(db: Database, key: AlertKey, *, error: str) -> None:
    db.execute(f"UPDATE alerts SET state = 'pending', error = ? WHERE {_KEY}", [error[:500], *_key(key)])


def release_unconfirmed_alert(
    db: Database, key: AlertKey, *, error: str, now: datetime, resends: int
) -> bool:
    """Telegram may have received the alert without its answer reaching us: pending again for a later
    run while it has been left unconfirmed at most ``resends`` times, else failed. True if resent."""
    return release_unconfirmed(
        db, "alerts", _KEY, _key(key), error=error, now=now, resends=resends, again="sent again later"
    )


def fail_alert(db: Database, key: AlertKey, *, error: str, now: datetime) -> None:
    db.execute(
        f"UPDATE alerts SET state = 'failed', error = ?, sent_at = ? WHERE {_KEY}",
        [error[:500], to_iso(now), *_key(key)],
    )


def drop_chat_alerts(db: Database, chat_id: int, *, error: str, now: datetime) -> int:
    """The chat refuses our messages (blocked the bot): its alerts waiting or being sent are dropped
    (Telegram refused them, so none reached it)."""
    cur = db.execute(
        f"UPDATE alerts SET state = '{DROPPED}', error = ?, sent_at = ?"
        " WHERE chat_id = ? AND state IN ('pending', 'claimed')",
        [error[:500], to_iso(now), chat_id],
    )
    return cur.rowcount


def sent_times(db: Database, chat_id: int, *, since: datetime) -> list[datetime]:
    """When the chat's alerts sent after ``since`` went out, oldest first."""
    rows = db.execute(
        "SELECT sent_at FROM alerts WHERE chat_id = ? AND state = 'sent' AND sent_at > ? ORDER BY sent_at",
        [chat_id, to_iso(since)],
    ).fetchall()
    return [t for (value,) in rows if (t := from_iso(value)) is not None]


def _update_pending(db: Database, chat_id: int, story_ids: Iterable[int], change: str, values: list) -> int:
    """Apply ``SET change`` to the chat's pending alerts for ``story_ids``; how many changed."""
    ids = sorted(set(story_ids))
    if not ids:
        return 0
    cur = db.execute(
        f"UPDATE alerts SET {change} WHERE chat_id = ? AND state = 'pending'"
        f" AND story_id IN ({','.join('?' * len(ids))})",
        [*values, chat_id, *ids],
    )
    return cur.rowcount


def defer_alerts(db: Database, chat_id: int, story_ids: Iterable[int], *, until: datetime) -> int:
    """Pending alerts that must wait (the chat had its hour's share): due again at ``until``."""
    return _update_pending(db, chat_id, story_ids, "due_at = ?", [to_iso(until)])


def drop_alerts(db: Database, chat_id: int, story_ids: Iterable[int], *, error: str, now: datetime) -> int:
    """Pending alerts that must not go out any more (the chat cannot be reached, or unfollowed): dropped,
    not sent (see ``queue_alert``: a dropped first telling may be queued again)."""
    return _update_pending(
        db, chat_id, story_ids, f"state = '{DROPPED}', error = ?, sent_at = ?", [error, to_iso(now)]
    )


def has_pending_alerts(db: Database) -> bool:
    return db.execute("SELECT 1 FROM alerts WHERE state = 'pending' LIMIT 1").fetchone() is not None


def fold_alerts(db: Database, chat_id: int, story_ids: Iterable[int]) -> int:
    """Pending alerts for stories the chat's digest now carries are not sent on their own."""
    return _update_pending(db, chat_id, story_ids, "state = 'folded'", [])


def fold_alert(db: Database, key: AlertKey) -> None:
    """A pending alert whose news the chat got otherwise (a digest told the story, or its update)."""
    db.execute(f"UPDATE alerts SET state = 'folded' WHERE {_KEY} AND state = 'pending'", _key(key))


def recover_claimed_alerts(db: Database) -> int:
    cur = db.execute("UPDATE alerts SET state = 'pending' WHERE state = 'claimed'")
    return cur.rowcount
