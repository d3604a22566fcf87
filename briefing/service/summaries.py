"""Summaries as a use case: an article's stored summary at ingest, and ``bot.py summarize FILE...``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from briefing.document import Document, Section, heading, item, para
from briefing.dumps import dump_as_one_article, looks_like_dump
from briefing.errors import EmptySourceError, SourceError
from briefing.models import Article
from briefing.pages import parse_page
from briefing.recase import readable_title
from briefing.render import to_plain
from briefing.service import App
from briefing.summary import (
    ALGORITHMS,
    SUMMARY_VERSION,
    UnknownAlgorithmError,
    same_words,
    split_headline,
    summarize,
)
from briefing.textfile import read_file_text
from briefing.titles import title_from_body
from config import Settings
from store.summaries import save_summary


@dataclass(frozen=True)
class FileSummary:
    """The summary of one text file."""

    file: str
    title: str
    summary: tuple[str, ...]


def summary_key(s: Settings) -> str:
    """What makes a summary under these settings, as ``articles.summary_key`` records it: the
    summarizer's version, the algorithm, the length and the sentence cap ("v1:default:3:400"). A stored
    summary with another key is stale: :mod:`briefing.service.resummarize` makes it again."""
    return f"v{SUMMARY_VERSION}:{s.summary_algorithm}:{s.summary_sentences}:{s.summary_max_sentences}"


def summarize_article(app: App, article: Article) -> tuple[str, ...]:
    """An article's summary as the settings ask for it (length, algorithm, cap)."""
    return summarize_text(app.settings, article.title, article.body)


def summarize_text(s: Settings, title: str, body: str) -> tuple[str, ...]:
    """The summary of an article's title and body as the settings ask for it; needs no database."""
    return summarize(
        body,
        title=title,
        sentences=s.summary_sentences,
        algorithm=s.summary_algorithm,
        max_sentences=s.summary_max_sentences,
    )


def store_summary(app: App, article: Article, summary: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The enrichment step: compute the article's summary (unless given) and store it."""
    if summary is None:
        summary = summarize_article(app, article)
    save_summary(app.db, article.id, summary, summary_key(app.settings))
    return summary


def summarize_file(path: Path, *, sentences: int, algorithm: str, max_sentences: int) -> FileSummary:
    """One file as one article; a first line without final punctuation before a blank line is its title,
    and with no headline the title is made from the first sentence, as ingest makes it. A scraped dump
    (furniture, bylines, a section label over the title) is read with the dump rules, so "Connect with
    us" or a weather banner is not its title. A saved web page (``.html``) is read as ingest reads it:
    its article text and title, no markup. A file with no sentence to summarize (a headline alone) is an
    :class:`EmptySourceError`, as ingest finds no article in it."""
    read = read_file_text(path)  # as ingest and `bot.py actors` read it: a page in its declared charset
    if read.page:
        page = parse_page(read.text)
        title, body = page.title, page.body
    else:
        text = read.text
        title, body = dump_as_one_article(text) if looks_like_dump(text) else ("", "")
        if not body.strip():  # not a dump, or one the dump rules find all furniture: a plain article
            title, body = split_headline(text)
            # a headline with no blank line under it: the dump rules find it, as ingest does
            if not title and all(headed := dump_as_one_article(text)):
                title, body = headed
    # no headline by any rule: a title from the first sentence, as ingest makes one for an untitled article
    title = readable_title(title, body) or title_from_body(body)  # "EL DIARIO DEL SUR" as ingest stores it
    summary = summarize(
        body, title=title, sentences=sentences, algorithm=algorithm, max_sentences=max_sentences
    )
    if not summary:  # "Headline only": ingest finds no article in it either
        raise EmptySourceError("no sentences to summarize: only a headline or fragments, no article text")
    return FileSummary(str(path), title, summary)


def _plain(result: FileSummary) -> str:
    """The file's title over its summary's sentences; a file whose one sentence is its title (no
    headline) shows it once, as the title."""
    header = (heading(result.title),) if result.title else ()
    lines = tuple(item(s) for s in result.summary if not same_words(s, result.title))
    return to_plain(Document(header=(para(f"{result.file}:"), *header), sections=(Section(lines),)))


def summarize_files(
    paths: Sequence[str],
    *,
    sentences: int,
    algorithm: str,
    max_sentences: int,
    jsonl: bool,
    out: TextIO,
    err: TextIO,
) -> int:
    """``bot.py summarize``: each file summarized in turn; a bad file is reported and skipped.

    Returns the exit status: 0 when every file was summarized, 1 when some could not be.
    """
    if algorithm not in ALGORITHMS:
        raise UnknownAlgorithmError(f"unknown algorithm {algorithm!r} (choose from {', '.join(ALGORITHMS)})")
    failed = 0
    for i, name in enumerate(paths):
        try:
            result = summarize_file(
                Path(name), sentences=sentences, algorithm=algorithm, max_sentences=max_sentences
            )
        except SourceError as exc:
            print(f"bot.py summarize: {name}: {exc}", file=err, flush=True)
            failed += 1
            continue
        if jsonl:
            record = {"file": name, "title": result.title, "summary": list(result.summary)}
            print(json.dumps(record, ensure_ascii=False), file=out, flush=True)
        else:
            print(("\n" if i else "") + _plain(FileSummary(name, result.title, result.summary)), file=out)
    return 1 if failed else 0
