"""The SOURCE arguments of an ingest as items to read, and what one file holds.

:func:`expand_sources` turns files, folders (recursively) and http(s) URLs into items (:class:`Item`), a
mistake in one (an empty name, a missing file, an ftp URL) an item of its own, so that one bad argument
never stops the others. :func:`read_file` tells a text dump, a saved page and a feed apart (by extension
and by the bytes) and refuses what only looks like text: code, configuration, data, documentation
markup, a software project's own files. Neither touches the store: the ingest
(:mod:`briefing.service.ingest`) stores what they find.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from briefing.addresses import mask_urls, without_credentials
from briefing.charsets import without_surrogates
from briefing.dumps import split_dump
from briefing.errors import EmptySourceError, SourceError
from briefing.feeds import Feed, looks_like_feed, parse_feed
from briefing.models import ArticleDraft
from briefing.pages import PAGE_SUFFIXES, parse_page
from briefing.textfile import file_text, is_page, looks_like_html

TEXT_SUFFIXES = frozenset((".txt", ".text", ""))
FEED_SUFFIXES = frozenset((".rss", ".atom", ".xml", ".rdf", ".gz"))
# Text the dump reader would take for news but that is not: its lines would become "articles".
# Markdown and reStructuredText are here too: the reader does not undo their markup, and in a
# folder they are a project's README or docs far more often than a saved article.
NOT_NEWS = {
    "code": ".py .pyi .js .mjs .ts .sh .bash .ps1 .bat .c .h .cpp .java .go .rs .rb .php .sql .css",
    "configuration": ".toml .ini .cfg .conf .yaml .yml .env .properties .lock",
    "data": ".json .jsonl .ndjson .csv .tsv",
    "documentation markup": ".md .markdown .rst .adoc .tex",
}
NOT_NEWS_SUFFIXES = {suffix: kind for kind, names in NOT_NEWS.items() for suffix in names.split()}
# Files a software project keeps beside its code, with no extension or as .txt ("LICENSE", "Makefile",
# "requirements.txt"): plain text, but never news
PROJECT_FILES = frozenset(
    """
    license licence copying notice authors contributors changelog changes readme todo
    install makefile dockerfile procfile gemfile rakefile vagrantfile jenkinsfile cmakelists requirements
    manifest codeowners pkg_info
    """.split()
)
# Folders of tools and packaging, never of news: an ``ingest .`` in a checkout must not read a
# package's metadata (a copy of its README) or a virtualenv's files as articles
TOOL_FOLDERS = frozenset(("__pycache__", "node_modules", "site-packages", "venv"))
TOOL_FOLDER_SUFFIXES = (".egg-info", ".dist-info")
MAX_FILE_BYTES = 50_000_000


@dataclass(frozen=True)
class Item:
    """One source to ingest: a file path or a URL (or a mistake already found while expanding)."""

    location: str
    is_url: bool = False
    error: str | None = None

    @property
    def label(self) -> str:
        """The location as it is shown and stored (see :func:`printable`); an address's secrets masked
        (the progress bar draws it on a terminal, a tmux or a CI log)."""
        shown = printable(self.location)
        return mask_urls(shown) if self.is_url or self.error else shown


def printable(name: str) -> str:
    """A file name as UTF-8 can hold it, to show and store: the bytes of another encoding in it (a Latin-1
    "café.txt", which Python keeps as lone surrogates to open the file by) become U+FFFD."""
    return without_surrogates(name)


def expand_sources(sources: Iterable[str]) -> list[Item]:
    """Files, folders (recursively: text, HTML and feed files, hidden ones skipped) and URLs."""
    items: list[Item] = []
    for source in sources:
        if not source.strip():  # Path("") is the current folder: an unset "$DIR" would read all of it
            reason = "an empty name (an unset variable?), not a file, folder or URL"
            items.append(Item(f'"{source}"', error=reason))
            continue
        path = Path(source).expanduser()
        try:
            scheme = urlsplit(source).scheme.lower()
        except ValueError as exc:  # "http://[x/a": a pasted typo must not stop the other sources
            items.append(Item(source, error=f"not a valid address ({exc})"))
            continue
        if scheme in ("http", "https") and (shown := without_credentials(source)) != source:
            # stored as the source's address, shown to admins and in logs: never a password
            reason = "an address with a user name or password is refused: it would be stored and shown"
            items.append(Item(shown, error=reason))
        elif scheme in ("http", "https"):
            items.append(Item(source, is_url=True))
        elif path.is_dir():
            walked = sorted(p for p in path.rglob("*") if not p.is_dir() and _wanted(p, path))
            # a link to nothing or a pipe among them is named, as on the command line, not left out unseen
            items += [Item(str(p)) if p.is_file() else Item(str(p), error=_not_a_file(p)) for p in walked]
            if not walked:
                items.append(Item(source, error="no text, HTML or feed files in this folder"))
        elif path.is_file():
            items.append(Item(str(path)))
        elif len(scheme) > 1:  # "C:" is a drive, "ftp:" a scheme
            items.append(Item(source, error=f"refused {scheme!r} URL: only http and https"))
        else:  # a pipe, a device ("/dev/zero"), a socket: no file to read to its end; or nothing there
            items.append(Item(source, error=_not_a_file(path)))
    return items


def _not_a_file(path: Path) -> str:
    """Why a name a folder holds is not read: a pipe, a device or a socket, or a link that leads nowhere."""
    return "not a regular file (a pipe, a device or a socket)" if path.exists() else _missing(path)


def _missing(path: Path) -> str:
    """Why a path that is neither a file nor a folder cannot be read: ``is_file`` and ``is_dir`` answer
    False for a loop of symbolic links, a link to nothing and a folder not to be entered alike, and
    "no such file" would send the user looking for a typo."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a loop of symbolic links (too many levels of symbolic links)"
        if exc.errno != errno.ENOENT:
            return f"cannot read ({exc.strerror or exc})"
        if path.is_symlink():
            return "a symbolic link to nothing (its target is missing)"
    return "no such file or folder"


def _wanted(path: Path, root: Path) -> bool:
    folders = path.relative_to(root).parts[:-1]
    if any(part.startswith(".") for part in path.relative_to(root).parts) or any(
        part.lower() in TOOL_FOLDERS or part.lower().endswith(TOOL_FOLDER_SUFFIXES) for part in folders
    ):
        return False
    return path.suffix.lower() in TEXT_SUFFIXES | PAGE_SUFFIXES | FEED_SUFFIXES and not _project_file(path)


def _project_file(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES and path.stem.lower().replace("-", "_") in PROJECT_FILES


def read_file(path: Path, *, name: str | None = None) -> list[ArticleDraft] | Feed:
    """The articles in a file (a text dump or a saved page), or the feed it holds. A file of code,
    configuration, data or documentation markup (by its extension) is refused. ``name``: the source the
    articles show when they name no outlet of their own (the file's name by default)."""
    name = name or printable(path.name)
    kind = NOT_NEWS_SUFFIXES.get(path.suffix.lower())
    if kind is not None:
        raise SourceError(f"not news: a {path.suffix} file holds {kind}")
    if _project_file(path):
        raise SourceError(f"not news: {printable(path.name)} is a software project's file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SourceError(f"too large: {size:,} bytes (limit {MAX_FILE_BYTES:,})")
    data = path.read_bytes()
    if not data.strip():
        raise EmptySourceError("the file is empty")
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES or looks_like_feed(data):
        return parse_feed(data)
    # read as `bot.py summarize` and `bot.py actors` read it (briefing.textfile)
    if is_page(path, data):
        return [parse_page(file_text(data, page=True), None, source=name)]
    drafts = split_dump(file_text(data), source=name)
    if not drafts:
        raise EmptySourceError("no articles found (only page furniture)")
    return drafts


def is_html(data: bytes) -> bool:
    """Whether fetched or read bytes are a web page, by how they start."""
    return looks_like_html(data)
