"""Builders for digest and delivery tests: stories, articles and actors written straight into the store,
fast pacing, and a few queries over what the loopback server received."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from briefing.adapters.delivery import send_due_alerts
from briefing.adapters.pacer import Limits, Pacer
from briefing.adapters.sender import SendPolicy
from briefing.models import Story
from briefing.service import App
from briefing.service.ingest import ingest_files, queue_new_alerts
from store import Database
from store.db import to_iso
from store.subscribers import subscribe

FAST = Limits(
    per_window=1000, window=0.5, min_gap=0.0, chat_interval=0.0, group_per_window=1000, group_window=1.0
)
QUICK = SendPolicy(attempts=3, backoff=0.01, retry_afters=5, workers=8)


def fast_pacer() -> Pacer:
    return Pacer(FAST)


def add_actor(db: Database, name: str, kind: str = "person") -> int:
    cur = db.execute(
        "INSERT INTO actors (name, type, key) VALUES (?, ?, ?)", [name, kind, f"{kind}:{name.lower()}"]
    )
    return int(cur.lastrowid)


def add_story(
    db: Database,
    headline: str,
    *,
    updated: datetime,
    sources: Sequence[tuple[str, str | None]] = (("DW", "auto"),),
    summary: str = "",
    body: str = "",
    actors: Sequence[int] = (),
    ingested: datetime | None = None,
) -> int:
    """A story with one article per source (each mentioning ``actors``), last updated at ``updated`` (and
    ingested then, or at ``ingested``).
    A source's url "auto" becomes ``https://<source>.example/<story id>``."""
    cur = db.execute(
        "INSERT INTO stories (headline, summary, first_seen, last_updated, article_count, source_count)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            headline,
            summary,
            to_iso(updated - timedelta(hours=1)),
            to_iso(updated),
            len(sources),
            len(sources),
        ],
    )
    story_id = int(cur.lastrowid)
    for n, (source, url) in enumerate(sources):
        text = body or f"{headline}. Reported by {source}."
        if url == "auto":
            url = f"https://{source.lower()}.example/{story_id}"
        digest = hashlib.sha256(f"{story_id}:{n}:{text}".encode()).hexdigest()
        art = db.execute(
            "INSERT INTO articles (url, title, body, source, ingested_at, dated_at, content_hash, simhash,"
            " summary, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
            [
                url,
                headline,
                text,
                source,
                to_iso(ingested or updated),
                to_iso(updated),
                digest,
                summary,
                story_id,
            ],
        )
        for actor in actors:
            db.execute(
                "INSERT INTO mentions (actor_id, article_id, sentence_index, sentence_start, sentence_end,"
                " start, end, surface) VALUES (?, ?, 0, 0, 10, 0, 5, 'x')",
                [actor, art.lastrowid],
            )
    return story_id


def join_story(
    db: Database,
    story_id: int,
    source: str,
    *,
    summary: str,
    dated: datetime,
    ingested: datetime | None = None,
) -> int:
    """A new article of ``source`` (summary sentences one a line) joins the story, as ingest does: the
    story's last update and counts follow it."""
    digest = hashlib.sha256(f"{story_id}:{source}:{summary}".encode()).hexdigest()
    art = db.execute(
        "INSERT INTO articles (url, title, body, source, ingested_at, dated_at, content_hash, simhash,"
        " summary, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        [f"https://{source.lower()}.example/{story_id}/{digest[:8]}", f"{source} on story {story_id}",
         summary.replace("\n", " "), source, to_iso(ingested or dated), to_iso(dated), digest, summary,
         story_id],
    )  # fmt: skip
    db.execute(
        "UPDATE stories SET last_updated = max(last_updated, ?), article_count = article_count + 1,"
        " source_count = (SELECT count(DISTINCT source) FROM articles WHERE story_id = ?) WHERE id = ?",
        [to_iso(dated), story_id, story_id],
    )
    return int(art.lastrowid)


def digest_received(db: Database, chat_id: int, at: datetime) -> None:
    """The chat's last digest was composed at ``at`` and Telegram confirmed it then."""
    from store.subscribers import mark_digest_sent

    mark_digest_sent(db, chat_id, at)
    db.execute(
        "INSERT INTO deliveries (chat_id, digest_date, part, state, text, message_id, sent_at, due_at)"
        " VALUES (?, ?, 0, 'sent', 'earlier digest', 1, ?, ?)",
        [chat_id, at.date().isoformat(), to_iso(at), to_iso(at)],
    )


def subscriber(
    db: Database, chat_id: int, at: str, tz: str = "UTC", *, length: int = 5, since: datetime | None = None
):
    """Subscribe a chat (created ``since``, default long ago) for ``at`` (HH:MM) in ``tz``."""
    created = since or datetime(2024, 1, 1, tzinfo=UTC)
    return subscribe(db, chat_id, timezone=tz, digest_time=time.fromisoformat(at), now=created, length=length)


@dataclass
class Clock:
    """A settable clock for ``App.clock``."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now


def sends(server, chat_id: int | None = None) -> list:
    """Successful sendMessage requests, in the order the server answered them."""
    return server.requests("sendMessage", chat_id=chat_id, ok=True)


def received_twice(server) -> list[tuple[int, str]]:
    """(chat, text) pairs the server delivered more than once: duplicates a chat would see."""
    seen = Counter((m.chat_id, m.text) for m in server.sent_messages())
    return [k for k, n in seen.items() if n > 1]


def story_ids(stories: Sequence[Story]) -> list[int]:
    return [s.id for s in stories]


def deliver(app, chat_id: int, at: datetime) -> None:
    """Compose the chat's digest due at ``at`` and have Telegram confirm it then."""
    from briefing.service.digests import compose_due
    from store import deliveries

    assert compose_due(app, now=at).composed == 1
    key = deliveries.PartKey(chat_id, at.date(), 0)
    deliveries.claim_part(app.db, key, now=at)
    deliveries.confirm_part(app.db, key, message_id=1, now=at)


def at(text: str) -> datetime:
    """A moment written in ISO form, in UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def dump_article(title: str, url: str, published: str, *paragraphs: str) -> str:
    """A one-article text dump with its address and date lines."""
    return "\n\n".join([title, f"URL: {url}\nPublished: {published}", *paragraphs])


def ingest_text(app: App, tmp_path: Path, when: str, name: str, text: str) -> list[int]:
    """Store one article at ``when`` (``app.clock`` a :class:`Clock`) and queue its alerts, as ``bot.py
    ingest`` does."""
    app.clock.now = at(when)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    new = list(ingest_files(app, [path]).new_ids)
    assert new
    queue_new_alerts(app, new)
    return new


async def send_alerts(app: App, bot, when: str) -> None:
    """Send the alerts due at ``when``, paced fast."""
    app.clock.now = at(when)
    await send_due_alerts(app, bot, now=app.clock.now, pacer=fast_pacer(), policy=QUICK)
