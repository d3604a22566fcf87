"""Versions of one page: a feed entry updated with new news is stored as the page's new version, and the
version before keeps its row under the page's URL with a fragment (``…/a1.html#version-1``; see
``store.articles``). Pure.

A version set aside is superseded: the page says something newer now, and what it still says of the old
version is in the newer text. So an update tells what the page's newest text says that the reader's
version did not (:func:`first_said`), never an old version's sentences; and a page counts and lists
once, as its newest version.

    page_url("https://x.example/a1.html#version-2")   # "https://x.example/a1.html"
    is_superseded("https://x.example/a1.html#version-2")  # True
    first_said([(7, ["A", "B"]), (9, ["B", "C", "A"])])   # (("B", 7), ("C", 9), ("A", 7))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

VERSION_MARK = "#version-"  # a stored URL has no fragment but an old version's


def version_url(url: str, n: int) -> str:
    """The URL an older version of the page at ``url`` is kept under: ``url#version-N``."""
    return f"{url}{VERSION_MARK}{n}"


def page_url(url: str) -> str:
    """The page a stored URL is of: the URL itself, or for an old version its page's."""
    return url.split(VERSION_MARK, 1)[0]


def is_superseded(url: str | None) -> bool:
    """Whether a stored URL names an old version of a page (a newer one took the page's URL)."""
    return url is not None and VERSION_MARK in url


def first_said(versions: Sequence[tuple[int, Iterable[str]]]) -> tuple[tuple[str, int], ...]:
    """The sentences of a page's newest version (the last of ``versions``, oldest first: each an article
    id and its sentences), in its order, each with the version that first said it: the one whose news it
    is. A live blog polled three times holds its first posts too; they are the first version's news, not
    the third's."""
    if not versions:
        return ()
    first: dict[str, int] = {}
    for article_id, sentences in versions:
        for sentence in sentences:
            first.setdefault(" ".join(sentence.split()), article_id)
    newest = [" ".join(x.split()) for x in versions[-1][1]]
    return tuple((x, first[x]) for x in dict.fromkeys(newest))
