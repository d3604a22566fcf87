"""Stories: articles about the same event, from one or more outlets, grouped, named and summarized.

    vectors = Vectorizer(idf, actor_idf=actor_idf)             # term -> weight, actor id -> weight
    story = assign_story(article, candidates, vectors=vectors, window=timedelta(hours=72))
    groups = cluster_articles(day_of_articles, window=timedelta(hours=72))
    summary = story_summary([a.summary for a in articles], dates=[a.when for a in articles])
                                                   # each fact once, with its latest figures

An article is represented by the TF-IDF vector of its title and lead (its summary). It joins the story
whose centroid is most similar (cosine), if that similarity reaches :data:`THRESHOLD` and the story's
latest article is within the time window; otherwise it starts a story. When both sides have actors
and share a distinctive one (found in few articles: :func:`distinctive_idf`), their actors count too
(:func:`blend`): the actors' cosine, each actor weighted by its inverse document frequency, so a shared
person or town says much and a shared country or big organisation little. Guards keep common words,
common actors and one person's many doings from gluing events: text that shares no actor with the
story must be much closer (:data:`STRONG_TEXT`) to join; text that shares only common actors is judged
on its words alone; the words other than the actors' names must carry part of the similarity
(:data:`EVENT_WORDS`); and a follow-up whose text is below the threshold (down to
:data:`FOLLOW_UP_TEXT`) joins when its actors are close to the story's (:data:`FOLLOW_UP_ACTORS`); a
town and one other word ("Beira port") are no event's words, nor are those an article tells only in a
clause of what came before its news (a strike "a day after a fire destroyed a grain warehouse at the
port": :func:`own_terms`). A named storm ("Storm Idris", :func:`named_events`, in an article with words
of weather: :func:`storms_of`) is one event: an article that opens on a storm the story's articles open
on joins with some words of what happened in common and its text or actors close (:func:`one_named_event`), or
when it gives a new figure of a count the story told of the storm ("the toll from Storm Idris rose to 19")
as its own news, not as what caused it ("a match postponed after Storm Bert killed five":
:func:`main_clauses`); an article naming another storm and none of the story's, or opening on another
storm, is another event. A story's articles may tell several things (a cyclone's toll, then a minister
appointed for its rebuilding): an article near the story (from :data:`ONE_ARTICLE_FLOOR`) that is close to
one of its articles alone (:data:`ONE_ARTICLE`) joins it (:func:`_one_article_tells`), though far from its
centroid.
An article that may join two stories and names a figure of the other as past (an update that arrived
after a follow-up: "103 freed, raising the figure from the 95 first announced") ties them into one
(:func:`ties`); resembling two stories is not enough. Batch clustering replays the same rules in time
order, so a re-cluster and a stream of ingests agree
(up to the centroid of a long story, which at ingest is built from its latest
:data:`CENTROID_ARTICLES`, and to the order articles arrive in). Terms are folded and stemmed as
SQLite's FTS5 ``porter unicode61 remove_diacritics`` tokenizer does (:mod:`briefing.terms`); which
sentences tell one fact, or a newer figure of it, :mod:`briefing.facts` decides; how a story ranks in
a briefing, :mod:`briefing.ranking`.

Candidates are looked up by key terms (an article's or a story centroid's weightiest ones): in memory
for a batch, through the ``story_keys`` table at ingest.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import lru_cache

from briefing.aliases import fold
from briefing.antecedents import follows_from, needed_before, opens_on_pronoun, told_apart
from briefing.cues import CALENDAR
from briefing.dedupe import headline_dates
from briefing.facts import (
    Ordered,
    count_kinds,
    counts_told,
    fact_weights,
    figures_of,
    first_told,
    formers,
    news_beside_counts_told,
    outdated_count,
    repeats_fact,
    restates,
    revises,
    revisions,
    tells_one_count,
)
from briefing.opinion import voices_author
from briefing.referents import People
from briefing.summarizers import build_summarizer
from briefing.terms import idf_table, terms_of

THRESHOLD = 0.30
ACTOR_WEIGHT = 0.25  # the actors' share of the similarity when both sides have actors
NO_SHARED_ACTORS = 0.05  # an actors' cosine below this is no actor in common ...
STRONG_TEXT = 0.5  # ... and then the text alone must reach this
FOLLOW_UP_TEXT = 0.2  # a follow-up joins with this much text in common ...
FOLLOW_UP_ACTORS = 0.2  # ... when its actors (weighted by rarity) are this close to the story's
EVENT_WORDS = 0.1  # the text cosine without the actors' names: what happened, not who
DISTINCTIVE_SHARE = 0.05  # an actor in at most this share of the articles is distinctive ...
DISTINCTIVE_ARTICLES = 10  # ... or in at most this many
TITLE_BOOST = 2  # a title's words count this many times: headlines name the event
CENTROID_ARTICLES = 30  # a story's centroid is built from at most its latest articles
CANDIDATE_TERMS = 10  # a batch compares an article with the stories sharing one of these weightiest terms
SHARED_TERMS = 2  # an article shares at least this many terms with a story it joins: one word is no event
TEMPLATE_SHARE = 0.5  # a term in at least this share of an outlet's articles is its template ...
TEMPLATE_ARTICLES = 5  # ... of at least this many articles ("Giant Bombcast" in each podcast's title)
TEMPLATE_SAMPLE = 50  # an outlet's template is read from its latest articles
ONE_ARTICLE_FLOOR = 0.2  # a story this close joins when one of its articles alone ...
ONE_ARTICLE = 0.35  # ... is this close
NAMED_EVENT_TEXT = 0.2  # an article naming a story's named storm joins with this much text in common ...
NAMED_EVENT_ACTORS = 0.2  # ... or with actors this close and event words in common (EVENT_WORDS)
OPENING_CHARS = 300  # a re-published post opens as the first did: the terms of this many characters ...
SAME_OPENING = 0.8  # ... are mostly (this share) the same
DEAL_PARTIES = 2  # a deal's articles name at least this many distinctive organisations in common


@dataclass(frozen=True)
class StoryArticle:
    """An article as story clustering sees it."""

    id: int
    title: str
    lead: str  # the text compared: the summary, or the start of the body when there is none
    source: str
    when: datetime
    url: str | None = None
    summary: tuple[str, ...] = ()
    actors: frozenset[int] = frozenset()
    story_id: int | None = None
    names: frozenset[str] = frozenset()  # the terms of its actors' names (see :func:`terms_of`)
    opening: str = ""  # the start of its body
    section: str | None = None  # the section its page files it under ("Opinion": a column)
    author: str | None = None  # its byline, which a column's title may be signed with
    places: frozenset[int] = frozenset()  # those of its actors that are places ...
    people: frozenset[int] = frozenset()  # ... and those that are people
    organizations: frozenset[int] = frozenset()  # ... and those that are organisations


def article_terms(article: StoryArticle) -> Counter[str]:
    """Term counts of an article's title (boosted) and lead."""
    counts = Counter(terms_of(article.lead))
    for term in terms_of(article.title):
        counts[term] += TITLE_BOOST
    return counts


def idf_of(articles: Iterable[StoryArticle]) -> dict[str, float]:
    """IDF computed from the articles themselves (for a batch without an archive to ask)."""
    frequency: Counter[str] = Counter()
    n = 0
    for article in articles:
        frequency.update(set(article_terms(article)))
        n += 1
    return idf_table(frequency, n)


def term_set(article: StoryArticle) -> frozenset[str]:
    """The terms of an article's title and lead, each once (cached: an outlet's articles are read for
    its template at each ingest)."""
    return _term_set(article.title, article.lead)


@lru_cache(maxsize=8192)
def _term_set(title: str, lead: str) -> frozenset[str]:
    return frozenset(terms_of(lead)) | frozenset(terms_of(title))


@dataclass(frozen=True)
class Template:
    """What an outlet prints in its articles whatever they are about: words of its every title or entry
    and sentences it prints word for word under other titles."""

    terms: frozenset[str] = frozenset()
    sentences: frozenset[str] = frozenset()  # spaces evened out


NO_TEMPLATE = Template()


def template_of(articles: Sequence[StoryArticle]) -> Template:
    """An outlet's template, from its ``articles``: the terms in at least :data:`TEMPLATE_SHARE` of them
    (of at least :data:`TEMPLATE_ARTICLES`), the words of its every title or entry ("Giant Bombcast",
    "Item", "AdWords API"), which say which outlet wrote, not what happened; and the summary sentences
    it prints word for word in two articles whose titles share less than half their words (a
    conference's blurb under each talk, a landlord's "Please contact ... to schedule a viewing" under
    each flat): an update of one article, under its own title again, keeps the sentences it repeats."""
    frequency: Counter[str] = Counter()
    titles: dict[str, list[frozenset[str]]] = defaultdict(list)
    for article in articles:
        frequency.update(term_set(article))
        title = frozenset(terms_of(article.title))
        for sentence in dict.fromkeys(" ".join(x.split()) for x in article.summary):
            titles[sentence].append(title)
    least = TEMPLATE_SHARE * len(articles)
    terms = (
        frozenset(t for t, n in frequency.items() if n >= least)
        if len(articles) >= TEMPLATE_ARTICLES
        else frozenset()
    )
    sentences = frozenset(x for x, seen in titles.items() if len(seen) > 1 and _apart(seen))
    return Template(terms, sentences)


def _apart(titles: Sequence[frozenset[str]]) -> bool:
    """Whether two of these titles share less than half their words."""
    return any(len(a & b) < 0.5 * len(a | b) for i, a in enumerate(titles) for b in titles[i + 1 :])


def templates_of(articles: Iterable[StoryArticle]) -> dict[str, Template]:
    """Each outlet's template (:func:`template_of`), from its latest :data:`TEMPLATE_SAMPLE` of
    ``articles``."""
    by_source: dict[str, list[StoryArticle]] = defaultdict(list)
    for article in articles:
        by_source[article.source].append(article)
    return {
        source: template_of(sorted(group, key=lambda a: (a.when, a.id))[-TEMPLATE_SAMPLE:])
        for source, group in by_source.items()
    }


Vector = dict[str, float]


def distinctive_idf(documents: int) -> float:
    """The IDF from which an actor is distinctive: in at most :data:`DISTINCTIVE_SHARE` of the
    ``documents``, or (in a young archive) in at most :data:`DISTINCTIVE_ARTICLES` of them."""
    return math.log((1 + documents) / (1 + max(DISTINCTIVE_SHARE * documents, DISTINCTIVE_ARTICLES))) + 1.0


def actor_idf_of(articles: Iterable[StoryArticle]) -> dict[int, float]:
    """Actor IDF computed from the articles themselves (for a batch without an actor index to ask)."""
    frequency: Counter[int] = Counter()
    n = 0
    for article in articles:
        frequency.update(article.actors)
        n += 1
    return idf_table(frequency, n)


@dataclass
class Vectorizer:
    """TF-IDF vectors (sublinear tf, unit length); a term missing from ``idf`` counts as rare, and an
    outlet's template (``templates``: outlet -> :func:`template_of`), its terms and its sentences, is
    left out of its articles' vectors, which keep the length they had with it.

    :meth:`actors` gives an article's actors the same way: each actor weighs its inverse document
    frequency (``actor_idf``, by actor id; an actor missing from it counts as rare), so a country or a
    big organisation in many articles weighs little and a person in few weighs much. Of the
    ``documents`` the IDFs were counted in, an actor in few (:func:`distinctive_idf`) is distinctive.
    """

    idf: Mapping[str, float]
    unseen: float = field(default=0.0)
    actor_idf: Mapping[int, float] = field(default_factory=dict)
    actor_unseen: float = field(default=0.0)
    documents: int = 0
    templates: Mapping[str, Template] = field(default_factory=dict)  # outlet -> its template
    _cache: dict[StoryArticle, Vector] = field(default_factory=dict, repr=False)
    _actor_cache: dict[StoryArticle, dict[int, float]] = field(default_factory=dict, repr=False)
    _distinctive_cache: dict[StoryArticle, frozenset[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self.unseen:
            self.unseen = max(self.idf.values(), default=1.0)
        if not self.actor_unseen:
            self.actor_unseen = max(self.actor_idf.values(), default=1.0)
        self._floor = distinctive_idf(self.documents)

    def distinctive(self, article: StoryArticle) -> frozenset[int]:
        """The article's actors found in few articles: a town, a person, a company, rarely a country."""
        found = self._distinctive_cache.get(article)
        if found is None:
            found = self._distinctive_cache[article] = frozenset(a for a in article.actors if self.rare(a))
        return found

    def rare(self, actor: int) -> bool:
        """Whether an actor is found in few articles (:func:`distinctive_idf`)."""
        return self.actor_idf.get(actor, self.actor_unseen) >= self._floor

    def actors(self, article: StoryArticle) -> dict[int, float]:
        """The article's actors as a unit vector of their inverse document frequencies."""
        vector = self._actor_cache.get(article)
        if vector is None:
            weights = {a: self.actor_idf.get(a, self.actor_unseen) for a in article.actors}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            vector = self._actor_cache[article] = {a: w / norm for a, w in weights.items()}
        return vector

    def _weights(self, counts: Mapping[str, int]) -> dict[str, float]:
        return {t: (1.0 + math.log(c)) * self.idf.get(t, self.unseen) for t, c in counts.items()}

    def __call__(self, article: StoryArticle) -> Vector:
        vector = self._cache.get(article)
        if vector is None:
            weights = self._weights(article_terms(article))
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            template = self.templates.get(article.source, NO_TEMPLATE)
            if template.sentences and any(" ".join(x.split()) in template.sentences for x in article.summary):
                lead = " ".join(x for x in article.summary if " ".join(x.split()) not in template.sentences)
                weights = self._weights(article_terms(replace(article, lead=lead)))
            # the template is left out but still counts in the length: an article of mostly template
            # words has little to join on, and what it shares weighs no more than it did
            vector = self._cache[article] = {
                t: w / norm for t, w in weights.items() if t not in template.terms
            }
        return vector


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


@dataclass
class _Cluster:
    """A story being built: its centroids (sums of unit vectors) of terms and of actors, and its
    latest date."""

    key: int
    total: dict[str, float] = field(default_factory=dict)
    squared: float = 0.0  # the squared length of ``total``, kept as vectors are added
    hidden: float = 0.0  # the squared length of the members' template parts, left out of ``total``
    actors: dict[int, float] = field(default_factory=dict)
    actors_squared: float = 0.0
    latest: datetime | None = None
    alive: bool = True
    indexed: list[str] = field(default_factory=list)  # the centroid's weightiest terms, when indexed
    spans: set[tuple[str, str, str]] = field(default_factory=set)  # its titles' spans of days
    events: set[str] = field(default_factory=set)  # the storms its articles name (:func:`named_events`)
    opened: set[str] = field(default_factory=set)  # ... and those its articles open on
    storm_sentences: list[str] = field(default_factory=list)  # its articles' sentences naming a storm
    own: set[str] = field(default_factory=set)  # the terms its articles tell as news (:func:`own_terms`)
    places: set[int] = field(default_factory=set)  # the places its articles name
    articles: list[StoryArticle] = field(default_factory=list)  # its members, in the order they came

    @property
    def members(self) -> list[int]:
        """The ids of its articles."""
        return [a.id for a in self.articles]

    def add(self, article: StoryArticle, vector: Vector, actors: Mapping[int, float]) -> None:
        self.spans |= day_spans(article.title)
        storms = storms_of(article)
        self.events |= storms
        self.opened |= opening_events(article)
        self.storm_sentences.extend(x for x in _told(article) if named_events(x) & storms)
        self.own |= own_terms(article)
        self.places |= article.places
        self.squared = _accumulate(self.total, vector, self.squared)
        self.hidden += max(0.0, 1.0 - sum(w * w for w in vector.values()))
        self.actors_squared = _accumulate(self.actors, actors, self.actors_squared)
        self.latest = article.when if self.latest is None else max(self.latest, article.when)
        self.articles.append(article)

    def absorb(self, other: _Cluster) -> None:
        """Take in ``other``'s articles: one article that belongs to both says they are one story."""
        self.squared = _accumulate(self.total, other.total, self.squared)
        self.hidden += other.hidden
        self.actors_squared = _accumulate(self.actors, other.actors, self.actors_squared)
        if other.latest is not None:
            self.latest = other.latest if self.latest is None else max(self.latest, other.latest)
        self.spans |= other.spans
        self.events |= other.events
        self.opened |= other.opened
        self.storm_sentences.extend(other.storm_sentences)
        self.own |= other.own
        self.places |= other.places
        self.articles.extend(other.articles)
        other.articles, other.alive = [], False

    def similarity(self, article: StoryArticle, vector: Vector, vectors: Vectorizer) -> float:
        """Cosine with the centroid, blended (:func:`blend`) with the actors' cosine when both have
        actors."""
        # the template parts count in the length (as if apart from all else): a story of one article
        # is no closer to another for their outlet's template words left out
        spans = day_spans(article.title)
        if spans and self.spans and not spans & self.spans:  # another week's calendar: another edition
            return 0.0
        length = math.sqrt(self.squared + self.hidden) or 1.0
        shared = [w * self.total[t] for t, w in vector.items() if t in self.total]
        if len(shared) < SHARED_TERMS:  # "Good Item", "Bad Item": one word in common is no event
            return 0.0
        text = sum(shared) / length
        events = storms_of(article)
        if events and self.events and not events & self.events:  # Storm Jana is not Storm Idris
            return 0.0
        opening = opening_events(article)
        if opening and self.opened and not opening & self.opened:  # Storm Conall, "a day after Storm Bert"
            return 0.0
        actors = vectors.actors(article)
        together = score = 0.0
        if actors and self.actors:
            together = sum(w * self.actors.get(a, 0.0) for a, w in actors.items())
            together /= math.sqrt(self.actors_squared)
            score = self._score(article, vector, vectors, text, together)
        else:
            score = text
        if score < THRESHOLD and self._one_deal(article, vectors):
            return THRESHOLD
        storms = opening_events(article) & self.opened if self.opened and score < THRESHOLD else None
        if storms:
            # the event words are those beside the actors' and the storm's names: what else happened
            names = article.names | _event_terms(storms)
            if one_named_event(text, together, self._event_words(article, vector, names, length)):
                return THRESHOLD
            if self._recounts(article, storms):
                return THRESHOLD
        return score

    def _one_deal(self, article: StoryArticle, vectors: Vectorizer) -> bool:
        """Whether ``article`` tells the next step of a deal an article of the story tells: both titles
        name a deal (:func:`deal_words`: talks, a bid, a takeover, a regulator's probe or block ...) and
        both articles name the same two distinctive organisations (:data:`DEAL_PARTIES`), its parties. A
        takeover's talks, bid, probe and block are worded apart ("in talks to acquire", "a £48 billion
        offer", "opened a probe") and share little but the parties' names, which alone join nothing
        (qa32b F3). One company's earnings name no second party, and its deal with another company
        shares only its own name with this one."""
        parties = deal_parties(article, vectors)
        if len(parties) < DEAL_PARTIES:
            return False
        return any(
            len(parties & member.organizations) >= DEAL_PARTIES and deal_words(member.title)
            for member in self.articles[-CENTROID_ARTICLES:]
        )

    def _recounts(self, article: StoryArticle, storms: set[str] | frozenset[str]) -> bool:
        """Whether a sentence of ``article`` naming one of ``storms`` gives a new figure of a count a
        sentence of the story naming it gave (:func:`~briefing.facts.revises`): "The death toll from Storm
        Idris rose to 19" after "At least six people were killed when Storm Idris swept across northern
        Portugal", which share the name and a count, few other words. The count must be the article's news,
        not in a clause of what caused it (:func:`main_clauses`): "The Wales v Fiji rugby match, postponed
        on Saturday after Storm Bert killed five people, will now be played in Cardiff" (qa30 F2)."""
        mine = [main_clauses(x) for x in _told(article) if named_events(x) & storms]
        theirs = [y for y in self.storm_sentences if named_events(y) & storms]
        return any(revises(x, y) for x in mine for y in theirs)

    def _score(
        self, article: StoryArticle, vector: Vector, vectors: Vectorizer, text: float, together: float
    ) -> float:
        """The similarity by text and actors when both have actors, before a named storm is heard."""
        shared = [a for a in vectors.distinctive(article) if a in self.actors]
        if shared and self._quoted_elsewhere(article, shared, vectors):
            return text if text >= STRONG_TEXT else 0.0  # as if no actor were in common
        if not shared:
            # no actor in common (two floods in two countries: words alone must be very close), or
            # only common ones (a country, a big organisation: the words decide)
            return text if together >= NO_SHARED_ACTORS or text >= STRONG_TEXT else 0.0
        length = math.sqrt(self.squared + self.hidden) or 1.0
        return blend(text, together, self._event_words(article, vector, article.names, length))

    def _quoted_elsewhere(self, article: StoryArticle, shared: Sequence[int], vectors: Vectorizer) -> bool:
        """Whether the distinctive actors ``article`` shares with the story (``shared``) are all people
        while both name distinctive places, none of them in common: a prime minister who "promised federal
        help" after floods in Kerala and after a landslide in Tamil Nadu is no sign that the two are one
        event (qa30 F8). They are then two events in two places that share no actor, whose words must be
        very close (:data:`STRONG_TEXT`): the official's name and words, told of both, make the text
        close enough otherwise. A follow-up naming a place of the story shares it."""
        return (
            all(a in article.people for a in shared)
            and any(vectors.rare(p) for p in article.places)
            and any(vectors.rare(p) for p in self.places)
        )

    def _event_words(
        self, article: StoryArticle, vector: Vector, names: frozenset[str], length: float
    ) -> float:
        """The part of the text cosine that is not ``names`` (the actors' and a storm's terms), the words
        of what happened; nothing when fewer than :data:`SHARED_TERMS` of them, beside the days and months,
        are words ``article`` and an article of the story tell as their news (:func:`own_terms`): a fire
        and a strike at "Beira port" share the town and "port", no event (qa28 F10), and the strike's "a
        day after a fire destroyed a grain warehouse at the port" tells the fire as what came before it, no
        news of the strike's, whichever of the two came first (qa28)."""
        words = [t for t in vector if t in self.total and t not in names]
        own = own_terms(article)
        if sum(1 for t in words if t in own and t in self.own and t not in _CALENDAR_TERMS) < SHARED_TERMS:
            return 0.0
        return sum(vector[t] * self.total[t] for t in words) / length


# the words of a deal between companies and of a regulator's say on it, in a title
_DEAL_TERMS = frozenset(
    terms_of(
        "talks bid bids bidder offer deal takeover merger merge acquisition acquire acquires buy buys buyout "
        "probe probes blocks block blocked"
    )
)


@lru_cache(maxsize=8192)
def deal_words(title: str) -> frozenset[str]:
    """The words of a deal in a title ("Shell in early talks to buy BP", "Competition regulator opens probe
    into Shell's bid for BP", "CMA blocks Shell's takeover of BP"), stemmed as :func:`terms_of` does: with
    the same two companies named, one deal's steps are one story (:meth:`_Cluster._one_deal`)."""
    return frozenset(terms_of(title)) & _DEAL_TERMS


def deal_parties(article: StoryArticle, vectors: Vectorizer) -> frozenset[int]:
    """The distinctive organisations of an article whose title names a deal (:func:`deal_words`): the
    parties it may share with a story of the same deal; none for another title."""
    if not deal_words(article.title):
        return frozenset()
    return vectors.distinctive(article) & article.organizations


@lru_cache(maxsize=4096)
def day_spans(title: str) -> frozenset[tuple[str, str, str]]:
    """The spans of days a title names ("Aug. 9-16": a calendar's, a schedule's week), not a single day:
    two articles whose titles name other spans are two editions of a listing (one county's week and
    another's, "Fairfax County ... Aug. 16-22" and "Prince William County ... Aug. 16-23"), never one
    story however alike their listings read (QA20b F11). Single days are left alone: a follow-up's
    headline names the next day of one event. (Cached, and read only in a title with a span's dash: each
    article is compared with several stories.)"""
    if not _SPAN_DASH.search(title):
        return frozenset()
    return frozenset(d for d in headline_dates(title) if d[1] != d[2])


_SPAN_DASH = re.compile(r"\d\s*[-–]\s*\D{0,6}\d")


# a storm named by its kind and a one-word name, "Storm Idris", "Hurricane Milton", "Tropical Storm
# Nando", "la tempête Ciarán", "Sturmtief Zoltan", "la borrasca Filomena": not a name before a noun of
# things ("Storm Shadow missiles"), nor a day. A kind in ``sure`` names only storms (no one is named
# "Sturmtief"); one in ``kind`` may be a person's or a company's first word ("Storm Reid", "Hurricane
# Electric"), a storm's only in words of weather (:func:`storms_of`)
_NAMED_STORM = re.compile(
    r"\b(?:(?P<sure>(?:Tropical|Subtropical|Post-[Tt]ropical|Winter)\s+(?:Storm|Cyclone)|Super\s+Typhoon"
    r"|[Ss]turmtief|[Oo]rkantief|[Tt]empête|[Bb]orrasca|[Tt]empestade|[Oo]uragan|[Tt]ormenta\s+tropical)"
    r"|(?P<kind>Storm|Hurricane|Typhoon|[Hh]urac[áa]n|[Ff]urac[ãa]o|[Tt]uf[ãa]o|[Tt]if[óo]n"
    r"|[Cc]yclone|[Cc]icl[oó]ne?|[Tt]yphon))"
    r"\s+(?P<name>[A-Z\u00c0-\u00de][^\W\d_]+)\b"
    r"(?!\s+(?:[A-Z]|(?:cruise\s+)?(?:missiles?|rockets?|jets?|drones?)\b))"
)
_CALENDAR_TERMS = frozenset(terms_of(" ".join(CALENDAR))) | frozenset(terms_of("today yesterday tonight"))
# words of weather in an article (a few languages): a storm's kind and a name there is a storm's
_WEATHER = re.compile(
    r"\b(?:winds?|windy|gusts?|gales?|rain(?:s|fall|ed|ing|y)?|downpours?|floods?|flooded|flooding|"
    r"snow(?:fall|storms?)?|blizzards?|hail|thunderstorms?|landfall|storm\s+surge|landslides?|mudslides?|"
    r"burst\s+(?:its|their)\s+banks|power\s+(?:cuts?|outages?)|(?:without|lost)\s+power|weather|"
    r"forecasters?|meteorolog\w*|Met\s+(?:Office|Éireann)|(?:red|amber|yellow|orange)\s+warnings?|"
    r"evacuat\w*|Regen|Böen|Orkan\w*|Hochwasser|Überschwemmung\w*|Unwetter|pluies?|rafales?|"
    r"inondations?|crues?|intempéries|lluvias?|vientos?|rachas|inundaci\w+|chuvas?|ventos?|inunda\w+|"
    r"pioggia|alluvion\w*|tornado(?:e?s)?|(?-i:hurricanes?|typhoons?|cyclones?))\b",
    re.IGNORECASE,
)
# a name told as what struck: "displaced by Storm Orla", "in the wake of Hurricane Milton" ...
_STRUCK_BY = re.compile(
    r"(?:(?:displaced|caused|damaged|destroyed|battered|lashed|flooded|hit|struck|devastated|ravaged|"
    r"felled|uprooted|affected|killed|injured)\s+by|(?:wake|aftermath|path|remnants|approach|ahead)\s+of)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... "Hurricane Milton made landfall", "Storm Idris swept across Portugal"
_STRIKES = re.compile(
    r"\s*(?:has\s+|had\s+)?(?:made\s+landfall|makes\s+landfall|battered|batters|lashed|lashes|pounded|"
    r"pounds|ravaged|ravages|uprooted|toppled|(?:swept|sweeps)\s+(?:across|through|into|over|in))\b"
)


@lru_cache(maxsize=8192)
def _storm_names(text: str) -> tuple[tuple[str, bool], ...]:
    """The names after a storm's kind in ``text`` (folded, "Ciarán" as "ciaran", in order), each with
    whether the text says it is a storm's: its kind names only storms, or the storm is told as what
    struck."""
    found = []
    for m in _NAMED_STORM.finditer(text):
        name = fold(m.group("name"))
        if name in _NO_NAMES:
            continue
        sure = bool(m.group("sure")) or bool(
            _STRUCK_BY.search(text[max(0, m.start() - 40) : m.start()]) or _STRIKES.match(text, m.end())
        )
        found.append((name, sure))
    return tuple(found)


def named_events(text: str) -> frozenset[str]:
    """The storms a text names by their names ("Storm Idris", "Cyclone Mahina", "la tempête Ciarán"),
    folded: one storm's name, within a story's days, is one event however its reports are worded (its
    toll, its floods in another town, its shelters' cholera) and two storms' names are two events. Read
    in prose (an article's lead), where a capital is a name's, not in a headline's title case ("Storm Hits
    Clove Prices"). Which of them an article tells as storms, :func:`storms_of` says."""
    return frozenset(name for name, _ in _storm_names(text))


def storms_of(article: StoryArticle) -> frozenset[str]:
    """The storms ``article`` names (:func:`named_events` of its lead) that are storms: all of them in an
    article with words of weather (:data:`_WEATHER`: wind, rain, floods, a forecaster's warning ...),
    else those named by a kind only storms have ("Sturmtief", "Tropical Storm") or told as what struck
    ("displaced by Storm Orla"). "Storm Reid" (an actress) in a piece on her new series is no storm, and
    her two pieces of news are not one storm's reports."""
    return _storms(article.title, article.lead)


@lru_cache(maxsize=8192)
def _storms(title: str, lead: str) -> frozenset[str]:
    names = _storm_names(lead)
    if not names:
        return frozenset()
    weather = bool(_WEATHER.search(lead) or _WEATHER.search(title))
    return frozenset(name for name, sure in names if sure or weather)


# what follows a storm's kind with a capital and names no storm: a day, "Hurricane Season", "Storm Centre"
_NO_NAMES = CALENDAR | frozenset("season centre center warning warnings watch alert alerts".split())


def opening_events(article: StoryArticle) -> frozenset[str]:
    """The storm an article's first sentence names first (of :func:`storms_of`): the storm it tells, where
    one named further on may be a passing mention ("The derby had been put off when Storm Idris flooded
    the pitch"). The first of its main clauses (:func:`main_clauses`) when it names one there: "Storm
    Conall brought fresh flooding to Pontypridd, a day after Storm Bert killed five people" and "Storm
    Conall flooded Pontypridd as the town recovered from Storm Bert" tell Conall (qa30 F7); else the first
    it names ("At least six people were killed when Storm Idris swept across Portugal")."""
    told = _told(article)
    storms = storms_of(article)
    if not told or not storms:
        return frozenset()
    for text in (main_clauses(told[0]), told[0]):
        first = next((name for name, _ in _storm_names(text) if name in storms), None)
        if first is not None:
            return frozenset((first,))
    return frozenset()


# a clause of what came before or caused a sentence's news, to its next comma: "(a day) after Storm Bert
# killed five people", "because Storm Orla had killed 18", ", whose death toll rose to 16"
_CAUSE_CLAUSE = re.compile(
    r"(?:\b(?:\w+\s+(?:hours?|days?|weeks?)\s+)?(?:after|because|since|following|when|while|until|before)"
    r"|,\s*(?:which|whose|who))\b[^,;:]*",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def main_clauses(sentence: str) -> str:
    """``sentence`` without its clauses of what came before or caused its news (:data:`_CAUSE_CLAUSE`):
    what it tells as its own. A storm and its toll named there are the cause of another piece of news (a
    match put off, an insurer's claims), no report of the storm (qa30 F2)."""
    return _CAUSE_CLAUSE.sub("", sentence)


def own_terms(article: StoryArticle) -> frozenset[str]:
    """The terms an article tells as its news: those of its title and of its sentences' main clauses
    (:func:`main_clauses`). "Dock workers at Beira port walked out on Monday over unpaid wages ... The
    strike comes a day after a fire destroyed a grain warehouse at the port" tells the fire as what came
    before, and its words of the fire ("fire", "destroyed", "grain", "warehouse") are no words of the
    strike's event, which the fire's story shares (qa28). A title's are all its own: "Mombasa port reopens
    after blaze" names the event it follows."""
    return _own_terms(article.title, tuple(_told(article)))


@lru_cache(maxsize=8192)
def _own_terms(title: str, told: tuple[str, ...]) -> frozenset[str]:
    terms = set(terms_of(title))
    for text in told:
        for sentence in _SENTENCE_END.split(text):
            terms.update(terms_of(main_clauses(sentence)))
    return frozenset(terms)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00de\"“‘'])")


def _event_terms(events: Iterable[str]) -> frozenset[str]:
    """The terms of storms' names and of their kinds: what a passing mention of the storm shares."""
    return frozenset(t for e in events for t in terms_of(e)) | _STORM_KINDS


_STORM_KINDS = frozenset(terms_of("storm hurricane typhoon cyclone"))


def one_named_event(text: float, actors: float, event: float) -> bool:
    """Whether an article naming a storm its story names (:func:`named_events`) tells that storm: words
    of what happened beside the names in common (``event`` from :data:`EVENT_WORDS`), and the text
    (from :data:`NAMED_EVENT_TEXT`: the toll "rose to 19" in an article whose only actor is the European
    Commission) or the actors (from :data:`NAMED_EVENT_ACTORS`: cholera in the cyclone's shelters, with
    its town and minister) close. A first report and a follow-up of a named storm share its name where
    two unnamed events share a town."""
    return event >= EVENT_WORDS and (text >= NAMED_EVENT_TEXT or actors >= NAMED_EVENT_ACTORS)


def blend(text: float, actors: float, event: float) -> float:
    """How alike an article and a story that share a distinctive actor are, from their text cosine,
    their actors' cosine and the part of the text cosine that is not the actors' names (``event``,
    the words of what happened): mostly the text, but names alone do not join two events of one
    person (a president's flood relief and budget), and a follow-up that rewords the event joins on
    its people and places."""
    if event < EVENT_WORDS:
        return 0.0
    score = (1 - ACTOR_WEIGHT) * text + ACTOR_WEIGHT * actors
    if text >= FOLLOW_UP_TEXT and actors >= FOLLOW_UP_ACTORS:
        return max(score, THRESHOLD)
    return score


def _accumulate(total: dict, vector: Mapping, squared: float) -> float:
    """Add ``vector`` to ``total`` in place; returns the new squared length of ``total``."""
    for key, weight in vector.items():
        old = total.get(key, 0.0)
        total[key] = old + weight
        squared += (old + weight) ** 2 - old * old
    return squared


def _matches(
    article: StoryArticle,
    vectors: Vectorizer,
    clusters: Iterable[_Cluster],
    window: timedelta,
    threshold: float,
) -> list[_Cluster]:
    """The clusters ``article`` may join (similarity from ``threshold``, latest article within the
    ``window``), the most similar first."""
    vector = vectors(article)
    scored = []
    for n, cluster in enumerate(clusters):
        if cluster.latest is None or abs(article.when - cluster.latest) > window:
            continue
        score = cluster.similarity(article, vector, vectors)
        if ONE_ARTICLE_FLOOR <= score < threshold and _one_article_tells(article, cluster, vectors, window):
            score = threshold
        if score >= threshold:
            scored.append((-score, -n, cluster))  # of equal ones, the last given
    return [c for _, _, c in sorted(scored, key=lambda x: x[:2])]


# the least text cosine with one article that can make ONE_ARTICLE: its actors weigh ACTOR_WEIGHT at most
_ONE_ARTICLE_TEXT = (ONE_ARTICLE - ACTOR_WEIGHT) / (1 - ACTOR_WEIGHT)


def _one_article_tells(
    article: StoryArticle, cluster: _Cluster, vectors: Vectorizer, window: timedelta
) -> bool:
    """Whether one of the story's latest articles (:data:`CENTROID_ARTICLES`, within the ``window``) alone
    is as close to ``article`` as a story it joins (:data:`THRESHOLD`): the story's articles tell several
    things ("Chapo names disaster agency spokeswoman as new minister" in a cyclone's story) and an article
    telling one of them ("Nhantumbo sworn in as minister") is far from their centroid. Asked of a story
    from :data:`ONE_ARTICLE_FLOOR` only, so the article is near the story too, not only near one
    article of it."""
    vector = vectors(article)
    for member in cluster.articles[-CENTROID_ARTICLES:]:
        if member.id == article.id or abs(article.when - member.when) > window:
            continue
        if cosine(vector, vectors(member)) < _ONE_ARTICLE_TEXT:  # too few words in common for any rule
            continue
        alone = _Cluster(member.id)  # built when asked: a batch asks of few stories, in a narrow band
        alone.add(member, vectors(member), vectors.actors(member))
        if alone.similarity(article, vector, vectors) >= ONE_ARTICLE:
            return True
    return False


def assign_story(
    article: StoryArticle,
    candidates: Sequence[StoryArticle],
    *,
    vectors: Vectorizer,
    window: timedelta,
    threshold: float = THRESHOLD,
) -> int | None:
    """The id of the story ``article`` belongs to, among the stories of ``candidates`` (articles already
    in stories), or None when it starts a story of its own."""
    found = matching_stories(article, candidates, vectors=vectors, window=window, threshold=threshold)
    return found[0] if found else None


def matching_stories(
    article: StoryArticle,
    candidates: Sequence[StoryArticle],
    *,
    vectors: Vectorizer,
    window: timedelta,
    threshold: float = THRESHOLD,
) -> list[int]:
    """The ids of the stories of ``candidates`` that ``article`` may join, the most similar first. More
    than one may be one story told apart (:func:`ties` says): an update that arrived after a follow-up
    ("103 freed, up from the 95 first announced") matches both the first report and the follow-up."""
    by_story: dict[int, list[StoryArticle]] = defaultdict(list)
    for c in candidates:
        if c.story_id is not None and c.id != article.id:
            by_story[c.story_id].append(c)
    clusters = []
    for story_id, members in sorted(by_story.items()):
        cluster = _Cluster(story_id)
        for member in sorted(members, key=lambda a: (a.when, a.id))[-CENTROID_ARTICLES:]:
            cluster.add(member, vectors(member), vectors.actors(member))
        clusters.append(cluster)
    return [c.key for c in _matches(article, vectors, clusters, window, threshold)]


def ties(article: StoryArticle, story: Sequence[StoryArticle]) -> bool:
    """Whether ``article``, matching two stories, says the other ``story`` is its own: it tells as past
    (:func:`~briefing.facts.formers`: "raising the figure from the 95 first announced") a figure the
    story's sentences tell. Articles alike enough to join two stories are no proof that the stories are
    one event (a minister's two announcements); an update that names the first report's count is."""
    past = {f for x in _told(article) for f in formers(x)}
    return bool(past) and any(past & figures_of(x) for member in story for x in _told(member))


def _told(article: StoryArticle) -> Sequence[str]:
    return article.summary or (article.lead,)


def republishes(article: StoryArticle, earlier: StoryArticle) -> bool:
    """Whether ``article`` is ``earlier`` published again by its outlet (a members-only teaser, then the
    full post for all): the same title from the same outlet, opening with the same words
    (:data:`SAME_OPENING` of the terms of their first :data:`OPENING_CHARS` characters). Weeks apart,
    it is still one story."""
    if article.source != earlier.source or _folded(article.title) != _folded(earlier.title):
        return False
    mine, theirs = (set(terms_of(a.opening[:OPENING_CHARS])) for a in (article, earlier))
    both = mine | theirs
    return len(both) >= SHARED_TERMS and len(mine & theirs) >= SAME_OPENING * len(both)


def _folded(title: str) -> str:
    return " ".join(title.casefold().split())


def key_terms(vector: Mapping[str, float], count: int = CANDIDATE_TERMS) -> list[str]:
    """The weightiest terms of a vector: what candidate stories are looked up by."""
    return sorted(vector, key=lambda t: (-vector[t], t))[:count]


def candidate_terms(article: StoryArticle, vector: Mapping[str, float]) -> list[str]:
    """The terms candidate stories are looked up by: the article's :func:`key_terms`, and the name of a
    storm it opens on (:func:`opening_events`), which a follow-up telling a shelter's outbreak may not
    weigh among its ten while its story weighs it first."""
    return _with_storm_terms(key_terms(vector), opening_events(article))


def _with_storm_terms(keys: list[str], events: Iterable[str]) -> list[str]:
    """``keys``, then the terms of the storms' names ``events`` not among them: an article's candidate
    terms (:func:`candidate_terms`) and a story's indexed ones alike."""
    storms = dict.fromkeys(t for e in sorted(events) for t in terms_of(e))
    return keys + [t for t in storms if t not in keys]


def cluster_articles(
    articles: Sequence[StoryArticle],
    *,
    window: timedelta,
    idf: Mapping[str, float] | None = None,
    actor_idf: Mapping[int, float] | None = None,
    documents: int | None = None,
    threshold: float = THRESHOLD,
    vectors: Vectorizer | None = None,
) -> list[list[int]]:
    """Group articles into stories (lists of article ids, each in time order), replaying
    :func:`assign_story`'s rule in time order, tying two stories an article joins both of
    (:func:`ties`), and putting a post its outlet published again (:func:`republishes`) in the first
    one's story. ``vectors``, a caller's vectorizer over the same tables, is used instead of a new one
    (its vectors are cached, so the caller's later use of them is free).

    Fast because the candidates for each article are only the live stories (latest article within the
    window; older ones are retired for good, as time only moves on) whose centroid's weightiest terms
    include one of the article's: an inverted index over those few terms a story, so a word common to
    many stories never makes a long candidate list.
    """
    if vectors is None:
        vectors = Vectorizer(
            idf if idf is not None else idf_of(articles),
            actor_idf=actor_idf if actor_idf is not None else actor_idf_of(articles),
            documents=len(articles) if documents is None else documents,
            templates=templates_of(articles),
        )
    clusters: list[_Cluster] = []
    postings: dict[str, set[int]] = defaultdict(set)  # term -> live clusters it is a top term of
    expiry: list[tuple[datetime, int]] = []  # (latest article, cluster), stale entries skipped
    cluster_of: dict[int, int] = {}  # article id -> its cluster
    titled: dict[tuple[str, str], list[StoryArticle]] = defaultdict(list)  # (outlet, title) -> articles
    # a deal's party -> the clusters with a deal's article naming it: a deal's steps share few key terms
    dealt: dict[int, set[int]] = defaultdict(set)

    def index(cluster: _Cluster, terms: list[str]) -> None:
        for term in cluster.indexed:
            postings[term].discard(cluster.key)
        for term in terms:
            postings[term].add(cluster.key)
        cluster.indexed = terms

    for article in sorted(articles, key=lambda a: (a.when, a.id)):
        while expiry and expiry[0][0] < article.when - window:
            latest, key = heapq.heappop(expiry)
            cluster = clusters[key]
            if cluster.alive and cluster.latest == latest:
                cluster.alive = False
                index(cluster, [])
        vector, actors = vectors(article), vectors.actors(article)
        same = titled[article.source, _folded(article.title)]
        earlier = next((e for e in reversed(same) if republishes(article, e)), None)
        if earlier is not None:  # a post published again, weeks later maybe: its story, retired or not
            best = clusters[cluster_of[earlier.id]]
            best.alive = True
        else:
            keys: set[int] = set()
            for term in candidate_terms(article, vector):
                keys.update(postings.get(term, ()))
            parties = deal_parties(article, vectors)
            if len(parties) >= DEAL_PARTIES:
                keys.update(k for p in parties for k in dealt.get(p, ()) if clusters[k].alive)
            found = _matches(article, vectors, (clusters[k] for k in sorted(keys)), window, threshold)
            if not found:
                found = [_Cluster(len(clusters))]
                clusters.append(found[0])
            best = found[0]
            for other in found[1:]:
                if ties(article, other.articles):  # one story told apart
                    cluster_of.update(dict.fromkeys(other.members, best.key))
                    best.absorb(other)
                    index(other, [])
        best.add(article, vector, actors)
        cluster_of[article.id] = best.key
        for party in deal_parties(article, vectors):
            dealt[party].add(best.key)
        same.append(article)
        heapq.heappush(expiry, (article.when if best.latest is None else best.latest, best.key))
        index(best, _with_storm_terms(key_terms(best.total, CANDIDATE_TERMS), best.opened))
    order = {a.id: (a.when, a.id) for a in articles}
    return [sorted(c.members, key=order.__getitem__) for c in clusters if c.members]


def medoid_title(
    articles: Sequence[StoryArticle],
    vectors: Callable[[StoryArticle], Vector],
    *,
    sentences: Sequence[str] = (),
    revised: Mapping[str, str] | None = None,
) -> str:
    """The headline of a story: the title of the article closest to all the others, of those that tell no
    outdated figure. A title is outdated when a later title revises its figures (:func:`revisions`, as a
    summary's sentences; later is by date, then by id, the later stored of one moment, as an update
    orders them; a title's figures are as new as their first telling in any wording, so an outlet's late
    copy of the old toll does not take the headline back), or when the count it tells ("toll climbs to
    27") is one the story's ``sentences`` tell only where a later sentence revised it (``revised``:
    sentence -> its latest revision, :func:`latest_figures`; :func:`~briefing.facts.outdated_count`):
    titles worded apart ("quake toll climbs to 27 as rescuers dig", "earthquake toll rises to 41, state
    of emergency declared") are matched through their articles' sentences."""
    titles = [" ".join(a.title.split()) for a in articles]
    # only titles with figures can be outdated, and each is judged once (wire copies repeat one title)
    figured = [i for i, t in enumerate(titles) if figures_of(t)]
    told = first_told([[titles[i]] for i in figured], [(articles[i].when, articles[i].id) for i in figured])
    unique = list(told)
    stale = {unique[i] for i in revisions(unique, told, titles=True)}
    if revised:
        carriers: dict[str, list[str]] = defaultdict(list)
        for x in dict.fromkeys(" ".join(x.split()) for x in sentences):  # as ``revised`` holds them
            for figure in figures_of(x):
                carriers[figure].append(x)
        stale.update(t for t in unique if outdated_count(t, carriers, revised))
    current = [i for i, t in enumerate(titles) if t not in stale] or list(range(len(articles)))
    vs = [vectors(a) for a in articles]
    if len(articles) > 1:  # a title that names nothing the other articles tell ("Boom - Watch This Closely")
        current = [i for i in current if _names_the_story(titles[i], vs[:i] + vs[i + 1 :])] or current

    def newest(i: int) -> tuple[datetime, int]:
        return articles[i].when, articles[i].id

    if len(articles) <= 2:  # two articles are equally typical: the newer title tells the story now
        return articles[max(current, key=newest)].title
    total: Vector = {}
    for v in vs:
        for term, weight in v.items():
            total[term] = total.get(term, 0.0) + weight
    # the sum of a title's cosines with all is one product with their sum; rounded, so that titles
    # alike but for a word of equal weight tie (the newest wins), whatever the order of the sums
    scores = [round(cosine(v, total), 9) for v in vs]
    best = max(current, key=lambda i: (scores[i], newest(i)))
    # titles of the same words are one title ("Day Four", "Day Five" of a series): the newest of them
    words = set(terms_of(titles[best]))
    return articles[max((i for i in current if set(terms_of(titles[i])) == words), key=newest)].title


def _names_the_story(title: str, others: Sequence[Vector]) -> bool:
    """Whether a title holds a term of the story's other articles: a blog's teaser title may name none."""
    return any(term in v for term in terms_of(title) for v in others)


def latest_figures(
    leads: Sequence[Sequence[str]],
    dates: Sequence[Ordered | None],
    *,
    max_sentences: int = 400,
    weights: Mapping[str, float] | None = None,
) -> dict[str, str]:
    """Each sentence of ``leads`` (spaces evened out) that a later one revises, mapped to its latest
    revision (:func:`revisions`, over the first ``max_sentences`` sentences, each term weighed by
    ``weights``, by default :func:`fact_weights` of those sentences): what :func:`story_summary` leaves
    out, and what tells :func:`medoid_title` that a title's count is outdated."""
    unique = _sentences(leads, max_sentences)
    weights = fact_weights(unique) if weights is None else weights
    replaced = revisions(unique, first_told(leads, dates), weights=weights)
    return {unique[j]: unique[i] for j, i in replaced.items()}


def told_once(sentences: Sequence[str]) -> tuple[str, ...]:
    """An article's summary sentences, in its order, without one that repeats a fact of one before it
    (:func:`restates`, its terms weighed by :func:`fact_weights` of these sentences): a
    standfirst and the lead that retells it ("Trump says the golf course is worth more than $50m but
    ..." / "Donald Trump says the Trump National Golf Club in Florida is worth more than $50m.")."""
    if len(sentences) < 2:
        return tuple(sentences)
    weights = fact_weights(sentences)
    kept: list[str] = []
    for sentence in sentences:
        # one way only: a later sentence that tells more than an earlier short one ("Signs are mounting
        # that North Korean soldiers are fighting ..." then NATO's spokesperson on what it would mark) is
        # the article going on, not a repeat (QA17d F5)
        if not any(restates(sentence, k, weights=weights) for k in kept):
            kept.append(sentence)
    return tuple(kept)


def _sentences(leads: Sequence[Sequence[str]], most: int) -> list[str]:
    """The leads' sentences, each once, spaces evened out."""
    return list(dict.fromkeys(" ".join(x.split()) for lead in leads for x in lead if x.strip()))[:most]


@lru_cache(maxsize=1)
def _ranker():
    return build_summarizer("default")


def story_summary(
    leads: Sequence[Sequence[str]],
    *,
    sentences: int = 3,
    max_sentences: int = 400,
    weights: Mapping[str, float] | None = None,
    known: Sequence[str] = (),
    dates: Sequence[Ordered | None] = (),
    revised: Mapping[str, str] | None = None,
    named: bool = True,
    first: int | None = None,
) -> tuple[str, ...]:
    """A multi-document summary: the most central of the articles' lead sentences, each fact once.

    ``leads`` holds each article's summary sentences. The sentences are ranked together by the default
    summarizer's centrality (a fact several outlets report is echoed, so central); a sentence that
    repeats one already chosen (two outlets, one fact: :func:`is_near_duplicate`, its terms weighed by
    ``weights``, by default :func:`fact_weights` of these sentences; or the same toll, each with other
    news: :func:`~briefing.facts.tells_one_count`) is skipped, and so is one that :func:`restates` one
    of ``known`` (what the reader has: ranked with the others, never chosen) or tells only counts those
    tell (:func:`~briefing.facts.counts_told`: "stood at 41 dead, with some 65,000 displaced").
    With ``dates`` (when each of ``leads`` was published, or a finer order of one kind such as
    ``(published, arrived, id)`` so that leads of one moment are ordered too; None: unknown), a sentence
    a later one :func:`revises` (the toll of 12, once an article gives 41) is left out, and the later one
    takes its rank if higher (see :func:`revisions`); ``revised``, when given, is that finding already
    made (:func:`latest_figures` of the same leads and dates). Best first.

    The rules of an article's summary hold across its articles (:mod:`briefing.antecedents`): a sentence
    that answers an earlier one of its own lead ("However, ...", "It was ...", the consequence "This
    means ...") is told right after one of those, or not at all; one opening on a pronoun with nothing
    before it in its lead ("Its sources said ...") only when nothing else can be told; a "he" whose
    person its lead names just before may open it. With ``named`` (the default) the sentences are told
    apart from their leads (:func:`told_in_story`): that "he" named, a surname alone written in full;
    without, they are the leads' own (spaces evened out), for a caller that matches them to their
    articles first and tells them after.

    With ``first`` (the place in ``leads`` of the article whose title is the story's headline), that
    lead's first sentence that can open a summary opens this one: a headline over another article's lead
    pairs two reports ("Top Dems say ..." over Paul Ryan's words, the newer "... after 2nd day sans
    verdict" over the older "deliberations have begun"). A sentence in a writer's own voice ("our
    president", :func:`~briefing.opinion.voices_author`) is told only when nothing else can be: a
    column's "we" is no story's news.
    """
    unique = _sentences(leads, max_sentences)
    if not unique:
        return ()
    terms = [terms_of(s) for s in unique]
    ranker = _ranker()
    ranks = list(ranker.power_method(ranker.matrix_of(terms), ranker.epsilon))
    weights = fact_weights(unique) if weights is None else weights
    if revised is None:
        revised = latest_figures(leads, dates, max_sentences=max_sentences, weights=weights) if dates else {}
    index = {x: n for n, x in enumerate(unique)}
    replaced = {index[old]: index[new] for old, new in revised.items() if old in index and new in index}
    for old, new in replaced.items():
        ranks[new] = max(ranks[new], ranks[old])  # the news of a fact is the newest figure of it
    same = {" ".join(k.split()) for k in known}
    order = sorted(range(len(unique)), key=lambda i: (-ranks[i], i))
    fit = [
        i
        for i in order
        if i not in replaced
        and unique[i] not in same
        and not any(restates(unique[i], k, weights=weights) for k in known)
        and not (known and counts_told(unique[i], known))  # each count it tells, the reader has heard
    ]
    places = _Places(leads)
    needs = {**_leaning_leads(leads, unique), **_needed_leads(leads, unique)}

    def excused(i: int) -> bool:  # "He said ..." whose person the lead names just before: named
        return places.names_opener(unique[i]) and not follows_from(unique[i])

    # a sentence that opens on a pronoun with nothing before it in its lead ("Its sources said...")
    # points back to a sentence of its article the lead does not hold: told only when nothing else is
    plain = [
        i
        for i in fit
        if (i in needs or not opens_on_pronoun(unique[i]) or excused(i)) and not voices_author(unique[i])
    ]
    if first is not None and 0 <= first < len(leads):
        candidates = set(plain)
        # a first sentence whose figures a later one revised opens as that revision (the newest toll)
        own = (replaced.get(k, k) for k in (index.get(" ".join(x.split()), -1) for x in leads[first]))
        opener = next((i for i in own if i in candidates and (i not in needs or excused(i))), None)
        if opener is not None:
            plain = [opener, *(i for i in plain if i != opener)]
    if known:  # of two tellers of one toll, the one whose other news the reader has not had
        plain = _other_news_first(plain, unique, known)
    chosen = _distinct(plain, unique, sentences, weights, needs=needs, excused=excused)
    told = tuple(unique[i] for i in chosen or _distinct(fit, unique, sentences, weights))
    return places.told(told) if named else told


def _other_news_first(order: Sequence[int], unique: Sequence[str], known: Sequence[str]) -> list[int]:
    """``order`` with a sentence whose news beside its counts the reader has
    (:func:`~briefing.facts.news_beside_counts_told`) in the place of a later one telling the same count
    (:func:`~briefing.facts.tells_one_count`) with news of its own: "rose to 41, and the first aid flights
    landed" once the flights were told gives way to "has risen to 41, ... and health officials warned of
    cholera"; the toll is told once either way (:func:`_distinct`)."""
    out = list(order)
    counting = {i for i in out if count_kinds(unique[i]) and figures_of(unique[i])}
    if len(counting) < 2:
        return out
    for a in range(len(out)):
        if out[a] not in counting:
            continue
        partners = [
            b
            for b in range(a + 1, len(out))
            if out[b] in counting and tells_one_count(unique[out[b]], unique[out[a]])
        ]
        if not partners or not news_beside_counts_told(unique[out[a]], known):
            continue
        b = next((b for b in partners if not news_beside_counts_told(unique[out[b]], known)), None)
        if b is not None:
            out[a], out[b] = out[b], out[a]
    return out


def told_in_story(summary: Sequence[str], leads: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """A story summary's sentences (``story_summary(..., named=False)``, in the order they are told)
    told apart from the ``leads`` they come from (:func:`briefing.antecedents.told_apart`, each with its
    own article's lead): a "he" whose person the summary has not just named is named, as the sentence
    before it in its lead names the person ("“...,” he said." -> "“...,” Nico Lange said."), and a surname
    alone whose full name its lead gave in a sentence the summary left out is written in full. A sentence
    of none of the leads is told as it is."""
    return _Places(leads).told(summary)


class _Places:
    """Where a story's sentences are in their articles' leads (the first lead that holds each, spaces
    evened out), with each lead's people, read (:class:`~briefing.referents.People`) only when asked."""

    def __init__(self, leads: Sequence[Sequence[str]]):
        self.leads = [[" ".join(x.split()) for x in lead] for lead in leads]
        self.place: dict[str, tuple[int, int]] = {}
        for k, lead in enumerate(self.leads):
            for n, sentence in enumerate(lead):
                self.place.setdefault(sentence, (k, n))
        self._people: dict[int, People] = {}

    def people(self, k: int) -> People:
        if k not in self._people:
            self._people[k] = People(self.leads[k])
        return self._people[k]

    def names_opener(self, sentence: str) -> bool:
        """Whether a sentence opens on a "he" or "she" whose person its lead makes clear."""
        k, n = self.place.get(" ".join(sentence.split()), (-1, 0))
        return k >= 0 and self.people(k).names_opener(n)

    def told(self, summary: Sequence[str]) -> tuple[str, ...]:
        rows = [(" ".join(x.split()), x) for x in summary]
        if not any(key in self.place for key, _ in rows):
            return tuple(summary)
        chosen = []
        for key, sentence in rows:
            if key in self.place:
                k, n = self.place[key]
                chosen.append((self.people(k), n, key))
            else:  # a sentence of no lead: alone, nothing before it names anyone
                chosen.append((People([sentence]), 0, sentence))
        return tuple(told_apart(chosen))


# a name of two or more capitalised words ("Karnataka Bank"), its last word apart
_NAME = re.compile(r"\b(?:[A-Z][\w&’'.-]*\s+)+([A-Z][a-z]+)\b")
_LEADING_THE = re.compile(r"^The\s+")  # "The Karnataka Bank" is Karnataka Bank


def _needed_leads(leads: Sequence[Sequence[str]], unique: Sequence[str]) -> dict[int, set[int]]:
    """The sentences that name a thing by its common noun ("the Bank") where the story's articles name
    two things of that noun ("Karnataka Bank", "Corporation Bank"), each mapped to the first sentences of
    its articles: told after one of those, or not at all, so a quote about "the Bank" is not read as
    another article's bank's."""
    index = {x: n for n, x in enumerate(unique)}
    named: dict[str, set[str]] = defaultdict(set)  # a noun -> the names ending with it
    for lead in leads:
        for sentence in lead:
            for match in _NAME.finditer(sentence):
                name = _LEADING_THE.sub("", " ".join(match.group(0).split()))
                if name != match.group(1):  # "The Bank" opening a sentence is the noun, no name of it
                    named[match.group(1).casefold()].add(name)
    twice = [noun for noun, names in named.items() if len(names) > 1]
    if not twice:
        return {}
    # the noun in any case ("the Bank", "the bank"), but not when a capitalised word follows it: "the
    # Bank Negara" is a name; only the noun is case-blind, so the lookahead refuses capitals alone
    nouns = "|".join(map(re.escape, twice))
    generic = re.compile(rf"\b[Tt]he ((?i:{nouns}))\b(?!\s+[A-Z])")
    needs: dict[int, set[int]] = defaultdict(set)
    for lead in leads:
        first = index.get(" ".join(lead[0].split())) if lead else None
        for sentence in lead[1:]:
            n = index.get(" ".join(sentence.split()))
            if n is not None and first is not None and generic.search(sentence):
                needs[n].add(first)
    return needs


def _leaning_leads(leads: Sequence[Sequence[str]], unique: Sequence[str]) -> dict[int, set[int]]:
    """The sentences that need one before them in their own article's lead (:func:`needed_before`:
    "However, ...", "These measures ..."), each mapped to those earlier sentences: told right after one
    of them, or not at all, so no summary opens on a sentence that answers one it does not hold."""
    index = {x: n for n, x in enumerate(unique)}
    out: dict[int, set[int]] = {}
    for lead in leads:
        keys = [" ".join(x.split()) for x in lead]
        for i, wanted in needed_before(keys).items():
            n = index.get(keys[i])
            before = {index[keys[j]] for j in min(wanted, key=len) if keys[j] in index}
            if n is not None and before:
                out.setdefault(n, set()).update(before)
    return out


def _distinct(
    order: Sequence[int],
    unique: Sequence[str],
    most: int,
    weights: Mapping[str, float],
    *,
    needs: Mapping[int, set[int]] | None = None,
    excused: Callable[[int], bool] = lambda i: False,
) -> list[int]:
    """The first ``most`` of ``order`` that repeat none chosen before them (:func:`is_near_duplicate`, or
    one figure's fact in other words: :func:`~briefing.facts.tells_a_figure_of`); a sentence in
    ``needs`` only after one of its sentences there has been chosen, and told right after it, unless it
    is ``excused`` (then it is told where it ranks)."""
    needs = needs or {}
    chosen: list[int] = []
    for i in order:
        waiting = i in needs and not needs[i] & set(chosen)
        if waiting and not excused(i):
            continue
        if not any(repeats_fact(unique[i], unique[j], weights) for j in chosen):
            if i in needs and not waiting:
                after = max(chosen.index(j) for j in needs[i] if j in chosen)
                chosen.insert(after + 1, i)
            else:
                chosen.append(i)
            if len(chosen) == most:
                break
    return chosen
