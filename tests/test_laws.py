"""Bodies of law in names: a body named after one is one organisation, and a country's law mentions the
country (QA18b F10; texts of our own)."""

from briefing.actors import extract_actors


def actors(text, **kw):
    return [(a.name, a.type, [m.surface for m in a.mentions]) for a in extract_actors(text, **kw)]


def test_a_body_named_for_a_body_of_law_is_one_organisation():
    text = (
        "The International Tribunal for the Law of the Sea ruled on Friday. "
        "The Institute for the Law of Armed Conflict objected."
    )
    for tagger in (None, "shipped"):
        found = actors(text, tagger=tagger)
        names = [(n, t) for n, t, _ in found]
        assert ("International Tribunal for the Law of the Sea", "organization") in names, tagger
        assert ("Institute for the Law of Armed Conflict", "organization") in names, tagger
        assert not any(n in ("Sea", "Armed Conflict") for n, _ in names), tagger


def test_a_countrys_law_mentions_the_country():
    # the law is the country's: news of it is news of Ukraine, as "the President of Ukraine" is
    text = "The Law of Ukraine on Mobilization takes effect in May. Captains study the Law of the Sea."
    for tagger in (None, "shipped"):
        assert actors(text, tagger=tagger) == [("Ukraine", "place", ["Ukraine"])], tagger


def test_a_surname_law_before_of_is_still_a_person():
    found = actors("Megan Law of Ohio spoke to the board.", tagger=None)
    assert ("Megan Law", "person", ["Megan Law"]) in found
    assert ("Ohio", "place", ["Ohio"]) in found
