"""A followed topic is found in a sentence in any form the search finds it in (QA: "businesses"): a word
typed with a plural or verb ending stands for its root too, as the index's stemmer reads it, so the alert
shows the sentence that holds it, not the lead instead; a name is found as written (with an ending)."""

from __future__ import annotations

import pytest

from briefing.topics import mentions_topic, read_topic, sentence_about

BODY = (
    "The mayor opened the new market on Monday. "
    "Every business on the square will pay lower rates, she said. "
    "A busy week is expected."
)


def test_a_plural_topic_finds_the_singular_sentence():
    assert sentence_about(BODY, read_topic("businesses")) == (
        "Every business on the square will pay lower rates, she said."
    )


@pytest.mark.parametrize(
    ("topic", "text"),
    [
        ("businesses", "The business's owner left."),
        ("businesses", "Two businesses closed."),
        ("small businesses", "Every small business pays less."),
        ("strikes", "The strike ended."),
        ("exported grain", "Ukraine will export grain by rail."),
        ('"dock strikes"', "A dock strike halted ships."),
    ],
)
def test_any_form_of_a_typed_word_is_the_topic(topic, text):
    assert mentions_topic(text, read_topic(topic))


@pytest.mark.parametrize(
    ("topic", "text"),
    [
        ("businesses", "A busy week is expected."),  # the same stem, not the same word
        ("striking", "The strike ended."),  # "striking" is no ending of "strik"
        ("bus", "The bud opened."),  # too short to have a root
        ("Lords", "The Lord Mayor spoke."),  # a name is found as written
    ],
)
def test_a_word_is_not_found_in_another(topic, text):
    assert not mentions_topic(text, read_topic(topic))


def test_a_name_keeps_its_endings():
    assert mentions_topic("The Lords' vote came late.", read_topic("Lords"))
    assert read_topic("Lords").name and not read_topic("businesses").name and not read_topic("NATO").name
