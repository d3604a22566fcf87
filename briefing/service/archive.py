"""What the archive holds: ``/sources`` for everyone, ``/stats`` for the administrators."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from briefing.ages import age
from briefing.document import Block, Document, Section, Span, Telling, bold, heading, item, para, plural
from briefing.service import App
from briefing.service.commands import Asker, Reply, command, is_admin
from briefing.service.polled_feeds import polled, state_of
from store.stats import ArchiveCounts, archive_counts, outlet_counts

# every outlet is listed, a page at a time (``brief.page_size`` sections of ``PER_SECTION`` lines: 30 at
# the default 3); past this many the rest are counted, a reply of over a hundred pages being no list
MAX_OUTLETS = 1000
PER_SECTION = 10


def _when(when: datetime | None, now: datetime, telling: Telling, missing: str = "no date") -> Span | str:
    return age(when, now, telling) if when else missing


def _sections(title: str, lines: Sequence[Block]) -> list[Section]:
    """Lines in sections of ``PER_SECTION``, the first under ``title``: the units a page is made of, so
    a long list pages as /brief does instead of being cut short."""
    groups = [lines[k : k + PER_SECTION] for k in range(0, len(lines), PER_SECTION)]
    return [Section((*((heading(title),) if k == 0 else ()), *group)) for k, group in enumerate(groups)]


@command("sources", "/sources", "the outlets and feeds I read, with article counts")
async def sources_command(app: App, args: str, asker: Asker) -> Reply:
    """List the outlets by article count, and the feeds that are polled: to the admins all of them and
    their state, to the others those that brought articles and are read fine. A long list has pages."""
    outlets, total = outlet_counts(app.db, limit=MAX_OUTLETS)
    now = app.now()
    sections = [Section((para("I have no articles yet."),))]
    if outlets:
        lines: list[Block] = [
            item(
                bold(o.name),
                f" — {plural(o.articles, 'article')}, newest {'' if o.dated else 'added '}",
                _when(o.newest, now, "day"),
            )
            for o in outlets
        ]
        if total > len(outlets):
            lines.append(para(f"… and {plural(total - len(outlets), 'more outlet')}."))
        sections = _sections(f"Sources ({plural(total, 'outlet')})", lines)
    feeds = polled(app)
    if not is_admin(app, asker):
        # the admins see a feed failing, paused or not read yet (even before it brings an article);
        # the others, the feeds their news comes from
        feeds = [f for f in feeds if f.articles and not f.paused and not f.failing]
    if feeds:
        feed_lines = [item(bold(f.name), " — ", *state_of(f, now, detail=False)) for f in feeds]
        sections += _sections("Feeds read on a schedule", feed_lines)
    return Reply(Document(sections=tuple(sections)), paged=True)


def _read_from(c: ArchiveCounts) -> str:
    """The files, pages and feeds read, by kind, and the articles with none recorded: "Read from: 0"
    beside 100,000 articles (a bulk load, an archive older than its sources) said they came from
    nowhere. "4 (3 pages, 1 feed); 12 articles with no source recorded"."""
    kinds = ", ".join(plural(n, kind) for kind, n in c.source_kinds)
    read = f"{c.sources:,}" + (f" ({kinds})" if kinds else "")
    if not c.unsourced:
        return read
    if not c.sources:
        whole = "the " if c.unsourced == c.articles else ""
        return f"no source recorded for {whole}{plural(c.unsourced, 'article')}"
    return f"{read}; {plural(c.unsourced, 'article')} with no source recorded"


@command("stats", "/stats", "what the archive and the bot hold (admins)", admin=True)
async def stats_command(app: App, args: str, asker: Asker) -> Reply:
    """Counts of articles, sources, actors, stories, subscribers and deliveries."""
    c = archive_counts(app.db)
    feeds = polled(app)
    active = [f for f in feeds if not f.paused]
    failing = sum(f.failing for f in active)
    polling = f"{len(active):,}" + (f", {failing:,} failing" if failing else "")
    if len(feeds) > len(active):
        polling += f"; {len(feeds) - len(active):,} paused"
    # outlets are what /sources counts (the names on the articles); the files and addresses read are
    # another count (one outlet's many pages, a seed dump of many outlets): each is named for what it is
    rows = [
        ("Articles", f"{c.articles:,} (+{plural(c.near_duplicates, 'near-duplicate')} recorded)"),
        ("Outlets", f"{c.outlets:,} (as /sources lists them)"),
        ("Read from", _read_from(c)),
        ("Feeds polled", polling),
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
