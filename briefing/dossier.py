"""The ``/actor`` dossier: who an actor is and what the news says about them, short enough for a phone.

``compose_dossier(record, now=...)`` turns an :class:`~briefing.mentions.ActorRecord` into a Document:
a header (name, type and role, how many articles and outlets, first and last seen), then one section each
for the key sentences, the actors most often named alongside, and the latest articles, so Telegram can
page it section by section.

The key sentences are an actor-focused extractive summary: sumy's LexRank over the sentences that mention
the actor (all of them are about the actor, so centrality picks what the coverage agrees on), with
repeats dropped: the same wire sentence in three outlets is quoted once, and so is one fact that two
outlets word differently (the story summary's test, :func:`briefing.facts.repeats_fact`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache

import numpy
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from briefing.ages import age, dated_age
from briefing.cues import spelt_out
from briefing.document import (
    Block,
    Document,
    Section,
    Span,
    bold,
    clip,
    heading,
    italic,
    item,
    link,
    para,
    plural,
    quote,
)
from briefing.facts import fact_weights, repeats_fact
from briefing.gazetteer import load_gazetteer
from briefing.mentions import ActorRecord, ArticleLink, Quote
from briefing.models import Actor
from briefing.qualifiers import TYPE_WORDS
from briefing.sentences import split_sentences, without_dateline

KEY_SENTENCES = 4
MAX_QUOTE_CHARS = 320
MIN_QUOTE_WORDS = 6
NEAR_REPEAT = 0.6  # word-set Jaccard similarity above which two sentences say the same thing
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*")


class RankedLexRank(LexRankSummarizer):
    """sumy's LexRank, returning every sentence's rating (so near-repeats can be dropped before cutting),
    with its idf and similarity matrix computed by numpy: the same numbers, without sumy's pure-Python
    pairwise loops, which take a tenth of a second for sixty sentences."""

    def rate(self, sentences: Sequence[SumySentence]) -> list[float]:
        words = [self._to_words_set(s) for s in sentences]
        tf = self._compute_tf(words)
        idf = self._compute_idf(words)
        matrix = self._create_matrix(words, self.threshold, tf, idf)
        if not matrix.any():  # nothing links (two sentences sharing no word): sumy's power method
            return [1.0] * len(sentences)  # would divide by zero; they rate alike
        return list(self.power_method(matrix, self.epsilon))

    @staticmethod
    def _compute_idf(sentences: Sequence[Sequence[str]]) -> dict[str, float]:
        frequency = Counter(term for sentence in sentences for term in set(sentence))
        return {term: math.log(len(sentences) / (1 + n)) for term, n in frequency.items()}

    def _create_matrix(self, sentences, threshold, tf_metrics, idf_metrics):
        terms = {term: k for k, term in enumerate(idf_metrics)}
        weights = numpy.zeros((len(sentences), len(terms)))
        for row, tf in enumerate(tf_metrics):
            for term, value in tf.items():
                weights[row, terms[term]] = value * idf_metrics[term]
        norms = numpy.linalg.norm(weights, axis=1)
        scale = numpy.outer(norms, norms)
        with numpy.errstate(divide="ignore", invalid="ignore"):
            cosine = numpy.where(scale > 0, weights @ weights.T / scale, 0.0)
        linked = (cosine > threshold).astype(float)
        degrees = numpy.maximum(linked.sum(axis=1), 1.0)
        return linked / degrees[:, None]


class WordTokenizer:
    """sumy's tokenizer interface for ranking only: words by a regular expression. The project's
    ``briefing.sentences.Tokenizer`` (NLTK's) costs a millisecond a sentence, too slow for a reply, and
    similarity between sentences needs words, not punctuation-exact tokens."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.text for s in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_TOKEN.findall(sentence))


@lru_cache(maxsize=1)
def quote_summarizer() -> RankedLexRank:
    stem = lru_cache(maxsize=100_000)(Stemmer("english"))  # Snowball is slow, and news repeats words
    summarizer = RankedLexRank(stem)
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _quotable(text: str) -> bool:
    """A whole sentence worth quoting: not a headline, a list lead ("... includes:") or a fragment."""
    return len(_words(text)) >= MIN_QUOTE_WORDS and text.rstrip("”’\"')»«“ ").endswith((".", "!", "?"))


def _near_repeat(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= NEAR_REPEAT


def key_quotes(quotes: Sequence[Quote], count: int = KEY_SENTENCES) -> list[Quote]:
    """The ``count`` most central quotes, most central first, without repeats: near-repeats in words, and
    a fact told before in other words (:func:`repeats_fact`, the story summary's test, its terms weighed
    by :func:`fact_weights` of the quotes), as two outlets tell one event (QA22a F4)."""
    unique: list[Quote] = []
    texts: list[str] = []  # each unique quote's sentence, its spaces made one
    seen: set[str] = set()
    for q in quotes:
        text = " ".join(q.sentence.split())
        if text.lower() not in seen and _quotable(text):
            seen.add(text.lower())
            unique.append(q)
            texts.append(text)
    if len(unique) <= 1:
        return unique[:count]
    tokenizer = WordTokenizer()
    sentences = [SumySentence(text, tokenizer) for text in texts]
    ratings = quote_summarizer().rate(sentences)
    order = sorted(range(len(unique)), key=lambda i: (-ratings[i], i))
    weights = fact_weights(texts)
    chosen: list[Quote] = []
    chosen_words: list[set[str]] = []
    chosen_texts: list[str] = []
    for i in order:
        words = _words(unique[i].sentence)
        if any(_near_repeat(words, w) for w in chosen_words):
            continue
        if any(repeats_fact(texts[i], told, weights) for told in chosen_texts):
            continue
        chosen.append(unique[i])
        chosen_words.append(words)
        chosen_texts.append(texts[i])
        if len(chosen) == count:
            break
    return chosen


def balanced(text: str) -> str:
    """A sentence cut out of a longer quotation, with the quotation marks it lacks: a quote that opens
    and goes on into the next sentence is closed, one that began in the sentence before is opened."""
    opened, closed = text.count("“"), text.count("”")
    if opened > closed:
        text += "”"
    elif closed > opened:
        text = "“" + text
    if text.count('"') % 2:
        text = text + '"' if text.startswith('"') else '"' + text
    return text


def _clip(text: str, limit: int = MAX_QUOTE_CHARS) -> str:
    return balanced(clip(without_dateline(" ".join(text.split())), limit))


def kind_word(actor: Actor) -> str:
    """What an actor is, in a reply's words: "person", "organisation", "place", or "country" for a place
    that is one ("Russia")."""
    if actor.type == "place" and load_gazetteer().is_country(actor.name):
        return "country"
    return TYPE_WORDS.get(actor.type, actor.type)


def _header(record: ActorRecord, now: datetime) -> tuple[Block, ...]:
    actor = record.actor
    kind = kind_word(actor).capitalize()
    lines = [heading(actor.name), para(italic(f"{kind} · {spelt_out(actor.role)}" if actor.role else kind))]
    seen: list[Span | str] = [
        f"In {plural(actor.article_count, 'article')} from {plural(record.source_count, 'source')}"
    ]
    # the dates its outlets gave, when some did; else the days the archive read it, said as such
    first, last = record.dated_seen or (actor.first_seen, actor.last_seen)
    if first and last:
        verb = "added" if record.only_added else "seen"
        seen += [f", first {verb} ", age(first, now, "day"), f", last {verb} ", age(last, now, "day")]
    if record.dated_seen and record.added_since:
        # undated articles read since the last dated one head the latest articles ("added today"): the
        # header counts them too, or "last seen 13 Nov 2024" would seem to say nothing came after
        count, newest = record.added_since
        seen += [f"; {plural(count, 'undated article')} since, last added ", age(newest, now, "day")]
    lines.append(para(*seen, "."))
    aliases = sorted(actor.aliases, key=str.lower)[:6]
    if aliases:
        lines.append(para("Also called: ", ", ".join(aliases)))
    return tuple(lines)


def _day(article: ArticleLink, now: datetime) -> tuple[Span, ...]:
    """An article's day ("today", "13 Nov"); "added today" when its outlet gave no date and the day is
    the one the archive read it (:func:`dated_age`)."""
    return dated_age(article.when, article.dating, now, "day")


def _source(article: ArticleLink, now: datetime) -> Block:
    return para("— ", link(article.source, article.url), ", ", *_day(article, now))


def compose_dossier(record: ActorRecord, *, now: datetime, sentences: int = KEY_SENTENCES) -> Document:
    """The dossier of one actor. ``now`` dates the record ("yesterday", "3 Nov")."""
    sections = []
    chosen = key_quotes(record.quotes, sentences)
    if chosen:
        blocks: list[Block] = [para(bold("What the news says"))]
        for q in chosen:
            blocks += [quote(_clip(q.sentence)), _source(q.article, now)]
        sections.append(Section(tuple(blocks)))
    if record.co_mentioned:
        names = [item(c.actor.name, f" ({plural(c.articles, 'article')})") for c in record.co_mentioned]
        within = f", in its latest {record.co_window:,} articles" if record.co_window else ""
        sections.append(Section((para(bold("Often mentioned with"), within), *names)))
    if record.latest:
        latest = [item(link(a.title, a.url), f" — {a.source}, ", *_day(a, now)) for a in record.latest]
        sections.append(Section((para(bold("Latest articles")), *latest)))
    return Document(header=_header(record, now), sections=tuple(sections))
