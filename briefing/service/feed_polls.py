"""A feed's entries into stored articles, and one poll of a feed URL.

:func:`ingest_feed` is one feed poll for the scheduler (:mod:`briefing.service.polling`): a conditional
GET with the validators stored for the feed, and the outcome recorded in ``sources`` (a failing feed
backs off, and is paused after ``feed_max_failures`` failures in a row). Its entries are stored as the
feed gives them, except teasers, whose pages are fetched a few at a time (:func:`fetch_teasers`); a feed
file read by :mod:`briefing.service.ingest` goes through the same steps, without the poll.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from briefing.addresses import shown_url, site_of
from briefing.dedupe import MIN_LENGTH_RATIO, normalize_url
from briefing.errors import EmptySourceError, FetchError, SourceError, WallPageError
from briefing.feeds import Feed, FeedEntry, has_prose, parse_feed
from briefing.models import TEASER_KEPT, TEASER_RETRY, ArticleDraft, IngestReport, Source
from briefing.pages import parse_page
from briefing.sentences import word_count
from briefing.service import App
from briefing.service.batches import Tally, credible_date, store_drafts_async
from briefing.walls import is_entry_page
from store.articles import find_by_url, known_url, same_page, summaries_to_retry
from store.db import transaction
from store.feed_entries import (
    EntrySighting,
    GivenUp,
    entries_given_up,
    entries_waiting_since,
    give_up,
    last_sightings,
    note_still_listed,
    note_waiting,
    record_sightings,
)
from store.sources import (
    find_source,
    forget_validators,
    record_entry_outcome,
    record_poll_failure,
    record_poll_ok,
    upsert_source,
)

if TYPE_CHECKING:
    from briefing.adapters.fetch import Fetcher, FetchResult

log = logging.getLogger(__name__)

PAGE_CONCURRENCY = 4


@dataclass(frozen=True)
class FeedBatch:
    """A feed's entries sorted for storing: ``full``, the drafts the feed holds whole; ``teasers``, those
    whose pages are to be fetched; ``revised``, the URLs among them of known entries the feed has updated
    since they were read (a later date or another title: read again and stored as revisions,
    ``add_article(revision=True)``); ``read``, the entries to remember as read once stored
    (:func:`remember_entries`); ``textless``, the new entries with neither a URL nor prose, held for the
    caller to give up (a polled feed's, :func:`_give_up_textless`) rather than failed at once."""

    full: list[ArticleDraft]
    teasers: list[ArticleDraft]
    revised: frozenset[str]
    read: tuple[FeedEntry, ...]
    textless: tuple[FeedEntry, ...] = ()
    title: str | None = None  # the feed's own name, its entries' outlet unless one names its own
    source_id: int | None = None  # the feed's (or feed file's) source, which remembers the entries read


def sort_entries(
    app: App,
    feed: Feed,
    tally: Tally,
    *,
    label: str,
    hold_textless: bool = False,
    source_id: int | None = None,
) -> FeedBatch:
    """The feed's entries to store: the new ones, and the known ones (stored, or recognised as a
    near-duplicate) that the feed updated since they were read (:func:`updated`). The other known
    entries are counted as duplicates here, so their pages are never fetched again. An entry with no URL
    and no prose fails ("no article text"), or with ``hold_textless`` is left in ``textless``."""
    urls = [e.draft.url for e in feed.entries if e.draft.url and known_url(app.db, e.draft.url)]
    known = set(urls)
    last = last_sightings(app.db, urls)
    summaries = summaries_to_retry(
        app.db, [e.draft.url for e in feed.entries if e.teaser and e.draft.url in known]
    )
    fresh, revised, read = [], set(), []
    for entry in feed.entries:
        url = entry.draft.url
        if url is None or url not in known:
            fresh.append(entry)
            read.append(entry)
        elif url in summaries or updated(app, entry, last.get(url), source_id):
            fresh.append(entry)
            revised.add(url)
            read.append(entry)
        else:
            tally.duplicate += 1
            if url not in last:  # read before its feed's entries were remembered: remembered from now
                read.append(entry)
    if revised:  # the report tells the updates stored ("updated"): the log's line is for -v (qa32c F8)
        log.debug("%s: known entries updated since last read, read again: %d", label, len(revised))
    full, teasers, textless = readable_entries(fresh)
    if not hold_textless:
        fail_textless(textless, tally, label=label)
        textless = []
    return FeedBatch(full, teasers, frozenset(revised), tuple(read), tuple(textless), feed.title, source_id)


def updated(app: App, entry: FeedEntry, last: EntrySighting | None, source_id: int | None = None) -> bool:
    """Whether a known entry changed since it was read: the feed gives it a later date (``<updated>``,
    a later ``<pubDate>``) or another title. An entry read before its feed's entries were remembered
    (m0017) is compared with its article: a later date than the one stored with it. Another title than
    another feed (not ``source_id``) gave the page is no change: two feeds listing one page under two
    headlines would each find "another title" at every poll and fetch the page again (qa32c F5)."""
    if last is None:
        assert entry.draft.url is not None
        stored = find_by_url(app.db, entry.draft.url)
        when, before = entry.draft.published_at, stored.published_at if stored else None
        return when is not None and before is not None and when > before
    if entry.stamp is not None and (last.stamp is None or entry.stamp > last.stamp):
        return True
    if source_id is not None and last.source_id is not None and last.source_id != source_id:
        return False
    return " ".join(entry.draft.title.split()) != " ".join(last.title.split())


def remember_entries(app: App, batch: FeedBatch, tally: Tally) -> None:
    """Remember the title and date of each entry read, once stored: not one whose page or article
    failed (``tally.unsettled``), nor a new one that left no article, so the next poll tries them
    again."""
    sightings = [
        EntrySighting(e.draft.url, e.draft.title, e.stamp)
        for e in batch.read
        if e.draft.url and e.draft.url not in tally.unsettled and known_url(app.db, e.draft.url)
    ]
    if sightings:
        with transaction(app.db):
            record_sightings(app.db, sightings, now=app.now(), source_id=batch.source_id)


def readable_entries(
    entries: Sequence[FeedEntry],
) -> tuple[list[ArticleDraft], list[ArticleDraft], list[FeedEntry]]:
    """The entries to store as the feed gives them, the teasers whose pages are to be fetched, and the
    textless: a teaser with no URL of its own has no page to fetch (its link was the site's home page,
    say), so its summary is the article if it holds prose, else there is none."""
    full, teasers, textless = [], [], []
    for entry in entries:
        draft = entry.draft
        if entry.teaser and draft.url:
            teasers.append(draft)
        elif not entry.teaser or has_prose(draft):
            full.append(draft)
        else:
            textless.append(entry)
    return full, teasers, textless


NO_TEXT = "feed entry: no article text"  # an entry with no URL and no prose: nothing to read at all
TEXTLESS_WHY = "no article text in the feed, and no link to its page"  # its give-up's reason, in /feeds


def fail_textless(entries: Sequence[FeedEntry], tally: Tally, *, label: str, given_up: bool = False) -> None:
    """Report entries with no URL and no prose as failures (``given_up``: by a polled feed, once)."""
    why = f"{NO_TEXT}; given up" if given_up else NO_TEXT
    tally.failed.extend((f"{label}: {e.draft.title[:60]}", why) for e in entries)


def textless_key(source_id: int, entry: FeedEntry) -> str:
    """What names an entry with no URL in ``feed_entries``, to give it up once: its guid, else its title
    and date, hashed (so that no character of them is read as a URL's) under the feed's number (a guid
    is the feed's own, and two feeds may give one title and date)."""
    title = " ".join(entry.draft.title.split())
    basis = f"guid {entry.guid}" if entry.guid else f"title {title} {entry.stamp or entry.draft.published_at}"
    return f"feed-entry:{source_id}:{hashlib.sha256(basis.encode()).hexdigest()[:24]}"


def note_recovery(feed: Feed, label: str, tally: Tally) -> None:
    if feed.repaired:
        tally.notes.append((label, f"malformed feed, repaired: {feed.repaired}"))
    if feed.recovered:
        tally.notes.append((label, f"malformed feed, read what could be read: {feed.recovered}"))
    if not feed.entries:
        tally.notes.append((label, "the feed has no entries"))


def default_fetcher(app: App) -> Fetcher:
    from briefing.adapters.fetch import FetchConfig, Fetcher

    return Fetcher(FetchConfig.from_settings(app.settings))


async def ingest_feed(
    app: App, url: str, *, fetcher: Fetcher | None = None, poll: bool | None = None
) -> IngestReport:
    """Poll one feed: a conditional GET with the validators stored for it, its new entries stored
    (teasers' pages fetched), and the outcome — validators, or the failure and its count (a feed
    failing ``feed_max_failures`` times in a row is paused) — recorded in ``sources``.
    ``poll`` switches the feed's scheduled polling on or off (``None`` leaves it)."""
    tally = Tally()
    own = fetcher is None
    fetcher = fetcher or default_fetcher(app)
    try:
        await poll_feed(app, url, tally, fetcher, poll=poll)
    finally:
        if own:
            await fetcher.aclose()
    return tally.report()


async def poll_feed(
    app: App,
    url: str,
    tally: Tally,
    fetcher: Fetcher,
    *,
    first: FetchResult | None = None,
    poll: bool | None = None,
) -> None:
    from store.sources import set_polling

    source = find_source(app.db, url)
    if source is not None and poll is not None:
        with transaction(app.db):
            set_polling(app.db, source.id, poll)
        source = find_source(app.db, url)
    try:
        etag, modified = (source.etag, source.last_modified) if source else (None, None)
        fetched = first or await fetcher.get(url, etag=etag, last_modified=modified)
        feed = None
        if not fetched.not_modified:
            # a big feed takes a while to parse: in a worker thread, as the pages and articles are read
            feed = await asyncio.to_thread(
                parse_feed,
                fetched.body,
                url=fetched.url,
                content_type=fetched.content_type,
                max_bytes=app.settings.fetch_max_bytes,
            )
    except SourceError as exc:
        if source is None:
            # a new address is registered only once it has proved a feed: one that is not (a "Document
            # Moved" stub served as RSS) would be polled, fail, and be paused with a notice to the admins
            why = f"{exc}; not added to the feeds read on a schedule" if poll else str(exc)
            tally.failed.append((url, why))
            return
        _feed_failed(app, source.id, source.failures, str(exc))
        tally.failed.append((url, str(exc)))
        return
    created = source is None
    if source is None:  # polled only once read through: a stop cutting this first read short leaves it out
        with transaction(app.db):
            name = site_of(url) or shown_url(url)
            source = upsert_source(app.db, kind="feed", location=url, name=name, now=app.now())
    # whether a later poll will read this feed again (a paused feed waits for an admin, maybe forever)
    polled = (source.poll and not source.paused) if poll is None else poll
    next_poll = app.now() + timedelta(minutes=app.settings.poll_minutes)
    with transaction(app.db):
        if feed is not None:
            upsert_source(app.db, kind="feed", location=url, name=feed.title, now=app.now())
        record_poll_ok(
            app.db,
            source.id,
            now=app.now(),
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            next_poll_at=next_poll,
        )
    if feed is None:
        tally.not_modified += 1
        return
    note_recovery(feed, url, tally)
    try:
        await _read_entries(app, source, feed, tally, fetcher, polled=polled, inside=fetched.internal)
    except asyncio.CancelledError:  # the bot stops: the entries not stored yet wait for a full read
        with transaction(app.db):
            forget_validators(app.db, source.id)
        raise
    if created and poll is not None:
        with transaction(app.db):
            set_polling(app.db, source.id, poll)


async def _read_entries(
    app: App, source: Source, feed: Feed, tally: Tally, fetcher: Fetcher, *, polled: bool, inside: bool
) -> None:
    """Store a feed's new and updated entries, fetching the pages of its teasers (at internal addresses
    only when the feed came from one: ``inside``). A page that fails for now leaves its entry for the next
    poll, until the entry has waited :func:`page_patience`; then it keeps the feed's summary. An entry
    with no prose in its summary to keep is given up once (:func:`give_up`): at once when its page is
    gone for good (a 404, a wall), after that wait when it fails for now; later polls leave it alone
    until the feed gives a new version of it. Entry pages do not count as the feed failing: one dead
    entry of a feed whose other entries arrive is no failing feed. Only a feed none of whose entries can
    be read, every one given up and none stored or waiting, fails (:func:`given_up_error`), as the feed's
    own fetch or parse does."""
    url = source.location
    counts = tally.counts
    batch = sort_entries(app, feed, tally, label=url, hold_textless=True, source_id=source.id)
    sorted_counts = tally.counts  # the known entries counted
    patience, now = page_patience(app), app.now()
    textless = _give_up_textless(app, source, batch.textless, tally, now) if polled else 0
    if not polled:
        fail_textless(batch.textless, tally, label=url)
    await store_drafts_async(app, batch.full, tally, label=url, source_id=source.id, revised=batch.revised)
    entries = {e.draft.url: e for e in batch.read if e.draft.url is not None}
    abandoned = _still_given_up(app, batch, entries) if polled else []
    if abandoned:
        _still_listed(app, [g.sighting.url for g in abandoned], now)
    left_alone = {g.sighting.url for g in abandoned}
    teasers = [d for d in batch.teasers if d.url not in left_alone]
    since = entries_waiting_since(app.db, [d.url for d in teasers if d.url]) if polled else {}
    pages = await fetch_teasers(
        app,
        teasers,
        tally,
        fetcher,
        label=url,
        source_id=source.id,
        retry_later=polled,
        waited_out=frozenset(u for u, first in since.items() if now - first >= patience),
        revised=batch.revised,
        found_inside=inside,
        feed_title=batch.title,
    )
    remember_entries(app, batch, tally)
    if pages.given_up:
        dropped = [
            GivenUp(EntrySighting(u, entries[u].draft.title, entries[u].stamp), why, waited)
            for u, why, waited in pages.given_up
        ]
        with transaction(app.db):
            give_up(app.db, dropped, source_id=source.id, now=now)
        for one in dropped:
            log.warning("%s: gave up the entry %s: %s", shown_url(url), shown_url(one.sighting.url), one.why)
    if pages.summaries and not pages.waiting:
        with transaction(app.db):
            # the next read must read the feed again to fetch their pages, not hear "304 Not Modified"
            forget_validators(app.db, source.id)
    if pages.waiting:
        left = set(pages.waiting)
        with transaction(app.db):
            # the first poll to leave an entry waiting starts its wait (an update's row is left as read)
            sightings = [EntrySighting(u, e.draft.title, e.stamp) for u, e in entries.items() if u in left]
            note_waiting(app.db, sightings, now=now)
            # the next poll must read the feed again, not hear "304 Not Modified" and skip them
            forget_validators(app.db, source.id)
    read = tally.counts != counts or bool(batch.revised)
    given = list(pages.given_up)
    given += [(g.sighting.url, g.why, g.waited) for g in abandoned]
    if given and not pages.waiting and not read:
        # nothing the feed lists can be read, and no later poll will try: a dead feed in all but name
        for g in abandoned:
            tally.failed.append((g.sighting.url, f"feed entry page: {g.why}; {GIVEN_UP}"))
        with transaction(app.db):
            # a "304 Not Modified" must not count as a good poll of a feed failing for its entries
            forget_validators(app.db, source.id)
        error = given_up_error(given, patience)
        _feed_failed(app, source.id, source.failures, error, failures_before=source.failures)
    if polled:
        got = tally.counts != sorted_counts
        with transaction(app.db):
            record_entry_outcome(
                app.db, source.id, read=got, gave_up=bool(pages.given_up or textless), now=now
            )


def _give_up_textless(
    app: App, source: Source, entries: Sequence[FeedEntry], tally: Tally, now: datetime
) -> int:
    """Give up a polled feed's entries that have no URL and no prose (nothing to fetch, nothing to keep),
    each once under its :func:`textless_key`: the first poll to list one reports it, later ones leave it
    alone rather than fail it at every poll for as long as the feed lists it. How many were given up."""
    keyed = {textless_key(source.id, e): e for e in entries}
    before = entries_given_up(app.db, list(keyed))
    fresh = [
        GivenUp(EntrySighting(key, e.draft.title, e.stamp), TEXTLESS_WHY, False)
        for key, e in keyed.items()
        if key not in before
    ]
    if before:
        _still_listed(app, list(before), now)
    if fresh:
        fail_textless([keyed[g.sighting.url] for g in fresh], tally, label=source.location, given_up=True)
        with transaction(app.db):
            give_up(app.db, fresh, source_id=source.id, now=now)
        for one in fresh:
            log.warning(
                "%s: gave up the entry “%s”: %s", shown_url(source.location), one.sighting.title, one.why
            )
    return len(fresh)


LISTED_GAP = timedelta(days=1)  # how often a given-up entry still listed is noted as seen again


def _still_listed(app: App, urls: Sequence[str], now: datetime) -> None:
    """Note the given-up entries the feed still lists as seen (:func:`note_still_listed`), so that the
    pruning of old entries keeps them for as long as the feed lists them."""
    with transaction(app.db):
        note_still_listed(app.db, urls, now=now, after=now - LISTED_GAP)


def _still_given_up(app: App, batch: FeedBatch, entries: Mapping[str, FeedEntry]) -> list[GivenUp]:
    """The new entries of ``batch`` (``entries``: its entries read, by URL) given up at an earlier poll and
    still as they were then: left alone (a version the feed has changed since, another title or a later
    date, is tried again)."""
    wanted = [d.url for d in batch.teasers if d.url and d.url not in batch.revised]
    given = entries_given_up(app.db, wanted)
    return [g for u, g in given.items() if u in entries and not updated(app, entries[u], g.sighting)]


def given_up_error(given_up: Sequence[tuple[str, str, bool]], patience: timedelta) -> str:
    """The reason a feed fails when all its entries were given up, none read: how many, for how long
    their pages failed (when each waited out ``patience``), and the first page's error."""
    count = len(given_up)
    pages = "its entry's page" if count == 1 else f"{count} of its entries' pages"
    them = "it" if count == 1 else "them"
    waited = f" for {_duration(patience)}" if all(w for _, _, w in given_up) else ""
    return (
        f"{pages} could not be fetched{waited}, and the feed gives no article text for {them}"
        f" ({given_up[0][1]})"
    )


def _duration(span: timedelta) -> str:
    """A wait for an admin to read: "2 h 30 min", "45 min", "3 h"."""
    hours, minutes = divmod(int(span.total_seconds()) // 60, 60)
    return " ".join(
        part for part in (f"{hours} h" if hours else "", f"{minutes} min" if minutes else "") if part
    )


def page_patience(app: App) -> timedelta:
    """How long a polled feed's entry waits for its page (failing for now: a timeout, a 5xx, no
    connection) before it keeps the feed's summary: the polls a failing feed gets before it is paused
    (``feeds.max_failures`` times ``poll_minutes``, 2 h 30 min by default). A site whose pages never
    answer (a tracking redirector that is down, a tarpit) costs a few tries an entry, not one at every
    poll for as long as the entry stays in the feed."""
    return timedelta(minutes=app.settings.poll_minutes * app.settings.feed_max_failures)


def _summary_stands_in(app: App, draft: ArticleDraft) -> bool:
    """Whether an updated entry's summary can stand for its page: it holds prose, and the version stored
    is no more than twice as long (it was the feed's summary too, the page having failed then)."""
    assert draft.url is not None
    stored = find_by_url(app.db, draft.url)
    return has_prose(draft) and (
        stored is None or word_count(stored.body) <= word_count(draft.body) / MIN_LENGTH_RATIO
    )


def _moved(link: str, own: str | None) -> bool:
    """Whether a feed's ``link`` led to a page whose own URL (its canonical link, where a redirect led) is
    another page's address, not the link's own over http or https or with tracking parameters."""
    return own is not None and normalize_url(own) not in same_page(normalize_url(link))


def _outlet(page: ArticleDraft, entry: ArticleDraft, feed_title: str | None) -> str:
    """A feed entry's outlet once its page is read: the name the page gives its site (``og:site_name``),
    as the page ingested directly has it, else the feed's title. One site is one outlet, not "Markets Desk
    - Markets" by its feed and "Markets Desk" by its page (qa32b F9). An entry naming its own outlet (an
    aggregator's ``<source>Reuters</source>``) keeps it, and a page naming no site, only its host, keeps
    the name the feed gives."""
    unnamed = page.source == "web" or (page.url is not None and page.source == site_of(page.url))
    return entry.source if unnamed or feed_title is None or entry.source != feed_title else page.source


def feed_backoff(poll_minutes: int, failures: int) -> timedelta:
    """How long a feed that has failed ``failures`` times before waits after failing again."""
    return timedelta(minutes=poll_minutes * 2 ** min(failures + 1, 5))


def _feed_failed(
    app: App, source_id: int, failures: int, error: str, *, failures_before: int | None = None
) -> None:
    with transaction(app.db):
        record_poll_failure(
            app.db,
            source_id,
            now=app.now(),
            error=error,
            max_failures=app.settings.feed_max_failures,
            next_poll_at=app.now() + feed_backoff(app.settings.poll_minutes, failures),
            failures_before=failures_before,
        )


RETRIED = "tried again at the next poll"  # a feed entry whose page could not be had for now
GIVEN_UP = "no article text in the feed's summary; given up"  # a polled feed's entry, not tried again


@dataclass(frozen=True)
class PageMisses:
    """What :func:`fetch_teasers` could not store: ``waiting``, the URLs of entries left for a later
    poll (their pages failing for now); ``given_up``, the entries of a polled feed not to try again (URL,
    the page's error, whether it waited out its patience): their pages gone for good (a 404, a wall) or
    failing for now all through their wait, with no prose in their summaries to keep instead, or updates
    whose page failed so and whose teaser cannot stand for the version stored."""

    waiting: tuple[str, ...] = ()
    given_up: tuple[tuple[str, str, bool], ...] = ()
    summaries: tuple[str, ...] = ()  # kept as the feed's summary for now: the next read fetches the page


async def fetch_teasers(
    app: App,
    teasers: Sequence[ArticleDraft],
    tally: Tally,
    fetcher: Fetcher,
    *,
    label: str,
    source_id: int | None,
    retry_later: bool,
    waited_out: Collection[str] = (),
    revised: Collection[str] = (),
    found_inside: bool = False,
    feed_title: str | None = None,
) -> PageMisses:
    """Fetch the pages of entries the feed only teases, a few at a time, and store them; the entries left
    for a later poll, their pages failing for now (a timeout, a 5xx, no connection), and those given up.
    ``retry_later``: a later poll will read this feed again, so an entry whose page fails for now is left
    for it, unless it has waited long enough (``waited_out``: URLs); otherwise (a feed file, a feed not
    polled) that entry keeps the feed's summary. The pages of ``revised`` entries (URLs) are stored
    as revisions of the page. ``found_inside``: the feed came from an internal address, so its entries'
    pages may be at one (a feed file's may not: see :mod:`briefing.adapters.fetch`). ``feed_title``: the
    feed's name, which a page naming its site replaces (:func:`_outlet`)."""
    if not teasers:
        return PageMisses()
    gate = asyncio.Semaphore(PAGE_CONCURRENCY)
    waiting: list[str] = []
    given_up: list[tuple[str, str, bool]] = []
    summaries: list[str] = []

    async def full(draft: ArticleDraft) -> ArticleDraft | None:
        assert draft.url is not None  # a teaser without a URL is no teaser to fetch (see readable_entries)
        try:
            async with gate:
                fetched = await fetcher.get(draft.url, trusted=found_inside)
            page = await asyncio.to_thread(parse_page, fetched.body, fetched.url)
            if not is_entry_page(draft.title, page.title, page.body):  # a wall no rule knew, another story
                raise WallPageError("not this entry's article: the page has none of its headline's words")
        except SourceError as exc:
            for_now = isinstance(exc, FetchError) and exc.transient
            wait = for_now and retry_later and draft.url not in waited_out
            if draft.url in revised and (wait or not _summary_stands_in(app, draft)):
                # an update's page: the full version stored is worth more than the feed's teaser of the
                # new one, which is left for the next full read of the feed (a polled feed's for as long
                # as a new entry waits, then the update is given up and the version stored stays)
                later = "is read next time" if wait or not retry_later else "is given up"
                tally.failed.append((draft.url, f"feed entry page: {exc}; its update {later}"))
                tally.unsettled.add(draft.url)
                waiting.extend([draft.url] if wait else [])
                given_up.extend([(draft.url, str(exc), for_now)] if retry_later and not wait else [])
                return None
            if wait:
                # not now: the URL stays unknown, so the next poll tries the page again (and says so: an
                # admin's /ingest otherwise reads as if those entries were lost)
                tally.failed.append((draft.url, f"feed entry page: {exc}; {RETRIED}"))
                tally.unsettled.add(draft.url)
                waiting.append(draft.url)
                return None
            if not has_prose(draft):
                # nothing to keep: a polled feed gives the entry up, once (a feed file's is tried again
                # when the file is ingested again)
                missing = GIVEN_UP if retry_later else "no article text in the feed's summary"
                tally.failed.append((draft.url, f"feed entry page: {exc}; {missing}"))
                tally.unsettled.add(draft.url)
                given_up.extend([(draft.url, str(exc), for_now)] if retry_later else [])
                return None
            # never (a 404, a paywall's 403, a page with no text), or not now but no later poll will
            # try again, or not for as long as the entry waited: the feed's summary is all there is
            tally.notes.append((draft.url, f"feed entry page: {exc}; kept the feed's summary"))
            if isinstance(exc, EmptySourceError):
                # the link leads to no article (a section page, a list of links): not this entry's own
                # URL, which a later entry linking there would otherwise be a duplicate of
                return replace(draft, url=None)
            # stored as the summary it is: the page read later (the next read of the feed, when it failed
            # for now and no poll waited for it; an ingest of the page itself) takes its place (qa32c F2)
            again = for_now and not retry_later
            summaries.extend([draft.url] if again else [])
            return replace(draft, teaser=TEASER_RETRY if again else TEASER_KEPT)
        feed_dated = credible_date(draft.published_at, app.now())
        moved = draft.url in revised and _moved(draft.url, page.url)
        return replace(
            page,
            # the feed's link, what the next poll will look up; an update of a page that has moved goes
            # under the page's own URL, as a page ingested directly does, the link remembered as its
            url=page.url if moved else draft.url,
            link=draft.url if moved else None,
            source=_outlet(page, draft, feed_title),
            title=page.title or draft.title,
            author=page.author or draft.author,
            section=draft.section,
            # a feed's date ahead of the clock gives way to the page's
            published_at=feed_dated or page.published_at,
            clock_unknown=feed_dated is None and page.clock_unknown,  # a feed's date is always zoned
        )

    pages = await asyncio.gather(*(full(d) for d in teasers))
    await store_drafts_async(
        app, [p for p in pages if p is not None], tally, label=label, source_id=source_id, revised=revised
    )
    return PageMisses(tuple(waiting), tuple(given_up), tuple(summaries))
