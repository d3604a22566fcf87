"""The versions of a page among a story's articles, read for an update (see ``briefing.versions``): the
newest version's sentences, each with the version that first said it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefing.digest import Arrival
from briefing.summary import build_document
from briefing.versions import first_said, is_superseded, page_url
from store.db import Database
from store.search import article_texts


def with_versions(db: Database, arrivals: Sequence[Arrival]) -> list[Arrival]:
    """``arrivals`` with the newest version of each page stored in several versions given its
    :attr:`~briefing.digest.Arrival.said`: an update then tells what that text says that the versions
    the reader knew did not. Only a story with an old version of a page reads any text."""
    pages: dict[str, list[Arrival]] = {}
    for a in arrivals:
        if a.url:
            pages.setdefault(page_url(a.url), []).append(a)
    ordered = [sorted(vs, key=lambda a: a.article_id) for vs in pages.values() if len(vs) > 1]
    # a page whose newest version is not among these is left out, unread: none of them tells it
    versioned = [
        vs for vs in ordered if any(is_superseded(a.url) for a in vs) and not is_superseded(vs[-1].url)
    ]
    if not versioned:
        return list(arrivals)
    texts = article_texts(db, [a.article_id for vs in versioned for a in vs])
    said: dict[int, tuple[tuple[str, int], ...]] = {}
    for versions in versioned:
        newest = versions[-1]
        read = [(a.article_id, _sentences(*texts.get(a.article_id, ("", "")))) for a in versions]
        said[newest.article_id] = first_said(read)
    return [replace(a, said=said[a.article_id]) if a.article_id in said else a for a in arrivals]


def _sentences(title: str, body: str) -> list[str]:
    """An article's sentences as its summary reads them (the title and captions left out)."""
    return [str(s) for s in build_document(body, title=title).sentences]
