"""Types and roles a reader meets on ordinary news (QA13c F5, F13): no clause fragment as a role, one
outlet's name read three ways is one actor, outlets and regulators are bodies, an office holder is a
person."""

from briefing.actors import extract_actors
from store import actors as actor_store
from tests.actor_helpers import add_article_naming


def actors(text):
    return {a.name: (a.type, a.role) for a in extract_actors(text)}


def test_a_role_after_as_that_names_someone_else_is_no_role():
    found = actors(
        "It's pizza night on the Giant Bombcast as special guest Giancarlo Varanini traces his career."
    )
    assert all(role is None for _, role in found.values()), found


def test_an_as_role_is_still_read():
    found = actors("Trump appointed Keith Kellogg as special envoy for Ukraine and Russia.")
    assert found["Keith Kellogg"] == ("person", "special envoy for Ukraine and Russia")


def test_a_conjunction_does_not_open_a_role():
    found = actors("But Republican National Committee chair Ronna Romney McDaniel pushed back on that claim.")
    assert found["Ronna Romney McDaniel"] == ("person", "Republican National Committee chair")


def test_a_name_that_becomes_an_office_holder_is_a_person():
    found = actors("Wilmot Collins became Montana's first black mayor when he won the race in Helena.")
    assert found["Wilmot Collins"][0] == "person"


def test_outlets_and_regulators_are_bodies():
    found = actors("Politico followed up on the story, citing its sources. Ofcom said it would investigate.")
    assert found["Politico"][0] == "organization" and found["Ofcom"][0] == "organization"


def store_one(app, day, name, type_):
    """An article of the outlet "Wire" (the helper's) whose one actor is ``name``, read as ``type_``."""
    add_article_naming(app, f"{name} is back on day {day}.", [(name, type_)], day=day)


def by_name(db, name):
    return sorted((a.name, a.type, a.article_count) for a in actor_store.find_actors(db, name))


def test_one_outlets_name_read_three_ways_is_one_actor(app):
    for day, type_ in enumerate(["place", "organization", "person", "place"], start=1):
        store_one(app, day, "Giant Bombcast", type_)
    assert by_name(app.db, "Giant Bombcast") == [("Giant Bombcast", "place", 4)]


def test_a_given_name_and_surname_read_as_a_body_becomes_the_person(app):
    store_one(app, 1, "Maria Ansari", "organization")
    store_one(app, 2, "Maria Ansari", "person")
    assert by_name(app.db, "Maria Ansari") == [("Maria Ansari", "person", 2)]


def test_a_lone_word_read_as_a_person_and_as_a_company_stays_two(app):
    store_one(app, 1, "Ford", "person")
    store_one(app, 2, "Ford", "organization")
    assert by_name(app.db, "Ford") == [("Ford", "organization", 1), ("Ford", "person", 1)]


def test_an_office_of_a_body_before_a_name_is_the_whole_role():
    found = actors("Speaker of the House Paul Ryan said his party would win.")
    assert found["Paul Ryan"] == ("person", "Speaker of the House")


def test_a_lone_word_listed_among_people_only_is_a_person():
    found = actors("Jeff, Vinny and Brad talk about the show. Vinny loved it.")
    assert found["Vinny"][0] == "person"


def test_a_lone_word_listed_among_places_stays_out_of_the_people():
    found = actors("The fans came from Leeds, Hull and Bradford on Saturday.")
    assert all(type_ == "place" for type_, _ in found.values()), found


def test_the_verb_that_opens_a_german_question_is_no_part_of_a_name():
    found = {
        a.name: [m.surface for m in a.mentions]
        for a in extract_actors(
            "Walerija und Johannes sind Delfine. Könnten Walerija und Johannes nicht zu Hause bleiben?"
        )
    }
    assert found == {"Walerija": ["Walerija", "Walerija"], "Johannes": ["Johannes", "Johannes"]}


def test_a_german_sentence_keeps_a_full_name_with_any_given_name():
    found = {a.name for a in extract_actors("Sahra Wagenknecht sagte, dass sie nicht antritt.")}
    assert found == {"Sahra Wagenknecht"}
