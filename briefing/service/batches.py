"""Storing a source's article drafts, and the tally of what became of each.

An article is stored together with its enrichment (:func:`briefing.service.enrich.enrich_article`) in
one savepoint, so it is never half-processed, and one that fails is reported in the :class:`Tally` and
skipped while the others stay. The ingest of files, of pages and of feeds
(:mod:`briefing.service.ingest`, :mod:`briefing.service.feed_polls`) all store this way, in transactions
short enough that a running bot's writes do not wait long for them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from briefing.addresses import is_web_url, mask_urls, without_secrets
from briefing.dates import DayAge, dateline_date
from briefing.models import ArticleDraft, IngestReport
from briefing.recase import readable_title
from briefing.sentences import split_dateline
from briefing.service import App
from briefing.service.enrich import Prepared, enrich_article, prepare_enrichment
from store.articles import add_article, is_stored
from store.db import cannot_write, savepoint, transaction

# the ingest's log, as before these lines left ingest.py: a failed article is reported where it always was
log = logging.getLogger("briefing.service.ingest")

BATCH = 500
TRANSACTION_SECONDS = 1.0  # a running bot's writes wait at most about this long for an ingest's
# A date further ahead of the ingest than this is a mistake (a wrong time zone, a typo, a post scheduled
# ahead), not when the article appeared: it is dropped and the article is dated when it is ingested, as
# one whose source gives no date, whatever the source (a dump, a page or a feed). Up to this much ahead
# is a clock running fast, and stands.
FUTURE_TOLERANCE = timedelta(minutes=15)


@dataclass
class Tally:
    """A report being built (an :class:`IngestReport` is frozen)."""

    new: int = 0
    updated: int = 0  # new versions of pages stored before (their ids in ``new_ids`` too)
    duplicate: int = 0
    near_duplicate: int = 0
    not_modified: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    new_ids: list[int] = field(default_factory=list)
    # the URLs of the articles that failed (a page, or the store): a feed entry whose update failed is
    # not remembered as read, so the next poll reads it again
    unsettled: set[str] = field(default_factory=set)
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
            # an address's password or ?apikey= is never reported: the admins' reply, the ingest table
            failed=tuple((mask_urls(where), mask_urls(why)) for where, why in self.failed),
            not_modified=self.not_modified,
            notes=tuple((mask_urls(where), mask_urls(why)) for where, why in self.notes),
            new_ids=tuple(self.new_ids),
            updated=self.updated,
        )

    @property
    def counts(self) -> tuple[int, int, int, int]:
        """What became of the articles so far: new, updated, duplicates, near-duplicates (a feed's read
        compares them before and after to tell whether it stored or recognised anything)."""
        return self.new, self.updated, self.duplicate, self.near_duplicate


def store_drafts(
    app: App,
    drafts: Sequence[ArticleDraft],
    tally: Tally,
    *,
    label: str,
    source_id: int | None,
    revised: Collection[str] = (),
) -> None:
    """Store drafts in transactions of up to ``BATCH`` articles or ``TRANSACTION_SECONDS``, whichever
    ends first (a bot on the same database must not wait long to write), each article (and its
    enrichment) in a savepoint: a failing article is reported and skipped, and the others stay.
    A draft whose URL is in ``revised`` is a known page read again (``add_article(revision=True)``)."""
    done = 0
    while done < len(drafts):
        deadline = time.monotonic() + TRANSACTION_SECONDS
        with transaction(app.db):
            for draft in drafts[done : done + BATCH]:
                ready, written = _normalized(app, draft)
                revision = _is_revision(draft, revised)
                _store_one(app, ready, written, tally, label=label, source_id=source_id, revision=revision)
                done += 1
                tally.stored(done, len(drafts))
                if time.monotonic() >= deadline:
                    break


async def store_drafts_async(
    app: App,
    drafts: Sequence[ArticleDraft],
    tally: Tally,
    *,
    label: str,
    source_id: int | None,
    revised: Collection[str] = (),
) -> None:
    """:func:`store_drafts` for the bot's event loop: one transaction per article, and the loop gets
    control back between articles, so chats are answered while a feed's articles are enriched (about a
    tenth of a second each) instead of after the whole batch, and the reading of each article's text is
    done in a worker thread. No transaction is open across the
    ``await``, so another handler's write never joins ours."""
    for k, draft in enumerate(drafts, 1):
        revision = _is_revision(draft, revised)
        ready, written = _normalized(app, draft)
        # the reading of the text (a long page's takes seconds) is done in a worker thread, so the loop
        # answers chats meanwhile; only the store's writes are on the loop
        stored = not revision and is_stored(app.db, ready)  # a duplicate is not read for nothing
        prepared = None if stored else await asyncio.to_thread(_prepare, app, ready)
        with transaction(app.db):
            _store_one(
                app,
                ready,
                written,
                tally,
                label=label,
                source_id=source_id,
                revision=revision,
                prepared=prepared,
            )
        tally.stored(k, len(drafts))
        await asyncio.sleep(0)


def _prepare(app: App, draft: ArticleDraft) -> Prepared | None:
    try:
        return prepare_enrichment(app.settings, draft.title, draft.body)
    except Exception:  # the article is then read again in its savepoint, where a failure is reported
        log.debug("reading %r ahead failed", draft.title, exc_info=True)
        return None


def credible_date(when: datetime | None, now: datetime) -> datetime | None:
    """``when``, unless it lies more than ``FUTURE_TOLERANCE`` after ``now``."""
    return when if when is None or when <= now + FUTURE_TOLERANCE else None


def _is_revision(draft: ArticleDraft, revised: Collection[str]) -> bool:
    """Whether the draft is a known page read again: its URL, or the link it was read at, is revised."""
    return any(u is not None and u in revised for u in (draft.url, draft.link))


def _normalized(app: App, draft: ArticleDraft) -> tuple[ArticleDraft, datetime | None]:
    """The draft as it is stored, and the date its text gives (which may be ahead of the clock)."""
    # an article giving no date of its own is dated by its dateline ("AMSTERDAM, Nov 23 (Reuters) -"),
    # else by its age ("34 min ago") before the moment it is read, which is now
    dateline, body = split_dateline(draft.body)
    written = draft.published_at or dateline_date(dateline, now=app.now())
    by_day = False  # dated by a day's word ("Jane Doe · today"): its day is sure, not its time
    if written is None and draft.age is not None:
        written, by_day = app.now() - draft.age, isinstance(draft.age, DayAge)
    ready = replace(
        draft,
        title=readable_title(draft.title, body),  # "SENATE APPROVES ..." as the article writes its words
        body=body,
        published_at=credible_date(written, app.now()),
        # a clock unknown is the draft's own date's: one dropped as ahead, or a dateline's, is not it
        clock_unknown=by_day
        or (
            draft.clock_unknown
            and draft.published_at is not None
            and credible_date(draft.published_at, app.now()) is not None
        ),
        # a malformed address ("http://[x/a" in a dump's "URL:" line) names no page: the text still counts;
        # a user name and password or a key in one (a redirect's, a page's "?token=") are not shown to
        # every reader
        url=without_secrets(draft.url) if draft.url and is_web_url(draft.url) else None,
    )
    return ready, written


def _store_one(
    app: App,
    draft: ArticleDraft,
    written: datetime | None,
    tally: Tally,
    *,
    label: str,
    source_id: int | None,
    revision: bool,
    prepared: Prepared | None = None,
) -> None:
    """Store a normalized draft (:func:`_normalized`) and, when new, enrich it (with ``prepared``, its
    text's reading done ahead, if given)."""
    try:
        with savepoint(app.db):
            result = add_article(app.db, draft, now=app.now(), source_id=source_id, revision=revision)
            if result.outcome == "new":
                enrich_article(app, result.article, prepared)
    except Exception as exc:  # one bad article must not stop the batch
        if cannot_write(exc):  # but a full disk is no article's fault, and every later one would fail too
            raise
        log.warning("could not store %r from %s: %s", draft.title, label, exc)
        log.debug("the error was", exc_info=True)
        tally.failed.append((f"{label}: {draft.title[:60]}", f"{type(exc).__name__}: {exc}"))
        # not remembered as read: the feed's link (``link`` when the page has moved) is what is looked up
        tally.unsettled.update(u for u in (draft.url, draft.link) if u)
        return
    if result.outcome == "new":
        if result.replaced is not None:
            tally.updated += 1
        else:
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
