"""Stories: articles about the same event, from one or more outlets, grouped, summarized and ranked.

    vectors = Vectorizer(idf, actor_idf=actor_idf)             # term -> weight, actor id -> weight
    story = assign_story(article, candidates, vectors=vectors, window=timedelta(hours=72))
    groups = cluster_articles(day_of_articles, window=timedelta(hours=72))
    summary = story_summary([a.summary for a in articles], dates=[a.when for a in articles])
                                                   # each fact once, with its latest figures
    ranked = rank_stories(stories, now=now)

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
:data:`FOLLOW_UP_TEXT`) joins when its actors are close to the story's (:data:`FOLLOW_UP_ACTORS`).
Batch clustering replays the same rule in time order, so a re-cluster and a stream of ingests agree
(up to the centroid of a long story, which at ingest is built from its latest
:data:`CENTROID_ARTICLES`, and to the order articles arrive in). Terms are folded and stemmed as
SQLite's FTS5 ``porter unicode61 remove_diacritics`` tokenizer does.

Candidates are looked up by key terms (an article's or a story centroid's weightiest ones): in memory
for a batch, through the ``story_keys`` table at ingest.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from nltk.stem.porter import PorterStemmer

from briefing.cues import MONTHS
from briefing.models import Story
from briefing.summarizers import build_summarizer, stop_words

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
RESTATED = 0.5  # more than this share of a sentence's (weighted) fact terms in another: it says nothing new
REVISED = 0.5  # two sentences counting the dead (or injured...) with other figures: this share of words alike
REVISED_OTHER = 0.8  # two with other figures of a thing no count word names: this share alike
CENTROID_ARTICLES = 30  # a story's centroid is built from at most its latest articles
CANDIDATE_TERMS = 10  # a batch compares an article with the stories sharing one of these weightiest terms

K = TypeVar("K")


class _Ordered(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...
    def __le__(self, other: Any, /) -> bool: ...


Told = TypeVar("Told", bound=_Ordered)  # when a lead was told: a date, or a finer order (date, arrival, id)

_TOKEN = re.compile(r"[^\W_]+")
# FTS5's remove_diacritics folds Latin letters only ("café" -> "cafe", but "й" stays "й")
_LATIN_DIACRITICS = re.compile(r"(?<=[a-z])[\u0300-\u036f]+")
_FIGURE = re.compile(r"\b\d+(?:[.,]\d+)*\b")  # not the 15 of "A15", a name
# words that say when a fact happened or who told it, not what it is: a retelling adds or drops them
_NOT_FACTS = (
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *("official", "officials", "authority", "authorities", "spokesman", "spokeswoman", "spokesperson"),
    *("reported", "reports", "report", "according", "statement", "confirmed", "told", "cited"),
)
# what a figure counts, when words say it: the counts breaking news keeps revising ("kill", "toll")
_COUNTS = {
    "dead": ("dead", "death", "deaths", "died", "dies", "kill", "killed", "killing", "toll", "fatalities"),
    "hurt": ("injured", "injuries", "injury", "wounded", "hurt", "hospitalised", "hospitalized"),
    "missing": ("missing", "unaccounted"),
    "displaced": ("evacuated", "evacuation", "evacuees", "displaced", "homeless", "fled"),
    "held": ("arrested", "arrests", "detained", "detention", "custody"),
}
# words that say a figure changed, not what it counts: "the toll rose to 41" retells "12 were killed"
_CHANGES: tuple[str, ...] = ("rose", "rise", "rises", "risen", "rising", "climbed", "increased", "grew")
_CHANGES += ("jumped", "reached", "fell", "dropped", "lowered", "revised", "updated", "total", "now")
# words that mark another event of the same kind, not a recount: "a second car bomb", "another strike"
_ANOTHER: tuple[str, ...] = ("another", "second", "third", "fourth", "fifth", "new", "fresh", "separate")
_ANOTHER += ("further", "2nd", "3rd", "4th", "5th")
# words that say which day a fact is of: facts of two days are two facts ("30 arrested on Saturday",
# "45 on Sunday"), unless a word of change says one figure became the other
_DAYS: tuple[str, ...] = ("today", "yesterday", "tonight", "overnight")
_DAY_WORDS = frozenset((*_NOT_FACTS[:7], *_DAYS))
_COUNTED = re.compile(rf"({_FIGURE.pattern})(?:[ \u00a0]+([^\W\d_]+))?")  # a figure and the word after it
_NAME = re.compile(r"(?<=[^.!?\s] )[A-Z][^\W_]*")  # a capitalised word inside a sentence
_STEM_PREFIX = 5  # two terms this long where one starts the other are one word ("injuri", "injur")


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


@lru_cache(maxsize=1)
def _porter() -> PorterStemmer:
    return PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM)  # FTS5's porter is the original algorithm


@lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    return frozenset(_fold(w) for w in stop_words())


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    return unicodedata.normalize(
        "NFC", _LATIN_DIACRITICS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    )


@lru_cache(maxsize=65536)
def _stem(token: str) -> str:
    return _porter().stem(token)


def content_words(text: str) -> list[str]:
    """A text's words as FTS5 sees them (case and accents folded), stop words and numbers dropped."""
    stops = _stops()
    return [t for t in _TOKEN.findall(_fold(text)) if len(t) > 2 and t not in stops and not t.isdigit()]


def terms_of(text: str) -> list[str]:
    """Content terms of a text: its content words stemmed as FTS5 stems them."""
    return [_stem(w) for w in content_words(text)]


def article_terms(article: StoryArticle) -> Counter[str]:
    """Term counts of an article's title (boosted) and lead."""
    counts = Counter(terms_of(article.lead))
    for term in terms_of(article.title):
        counts[term] += TITLE_BOOST
    return counts


def idf_table(document_frequency: Mapping[K, int], documents: int) -> dict[K, float]:
    """Smoothed inverse document frequencies, from counts of the documents holding each term."""
    return {t: math.log((1 + documents) / (1 + df)) + 1.0 for t, df in document_frequency.items()}


def idf_of(articles: Iterable[StoryArticle]) -> dict[str, float]:
    """IDF computed from the articles themselves (for a batch without an archive to ask)."""
    frequency: Counter[str] = Counter()
    n = 0
    for article in articles:
        frequency.update(set(article_terms(article)))
        n += 1
    return idf_table(frequency, n)


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
    """TF-IDF vectors (sublinear tf, unit length); a term missing from ``idf`` counts as rare.

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
            rare = (a for a in article.actors if self.actor_idf.get(a, self.actor_unseen) >= self._floor)
            found = self._distinctive_cache[article] = frozenset(rare)
        return found

    def actors(self, article: StoryArticle) -> dict[int, float]:
        """The article's actors as a unit vector of their inverse document frequencies."""
        vector = self._actor_cache.get(article)
        if vector is None:
            weights = {a: self.actor_idf.get(a, self.actor_unseen) for a in article.actors}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            vector = self._actor_cache[article] = {a: w / norm for a, w in weights.items()}
        return vector

    def __call__(self, article: StoryArticle) -> Vector:
        vector = self._cache.get(article)
        if vector is None:
            weights = {
                t: (1.0 + math.log(c)) * self.idf.get(t, self.unseen)
                for t, c in article_terms(article).items()
            }
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            vector = self._cache[article] = {t: w / norm for t, w in weights.items()}
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
    actors: dict[int, float] = field(default_factory=dict)
    actors_squared: float = 0.0
    latest: datetime | None = None
    members: list[int] = field(default_factory=list)
    alive: bool = True
    indexed: list[str] = field(default_factory=list)  # the centroid's weightiest terms, when indexed

    def add(self, article: StoryArticle, vector: Vector, actors: Mapping[int, float]) -> None:
        self.squared = _accumulate(self.total, vector, self.squared)
        self.actors_squared = _accumulate(self.actors, actors, self.actors_squared)
        self.latest = article.when if self.latest is None else max(self.latest, article.when)
        self.members.append(article.id)

    def similarity(self, article: StoryArticle, vector: Vector, vectors: Vectorizer) -> float:
        """Cosine with the centroid, blended (:func:`blend`) with the actors' cosine when both have
        actors."""
        length = math.sqrt(self.squared) or 1.0
        text = sum(w * self.total.get(t, 0.0) for t, w in vector.items()) / length
        actors = vectors.actors(article)
        if not actors or not self.actors:
            return text
        shared = sum(w * self.actors.get(a, 0.0) for a, w in actors.items()) / math.sqrt(self.actors_squared)
        if not any(a in self.actors for a in vectors.distinctive(article)):
            # no actor in common (two floods in two countries: words alone must be very close), or
            # only common ones (a country, a big organisation: the words decide)
            return text if shared >= NO_SHARED_ACTORS or text >= STRONG_TEXT else 0.0
        named = sum(w * self.total.get(t, 0.0) for t, w in vector.items() if t in article.names) / length
        return blend(text, shared, text - named)


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


def _best(
    article: StoryArticle,
    vectors: Vectorizer,
    clusters: Iterable[_Cluster],
    window: timedelta,
    threshold: float,
) -> _Cluster | None:
    best, best_score = None, threshold
    vector = vectors(article)
    for cluster in clusters:
        if cluster.latest is None or abs(article.when - cluster.latest) > window:
            continue
        score = cluster.similarity(article, vector, vectors)
        if score >= best_score:
            best, best_score = cluster, score
    return best


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
    best = _best(article, vectors, clusters, window, threshold)
    return best.key if best else None


def key_terms(vector: Mapping[str, float], count: int = CANDIDATE_TERMS) -> list[str]:
    """The weightiest terms of a vector: what candidate stories are looked up by."""
    return sorted(vector, key=lambda t: (-vector[t], t))[:count]


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
    :func:`assign_story`'s rule in time order. ``vectors``, a caller's vectorizer over the same tables,
    is used instead of a new one (its vectors are cached, so the caller's later use of them is free).

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
        )
    clusters: list[_Cluster] = []
    postings: dict[str, set[int]] = defaultdict(set)  # term -> live clusters it is a top term of
    expiry: list[tuple[datetime, int]] = []  # (latest article, cluster), stale entries skipped

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
        keys: set[int] = set()
        for term in key_terms(vector, CANDIDATE_TERMS):
            keys.update(postings.get(term, ()))
        best = _best(article, vectors, (clusters[k] for k in sorted(keys)), window, threshold)
        if best is None:
            best = _Cluster(len(clusters))
            clusters.append(best)
        best.add(article, vector, actors)
        heapq.heappush(expiry, (article.when if best.latest is None else best.latest, best.key))
        index(best, key_terms(best.total, CANDIDATE_TERMS))
    return [c.members for c in clusters]


def medoid_title(articles: Sequence[StoryArticle], vectors: Callable[[StoryArticle], Vector]) -> str:
    """The headline of a story: the title of the article closest to all the others, of those whose
    figures no later title :func:`revises` ("toll climbs to 27", once a title says 41)."""
    figured = {i for i, a in enumerate(articles) if _figures(a.title)}  # only these revise or are revised
    current = [
        i
        for i, a in enumerate(articles)
        if i not in figured
        or not any(articles[j].when > a.when and revises(articles[j].title, a.title) for j in figured)
    ]
    if len(articles) <= 2:
        return min((articles[i] for i in current), key=lambda a: (a.when, a.id)).title
    vs = [vectors(a) for a in articles]
    scores = [sum(cosine(v, w) for w in vs) for v in vs]
    best = max(current, key=lambda i: (scores[i], -articles[i].when.timestamp()))
    return articles[best].title


@lru_cache(maxsize=65536)
def fact_terms(sentence: str) -> frozenset[str]:
    """What a sentence states, as terms: its content terms but the weekdays and the words of attribution
    ("officials said", "reported": when and who told it, not what), and its figures ("#41", "#7.4",
    "#4000": numbers count, a new figure is news)."""
    ignored = _not_facts()
    figures = {"#" + f.replace(",", "") for f in _FIGURE.findall(sentence)}
    return frozenset(t for t in terms_of(sentence) if t not in ignored) | figures


@lru_cache(maxsize=1)
def _not_facts() -> frozenset[str]:
    return frozenset(_stem(w) for w in _NOT_FACTS)


def fact_weights(sentences: Iterable[str]) -> dict[str, float]:
    """How much each term tells which fact a sentence of a story states: its inverse frequency among
    the story's ``sentences``. The story's own vocabulary ("dock workers", "Rotterdam") is in most of
    them and says little; the words of one fact ("court", "ordered", "midnight") say much."""
    frequency: Counter[str] = Counter()
    n = 0
    for sentence in sentences:
        frequency.update(fact_terms(sentence))
        n += 1
    return idf_table(frequency, n)


def _one_word(term: str, terms: frozenset[str]) -> bool:
    """Whether a term is one word with one of ``terms`` that the stemmer split ("injuri", "injur")."""
    return any(len(t) >= _STEM_PREFIX and (t.startswith(term) or term.startswith(t)) for t in terms)


def restates(
    sentence: str, other: str, *, weights: Mapping[str, float] | None = None, threshold: float = RESTATED
) -> bool:
    """Whether ``sentence`` states nothing ``other`` does not: each of its figures is in ``other`` counting
    a thing alike (:func:`_counts_alike`: "12 people" and "12 dead", not "12 villages"), and more
    than ``threshold`` of its fact terms (:func:`fact_terms`) are, each weighing its ``weights`` entry
    (:func:`fact_weights` of the story's sentences; 1 when missing). Measured on ``sentence``'s terms,
    not on the shorter sentence's: a development that names the story's subject is no restatement."""
    mine, theirs = fact_terms(sentence), fact_terms(other)
    if not mine or not theirs:
        return " ".join(sentence.split()) == " ".join(other.split())
    if any(t[0] == "#" and t not in theirs for t in mine):
        return False
    units, their_units = _units(sentence), _units(other)
    if not all(
        _counts_alike(units[t], their_units.get(t, (None,))) for t in mine if t[0] == "#" and t in units
    ):
        return False  # one figure of two things: "12 villages" is not "12 people"
    weight = weights or {}
    needed = threshold * sum(weight.get(t, 1.0) for t in mine)
    found = sum(weight.get(t, 1.0) for t in mine & theirs)
    if found > needed:
        return True
    split = [t for t in mine - theirs if len(t) >= _STEM_PREFIX]
    if found + sum(weight.get(t, 1.0) for t in split) <= needed:
        return False
    return found + sum(weight.get(t, 1.0) for t in split if _one_word(t, theirs)) > needed


def is_near_duplicate(a: str, b: str, *, weights: Mapping[str, float] | None = None) -> bool:
    """Whether two sentences state the same fact: one of them states nothing the other does not
    (:func:`restates`; two outlets word one fact differently, and one often adds a detail)."""
    return restates(a, b, weights=weights) or restates(b, a, weights=weights)


@lru_cache(maxsize=1)
def _count_words() -> dict[str, str]:
    return {_stem(w): "~" + kind for kind, words in _COUNTS.items() for w in words}


@lru_cache(maxsize=1)
def _change_words() -> frozenset[str]:
    return frozenset(_stem(w) for w in _CHANGES)


@lru_cache(maxsize=65536)
def _units(sentence: str) -> dict[str, frozenset[str | None]]:
    """Each figure of a sentence ("#41") and the words it counts: the content term right after it
    ("41 people" -> "peopl"; None for "rose to 41." or "12 of them")."""
    found: dict[str, set[str | None]] = defaultdict(set)
    for figure, word in _COUNTED.findall(sentence):
        terms = terms_of(word) if word else []
        found["#" + figure.replace(",", "")].add(terms[0] if terms else None)
    return {f: frozenset(u) for f, u in found.items()}


@lru_cache(maxsize=65536)
def _names(sentence: str) -> frozenset[str]:
    """The terms of a sentence's capitalised words (but its first): the people and places it names."""
    skipped = _not_facts() | {_stem(m) for m in MONTHS}
    return frozenset(t for w in _NAME.findall(sentence) for t in terms_of(w) if t not in skipped)


def _counts_alike(lost: Iterable[str | None], gained: Iterable[str | None]) -> bool:
    """Whether a figure that counted one of ``lost`` and one that counts one of ``gained`` can be one
    count: one says nothing of what it counts, they count one thing, or one is a count word
    ("12 people" and "41 dead"; not "12 people" and "41 villages")."""
    kinds = _count_words()
    return any(a is None or b is None or a == b or a in kinds or b in kinds for a in lost for b in gained)


def revises(sentence: str, other: str) -> bool:
    """Whether ``sentence`` tells the fact ``other`` tells with other figures: "the death toll rose to 41
    people in the Arequipa region" after "the earthquake struck southern Peru, killing at least 12 people in
    the Arequipa region". Each has a figure the other lacks, and a figure ``other`` lost can count what one
    ``sentence`` gained (:func:`_counts_alike`); they name the same counts (the dead, the injured, the
    missing, the displaced, the arrested: 12 dead and 30 injured are two facts); neither names a person or
    place the other does not while the other names one it lacks (floods in Kenya, in Somalia), nor marks
    another event ("a second car bomb", "another", "new": :func:`_marks`); without a word of change ("rose",
    "toll") they name the same capitalised words and the same days (30 arrested on Saturday and 45 on Sunday
    are two facts); and their other terms (the words of a change such as "rose" left out, the count words as
    their count) are alike: a Dice share from :data:`REVISED` when a count word says what is counted, else
    from :data:`REVISED_OTHER` (the union's 7% demand and the operators' 3% offer are two facts); a changed
    count need only share :data:`REVISED` of the shorter one's terms ("the toll rose to 41, the institute
    said" drops the first report's details)."""
    mine, theirs = fact_terms(sentence), fact_terms(other)
    gained = {t for t in mine - theirs if t[0] == "#"}
    lost = {t for t in theirs - mine if t[0] == "#"}
    if not gained or not lost:
        return False
    units, their_units = _units(sentence), _units(other)
    gained_units = [u for f in gained for u in units.get(f, (None,))]
    if not all(_counts_alike(their_units.get(f, (None,)), gained_units) for f in lost):
        return False
    a, b = _fact_words(mine), _fact_words(theirs)
    counts = {t for t in a if t[0] == "~"}
    if counts != {t for t in b if t[0] == "~"}:
        return False
    names, their_names = _names(sentence), _names(other)
    if (names - their_names and their_names - names) or _marks(sentence) != _marks(other):
        return False  # floods in Kenya and in Somalia; "a second car bomb"
    changed = bool(_change_terms() & mine)  # fact_terms keeps every word of change
    if not changed and (names != their_names or _days(sentence) != _days(other)):
        return False  # Tayaran Square and Sadr City, Saturday and Sunday: without "rose", two events
    share = REVISED if counts else REVISED_OTHER
    if changed and counts:  # "the toll rose to 41, the institute said" drops the first report's details
        return len(a & b) >= share * min(len(a), len(b))
    return 2 * len(a & b) >= share * (len(a) + len(b))


@lru_cache(maxsize=1)
def _change_terms() -> frozenset[str]:
    return _change_words() | {_stem("toll")}


@lru_cache(maxsize=65536)
def _marks(sentence: str) -> frozenset[str]:
    """The words of a sentence that mark another event of a kind ("a second car bomb", "another")."""
    return frozenset(w for w in _TOKEN.findall(sentence.lower()) if w in _ANOTHER)


@lru_cache(maxsize=65536)
def _days(sentence: str) -> frozenset[str]:
    """The days a sentence names: weekdays, "yesterday", and dates ("november 23", "23 november")."""
    words = _TOKEN.findall(sentence.lower())
    found = set()
    for n, w in enumerate(words):
        if w in _DAY_WORDS:
            found.add(w)
        elif w in MONTHS:
            near = [
                x
                for x in (words[n - 1 : n] if n else []) + words[n + 1 : n + 2]
                if x.isdigit() and len(x) <= 2
            ]
            found.add(" ".join([w, *near]))
    return frozenset(found)


@lru_cache(maxsize=65536)
def _fact_words(terms: frozenset[str]) -> frozenset[str]:
    """Fact terms as :func:`revises` compares them: no figures, no words of a change, count words as
    their count ("kill", "toll" -> "~dead")."""
    kinds, changes = _count_words(), _change_words()
    return frozenset(kinds.get(t, t) for t in terms if t[0] != "#" and t not in changes)


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
    dates: Sequence[_Ordered | None] = (),
) -> tuple[str, ...]:
    """A multi-document summary: the most central of the articles' lead sentences, each fact once.

    ``leads`` holds each article's summary sentences. The sentences are ranked together by the default
    summarizer's centrality (a fact several outlets report is echoed, so central); a sentence that
    repeats one already chosen (two outlets, one fact: :func:`is_near_duplicate`, its terms weighed by
    ``weights``, by default :func:`fact_weights` of these sentences) is skipped, and so is one that
    :func:`restates` one of ``known`` (what the reader has: ranked with the others, never chosen).
    With ``dates`` (when each of ``leads`` was published, or a finer order of one kind such as
    ``(published, arrived, id)`` so that leads of one moment are ordered too; None: unknown), a sentence
    a later one :func:`revises` (the toll of 12, once an article gives 41) is left out, and the later one
    takes its rank if higher (see :func:`revisions`). Best first.
    """
    unique = list(dict.fromkeys(" ".join(x.split()) for lead in leads for x in lead if x.strip()))
    unique = unique[:max_sentences]
    if not unique:
        return ()
    terms = [terms_of(s) for s in unique]
    ranker = _ranker()
    ranks = list(ranker.power_method(ranker.matrix_of(terms), ranker.epsilon))
    weights = fact_weights(unique) if weights is None else weights
    replaced = revisions(unique, first_told(leads, dates), weights=weights) if dates else {}
    for old, new in replaced.items():
        ranks[new] = max(ranks[new], ranks[old])  # the news of a fact is the newest figure of it
    same = {" ".join(k.split()) for k in known}
    chosen: list[int] = []
    for i in sorted(range(len(unique)), key=lambda i: (-ranks[i], i)):
        if i in replaced or unique[i] in same or any(restates(unique[i], k, weights=weights) for k in known):
            continue
        if not any(is_near_duplicate(unique[i], unique[j], weights=weights) for j in chosen):
            chosen.append(i)
            if len(chosen) == sentences:
                break
    return tuple(unique[i] for i in chosen)


def first_told(leads: Sequence[Sequence[str]], dates: Sequence[Told | None]) -> dict[str, Told]:
    """When each sentence (spaces evened out) was first told: the earliest date of the leads holding it."""
    first: dict[str, Told] = {}
    for lead, when in zip(leads, dates, strict=True):
        if when is None:
            continue
        for x in lead:
            key = " ".join(x.split())
            if key and (key not in first or when < first[key]):
                first[key] = when
    return first


def _figures(sentence: str) -> frozenset[str]:
    return frozenset(t for t in fact_terms(sentence) if t[0] == "#")


def revisions(
    sentences: Sequence[str], told: Mapping[str, Told], *, weights: Mapping[str, float] | None = None
) -> dict[int, int]:
    """Which of ``sentences`` a later one :func:`revises`, by index: each mapped to the latest sentence
    that revises it (or one that revises that one, and so on). A fact with its figures counts from when
    it was first ``told`` in any wording (:func:`is_near_duplicate` with the same figures), so an outlet
    repeating the first toll after the new one came out is no newer than the first toll; sentences not
    in ``told`` (undated) are left alone."""
    dated = [i for i, x in enumerate(sentences) if x in told and _figures(x)]
    since = {i: told[sentences[i]] for i in dated}
    alike: dict[frozenset[str], list[int]] = defaultdict(list)
    for i in dated:
        alike[_figures(sentences[i])].append(i)
    for group in alike.values():
        for i in group:
            for j in group:
                first = told[sentences[j]]
                if first < since[i] and is_near_duplicate(sentences[i], sentences[j], weights=weights):
                    since[i] = first
    newer: dict[int, int] = {}
    latest_first = sorted(dated, key=lambda i: since[i], reverse=True)  # the latest revision wins
    for j in dated:
        for i in latest_first:
            if since[i] <= since[j]:
                break
            if revises(sentences[i], sentences[j]):
                newer[j] = i
                break
    latest = {}
    for j, i in newer.items():
        while i in newer:  # dates only grow along the chain: it ends
            i = newer[i]
        latest[j] = i
    return latest


@dataclass(frozen=True)
class Ranking:
    """How a briefing weighs a story: ``(1 + log2(1 + sources) + ½·log2(1 + articles)) * 0.5 ** (age /
    half_life)``, with ``source_weight`` and ``size_weight`` the two logarithms' factors."""

    half_life: timedelta = timedelta(hours=24)
    source_weight: float = 1.0
    size_weight: float = 0.5


def score(
    *, last_updated: datetime, sources: int, articles: int, now: datetime, ranking: Ranking = Ranking()
) -> float:
    """Recency, independent sources and size, in one number (higher first)."""
    age = max(0.0, (now - last_updated).total_seconds())
    decay = 0.5 ** (age / ranking.half_life.total_seconds())
    return (
        1.0 + ranking.source_weight * math.log2(1 + sources) + ranking.size_weight * math.log2(1 + articles)
    ) * decay


def story_score(story: Story, now: datetime, ranking: Ranking = Ranking()) -> float:
    """:func:`score` of a story."""
    return score(
        last_updated=story.last_updated,
        sources=len(set(story.sources)),
        articles=len(story.article_ids),
        now=now,
        ranking=ranking,
    )


def rank_stories(stories: Iterable[Story], now: datetime, ranking: Ranking = Ranking()) -> list[Story]:
    """Stories best first for a briefing at ``now``."""
    return sorted(stories, key=lambda s: (-story_score(s, now, ranking), -s.last_updated.timestamp(), -s.id))
