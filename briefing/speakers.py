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
"""

from __future__ import annotations

import re

from briefing.cues import SPEECH_VERBS
from briefing.models import Sentence

MAX_ATTRIBUTED = 160  # characters of a speaker's sentence and the quotation joined to it
_OPENING, _CLOSING = '"“«„', '"”»“'
# a sentence that is one quotation and nothing else: "We remain on track."
_QUOTE_ONLY = re.compile(rf"^[{_OPENING}][^{_OPENING}{_CLOSING}]+[.!?…][{_CLOSING}]$")
_QUOTED = re.compile(rf"[{_OPENING}][^{_OPENING}{_CLOSING}]*[{_CLOSING}]")
_WORD = re.compile(r"[^\W\d_]+")


def attribute_quotes(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences of ``text`` (as :func:`briefing.sentences.split_sentences` gives them), a
    quotation-only sentence joined to the attributed quotation before it when the two fit in
    ``MAX_ATTRIBUTED`` characters; one quotation each, the next one stays a sentence of its own."""
    out: list[Sentence] = []
    joined = False
    for sentence in sentences:
        previous = out[-1] if out else None
        joined = (
            previous is not None
            and not joined
            and sentence.end - previous.start <= MAX_ATTRIBUTED
            and _QUOTE_ONLY.match(sentence.text) is not None
            and _attributed(previous.text)
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
