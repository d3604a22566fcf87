"""Extractive summaries of one article, with sumy, offline.

    summarize(body, title="Kellogg named envoy", sentences=3)            # -> ("sentence", ...)
    summarize(body, algorithm="lexrank", words=100, max_sentences=400)

The article is read into sumy's document model by :func:`build_document`: the title, every line that
reads as a label (no final punctuation: section heads, datelines, bylines) and a standfirst without its
full stop become headings, which sumy never returns as summary sentences; photo captions (and a long
caption's words over its credit), embedded social posts and paragraphs printed twice (a caption under the
photo and again in the gallery) are dropped, and so are lines of code, lists of sources and bare web
addresses (:mod:`briefing.snippets`), a lead-in ending on a colon ("The statement read:") and a list's
items without final punctuation (:func:`is_lead_in`), and the fields of a list of labelled values ("Price:
$499." next to "Availability: from March.", :func:`is_field`); a sentence repeated verbatim is kept
once; a sentence that is only a quotation is read with the attributed quotation before it
(:mod:`briefing.speakers`).
Summaries come back in article order. Every algorithm sees at most ``max_sentences`` sentences, the first
ones (news puts the story up front): most cost the square of the sentence count, KL the cube (it gets a
quarter), so a 10,000-sentence input cannot stall the bot.

:data:`SUMMARY_VERSION` names the rules: **bump it in every change that makes a stored summary come out
otherwise** (here, in the modules it reads text with: sentences, antecedents, referents, speakers,
snippets, the summarizers, and in :func:`briefing.stories.story_summary`). Each stored summary records
the version, algorithm and length that made it (``articles.summary_key``); the running bot re-summarizes
the articles whose key is not the current one, newest first, and their stories after them
(:mod:`briefing.service.resummarize`), so an upgrade reaches the archive, not only new articles.
``tests/test_summary_golden.py`` fails when fixed texts' summaries come out otherwise under the same
version; after a bump, ``python -m tests.regen_summary_golden`` records them anew.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as DomSentence
from sumy.utils import ItemsCount

from briefing.antecedents import follows_from, needed_before, told_apart
from briefing.cues import SPEECH_VERBS
from briefing.errors import BriefingError
from briefing.facts import count_kinds, figures_of, retells_a_figure, revises
from briefing.referents import People
from briefing.sentences import (
    MAX_QUOTED,
    Tokenizer,
    ends_sentence,
    ends_with_stop,
    split_sentences,
    without_dateline,
    word_count,
)
from briefing.snippets import embedded_posts, is_prose
from briefing.speakers import attribute_quotes
from briefing.summarizers import ALGORITHMS, CUBIC, build_summarizer

__all__ = [
    "ALGORITHMS",
    "SUMMARY_VERSION",
    "UnknownAlgorithmError",
    "WordBudget",
    "build_document",
    "cap_document",
    "is_caption",
    "is_field",
    "is_fragment",
    "is_label",
    "is_lead_in",
    "same_words",
    "sentence_cap",
    "split_headline",
    "summarize",
    "summarize_document",
]

# the summarizer's rules, as stored summaries record them: bump when a summary would come out otherwise,
# then run `python -m tests.regen_summary_golden` (tests/test_summary_golden.py fails until both are done)
SUMMARY_VERSION = 10
TOKENIZER = Tokenizer()
LABEL_MAX_WORDS = 20

_CAPTION = re.compile(
    r"©|\b(?:photo|image|picture|video) ?(?:credit|caption|source)?s? ?:|\((?:photo|file photo|"
    r"image|picture)\b|\bgetty images\b|\b(?:afp|reuters|ap|epa|pool)(?: via getty)?/",
    re.IGNORECASE,
)
_ENDS_ON_ADDRESS = re.compile(r"(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
# a sentence ending on a colon introduces what follows it: a list, a quotation, code ("Here are the
# steps:", "The statement read:")
_LEAD_IN = re.compile(r":[\s\"”’'»]*$")
# a list item's marker: a bullet, a number or a letter ("- ", "• ", "1. ", "b) ")
_MARKER = r"(?:[-*•·▪‣◦–—]|\(?\d{1,3}[.)]|\(?[a-z][.)])"
_ITEM = re.compile(rf"{_MARKER}\s+\S")
_MARKER_ALONE = re.compile(rf"{_MARKER}\s*")
_NOT_WORD = re.compile(r"[\W_]+")


def same_words(one: str, other: str) -> bool:
    """Whether two lines say the same words, case and punctuation aside: "Storm hits coast." and the
    headline "Storm hits coast", an all-capitals headline and its sentence."""
    a, b = (_NOT_WORD.sub(" ", t.casefold()).split() for t in (one, other))
    return bool(a) and a == b


# a field of a list of labelled values: a short label, a colon, a short value ("Price: $499.", "Subs not
# used: Weaver, Onuoha, Flood."); not a speaker's words ("He said: ...", a quotation after the colon)
_FIELD = re.compile(
    r"(?P<label>[A-Z][\w'’&/.-]*(?:\s+[\w'’&/.-]+){0,2})\s*:\s+(?P<value>[^\s\"“‘'«„].*)", re.DOTALL
)
FIELD_MAX_WORDS = 15  # a field's value: "$499", "from March", a list of names; a sentence says more
_SPEECH = SPEECH_VERBS | {"tells", "adds", "writes"}
# "(L)" and "(R)" place people in a photo; one alone in a sentence is more likely a US party: "Doe (R) said"
_POSITION = re.compile(r"\((?:L|R|C|left|right|centre|center)\)", re.IGNORECASE)


class UnknownAlgorithmError(BriefingError):
    """No summarization algorithm has that name."""


def is_label(line: str) -> bool:
    """A short line without final punctuation: a headline, section label, dateline or byline; not two
    sentences whose last lacks its full stop ("... after a vote. Her party lost seats on Sunday")."""
    line = line.strip()
    return (
        bool(line)
        and not ends_with_stop(line)
        and word_count(line) <= LABEL_MAX_WORDS
        and len(split_sentences(line)) < 2  # "Gen. Kellogg visits Kyiv" is one
    )


# a fragment's words: a possessive opening it ("America’s", "The city's"), and the words that may be a
# verb (an auxiliary, a common verb's forms, a past or present participle; "-s", when a word follows it)
FRAGMENT_MAX_WORDS = 8
_POSSESSIVE_OPENING = re.compile(r"^(?:(?:The|A|An|This|That|Our|Their|Its|His|Her)\s+)?[\w.-]+[’']s\s", re.I)
_VERBS = frozenset(
    "is are was were be been being am has have had do does did will would can could may might must "
    "shall should says said say tells told tell makes made make takes took take goes went go comes "
    "came come gets got get gives gave give wins won win loses lost lose falls fell fall rises rose "
    "rise runs ran run sees saw see leaves left leave holds held hold keeps kept keep begins began "
    "begin becomes became become puts put sets set cuts cut hits hit leads led lead meets met meet "
    "pays paid pay sells sold sell buys bought buy sends sent send builds built build spends spent "
    "spend stands stood stand strikes struck strike breaks broke break grows grew grow draws drew "
    "draw fights fought fight finds found find thinks thought think knows knew know feels felt feel "
    "brings brought bring shut quit let lets beat beats bid bids shrank sank swore wrote spoke chose "
    "drove flew froze hid rode rang sang stole swam threw woke wore slid fled dealt meant lent bent "
    "sought taught caught slept swept wept fought forgot forgave hung lay laid lit shot shook spun "
    "split spread stuck stung swung tore withdrew overtook undertook upheld overcame".split()
)


def is_fragment(sentence: str) -> bool:
    """Whether a short sentence is a noun phrase and no sentence: it opens on a possessive and holds no
    word that may be a verb ("America’s public lands.", a line of a column's closing flourish; "The city's
    tram since 1998, now longer.", a standfirst in a headline's telegraphic style). As a summary sentence
    it says nothing (QA20b F9). A "-s" word before others may be the verb ("Britain's economy grows
    again."), and a last one is taken for a plural noun."""
    words = [w.strip('.,;:!?…"“”‘’()') for w in sentence.split()]
    words = [w for w in words if w]
    if not words or len(words) > FRAGMENT_MAX_WORDS or not _POSSESSIVE_OPENING.match(sentence.strip()):
        return False
    for k, word in enumerate(words):
        low = word.casefold()
        if low in _VERBS or low.endswith(("ed", "n't")) or (low.endswith("ing") and len(low) > 4):
            return False
        if k + 1 < len(words) and low.endswith("s") and not low.endswith(("'s", "’s", "ss")) and k:
            return False
    return True


def is_caption(line: str) -> bool:
    """A photo caption or credit line: a copyright sign, "Photo:", an agency credit, or people placed
    in the picture ("Putin (L) and Kim (R)")."""
    if _CAPTION.search(line):
        return True
    positions = len(_POSITION.findall(line))
    return positions >= 2 or (positions == 1 and not ends_with_stop(line.strip()))


def is_lead_in(sentence: str) -> bool:
    """Whether a sentence ends on a colon, introducing what follows it ("Among the measures:", "The
    statement read:", "Try spotting the bug in this code:"): alone it tells nothing, and a summary that
    holds it promises what it does not show."""
    return _LEAD_IN.search(sentence) is not None


def split_headline(text: str) -> tuple[str, str]:
    """``(headline, body)``: a first line without final punctuation followed by a blank line is the
    headline; otherwise the headline is empty and the body is the whole text."""
    stripped = text.lstrip("\ufeff\r\n\t ")
    first, sep, rest = stripped.partition("\n")
    if sep and is_label(first) and rest.lstrip(" \t\r").startswith("\n"):
        return first.strip(), rest.strip("\r\n")
    return "", text


def _paragraphs(body: str) -> list[str]:
    """The body's paragraphs: scraped dumps put one on each line, so every line is one, except that a
    hard-wrapped line (no final punctuation, the next line going on in lower case) runs on."""
    paragraphs: list[str] = []
    previous = ""
    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            previous = ""
            continue
        if previous and line[0].islower() and not ends_sentence(previous):
            paragraphs[-1] += "\n" + line
        elif paragraphs and line[0] in _REOPENING and _open_quotation(paragraphs[-1]):
            paragraphs[-1] += " " + line[1:].lstrip()  # the quotation goes on: one speaker's words
        else:
            paragraphs.append(line)
        previous = line
    return paragraphs


_REOPENING = '"\u201c'  # the marks a quotation is opened (and, in wire style, reopened) with


def _open_quotation(paragraph: str) -> bool:
    """Whether a paragraph ends inside a quotation it opened: wire style leaves a quotation that goes on
    into the next paragraph unclosed, and opens that paragraph with a quote mark again ("We will
    rebuild. / "The state must help us," she said.). Read apart, the first part quotes no speaker and
    leaves its quote mark open; the paragraphs run on, without the reopening mark, so the quotation is
    one sentence with its speaker (:func:`briefing.sentences.split_sentences`)."""
    if not ends_sentence(paragraph) or len(paragraph) > MAX_QUOTED:
        return False
    curly = paragraph.count("\u201c") - paragraph.count("\u201d")
    return curly > 0 or (curly == 0 and paragraph.count('"') % 2 == 1)


def build_document(
    body: str, *, title: str = "", limit: int | None = None, tokenizer: Tokenizer = TOKENIZER
) -> ObjectDocumentModel:
    """sumy's document model of an article: headings for the title and labels, captions dropped.

    With ``limit``, reading stops after that many sentences (a capped algorithm sees no more).
    """
    seen: set[str] = set()
    rows: list[tuple[list[str], bool]] = []  # each paragraph's sentences, and whether it is a heading
    # the title told again as the body's sentence (a headline with a full stop, one made from the first
    # sentence, an all-capitals one) is no summary sentence: the reader has just read it; kept only when
    # it is the body's one sentence
    repeats: list[str] = []
    if title.strip():
        seen.add(" ".join(title.split()))
        rows.append(([title], True))
    texts = _paragraphs(body)
    # a paragraph printed twice is page furniture: a caption under a photo and in the gallery, a teaser
    repeated = {t for t, n in Counter(texts).items() if n > 1}
    # an embedded post (a tweet, its photo link, its signature) is the page's furniture: its sentences
    # one by one may read as prose ("Huge news today.")
    posts = embedded_posts(texts)
    dropped = {n for n, t in enumerate(texts) if is_caption(t) or t in repeated or n in posts}
    dropped |= _captions_over_credits(texts, dropped)
    deck = _standfirst(texts, dropped)
    items = _list_items(texts, dropped)
    questions, answers = _interview(texts, dropped)
    alone: dict[str, list[str]] = {}  # a sentence read on its own, and its paragraph's row
    taken = 0
    for n, text in enumerate(texts):
        if limit is not None and taken >= limit:
            break
        if n in dropped:
            continue
        if n in answers:  # one unit with its speaker: the answer's sentences are the interviewee's
            key = answers[n]
            if key and key not in seen:
                seen.add(key)
                taken += 1
                rows.append(([key], False))
            continue
        if is_label(text) or n == deck or n in questions:  # an interviewer's question: context, no news
            key = " ".join((_QUESTION_LABEL.sub("", text) if n in questions else text).split())
            if key not in seen:
                seen.add(key)
                rows.append(([key], True))
            continue
        if n in items:  # a list's item that is no sentence ("higher taxes on tobacco")
            continue
        row: list[str] = []
        for key, parts in _units(text):
            if key in seen or not any(c.isalnum() for c in key) or (limit is not None and taken >= limit):
                continue
            # a line of code, a list of sources, a bare address: no news; a lead-in ("Here are the
            # steps:") promises what follows; a list's marker split from its item ("2.") is no sentence
            if not is_prose(key) or is_lead_in(key) or _MARKER_ALONE.fullmatch(key) or is_fragment(key):
                continue
            if title and same_words(key, title):
                repeats.append(key)
                continue
            # a sentence also told within a speaker's joined quotation is a repeat (a pull quote
            # printed again, before or after): the joined one is kept
            for part in parts if len(parts) > 1 else ():
                if part in alone:
                    alone.pop(part).remove(part)
                    taken -= 1
            seen.update((key, *parts))
            taken += 1
            row.append(key)
            if len(parts) == 1:
                alone[key] = row
        rows.append((row, False))
    if repeats and not any(row for row, heading in rows if not heading):
        rows.append((repeats[:1], False))
    fields = _fields([s for row, heading in rows if not heading for s in row]) - set(answers.values())
    return ObjectDocumentModel(
        [
            Paragraph([DomSentence(s, tokenizer, is_heading=heading) for s in kept])
            for row, heading in rows
            if (kept := [s for s in row if heading or s not in fields])
        ]
    )


# an interview's labels: "Q:" before the interviewer's question, "A:" before the answer
_QUESTION_LABEL = re.compile(r"^\s*(?:Q|Question)\s*[:.]\s+")
_ANSWER_LABEL = re.compile(r"^\s*(?:A|Answer)\s*[:.]\s+")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|my|My|our|Our|me|us)\b")
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"


def _is_question(text: str) -> bool:
    """Whether a paragraph is an interviewer's question: "Q:" before it, or only a question of the
    writer's own (no quotation: "“Why now?” she asked." is someone's words), its sentences all asking."""
    if _QUESTION_LABEL.match(text):
        return True
    text = text.strip()
    if not text.endswith("?") or any(m in text for m in _QUOTE_MARKS):
        return False
    return all(s.text.rstrip().endswith("?") for s in split_sentences(text))


def _interview(texts: Sequence[str], dropped: set[int]) -> tuple[set[int], dict[int, str]]:
    """An interview's questions and answers, by paragraph. A question is one followed by a paragraph
    that answers it (no question itself): the interviewer's words, no summary sentence ("Will fares go
    up?" tells nothing). An answer (after "A:", or, with no labels, each paragraph after one of several
    questions when every one of them is in the writer's own first person: :func:`_own_voice`) is the
    interviewee's words: one unit, its label (if any) replaced by the interviewee, the one person
    the paragraphs before the first question name ("We spoke to Mayor Anna Berg ..."), so neither its
    first sentence is lost as a field ("A: No.") nor the rest read as the outlet's own voice; with no
    such person, an answer is no summary sentence ("" here)."""
    kept = [n for n in range(len(texts)) if n not in dropped]
    questions = {
        n for n, following in pairwise(kept) if _is_question(texts[n]) and not _is_question(texts[following])
    }
    after = dict(pairwise(kept))
    # the answers: labelled "A:"; or, with no labels, when the text is an interview by its structure:
    # several questions, each answered by a paragraph in the interviewee's own voice. Question subheads
    # over an explainer's prose ("Why are doctors striking?" / "The BMA says ... 'We have no choice,'
    # said ...") answer nothing in anyone's voice: no labels there, and nothing is suppressed.
    labelled = [after[q] for q in sorted(questions) if _ANSWER_LABEL.match(texts[after[q]])]
    if not labelled and len(questions) > 1 and all(_own_voice(texts[after[q]]) for q in questions):
        labelled = [after[q] for q in sorted(questions)]
    if not questions:
        return questions, {}
    speaker = _interviewee([texts[n] for n in kept if n < min(questions)]) if labelled else None
    answers: dict[int, str] = {}
    for n in labelled:
        answer = " ".join(_ANSWER_LABEL.sub("", texts[n]).split())
        # without its speaker (none named, or too long to tell as one), an answer is not told
        answers[n] = f"{speaker}: {answer}" if speaker and len(answer) <= MAX_QUOTED else ""
    return questions, answers


# a quotation in double marks (a single mark is as often an apostrophe: "I’m")
_QUOTATION = re.compile(
    r"\"[^\"]*\"?|\u201c[^\u201d]*\u201d?|\u00ab[^\u00bb]*\u00bb?|\u201e[^\u201c\u201d]*[\u201c\u201d]?"
)
# a reporter's or a speaker's verb: "... said tenant Maria Lopez", "I asked a commuter", "I spoke to"
_ATTRIBUTION = SPEECH_VERBS | {"asked", "asks", "spoke", "speaks", "adds", "tells", "according"}


def _own_voice(text: str) -> bool:
    """Whether a paragraph is an unlabelled interview answer: the first person in the writer's own words
    (outside any quotation), and nobody's words attributed in it. "'I think landlords ...,' said tenant
    Maria Lopez" is Lopez's words, told with her name; "I asked a commuter at Waterloo, who said she
    would." is the reporter's; neither is the interviewee's."""
    bare = _QUOTATION.sub(" ", text)
    if _ATTRIBUTION.intersection(re.findall(r"[a-z]+", bare)):
        return False
    return bool(_FIRST_PERSON.search(bare))


def _interviewee(intro: Sequence[str]) -> str | None:
    """The one person an interview's introduction names (the last of its sentences naming anyone)."""
    sentences = [s.text for text in intro for s in split_sentences(text)]
    people = People(sentences)
    for k in range(len(sentences) - 1, -1, -1):
        named = list(dict.fromkeys(people.named_in(k)))
        if named:
            return named[0] if len(named) == 1 else None
    return None


def is_field(sentence: str) -> bool:
    """Whether a sentence is a label and its value: a label of at most three words, a colon, and a value
    of at most :data:`FIELD_MAX_WORDS` words ("Price: $499.", "Availability: from March.", "Booked:
    Rooney, Scholes, Keane."); not a speaker's words after "said:" nor a quotation."""
    match = _FIELD.fullmatch(sentence.strip())
    return (
        match is not None
        and word_count(match.group("value")) <= FIELD_MAX_WORDS
        and not _SPEECH.intersection(match.group("label").casefold().split())
    )


def _fields(sentences: Sequence[str]) -> set[str]:
    """The sentences (of the body, in order) that are fields of a list (:func:`is_field`) next to another:
    a fact sheet's or a match report's lines ("Price: $499." "Availability: from March."), each telling
    one value of something the summary does not name, so none is a summary sentence. A field alone
    ("Update: The minister has resigned.") is a sentence like any other."""
    field = [is_field(s) for s in sentences]
    return {
        s
        for k, s in enumerate(sentences)
        if field[k] and ((k and field[k - 1]) or (k + 1 < len(field) and field[k + 1]))
    }


def _captions_over_credits(texts: Sequence[str], dropped: set[int]) -> set[int]:
    """The paragraphs without final punctuation right above a photo credit ("... has sworn to cut back
    foreign spending, which would affect Ukraine's war efforts against Russia" over "© Shannon
    Stapleton/REUTERS"): a caption too long to read as a label is no summary sentence either. (A short
    one is a label already, a heading.)"""
    return {
        n
        for n, text in enumerate(texts[:-1])
        if n not in dropped and is_caption(texts[n + 1]) and not ends_sentence(text) and not is_label(text)
    }


def _list_items(texts: Sequence[str], dropped: set[int]) -> set[int]:
    """The paragraphs that are items of a list and no sentences: without final punctuation, and opening on
    a list's marker ("- higher taxes on tobacco", "2. a new library") or following a lead-in ("The plan
    includes:") or another such item (a web page's list, its bullets gone). A list item that ends with a
    stop is a sentence like any other; one without reads as a fragment ("Code that has never been executed
    other than by tests (a.k.a."), however long it is."""
    items: set[int] = set()
    listing = False  # the paragraphs before were a lead-in and its items
    for n, text in enumerate(texts):
        if n in dropped:
            continue
        if ends_sentence(text):  # a finished paragraph ends a list, or starts one with its colon
            listing = is_lead_in(text)
        elif listing or _ITEM.match(text):
            items.add(n)
    return items


def _standfirst(texts: Sequence[str], dropped: set[int]) -> int | None:
    """The standfirst (deck) of an article, if it has one: its first paragraph that is no label, when
    that paragraph has no final punctuation and a paragraph of prose ending with a stop (the lead) follows.

    A standfirst is written to be read under the headline, in the headline's telegraphic style ("Killer
    whales able to copy words such as 'hello' ..., study shows"), and the lead retells it: shown as a
    summary sentence it reads as a heading, or as a fragment run into the next sentence. So it is read as
    a heading, whatever its length, like the headline. One with a final stop is a sentence like any
    other, and so is an unpunctuated first paragraph with no punctuated prose after it (a podcast's
    one-line description): it is all the text there is.
    """
    first = next((n for n, t in enumerate(texts) if n not in dropped and not is_label(t)), None)
    # a lead that ends on a web address ("Visit the workshop website to register: https://...") is no
    # standfirst: the address is its last word, no stop after it
    if first is None or ends_sentence(texts[first]) or _ENDS_ON_ADDRESS.search(texts[first]):
        return None
    lead = any(
        ends_with_stop(t) and not is_label(t) and is_prose(t)
        for n, t in enumerate(texts[first + 1 :], first + 1)
        if n not in dropped
    )
    return first if lead else None


def _units(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """A paragraph's summary sentences, each with the sentences it is made of (two for a quotation
    joined to its speaker): their texts with runs of spaces made one, the dateline left out."""
    split = split_sentences(text)
    starts = [s.start for s in split]  # in order: a unit's sentences are found by bisection, not a scan
    out = []
    for k, unit in enumerate(attribute_quotes(text, split)):
        first = bisect_left(starts, unit.start)
        parts = [s.text for s in split[first : bisect_left(starts, unit.end, lo=first)] if s.end <= unit.end]
        keys = tuple(" ".join(part.split()) for part in parts)
        key = " ".join(unit.text.split())
        if k == 0:
            key, keys = without_dateline(key), (without_dateline(keys[0]), *keys[1:])
        out.append((key, keys))
    return out


def cap_document(document: ObjectDocumentModel, limit: int) -> ObjectDocumentModel:
    """The document cut after its first ``limit`` sentences (headings before the cut are kept)."""
    if len(document.sentences) <= limit:
        return document
    kept: list[Paragraph] = []
    left = limit
    for paragraph in document.paragraphs:
        if left <= 0:
            break
        out = []
        for sentence in paragraph._sentences:  # sumy keeps headings and sentences in order only here
            if not sentence.is_heading:
                if left <= 0:
                    break
                left -= 1
            out.append(sentence)
        kept.append(Paragraph(out))
    return ObjectDocumentModel(kept)


class InContext:
    """A sumy ``sentences_count`` that tells a sentence needing an earlier one of the article only after
    one of those (:func:`briefing.antecedents.needed_before`): no summary opens on "However, ...", "It
    was ..." or "These measures ...". (A surname the article introduced in a sentence left out is
    written in full instead: :func:`briefing.antecedents.told_apart`.)

    sumy calls it with the sentences sorted best first (each with its place in the document); a
    sentence that must wait is passed by until one it needs is taken, then taken right after it (it
    ranked higher than what follows). ``count`` (a number, or a :class:`WordBudget`) then takes the
    first of them; when no sentence can be told, the summary is as if none needed another. A sentence
    ``excused`` (given its place) needs nothing after all: "He said ..." when the name can be written in
    the pronoun's place (:meth:`briefing.referents.People.names_opener`); it is asked only of the sentences
    reached before the count is full, as it may read the article's actors. A sentence that ``repeats``
    one already taken (given both places) is passed by for good: the summary tells a fact once.
    """

    def __init__(
        self,
        count: int | WordBudget,
        needs: Mapping[int, tuple[frozenset[int], ...]],
        *,
        excused: Callable[[int], bool] = lambda order: False,
        repeats: Callable[[int, int], bool] = lambda order, kept: False,
    ):
        self.count = count if callable(count) else ItemsCount(count)
        self.needs = needs
        self.excused = excused
        self.repeats = repeats
        self.ranked: list[int] = []  # the places of the sentences taken, best first (after a call)

    def __call__(self, infos: Sequence) -> Sequence:
        told: set[int] = set()
        kept: list = []
        waiting: list = []

        def ready(info) -> bool:
            needs = self.needs.get(info.order, ())
            return all(wanted & told for wanted in needs) or (bool(needs) and self.excused(info.order))

        def repeated(info) -> bool:
            return any(self.repeats(info.order, k.order) for k in kept)

        for info in infos:
            if not ready(info):
                waiting.append(info)
                continue
            if repeated(info):
                continue
            kept.append(info)
            told.add(info.order)
            while taken := [w for w in waiting if ready(w)]:
                for w in taken:
                    waiting.remove(w)
                    if not repeated(w):
                        kept.append(w)
                        told.add(w.order)
            # the count takes the first sentences kept: once it leaves one out, no later one counts (and
            # ``excused``, which may read the article's actors, is asked no more)
            if len(self.count(kept)) < len(kept):
                break
        chosen = self.count(kept) if kept else self.count(infos)
        self.ranked = [info.order for info in chosen]
        return chosen


class WordBudget:
    """A sumy ``sentences_count`` that takes the best sentences until they hold ``words`` words.

    sumy calls it with the sentences sorted best first; the caller cuts the result (in article order)
    to exactly ``words`` words.
    """

    def __init__(self, words: int):
        self.words = words

    def __call__(self, infos: Sequence) -> Sequence:
        total = 0
        for i, info in enumerate(infos):
            total += len(info.sentence.words)
            if total >= self.words:
                return infos[: i + 1]
        return infos


def truncate_words(sentences: Sequence[str], words: int) -> list[str]:
    """The sentences cut to their first ``words`` whitespace-separated words."""
    out, left = [], words
    for sentence in sentences:
        if left <= 0:
            break
        parts = sentence.split()
        out.append(" ".join(parts[:left]))
        left -= len(parts)
    return out


def sentence_cap(algorithm: str, max_sentences: int) -> int:
    """How many sentences ``algorithm`` may read: ``max_sentences``, and a quarter of it for KL (each of
    its greedy steps rescans every sentence against the growing summary, so its cost is cubic). The
    linear algorithms are capped too: past a few hundred sentences, reading the words costs seconds."""
    cap = max(1, max_sentences)
    return max(1, cap // 4) if algorithm in CUBIC else cap


def _check(algorithm: str) -> None:
    if algorithm not in ALGORITHMS:
        raise UnknownAlgorithmError(
            f"unknown summary algorithm {algorithm!r} (choose from {', '.join(ALGORITHMS)})"
        )


def summarize_document(
    document: ObjectDocumentModel,
    *,
    sentences: int = 3,
    algorithm: str = "default",
    max_sentences: int = 400,
    words: int | None = None,
) -> tuple[str, ...]:
    """The summary of a document already built: ``sentences`` sentences, or ``words`` words if given."""
    _check(algorithm)
    document = cap_document(document, sentence_cap(algorithm, max_sentences))
    if not document.sentences:
        return ()
    summarizer = build_summarizer(algorithm)
    texts = [str(s) for s in document.sentences]
    people = People(texts, title=" ".join(str(h) for h in document.headings[:1]))
    # "He said ..." may open the summary when the name can be written in its place (told_apart)
    count = InContext(
        WordBudget(words) if words else sentences,
        needed_before(texts),
        # a sentence that tells a sequel or points back to the one before needs it, named "he" or not
        excused=lambda i: people.names_opener(i) and not follows_from(texts[i]),
        repeats=_repeats(texts),
    )
    # sentences sharing no word make LexRank's power method divide 0 by 0: numpy would warn on the user's
    # stderr; the sentences chosen are still told in the text's order (errstate is per thread, and
    # summaries run in worker threads)
    with np.errstate(divide="ignore", invalid="ignore"):
        picked = summarizer(document, count)
    # a surname the summary uses alone is written in full when it left out the sentence introducing it
    place = {id(s): n for n, s in enumerate(document.sentences)}
    indices = with_revisions([place.get(id(s), 0) for s in picked], count.ranked, texts, count.needs)
    indices = after_what_they_need(indices, count.needs)
    picked = [document.sentences[i] for i in indices]
    # a "he" whose person the summary left out is named, then a surname alone written in full
    chosen = told_apart([(people, i, str(s)) for i, s in zip(indices, picked, strict=True)])
    return tuple(truncate_words(chosen, words) if words else chosen)


def _repeats(texts: Sequence[str]) -> Callable[[int, int], bool]:
    """Whether sentence ``i`` of an article tells again the figure sentence ``k`` told, for the same days
    (:func:`briefing.facts.retells_a_figure`: "UK inflation fell to 2.5% in October" and "Prices rose by
    2.5 percent in the year to October, down from 3.1 per cent in September"; per cent is one unit however
    written, as in a story's summary). The story summary's wider test of a repeat
    (:func:`briefing.facts.repeats_fact`) is not used within one article: its sentences share the story's
    words, so it took one figure of two facts for one ("40% of buyers will be women", "40% of those buying
    ... are retired"), and it cost 0.005 ROUGE-1 on the BBC set's test half (summ17)."""
    return lambda i, k: retells_a_figure(texts[i], texts[k])


def with_revisions(
    indices: Sequence[int],
    ranked: Sequence[int],
    texts: Sequence[str],
    needs: Mapping[int, tuple[frozenset[int], ...]],
) -> list[int]:
    """A summary's sentences (their places among the article's ``texts``, in article order) with each
    one whose figures a later sentence of the article revises (:func:`briefing.facts.revises`: "A bus
    crash in Kent killed two people" and, further on, "Police later said the death toll had risen to
    three") followed right away by its latest revision: an article telling its own update must not be
    summarized by its stale figure. The revision takes the place of the summary's sentence that ranked
    lowest (``ranked``: best first) and that no other one needs (``needs``: see
    :func:`briefing.antecedents.needed_before`); one already in the summary is moved up to follow the
    sentence it revises. Where no other sentence can make room (a summary of one sentence), the revision
    replaces the sentence it revises. A revision that needs an earlier sentence the summary does not tell
    is left out."""
    out = list(indices)
    for j in list(out):
        if j not in out or not count_kinds(texts[j]) or not figures_of(texts[j]):
            continue
        later = [i for i in range(j + 1, len(texts)) if figures_of(texts[i]) and revises(texts[i], texts[j])]
        if not later:
            continue
        i = later[-1]  # the latest revision wins
        at = out.index(j)
        if i in out:
            if out[at + 1 : at + 2] != [i]:
                out.remove(i)
                out.insert(out.index(j) + 1, i)
            continue
        told = set(out)
        if not all(wanted & (told | {j}) for wanted in needs.get(i, ())):
            continue  # "He later said the toll had risen": who said it is not told
        room = [k for k in reversed(ranked) if k in told and k != j and _spared(k, told, needs)]
        if room:
            out.remove(room[0])
            out.insert(out.index(j) + 1, i)
        elif (
            _spared(j, told, needs)
            and all(wanted & (told - {j}) for wanted in needs.get(i, ()))
            and _keeps_the_counts(texts[i], texts[j])
        ):
            out[at] = i  # a summary of one sentence: the newer figure, not the stale one
    return out


def after_what_they_need(
    indices: Sequence[int], needs: Mapping[int, tuple[frozenset[int], ...]]
) -> list[int]:
    """A summary's sentences (their places in the article) with each one told after a sentence it needs
    (``needs``: see :func:`briefing.antecedents.needed_before`) where only a later one of the summary
    meets that need: an article's first sentence reacting to an act told after it ("Residents welcomed
    the decision." before "Harlow council voted on Tuesday to close Millbrook library") is told right
    after the act, not before it (qa30 F11). A need no sentence of the summary meets is left as it is."""
    out = list(indices)
    for i in indices:
        at = out.index(i)
        before, after = set(out[:at]), out[at + 1 :]
        unmet = [wanted for wanted in needs.get(i, ()) if not wanted & before]
        if not unmet or not all(wanted & set(after) for wanted in unmet):
            continue
        last = max(min(after.index(k) for k in wanted if k in after) for wanted in unmet)
        out.remove(i)
        out.insert(at + last + 1, i)
    return out


def _keeps_the_counts(revision: str, revised: str) -> bool:
    """Whether ``revision`` can stand for ``revised`` in a summary of one sentence: it tells every count
    ``revised`` tells, or the dead of them (the weightiest: "The death toll has risen to three" for
    "killed two workers and injured three"). "The number of injured later rose to 24" revises only the
    injured of "Two people were killed and 20 injured": told alone, the deaths would be gone."""
    counts = count_kinds(revision)
    return count_kinds(revised) <= counts or "~dead" in counts


def _spared(k: int, told: set[int], needs: Mapping[int, tuple[frozenset[int], ...]]) -> bool:
    """Whether sentence ``k`` can leave a summary telling ``told``: each other sentence's needs are met
    without it."""
    rest = told - {k}
    return all(all(wanted & rest for wanted in needs.get(m, ())) for m in rest)


def summarize(
    body: str,
    *,
    title: str = "",
    sentences: int = 3,
    algorithm: str = "default",
    max_sentences: int = 400,
    words: int | None = None,
) -> tuple[str, ...]:
    """The extractive summary of an article, in article order (empty for an article without prose)."""
    _check(algorithm)
    document = build_document(body, title=title, limit=sentence_cap(algorithm, max_sentences))
    return summarize_document(
        document, sentences=sentences, algorithm=algorithm, max_sentences=max_sentences, words=words
    )
