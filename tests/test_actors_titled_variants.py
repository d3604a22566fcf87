"""A title and a surname spelt another way in a later article (QA15a F7): "General Syrskii" is the one
Oleksandr Syrskyi of the archive; with two such people, or no title, or a short word, no one."""

from store import actors as actor_store
from tests.actor_helpers import add_article

CHIEF = (
    "Ukraine's commander-in-chief Oleksandr Syrskyi said on Monday that Russian forces had lost 1,500 men "
    "near Pokrovsk. Syrskyi said reserves were on the way."
)
VISIT = "Gen. Oleksandr Syrsky visited troops near Kupiansk on Tuesday, the army said. Syrsky met commanders."
WARNS = "General Syrskii warned on Wednesday that the winter would be hard for troops near Kupiansk."


def people(db, name):
    return {(a.name, a.article_count) for a in actor_store.find_actors(db, name, type_="person")}


def test_a_titled_surname_spelt_another_way_joins_the_one_person(app):
    add_article(app, CHIEF, source="Kyiv Independent", day=1)
    add_article(app, VISIT, source="Reuters", day=2)
    add_article(app, WARNS, source="BBC", day=3)
    assert people(app.db, "Syrskyi") == {("Oleksandr Syrskyi", 3)}
    assert people(app.db, "Syrskii") == {("Oleksandr Syrskyi", 3)}


def test_with_two_people_of_that_surname_the_titled_variant_joins_neither(app):
    add_article(app, CHIEF, source="Kyiv Independent", day=1)
    add_article(
        app, "Ivan Syrsky, a lawyer in Lviv, said the court would rule soon.", source="Reuters", day=2
    )
    add_article(app, WARNS, source="BBC", day=3)
    assert people(app.db, "Oleksandr Syrskyi") == {("Oleksandr Syrskyi", 1)}
    assert people(app.db, "Ivan Syrsky") == {("Ivan Syrsky", 1)}
    assert ("Syrskii", 1) in people(app.db, "Syrskii")


def test_an_untitled_variant_from_another_outlet_stays_apart(app):
    add_article(app, CHIEF, source="Kyiv Independent", day=1)
    add_article(app, "Syrskii warned on Wednesday that the winter would be hard.", source="BBC", day=3)
    assert people(app.db, "Oleksandr Syrskyi") == {("Oleksandr Syrskyi", 1)}


def test_a_short_titled_word_spelt_like_a_surname_stays_apart(app):
    add_article(app, "Dan Webb wrote the library. Webb said it was fast.", source="Sam Ruby", day=1)
    add_article(app, "Senator Web said on Monday that the portal would close.", source="Portal", day=2)
    assert people(app.db, "Dan Webb") == {("Dan Webb", 1)}


def test_the_titled_surname_spelt_the_same_way_still_joins(app):
    add_article(app, CHIEF, source="Kyiv Independent", day=1)
    add_article(
        app, "General Syrskyi warned on Wednesday that the winter would be hard.", source="BBC", day=3
    )
    assert people(app.db, "Syrskyi") == {("Oleksandr Syrskyi", 2)}
