"""Ingesting sources: files, folders, and http(s) URLs of pages or feeds → stored articles.

:func:`ingest_sources` expands the SOURCE arguments (folders recursively), reads or fetches each
one, parses it (text dump, HTML page or feed, told apart by extension, Content-Type and the bytes
themselves), and stores the articles with their duplicates and near-duplicates recognised. Each new
article is stored together with :func:`briefing.service.enrich.enrich_article` in one savepoint, so
an article is never half-processed; a source's articles share one transaction, and one bad article
(or one bad source) never loses the others. :func:`ingest_command` is ``bot.py ingest``: a progress
bar, then a summary table.

This module walks the sources and reports; the steps live beside it: expanding the arguments and
reading a file (:mod:`briefing.service.source_files`), storing drafts and tallying them
(:mod:`briefing.service.batches`), and a feed's entries and its poll, :func:`ingest_feed` for the
scheduler (:mod:`briefing.service.feed_polls`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.addresses import site_of
from briefing.charsets import decode_text
from briefing.dumps import split_dump
from briefing.errors import BriefingError, EmptySourceError, FetchError, SourceError
from briefing.feeds import Feed, looks_like_feed
from briefing.models import ArticleDraft, IngestReport
from briefing.pages import parse_page
from briefing.service import App
from briefing.service.batches import Tally, store_drafts, store_drafts_async
from briefing.service.feed_polls import (
    FeedBatch,
    default_fetcher,
    fetch_teasers,
    note_recovery,
    poll_feed,
    remember_entries,
    sort_entries,
)
from briefing.service.polling import queue_alerts, queue_alerts_in_thread
from briefing.service.source_files import Item, expand_sources, is_html, printable, read_file
from store.articles import get_article
from store.db import cannot_write, is_busy, transaction
from store.sources import file_name_taken, find_source, upsert_source

if TYPE_CHECKING:
    from briefing.adapters.fetch import Fetcher, FetchResult

ProgressHook = Callable[[int, int, str], None]
"""Called as ``progress(done, total, label)`` after each source, and after each article of a source
with the sources done so far and a label counting the articles."""


def _file_name(app: App, path: Path) -> str:
    """The name a file's articles show as their outlet when they name none: the file's name, unless
    another file of that name (in another folder) is a source already, when the folders over it are
    named too, as many as tell the two apart ("o2/news.txt" after "o1/news.txt"), so that two outlets'
    dumps sharing a name are two outlets. A file ingested again keeps the name it was given."""
    location = printable(str(path.resolve()))
    known = find_source(app.db, location)
    if known is not None and known.kind == "file":
        return known.name
    parts = Path(location).parts
    names = ("/".join(parts[-k:]).removeprefix("/") for k in range(1, len(parts) + 1))
    return next((name for name in names if not file_name_taken(app.db, name, location)), location)


def _file_source(app: App, path: Path, name: str) -> int:
    with transaction(app.db):
        location = printable(str(path.resolve()))
        return upsert_source(app.db, kind="file", location=location, name=name, now=app.now()).id


def ingest_files(app: App, paths: Iterable[Path], *, progress: ProgressHook | None = None) -> IngestReport:
    """Ingest local files without any network: text dumps, saved pages, and feeds whose entries
    hold their full text (an entry with only a teaser is reported: its page needs fetching, which
    :func:`ingest_sources` does)."""
    tally = Tally()
    paths = list(paths)
    for done, path in enumerate(paths, 1):
        tally.articles = _within(progress, done - 1, len(paths), printable(path.name))
        tally.stored(0, 0)  # the bar's totals from the start (QA20a F6)
        batch = _ingest_file(app, path, tally)
        if batch is not None:
            for draft in batch.teasers:
                tally.failed.append(
                    (
                        draft.url or printable(str(path)),
                        "the feed holds only a teaser; its page was not fetched",
                    )
                )
                if draft.url:
                    tally.unsettled.add(draft.url)
            remember_entries(app, batch, tally)
        if progress:
            progress(done, len(paths), printable(path.name))
    return tally.report()


def _within(
    progress: ProgressHook | None, done: int, total: int, label: str
) -> Callable[[int, int], None] | None:
    """Progress inside one source: the bar stays at the sources done, the label counts articles
    (``0, 0``: the source is being read, its articles not counted yet). Said as a source begins, the
    bar has its total from the first source on: a large first one left it at "0/?" for minutes, the
    user unable to tell a slow ingest from a hung one (QA20a F6)."""
    if progress is None:
        return None

    def articles(k: int, n: int) -> None:
        progress(done, total, f"{label}: article {k:,} of {n:,}" if n else f"{label}: reading")

    return articles


def _ingest_file(app: App, path: Path, tally: Tally) -> FeedBatch | None:
    """Ingest one file; for a feed, its entries as sorted (:func:`sort_entries`), for the caller to
    fetch the pages of its teasers and remember the entries read."""
    label = printable(str(path))
    name = _file_name(app, path)
    try:
        loaded = read_file(path, name=name)
    except (SourceError, OSError) as exc:
        tally.failed.append((label, _reason(exc)))
        return None
    source_id = _file_source(app, path, name)
    if isinstance(loaded, Feed):
        note_recovery(loaded, label, tally)
        batch = sort_entries(app, loaded, tally, label=label, source_id=source_id)
        store_drafts(app, batch.full, tally, label=label, source_id=source_id, revised=batch.revised)
        return batch
    store_drafts(app, loaded, tally, label=label, source_id=source_id)
    return None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}"
    return str(exc) or type(exc).__name__


async def ingest_sources(
    app: App,
    sources: Sequence[str],
    *,
    fetcher: Fetcher | None = None,
    progress: ProgressHook | None = None,
    poll: bool | None = None,
    tally: Tally | None = None,
) -> IngestReport:
    """Ingest files, folders and http(s) URLs of pages or feeds; see the module docstring. ``poll``
    switches scheduled polling on or off for the feeds among the URLs (``None`` leaves it). The new
    articles queue alerts for the chats that follow what they are about, as a feed poll's do: the running
    bot sends them (``bot.py ingest`` is another process; the bot's feed job finds them in the store).
    ``tally``: the report being built, given by a caller that must say what went in if the ingest is
    cancelled before it returns (Ctrl-C in ``bot.py ingest``)."""
    items = expand_sources(sources)
    own = fetcher is None  # a client opens no connection until it is used: cheap to have
    client = fetcher or default_fetcher(app)
    tally = Tally() if tally is None else tally
    alerts = _Alerts(app, tally)
    where = "the end"
    try:
        for done, item in enumerate(items, 1):
            where = f"source {done:,} of {len(items):,}, {item.label}"
            tally.articles = _within(progress, done - 1, len(items), item.label)
            tally.stored(0, 0)  # the bar's totals from the start (QA20a F6)
            await _ingest_item(app, item, tally, client, poll=poll)
            await alerts.queue(whole=item.is_url)
            if progress:
                progress(done, len(items), item.label)
        where = "the end, queueing alerts"
        await alerts.queue(whole=True)
    except Exception as exc:
        if not (cannot_write(exc) or is_busy(exc)):  # another process's lock, past the wait, stops it too
            raise
        raise _cut_short(app, tally, exc, where) from exc
    finally:
        if own:
            await client.aclose()
    return replace(tally.report(), alerts=alerts.queued)


class IngestCutShortError(BriefingError):
    """The database could not be written in the middle of an ingest (a full disk): what went in stays.
    ``kept``: how many new articles went in before it, None when the store could not be read to count
    them (a damaged file); counted once, as the message is written, since each is a read of the store."""

    def __init__(self, message: str, kept: int | None = None):
        super().__init__(message)
        self.kept = kept


def kept_phrase(kept: int, when: str = "") -> str:
    """What an ingest stopped part-way keeps, in words: "1 new article went in and stays", "3 new articles
    went in before it and stay" (``when`` goes after "went in")."""
    one = kept == 1
    return f"{kept:,} new article{'' if one else 's'} went in{when} and stay{'s' if one else ''}"


def _cut_short(app: App, tally: Tally, exc: Exception, where: str) -> IngestCutShortError:
    """How many new articles went in before ``exc`` (a transaction it broke off took its own back with
    it) and that the rest was not stored."""
    kept: int | None = None
    try:
        kept = went_in_count(app, tally)
        went_in = kept_phrase(kept, " before it")
    except Exception:  # a damaged file may not be read either
        went_in = "what went in before it stays"
    why = (
        "the database is locked by another process (another bot.py, an ingest, a backup?)"
        if is_busy(exc)
        else f"the database cannot be written: {exc}"
    )
    return IngestCutShortError(f"{why}; {went_in}, the rest was not stored (stopped at {where})", kept)


def went_in_count(app: App, tally: Tally) -> int:
    """How many of the tally's new articles are in the store: not those of a transaction broken off."""
    return sum(get_article(app.db, i) is not None for i in tally.new_ids)


class _Alerts:
    """The alerts of an ingest's new articles, queued as they are stored: after each page or feed read
    over the network (the slow part: one slow feed does not hold back the alerts of the sources before
    it) and after every :data:`ALERT_BATCH` articles of files, not only when the whole ingest is done."""

    def __init__(self, app: App, tally: Tally):
        self.app, self.tally = app, tally
        self.done = 0  # how many of the tally's new articles have had their alerts queued
        self.queued = 0

    async def queue(self, *, whole: bool) -> None:
        fresh = self.tally.new_ids[self.done :]
        if not fresh or (not whole and len(fresh) < ALERT_BATCH):
            return
        self.done += len(fresh)
        self.queued += await queue_new_alerts_in_thread(self.app, fresh)


ALERT_BATCH = 500  # article ids a query takes at once (SQLite allows some 32,000 parameters)


def queue_new_alerts(app: App, article_ids: Sequence[int]) -> int:
    """Queue the alerts new articles bring (at most one per story per chat, however many batches). The
    slices are one batch: an alert a slice queues counts the articles of the later ones as its report's,
    stored with it, not as news that came after it."""
    now, last = app.now(), max(article_ids, default=None)
    return sum(
        queue_alerts(app, article_ids[k : k + ALERT_BATCH], now=now, batch_last=last)
        for k in range(0, len(article_ids), ALERT_BATCH)
    )


async def queue_new_alerts_in_thread(app: App, article_ids: Sequence[int]) -> int:
    """:func:`queue_new_alerts` with the reading in a worker thread (see ``queue_alerts_in_thread``):
    the bot answers while an /ingest queues its alerts."""
    now, last = app.now(), max(article_ids, default=None)
    queued = 0
    for k in range(0, len(article_ids), ALERT_BATCH):
        queued += await queue_alerts_in_thread(
            app, article_ids[k : k + ALERT_BATCH], now=now, batch_last=last
        )
    return queued


async def _ingest_item(app: App, item: Item, tally: Tally, fetcher: Fetcher, *, poll: bool | None) -> None:
    if item.error:
        tally.failed.append((item.label, item.error))
    elif not item.is_url:
        batch = _ingest_file(app, Path(item.location), tally)
        if batch is not None:
            await fetch_teasers(
                app,
                batch.teasers,
                tally,
                fetcher,
                label=item.label,
                source_id=None,
                retry_later=False,
                revised=batch.revised,
                feed_title=batch.title,
            )
            remember_entries(app, batch, tally)
    else:
        await _ingest_url(app, item.location, tally, fetcher, poll=poll)


async def _ingest_url(app: App, url: str, tally: Tally, fetcher: Fetcher, *, poll: bool | None) -> None:
    known = find_source(app.db, url)
    if known is not None and known.kind == "feed":
        await poll_feed(app, url, tally, fetcher, poll=poll)
        return
    try:
        fetched = await fetcher.get(url)
    except FetchError as exc:
        tally.failed.append((url, str(exc)))
        return
    if looks_like_feed(fetched.body, fetched.content_type):
        await poll_feed(app, url, tally, fetcher, first=fetched, poll=poll)
        return
    try:
        drafts = await asyncio.to_thread(_parse_fetched, fetched)  # a long page: off the bot's loop
    except SourceError as exc:
        tally.failed.append((url, str(exc)))
        return
    with transaction(app.db):
        source = upsert_source(app.db, kind="page", location=url, name=drafts[0].source, now=app.now())
    await store_drafts_async(app, drafts, tally, label=url, source_id=source.id)


def _parse_fetched(fetched: FetchResult) -> list[ArticleDraft]:
    kind = fetched.content_type.split(";")[0].strip().lower()
    if not fetched.body.strip():
        raise EmptySourceError("the response is empty")
    if kind in ("text/html", "application/xhtml+xml") or is_html(fetched.body):
        return [parse_page(fetched.body, fetched.url)]
    if kind.startswith("text/") or not kind:
        drafts = split_dump(decode_text(fetched.body), source=site_of(fetched.url) or "web")
        if not drafts:
            raise EmptySourceError("no articles found in the text")
        return drafts
    raise SourceError(f"unsupported content type {kind!r} (expected HTML, text, RSS or Atom)")


async def ingest_command(app: App, sources: Sequence[str], *, progress: bool) -> int:
    """``bot.py ingest``: ingest with a progress bar, print the summary table; 0 if all went in. Stopped
    (Ctrl-C), it prints the table of what was done and a line saying what went in, then stops as asked."""
    import sys

    from briefing.adapters.ingest_report import failure_line, interrupted_line, print_report, progress_bar

    tally = Tally()
    reached = [0, 0]  # sources done, of how many (known once the first reports progress)

    def seen(done: int, total: int, label: str) -> None:
        reached[:] = done, total
        if bar is not None:
            bar(done, total, label)

    try:
        with progress_bar(enabled=progress) as bar:
            report = await ingest_sources(app, sources, progress=seen, tally=tally)
    except (asyncio.CancelledError, KeyboardInterrupt):  # the bar is gone: the table prints cleanly
        kept = went_in_count(app, tally)  # the updates among them are counted apart
        print_report(replace(tally.report(), new=max(kept - tally.updated, 0)))
        print(interrupted_line(kept, *reached), file=sys.stderr)
        raise
    except IngestCutShortError as exc:  # the table of what was done, then the reason (on stderr, by caller)
        # as counted when it was cut short; a damaged file, not read then either: the tally's count
        kept = len(tally.new_ids) if exc.kept is None else exc.kept
        print_report(replace(tally.report(), new=max(kept - tally.updated, 0)))
        raise
    print_report(report)
    if (line := failure_line(report)) is not None:
        print(line, file=sys.stderr)
    return 0 if report.ok else 1
