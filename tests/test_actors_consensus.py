"""An actor's type across articles is the one most of them give it, and a full name spelt the same by two
outlets is one actor whatever type each reads it as (QA13c F13: "Aziz Ansari", a body in one outlet and a
person in another, was two actors). Migration m0025 counts an older archive's articles under each
actor's type."""

from datetime import UTC, datetime

from store import actors as actor_store
from tests.actor_helpers import add_article_naming


def store_one(app, day, name, type_, source="Wire"):
    add_article_naming(app, f"{name} is back on day {day}.", [(name, type_)], day=day, source=source)


def by_name(db, name):
    return sorted((a.name, a.type, a.article_count) for a in actor_store.find_actors(db, name))


def test_a_full_name_two_outlets_read_two_ways_is_one_actor(app):
    store_one(app, 1, "Aziz Ansari", "organization", source="The Guardian")
    store_one(app, 2, "Aziz Ansari", "person", source="reddit")
    assert by_name(app.db, "Aziz Ansari") == [("Aziz Ansari", "organization", 2)]  # one each: no consensus
    store_one(app, 3, "Aziz Ansari", "person", source="Wire")
    assert by_name(app.db, "Aziz Ansari") == [("Aziz Ansari", "person", 3)]


def test_a_tie_goes_to_a_person_when_the_name_begins_with_a_given_name(app):
    store_one(app, 1, "Maria Ansari", "organization", source="The Guardian")
    store_one(app, 2, "Maria Ansari", "person", source="reddit")
    assert by_name(app.db, "Maria Ansari") == [("Maria Ansari", "person", 2)]


def test_the_type_most_articles_give_wins(app):
    store_one(app, 1, "Grand Staircase", "organization", source="A")
    store_one(app, 2, "Grand Staircase", "place", source="B")
    assert by_name(app.db, "Grand Staircase") == [("Grand Staircase", "organization", 2)]  # a tie keeps it
    store_one(app, 3, "Grand Staircase", "place", source="C")
    assert by_name(app.db, "Grand Staircase") == [("Grand Staircase", "place", 3)]


def test_one_article_misreading_a_well_known_body_does_not_retype_it(app):
    for day in (1, 2, 3):
        store_one(app, day, "Time Warner", "organization", source="Wire")
    store_one(app, 4, "Time Warner", "person", source="Blog")
    assert by_name(app.db, "Time Warner") == [("Time Warner", "organization", 4)]


def test_a_body_read_once_as_a_person_stays_a_body_after_more_articles(app):
    store_one(app, 1, "Charlotte Observer", "person", source="A")
    store_one(app, 2, "Charlotte Observer", "organization", source="B")
    store_one(app, 3, "Charlotte Observer", "organization", source="C")
    assert by_name(app.db, "Charlotte Observer") == [("Charlotte Observer", "organization", 3)]


def test_a_lone_word_two_outlets_read_two_ways_stays_two(app):
    store_one(app, 1, "Mahrez", "place", source="A")
    store_one(app, 2, "Mahrez", "organization", source="B")
    assert by_name(app.db, "Mahrez") == [("Mahrez", "organization", 1), ("Mahrez", "place", 1)]


def test_a_guessed_type_gives_no_vote(app):
    from briefing.models import ExtractedActor, Mention
    from briefing.sentences import split_sentences
    from store.articles import get_article
    from tests.actor_helpers import add_article

    store_one(app, 1, "Kellogg", "person", source="A")
    body = "Officials met Kellogg in Kyiv."
    article = get_article(app.db, add_article(app, body, day=2, source="A", index=False))
    start = body.index("Kellogg")
    guessed = ExtractedActor(
        "Kellogg", "organization", (Mention(start, start + 7, "Kellogg", 0),), guessed=True
    )
    actor_store.add_article_actors(app.db, article, [guessed], split_sentences(body))
    assert by_name(app.db, "Kellogg") == [("Kellogg", "person", 2)]
    votes = app.db.execute("SELECT type, articles FROM actor_types").fetchall()
    assert votes == [("person", 1)]


def test_the_upgrade_counts_older_articles_under_the_stored_type(tmp_path):
    """m0025: a database an older bot filled, opened by this one, then one misreading article."""
    from store import open_db
    from tests.article_rows import database_before

    path = tmp_path / "old.db"
    old = database_before(path, 25, when=datetime(2026, 11, 1, tzinfo=UTC))
    old.execute(
        "INSERT INTO actors (id, name, type, key, article_count, mention_count)"
        " VALUES (7, 'Time Warner', 'organization', 'organization:time warner', 3, 5)"
    )
    old.conn.commit()
    old.conn.close()
    db = open_db(path)
    try:
        rows = db.execute("SELECT actor_id, type, articles FROM actor_types").fetchall()
        assert rows == [(7, "organization", 3)]
    finally:
        db.conn.close()
