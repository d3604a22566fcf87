"""A person the text names stays that person (qa23 F6, F7, F13): a surname that is also a town's name
and speaks, a full name written again without its role, a name set off by commas after an office."""

from briefing.actors import extract_actors


def typed(text, tagger="shipped"):
    return {(a.name, a.type) for a in extract_actors(text, tagger=tagger)}


def mentions(text, name):
    return [text[m.start : m.end] for a in extract_actors(text) if a.name == name for m in a.mentions]


def test_a_name_after_an_office_and_a_comma_is_the_office_holder_not_a_body():
    text = "The bill stalled, and the Democratic senator from Vermont, TJ Marrow, said he would vote no."
    assert ("TJ Marrow", "person") in typed(text)
    assert ("TJ Marrow", "person") in typed(text, tagger=None)
    text = "Critics blamed the regional president of Umbria, Gualtiero Pescara, for the delay."
    assert ("Gualtiero Pescara", "person") in typed(text, tagger=None)
    assert ("Gualtiero Pescara", "person") in typed(text)


def test_a_surname_that_is_a_town_and_speaks_is_the_person_the_text_named():
    text = (
        "Opposition leaders criticised the regional president of Umbria, Gualtiero Pescara, for the delay. "
        'Pescara said the money was ready. "We will not wait," Pescara told reporters. '
        "Pescara rejected the criticism and said the dykes came first."
    )
    found = typed(text)
    assert ("Gualtiero Pescara", "person") in found
    assert ("Pescara", "place") not in found
    assert len(mentions(text, "Gualtiero Pescara")) == 4


def test_the_town_itself_is_still_a_place_beside_its_namesake():
    text = (
        "The regional president, Gualtiero Pescara, said the floods were over. "
        "The river burst its banks near Pescara on Sunday."
    )
    assert ("Pescara", "place") in typed(text)


def test_a_full_name_written_again_without_its_role_is_the_person():
    text = (
        "The novelist Irvine Welsh said on Monday that he would open a book festival in Leith. "
        "Irvine Welsh's new novel is out in May."
    )
    found = typed(text)
    assert ("Irvine Welsh", "person") in found
    assert ("Irvine", "place") not in found and ("Wales", "place") not in found
    assert mentions(text, "Irvine Welsh") == ["Irvine Welsh", "Irvine Welsh"]


def test_a_full_name_opening_a_sentence_keeps_its_given_name_no_list_knows():
    text = (
        "Flood aid was approved by the regional president of Umbria, Gualtiero Pescara, on Tuesday. "
        "Gualtiero Pescara, the regional president, also met farmers in Terni."
    )
    assert mentions(text, "Gualtiero Pescara") == ["Gualtiero Pescara", "Gualtiero Pescara"]
    assert ("Pescara", "place") not in typed(text)


def test_a_full_name_inside_a_longer_name_is_left_to_it():
    text = (
        "The novelist Irvine Welsh said he would give the prize money away. "
        "The Irvine Welsh Trust will fund three libraries."
    )
    assert mentions(text, "Irvine Welsh") == ["Irvine Welsh"]
