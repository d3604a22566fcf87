"""Lone words across outlets (QA13c F1, F4): a common given name, a word spelt like a surname, a word
listed among institutions, a letter inside another name, a sequel's numeral are no mentions of a person
or a company another outlet named."""

from briefing.actors import extract_actors
from store import actors as actor_store
from tests.actor_helpers import add_article

SPEAKER = "House Speaker Paul Ryan said Republicans would pass the tax bill. Ryan spoke on Wednesday."
PODCAST = "Ryan dares Vinny to stop playing the game, and Ryan and Jeff talk about the new console."


def names(text):
    return {(a.name, a.type) for a in extract_actors(text)}


def surfaces(text):
    return {m.surface: a.name for a in extract_actors(text) for m in a.mentions}


def people(db, name):
    return {(a.name, a.article_count) for a in actor_store.find_actors(db, name, type_="person")}


def test_a_given_name_alone_from_another_outlet_is_not_the_person_of_that_surname(app):
    add_article(app, SPEAKER, source="TPM", day=1)
    add_article(app, PODCAST, source="Giant Bombcast", day=2)
    add_article(
        app,
        "Ryan and Jeff are back from the show floor, and Ryan has hot takes.",
        source="Giant Bombcast",
        day=3,
    )
    assert people(app.db, "Paul Ryan") == {("Paul Ryan", 1)}
    assert ("Ryan", 2) in people(app.db, "Ryan")


def test_a_given_name_alone_joins_the_person_its_own_outlet_named(app):
    add_article(app, SPEAKER, source="TPM", day=1)
    add_article(
        app,
        "Ryan said on Friday the vote would come next week, and Ryan said it would pass.",
        source="TPM",
        day=2,
    )
    assert people(app.db, "Paul Ryan") == {("Paul Ryan", 2)}


def test_a_full_name_does_not_take_over_another_outlets_given_name_alone(app):
    add_article(app, PODCAST, source="Giant Bombcast", day=1)
    add_article(app, SPEAKER, source="TPM", day=2)
    assert people(app.db, "Paul Ryan") == {("Paul Ryan", 1)}
    assert ("Ryan", 1) in people(app.db, "Ryan")


def test_a_surname_alone_still_joins_the_person_across_outlets(app):
    add_article(
        app,
        "Retired Army Lieutenant General Keith Kellogg was named envoy. Kellogg said talks would start.",
        source="DW",
        day=1,
    )
    add_article(
        app,
        "Kellogg said on Friday that the talks would start in Riyadh, and Kellogg smiled.",
        source="Wire",
        day=2,
    )
    assert people(app.db, "Keith Kellogg") == {("Keith Kellogg", 2)}


def test_a_word_only_spelt_like_a_surname_joins_no_one_from_another_outlet(app):
    add_article(app, "Dan Webb wrote the library. Webb said it was fast.", source="Sam Ruby", day=1)
    add_article(app, "Web said on Monday that the portal would close, Web added.", source="Portal", day=2)
    assert people(app.db, "Dan Webb") == {("Dan Webb", 1)}


def test_a_word_listed_among_universities_is_no_person():
    text = (
        "She taught at Kellogg in 2010. She was among the highest rated professors at Stern, Columbia, "
        "Harvard, Kellogg and the University of Chicago."
    )
    found = names(text)
    assert ("Kellogg", "person") not in found
    assert ("University of Chicago", "organization") in found


def test_the_envoy_listed_with_people_stays_a_person():
    text = "Retired Army Lieutenant General Keith Kellogg met Trump. Trump, Kellogg and Vance then spoke."
    assert ("Keith Kellogg", "person") in names(text)


def test_a_letter_inside_another_name_or_code_is_no_mention():
    text = (
        "Rorie talks about X-Men on the Genesis and the future of X-COM. Use curl -X GET to fetch it. "
        "Xbox One X sales rose."
    )
    assert not any(name == "X" for name in surfaces(text).values())


def test_the_letter_alone_is_the_company():
    assert surfaces("Obi shared the photos on his official X handle on Sunday.").get("X") == "X"


def test_man_alone_is_no_place_but_the_isle_of_man_is():
    found = names("Spider-Man is a game. We flew to the Isle of Man, and Man, what a trip it was.")
    assert ("Isle of Man", "place") in found
    assert not any(name == "Man" and type_ == "place" for name, type_ in found)


def test_a_word_and_a_numeral_is_a_sequel_not_a_person():
    found = names("We played Assassin's Creed III last night, and Creed III was fun. King Charles III spoke.")
    assert ("Charles III", "person") in found
    assert not any(name.startswith("Creed") for name, _ in found)
