"""What the archive holds: ``/sources`` for everyone, ``/stats`` for the administrators."""

from __future__ import annotations

from datetime import datetime

from briefing.ages import age
from briefing.document import Block, Document, Section, Span, Telling, bold, heading, item, para, plural
from briefing.service import App
from briefing.service.commands import Asker, Reply, command
from store.stats import archive_counts, feeds, outlet_counts

MAX_OUTLETS = 30


def _when(when: datetime | None, now: datetime, telling: Telling, missing: str = "no date") -> Span | str:
    return age(when, now, telling) if when else missing


@command("sources", "/sources", "the outlets and feeds I read, with article counts")
async def sources_command(app: App, args: str, asker: Asker) -> Reply:
    """List the outlets by article count, and the feeds that are polled."""
    outlets, total = outlet_counts(app.db, limit=MAX_OUTLETS)
    now = app.now()
    if not outlets:
        return Reply(Document(sections=(Section((para("I have no articles yet."),)),)))
    lines: list[Block] = [
        item(bold(o.name), f" — {plural(o.articles, 'article')}, newest ", _when(o.newest, now, "day"))
        for o in outlets
    ]
    if total > len(outlets):
        lines.append(para(f"… and {plural(total - len(outlets), 'more outlet')}."))
    sections = [Section((heading(f"Sources ({plural(total, 'outlet')})"), *lines))]
    polled = [f for f in feeds(app.db) if f.poll]
    if polled:
        feed_lines = [
            item(bold(f.name), " — paused after failures")
            if f.paused
            else item(bold(f.name), " — last read ", _when(f.last_ok_at, now, "ago", missing="never yet"))
            for f in polled
        ]
        sections.append(Section((heading("Feeds read on a schedule"), *feed_lines)))
    return Reply(Document(sections=tuple(sections)))


@command("stats", "/stats", "what the archive and the bot hold (admins)", admin=True)
async def stats_command(app: App, args: str, asker: Asker) -> Reply:
    """Counts of articles, sources, actors, stories, subscribers and deliveries."""
    c = archive_counts(app.db)
    rows = [
        ("Articles", f"{c.articles:,} (+{plural(c.near_duplicates, 'near-duplicate')} recorded)"),
        ("Sources", f"{c.sources:,} ({plural(c.polled_feeds, 'feed')} polled)"),
        ("Actors", f"{c.actors:,}"),
        ("Stories", f"{c.stories:,}"),
        ("Subscribers", f"{c.subscribers_active:,} active of {c.subscribers:,}"),
        ("Follows", f"{c.follows:,}"),
        (
            "Deliveries",
            f"{c.deliveries_sent:,} sent, {c.deliveries_failed:,} failed, {c.deliveries_waiting:,} waiting",
        ),
    ]
    return Reply(
        Document(
            header=(heading("Statistics"),),
            sections=(Section(tuple(item(bold(k), f": {v}") for k, v in rows)),),
        )
    )
