"""A short line ending with "?", "." or "…" that is a headline by its place in a dump (under a section
label, over a byline, opening the dump) and whose words come back in the lead; and a long line without a
final mark that is one by the same place (under a label, over a byline or date).
"""

from __future__ import annotations

import re
from itertools import chain, islice

from briefing.dumplines import META, WORD, Line, is_label_over, previous_line
from briefing.furniture import Kind
from briefing.sentences import ends_sentence, word_count

HEADLINE_WORDS = 14  # a headline ending with "?", "." or "…" is at most this long
HEADLINE_ECHO = 2  # ... and this many of its words come back in the lead (the next two paragraphs)
# Not briefing.sentences.ends_with_stop: that one also takes CJK marks ("。"), a space before a closing
# quote (French "… . »") and more closers; a headline here is a Latin-script line whose words
# (dumplines.WORD) echo in its lead, and taking those endings would change which lines are headlines.
_HEADLINE_END = re.compile(r"[?.…!][\"'”’»)]*$")
# a sentence ending inside the line: after a word in lower case, not an abbreviation ("Acme Corp. rose")
INNER_SENTENCE = re.compile(r"\b[a-z][\w'’-]*[.!?…][\"'”’»)]*\s+[\"'“‘«(]?[A-Z]")
_STOP = frozenset(
    "the a an and or but of in on at to for from with by as is are was were be been has have had its it "
    "this that these those will would can could should may might not no after over about into why how "
    "what who when where which does do did says said".split()
)


def mark_headlines(lines: list[Line]) -> None:
    """A short line ending with "?", "." or "…" ("Why are Oslo trams running late?", "Shares jump at
    Acme Corp.") is read as prose by its punctuation; it is a headline when its place says so (see
    :func:`is_headline`)."""
    for i, line in enumerate(lines):
        if line.kind is Kind.PROSE and (is_headline(lines, i) or is_long_headline(lines, i)):
            line.kind = Kind.HEADING


def is_headline(lines: list[Line], i: int) -> bool:
    """A one-sentence line of at most HEADLINE_WORDS words, ending with "?", ".", "…" or "!", is a
    headline when it sits under a short section label or has a byline or date under it, or when it
    opens the dump or an article (after an ending) and, ending with a full stop, is Written In Title
    Case (else it is a short lead); and when at least HEADLINE_ECHO of its words come back in the
    lead paragraphs under it, as a headline's do. A one-sentence paragraph under a subheading does not
    echo the next ones."""
    line = lines[i]
    text = line.text
    if word_count(text) > HEADLINE_WORDS or not _HEADLINE_END.search(text) or INNER_SENTENCE.search(text):
        return False
    # the lines after it are read lazily: a dump of many short paragraphs must not copy its rest each time
    after = (lines[j] for j in range(i + 1, len(lines)) if lines[j].kind not in (Kind.DROP, Kind.CREDIT))
    under = next(after, None)
    if under is None or under.kind not in (Kind.PROSE, *META, Kind.RELTIME):
        return False
    before = previous_line(lines, i, (Kind.DROP, Kind.CREDIT))
    labelled = before is not None and before.kind is Kind.HEADING and is_label_over(before.text, text)
    if not (labelled or under.kind in (*META, Kind.RELTIME)):
        if before is not None and before.kind is not Kind.BREAK:
            return False
        if text.rstrip("\"'”’»)").endswith(".") and not _title_case(text):
            return False  # a text opening with a short sentence: its lead, unless Written Like A Title
    lead = list(islice((x.text for x in chain([under], after) if x.kind is Kind.PROSE), 2))
    if not lead or (len(lead) == 1 and word_count(lead[0]) <= word_count(text)):
        return False
    return echoes(text, " ".join(lead))


def is_long_headline(lines: list[Line], i: int) -> bool:
    """A line of one sentence without a final mark that its length alone made prose (a line of 25 words
    or more is a paragraph's, by :func:`briefing.furniture.classify`: furniture is short), or with one
    ("...after funding deal.") when its byline or date is right under it (a paragraph has none under it),
    read as a headline when its place says so: right under a short section label ("Business" over a 40-word
    headline) or right over its byline or date, and when its words come back in the lead under it. A
    headline has no set length short of a paragraph's (LONG_HEADLINE_WORDS); left as prose, the story
    under it was glued onto the one before, the label and headline read as its subheadings."""
    line = lines[i]
    text = line.text
    if INNER_SENTENCE.search(text) or not HEADLINE_WORDS < word_count(text) <= LONG_HEADLINE_WORDS:
        return False
    skip = (Kind.DROP, Kind.CREDIT)
    before = previous_line(lines, i, skip)
    labelled = before is not None and before.kind is Kind.HEADING and is_label_over(before.text, text)
    # read lazily, as in is_headline: only the next LEAD_LINES lines are asked
    kept = (lines[j] for j in range(i + 1, len(lines)) if lines[j].kind not in skip)
    after = list(islice(kept, LEAD_LINES))
    bylined = bool(after) and after[0].kind in (*META, Kind.RELTIME)
    if not after or not (labelled or bylined):
        return False
    if ends_sentence(text) and not (bylined and _HEADLINE_END.search(text)):
        return False  # a sentence with its final mark is a lead's, unless a byline or date is under it
    if not labelled and before is not None and before.kind is Kind.PROSE and not line.gap_before:
        return False  # a paragraph run on from the one before it, whatever follows
    lead = [x.text for x in after if x.kind is Kind.PROSE][:2]
    return bool(lead) and word_count(" ".join(lead)) > word_count(text) and echoes(text, " ".join(lead))


LEAD_LINES = 4  # a long headline's lead is in the next lines (after a byline and a date, say)
LONG_HEADLINE_WORDS = 60  # no headline is longer: a longer line without a final mark is a cut paragraph


def echoes(title: str, lead: str) -> bool:
    """Whether at least HEADLINE_ECHO of a title's words (all, if it has fewer) come back in ``lead``, as
    a headline's come back in its lead."""
    words = echo_words(title)
    return len(words & echo_words(lead)) >= min(HEADLINE_ECHO, len(words))


def _title_case(text: str) -> bool:
    """Most of the longer words capitalised: "Oslo Trams Run Late As Drivers Quit."."""
    long = [w for w in WORD.findall(text) if len(w) >= 4]
    return bool(long) and sum(w[0].isupper() for w in long) * 2 > len(long)


def echo_words(text: str) -> set[str]:
    """A headline's words that may come back in its lead: folded, without stop words and numbers."""
    return {w for w in WORD.findall(text.casefold()) if w not in _STOP and not w.isdigit()}
