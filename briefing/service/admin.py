"""Administrators' commands that change what the bot reads: ``/ingest URL``.

A page is ingested once; a feed is ingested now and registered for polling (``sources.poll = 1``), which
the scheduled feed job then polls every ``feeds.poll_minutes`` (in the bot on Telegram: the terminal chat
runs no jobs). The new articles queue alerts for their followers, as a poll's do. Only http(s) URLs are
taken from a chat: the server's own files are not the chat's business.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.addresses import shown_url
from briefing.document import Block, Document, bold, code, item, message, para, plural
from briefing.models import IngestReport
from briefing.service import App
from briefing.service.commands import Asker, Reply, command

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


@command("ingest", "/ingest URL", "read a page or a feed now; feeds are then polled (admins)", admin=True)
async def ingest_command(app: App, args: str, asker: Asker) -> Reply:
    """Ingest pages and feeds by URL; register the feeds for polling."""
    from briefing.service.ingest import IngestCutShortError, ingest_sources
    from briefing.service.polled_feeds import AmbiguousFeedError, ambiguous, unmasked

    try:  # a feed's masked address or "#N" stands for its address, key and all
        urls = [unmasked(app, url) for url in read_urls(args)]
    except AmbiguousFeedError as exc:
        return ambiguous(exc, "/ingest #N")
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
        await asker.tell(_reading(urls))
    try:
        report = await ingest_sources(app, urls, poll=True)  # feeds are polled: pages failing now wait
    except IngestCutShortError as exc:  # a full disk: the admin is told what went in
        return Reply(message(para(f"Ingest cut short: {exc}.")))
    lines = [*_counts(report), *_polled(app, urls, asker), *_alerts(report, asker)]
    lines += _failures(report.failed)
    lines += [item("Note: ", bold(where), f" — {why}") for where, why in report.notes[:MAX_LISTED]]
    return Reply(message(*lines))


def _reading(urls: Sequence[str]) -> Document:
    """The word before the work: what is being read, and that the result follows."""
    what = shown_url(urls[0]) if len(urls) == 1 else f"{len(urls)} addresses"
    return message(
        para(f"Reading {what} …"),
        para("A feed's entry pages can take a minute or two; the result follows."),
    )


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


def _counts(report: IngestReport) -> list[Block]:
    """The articles read; a feed that answered 304 is said to be unchanged ("0 new" would hide why)."""
    lines: list[Block] = []
    if report.new or report.duplicate or report.near_duplicate or not report.not_modified:
        counts = f"{report.new:,} new, {report.duplicate:,} already known,"
        lines.append(para(bold("Ingested: "), counts, f" {plural(report.near_duplicate, 'near-duplicate')}."))
    if report.not_modified:
        they = "it was" if report.not_modified == 1 else "they were"
        unchanged = bold(f"{plural(report.not_modified, 'feed')} not modified")
        lines.append(para(unchanged, f" since {they} last read: nothing new."))
    return lines


def _polled(app: App, urls: Sequence[str], asker: Asker) -> list[Block]:
    """Register the feeds among the URLs for polling, one line each. No poller runs in the terminal chat
    (or ``bot.py ask``): only the bot on Telegram polls, so it says when that happens."""
    from store.sources import find_source, set_polling

    every = plural(app.settings.poll_minutes, "minute")
    when = f" is now read every {every}."
    if asker.in_terminal:
        when = f" will be read every {every} while the bot runs on Telegram."
    lines: list[Block] = []
    for url in urls:
        source = find_source(app.db, url)
        if source is not None and source.kind == "feed":
            set_polling(app.db, source.id, True)
            lines.append(item("Feed ", bold(source.name), when))
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
