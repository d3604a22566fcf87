"""The feeds the bot polls, for the administrators: ``/feeds`` lists them with their addresses and
state, ``/unfeed N|URL`` stops polling one (its articles stay; ``/ingest URL`` resumes it). The state
line of a feed (read, failing, paused) is shared with ``/sources``. An address is shown as
:func:`briefing.addresses.shown_url` shows it (``?apikey=***a1b2``: the key's fingerprint tells two feeds
of one API apart), and taken back in that form; ``/ingest #N`` names a known feed by its number too."""

from __future__ import annotations

from datetime import datetime

from briefing.addresses import loosely_shown, mask_urls, shown_url
from briefing.ages import age
from briefing.document import (
    Block,
    Document,
    Section,
    Span,
    bold,
    clip,
    code,
    heading,
    item,
    link,
    message,
    para,
)
from briefing.errors import QueryError
from briefing.service import App
from briefing.service.commands import Asker, Reply, command
from briefing.service.give_ups import stalled
from store.db import transaction
from store.feed_entries import FeedGiveUps, give_ups_by_feed
from store.sources import set_polling
from store.stats import FeedState, feeds

ERROR_CHARS = 120  # of a feed's last error, in a list


def polled(app: App) -> list[FeedState]:
    """The feeds an admin added for polling (``/ingest URL``), paused ones included."""
    return [f for f in feeds(app.db) if f.poll]


def next_try(when: datetime | None, now: datetime) -> str:
    """ "next try in 40 min", "next try in 2 h", "next try now"."""
    if when is None or when <= now:
        return "next try now"
    minutes = round((when - now).total_seconds() / 60)
    if minutes < 90:
        return f"next try in {max(minutes, 1)} min"
    return f"next try in {round(minutes / 60)} h"


def state_of(feed: FeedState, now: datetime, *, detail: bool) -> list[Span | str]:
    """What a feed's poll came to: read when, failing (how often, the last error, the next try), or
    paused. ``detail``: the error and the counts, for the admins' list."""
    error = clip(mask_urls(feed.last_error or "unknown error"), ERROR_CHARS)
    if feed.paused:
        return [f"paused after {feed.failures} failures: {error}" if detail else "paused after failures"]
    if feed.failing:
        return [f"failing ({feed.failures}× in a row: {error}), {next_try(feed.next_poll_at, now)}"]
    if feed.last_ok_at is None:
        return ["last read never yet"]
    return ["last read ", age(feed.last_ok_at, now, "ago")]


def gave_up(give_ups: FeedGiveUps | None, now: datetime) -> list[Span | str]:
    """The entries a feed gave up, for the admins' list: " — gave up 1 entry 3 h ago: “Ferry story” (HTTP
    404 Not Found)", each given up once (its page gone, or failing all through its wait, with no text in
    the feed) and not tried again, so that a feed read fine does not lose news without a word."""
    if give_ups is None:
        return []
    last = give_ups.last
    title = clip(" ".join(last.sighting.title.split()) or shown_url(last.sighting.url), 80)
    why = clip(mask_urls(last.why), ERROR_CHARS)
    told: list[Span | str] = [
        f" — gave up {give_ups.count} entries, the last" if give_ups.count > 1 else " — gave up 1 entry"
    ]
    if last.at is not None:
        told += [" ", age(last.at, now, "ago")]
    return [*told, f": “{title}” ({why})"]


@command("feeds", "/feeds", "the feeds I poll, with their addresses and state (admins)", admin=True)
async def feeds_command(app: App, args: str, asker: Asker) -> Reply:
    """List the polled feeds: number, name, address, state."""
    now = app.now()
    listed = polled(app)
    if not listed:
        return Reply(message(para("No feed is polled. Add one with ", code("/ingest URL"), ".")))
    give_ups = give_ups_by_feed(app.db)
    lines: list[Block] = [
        item(
            bold(f"#{f.id} {f.name}"),
            " — ",
            link(shown_url(f.location), shown_url(f.location)),
            " — ",
            *state_of(f, now, detail=True),
            *([] if f.paused or f.failing else stalled(f.stalled_polls, f.stalled_since, now)),
            *gave_up(give_ups.get(f.id), now),
        )
        for f in listed
    ]
    hint = para("Send ", code("/unfeed N"), " (or its address) to stop polling one; its articles stay.")
    title = heading(f"Feeds read on a schedule ({len(listed)})")
    return Reply(Document(header=(title,), sections=(Section((*lines, hint)),)))


MAX_ID_DIGITS = 18  # SQLite's integers hold 18 digits safely


class AmbiguousFeedError(QueryError):
    """A masked address stands for more than one feed (two keys of one API): its number must say which."""


def _number(wanted: str) -> int | None:
    """The feed's number in "12" or "#12"."""
    number = wanted.removeprefix("#")
    # "²" and "①" are digits to str.isdigit but no number to int(); 20 digits overflow SQLite's integer
    numeric = number.isascii() and number.isdigit() and len(number) <= MAX_ID_DIGITS
    return int(number) if numeric else None


def _named(listed: list[FeedState], wanted: str) -> FeedState | None:
    """The feed of ``listed`` named by its number or its address, as stored or as shown (with its key's
    fingerprint, "?apikey=***a1b2", or without, "?apikey=***", as the notices sent before showed it).
    Raises :class:`AmbiguousFeedError` when a masked address stands for more than one."""
    number = _number(wanted)
    if number is not None:
        return next((f for f in listed if f.id == number), None)
    exact = [f for f in listed if wanted in (f.location, shown_url(f.location))]
    found = exact or [f for f in listed if "***" in wanted and loosely_shown(f.location) == wanted]
    if len(found) > 1:
        numbers = ", ".join(f"#{f.id} {f.name}" for f in found)
        raise AmbiguousFeedError(f"{len(found)} feeds have the address {clip(wanted, 200)}: {numbers}.")
    return found[0] if found else None


def _find(app: App, args: str) -> FeedState | None:
    """The polled feed named by its number ("12", "#12") or its address."""
    return _named(polled(app), args.strip())


class UnknownFeedError(QueryError):
    """A feed's number ("#12", "12") that no feed has: no address to read, and none to say it is not."""


def unmasked(app: App, url: str) -> str:
    """The address of the feed that ``url`` names: its number ("#12", "12") or its masked address
    ("?apikey=***a1b2", as /feeds and the notices show it), so that an admin can resume it with what is
    shown; else ``url`` itself. Raises :class:`AmbiguousFeedError` when that stands for more than one,
    :class:`UnknownFeedError` for a number no feed has."""
    if "***" not in url and not url.startswith("#") and _number(url) is None:
        return url
    feed = _named(feeds(app.db), url)
    if feed is None and _number(url) is not None:
        raise UnknownFeedError(f"No feed is “{clip(url, 200)}”.")
    return feed.location if feed is not None else url


def unknown(exc: UnknownFeedError) -> Reply:
    """The answer to a feed's number that no feed has, as ``/unfeed`` gives it."""
    return Reply(message(para(f"{exc} ", code("/feeds"), " lists them with their numbers.")))


def ambiguous(exc: AmbiguousFeedError, usage: str) -> Reply:
    """The answer to an address that stands for more than one feed: their numbers, and how to name one
    (``usage``: "/unfeed N")."""
    hint = para("Send ", code(usage), " with the feed's number, as ", code("/feeds"), " lists it.")
    return Reply(message(para(str(exc)), hint))


@command(
    "unfeed", "/unfeed N|URL", "stop polling a feed; its articles stay (admins)", admin=True, changes="bot"
)
async def unfeed_command(app: App, args: str, asker: Asker) -> Reply:
    """Stop polling a feed, named by its number in /feeds or its address."""
    if not args.strip():
        which = para(
            "Which feed? Send ", code("/unfeed N"), " with its number in ", code("/feeds"), " or its address."
        )
        return Reply(message(which))
    try:
        feed = _find(app, args)
    except AmbiguousFeedError as exc:
        return ambiguous(exc, "/unfeed N")
    if feed is None:
        return _not_polled(app, args.strip())
    with transaction(app.db):
        set_polling(app.db, feed.id, False)
    shown = shown_url(feed.location)
    return Reply(
        message(
            para(bold(feed.name), " (", link(shown, shown), ") is no longer polled."),
            para("Its articles stay."),
            para("Send ", code(f"/ingest {shown}"), " to poll it again."),
        )
    )


def _not_polled(app: App, wanted: str) -> Reply:
    """The answer to ``/unfeed`` of what is no polled feed: a feed stopped already is said to be (a second
    ``/unfeed`` of it, say), with how to poll it again; anything else is no feed polled."""
    try:
        feed = _named([f for f in feeds(app.db) if not f.poll], wanted)
    except AmbiguousFeedError:  # two stopped feeds of one API: the plain answer will do
        feed = None
    if feed is None:
        shown = clip(wanted, 200)
        return Reply(
            message(para(f"No polled feed is “{shown}”. ", code("/feeds"), " lists them with their numbers."))
        )
    shown = shown_url(feed.location)
    return Reply(
        message(
            para(bold(feed.name), " (", link(shown, shown), ") is not polled: it was stopped already."),
            para("Its articles stay. Send ", code(f"/ingest {shown}"), " to poll it again."),
        )
    )
