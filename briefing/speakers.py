"""Quoted sentences read with their speaker, as a summary should show them.

News quotes a speaker in two sentences: ``"We are pleased," said Jane Doe, CEO. "We remain on track
to take delivery of four vessels in 2027."`` The second is a sentence of its own, but picked alone for
a summary it says nothing of who speaks, and reads as the writer's claim. :func:`attribute_quotes` joins
a sentence that is only a quotation to the sentence before it when that one quotes someone and names
who (a speech verb outside its quotation marks), as long as the two are short: a summary line of a
speaker and their words, not a paragraph. Longer joins cost the summaries of the BBC benchmark (its
references take a speaker's sentences one by one, and a long joined sentence spends a 100-word
budget): on its tune half, joining up to 320 characters (and chains of quotations) lost 0.006 ROUGE-1
at 100 words, up to 160 characters one quotation no more than 0.001 (see ``bench/RESULTS.md``).

A quotation may also be the next speaker's, told before they are named: ``"This is a disaster." Those
were the words of union leader Bob Smith.`` So nothing is joined across a paragraph break, nor when the
sentence after the quotation attributes it ("Those were the words of ...", "Bob Smith replied.") or
names a speaker other than the one before it (a speech word and names, none of them the first
speaker's).
"""

from __future__ import annotations

import re

from briefing.cues import CALENDAR, COMMON, SPEECH_VERBS, TITLES, words
from briefing.models import Sentence

MAX_ATTRIBUTED = 160  # characters of a speaker's sentence and the quotation joined to it
# words of a sentence that only says who spoke ("That is what the union leader said."); a longer one
# ending on "said" reports something else ("The vote is due in March, the council said.")
ATTRIBUTION_WORDS = 7
# Double quotation marks only, not briefing.sentences' closers after a final mark: those take single
# quotes, brackets and CJK corners too, and a single quote here would cut a quotation at an apostrophe.
_OPENING, _CLOSING = '"“«„', '"”»“'
# a sentence that is one quotation and nothing else: "We remain on track."
_QUOTE_ONLY = re.compile(rf"^[{_OPENING}][^{_OPENING}{_CLOSING}]+[.!?…][{_CLOSING}]$")
_QUOTED = re.compile(rf"[{_OPENING}][^{_OPENING}{_CLOSING}]*[{_CLOSING}]")
_WORD = re.compile(r"[^\W\d_]+")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
# words that tell who spoke, beyond the speech verbs: "Bob Smith replied.", "the words of Bob Smith"
_ATTRIBUTING = SPEECH_VERBS | words("replied responded countered retorted asked declared recalled words")
# a sentence that points back at the quotation before it: "Those were the words of ...", "So said ..."
_POINTING = words("those these that this so such")
POINTING_WORDS = 5
SPEAKER_SPAN = 4  # words either side of a speech word that may name its speaker
_NOT_NAMES = COMMON | TITLES | CALENDAR | _ATTRIBUTING


def attribute_quotes(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences of ``text`` (as :func:`briefing.sentences.split_sentences` gives them), a
    quotation-only sentence joined to the attributed quotation before it when the two fit in
    ``MAX_ATTRIBUTED`` characters; one quotation each, the next one stays a sentence of its own."""
    out: list[Sentence] = []
    joined = False
    for i, sentence in enumerate(sentences):
        previous = out[-1] if out else None
        following = sentences[i + 1].text if i + 1 < len(sentences) else ""
        joined = (
            previous is not None
            and not joined
            and sentence.end - previous.start <= MAX_ATTRIBUTED
            and _QUOTE_ONLY.match(sentence.text) is not None
            and _PARAGRAPH_BREAK.search(text, previous.end, sentence.start) is None
            and _attributed(previous.text)
            and not _claims(following, previous.text)
        )
        if joined and previous is not None:
            out[-1] = Sentence(text[previous.start : sentence.end], previous.start, sentence.end)
        else:
            out.append(sentence)
    return out


def _attributed(sentence: str) -> bool:
    """Whether a sentence quotes someone and says who: a quotation, and a speech verb outside it
    ("... ," said Jane Doe; Jane Doe said: "...")."""
    outside = _QUOTED.sub(" ", sentence)
    if outside == sentence:
        return False
    return any(word in SPEECH_VERBS for word in _WORD.findall(outside.casefold()))


def _claims(following: str, speaker: str) -> bool:
    """Whether the sentence after a quotation may say it is someone else's: it points back at it
    ("Those were the words of ...", "So said ..."), it is short and ends on a speech verb ("Bob Smith
    replied."), or it has a speech word with names next to it, none of them named in the ``speaker``
    sentence, which names someone ("Bob Smith said ..." after "said Jane Doe"; after "she said" a
    name may be hers)."""
    outside = _QUOTED.sub(" ", following)
    found = _WORD.findall(outside)
    folded = [word.casefold() for word in found]
    if not _ATTRIBUTING.intersection(folded):
        return False
    if folded[0] in _POINTING and _ATTRIBUTING.intersection(folded[:POINTING_WORDS]):
        return True
    if outside == following and len(found) <= ATTRIBUTION_WORDS and folded[-1] in _ATTRIBUTING:
        return True
    near = {k for i, word in enumerate(folded) if word in _ATTRIBUTING for k in _around(i, len(found))}
    names = _names([found[k] for k in sorted(near)])
    first = _names(_WORD.findall(_QUOTED.sub(" ", speaker)))
    return bool(names and first) and not names & first


def _around(i: int, n: int) -> range:
    """The positions of the words that may name the speaker of a speech word at ``i``: "Bob Smith, the
    union leader, said", "said union leader Bob Smith", not a name further off ("he said the album ...
    with Ball")."""
    return range(max(0, i - SPEAKER_SPAN), min(n, i + SPEAKER_SPAN + 1))


def _names(found: list[str]) -> set[str]:
    """The capitalised words that may name someone: not a title, a month or a day, nor a word
    capitalised only because it starts a sentence."""
    folded = (word.casefold() for word in found if word[0].isupper())
    return {word for word in folded if word not in _NOT_NAMES}
