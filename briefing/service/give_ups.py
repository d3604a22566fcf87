"""Telling the admins of the entries their polled feeds give up (see :mod:`briefing.service.feed_polls`),
which ``/feeds`` alone showed: an entry lost without a word is news an admin may want to fetch by hand,
and a feed none of whose new entries can be read brings nothing while it looks healthy.

Two notices, both built so that they cannot become noisy:

- **Give-ups**: after a polling run, one message at most, a line for each feed with entries to tell of
  (how many, the first :data:`TITLES` titles and why). Each entry is told once (``feed_entries.told_at``,
  kept when it is given up again: a new version of it, a resumed feed), and a feed's give-ups at most once
  a day (:data:`NOTICE_GAP`); those given up meanwhile wait for its next notice, counted in it, and are in
  ``/feeds`` at once.
- **A stalled feed**: :data:`STALL_POLLS` polls in a row that gave up entries and read none of the feed's
  new ones (``sources.stalled_polls``; a poll with nothing new to decide neither counts nor breaks the
  run, and one new entry read ends it). One message per run of such polls, naming the feed and why; while
  it lasts, the feed's give-ups are not told one by one.

A failing or paused feed (its fetch failed, or every entry it lists was given up) is told by its failure,
in ``/feeds`` and the paused notice, not here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from briefing.addresses import mask_urls, shown_url
from briefing.ages import age
from briefing.document import Block, Document, Inline, Section, bold, clip, code, heading, item, link, para
from briefing.models import Source
from briefing.service import App
from store.db import transaction
from store.feed_entries import GivenUp, give_ups_since, mark_told, untold_give_ups
from store.sources import entry_stall, get_source, note_give_ups_told

STALL_POLLS = 3  # polls in a row that gave up entries and read none of the new ones: the feed is stalled
NOTICE_GAP = timedelta(days=1)  # a feed's give-ups are told at most once in this time
TITLES = 3  # entries named in a notice; the rest are counted
TITLE_CHARS = 80
WHY_CHARS = 120


@dataclass(frozen=True)
class GiveUpNews:
    """Entries a feed gave up that the admins were not told of, the last given up first."""

    source: Source
    entries: tuple[GivenUp, ...]


@dataclass(frozen=True)
class Stall:
    """A feed whose last ``polls`` polls with new entries gave every one up, the first at ``since``:
    the entries given up since then, the last first."""

    source: Source
    polls: int
    since: datetime
    entries: tuple[GivenUp, ...]


def give_up_news(app: App, source_id: int, now: datetime) -> GiveUpNews | Stall | None:
    """What to tell the admins of the feed's give-ups after a poll, if anything: its stall, once per run
    of polls; else its entries not told yet, at most once a :data:`NOTICE_GAP`. Remembered as told only
    once sent (:func:`note_told`): a notice that fails is offered again at the feed's next poll, and one
    sent is never offered again."""
    source = get_source(app.db, source_id)
    if source is None or not source.poll or source.paused or source.failures:
        return None
    stall = entry_stall(app.db, source_id)
    untold = untold_give_ups(app.db, source_id)
    if stall.polls >= STALL_POLLS and stall.since is not None:
        if stall.told_at is not None:  # told of the stall: its give-ups go with it
            if untold:
                with transaction(app.db):
                    mark_told(app.db, source_id, now=now)
            return None
        return Stall(source, stall.polls, stall.since, tuple(give_ups_since(app.db, source_id, stall.since)))
    told = stall.give_ups_told_at
    if not untold or (told is not None and now - told < NOTICE_GAP):
        return None
    return GiveUpNews(source, tuple(untold))


def note_told(app: App, news: GiveUpNews | Stall, now: datetime) -> None:
    """Remember that the admins were told ``news`` (sent): its entries, and those of the feed given up
    before them and not told (a stall's give-ups go with it), are not told again; the feed's next
    notice of give-ups waits a :data:`NOTICE_GAP`, and a stall is told once per run of polls."""
    through = max((g.at for g in news.entries if g.at is not None), default=None)
    with transaction(app.db):
        mark_told(app.db, news.source.id, now=now, through=through)
        note_give_ups_told(app.db, news.source.id, now=now, stall=isinstance(news, Stall))


def _entries(entries: Sequence[GivenUp]) -> str:
    """ "“Ferry cancelled” (HTTP 404 Not Found), “Quay closed” (HTTP 410 Gone) and 3 more"."""
    named = [f"“{_title(g)}” ({clip(mask_urls(g.why), WHY_CHARS)})" for g in entries[:TITLES]]
    more = len(entries) - len(named)
    return ", ".join(named) + (f" and {more:,} more" if more else "")


def _title(given: GivenUp) -> str:
    """An entry's title on one line, or its address when it has none (an entry with no URL has a title)."""
    return clip(given.sighting.title, TITLE_CHARS) or shown_url(given.sighting.url)


def give_ups_notice(news: Sequence[GiveUpNews]) -> Document:
    """The one message of a polling run about the entries its feeds gave up."""
    lines: list[Block] = []
    for one in news:
        count = len(one.entries)
        what = "1 entry" if count == 1 else f"{count:,} entries"
        lines.append(
            item(bold(f"#{one.source.id} {one.source.name}"), f" gave up {what}: {_entries(one.entries)}")
        )
    hint = para(
        "Their pages could not be read (or they link to none) and the feeds give no text for them, so"
        " they are not tried again unless a feed changes them. ",
        code("/feeds"),
        " lists them. Each entry is told once, a feed's give-ups at most once a day.",
    )
    return Document(header=(heading("Feed entries given up"),), sections=(Section((*lines, hint)),))


def stall_notice(stall: Stall, now: datetime) -> Document:
    """The message the admins get when a feed's new entries have all been given up, poll after poll."""
    source, entries = stall.source, stall.entries
    shown = shown_url(source.location)
    count = "1 entry" if len(entries) == 1 else f"{len(entries):,} entries"
    told: list[Inline] = [
        f"Its last {stall.polls} polls that found new entries read none of them: {count} given up, the"
        " first of those polls ",
        age(stall.since, now, "ago"),
        f". The last: {_entries(entries[:1])}." if entries else ".",
    ]
    blocks = (
        para(source.name, " — ", link(shown, shown)),
        para(*told),
        para(
            "The feed itself answers, so it is not failing, but none of its news arrives. Send ",
            code(f"/unfeed {source.id}"),
            " to stop it (its articles stay); ",
            code("/feeds"),
            " shows it. You hear of it again only after it has read a new entry.",
        ),
    )
    return Document(header=(heading("Feed's new entries all given up"),), sections=(Section(blocks),))


def stalled(polls: int, since: datetime | None, now: datetime) -> list[Inline]:
    """A stalled feed's words in ``/feeds``: " — none of its new entries read in its last 3 polls with any
    (the first of them 5 h ago)"."""
    if polls < STALL_POLLS or since is None:
        return []
    return [
        f" — none of its new entries read in its last {polls} polls with any (the first of them ",
        age(since, now, "ago"),
        ")",
    ]
