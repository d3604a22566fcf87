"""Administrators' commands that change what the bot reads: ``/ingest URL``.

A page is ingested once; a feed is ingested now and registered for polling (``sources.poll = 1``), which
the scheduled feed job then polls every ``feeds.poll_minutes``. Only http(s) URLs are taken from a chat:
the server's own files are not the chat's business.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.document import Block, bold, code, item, message, para
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
    from briefing.service.ingest import ingest_sources
    from store.sources import find_source, set_polling

    urls = args.split()
    if not urls:
        return _usage()
    if len(urls) > MAX_URLS:
        return Reply(message(f"That is {len(urls)} addresses; send at most {MAX_URLS} at a time."))
    bad = [u for u in urls if not u.lower().startswith(("http://", "https://"))]
    if bad:
        return Reply(
            message(para(f"Only http(s) addresses can be ingested from a chat, not “{bad[0][:200]}”."))
        )
    report = await ingest_sources(app, urls, poll=True)  # feeds are polled: pages failing now wait
    lines: list[Block] = [
        para(
            bold("Ingested: "),
            f"{report.new:,} new, {report.duplicate:,} already known,",
            f" {report.near_duplicate:,} near-duplicates.",
        )
    ]
    for url in urls:
        source = find_source(app.db, url)
        if source is not None and source.kind == "feed":
            set_polling(app.db, source.id, True)
            lines.append(
                item("Feed ", bold(source.name), f" is now read every {app.settings.poll_minutes} minutes.")
            )
    lines += _failures(report.failed)
    lines += [item("Note: ", bold(where), f" — {why}") for where, why in report.notes[:MAX_LISTED]]
    return Reply(message(*lines))


MAX_LISTED = 5  # failures of one reason named one by one; more are counted


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
