"""Composing a chat's daily digest, and cutting it into the messages that will be delivered.

Pure. The digest holds what is new since the chat's last digest: the top stories (ranked as /brief
ranks them, :func:`briefing.ranking.rank_stories`), first those about the actors and topics the chat
follows, each once with its summary and sources, and nothing the chat already received. A story the chat
received comes back only as an update: when articles reached it after the chat was told about it and
they bring facts the chat was not told (:func:`story_update`), with those facts and their sources only.
A quiet day is one line, not a repeat of yesterday.

    update = story_update(story, arrivals, Received(composed_at, sentences=told, held=ids))  # None: no news
    selection = select_stories(candidates, matches={7: ("Keith Kellogg",)}, delivered={3},
                               since=last_digest_at, length=5, now=now, updates={3: update})
    digest = compose_digest(selection, digest_date=date(2025, 1, 23), tz=ZoneInfo("Europe/Kyiv"))
    parts = digest_parts(digest)  # [DigestPart(html, plain, story_ids, facts), ...], one message each
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from briefing.briefs import MAX_OUTLET, MAX_OUTLETS
from briefing.document import (
    Block,
    Document,
    Section,
    Span,
    clip,
    first_links,
    heading,
    italic,
    message,
    para,
)
from briefing.facts import fact_terms, fact_weights, is_near_duplicate, revises
from briefing.graphemes import head
from briefing.models import Story, follow_key
from briefing.ranking import rank_stories
from briefing.render import TELEGRAM_LIMIT, html_messages, plain_messages
from briefing.sentences import join_sentences
from briefing.stories import story_summary, told_in_story
from briefing.titles import title_key
from briefing.versions import is_superseded

MAX_HEADLINE = 200
MAX_SENTENCE = 400
MAX_BECAUSE = 3  # followed names said under a story ("You follow A, B, C and 4 more")
SUMMARY_SENTENCES = 2
UPDATE_SENTENCES = 4  # an update tells one new fact per article that brings one, at least two, at most this
FIRST_DIGEST_HOURS = 24  # what a chat's first digest covers: no digest before it to be new since
UPDATE = "Update: "
# An ingest stamps an article's arrival before it commits it with its story (up to about a second later,
# ``batches.TRANSACTION_SECONDS``): one stamped this long before a digest was composed may not have been
# in it. Of those, the ones the digest held are recorded with it (``Received.held``); the rest are news.
ARRIVAL_SLACK = timedelta(seconds=5)
# In an update, a word of the titles the reader knew the story by (its subject: "dock workers", "strike",
# "Rotterdam") weighs this share of what its rarity gives it, in telling facts apart (_update_weights).
SUBJECT_WEIGHT = 0.25

StoryFacts = tuple[tuple[int, tuple[str, ...]], ...]  # (story id, the sentences a message tells of it)


@dataclass(frozen=True)
class Received:
    """What a chat received of a story: ``at`` the moment the digest that told it was composed (the
    articles that reached the archive later are news to the chat; None: unknown, so none is), the
    ``sentences`` it was told (the summary sentences of every digest that carried the story; a record
    from before they were kept apart may hold a headline too), and ``held``: the articles those digests
    held of the ones that reached the archive in the :data:`ARRIVAL_SLACK` before they were composed
    (the moment alone cannot tell those from articles stored just after)."""

    at: datetime | None
    sentences: tuple[str, ...] = ()
    held: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Arrival:
    """One of a story's articles as an update sees it: its outlet and link, when it reached the archive,
    and its lead sentences (its summary)."""

    article_id: int
    source: str
    url: str | None
    arrived: datetime
    sentences: tuple[str, ...]
    published: datetime | None = None  # its date (the outlet's, else its arrival's); None: unknown
    title: str = ""
    # the newest version of a page stored in several (``briefing.versions``): each sentence of its text,
    # in order, with the version (article id) that first said it
    said: tuple[tuple[str, int], ...] = ()

    def telling(self) -> tuple[str, ...]:
        """The sentences it tells: its lead's, and for a page's newest version the rest of its text."""
        return (*self.sentences, *(x for x, _ in self.said))

    def order(self, news: bool) -> tuple[bool, datetime, datetime, int]:
        """Its place among a story's articles as an update tells them: those the chat knows before the
        news (``news``: it is), then by date, arrival and id, so one ingest batch's articles are
        ordered too (the newer of two tolls that arrived together wins)."""
        return (news, self.published or self.arrived, self.arrived, self.article_id)


@dataclass(frozen=True)
class Selection:
    """The stories chosen for one digest, in order, with the follows each one matches; ``updates`` are
    the ids of those the chat received before, here with only what is new about them."""

    stories: tuple[Story, ...]
    because: tuple[tuple[str, ...], ...]
    since: datetime | None
    updates: frozenset[int] = frozenset()
    available: int = 0  # how many stories (new ones and updates) there were to choose from
    available_updates: int = 0  # how many of those were updates
    # an update headed by its news's title: story id → the story's headline, told after it
    retitled: tuple[tuple[int, str], ...] = ()
    # the chosen stories not new since ``since`` that a message of an earlier digest held and never
    # delivered (given up): owed to the chat, and said so
    carried: frozenset[int] = frozenset()

    @property
    def quiet(self) -> bool:
        return not self.stories


@dataclass(frozen=True)
class Intro:
    """What a digest says of the time it covers, beyond its selection: the reader knows when digests came
    and which alerts came, so the intro names those, not the store's cut-offs.

    ``last_composed``: when the chat's last digest was composed, the end of the time it covered and the
    start of this one's (a digest sent late held nothing newer, so its send time is not named), else
    ``Selection.since`` is named. ``window_hours``: set when the story window cut the time since that
    digest (a long pause): the digest then holds only the window's stories, and says so. ``alerts``: the
    alerts sent to the chat over the time the digest covers, whose stories it leaves out (a quiet digest
    names them, or "nothing new" reads as a quiet day). ``messages``: when the digest takes several, the
    intro says how many, so "the top 10 stories" promises no more than the first message holds when a
    later one never comes (its stories then come in the next digest)."""

    last_composed: datetime | None = None
    window_hours: int = 0
    alerts: int = 0
    messages: int = 1  # how many messages the digest takes: more than one is said (see digest_messages)


@dataclass(frozen=True)
class Digest:
    """A composed digest: the document, and the story each of its sections is about."""

    document: Document
    section_story_ids: tuple[int | None, ...]
    quiet: bool
    section_facts: tuple[tuple[str, ...], ...] = ()  # the facts (summary sentences) each section tells

    @property
    def story_ids(self) -> tuple[int, ...]:
        return tuple(i for i in self.section_story_ids if i is not None)


@dataclass(frozen=True)
class DigestPart:
    """One message of a digest: its HTML, its plain-text twin, and the stories it carries."""

    html: str
    plain: str
    story_ids: tuple[int, ...]
    facts: StoryFacts = ()


def is_new(story: Story, since: datetime, arrived: Mapping[int, datetime]) -> bool:
    """Whether a story has news after ``since``: dated after it, or reached the archive after it
    (``arrived``: story id → when its newest article was ingested)."""
    return story.last_updated > since or arrived.get(story.id, story.last_updated) > since


def is_news(arrival: Arrival, received: Received) -> bool:
    """Whether one of a received story's articles is news to the chat: no digest that told the story
    held it, and it reached the archive after that digest was composed (or in the :data:`ARRIVAL_SLACK`
    before, still being stored)."""
    if received.at is None:
        return False
    return arrival.article_id not in received.held and arrival.arrived > received.at - ARRIVAL_SLACK


def story_update(
    story: Story, arrivals: Sequence[Arrival], received: Received, *, sentences: int = UPDATE_SENTENCES
) -> Story | None:
    """What is new about a story the chat received: the story told by its articles that are news to the
    chat (:func:`is_news`) alone, without the facts the chat was told or the story's earlier articles held
    (those are no development, even where the digest left them out), and with only their sources.

    A new sentence is such a fact when it :func:`~briefing.facts.restates` one of them: most of its own
    terms, weighed by how rare they are among the story's sentences, and every figure of it are in that
    one. So a new toll, or a court ruling worded with the story's names, is news; two outlets
    wording one fact are not. A figure a later article revised (:func:`~briefing.facts.revises`: the
    toll of 12, then 41) is no news, whoever repeats it. A headline alone never makes a sentence told:
    it names the story, and stays linked to the article it is the title of (``story.headline_url``). The
    update tells the new facts best first (:func:`developments`: each new article's development, at least
    :data:`SUMMARY_SENTENCES` and at most ``sentences``); None when no article came since or none brings
    a fact."""
    news = {a.article_id for a in arrivals if is_news(a, received)}
    versions = {a.article_id: a for a in arrivals}
    # a page's old version is no teller (its news that still stands is in the newest text, the rest was
    # replaced); the newest tells what it says that the versions the chat knew did not, each version's
    # news as of that version, so a figure a later version revised is no news
    paged = [x for a in arrivals if a.article_id in news and a.said for x in page_changes(a, versions, news)]
    current = [a for a in arrivals if a.article_id in news and not a.said and not is_superseded(a.url)]
    new = sorted([*current, *paged], key=lambda a: a.order(True), reverse=True)
    at = received.at
    if not new or at is None:  # (no article is news without a moment told)
        return None
    old = [a for a in arrivals if a.article_id not in news]
    headline = " ".join(story.headline.split())
    told = [x for x in received.sentences if x != headline]
    known = [*told, *(x for a in old for x in a.sentences)]
    leads = [a.sentences for a in (*new, *old)]
    weights = _update_weights([*known, *(x for a in new for x in a.sentences)], [a.title for a in old])
    # ranked within the whole story (what the chat knows included), so the new sentence that carries the
    # story on is central, not the side detail of one article: the known are never chosen
    facts = story_summary(
        [*leads, told],
        sentences=sum(len(a.sentences) for a in new),  # every new fact: developments() chooses
        weights=weights,
        known=known,
        # what the chat was told is no newer than the last article it knew of
        dates=[*(a.order(True) for a in new), *(a.order(False) for a in old), (False, at, at, 0)],
        named=False,  # matched to their articles below, then told apart from them
    )
    facts = with_untold_figures(facts, [a.sentences for a in paged], known)
    pages = frozenset(n for n, a in enumerate(new) if a in paged)
    facts = developments(facts, [a.sentences for a in new], weights=weights, most=sentences, whole=pages)
    if not facts:
        return None
    said = set(facts)  # the summary's sentences come with their spaces evened out
    telling = [a for a in new if said.intersection(" ".join(x.split()) for x in a.sentences)]
    outlets = {a.source: a.url or "" for a in reversed(telling)}  # each outlet's newest telling article
    order = list(dict.fromkeys(a.source for a in telling))
    # the headline keeps the link of the article it is the title of (another outlet's link under it
    # would name one article and open another); the new articles are linked by their outlets below
    # the article whose fact is the update's best leads it: its title and its facts first
    lead = next((a for a in telling if facts[0] in {" ".join(x.split()) for x in a.sentences}), None)
    if lead is not None and lead in paged:  # a page's newest news first, then what it said before
        lead = next(a for a in telling if a in paged and a.url == lead.url)
    ordered = [*([lead] if lead else []), *(a for a in telling if a is not lead)]
    updated = replace(
        story,
        article_ids=tuple(a.article_id for a in new),
        summary=told_in_story(news_first(facts, ordered), leads),
        sources=tuple(order),
        links=tuple(outlets[o] for o in order),
    )
    if lead is None or not _retitled(story, telling, lead):
        return updated
    # the news's own title heads the update, not yesterday's headline (what the reader knows already)
    return replace(updated, headline=" ".join(lead.title.split()), headline_url=lead.url)


def page_changes(newest: Arrival, versions: Mapping[int, Arrival], news: AbstractSet[int]) -> list[Arrival]:
    """What the newest version of a page (one with :attr:`Arrival.said`) tells the chat: the sentences
    first said by each of its versions that is news to the chat (``news``), as that version's
    (``versions``: article id → arrival, for its date), the newest one's link and title kept. Its lead
    sentences come first, so its news comes before its side details; the sentences of a version the chat
    knew are not news, told or not."""
    said = dict(newest.said)
    lead = [" ".join(x.split()) for x in newest.sentences]
    groups: dict[int, list[str]] = {}
    for x in dict.fromkeys([*lead, *said]):
        groups.setdefault(said.get(x, newest.article_id), []).append(x)
    later: list[str] = []
    for version in sorted(groups, key=lambda v: versions.get(v, newest).order(True), reverse=True):
        # a count a later version of the page tells with another figure is past, whichever of the two
        # names more counts ("The death toll has risen to 19" under "31 people have died and 3,000 ...")
        mine = [x for x in groups[version] if not any(revises(y, x) or revises(x, y) for y in later)]
        later += mine
        groups[version] = mine
    return [
        replace(
            newest,
            article_id=version,
            arrived=(at := versions.get(version, newest)).arrived,
            published=at.published,
            sentences=tuple(sentences),
            said=(),
        )
        for version, sentences in groups.items()
        if version in news and sentences
    ]


def with_untold_figures(
    facts: Sequence[str], changes: Sequence[Sequence[str]], known: Sequence[str]
) -> tuple[str, ...]:
    """``facts``, then each sentence of a page's ``changes`` (see :func:`page_changes`) with a figure
    neither they nor what the reader ``known`` tell, and that no fact revises: "By the afternoon the death
    toll had risen to 27, with 140 people injured and 3,000 displaced" beside the lead's new toll of 27
    is the page's news of the injured and displaced, not a second telling of that toll."""
    told = {t for x in (*facts, *known) for t in fact_terms(x) if t.startswith("#")}
    out = list(facts)
    for sentences in changes:
        for x in sentences:
            figures = {t for t in fact_terms(x) if t.startswith("#")} - told
            if figures and x not in out and not any(revises(f, x) for f in out):
                out.append(x)
                told |= figures
    return tuple(out)


def _update_weights(sentences: Sequence[str], titles: Sequence[str]) -> dict[str, float]:
    """The :func:`~briefing.facts.fact_weights` of a story's sentences, those of its subject cut to
    :data:`SUBJECT_WEIGHT`: the words (not figures) of the ``titles`` of the articles the reader knew
    the story by, those before the news. Every development of the story names its subject, so those
    words tell little which fact a sentence states; in a story of a few sentences they are rare enough
    to weigh much, and "the port reopened after dock workers ended their strike at midnight" would seem
    to restate "a court ordered striking dock workers back to work by midnight" (and be dropped as
    told, or drop it): their own words, "reopened", "ended", "court", "ordered", tell them apart. The
    titles of the new articles name the news itself ("Shmyhal orders audit of drone contracts"): their
    words keep their weight."""
    weights = fact_weights(sentences)
    subject = frozenset().union(*(fact_terms(t) for t in titles if t))
    for term in subject:
        if term in weights and not term.startswith("#"):
            weights[term] *= SUBJECT_WEIGHT
    return weights


def _retitled(story: Story, telling: Sequence[Arrival], lead: Arrival) -> bool:
    """Whether an update is headed by its lead article's title: the story's headline is not the title of
    a new article whose facts the update tells (that one's would tell the news already; a new article
    whose facts another outlet's sentences told instead, "Mozambique revises toll down to 38" over the
    Meridian's "lowered the toll ... to 38", would head sentences and Sources of another outlet), and the
    lead has another title."""
    headline = title_key(story.headline)
    if any(story.headline_url and a.url == story.headline_url for a in telling):
        return False
    if any(title_key(a.title) == headline for a in telling):
        return False
    return bool(lead.title.strip()) and title_key(lead.title) != headline


def news_first(facts: Sequence[str], telling: Sequence[Arrival]) -> tuple[str, ...]:
    """An update's facts in the order the news tells them: the first telling article's (as its lead has
    them, so its news comes before its side details), then the next article's."""

    def place(fact: str) -> tuple[int, int]:
        for n, article in enumerate(telling):
            own = [" ".join(x.split()) for x in article.sentences]
            if fact in own:
                return n, own.index(fact)
        return len(telling), 0

    return tuple(sorted(facts, key=place))


def developments(
    facts: Sequence[str],
    leads: Sequence[Sequence[str]],
    *,
    weights: Mapping[str, float] | None = None,
    most: int = UPDATE_SENTENCES,
    whole: AbstractSet[int] = frozenset(),
) -> tuple[str, ...]:
    """The facts an update tells, of ``facts`` (new, each once, best first) and the new articles'
    ``leads``: the best fact of each article that tells one (its own wording or another outlet's), so
    several articles with news between two digests are each heard; then, for an article whose picked
    facts are one that others tell too (three articles repeating the new toll, each with a development of
    its own), its next best fact; then every fact of the ``whole`` leads (what a page's newest version
    says that the version the reader knew did not: a live blog's new posts are each news, not one
    "central" fact per version); then the next best, up to at least :data:`SUMMARY_SENTENCES`; never
    more than ``most``. Best first."""
    articles = [{" ".join(x.split()) for x in lead} for lead in leads]
    tellers = [
        {
            n
            for n, told in enumerate(articles)
            if fact in told or any(is_near_duplicate(fact, x, weights=weights) for x in told)
        }
        for fact in facts
    ]
    untold = set(range(len(articles)))
    picked: set[int] = set()
    for i in range(len(facts)):
        if tellers[i] & untold and len(picked) < most:
            picked.add(i)
            untold -= tellers[i]
    # a fact several articles tell (the new toll) is each one's news, but not all of it: an article is
    # heard once a picked fact is its alone, or two are its; until then its next best fact is picked
    for i in range(len(facts)):
        if len(picked) < most and any(not _heard(n, picked, tellers) for n in tellers[i]):
            picked.add(i)
    for i in range(len(facts)):
        if len(picked) < most and tellers[i] & whole:
            picked.add(i)
    budget = min(max(SUMMARY_SENTENCES, len(picked)), most)
    for i in range(len(facts)):
        if len(picked) >= budget:
            break
        picked.add(i)
    return tuple(facts[i] for i in sorted(picked))


def _heard(article: int, picked: AbstractSet[int], tellers: Sequence[AbstractSet[int]]) -> bool:
    """Whether an update's picked facts give an article's news: one it alone tells, or two it tells."""
    told = [tellers[i] for i in picked if article in tellers[i]]
    return len(told) >= 2 or any(len(t) == 1 for t in told)


def select_stories(
    candidates: Iterable[Story],
    *,
    matches: Mapping[int, Sequence[str]],
    delivered: AbstractSet[int],
    since: datetime | None,
    length: int,
    now: datetime,
    arrived: Mapping[int, datetime] | None = None,
    updates: Mapping[int, Story] | None = None,
    sizes: Mapping[int, int] | None = None,
    carried: AbstractSet[int] = frozenset(),
) -> Selection:
    """The stories new since ``since`` and not yet ``delivered``: those matching the chat's follows
    (``matches``: story id → names of the follows it matches) first, then the top ones, ``length`` in all.
    A story is new if its news is dated after ``since`` or reached the archive after it (``arrived``:
    story id → when its newest article was ingested), so news dated earlier but read late is not lost;
    one dated a little after ``now`` (an outlet's clock ahead: ingest keeps up to 15 minutes) is in too.
    A delivered story comes again only as its entry in ``updates`` (see :func:`story_update`), ranked
    as that update alone (its new articles and outlets), among the others. ``sizes``: story id -> its
    longest article, which ranks stories of undated entries alone (see :func:`rank_stories`).
    ``carried``: stories a message of an earlier digest held that never reached the chat (given up): in
    even if not new since ``since``, since the chat was never told them."""
    arrived, updates = arrived or {}, updates or {}
    fresh: dict[int, Story] = {}
    candidates_kept: list[Story] = []
    for s in candidates:
        if since is not None and s.id not in carried and not is_new(s, since, arrived):
            continue
        if s.id not in delivered:
            fresh[s.id] = s
        elif s.id in updates:
            fresh[s.id] = updates[s.id]
            candidates_kept.append(s)
    retitled = {
        s.id: s.headline for s in candidates_kept if s.id in delivered and fresh[s.id].headline != s.headline
    }
    ranked = rank_stories(fresh.values(), now, sizes=sizes)
    followed = [s for s in ranked if matches.get(s.id)]
    others = [s for s in ranked if not matches.get(s.id)]
    chosen = (followed + others)[: max(0, length)]
    because = tuple(_once(matches.get(s.id, ())) for s in chosen)
    renewed = frozenset(s.id for s in chosen if s.id in delivered)
    updated = sum(s.id in delivered for s in ranked)
    return Selection(
        tuple(chosen), because, since, renewed, available=len(ranked), available_updates=updated,
        retitled=tuple((k, v) for k, v in retitled.items() if k in renewed),
        carried=frozenset(s.id for s in chosen if s.id in carried and s.id not in delivered),
    )  # fmt: skip


def _once(names: Iterable[str]) -> tuple[str, ...]:
    """Each follow's name once, the first written, in any letter case (``follow_key``): a chat following
    the actor "Rotterdam" and the topic "ROTTERDAM" is told it follows Rotterdam, as an alert tells it."""
    kept: dict[str, str] = {}
    for name in names:
        kept.setdefault(follow_key(name), name)
    return tuple(kept.values())


def day_label(value: date) -> str:
    """ "Tuesday 24 November"."""
    return f"{value:%A} {value.day} {value:%B}"


def _since_label(since: datetime, tz: ZoneInfo) -> str:
    local = since.astimezone(tz)
    return f"{day_label(local.date())}, {local:%H:%M}"


def _told(story: Story, *, update: bool = False) -> tuple[str, ...]:
    """The facts a digest tells of a story: the summary it shows (the headline names the story), all of
    an update's new facts."""
    return tuple(story.summary[: UPDATE_SENTENCES if update else SUMMARY_SENTENCES])


def _telling_first(names: Sequence[str], story: Story, *, update: bool) -> list[str]:
    """The follows a story names, those its headline names first, then those its told sentences name,
    then the rest: the few said before "and 4 more" are why the story is there ("Storm Idris"), not the
    first in the alphabet of fifty a big story names."""
    told = " ".join(_told(story, update=update)).casefold()
    headline = story.headline.casefold()

    def rank(name: str) -> int:
        # a person's surname alone names them too: "UK's Starmer, France's Macron" names Keir Starmer
        keys = {name.casefold(), name.casefold().split()[-1]} if len(name.split()) > 1 else {name.casefold()}
        if any(holds_words(headline, k) for k in keys):
            return 0
        return 1 if any(holds_words(told, k) for k in keys) else 2

    return sorted(names, key=rank)


def holds_words(text: str, words: str) -> bool:
    """Whether ``text`` holds ``words`` as whole words, case aside (a follow's name in a headline or an
    alert's sentence)."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text, re.I) is not None


def _some_of(names: Sequence[str]) -> str:
    """The first ``MAX_BECAUSE`` names and how many more: a chat following fifty actors, all named in a
    big story, is not told all fifty under each story."""
    if len(names) <= MAX_BECAUSE:
        return ", ".join(names)
    return f"{', '.join(names[:MAX_BECAUSE])} and {len(names) - MAX_BECAUSE} more"


def _story_section(
    story: Story, because: Sequence[str], *, update: bool = False, was: str | None = None
) -> Section:
    """A story's section; an update headed by its news's title says the story's headline after it
    (``was``), outside the link, which opens the article it is the title of."""
    links = story.links if len(story.links) == len(story.sources) else (None,) * len(story.sources)
    title = Span(clip(story.headline, MAX_HEADLINE), bold=True, url=story.headline_url)
    after = [f" ({clip(was, MAX_HEADLINE)})"] if was else []
    blocks: list[Block] = [para(Span(UPDATE, bold=True), title, *after) if update else para(title)]
    if because:
        blocks.append(para(italic("You follow " + _some_of(_telling_first(because, story, update=update)))))
    summary = join_sentences(clip(s, MAX_SENTENCE) for s in _told(story, update=update))
    if summary:
        blocks.append(para(summary))
    if story.sources:
        named = [(clip(name, MAX_OUTLET), url) for name, url in zip(story.sources, links, strict=True)]
        blocks.append(para("Sources: ", *first_links(named, MAX_OUTLETS)))
    return Section(tuple(blocks))


def compose_digest(
    selection: Selection, *, digest_date: date, tz: ZoneInfo, intro: Intro = Intro()
) -> Digest:
    """The digest document for ``digest_date`` (local to ``tz``); ``intro``: see :class:`Intro`."""
    if selection.quiet:
        return Digest(message(_quiet_line(selection, intro, tz)), (None,), quiet=True)
    header = (
        heading(f"Your digest for {day_label(digest_date)}"),
        para(italic(_intro(selection, intro, tz) + _messages_note(intro))),
    )
    sections = tuple(
        _story_section(s, b, update=s.id in selection.updates, was=dict(selection.retitled).get(s.id))
        for s, b in zip(selection.stories, selection.because, strict=True)
    )
    footer = (
        para(
            italic(
                "The top stories now: /brief · the newest articles: /latest · the time or length: /settings"
            )
        ),
    )
    doc = Document(header=header, sections=sections, footer=footer)
    facts = tuple(_told(s, update=s.id in selection.updates) for s in selection.stories)
    return Digest(doc, tuple(s.id for s in selection.stories), quiet=False, section_facts=facts)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _hours_label(hours: int) -> str:
    """ "the last day", "the last 3 days", "the last 36 hours"."""
    if hours % 24:
        return f"the last {hours} hours"
    return "the last day" if hours == 24 else f"the last {hours // 24} days"


def _span(selection: Selection, intro: Intro, tz: ZoneInfo) -> str:
    """The time a digest covers, as the reader knows it: since its last digest, when that one came; "the
    last 3 days" when the story window cut a longer pause (then the last digest's day, if known, is named
    too, so the days between are not taken for news-free); "the last day" for a first digest."""
    if selection.since is None:
        return f"in {_hours_label(FIRST_DIGEST_HOURS)}"
    if intro.window_hours:
        if intro.last_composed is None:
            return f"in {_hours_label(intro.window_hours)}"
        last = day_label(intro.last_composed.astimezone(tz).date())
        return f"since your last digest on {last} (showing {_hours_label(intro.window_hours)})"
    return f"since {_since_label(intro.last_composed or selection.since, tz)}"


def _quiet_line(selection: Selection, intro: Intro, tz: ZoneInfo) -> str:
    """A digest with nothing to tell. Alerts sent over its time were the news: it says so, not "nothing
    new"; a chat never sent anything is not told of what "it has not been sent"."""
    span = _span(selection, intro, tz)
    if not intro.window_hours and selection.since is not None:
        span = f"since your last digest ({_since_label(intro.last_composed or selection.since, tz)})"
    if intro.alerts:
        alerts = "the alert" if intro.alerts == 1 else f"the {intro.alerts} alerts"
        head = f"Nothing new beyond {alerts} sent {span}."
    else:
        head = f"Nothing new {span}."
    tail = (
        "/brief shows the latest stories." if selection.since is None else "/brief shows the top stories now."
    )
    return f"{head} {tail}"


def _intro(selection: Selection, intro: Intro, tz: ZoneInfo) -> str:
    """The line under the date: how many stories, of how many, since when (see :func:`_span`). One story
    is "the one story", or "the top one of 5", never "the top 1 story". Stories an earlier digest owed
    the chat (``Selection.carried``) are not new since its last digest: they are counted apart, or "new
    since" would seem a mistake."""
    n = len(selection.stories)
    top = "one" if n == 1 else f"{n}"
    owed = len(selection.carried)
    if selection.since is None:
        if selection.available > n:
            return f"The top {top} of {selection.available} stories of the day.{_owed_note(owed)}"
        line = "The one story of the day." if n == 1 else f"The top {n} stories of the day."
        return line + _owed_note(owed)
    updates = sum(s.id in selection.updates for s in selection.stories)
    span = _span(selection, intro, tz)
    if selection.available > n:  # the length the chat chose cut some: say so, or the rest seems none
        kinds = "new stories and updates" if selection.available_updates else "new stories"
        return f"The top {top} of {selection.available} {kinds} {span}.{_owed_note(owed)}"
    what = [_count(n - updates - owed, "new story", "new stories")] if n > updates + owed else []
    what += [_count(updates, "update", "updates")] if updates else []
    earlier = "from a message of an earlier digest that never reached you"
    if not what:
        return f"{_count(owed, 'story', 'stories')} {earlier}; nothing new {span}."
    return f"{' and '.join(what)} {span}{f', and {owed} {earlier}' if owed else ''}."


def _messages_note(intro: Intro) -> str:
    return f" This digest comes in {intro.messages} messages." if intro.messages > 1 else ""


def _owed_note(owed: int) -> str:
    """What a digest whose count line names no "since" says of the stories an earlier digest owed."""
    if not owed:
        return ""
    were = "was in a message" if owed == 1 else "were in messages"
    return f" {owed} of them {were} of an earlier digest that never reached you."


def _utf16_cut(text: str, limit: int) -> str:
    """At most ``limit`` UTF-16 units of ``text``, ending at the edge of what a reader sees as one."""
    cut = text.encode("utf-16-le")[: 2 * limit].decode("utf-16-le", errors="ignore")
    return head(text, len(cut)) if len(cut) < len(text) else cut


def _page(digest: Digest, indexes: Sequence[int], *, first: bool, footer: bool) -> Document:
    doc = digest.document
    return Document(
        header=doc.header if first else (),
        sections=tuple(doc.sections[i] for i in indexes),
        footer=doc.footer if footer else (),
    )


def _unlinked(doc: Document) -> Document:
    """The document without link targets: a plain twin too long with its URLs written out."""

    def bare(section: Section) -> Section:
        return Section(
            tuple(replace(b, spans=tuple(replace(x, url=None) for x in b.spans)) for b in section.blocks)
        )

    header, footer = bare(Section(doc.header)).blocks, bare(Section(doc.footer)).blocks
    return Document(header=header, sections=tuple(bare(x) for x in doc.sections), footer=footer)


def _plains(doc: Document, limit: int, count: int) -> list[str]:
    """The plain twin of ``count`` HTML messages: with its links' URLs written out, or without them when
    those make it longer than the HTML Telegram counts (the fallback keeps every word, if not each URL)."""
    plains = plain_messages(doc, limit)
    if len(plains) != count and len(bare := plain_messages(_unlinked(doc), limit)) == count:
        return bare
    return plains


def _fits(doc: Document, limit: int) -> bool:
    # Telegram's limit is on the text after entity parsing: the tags and link targets do not count
    return len(html_messages(doc, limit, by_text=True)) == 1 and len(_plains(doc, limit, 1)) == 1


def digest_parts(digest: Digest, limit: int = TELEGRAM_LIMIT) -> list[DigestPart]:
    """The digest as messages, whole stories per message, each with an HTML and a plain rendering
    of the same content (so a part rejected as HTML can be re-sent as plain text, one for one)."""
    pages: list[list[int]] = []
    current: list[int] = []
    for i in range(len(digest.document.sections)):
        trial = [*current, i]
        # the footer is counted on every page, so the real last page (which carries it) fits too
        if not current or _fits(_page(digest, trial, first=not pages, footer=True), limit):
            current = trial
        else:
            pages.append(current)
            current = [i]
    if current:
        pages.append(current)
    parts: list[DigestPart] = []
    for n, indexes in enumerate(pages):
        doc = _page(digest, indexes, first=n == 0, footer=n == len(pages) - 1)
        ids = tuple(x for x in (digest.section_story_ids[i] for i in indexes) if x is not None)
        facts = _facts_of(digest, indexes)
        htmls = html_messages(doc, limit, by_text=True)
        plains = _plains(doc, limit, len(htmls))
        if len(htmls) == len(plains):
            parts += [DigestPart(h, p, ids, facts) for h, p in zip(htmls, plains, strict=True)]
        else:  # one story too long for a message: its plain twin is cut differently; keep it whole
            parts += [DigestPart(h, "", ids, facts) for h in htmls[:-1]]
            parts.append(DigestPart(htmls[-1], _utf16_cut("\n\n".join(plains), limit), ids, facts))
    return parts


def digest_messages(
    selection: Selection,
    *,
    digest_date: date,
    tz: ZoneInfo,
    intro: Intro = Intro(),
    limit: int = TELEGRAM_LIMIT,
) -> tuple[Digest, tuple[DigestPart, ...]]:
    """The digest (:func:`compose_digest`) and its parts (:func:`digest_parts`), its intro saying how
    many messages it takes when more than one (the longer intro may need another message: counted again,
    a few times at most; the count is exact unless the saying of it alone moves the cut back and forth)."""
    digest = compose_digest(selection, digest_date=digest_date, tz=tz, intro=intro)
    parts = digest_parts(digest, limit)
    for _ in range(3):
        if len(parts) == intro.messages:
            break
        intro = replace(intro, messages=len(parts))
        digest = compose_digest(selection, digest_date=digest_date, tz=tz, intro=intro)
        parts = digest_parts(digest, limit)
    return digest, tuple(parts)


def _facts_of(digest: Digest, indexes: Sequence[int]) -> StoryFacts:
    if not digest.section_facts:
        return ()
    pairs = ((digest.section_story_ids[i], digest.section_facts[i]) for i in indexes)
    return tuple((sid, told) for sid, told in pairs if sid is not None)
