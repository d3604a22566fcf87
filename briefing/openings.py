"""An article's opening: what a reader is shown of an article whose summary is empty.

    opening("That's not true. Worrying about scifi Terminators means you're ignoring the real danger")
    -> ("That's not true.", "Worrying about scifi Terminators means you're ignoring the real danger…")

A feed entry is stored when its text is prose (:func:`briefing.feeds.has_prose`: a sentence of a few
words, or a longer text without a final stop), yet the summarizer may find no sentence in it: a
standfirst written without a full stop, a teaser the feed cut off mid-word. Its first prose paragraph
then stands for it, its first sentences, with "…" where the text does not end as a sentence.
"""

from __future__ import annotations

from briefing.feeds import CUT_PROSE_WORDS, PROSE_WORDS
from briefing.graphemes import head
from briefing.sentences import ends_sentence, split_sentences, word_count
from briefing.snippets import is_social_post
from briefing.titles import title_key

OPENING_SENTENCES = 2
OPENING_CHARS = 300  # an opening longer than this is cut at a word, with "…"
ELLIPSIS = "…"


def opening(
    text: str, *, title: str = "", sentences: int = OPENING_SENTENCES, limit: int = OPENING_CHARS
) -> tuple[str, ...]:
    """The first paragraph of ``text`` that is prose (not the ``title`` again, not a label of a few
    words): whole when it fits in ``limit`` characters, else its first ``sentences`` sentences within
    them; "…" ends it where the text does not end there as a sentence. Empty when no paragraph is
    prose."""
    heading = title_key(title)
    for paragraph in text.split("\n"):
        flat = " ".join(paragraph.split())
        if not flat or flat.casefold() == heading or not _is_prose(flat):
            continue
        if len(flat) <= limit:  # a teaser, a standfirst: whole, as the sentence splitter may misread it
            return (flat if ends_sentence(flat) or flat.endswith("...") else flat + ELLIPSIS,)
        told: list[str] = []
        for sentence in split_sentences(flat):
            piece = " ".join(sentence.text.split())
            if told and len(" ".join(told)) + len(piece) + 1 > limit:
                break
            told.append(piece)
            if len(told) == sentences:
                break
        if not told:
            continue
        last, cut = told[-1], len(told[-1]) > limit
        if cut:
            last = head(last, limit).rsplit(" ", 1)[0].rstrip(" ,;:–—-")
        if (cut or not ends_sentence(last)) and not last.endswith((ELLIPSIS, "...")):
            last += ELLIPSIS
        return (*told[:-1], last)
    return ()


def _is_prose(paragraph: str) -> bool:
    """The feed's rule for an entry's own text: a sentence of a few words, or more without a stop; not
    an embedded post (a tweet is the page's, not the article's)."""
    if is_social_post(paragraph):
        return False
    words = word_count(" ".join(w for w in paragraph.split() if any(c.isalpha() for c in w)))
    return words >= CUT_PROSE_WORDS or (words >= PROSE_WORDS and ends_sentence(paragraph))
