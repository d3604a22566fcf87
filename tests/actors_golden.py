"""The actors of a fixed set of articles, recorded for ``ACTORS_VERSION``.

Stored actors are read again only when their key changes (``articles.actors_key``: ``ACTORS_VERSION``),
and the version is bumped by hand. A change to the extraction rules that forgets the bump leaves every
stored article's actors as the old rules read them, with nothing to say so.
``tests/fixtures/actors_golden.json`` records, for the version it names, what
:func:`briefing.service.actors.read_actors` (what ingest and the re-reading job store) makes of the texts
the summaries' golden file reads (:func:`tests.summary_golden.fixed_articles`: the seed dumps' articles
and the fixture dumps' and pages', as ingest stores them). Per article: a digest of its text, a digest of
its actors, and a readable listing, one line an actor (type, canonical name, role, aliases, mentions as
``start-end`` offsets into the body with their sentence's index). ``tests/test_actors_golden.py`` reads
them again:

- actors of an unchanged text that come out otherwise under the same version fail, telling to bump
  ``ACTORS_VERSION`` and regenerate (:data:`REGENERATE`);
- a version the file was not recorded for fails until the file is regenerated;
- a text that reads otherwise (a fixture edited, ingest splitting a dump otherwise) is no extraction
  change: regenerating is enough, no bump.

``python -m tests.regen_actors_golden`` writes the file, and refuses to when an unchanged text's actors
changed under the same version. The merging into the archive (``store.actors``) is not covered: it needs
a database, and its own tests (``tests/test_reextract.py``) hold it to a fresh archive's result.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from briefing.actors import ACTORS_VERSION
from briefing.models import ExtractedActor
from briefing.service.actors import read_actors
from tests.summary_golden import Comparison, compare_by, digest, fixed_articles

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "fixtures" / "actors_golden.json"
REGENERATE = "python -m tests.regen_actors_golden"
FAILED = "(extraction failed)"  # read_actors gave None: the article is stored without actors


@dataclass(frozen=True)
class Entry:
    """One article's recorded actors: which article (``name``), a digest of its text, a digest of its
    actors, and their readable listing (what a failure shows)."""

    name: str
    text: str
    actors: str
    listing: tuple[str, ...]


@dataclass(frozen=True)
class Recording:
    """The fixed texts' actors under one extraction version."""

    version: int
    entries: tuple[Entry, ...]

    @property
    def fingerprint(self) -> str:
        """One digest of every article's actors and what they were of: equal fingerprints, equal
        recordings."""
        return digest(json.dumps([[e.name, e.text, e.actors] for e in self.entries]))


def actor_line(actor: ExtractedActor) -> str:
    """One actor as the listing shows it: everything the archive stores of it, so that equal listings
    mean equal stored actors ("person Vladimir Putin (guessed) | role President | aka Putin |
    120-135@0 410-415@3"). A mention's surface is the body's text at its offsets, so it is left out."""
    parts = [f"{actor.type} {actor.name}" + (" (guessed)" if actor.guessed else "")]
    if actor.role is not None:
        parts.append(f"role {actor.role}")
    if actor.aliases:
        parts.append("aka " + "; ".join(sorted(actor.aliases)))
    parts.append(" ".join(f"{m.start}-{m.end}@{m.sentence_index}" for m in actor.mentions))
    return " | ".join(parts)


def read_entry(name: str, title: str, body: str) -> Entry:
    """An article's actors as ingest reads them now."""
    reading = read_actors(title, body)
    listing = (FAILED,) if reading is None else tuple(actor_line(a) for a in reading.actors)
    return Entry(name, digest(f"{title}\n\n{body}"), digest("\n".join(listing)), listing)


def record() -> Recording:
    """The fixed texts' actors as extraction reads them now."""
    return Recording(ACTORS_VERSION, tuple(read_entry(*article) for article in fixed_articles()))


def load(path: Path = GOLDEN) -> Recording:
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = tuple(Entry(e["name"], e["text"], e["actors"], tuple(e["listing"])) for e in data["entries"])
    return Recording(int(data["actors_version"]), entries)


def dump(recording: Recording, path: Path = GOLDEN) -> None:
    data = {
        "about": f"fixed texts' actors for ACTORS_VERSION, by `{REGENERATE}` (tests/actors_golden.py)",
        "actors_version": recording.version,
        "fingerprint": recording.fingerprint,
        "entries": [
            {"name": e.name, "text": e.text, "actors": e.actors, "listing": list(e.listing)}
            for e in recording.entries
        ],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def compare(recorded: Recording, now: Recording) -> Comparison:
    """Compared by digests: a listing edited by hand, its digest not, still counts as recorded."""
    return compare_by(recorded, now, lambda e: e.actors, lambda e: e.listing)


def _shown(changes: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...], most: int = 3) -> list[str]:
    """The first few changed articles' listings as a diff: the actors' lines that went and came."""
    lines = []
    for name, was, now in changes[:most]:
        lines.append(f"  {name}:")
        diff = difflib.unified_diff(was, now, lineterm="", n=0)
        lines += [f"    {line}" for line in diff if not line.startswith(("---", "+++", "@@"))][:12]
    return lines


def explain(comparison: Comparison, recorded_version: int) -> str:
    """What to do about a difference, for a test's failure and the regenerating command."""
    if comparison.needs_bump:
        return "\n".join(
            [
                f"the actors of {len(comparison.changed)} unchanged fixture texts changed, but"
                f" ACTORS_VERSION is still {ACTORS_VERSION}: stored articles would keep the old actors.",
                f"Bump ACTORS_VERSION in briefing/actors.py (to {ACTORS_VERSION + 1}), then run"
                f" `{REGENERATE}` and commit tests/fixtures/actors_golden.json with the change.",
                "(A change meant to leave actors as they were, a refactoring or a speed-up, has a bug.)",
                *_shown(comparison.changed),
            ]
        )
    if comparison.version_differs:
        return (
            f"tests/fixtures/actors_golden.json was recorded for ACTORS_VERSION {recorded_version}, the"
            f" code says {ACTORS_VERSION}: run `{REGENERATE}` and commit the file."
        )
    return (
        f"{len(comparison.texts)} fixture texts were added, removed or read otherwise (e.g."
        f" {', '.join(comparison.texts[:3])}); their actors need no ACTORS_VERSION bump:"
        f" run `{REGENERATE}` and commit the file."
    )
