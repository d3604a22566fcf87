"""A followed topic is found in a sentence as the search finds it in the article: case, full-width letters
and the accents of Latin letters folded (``briefing.letters.fold_as_indexed``), so the alert for "Elysee"
that the search matched in "Élysée" shows the sentence that holds it, not the lead instead."""

from __future__ import annotations

from briefing.letters import fold_as_indexed
from briefing.topics import mentions_topic, read_topic, sentence_about

BODY = (
    "Unions called a national day of strikes for Thursday. "
    "Protesters gathered outside the Élysée on Monday as the president met union leaders."
)


def test_a_topic_without_accents_is_in_a_sentence_with_them():
    assert sentence_about(BODY, read_topic("Elysee")) == (
        "Protesters gathered outside the Élysée on Monday as the president met union leaders."
    )
    assert mentions_topic("A ferry to İstanbul ran aground.", read_topic("istanbul ferry"))
    assert mentions_topic("Ｅｌｙｓéｅ talks resumed.", read_topic("Élysée talks"))


def test_the_marks_the_index_keeps_still_tell_words_apart():
    assert not mentions_topic("Мой дом", read_topic("мои"))  # "й" is not "и", as FTS5 keeps them
    assert read_topic("Élysée talks").words == ("elysee", "talks")


def test_folding_as_indexed():
    assert fold_as_indexed("İSTANBUL Straße Kukuła Ｒｏｔｔｅｒｄａｍ") == "istanbul strasse kukula rotterdam"
    assert fold_as_indexed("E\u0301lyse\u0301e") == fold_as_indexed("Élysée") == "elysee"
    assert fold_as_indexed("Ἀθῆναι") == "ἀθῆναι"  # Greek keeps its marks
