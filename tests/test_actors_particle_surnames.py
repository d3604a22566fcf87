"""A surname with particles used alone ("Le Pen", "De Niro") in an article that never names the person in
full (qa26 F9): French copy's verbs of speech make it a surname, as "said" does in English."""

import pytest

from briefing.actors import extract_actors

TAGGERS = ["shipped", None]


def names(text, tagger="shipped"):
    return {(a.name, a.type) for a in extract_actors(text, tagger=tagger)}


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize(
    "sentence",
    [
        "Jeudi, Le Pen a ajouté que la censure serait déposée.",
        "Le Pen a dénoncé un budget injuste.",
        "Mardi, La Rocca dénonce un budget injuste.",
    ],
)
def test_a_french_article_and_a_word_before_a_verb_of_speech_is_a_surname(sentence, tagger):
    # qa26 F9: "Le Pen a ajouté" was an organisation, which no archive person could join
    assert any(type_ == "person" for _, type_ in names(sentence, tagger))


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize(
    "sentence",
    [
        "Le Syndicat a dit non.",
        "La Commission a annoncé un plan pour le budget.",
        "Le Président a déclaré la guerre.",
    ],
)
def test_a_french_body_or_office_that_speaks_is_no_surname(sentence, tagger):
    assert not any(type_ == "person" for _, type_ in names(sentence, tagger))
