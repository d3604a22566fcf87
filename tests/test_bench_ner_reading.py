"""The benchmark's "names" reading of re3d's gold spans (``bench_ner.names_only``), on text of our own."""

from bench.bench_ner import Document, Entity, names_only, score
from bench.train_ner import training_spans


def doc(text, spans):
    """A document whose gold is the given (surface, type) spans, found in order in ``text``."""
    gold, at = [], 0
    for surface, type_ in spans:
        start = text.index(surface, at)
        gold.append(Entity(start, start + len(surface), type_, surface))
        at = start + len(surface)
    return Document(text, 1, tuple(gold), ())


TEXT = "Iraqi Prime Minister \u200e Hadi Karim met our Coalition partners in Baghdad.\n"


def test_a_persons_title_is_cut_and_left_unscored():
    gold = names_only(doc(TEXT, [("Iraqi Prime Minister \u200e Hadi Karim", "person")])).gold
    assert [(e.text, e.type) for e in gold] == [
        ("Iraqi Prime Minister \u200e ", "title"),
        ("Hadi Karim", "person"),
    ]
    # the country inside the title is neither right nor wrong; the name is scored
    predicted = [
        Entity(0, 5, "place", "Iraqi"),
        Entity(TEXT.index("Hadi"), TEXT.index(" met"), "person", "Hadi Karim"),
    ]
    s = score([Document(TEXT, 1, gold, ())], lambda d: predicted)
    assert (s.tp["person"], s.fp["place"], s.fn["person"]) == (1, 0, 0)


def test_a_possessive_determiner_is_dropped_like_the():
    gold = names_only(doc(TEXT, [("our Coalition partners", "organization")])).gold
    assert [(e.text, e.type) for e in gold] == [("Coalition partners", "organization")]


def test_a_title_is_no_label_the_tagger_learns():
    reading = names_only(doc(TEXT, [("Iraqi Prime Minister \u200e Hadi Karim", "person")]))
    assert [(TEXT[a:b], t) for a, b, t in training_spans(reading)] == [("Hadi Karim", "person")]


def test_a_ratings_class_ends_the_title():
    text = "Navy Diver 2nd Class Omar Vance was hurt.\n"
    gold = names_only(doc(text, [("Navy Diver 2nd Class Omar Vance", "person")])).gold
    assert [(e.text, e.type) for e in gold] == [("Navy Diver 2nd Class ", "title"), ("Omar Vance", "person")]
