"""The terminal side of ``bot.py ingest``: a rich progress bar on stderr and the summary table."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from briefing.models import IngestReport
from briefing.service.ingest import kept_phrase


@contextmanager
def progress_bar(*, enabled: bool = True, file: TextIO | None = None) -> Iterator:
    """A ``progress(done, total, label)`` hook drawing a bar on stderr (nothing when disabled or
    when stderr is not a terminal: a log file should not fill with redraws)."""
    console = Console(file=file or sys.stderr)
    if not enabled or not console.is_terminal:
        yield None
        return
    columns = (
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", style="dim"),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def hook(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total, description=_short(label))

        yield hook


def _short(label: str, width: int = 48) -> str:
    return label if len(label) <= width else "…" + label[-(width - 1) :]


def grouped(rows: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Rows with the same reason as one, where the first of them was: "URL and 726 more". An offline
    ingest of feed files notes each entry whose page it could not fetch, "cannot resolve host X; kept
    the feed's summary", a thousand rows that say a few things; the reason names the host, so one row a
    reason is one row a host."""
    sources: dict[str, list[str]] = {}
    for source, reason in rows:
        sources.setdefault(reason, []).append(source)
    return [
        (where[0] if len(where) == 1 else f"{where[0]} and {len(where) - 1:,} more", reason)
        for reason, where in sources.items()
    ]


def report_tables(report: IngestReport) -> list[Table]:
    """The summary table (new, updated when any, duplicate, near-duplicate, failed), then failures, one
    row each (each source to look at), and notes, those with the same reason in one row (:func:`grouped`)."""
    summary = Table(title="Ingest summary", show_header=True)
    summary.add_column("Outcome")
    summary.add_column("Articles", justify="right")
    summary.add_row("new", str(report.new))
    if report.updated:  # a page stored again as its new version: news of an article already told
        summary.add_row("updated (new version)", str(report.updated))
    summary.add_row("duplicate", str(report.duplicate))
    summary.add_row("near-duplicate", str(report.near_duplicate))
    summary.add_row("failed", str(len(report.failed)))
    if report.not_modified:
        summary.add_row("feeds not modified", str(report.not_modified))
    if report.alerts:
        summary.add_row("alerts queued for followers", str(report.alerts))
    tables = [summary]
    for title, rows in (("Failures", list(report.failed)), ("Notes", grouped(report.notes))):
        if rows:
            table = Table(title=title, show_header=True)
            table.add_column("Source", overflow="fold")
            table.add_column("Reason", overflow="fold")
            for source, reason in rows:
                table.add_row(source, reason)
            tables.append(table)
    return tables


def print_report(report: IngestReport, *, file: TextIO | None = None) -> None:
    console = Console(file=file or sys.stdout, width=120 if file is not None else None)
    for table in report_tables(report):
        console.print(table)


def failure_line(report: IngestReport) -> str | None:
    """The one line for stderr when something failed (a script keeping only stderr sees why), else None."""
    if not report.failed:
        return None
    where, why = report.failed[0]
    more = f"{len(report.failed):,} failed" if len(report.failed) > 1 else "1 failed"
    return f"bot.py ingest: {more} (first: {where}: {why})"


def interrupted_line(kept: int, done: int, total: int) -> str:
    """The line for stderr when the ingest was stopped (Ctrl-C): what went in stays, and running it again
    goes on, as what went in is then a duplicate."""
    articles = kept_phrase(kept)
    where = f"after {done:,} of {total:,} sources" if total else "in the first source"
    return (
        f"bot.py ingest: interrupted {where}; {articles}, the rest was not read"
        " (run it again to go on: what went in is then a duplicate)"
    )
