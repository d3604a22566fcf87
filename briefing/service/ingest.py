"""Ingesting sources: files, folders, and http(s) URLs of pages or feeds → stored articles.

:func:`ingest_sources` expands the SOURCE arguments (folders recursively), reads or fetches each
one, parses it (text dump, HTML page or feed, told apart by extension, Content-Type and the bytes
themselves), and stores the articles with their duplicates and near-duplicates recognised. Each new
article is stored together with :func:`briefing.service.enrich.enrich_article` in one savepoint, so
an article is never half-processed; a source's articles share one transaction, and one bad article
(or one bad source) never loses the others. :func:`ingest_feed` is one feed poll for the scheduler:
conditional GET, and the poll's outcome recorded in ``sources``. :func:`ingest_command` is
``bot.py ingest``: a progress bar, then a summary table.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from briefing.addresses import is_web_url, site_of
from briefing.charsets import decode_text
from briefing.dates import dateline_date
from briefing.dumps import split_dump
from briefing.errors import EmptySourceError, FetchError, SourceError
from briefing.feeds import Feed, FeedEntry, has_prose, looks_like_feed, parse_feed
from briefing.models import ArticleDraft, IngestReport
from briefing.pages import PAGE_SUFFIXES, parse_page
from briefing.sentences import split_dateline
from briefing.service import App
from briefing.service.enrich import enrich_article
from store.articles import add_article, known_url
from store.db import savepoint, transaction
from store.sources import find_source, forget_validators, record_poll_failure, record_poll_ok, upsert_source

if TYPE_CHECKING:
    from briefing.adapters.fetch import Fetcher, FetchResult

log = logging.getLogger(__name__)

ProgressHook = Callable[[int, int, str], None]
"""Called as ``progress(done, total, label)`` after each source, and after each article of a source
with the sources done so far and a label counting the articles."""

TEXT_SUFFIXES = frozenset((".txt", ".text", ""))
FEED_SUFFIXES = frozenset((".rss", ".atom", ".xml", ".rdf", ".gz"))
# Text the dump reader would take for news but that is not: its lines would become "articles".
# Markdown and reStructuredText are here too: the reader does not undo their markup, and in a
# folder they are a project's README or docs far more often than a saved article.
NOT_NEWS = {
    "code": ".py .pyi .js .mjs .ts .sh .bash .ps1 .bat .c .h .cpp .java .go .rs .rb .php .sql .css",
    "configuration": ".toml .ini .cfg .conf .yaml .yml .env .properties .lock",
    "data": ".json .jsonl .ndjson .csv .tsv",
    "documentation markup": ".md .markdown .rst .adoc .tex",
}
NOT_NEWS_SUFFIXES = {suffix: kind for kind, names in NOT_NEWS.items() for suffix in names.split()}
# Files a software project keeps beside its code, with no extension or as .txt ("LICENSE", "Makefile",
# "requirements.txt"): plain text, but never news
PROJECT_FILES = frozenset(
    """
    license licence copying notice authors contributors changelog changes readme todo
    install makefile dockerfile procfile gemfile rakefile vagrantfile jenkinsfile cmakelists requirements
    manifest codeowners pkg_info
    """.split()
)
# Folders of tools and packaging, never of news: an ``ingest .`` in a checkout must not read a
# package's metadata (a copy of its README) or a virtualenv's files as articles
TOOL_FOLDERS = frozenset(("__pycache__", "node_modules", "site-packages", "venv"))
TOOL_FOLDER_SUFFIXES = (".egg-info", ".dist-info")
MAX_FILE_BYTES = 50_000_000
BATCH = 500
TRANSACTION_SECONDS = 1.0  # a running bot's writes wait at most about this long for an ingest's
PAGE_CONCURRENCY = 4
# A date further ahead of the ingest than this is a mistake (a wrong time zone, a typo, a post scheduled
# ahead), not when the article appeared: it is dropped and the article is dated when it is ingested, as
# one whose source gives no date, whatever the source (a dump, a page or a feed). Up to this much ahead
# is a clock running fast, and stands.
FUTURE_TOLERANCE = timedelta(minutes=15)


@dataclass
class Tally:
    """A report being built (an :class:`IngestReport` is frozen)."""

    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    not_modified: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    new_ids: list[int] = field(default_factory=list)
    # called as ``articles(k, n)`` after the k-th of a source's n articles (for the progress bar)
    articles: Callable[[int, int], None] | None = None

    def stored(self, k: int, n: int) -> None:
        if self.articles is not None:
            self.articles(k, n)

    def report(self) -> IngestReport:
        return IngestReport(
            new=self.new,
            duplicate=self.duplicate,
            near_duplicate=self.near_duplicate,
            failed=tuple(self.failed),
            not_modified=self.not_modified,
            notes=tuple(self.notes),
            new_ids=tuple(self.new_ids),
        )


@dataclass(frozen=True)
class Item:
    """One source to ingest: a file path or a URL (or a mistake already found while expanding)."""

    location: str
    is_url: bool = False
    error: str | None = None


def expand_sources(sources: Iterable[str]) -> list[Item]:
    """Files, folders (recursively: text, HTML and feed files, hidden ones skipped) and URLs."""
    items: list[Item] = []
    for source in sources:
        if not source.strip():  # Path("") is the current folder: an unset "$DIR" would read all of it
            reason = "an empty name (an unset variable?), not a file, folder or URL"
            items.append(Item(f'"{source}"', error=reason))
            continue
        path = Path(source).expanduser()
        try:
            scheme = urlsplit(source).scheme.lower()
        except ValueError as exc:  # "http://[x/a": a pasted typo must not stop the other sources
            items.append(Item(source, error=f"not a valid address ({exc})"))
            continue
        if scheme in ("http", "https"):
            items.append(Item(source, is_url=True))
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p, path))
            items += [Item(str(p)) for p in found]
            if not found:
                items.append(Item(source, error="no text, HTML or feed files in this folder"))
        elif path.is_file():
            items.append(Item(str(path)))
        elif len(scheme) > 1:  # "C:" is a drive, "ftp:" a scheme
            items.append(Item(source, error=f"refused {scheme!r} URL: only http and https"))
        else:
            items.append(Item(source, error="no such file or folder"))
    return items


def _wanted(path: Path, root: Path) -> bool:
    folders = path.relative_to(root).parts[:-1]
    if any(part.startswith(".") for part in path.relative_to(root).parts) or any(
        part.lower() in TOOL_FOLDERS or part.lower().endswith(TOOL_FOLDER_SUFFIXES) for part in folders
    ):
        return False
    return path.suffix.lower() in TEXT_SUFFIXES | PAGE_SUFFIXES | FEED_SUFFIXES and not _project_file(path)


def _project_file(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES and path.stem.lower().replace("-", "_") in PROJECT_FILES


def read_file(path: Path) -> list[ArticleDraft] | Feed:
    """The articles in a file (a text dump or a saved page), or the feed it holds. A file of code,
    configuration, data or documentation markup (by its extension) is refused."""
    kind = NOT_NEWS_SUFFIXES.get(path.suffix.lower())
    if kind is not None:
        raise SourceError(f"not news: a {path.suffix} file holds {kind}")
    if _project_file(path):
        raise SourceError(f"not news: {path.name} is a software project's file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SourceError(f"too large: {size:,} bytes (limit {MAX_FILE_BYTES:,})")
    data = path.read_bytes()
    if not data.strip():
        raise EmptySourceError("the file is empty")
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES or looks_like_feed(data):
        return parse_feed(data)
    if suffix in PAGE_SUFFIXES or _is_html(data):
        return [parse_page(data, None, source=path.name)]
    drafts = split_dump(decode_text(data), source=path.name)
    if not drafts:
        raise EmptySourceError("no articles found (only page furniture)")
    return drafts


def _is_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]


def store_drafts(
    app: App, drafts: Sequence[ArticleDraft], tally: Tally, *, label: str, source_id: int | None
) -> None:
    """Store drafts in transactions of up to ``BATCH`` articles or ``TRANSACTION_SECONDS``, whichever
    ends first (a bot on the same database must not wait long to write), each article (and its
    enrichment) in a savepoint: a failing article is reported and skipped, and the others stay."""
    done = 0
    while done < len(drafts):
        deadline = time.monotonic() + TRANSACTION_SECONDS
        with transaction(app.db):
            for draft in drafts[done : done + BATCH]:
                _store_one(app, draft, tally, label=label, source_id=source_id)
                done += 1
                tally.stored(done, len(drafts))
                if time.monotonic() >= deadline:
                    break


async def store_drafts_async(
    app: App, drafts: Sequence[ArticleDraft], tally: Tally, *, label: str, source_id: int | None
) -> None:
    """:func:`store_drafts` for the bot's event loop: one transaction per article, and the loop gets
    control back between articles, so chats are answered while a feed's articles are enriched (about a
    tenth of a second each) instead of after the whole batch. No transaction is open across the
    ``await``, so another handler's write never joins ours."""
    for k, draft in enumerate(drafts, 1):
        with transaction(app.db):
            _store_one(app, draft, tally, label=label, source_id=source_id)
        tally.stored(k, len(drafts))
        await asyncio.sleep(0)


def credible_date(when: datetime | None, now: datetime) -> datetime | None:
    """``when``, unless it lies more than ``FUTURE_TOLERANCE`` after ``now``."""
    return when if when is None or when <= now + FUTURE_TOLERANCE else None


def _store_one(app: App, draft: ArticleDraft, tally: Tally, *, label: str, source_id: int | None) -> None:
    # an article giving no date of its own is dated by its dateline ("AMSTERDAM, Nov 23 (Reuters) -")
    dateline, body = split_dateline(draft.body)
    written = draft.published_at or dateline_date(dateline, now=app.now())
    draft = replace(
        draft,
        body=body,
        published_at=credible_date(written, app.now()),
        # a malformed address ("http://[x/a" in a dump's "URL:" line) names no page: the text still counts
        url=draft.url if is_web_url(draft.url) else None,
    )
    try:
        with savepoint(app.db):
            result = add_article(app.db, draft, now=app.now(), source_id=source_id)
            if result.outcome == "new":
                enrich_article(app, result.article)
    except Exception as exc:  # one bad article must not stop the batch
        log.warning("could not store %r from %s: %s", draft.title, label, exc)
        log.debug("the error was", exc_info=True)
        tally.failed.append((f"{label}: {draft.title[:60]}", f"{type(exc).__name__}: {exc}"))
        return
    if result.outcome == "new":
        tally.new += 1
        tally.new_ids.append(result.article.id)
        if written is not None and draft.published_at is None:
            utc = written.astimezone(UTC)
            reason = f"its date, {utc.day} {utc:%b %Y %H:%M} UTC, is ahead of the clock: dated when ingested"
            tally.notes.append((f"{label}: {draft.title[:60]}", reason))
    elif result.outcome == "duplicate":
        tally.duplicate += 1
    else:
        tally.near_duplicate += 1


def _fresh_entries(app: App, feed: Feed, tally: Tally) -> list[FeedEntry]:
    """The feed's entries less the teasers whose URL is known (stored, or recognised as a near-duplicate):
    those are counted as duplicates here, so their pages are never fetched again. A full entry goes on
    to the store, whose own look-up by URL and text tells a duplicate."""
    fresh = [e for e in feed.entries if not (e.teaser and e.draft.url and known_url(app.db, e.draft.url))]
    tally.duplicate += len(feed.entries) - len(fresh)
    return fresh


def _readable(
    entries: Sequence[FeedEntry], tally: Tally, *, label: str
) -> tuple[list[ArticleDraft], list[ArticleDraft]]:
    """The entries to store as the feed gives them, and the teasers whose pages are to be fetched. A
    teaser with no URL of its own has no page to fetch (its link was the site's home page, say): its
    summary is the article if it holds prose, else it is a failure."""
    full, teasers = [], []
    for entry in entries:
        draft = entry.draft
        if entry.teaser and draft.url:
            teasers.append(draft)
        elif not entry.teaser or has_prose(draft):
            full.append(draft)
        else:
            tally.failed.append((f"{label}: {draft.title[:60]}", "feed entry: no article text"))
    return full, teasers


def _file_source(app: App, path: Path) -> int:
    with transaction(app.db):
        location = str(path.resolve())
        return upsert_source(app.db, kind="file", location=location, name=path.name, now=app.now()).id


def ingest_files(app: App, paths: Iterable[Path], *, progress: ProgressHook | None = None) -> IngestReport:
    """Ingest local files without any network: text dumps, saved pages, and feeds whose entries
    hold their full text (an entry with only a teaser is reported: its page needs fetching, which
    :func:`ingest_sources` does)."""
    tally = Tally()
    paths = list(paths)
    for done, path in enumerate(paths, 1):
        tally.articles = _within(progress, done - 1, len(paths), path.name)
        for draft in _ingest_file(app, path, tally):
            tally.failed.append(
                (draft.url or str(path), "the feed holds only a teaser; its page was not fetched")
            )
        if progress:
            progress(done, len(paths), path.name)
    return tally.report()


def _within(
    progress: ProgressHook | None, done: int, total: int, label: str
) -> Callable[[int, int], None] | None:
    """Progress inside one source: the bar stays at the sources done, the label counts articles."""
    if progress is None:
        return None
    return lambda k, n: progress(done, total, f"{label}: article {k:,} of {n:,}")


def _ingest_file(app: App, path: Path, tally: Tally) -> list[ArticleDraft]:
    """Ingest one file; the teasers of a feed whose URLs are new are returned, for the caller to fetch
    their pages."""
    try:
        loaded = read_file(path)
    except (SourceError, OSError) as exc:
        tally.failed.append((str(path), _reason(exc)))
        return []
    if isinstance(loaded, Feed):
        _note_recovery(loaded, str(path), tally)
        full, teasers = _readable(_fresh_entries(app, loaded, tally), tally, label=str(path))
        store_drafts(app, full, tally, label=str(path), source_id=_file_source(app, path))
        return teasers
    store_drafts(app, loaded, tally, label=str(path), source_id=_file_source(app, path))
    return []


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}"
    return str(exc) or type(exc).__name__


def _note_recovery(feed: Feed, label: str, tally: Tally) -> None:
    if feed.repaired:
        tally.notes.append((label, f"malformed feed, repaired: {feed.repaired}"))
    if feed.recovered:
        tally.notes.append((label, f"malformed feed, read what could be read: {feed.recovered}"))
    if not feed.entries:
        tally.notes.append((label, "the feed has no entries"))


async def ingest_sources(
    app: App,
    sources: Sequence[str],
    *,
    fetcher: Fetcher | None = None,
    progress: ProgressHook | None = None,
    poll: bool | None = None,
) -> IngestReport:
    """Ingest files, folders and http(s) URLs of pages or feeds; see the module docstring. ``poll``
    switches scheduled polling on or off for the feeds among the URLs (``None`` leaves it). The new
    articles queue alerts for the chats that follow what they are about, as a feed poll's do: the running
    bot sends them (``bot.py ingest`` is another process; the bot's feed job finds them in the store)."""
    items = expand_sources(sources)
    own = fetcher is None  # a client opens no connection until it is used: cheap to have
    client = fetcher or _default_fetcher(app)
    tally = Tally()
    try:
        for done, item in enumerate(items, 1):
            tally.articles = _within(progress, done - 1, len(items), item.location)
            await _ingest_item(app, item, tally, client, poll=poll)
            if progress:
                progress(done, len(items), item.location)
    finally:
        if own:
            await client.aclose()
    report = tally.report()
    return replace(report, alerts=queue_new_alerts(app, report.new_ids))


ALERT_BATCH = 500  # article ids a query takes at once (SQLite allows some 32,000 parameters)


def queue_new_alerts(app: App, article_ids: Sequence[int]) -> int:
    """Queue the alerts new articles bring (at most one per story per chat, however many batches)."""
    from briefing.service.polling import queue_alerts  # polling imports this module

    now = app.now()
    return sum(
        queue_alerts(app, article_ids[k : k + ALERT_BATCH], now=now)
        for k in range(0, len(article_ids), ALERT_BATCH)
    )


def _default_fetcher(app: App) -> Fetcher:
    from briefing.adapters.fetch import FetchConfig, Fetcher

    return Fetcher(FetchConfig.from_settings(app.settings))


async def _ingest_item(app: App, item: Item, tally: Tally, fetcher: Fetcher, *, poll: bool | None) -> None:
    if item.error:
        tally.failed.append((item.location, item.error))
    elif not item.is_url:
        teasers = _ingest_file(app, Path(item.location), tally)
        await _fetch_teasers(
            app, teasers, tally, fetcher, label=item.location, source_id=None, retry_later=False
        )
    else:
        await _ingest_url(app, item.location, tally, fetcher, poll=poll)


async def _ingest_url(app: App, url: str, tally: Tally, fetcher: Fetcher, *, poll: bool | None) -> None:
    known = find_source(app.db, url)
    if known is not None and known.kind == "feed":
        await _poll_feed(app, url, tally, fetcher, poll=poll)
        return
    try:
        fetched = await fetcher.get(url)
    except FetchError as exc:
        tally.failed.append((url, str(exc)))
        return
    if looks_like_feed(fetched.body, fetched.content_type):
        await _poll_feed(app, url, tally, fetcher, first=fetched, poll=poll)
        return
    try:
        drafts = _parse_fetched(fetched)
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
    if kind in ("text/html", "application/xhtml+xml") or _is_html(fetched.body):
        return [parse_page(fetched.body, fetched.url)]
    if kind.startswith("text/") or not kind:
        drafts = split_dump(decode_text(fetched.body), source=site_of(fetched.url) or "web")
        if not drafts:
            raise EmptySourceError("no articles found in the text")
        return drafts
    raise SourceError(f"unsupported content type {kind!r} (expected HTML, text, RSS or Atom)")


async def ingest_feed(
    app: App, url: str, *, fetcher: Fetcher | None = None, poll: bool | None = None
) -> IngestReport:
    """Poll one feed: a conditional GET with the validators stored for it, its new entries stored
    (teasers' pages fetched), and the outcome — validators, or the failure and its count (a feed
    failing ``feed_max_failures`` times in a row is paused) — recorded in ``sources``.
    ``poll`` switches the feed's scheduled polling on or off (``None`` leaves it)."""
    tally = Tally()
    own = fetcher is None
    fetcher = fetcher or _default_fetcher(app)
    try:
        await _poll_feed(app, url, tally, fetcher, poll=poll)
    finally:
        if own:
            await fetcher.aclose()
    return tally.report()


async def _poll_feed(
    app: App,
    url: str,
    tally: Tally,
    fetcher: Fetcher,
    *,
    first: FetchResult | None = None,
    poll: bool | None = None,
) -> None:
    from store.sources import set_polling

    with transaction(app.db):
        source = find_source(app.db, url) or upsert_source(
            app.db, kind="feed", location=url, name=site_of(url) or url, now=app.now()
        )
        if poll is not None:
            set_polling(app.db, source.id, poll)
    # whether a later poll will read this feed again (a paused feed waits for an admin, maybe forever)
    polled = (source.poll and not source.paused) if poll is None else poll
    try:
        fetched = first or await fetcher.get(url, etag=source.etag, last_modified=source.last_modified)
        feed = None
        if not fetched.not_modified:
            feed = parse_feed(fetched.body, url=fetched.url, content_type=fetched.content_type)
    except SourceError as exc:
        _feed_failed(app, source.id, source.failures, str(exc))
        tally.failed.append((url, str(exc)))
        return
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
    _note_recovery(feed, url, tally)
    full, teasers = _readable(_fresh_entries(app, feed, tally), tally, label=url)
    await store_drafts_async(app, full, tally, label=url, source_id=source.id)
    left = await _fetch_teasers(
        app, teasers, tally, fetcher, label=url, source_id=source.id, retry_later=polled
    )
    if left:  # the next poll must read the feed again, not hear "304 Not Modified" and skip those entries
        with transaction(app.db):
            forget_validators(app.db, source.id)


def _feed_failed(app: App, source_id: int, failures: int, error: str) -> None:
    backoff = app.settings.poll_minutes * 2 ** min(failures + 1, 5)
    with transaction(app.db):
        record_poll_failure(
            app.db,
            source_id,
            now=app.now(),
            error=error,
            max_failures=app.settings.feed_max_failures,
            next_poll_at=app.now() + timedelta(minutes=backoff),
        )


async def _fetch_teasers(
    app: App,
    teasers: Sequence[ArticleDraft],
    tally: Tally,
    fetcher: Fetcher,
    *,
    label: str,
    source_id: int | None,
    retry_later: bool,
) -> int:
    """Fetch the pages of entries the feed only teases, a few at a time, and store them; the number of
    entries left for the next poll. ``retry_later``: a later poll will read this feed again, so an entry
    whose page fails for now is left for it; otherwise (a feed file, a feed not polled) that entry keeps
    the feed's summary."""
    if not teasers:
        return 0
    gate = asyncio.Semaphore(PAGE_CONCURRENCY)
    left: list[str] = []

    async def full(draft: ArticleDraft) -> ArticleDraft | None:
        assert draft.url is not None  # a teaser without a URL is no teaser to fetch (see _readable)
        try:
            async with gate:
                fetched = await fetcher.get(draft.url)
            page = parse_page(fetched.body, fetched.url)
        except SourceError as exc:
            for_now = isinstance(exc, FetchError) and exc.transient
            if for_now and retry_later:
                # not now: the URL stays unknown, so the next poll tries the page again
                tally.failed.append((draft.url, f"feed entry page: {exc}"))
                left.append(draft.url)
                return None
            if not has_prose(draft):
                reason = f"feed entry page: {exc}; no article text in the feed's summary"
                tally.failed.append((draft.url, reason))
                return None
            # never (a 404, a paywall's 403, a page with no text), or not now but no later poll will
            # try again: the feed's summary is all there is
            tally.notes.append((draft.url, f"feed entry page: {exc}; kept the feed's summary"))
            if isinstance(exc, EmptySourceError):
                # the link leads to no article (a section page, a list of links): not this entry's own
                # URL, which a later entry linking there would otherwise be a duplicate of
                return replace(draft, url=None)
            return draft
        return replace(
            page,
            url=draft.url,  # the feed's link: what the next poll will look up
            source=draft.source,
            title=page.title or draft.title,
            author=page.author or draft.author,
            section=draft.section,
            # a feed's date ahead of the clock gives way to the page's
            published_at=credible_date(draft.published_at, app.now()) or page.published_at,
        )

    pages = await asyncio.gather(*(full(d) for d in teasers))
    await store_drafts_async(
        app, [p for p in pages if p is not None], tally, label=label, source_id=source_id
    )
    return len(left)


async def ingest_command(app: App, sources: Sequence[str], *, progress: bool) -> int:
    """``bot.py ingest``: ingest with a progress bar, print the summary table; 0 if all went in."""
    from briefing.adapters.ingest_report import print_report, progress_bar

    with progress_bar(enabled=progress) as hook:
        report = await ingest_sources(app, sources, progress=hook)
    print_report(report)
    return 0 if report.ok else 1
