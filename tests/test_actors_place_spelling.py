"""A place is named as the articles write it, not in the lists' transliteration ("Karnataka", not
"Karnātaka"), and a constituent country's people name that country, not the state ("Scottish" is
Scotland, no mention of the United Kingdom)."""

from briefing.actors import extract_actors


def places(text: str) -> set[str]:
    return {a.name for a in extract_actors(text) if a.type == "place"}


def test_a_place_keeps_the_spelling_the_text_gives_it():
    assert "Karnataka" in places("The chief minister of Karnataka met investors in Bengaluru.")


def test_the_lists_spelling_stays_when_the_text_writes_it():
    assert "Zürich" in places("Talks in Zurich went on; Zürich hosts the next round.")


def test_a_constituent_countrys_people_are_no_mention_of_the_state():
    found = places("Scottish Championship also-rans Dundee United won, and Welsh farmers objected.")
    assert {"Scotland", "Wales"} <= found and "United Kingdom" not in found
