"""Administrators' commands that change what the bot reads: ``/ingest URL``.

A page is ingested once; a feed is ingested now and registered for polling (``sources.poll = 1``), which
the scheduled feed job then polls every ``feeds.poll_minutes`` (in the bot on Telegram: the terminal chat
runs no jobs). The new articles queue alerts for their followers, as a poll's do. Only http(s) URLs are
taken from a chat: the server's own files are not the chat's business.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from urllib.parse import urlsplit

from briefing.addresses import mask_urls, shown_url
from briefing.document import Block, Document, bold, clip, code, item, message, para, plural
from briefing.models import IngestReport
from briefing.service import App
from briefing.service.commands import Asker, Reply, command
from store.db import transaction
from store.feed_entries import mark_told
from store.stats import FeedState

MAX_URLS = 5


def _usage() -> Reply:
    return Reply(
        message(
            para(
                "Give me the address of a page or a feed, e.g. ",
                code("/ingest https://example.com/rss.xml"),
                ".",
            ),
            para(f"Up to {MAX_URLS} addresses at once, separated by spaces."),
        )
    )


@command(
    "ingest",
    "/ingest URL",
    "read a page or a feed now; feeds are then polled (admins)",
    admin=True,
    changes="bot",
)
async def ingest_command(app: App, args: str, asker: Asker) -> Reply:
    """Ingest pages and feeds by URL; register the feeds for polling."""
    from briefing.service.ingest import IngestCutShortError, ingest_sources
    from briefing.service.polled_feeds import (
        AmbiguousFeedError,
        UnknownFeedError,
        ambiguous,
        unknown,
        unmasked,
    )

    try:  # a feed's masked address or "#N" stands for its address, key and all
        urls = [unmasked(app, url) for url in read_urls(args)]
    except AmbiguousFeedError as exc:
        return ambiguous(exc, "/ingest #N")
    except UnknownFeedError as exc:
        return unknown(exc)
    if not urls:
        return _usage()
    if len(urls) > MAX_URLS:
        return Reply(message(f"That is {len(urls)} addresses; send at most {MAX_URLS} at a time."))
    bad = [u for u in urls if not u.lower().startswith(("http://", "https://"))]
    if bad:
        return Reply(
            message(para(f"Only http(s) addresses can be ingested from a chat, not “{bad[0][:200]}”."))
        )
    if asker.tell is not None:  # a feed's entry pages can take a minute: the admin is not left wondering
        await asker.tell(_reading(urls, feeds=any(_polled_now(app, u) or _feed_like(u) for u in urls)))
    polled_before = {url for url in urls if _polled_now(app, url)}
    began = app.now()
    try:
        report = await ingest_sources(app, urls, poll=True)  # feeds are polled: pages failing now wait
    except IngestCutShortError as exc:  # a full disk: the admin is told what went in
        return Reply(message(para(f"Ingest cut short: {exc}.")))
    states = _feed_states(app, urls)
    with transaction(app.db):  # this reply tells what the read gave up: no news for the next notice
        for feed in states.values():
            mark_told(app.db, feed.id, now=app.now(), since=began)
    lines = [*_counts(report), *_polled(app, states, asker, polled_before), *_alerts(report, asker)]
    # a feed's failure is told on its own line, with its count and what comes next
    told = {mask_urls(url) for url, feed in states.items() if feed.paused or feed.failing}
    lines += _failures([(where, why) for where, why in report.failed if where not in told])
    lines += [item("Note: ", bold(where), f" — {why}") for where, why in report.notes[:MAX_LISTED]]
    return Reply(message(*lines))


def _reading(urls: Sequence[str], *, feeds: bool) -> Document:
    """The word before the work: what is being read, and that the result follows. ``feeds``: an address
    is a feed (one polled, or one named as feeds are), whose entry pages are each read too; what a page
    is, is known only once it is read (qa29c F12: a single page was told of a feed's minutes)."""
    what = shown_url(urls[0]) if len(urls) == 1 else f"{len(urls)} addresses"
    wait = (
        "A feed's entry pages can take a minute or two; the result follows."
        if feeds
        else "A page takes a few seconds (a feed, with its entry pages, a minute or two); the result follows."
    )
    return message(para(f"Reading {what} …"), para(wait))


# a path named as feeds are ("/feed", "/rss.xml", "/atom/", "/index.rdf", "/news.xml")
_FEEDISH = re.compile(r"(?:^|[/._-])(?:feeds?|rss\d*|atom|rdf)(?:[/._-]|$)|\.xml$")


def _feed_like(url: str) -> bool:
    return _FEEDISH.search(urlsplit(url).path.lower()) is not None


# brackets or quotes around an address stand apart from the words beside them: "lang=<i>" inside an
# address's query is the address's own, not another address
_WRAPPED = re.compile(
    r"(?<![^\s,(\[])(?:<([^<>\s]+)>|\"([^\"\s]+)\"|“([^”\s]+)”|'([^'\s]+)')(?=[\s,.;:!?)\]]|$)"
)


def read_urls(text: str) -> list[str]:
    """The addresses in a message, as people paste them: separated by spaces, commas or new lines, each
    perhaps in angle brackets or quotes ("<https://a.test/x,y>, https://b.test/z"); a comma inside
    brackets or quotes is the address's own."""
    urls = []
    for match in _WRAPPED.finditer(text):
        urls.append((match.start(), next(g for g in match.groups() if g)))
    bare = _WRAPPED.sub(lambda m: " " * len(m.group()), text)
    for match in re.finditer(r"\S+", bare):
        for part in re.split(r",(?=https?://)", match.group().strip(",.;")):
            url = part.strip(",.;")
            if url[:1] + url[-1:] in ("()", "[]", "<>"):  # not "https://w.test/wiki/Foo_(bar)"'s own bracket
                url = url[1:-1]
            if url:
                urls.append((match.start(), url))
    return [url for _, url in sorted(urls)]


MAX_LISTED = 5  # failures of one reason named one by one; more are counted
ERROR_CHARS = 120  # of a feed's last error


def _counts(report: IngestReport) -> list[Block]:
    """The articles read; a feed that answered 304 is said to be unchanged ("0 new" would hide why), and
    an ingest of which every address failed to have read nothing ("Ingested: 0 new" reads as a success)."""
    lines: list[Block] = []
    read = report.new or report.updated or report.duplicate or report.near_duplicate
    if not (read or report.not_modified) and report.failed:
        return [para(bold("Nothing was ingested:"))]
    if read or not report.not_modified:
        # an update (a page's new version) is told apart from news: the operator sees it happened
        updated = f" {report.updated:,} updated," if report.updated else ""
        counts = f"{report.new:,} new,{updated} {report.duplicate:,} already known,"
        lines.append(para(bold("Ingested: "), counts, f" {plural(report.near_duplicate, 'near-duplicate')}."))
    if report.not_modified:
        they = "it was" if report.not_modified == 1 else "they were"
        unchanged = bold(f"{plural(report.not_modified, 'feed')} not modified")
        lines.append(para(unchanged, f" since {they} last read: nothing new."))
    return lines


def _polled_now(app: App, url: str) -> bool:
    """Whether ``url`` is a feed that polls read already (polled, not paused)."""
    from store.sources import find_source

    source = find_source(app.db, url)
    return source is not None and source.kind == "feed" and source.poll and not source.paused


def _feed_states(app: App, urls: Sequence[str]) -> dict[str, FeedState]:
    """The polled feeds among the URLs, by address, as the ingest left them."""
    from briefing.service.polled_feeds import polled

    by_address = {f.location: f for f in polled(app)}
    return {url: by_address[url] for url in urls if url in by_address}


def _polled(app: App, states: dict[str, FeedState], asker: Asker, before: Collection[str]) -> list[Block]:
    """One line for each feed the ingest registered for polling: read every so often now, or already
    (those in ``before``), or, when this read failed, failing or paused again with the error, so that the
    reply never says a feed is fine that is not. No poller runs in the terminal chat (or ``bot.py ask``):
    only the bot on Telegram polls, so it says when that happens."""
    from briefing.service.polled_feeds import next_try

    every = plural(app.settings.poll_minutes, "minute")
    on_telegram = " while the bot runs on Telegram" if asker.in_terminal else ""
    lines: list[Block] = []
    for url, feed in states.items():
        name, error = bold(feed.name), clip(mask_urls(feed.last_error or "unknown error"), ERROR_CHARS)
        if feed.paused:
            again = code(f"/ingest {shown_url(feed.location)}")
            lines.append(
                item("Feed ", name, f" failed {feed.failures} times in a row and is paused again ({error}):"
                     " send ", again, " to resume it once it answers.")
            )  # fmt: skip
        elif feed.failing:
            still = "is failing" if url in before else "is polled again but still fails"
            pause = f"paused after {app.settings.feed_max_failures} failures in a row"
            lines.append(
                item("Feed ", name, f" {still} ({feed.failures}× in a row: {error});"
                     f" {next_try(feed.next_poll_at, app.now())}{on_telegram}, {pause}.")
            )  # fmt: skip
        elif url in before:
            lines.append(item("Feed ", name, f" is already read every {every}{on_telegram}."))
        elif asker.in_terminal:
            lines.append(item("Feed ", name, f" will be read every {every}{on_telegram}."))
        else:
            lines.append(item("Feed ", name, f" is now read every {every}."))
    return lines


def _alerts(report: IngestReport, asker: Asker) -> list[Block]:
    if not report.alerts:
        return []
    when = "when the bot runs on Telegram" if asker.in_terminal else "now, or after their quiet hours"
    return [
        para(f"{plural(report.alerts, 'alert')} queued for the chats following these stories, sent {when}.")
    ]


def _failures(failed: Sequence[tuple[str, str]]) -> list[Block]:
    """One line per failure, or one per reason when many share it ("55 entries: cannot connect to ...")."""
    by_reason: dict[str, list[str]] = {}
    for where, why in failed:
        by_reason.setdefault(why, []).append(where)
    lines: list[Block] = []
    for why, places in by_reason.items():
        if len(places) <= MAX_LISTED:
            lines += [item("Failed: ", bold(where), f" — {why}") for where in places]
        else:
            lines.append(item(bold(f"{len(places):,} failed"), f" — {why} (first: {places[0]})"))
    return lines
