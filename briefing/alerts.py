"""Alerts: a short message to a chat when a new story about something it follows arrives. Pure.

An alert shows why it came: when neither its headline nor its sentence names what the chat follows (an
article about energy prices that mentions Keith Kellogg in passing), the sentence that does stands in for
the lead sentence, so "New about Keith Kellogg" is never followed by words without him.

At most one alert tells a story first per chat (the store keys them so); after it, each development of
the story (a new article that brings a fact the chat was not told, by the alert or a digest) comes as an
update alert (:func:`compose_update_alert`): the new facts first, their sources, and the story they
belong to. In the chat's quiet hours (22:00–07:00
local by default; a chat that follows without subscribing uses the bot's default timezone) an alert
waits until the quiet hours end; if the chat's digest carries the story first, the alert is folded
into the digest and never sent on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from briefing.digest import UPDATE_SENTENCES, Arrival, holds_words
from briefing.document import Block, Document, Section, Span, clip, heading, link, para, plural
from briefing.letters import fold_letters
from briefing.models import Article, Story
from briefing.schedule import quiet_until
from briefing.titles import title_key
from briefing.topics import mentions_topic, read_topic

MAX_HEADLINE = 200
MAX_SENTENCE = 300
_WORD = re.compile(r"[^\W_]+")
LONGEST_NAME = 6  # words: an actor's name in a headline is looked up among its runs of this many at most


def name_words(text: str) -> tuple[str, ...]:
    """A text's words as written, letters folded ("Nepal's" holds "Nepal")."""
    return tuple(_WORD.findall(fold_letters(text)))


def _capitals_kept(name: Sequence[str], words: Sequence[str]) -> bool:
    """Whether a headline's words write each capitalised word of a name with a capital too: "may" in
    "Shares may fall" is not the May of a name."""
    return all(w[:1].isupper() for n, w in zip(name, words, strict=True) if n[:1].isupper())


def named_in_headlines(titles: Mapping[int, str], names: Iterable[str]) -> dict[str, set[int]]:
    """Which of ``names`` each headline (article id → title) names, as whole words, case aside but for
    the capitals of the name: name → article ids. A followed actor named in an article's headline is
    what the article is about, even where the extractor found no mention of it in the body ("Nepal
    holds mass funeral ..." over a body naming the "Nepal Army"). A name of more than
    :data:`LONGEST_NAME` words is never looked for.

    The names are indexed, not the headlines: each headline's words are read once, and only a word
    that begins a name is compared further (indexing every run of words of a day's 100,000 headlines
    to look up a few names took a minute and a gigabyte)."""
    wanted: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}
    for name in names:
        words = name_words(name)
        if 0 < len(words) <= LONGEST_NAME:
            wanted.setdefault(tuple(w.casefold() for w in words), []).append((name, words))
    if not wanted:
        return {}
    firsts = {key[0] for key in wanted}
    lengths = sorted({len(key) for key in wanted})
    found: dict[str, set[int]] = {}
    for article_id, title in titles.items():
        words = name_words(title)
        folded = [w.casefold() for w in words]
        for i, first in enumerate(folded):
            if first not in firsts:
                continue
            for n in lengths:
                if i + n > len(words):
                    break
                for name, spelled in wanted.get(tuple(folded[i : i + n]), ()):
                    if _capitals_kept(spelled, words[i : i + n]):
                        found.setdefault(name, set()).add(article_id)
    return found


@dataclass(frozen=True)
class Why:
    """What a follow matched in the alert's article: the names it goes by there (an actor's names as
    written, or the topic's words), whether it is a topic, and the first sentence that holds it."""

    names: tuple[str, ...]
    sentence: str | None
    topic: bool = False


def _names(text: str, why: Why) -> bool:
    """Whether ``text`` names what ``why`` is about."""
    if why.topic:
        return any(mentions_topic(text, read_topic(name)) for name in why.names)
    return any(holds_words(text, n) for n in why.names if n.strip())


def _telling(shown: str, lead: str | None, whys: Sequence[Why]) -> str | None:
    """The sentence the alert shows: the lead, unless neither it nor the headline names what was followed
    and the article has a sentence that does."""
    if any(_names(f"{shown}\n{lead or ''}", why) for why in whys):
        return lead
    return next((why.sentence for why in whys if why.sentence), lead)


def alert_due_at(now: datetime, tz: ZoneInfo, *, quiet_start: time, quiet_end: time) -> datetime:
    """When an alert queued ``now`` may go out: now, or when the chat's quiet hours end."""
    return quiet_until(now, tz, start=quiet_start, end=quiet_end) or now


def _leads(story: Story, newest: Article | None) -> bool:
    """Whether the alert leads with ``newest``, the article that made it: whenever it is one of the
    story's and has a title (the story's headline may be another article's: a later retelling's)."""
    return newest is not None and newest.id in story.article_ids and bool(newest.title.strip())


def _grew(story: Story, newest: Article | None) -> bool:
    """Whether the story was told before the article that made the alert: then the alert says which
    story it joined (not when ``newest`` broke the story, nor when it bears the story's headline)."""
    return (
        _leads(story, newest)
        and newest is not None
        and any(i < newest.id for i in story.article_ids)
        and " ".join(newest.title.split()) != " ".join(story.headline.split())
    )


def _report(story: Story, newest: Article | None) -> tuple[str, str | None]:
    """The title and link of the report a first alert tells: ``newest`` when it leads (:func:`_leads`),
    else the story's headline."""
    if _leads(story, newest) and newest is not None:
        return newest.title, newest.url
    return story.headline, story.headline_url


def told_sentence(story: Story, newest: Article | None = None, whys: Sequence[Why] = ()) -> str | None:
    """The one sentence the alert tells (see :func:`compose_alert`), for the digest to know it was told."""
    if _leads(story, newest) and newest is not None:
        shown, lead = newest.title, newest.summary or story.summary
    else:
        shown, lead = story.headline, story.summary
    first = lead[0] if lead else None
    return _telling(shown, first, whys) if whys else first


def _same_title(a: str, b: str) -> bool:
    return title_key(a) == title_key(b)


def _news_then_report(
    since: Story, story: Story, newest: Article | None, sentence: str | None
) -> list[Block]:
    """A held first alert's body when later articles brought news (``since``): the news first, as an
    update tells it (its article's title, linked, unless that is the first report's; its facts, best
    first), then "In the story:" with the report that broke the story, linked, and its ``sentence``.
    When ``newest`` joined a story told before it (:func:`_grew`: a reaction piece that brought it back),
    that piece is not the story: its title and ``sentence`` come after the news, then "In the story:"
    with the story's headline as /brief shows it, which a later update alert names it by too
    (``known_headline``), not two names for one story (QA20c F4)."""
    facts = [clip(x, MAX_SENTENCE) for x in since.summary[:UPDATE_SENTENCES]]
    report_title, report_url = _report(story, newest)
    if _same_title(since.headline, report_title) and facts:
        blocks = [para(Span(facts[0], bold=True))]
        facts = facts[1:]
    else:
        blocks = [para(Span(clip(since.headline, MAX_HEADLINE), bold=True, url=since.headline_url))]
    if facts:
        blocks.append(para(" ".join(facts)))
    if _grew(story, newest):
        blocks.append(para(link(clip(report_title, MAX_HEADLINE), report_url)))
        if sentence:
            blocks.append(para(clip(sentence, MAX_SENTENCE)))
        outlets = plural(len(dict.fromkeys(story.sources)), "source")
        headline = link(clip(story.headline, MAX_HEADLINE), story.headline_url)
        blocks.append(para("In the story: ", headline, f" ({outlets})"))
        return blocks
    blocks.append(para("In the story: ", link(clip(report_title, MAX_HEADLINE), report_url)))
    if sentence:
        blocks.append(para(clip(sentence, MAX_SENTENCE)))
    return blocks


def compose_alert(
    story: Story,
    reasons: Sequence[str],
    newest: Article | None = None,
    whys: Sequence[Why] = (),
    since: Story | None = None,
) -> Document:
    """ "New about Keith Kellogg", the article that made it (``newest``: its title, linked, and first
    summary sentence; without it the story's headline and summary), and the sources. For a story told
    before that article (it brought the story back), then the story it joined. ``whys``: what the follows
    matched in ``newest`` (see :func:`_telling`). ``since``: what later articles of the story told beyond
    ``newest`` while the alert waited (the quiet hours), which then leads, the report that broke the
    story after it (see :func:`_news_then_report`): neither is left untold."""
    title = ", ".join(dict.fromkeys(reasons)) or "what you follow"
    sentence = told_sentence(story, newest, whys)
    if since is not None:
        blocks = _news_then_report(since, story, newest, sentence)
    else:
        shown, url = _report(story, newest)
        blocks = [para(Span(clip(shown, MAX_HEADLINE), bold=True, url=url))]
        if sentence:
            blocks.append(para(clip(sentence, MAX_SENTENCE)))
        if _grew(story, newest):
            outlets = len(dict.fromkeys(story.sources))
            blocks.append(
                para(f"In the story: {clip(story.headline, MAX_HEADLINE)} ({plural(outlets, 'source')})")
            )
    if story.sources:
        names = list(dict.fromkeys(story.sources))[:5]
        links = dict(zip(story.sources, story.links, strict=False))
        spans: list[Span | str] = ["Sources: "]
        for i, name in enumerate(names):
            spans += [", "] if i else []
            spans.append(link(clip(name, 60), links.get(name)))
        blocks.append(para(*spans))
    return Document(
        header=(heading(f"New about {clip(title, 120)}"),),
        sections=(Section(tuple(blocks)),),
        footer=(para("/unfollow to stop these alerts"),),
    )


def alert_told(
    story: Story, newest: Article | None = None, whys: Sequence[Why] = (), since: Story | None = None
) -> tuple[str, ...]:
    """The sentences a first alert tells (see :func:`compose_alert`), for the digest to know them: the
    first report's, and the news after it that a held alert led with."""
    sentence = told_sentence(story, newest, whys)
    return (*(update_told(since) if since else ()), *((sentence,) if sentence else ()))


def known_headline(story: Story, update: Story, arrivals: Sequence[Arrival]) -> tuple[str, str | None]:
    """The story as the chat knows it, title and link: its headline where an article the chat had (one
    not in ``update``) bears it, else the title of the first article the chat had (the story's first
    report, which its first alert led with). The headline may have moved to a new article's title,
    which names the news, not the story the chat heard of."""
    new = set(update.article_ids)
    had = [a for a in arrivals if a.article_id not in new and a.title.strip()]
    headline = title_key(story.headline)
    bearing = [a for a in had if title_key(a.title) == headline]
    if bearing or not had:
        return story.headline, story.headline_url
    first = min(had, key=lambda a: (a.arrived, a.article_id))
    return " ".join(first.title.split()), first.url


def followed_lead(update: Story, arrivals: Sequence[Arrival]) -> str | None:
    """The lead an update's first new fact follows, when no fact it tells is an article's first sentence:
    the leads were judged told (other outlets' said the same), and what is left ("Campinas airport
    officials apologised.") means little without the lead it follows. None when a fact is a lead, or the
    first is no sentence of the update's own articles."""
    facts = [" ".join(x.split()) for x in update.summary[:UPDATE_SENTENCES]]
    ids = set(update.article_ids)
    new = [a for a in arrivals if a.article_id in ids and a.sentences]
    if not facts or any(" ".join(a.sentences[0].split()) in facts for a in new):
        return None
    for arrival in new:
        if facts[0] in (" ".join(x.split()) for x in arrival.sentences[1:]):
            return arrival.sentences[0]
    return None


def compose_update_alert(
    update: Story,
    story: Story,
    reasons: Sequence[str],
    known: tuple[str, str | None] | None = None,
    lead: str | None = None,
) -> Document:
    """ "Update on Rotterdam dock strike": what is new about a story the chat heard of, the news first:
    the facts of ``update`` (see ``briefing.digest.story_update``: only those the chat was not told, best
    first), the new article's title (linked) where it is not the story's as the chat knows it, the
    outlets that told them (each linked to its article), then the story they belong to: ``known``
    (title and link: see :func:`known_headline`), by default ``story``'s headline. ``lead``: the lead the
    one new fact follows (:func:`followed_lead`), told before it so that the fact is not alone."""
    title = ", ".join(dict.fromkeys(reasons)) or "what you follow"
    known_title, known_url = known or (story.headline, story.headline_url)
    facts = [clip(x, MAX_SENTENCE) for x in update.summary[:UPDATE_SENTENCES]]
    if lead and facts:
        facts = [clip(lead, MAX_SENTENCE), *facts]
    blocks = [para(Span(facts[0], bold=True))] if facts else []
    if facts[1:]:
        blocks.append(para(" ".join(facts[1:])))
    if " ".join(update.headline.split()) != " ".join(known_title.split()):  # the news's own title
        blocks.append(para(link(clip(update.headline, MAX_HEADLINE), update.headline_url)))
    if update.sources:
        links = dict(zip(update.sources, update.links, strict=False))
        spans: list[Span | str] = ["Source: " if len(update.sources) == 1 else "Sources: "]
        for i, name in enumerate(list(dict.fromkeys(update.sources))[:5]):
            spans += [", "] if i else []
            spans.append(link(clip(name, 60), links.get(name)))
        blocks.append(para(*spans))
    blocks.append(para("In the story: ", link(clip(known_title, MAX_HEADLINE), known_url)))
    return Document(
        header=(heading(f"Update on {clip(title, 120)}"),),
        sections=(Section(tuple(blocks)),),
        footer=(para("/unfollow to stop these alerts"),),
    )


def update_told(update: Story) -> tuple[str, ...]:
    """The facts an update alert tells (see :func:`compose_update_alert`), for the digest to know them."""
    return tuple(update.summary[:UPDATE_SENTENCES])
