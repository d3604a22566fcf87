"""The summaries of a fixed set of articles and stories, recorded for ``SUMMARY_VERSION``.

Stored summaries are made again only when their key changes (``articles.summary_key``: the summarizer's
``SUMMARY_VERSION``, the algorithm and the lengths), and the version is bumped by hand. A change to the
summarizer's rules that forgets the bump leaves every stored summary as the old rules made it, with
nothing to say so. ``tests/fixtures/summary_golden.json`` records, for the version it names, what the
summarizer makes of fixed texts: the seed dumps' articles and the fixture dumps' and pages' (as ingest
stores them: dateline off, title as the article writes it), with the default algorithm, a third of them
with every other algorithm too; and the story summaries (:func:`briefing.stories.story_summary`, or one
article's :func:`briefing.stories.told_once`) of the labelled story groups, made from their recorded
summaries as the stories table stores them. ``tests/test_summary_golden.py`` makes them again:

- a summary of an unchanged text that comes out otherwise under the same version fails, telling to bump
  ``SUMMARY_VERSION`` and regenerate (:data:`REGENERATE`);
- a version the file was not recorded for fails until the file is regenerated;
- a text that reads otherwise (a fixture edited, ingest splitting a dump otherwise) is no summary change:
  regenerating is enough, no bump.

``python -m tests.regen_summary_golden`` writes the file, and refuses to when an unchanged text's summary
changed under the same version. Not ``../shared/data``: that is for evaluation only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from briefing.errors import SourceError
from briefing.recase import readable_title
from briefing.sentences import split_dateline
from briefing.service.source_files import read_file
from briefing.stories import latest_figures, story_summary, told_once
from briefing.summary import ALGORITHMS, SUMMARY_VERSION, summarize

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "fixtures" / "summary_golden.json"
REGENERATE = "python -m tests.regen_summary_golden"
SENTENCES = 3  # config/defaults.toml's summary.sentences and summary.max_sentences
MAX_SENTENCES = 400
OTHER_ALGORITHMS_EVERY = 3  # every third article with each other algorithm too: a few seconds in all
SOURCES = ("seeds/0*.txt", "tests/fixtures/dumps/*.txt", "tests/fixtures/pages/*.html")
STORY_GROUPS = ROOT / "tests" / "fixtures" / "stories" / "labelled.jsonl"


@dataclass(frozen=True)
class Entry:
    """One recorded summary: what it is of (``name``), a digest of the text it was made from, and the
    summary's sentences."""

    name: str
    text: str
    summary: tuple[str, ...]


@dataclass(frozen=True)
class Recording:
    """The summaries of the fixed texts under one summarizer version."""

    version: int
    entries: tuple[Entry, ...]

    @property
    def fingerprint(self) -> str:
        """One digest of every summary and what it was of: equal fingerprints, equal recordings."""
        return digest(json.dumps([[e.name, e.text, e.summary] for e in self.entries], ensure_ascii=False))


@dataclass(frozen=True)
class Comparison:
    """How a recording made now differs from the file's: outputs (summaries, actors) of the same texts that
    changed (``changed``: name, as recorded, as made now), and texts added, removed or read otherwise
    (``texts``). Shared with ``tests.actors_golden``."""

    version_differs: bool
    changed: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
    texts: tuple[str, ...]

    @property
    def same(self) -> bool:
        return not (self.version_differs or self.changed or self.texts)

    @property
    def needs_bump(self) -> bool:
        """Output changed under the version it was recorded for: stored output would stay old."""
        return bool(self.changed) and not self.version_differs


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fixed_articles() -> list[tuple[str, str, str]]:
    """The fixed articles as ingest stores their text: (name, title, body); the actors' golden file
    (:mod:`tests.actors_golden`) reads the same ones."""
    found = []
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            try:
                drafts = read_file(path)
            except SourceError:  # a listing page, no article: ingest stores nothing of it either
                continue
            assert isinstance(drafts, list), f"{path} reads as a feed"
            for i, draft in enumerate(drafts):
                _, body = split_dateline(draft.body)  # as briefing.service.batches stores a draft
                found.append((f"{path.relative_to(ROOT)}#{i}", readable_title(draft.title, body), body))
    return found


def _article_entries() -> list[Entry]:
    entries = []
    for k, (name, title, body) in enumerate(fixed_articles()):
        algorithms = ALGORITHMS if k % OTHER_ALGORITHMS_EVERY == 0 else ("default",)
        for algorithm in algorithms:
            summary = summarize(
                body, title=title, sentences=SENTENCES, algorithm=algorithm, max_sentences=MAX_SENTENCES
            )
            entries.append(Entry(f"{name} {algorithm}", digest(f"{title}\n\n{body}"), tuple(summary)))
    return entries


def _story_entries() -> list[Entry]:
    """Each labelled group's story summary, from its members' recorded summaries newest first, as
    :func:`briefing.service.stories.story_record` (or ``_single`` for one article) makes it."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for line in STORY_GROUPS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            groups.setdefault(row["group"], []).append(row)
    entries = []
    for group, rows in sorted(groups.items()):
        rows.sort(key=lambda r: (r["when"], r["id"]), reverse=True)
        leads = [tuple(r["summary"]) for r in rows]
        if len(leads) == 1:
            summary = told_once(leads[0])
        else:
            dates = [(datetime.fromisoformat(r["when"]), r["id"]) for r in rows]
            revised = latest_figures(leads, dates, max_sentences=MAX_SENTENCES)
            summary = story_summary(leads, sentences=SENTENCES, max_sentences=MAX_SENTENCES, revised=revised)
        entries.append(Entry(f"story {group}", digest(json.dumps(rows, sort_keys=True)), tuple(summary)))
    return entries


def record() -> Recording:
    """The fixed texts' summaries as the summarizer makes them now."""
    return Recording(SUMMARY_VERSION, (*_article_entries(), *_story_entries()))


def load(path: Path = GOLDEN) -> Recording:
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = tuple(Entry(e["name"], e["text"], tuple(e["summary"])) for e in data["entries"])
    return Recording(int(data["summary_version"]), entries)


def dump(recording: Recording, path: Path = GOLDEN) -> None:
    data = {
        "about": f"fixed texts' summaries for SUMMARY_VERSION, by `{REGENERATE}` (tests/summary_golden.py)",
        "summary_version": recording.version,
        "fingerprint": recording.fingerprint,
        "entries": [{"name": e.name, "text": e.text, "summary": list(e.summary)} for e in recording.entries],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def compare(recorded: Recording, now: Recording) -> Comparison:
    return compare_by(recorded, now, lambda e: e.summary, lambda e: e.summary)


def compare_by(
    recorded: Any, now: Any, value: Callable[[Any], object], shown: Callable[[Any], Any]
) -> Comparison:
    """Two recordings (``version`` and ``entries`` of ``name`` and ``text``) compared by each entry's
    ``value``; a changed entry is told by what ``shown`` gives of it."""
    old = {e.name: e for e in recorded.entries}
    new = {e.name: e for e in now.entries}
    changed = tuple(
        (name, shown(old[name]), shown(e))
        for name, e in new.items()
        if name in old and old[name].text == e.text and value(old[name]) != value(e)
    )
    texts = tuple(
        name
        for name in dict.fromkeys([*old, *new])
        if name not in old or name not in new or old[name].text != new[name].text
    )
    return Comparison(recorded.version != now.version, changed, texts)


def _shown(changes: Iterable[tuple[str, Sequence[str], Sequence[str]]], most: int = 3) -> list[str]:
    lines = []
    for name, was, now in list(changes)[:most]:
        lines += [f"  {name}:", f"    recorded: {list(was)}", f"    now:      {list(now)}"]
    return lines


def explain(comparison: Comparison, recorded_version: int) -> str:
    """What to do about a difference, for a test's failure and the regenerating command."""
    if comparison.needs_bump:
        return "\n".join(
            [
                f"{len(comparison.changed)} summaries of unchanged fixture texts changed, but"
                f" SUMMARY_VERSION is still {SUMMARY_VERSION}: stored summaries would keep the old output.",
                f"Bump SUMMARY_VERSION in briefing/summary.py (to {SUMMARY_VERSION + 1}), then run"
                f" `{REGENERATE}` and commit tests/fixtures/summary_golden.json with the change.",
                "(A change meant to leave summaries as they were, a refactoring or a speed-up, has a bug.)",
                *_shown(comparison.changed),
            ]
        )
    if comparison.version_differs:
        return (
            f"tests/fixtures/summary_golden.json was recorded for SUMMARY_VERSION {recorded_version}, the"
            f" code says {SUMMARY_VERSION}: run `{REGENERATE}` and commit the file."
        )
    return (
        f"{len(comparison.texts)} fixture texts were added, removed or read otherwise (e.g."
        f" {', '.join(comparison.texts[:3])}); their summaries need no SUMMARY_VERSION bump:"
        f" run `{REGENERATE}` and commit the file."
    )
