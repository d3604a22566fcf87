"""Stored actors read again when the extraction rules changed since they were stored.

Every article's actors are read once, at ingest, and the article records the rules that read them
(``articles.actors_key``: :func:`briefing.service.actors.actors_key`, from ``ACTORS_VERSION``). After an
upgrade whose extraction reads text otherwise, the archive's actors are stale: names an older rule got
wrong ("Author Irvine Smith"), counts and dossiers built on them. The running Telegram bot reads them
again in the background, a small batch at a time and newest article first (what a dossier shows first),
as :mod:`briefing.service.resummarize` does for summaries:

    batch = stale_batch(app)                                   # the database, in the bot's thread
    read = await asyncio.to_thread(read_again, batch)          # the text: no database
    store_read(app, one)                                       # one short transaction an article

Storing an article again (:func:`store.actors.store_actors_again`) takes its mentions, links, counts,
totals and type votes off, stores what the current rules read, and deletes the archive actors no
article names any more, except those a chat follows: a follow holds its actor's id, so a followed actor
is never deleted, and one read again where it was mentioned stays that actor under its new name too (its
old names still find it). Everything lives in the database, so a stop loses at most the batch in hand
and the next start carries on; an article stored again is current (running it twice changes nothing).
New articles are stored with the current key at ingest and never queued.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.service import App
from briefing.service.actors import ActorReading, actors_key, read_actors
from store.actors import StaleActors, count_stale_actors, stale_actor_articles, store_actors_again

log = logging.getLogger(__name__)

BATCH = 8  # articles a run reads again (bench/RESULTS.md: a batch stays a few hundred ms)


@dataclass(frozen=True)
class Reextracted:
    """What one batch did: articles whose actors were stored again, archive actors deleted as no article
    names them any more, and whether stale articles were found at all (False: the archive is current)."""

    articles: int
    dropped: int
    found: bool


@dataclass(frozen=True)
class Read:
    """A stale article and its actors read again under ``key`` (``reading`` None: extraction failed on
    it, logged; the stored actors stay, marked current)."""

    stale: StaleActors
    reading: ActorReading | None
    key: str


def stale_batch(app: App, limit: int = BATCH) -> list[StaleActors]:
    """The newest ``limit`` articles whose actors the current rules did not store."""
    return stale_actor_articles(app.db, actors_key(), limit=limit)


def count_stale(app: App) -> int:
    """How many articles' actors are stale (for the log at start)."""
    return count_stale_actors(app.db, actors_key())


def read_again(batch: Sequence[StaleActors]) -> list[Read]:
    """Each article's actors as the current rules read them; needs no database (a worker thread)."""
    key = actors_key()
    return [Read(s, read_actors(s.article.title, s.article.body), key) for s in batch]


def store_read(app: App, read: Read) -> Reextracted:
    """Store one article's actors read again, in a transaction of its own; a reading made under a key
    the rules no longer give is not stored."""
    if read.key != actors_key():
        return Reextracted(0, 0, True)
    reading = None if read.reading is None else (read.reading.actors, read.reading.sentences)
    done = store_actors_again(app.db, read.stale, read.key, reading)
    return Reextracted(int(done.stored), done.dropped, True)


def _add(one: Reextracted, other: Reextracted) -> Reextracted:
    return Reextracted(one.articles + other.articles, one.dropped + other.dropped, one.found or other.found)


def reextract(app: App, limit: int = BATCH) -> Reextracted:
    """One batch, all in the calling thread (tests, and a caller with no event loop to keep free)."""
    total = Reextracted(0, 0, False)
    for read in read_again(stale_batch(app, limit)):
        total = _add(total, store_read(app, read))
    return total


async def reextract_in_background(app: App, limit: int = BATCH) -> Reextracted:
    """One batch, the reading in a worker thread so the bot's event loop keeps answering; the database
    is read and written in the calling (the loop's) thread, which owns the connection, one article at a
    time with the loop free in between."""
    batch = stale_batch(app, limit)
    if not batch:
        return Reextracted(0, 0, False)
    read = await asyncio.to_thread(read_again, batch)
    total = Reextracted(0, 0, True)
    for one in read:
        total = _add(total, store_read(app, one))
        await asyncio.sleep(0)
    return total


__all__ = ["BATCH", "Reextracted", "count_stale", "reextract", "reextract_in_background", "stale_batch"]
