"""Composing briefings and article lists: data in, a ``Document`` out, ``now`` passed in.

Each story or article is one ``Section``, so a chat adapter can page the reply without cutting one.

    compose_brief(ranked_stories, now=now, topic=None)
    compose_articles(articles, now=now, title="Latest")
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from briefing.ages import age, article_age, dated_age
from briefing.document import (
    Block,
    Document,
    Section,
    Span,
    bold,
    clip,
    code,
    first_links,
    heading,
    italic,
    item,
    link,
    message,
    para,
)
from briefing.graphemes import head
from briefing.models import Article, Story
from briefing.openings import opening
from briefing.sentences import join_sentences

SHORT_SUMMARY = 2  # sentences of a story's summary shown in a briefing
# A story or an article is one part of a reply, and a part must fit in one message: a runaway headline or
# sentence (a page without paragraphs, say) is clipped to these many characters.
MAX_HEADLINE = 200
MAX_SUMMARY = 600
MAX_OUTLET = 60
MAX_OUTLETS = 6  # outlets named under a story, in /brief and in digests; the rest are counted
MAX_URL = 2048  # a link's address counts toward a message's length as Telegram HTML is sent
# Plain text shows a heading in capitals when it is shorter than 60 characters: a heading that echoes the
# user's words is kept below that, so a long topic's heading looks like a short one's.
HEADING = 59


_QUOTES = str.maketrans("", "", '"“”„«»')


def shorten(text: str, limit: int = 60) -> str:
    """A user's words, cut to fit a heading, without the quote marks they may have typed: the reply puts
    its own around them (“...”), and a stray one (``/search "Kim``) would show as “"Kim”."""
    text = " ".join(text.translate(_QUOTES).split())
    return text if len(text) <= limit else head(text, limit - 1).rstrip() + "…"


def titled(before: str, words: str, after: str = "") -> str:
    """A heading that quotes the user's words (“...”), shortened to fit in ``HEADING`` characters."""
    return f"{before}“{shorten(words, HEADING - len(before) - len(after) - 2)}”{after}"


def _fit(url: str | None) -> str | None:
    """The link, unless it is too long to sit in a message beside the story (the text stays, unlinked)."""
    return url if url and len(url) <= MAX_URL else None


def _outlets(story: Story) -> Block:
    """How many outlets carried the story and the first ``MAX_OUTLETS`` of them, linked."""
    n = len(story.sources)
    label = "1 outlet: " if n == 1 else f"{n} outlets: "
    links = story.links or [""] * n
    named = [(clip(s, MAX_OUTLET), _fit(u)) for s, u in zip(story.sources, links, strict=False)]
    return para(label, *first_links(named, MAX_OUTLETS))


def story_section(story: Story, now: datetime, *, sentences: int = SHORT_SUMMARY) -> Section:
    """One story: headline (linked to the article it is the title of, as in digests), a short summary,
    its outlets with links, how fresh it is."""
    blocks = [para(Span(clip(story.headline, MAX_HEADLINE), bold=True, url=_fit(story.headline_url)))]
    if story.summary:
        blocks.append(para(clip(join_sentences(story.summary[:sentences]), MAX_SUMMARY)))
    blocks.append(_outlets(story))
    blocks.append(para(*_freshness(story, now)))
    # the articles the outlets line does not link (an outlet's older reports), for the Sources page
    blocks.extend(
        Block((link(f"{clip(source, MAX_OUTLET)}: {clip(title, MAX_HEADLINE)}", url),), "source")
        for source, title, url in story.more_links
        if _fit(url)
    )
    return Section(tuple(blocks))


def _freshness(story: Story, now: datetime) -> tuple[Span, ...]:
    """ "3 articles, updated 3 h ago", told as its newest article's moment is known (:func:`dated_age`):
    "updated today" when only its day is sure; "added 3 h ago" ("last added" of several) when its outlet
    gave no date and it is dated by the moment the archive read it."""
    articles = len(story.article_ids)
    size = f"{articles} articles" if articles > 1 else "1 article"
    told = dated_age(story.last_updated, story.newest_dating, now, italic=True)
    if story.newest_dating == "ingest":  # "added 3 h ago" tells it: of several, the newest was
        return (italic(f"{size}, last " if articles > 1 else f"{size}, "), *told)
    return (italic(f"{size}, updated "), *told)


def compose_brief(
    stories: Sequence[Story],
    *,
    now: datetime,
    topic: str | None = None,
    as_of: datetime | None = None,
    as_of_added: bool = False,
    actor: str | None = None,
    asked: str | None = None,
) -> Document:
    """A briefing: the stories (already ranked) as sections, under a heading that says what it is.

    ``as_of`` is the time of the archive's latest news when that is well before ``now``; ``as_of_added``
    that no outlet dated it, so it is only when the archive read it. ``actor`` is
    the actor the stories are about (named in the heading as the archive names it), and ``asked`` what
    the user typed when it only came close to that name.
    """
    if not stories:
        return no_stories(actor or topic)
    title = (
        f"Stories about {clip(actor, HEADING - 14)}"
        if actor
        else titled("Stories about ", topic)
        if topic
        else "Top stories"
    )
    header: list[Block] = [heading(title)]
    if asked:
        header.insert(0, para(italic(f"Closest match for “{shorten(asked)}”.")))
    if as_of is not None and (now - as_of).total_seconds() > 86400:
        newest = age(as_of, now, italic=True)
        if as_of_added:  # an undated entry's date is when it was read, not when it happened
            told = (
                italic("The newest news in the archive was added "),
                newest,
                italic("; its outlets gave no dates."),
            )
            header.append(para(*told))
        else:
            header.append(para(italic("The newest news in the archive is from "), newest, italic(".")))
    return Document(header=tuple(header), sections=tuple(story_section(s, now) for s in stories))


def no_stories(topic: str | None) -> Document:
    if topic:
        return message(
            para(f"No story matches “{shorten(topic)}”."),
            para(
                "Try fewer or other words, a name such as ",
                code("/brief Kellogg"),
                ", or ",
                code("/search"),
                ".",
            ),
        )
    return message(
        para("There are no stories in the archive yet."),
        para("Add news with ", code("python bot.py ingest FILE-OR-URL"), ", then ask again."),
    )


def article_section(article: Article, now: datetime) -> Section:
    """One article in a list: its title (linked), outlet and date, and the first summary sentence."""
    title = clip(article.title, MAX_HEADLINE)
    blocks = [para(link(title, article.url) if article.url else bold(title))]
    blocks.append(
        para(italic(f"{clip(article.source, MAX_OUTLET)} · "), *article_age(article, now, italic=True))
    )
    told = article.summary or opening(article.body, title=article.title)  # a summary found no sentence
    if told:
        blocks.append(item(clip(told[0], MAX_SUMMARY)))
    return Section(tuple(blocks))


def compose_articles(
    articles: Sequence[Article], *, now: datetime, title: str, matching: int | None = None
) -> Document:
    """A list of articles under a heading; ``matching``: how many match in all, when more than shown."""
    header: tuple[Block, ...] = (heading(title),)
    if matching is not None and matching > len(articles):
        many = f"over {matching - 1:,}" if matching > MATCHES_COUNTED else f"{matching:,}"
        header += (para(italic(f"The newest {len(articles)} of {many}; add words to narrow it down.")),)
    return Document(header=header, sections=tuple(article_section(a, now) for a in articles))


MATCHES_COUNTED = 1000  # a search counts its matches up to this many ("over 1,000")


def no_articles() -> Document:
    return message(
        para("The archive is empty."),
        para("Add news with ", code("python bot.py ingest FILE-OR-URL"), ", then ask again."),
    )


def no_matches(words: str) -> Document:
    return message(
        para(f"Nothing in the archive matches “{shorten(words)}”."),
        para("Every word must appear; try fewer or other words."),
    )


def needs_words(command: str, example: str, *, alone: str | None = None) -> Document:
    """The reply to a query with no word in it ("*", ":"), with an example of the command that was sent;
    ``alone``: what the command does without words, for one that takes them only as an option."""
    tail = ("; or send ", code(f"/{command}"), f" alone for {alone}.") if alone else (".",)
    return message(
        para("Tell me what to look for, in words: for example ", code(f"/{command} {example}"), *tail),
    )


def only_operators(words: str, example: str) -> Document:
    """The reply to words that are only search operators ("AND OR (", "NEAR("): there is nothing to look
    for, and the operators do nothing here; ``example`` is a sending of the same command that works."""
    return message(
        para(f"“{shorten(words.strip())}” has no words to look for: AND, OR, NOT, NEAR and brackets are no"
             " search syntax here. Add a name or a topic, e.g. ", code(example), "."),
    )  # fmt: skip


# a search engine's field filter before a word: "title:Kimball", "site:bbc.com", 'title:"x"', "x:y:z";
# a name in lower case or capitalised, glued to the word, so that a time ("10:30"), an address
# ("https://") and a Nordic case ending after capitals ("EU:n", "USA:ssa") are words as written
_FIELD = re.compile(r"(?<!\S)(?:[A-Za-z][a-z]*:)+(?=[\"“'«]?[^\W_])")


def without_fields(words: str) -> tuple[str, tuple[str, ...]]:
    """The words without a search engine's field filters, and the filters dropped ("title:Kimball" ->
    "Kimball", ("title:",)): the index has no such fields, and searching for the field's name too
    ("title") would find nothing, with no word on why."""
    fields = tuple(dict.fromkeys(m.group() for m in _FIELD.finditer(words)))
    return (_FIELD.sub("", words), fields) if fields else (words, ())
