"""Filling a new database from ``seeds/`` so the bot has something to say at once.

Only the text dumps (``seeds/*.txt``) are seeded; other files there (curated ``*.toml`` lists) are
for other parts of the bot. Seeding happens once, into a *brand-new* database: one with no articles
and no sources. Every ingested file, page or feed is recorded in ``sources``, the seed files
included, so a database that was seeded, or that the user filled with their own sources, is never
seeded again — not even after the user deleted every article on purpose. The seeding is one
transaction: stopped half-way (a signal at the first start), it leaves the database brand new, and the
next start seeds it.
"""

from __future__ import annotations

import logging

from briefing.models import IngestReport
from briefing.service import App
from briefing.service.ingest import ingest_files
from store.articles import count_articles
from store.db import transaction
from store.sources import count_sources

log = logging.getLogger(__name__)


def needs_seeding(app: App) -> bool:
    return count_articles(app.db) == 0 and count_sources(app.db) == 0


def ensure_seeded(app: App) -> IngestReport | None:
    """Ingest the seed dumps if the database is brand new; the report, or None if nothing ran."""
    if not needs_seeding(app):
        return None
    seeds = sorted(app.settings.seeds_dir.glob("*.txt"))
    if not seeds:
        log.warning("no seed dumps in %s: the new database starts empty", app.settings.seeds_dir)
        return None
    log.info("seeding the new database from %d files in %s", len(seeds), app.settings.seeds_dir)
    with transaction(app.db):
        report = ingest_files(app, seeds)
    log.info("seeded %d articles from %d files in %s", report.new, len(seeds), app.settings.seeds_dir)
    for source, reason in report.failed:
        log.warning("seed %s not ingested: %s", source, reason)
    return report
