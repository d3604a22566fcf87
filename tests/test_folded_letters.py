"""Letters with no decomposition ("ł", "ø", "đ", "æ", "ß", "ı") are folded: /search and /actor find a name
written with them or without, in a new archive and in one stored before migration 0016."""

from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from article_rows import database_before, insert_article

import briefing.aliases
from briefing.aliases import actor_key, fold
from briefing.gazetteer import load_gazetteer
from briefing.letters import fold_letters, has_foldable_letters
from briefing.render import to_plain
from briefing.service import App
from briefing.service.commands import Asker, answer, load_all
from store.actors import find_actors
from store.db import migrate
from store.migrations import m0025_actor_types, m0041_actors_key
from store.search import fts_query, search_articles
from tests.actor_helpers import add_article, add_article_naming

ASKER = Asker(chat_id=1, user_id=1)
T0 = datetime(2025, 1, 20, 9, 0, tzinfo=UTC)
NOW = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)
POLAND = (
    "Gen. Wiesław Kukuła, the chief of the general staff, met Małgorzata Kidawa-Błońska in Warsaw. "
    "Kukuła said the army would grow."
)
WRITTEN = [
    ("Wiesław Kukuła briefs the Sejm", "Kukula", "Kukuła"),
    ("Kidawa-Błońska opens the session", "Blonska", "Błońska"),
    ("Lars Løkke Rasmussen in Oslo", "Lokke", "Løkke"),
    ("Støre speaks", "Store", "Støre"),
    ("Novak Đoković wins", "Dokovic", "Đoković"),
    ("Kılıçdaroğlu resigns", "Kilicdaroglu", "Kılıçdaroğlu"),
    ("The Ærø ferry sails", "Aero", "Ærø"),
    ("An œuvre in full", "oeuvre", "œuvre"),
    ("Þórdís Gylfadóttir visits", "Thordis", "Þórdís"),
    ("Straße closed", "Strasse", "Straße"),
]


def matches(db, term: str) -> int:
    """Articles whose index entry holds ``term`` as FTS5 tokenizes it, nothing folded first."""
    sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    return db.execute(sql, [f'"{term}"']).fetchone()[0]


def fts_is_intact(db) -> bool:
    """FTS5's own check that the index holds exactly what its external content says (rank 1)."""
    db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    return True


@pytest.mark.parametrize(
    ("written", "plain"),
    [("Wiesław Kukuła", "Wieslaw Kukula"), ("ŁØĐÐÞÆŒẞĦŦĲ", "LODDTHAEOESSHTIJ"),
     ("łøđðþæœıßħŧĳ", "loddthaeoeisshtij"), ("Erdoğan", "Erdoğan"), ("plain ASCII", "plain ASCII"),
     ("Зеленський", "Зеленський")],
)  # fmt: skip
def test_fold_letters_writes_each_letter_as_its_transliteration_and_nothing_else(written, plain):
    assert fold_letters(written) == plain
    assert has_foldable_letters(written) == (written != plain)


@pytest.mark.parametrize(
    ("name", "norm"),
    [("Wiesław Kukuła", "wieslaw kukula"), ("Małgorzata Kidawa-Błońska", "malgorzata kidawa blonska"),
     ("Lars Løkke", "lars lokke"), ("Novak Đoković", "novak dokovic"),
     ("Kemal Kılıçdaroğlu", "kemal kilicdaroglu"), ("Þórdís", "thordis"), ("Straße", "strasse"),
     ("Mbaïrem", "mbairem")],
)  # fmt: skip
def test_actor_names_fold_the_letters(name, norm):
    assert fold(name) == norm


@pytest.mark.parametrize(("title", "plain", "written"), WRITTEN)
def test_search_finds_a_word_written_with_the_letters_typed_without_them_and_with(db, title, plain, written):
    insert_article(db, title=title, body="A report.", when=T0, url="u1")
    insert_article(db, title="Nothing to see", body="An unrelated report.", when=T0, url="u2")
    assert [a.title for a in search_articles(db, plain)] == [title]
    assert [a.title for a in search_articles(db, written)] == [title]
    assert [a.title for a in search_articles(db, written.upper())] == [title]


@pytest.mark.parametrize(("title", "plain", "written"), WRITTEN)
def test_search_with_the_letters_finds_the_word_written_plainly(db, title, plain, written):
    insert_article(db, title=fold_letters(title), body="A report.", when=T0, url="u1")
    assert [a.title for a in search_articles(db, written)] == [fold_letters(title)]


@pytest.mark.parametrize("typed", ["Strauss", "Strauß", "STRAUSS", "STRAUẞ"])
def test_sharp_s_and_ss_still_find_each_other(db, typed):
    insert_article(db, title="Strauß waltz gala", body="Waltzes all night.", when=T0, url="u1")
    insert_article(db, title="Levi Strauss jeans", body="Denim sales rose.", when=T0, url="u2")
    assert {a.title for a in search_articles(db, typed)} == {"Strauß waltz gala", "Levi Strauss jeans"}
    assert fts_query(typed) == ('"STRAUSS"' if typed.isupper() else '"Strauss"')


async def test_search_command_finds_kukula_both_ways(app):
    load_all()
    add_article(app, POLAND, title="Kukuła warns of a longer war", day=20)
    for typed in ("Kukula", "Kukuła", "kidawa blonska"):
        text = to_plain((await answer(app, f"/search {typed}", ASKER)).document)
        assert "Kukuła warns of a longer war" in text, typed


@pytest.mark.parametrize("typed", ["Kukula", "Wieslaw Kukula", "Kukuła", "KUKUŁA", "Gen. Wiesław Kukuła"])
async def test_actor_finds_a_name_written_with_the_letters_typed_without_them(app, typed):
    load_all()
    add_article(app, POLAND, day=20)
    text = to_plain((await answer(app, f"/actor {typed}", ASKER)).document)
    assert text.startswith("WIESŁAW KUKUŁA"), text[:200]
    assert "no one called" not in text and "Closest match" not in text


async def test_actor_with_the_letters_finds_a_name_written_plainly(app):
    load_all()
    add_article(
        app, "Gen. Wieslaw Kukula met the minister in Warsaw. Kukula said the army would grow.", day=20
    )
    text = to_plain((await answer(app, "/actor Kukuła", ASKER)).document)
    assert text.startswith("WIESLAW KUKULA") and "no one called" not in text


def test_one_person_written_both_ways_is_one_actor(app):
    first = add_article_naming(app, "Wiesław Kukuła spoke.", [("Wiesław Kukuła", "person")], day=20)
    second = add_article_naming(app, "Wieslaw Kukula spoke.", [("Wieslaw Kukula", "person")], day=21)
    rows = app.db.execute(
        "SELECT DISTINCT actor_id FROM article_actors WHERE article_id IN (?, ?)", [first, second]
    )
    assert len(rows.fetchall()) == 1


def test_an_updated_or_deleted_article_leaves_no_stale_index_entry(db):
    kept = insert_article(db, title="Kukuła in Brussels", body="Løkke and Đoković.", when=T0, url="u1")
    gone = insert_article(db, title="Støre in Oslo", body="Kılıçdaroğlu and Straße.", when=T0, url="u2")
    assert fts_is_intact(db)
    db.execute(
        "UPDATE articles SET title = ?, body = ? WHERE id = ?", ["Tusk in Gdańsk", "Błońska.", kept.id]
    )
    db.execute("DELETE FROM articles WHERE id = ?", [gone.id])
    assert fts_is_intact(db)
    for word in ("Kukula", "Lokke", "Store", "Kilicdaroglu", "Strasse"):
        assert search_articles(db, word) == [], word
    assert [a.id for a in search_articles(db, "Blonska Gdansk")] == [kept.id]
    db.execute("UPDATE articles SET summary = 'A summary.' WHERE id = ?", [kept.id])  # fires no re-index
    assert fts_is_intact(db)


def test_a_rebuilt_index_is_folded_as_the_triggers_fold(db):
    insert_article(db, title="Kukuła in Brussels", body="Løkke met him.", when=T0, url="u1")
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    assert fts_is_intact(db)
    assert len(search_articles(db, "kukula lokke")) == 1


@pytest.mark.parametrize(
    "text", ['"Kukuła', "ß*", "Łódź OR", "ø NEAR(", "(((ı", '"Ł"ó"', "ẞ" * 5000, "ł\x00ø", "AND ß OR"]
)
def test_hostile_queries_with_the_letters_never_raise(db, text):
    insert_article(db, title="Kukuła in Łódź", body="Løkke.", when=T0, url="u1")
    assert isinstance(search_articles(db, text), list)


# ---- an archive stored before the letters were folded -------------------------------------------------


def database_before_0016(path):
    return database_before(path, 16, when=NOW)


@contextmanager
def fold_before_0016(monkeypatch):
    """Actor names folded as they were before: "ł" kept (the given names as a running bot had them)."""
    load_gazetteer()
    fold.cache_clear()
    with monkeypatch.context() as patched:
        patched.setattr(briefing.aliases, "fold_letters", lambda text: text)
        yield
    fold.cache_clear()


@pytest.fixture
def upgraded(tmp_path, settings, monkeypatch):
    """An archive written before migration 0016 (its index unfolded, its actor keys with "ł"), then
    migrated."""
    db = database_before_0016(tmp_path / "old.db")
    m0025_actor_types.apply(db)  # today's code writes the actors below, and counts their types (m0025)
    m0041_actors_key.apply(db)  # and records each article's vote (m0041)
    app = App(db=db, settings=settings, clock=lambda: NOW)
    with fold_before_0016(monkeypatch):
        add_article_naming(
            app, POLAND, [("Wiesław Kukuła", "person"), ("Małgorzata Kidawa-Błońska", "person")]
        )
        add_article_naming(
            app, "Lars Løkke Rasmussen met Støre.", [("Lars Løkke Rasmussen", "person")], day=2
        )
        add_article_naming(app, "Wieslaw Kukula was named.", [("Wieslaw Kukula", "person")], day=3)
    insert_article(db, title="Straße closed", body="An œuvre of Ærø.", when=T0, url="u1")
    insert_article(db, title="Plain news", body="Nothing folded here.", when=T0, url="u2")
    # as the old code left it: the index holds "kukuła" and "løkke", the keys and norms "ł"
    assert matches(db, "kukuła") == 1 and matches(db, "løkke") == 1 and search_articles(db, "Lokke") == []
    assert db.execute("SELECT count(*) FROM actors WHERE key LIKE '%ł%'").fetchone()[0] == 2
    assert [r[0] for r in db.execute("SELECT name FROM schema_migrations WHERE number = 16")] == []
    assert migrate(db)[0] == "m0016_folded_letters"  # and the later ones
    return app


def test_an_upgraded_archive_finds_the_articles_both_ways(upgraded):
    db = upgraded.db
    assert fts_is_intact(db)
    for word in ("Kukula", "Kukuła", "Blonska", "Lokke", "Store", "Strasse", "Straße", "oeuvre", "Aero"):
        assert len(search_articles(db, word)) >= 1, word
    assert [a.title for a in search_articles(db, "Nothing folded")] == ["Plain news"]
    assert (matches(db, "kukuła"), matches(db, "løkke"), matches(db, "kukula")) == (0, 0, 2)


def test_an_upgraded_archive_keeps_its_index_intact_through_later_writes(upgraded):
    db = upgraded.db
    first = db.execute("SELECT min(id) FROM articles").fetchone()[0]
    db.execute("UPDATE articles SET body = 'Rewritten.' WHERE id = ?", [first])
    db.execute("DELETE FROM articles WHERE title = 'Straße closed'")
    assert fts_is_intact(db)
    assert search_articles(db, "Strasse") == []


def test_an_upgraded_archive_holds_no_norm_or_key_the_fold_would_change(upgraded):
    db = upgraded.db
    norms = [r[0] for r in db.execute("SELECT norm FROM actor_aliases UNION SELECT norm FROM alias_trigrams")]
    assert norms and not any(fold(n) != n for n in norms)
    keys = dict(db.execute("SELECT key, name FROM actors").fetchall())
    # as a new archive keys them
    assert keys[actor_key("Lars Løkke Rasmussen", "person")] == "Lars Løkke Rasmussen"
    assert keys["person:malgorzata kidawa blonska"] == "Małgorzata Kidawa-Błońska"
    # Kukuła and the Kukula stored apart before: both keys would be "person:wieslaw kukula"; one keeps its
    # old key, and the name finds both
    assert sorted(a.name for a in find_actors(db, "Kukula")) == ["Wieslaw Kukula", "Wiesław Kukuła"]


@pytest.mark.parametrize(
    "typed",
    ["Lars Lokke Rasmussen", "Lokke Rasmussen", "Lars Løkke", "Kidawa-Blonska", "Malgorzata Kidawa Blonska"],
)
async def test_actor_finds_the_names_of_an_upgraded_archive(upgraded, typed):
    load_all()
    text = to_plain((await answer(upgraded, f"/actor {typed}", ASKER)).document)
    assert "no one called" not in text and "Closest match" not in text, text[:200]
    assert text.startswith(("LARS LØKKE RASMUSSEN", "MAŁGORZATA KIDAWA-BŁOŃSKA"))


async def test_an_upgraded_archive_files_a_new_article_under_the_actor_it_knew(upgraded):
    before = upgraded.db.execute("SELECT count(*) FROM actors").fetchone()[0]
    name = "Małgorzata Kidawa-Błońska"
    add_article_naming(upgraded, f"{name} spoke.", [(name, "person")], day=9)
    add_article_naming(upgraded, "Lars Lokke Rasmussen spoke.", [("Lars Lokke Rasmussen", "person")], day=9)
    assert upgraded.db.execute("SELECT count(*) FROM actors").fetchone()[0] == before
    assert find_actors(upgraded.db, "Kidawa-Blonska")[0].article_count == 2
    assert find_actors(upgraded.db, "Lars Lokke Rasmussen")[0].article_count == 2


def test_the_upgrade_builds_the_index_anew_from_the_folded_text(tmp_path):
    db = database_before_0016(tmp_path / "old.db")
    insert_article(db, title="Plain news", body="Nothing folded here.", when=T0, url="u1")
    insert_article(db, title="Kukuła", body="Løkke.", when=T0 + timedelta(hours=1), url="u2")
    migrate(db)
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert "content='articles_folded'" in sql  # made anew, not rewritten in place
    assert fts_is_intact(db)
    assert (matches(db, "kukula"), matches(db, "lokke"), matches(db, "plain")) == (1, 1, 1)
    assert matches(db, "kukuła") == 0


def test_a_topic_brief_ranks_a_title_written_with_the_letters_as_a_title_match():
    from briefing.relevance import topic_relevance

    texts = {1: ("Løkke wins the vote", "Lars Løkke Rasmussen said so."), 2: ("Other news", "Nothing.")}
    assert topic_relevance(["Lokke"], texts)[1][0] is True
    assert topic_relevance(["Løkke"], {1: ("Lokke wins the vote", "Lokke said so.")})[1][0] is True


def test_an_umlaut_is_written_as_german_writes_it_without_the_key():
    from briefing.letters import umlauts_written

    assert umlauts_written("Markus Söder, Grüne, Ärzte") == "Markus Soeder, Gruene, Aerzte"
    assert umlauts_written("So\u0308der") == "Soeder"  # decomposed
    assert umlauts_written("Joe Poe") == "Joe Poe"


def test_a_lone_surname_with_the_umlaut_written_out_is_the_person_the_text_named_in_full():
    from briefing.actors import extract_actors

    def people(text):
        return {a.name: [m.surface for m in a.mentions] for a in extract_actors(text) if a.type == "person"}

    found = people("Lower Saxony's premier Olaf Müller spoke on Friday. Mueller told reporters he was calm.")
    assert found == {"Olaf Müller": ["Olaf Müller", "Mueller"]}, found
    found = people("Lower Saxony's premier Olaf Mueller spoke on Friday. Müller told reporters he was calm.")
    assert found == {"Olaf Mueller": ["Olaf Mueller", "Müller"]}, found


def test_german_letters_for_a_russian_or_ukrainian_name_are_one_key_with_the_english():
    from briefing.aliases import transliteration_key as key

    assert key("wolodymyr selenskyj") == key("volodymyr zelensky") == key("volodymyr zelenskyy")
    assert key("sergej lawrow") == key("sergei lavrov")
    assert key("julija timoschenko") == key("yulia tymoshenko")
    assert key("angela merkel") is None  # no such surname's ending: no key
    assert key("sergei lavrov") != key("sergei lazarev")


async def test_a_german_spelling_of_a_known_person_is_another_name_of_them(app):
    load_all()
    add_article(app, "Ukrainian President Oleksandr Kovalenko met envoys in Kyiv on Monday.", day=1)
    add_article(app, "Präsident Oleksandr Kowalenko traf am Dienstag Gesandte in Kiew.", day=2)
    found = find_actors(app.db, "Oleksandr Kowalenko")
    assert [(a.name, a.article_count) for a in found] == [("Oleksandr Kovalenko", 2)], found
    assert "Oleksandr Kowalenko" in found[0].aliases
    assert [a.name for a in find_actors(app.db, "Kowalenko")] == ["Oleksandr Kovalenko"]


async def test_a_german_article_with_an_inflected_office_joins_the_english_spelt_person(app):
    load_all()
    add_article(app, "Ukrainian President Oleksandr Kovalenko met envoys in Kyiv on Monday.", day=1)
    add_article(app, "Merz hat den ukrainischen Präsidenten Oleksandr Kowalenko in Berlin empfangen.", day=2)
    found = find_actors(app.db, "Oleksandr Kowalenko")
    assert [(a.name, a.article_count) for a in found] == [("Oleksandr Kovalenko", 2)], found
    assert not [a for a in find_actors(app.db, "Präsidenten") if a.type == "person"]


def test_a_russian_given_name_and_surname_sound_give_the_key_without_a_slavic_ending():
    from briefing.aliases import transliteration_key as key

    assert key("sergej schoigu") == key("sergei shoigu") is not None
    assert key("jewgeni prigoschin") == key("yevgeny prigozhin") is not None
    assert key("andrij jermak") == key("andriy yermak") is not None
    assert key("wladimir putin") == key("vladimir putin") is not None
    # no Russian given name, or no such sound in the surname: no key, so no two people meet by it
    assert key("irina smyth") is None and key("john smyth") is None and key("olaf scholz") is None
    assert key("schoigu") is None and key("martin schulz") is None


async def test_a_german_spelling_without_a_slavic_ending_joins_the_english_spelt_person(app):
    load_all()
    add_article(app, "Russian Security Council secretary Sergei Shoigu met officials on Monday.", day=1)
    add_article(app, "Der russische Sicherheitsratssekretär Sergej Schoigu sagte, die Lage sei ernst.", day=2)
    found = find_actors(app.db, "Sergej Schoigu")
    assert [(a.name, a.article_count) for a in found] == [("Sergei Shoigu", 2)], found
