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
