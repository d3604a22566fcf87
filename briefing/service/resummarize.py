"""Stored summaries made again when the summarizer or its settings changed since they were made.

Every article's summary is made once, at ingest, and records what made it (``articles.summary_key``:
:func:`briefing.service.summaries.summary_key`, the summarizer's ``SUMMARY_VERSION``, the algorithm, the
length and the sentence cap). After an upgrade whose summarizer reads text otherwise, or after an operator
changes ``summary.algorithm`` or ``summary.sentences``, the archive's summaries are stale, and the stories
built from them too. The running Telegram bot makes them again in the background, a small batch at a time
and newest article first (what users read first), then its stories' headlines and summaries, each story
once: when the latest articles its record is made from are all current again (an archive of 100,000
articles in 600 stories makes each story again once, not once per article):

    batch = stale_batch(app)                               # the database, in the bot's thread
    made = await asyncio.to_thread(summarize_again, app.settings, batch)   # the text: no database
    store_again(app, made)                                 # a short transaction a story

Everything lives in the database, so a restart carries on where the last run stopped, and a summary
stored again is no longer stale (running it twice changes nothing). An article changed between the read
and the write (a re-ingest stored its own summary) keeps the newer one.

The terminal chat and ``bot.py ask`` run no background job (``ask`` ends after one reply), so there a
reply makes the summaries it shows current first (``App.summaries_on_read``): :func:`current_articles`
for a list of articles, :func:`current_stories` for stories (the latest articles each is made from, then
the story). Those are a few dozen articles at most, once: stored again, they are current for the next
reply and for the bot. A database the user cannot write still answers, with summaries made in memory.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing.models import Article, Story
from briefing.service import App
from briefing.service.stories import refresh_stories, remade_record
from briefing.service.summaries import summarize_text, summary_key
from config import Settings
from store import transaction
from store.db import cannot_write, is_busy
from store.stories import stories_by_ids, story_members
from store.summaries import (
    StaleArticle,
    count_stale_summaries,
    latest_member_keys,
    refresh_summary,
    stale_among,
    stale_summaries,
    stories_of,
)

log = logging.getLogger(__name__)

BATCH = 16  # articles a run makes again: 0.2-0.4 s of summarizing on the busy 2-core test machine


@dataclass(frozen=True)
class Resummarized:
    """What one batch did: articles whose summary was stored again, stories rewritten after them, and
    whether stale articles were found at all (False: the archive is current, nothing is left to do)."""

    articles: int
    stories: int
    found: bool


@dataclass(frozen=True)
class Made:
    """A stale article and the summary made again for it under ``key`` (``None``: the summarizer failed
    on it; the stored one is kept, marked current, and the failure logged once)."""

    article: StaleArticle
    summary: tuple[str, ...] | None
    key: str


def stale_batch(app: App, limit: int = BATCH) -> list[StaleArticle]:
    """The newest ``limit`` articles whose summary the current settings and rules would not make."""
    return stale_summaries(app.db, summary_key(app.settings), limit=limit)


def count_stale(app: App) -> int:
    """How many articles' summaries are stale (for the log at start)."""
    return count_stale_summaries(app.db, summary_key(app.settings))


def summarize_again(settings: Settings, batch: Sequence[StaleArticle]) -> list[Made]:
    """Each article's summary as the settings ask for it now; needs no database (a worker thread)."""
    key = summary_key(settings)
    return [Made(a, _summary(settings, a), key) for a in batch]


def _summary(settings: Settings, article: StaleArticle) -> tuple[str, ...] | None:
    try:
        return summarize_text(settings, article.title, article.body)
    except Exception:  # one article must not stop the others, nor be tried every half second
        log.exception("summarizing article %d again failed; it keeps its stored summary", article.id)
        return None


def _by_story(made: Sequence[Made]) -> list[list[Made]]:
    """The batch in groups of one story (as read), in the batch's order: each group is stored with its
    story in one transaction, and the bot answers between groups."""
    groups: dict[object, list[Made]] = {}
    for m in made:
        groups.setdefault(m.article.story_id or ("alone", m.article.id), []).append(m)
    return list(groups.values())


def _due(app: App, story_id: int, stored: set[int], key: str) -> bool:
    """A story is made again once, when the articles its record is made from are all current and one
    of them was just stored: an older article's new summary does not change it, and one made again
    while another of its latest is still stale would be made again after that one."""
    latest = latest_member_keys(app.db, story_id)
    return any(i in stored for i, _ in latest) and all(k == key for _, k in latest)


def store_group(app: App, made: Sequence[Made]) -> Resummarized:
    """Store summaries made again and make their stories again when due (:func:`_due`), in one
    transaction, so a stop between the two leaves neither half done. A summary made under a key the
    settings no longer ask for is not stored; the stories are those the articles are in now."""
    key = summary_key(app.settings)
    with transaction(app.db):
        stored = [
            m.article.id for m in made if m.key == key and refresh_summary(app.db, m.article, m.summary, key)
        ]
        done = set(stored)
        due = [s for s in stories_of(app.db, stored) if _due(app, s, done, key)]
        stories = refresh_stories(app, due)
    return Resummarized(len(stored), stories, bool(made))


def _add(one: Resummarized, other: Resummarized) -> Resummarized:
    return Resummarized(one.articles + other.articles, one.stories + other.stories, one.found or other.found)


def store_again(app: App, made: Sequence[Made]) -> Resummarized:
    """Store a batch's summaries made again, with their stories, a story at a time."""
    total = Resummarized(0, 0, bool(made))
    for group in _by_story(made):
        total = _add(total, store_group(app, group))
    return total


def resummarize(app: App, limit: int = BATCH) -> Resummarized:
    """One batch, all in the calling thread (tests, and a caller with no event loop to keep free)."""
    return store_again(app, summarize_again(app.settings, stale_batch(app, limit)))


async def resummarize_in_background(app: App, limit: int = BATCH) -> Resummarized:
    """One batch, the summarizing in a worker thread so the bot's event loop keeps answering; the
    database is read and written in the calling (the loop's) thread, which owns the connection, one
    story at a time with the loop free in between (a story of many articles takes tens of ms)."""
    batch = stale_batch(app, limit)
    if not batch:
        return Resummarized(0, 0, False)
    made = await asyncio.to_thread(summarize_again, app.settings, batch)
    total = Resummarized(0, 0, True)
    for group in _by_story(made):
        total = _add(total, store_group(app, group))
        await asyncio.sleep(0)
    return total


def _stored(app: App, made: Sequence[Made]) -> bool:
    """Store summaries made again for a reply, with their stories; False when the database cannot be
    written (a read-only file, a full disk) or stayed locked by another writer: the reply shows them all
    the same, from memory, and a later reply stores them."""
    try:
        store_again(app, made)
    except Exception as exc:  # sqlite3's errors: the service layer leaves them to the store
        if not (cannot_write(exc) or is_busy(exc)):
            raise
        log.warning("summaries made again for a reply could not be stored: %s", exc)
        return False
    return True


def _as_stored(summary: Sequence[str]) -> tuple[str, ...]:
    """A summary as it reads back from the store (:func:`store.summaries.save_summary`)."""
    return tuple(" ".join(x.split()) for x in summary if x.strip())


def _made_again(app: App, stale: Sequence[StaleArticle]) -> tuple[dict[int, tuple[str, ...]], bool]:
    """The stale articles' summaries made again (an article the summarizer fails on keeps its own) and
    whether they were stored."""
    made = summarize_again(app.settings, stale)
    stored = _stored(app, made)
    return {m.article.id: _as_stored(m.summary) for m in made if m.summary is not None}, stored


def current_articles(app: App, articles: Sequence[Article]) -> list[Article]:
    """The articles a reply lists, with current summaries (``App.summaries_on_read``)."""
    if not app.summaries_on_read or not articles:
        return list(articles)
    stale = stale_among(app.db, summary_key(app.settings), [a.id for a in articles])
    if not stale:
        return list(articles)
    fresh, _ = _made_again(app, stale)
    return [replace(a, summary=fresh[a.id]) if a.id in fresh else a for a in articles]


def current_stories(app: App, stories: Sequence[Story]) -> list[Story]:
    """The stories a reply shows, made from current summaries (``App.summaries_on_read``): the stale
    ones among the latest articles each is made from are made again, and so is the story."""
    if not app.summaries_on_read or not stories:
        return list(stories)
    key = summary_key(app.settings)
    behind = {s.id: [i for i, k in latest_member_keys(app.db, s.id) if k != key] for s in stories}
    behind = {sid: ids for sid, ids in behind.items() if ids}
    if not behind:
        return list(stories)
    fresh, stored = _made_again(app, stale_among(app.db, key, [i for ids in behind.values() for i in ids]))
    if stored:  # the stories were made again with their articles' summaries (store_group)
        again = {s.id: s for s in stories_by_ids(app.db, list(behind))}
        return [again.get(s.id, s) for s in stories]
    return [_remade(app, s, fresh) if s.id in behind else s for s in stories]


def _remade(app: App, story: Story, fresh: dict[int, tuple[str, ...]]) -> Story:
    """A story made in memory from its latest articles with the summaries made again for them."""
    members = [
        replace(m, summary=fresh[m.id], lead=" ".join(fresh[m.id]) or m.opening) if m.id in fresh else m
        for m in story_members(app.db, story.id)
    ]
    if not members:
        return story
    record = remade_record(app, story.id, members)
    return replace(story, headline=record.headline, summary=record.summary)
