"""The actor store: merging across articles by alias, keeping different actors apart, lookups, counts."""

from datetime import UTC, date, datetime

from store import actors as actor_store
from tests.actor_helpers import add_article

ENVOY = (
    "President-elect Donald Trump named retired Army Lieutenant General Keith Kellogg special envoy for "
    "Ukraine and Russia. Kellogg said the war must end."
)
COMPANY = "Kellogg's reported higher cereal sales on Tuesday. Kellogg's said demand held up."


def one(db, name, **kw):
    found = actor_store.find_actors(db, name, **kw)
    assert len(found) == 1, found
    return found[0]


def test_spelling_variants_merge_across_articles(app):
    add_article(app, "Volodymyr Zelenskyy met European leaders in Brussels.", day=1)
    add_article(app, "Zelensky said the talks had failed.", day=2)
    add_article(app, "President Volodymyr Zelensky thanked Sweden.", day=3)
    zelensky = one(app.db, "zelenskiy")
    assert zelensky.name == "Volodymyr Zelensky"
    assert zelensky.article_count == 3
    assert zelensky.first_seen.day == 1 and zelensky.last_seen.day == 3


def test_surname_then_full_name_is_one_person(app):
    add_article(app, "Gen. Kellogg arrived in Kyiv on Monday.", day=1)
    add_article(app, ENVOY, day=2)
    kellogg = one(app.db, "Kellogg", type_="person")
    assert kellogg.name == "Keith Kellogg"
    assert kellogg.article_count == 2
    assert actor_store.find_actors(app.db, "Gen. Kellogg") == []  # titles are not names


def test_full_name_then_surname_is_one_person(app):
    add_article(app, ENVOY, day=1)
    add_article(app, "Kellogg said on Friday that talks would start.", day=2)
    assert one(app.db, "keith kellogg").article_count == 2


def test_a_short_first_name_and_the_full_one_are_one_person(app):
    add_article(app, "Rep. Michael Waltz said the president was worried about the escalation.", day=1)
    add_article(app, "Mike Waltz, the incoming national security adviser, spoke on Sunday.", day=2)
    add_article(app, "Mike Johnson, the House speaker, spoke on Monday.", day=3)
    waltz = one(app.db, "Mike Waltz")
    assert (waltz.name, waltz.article_count) == ("Michael Waltz", 2)
    assert one(app.db, "michael waltz").id == waltz.id
    assert one(app.db, "Mike Johnson").id != waltz.id


def test_same_name_different_actors_stay_apart(app):
    add_article(app, ENVOY, day=1)
    add_article(app, COMPANY, day=2)
    found = actor_store.find_actors(app.db, "Kellogg")
    assert sorted((a.name, a.type) for a in found) == [
        ("Keith Kellogg", "person"),
        ("Kellogg's", "organization"),
    ]


def test_lookup_is_case_and_accent_insensitive(app):
    add_article(app, "Swedish Defense Minister Pål Jonson visited Kyiv.")
    assert one(app.db, "PAL JONSON").name == "Pål Jonson"
    assert one(app.db, "jonson").role == "Swedish Defense Minister"


def test_known_aliases_find_an_actor_under_names_never_seen(app):
    add_article(app, "NATO allies met in Brussels.")
    assert one(app.db, "North Atlantic Treaty Organization").name == "NATO"


def test_typos_find_close_names(app):
    add_article(app, ENVOY, day=1)
    add_article(app, "Volodymyr Zelenskyy met European leaders.", day=2)
    assert actor_store.find_actors(app.db, "Zelinsky") == []
    assert [a.name for a in actor_store.similar_actors(app.db, "Zelinsky")] == ["Volodymyr Zelensky"]
    assert "Keith Kellogg" in [a.name for a in actor_store.similar_actors(app.db, "Kelogs")]
    assert actor_store.similar_actors(app.db, "Xyzzyplugh") == []


def test_counts_and_mentions(app):
    article_id = add_article(app, ENVOY, day=5)
    kellogg = one(app.db, "Keith Kellogg")
    assert kellogg.article_count == 1
    mentions = app.db.execute(
        "SELECT surface, sentence_start, sentence_end, start, end FROM mentions WHERE actor_id = ?",
        [kellogg.id],
    ).fetchall()
    assert [m[0] for m in mentions] == ["Keith Kellogg", "Kellogg"]
    for _, s_start, s_end, start, end in mentions:
        assert s_start <= start < end <= s_end
    body = app.db["articles"].get(article_id)["body"]
    assert body[mentions[1][1] : mentions[1][2]] == "Kellogg said the war must end."


def test_indexing_an_article_twice_changes_nothing(app):
    article_id = add_article(app, ENVOY)
    from briefing.service.actors import index_actors
    from store.articles import get_article

    index_actors(app, get_article(app.db, article_id))
    assert one(app.db, "Keith Kellogg").article_count == 1
    assert app.db.execute("SELECT count(*) FROM mentions WHERE surface = 'Keith Kellogg'").fetchone()[0] == 1


def test_dossier_reads(app, monkeypatch):
    add_article(app, ENVOY, source="DW", day=1, url="https://dw.example/1")
    add_article(app, "Kellogg met Zelensky in Kyiv. Kellogg said Zelensky was ready.", source="AP", day=3)
    add_article(app, "Keith Kellogg visited Kyiv again.", source="AP", day=3)
    kellogg = one(app.db, "Keith Kellogg")
    assert actor_store.source_count(app.db, kellogg.id) == 2
    assert [a.source for a in actor_store.latest_articles(app.db, kellogg.id)][-1] == "DW"
    assert actor_store.latest_articles(app.db, kellogg.id)[-1].url == "https://dw.example/1"
    co = {c.actor.name: c.articles for c in actor_store.co_mentioned(app.db, kellogg.id)}
    assert co["Kyiv"] == 2
    assert actor_store.mentions_per_day(app.db, kellogg.id) == [(date(2025, 1, 1), 2), (date(2025, 1, 3), 3)]
    quotes = actor_store.quotes(app.db, kellogg.id)
    assert "Kellogg said Zelensky was ready." in [q.sentence for q in quotes]
    record = actor_store.actor_record(app.db, kellogg.id)
    assert record.actor == kellogg and record.source_count == 2 and record.co_window is None
    monkeypatch.setattr(actor_store, "CO_MENTION_WINDOW", 2)  # more articles than the window: it is said
    assert actor_store.actor_record(app.db, kellogg.id).co_window == 2
    assert actor_store.actor_record(app.db, 999) is None


def test_an_extraction_failure_leaves_the_article_without_actors(app, monkeypatch, caplog):
    import briefing.service.actors as service

    def broken(*args, **kwargs):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(service, "extract_actors", broken)
    article_id = add_article(app, ENVOY)
    assert app.db["articles"].get(article_id)["title"]
    assert actor_store.find_actors(app.db, "Kellogg") == []
    assert "actor extraction failed for the article" in caplog.text


def test_a_part_of_a_place_the_text_names_is_no_other_name_of_it(app):
    add_article(app, "Floods hit northern Virginia on Monday. Virginia declared an emergency.", day=1)
    virginia = one(app.db, "Virginia")
    assert "northern Virginia" not in virginia.aliases
    assert actor_store.find_actors(app.db, "northern virginia") == []


def test_a_run_of_one_letter_is_no_spelling_of_a_one_letter_name(app):
    add_article(app, "Musk said X would sue the advertisers. X also changed its rules.", day=1)
    assert [a.name for a in actor_store.find_actors(app.db, "X")] == ["X"]
    assert actor_store.find_actors(app.db, "xxxxxxxx") == []


def test_a_company_named_in_full_and_by_its_short_name_in_other_articles_is_one(app):
    add_article(app, "Tessvik Marine A/S agreed to merge with a rival. Shares in Tessvik rose.", day=1)
    add_article(app, "Investors sold Tessvik Marine shares on Monday.", day=2)
    company = one(app.db, "Tessvik", type_="organization")
    assert (company.name, company.article_count) == ("Tessvik Marine A/S", 2)
    assert one(app.db, "Tessvik Marine").id == company.id


def test_a_company_named_short_first_and_in_full_later_is_one(app):
    add_article(app, "Workers struck at Tessvik Marine plants on Monday.", day=1)
    add_article(app, "Tessvik Marine A/S said on Tuesday that it would close two yards.", day=2)
    company = one(app.db, "Tessvik Marine", type_="organization")
    assert company.article_count == 2
    assert one(app.db, "Tessvik Marine A/S").id == company.id


def test_a_person_with_two_surnames_is_one_person_across_articles(app):
    add_article(app, "President Marisol Quintero Achával unveiled a water plan on Monday.", day=1)
    add_article(app, "President Marisol Quintero met farmers on Tuesday.", day=2)
    add_article(app, "Marisol Quintero Achával met farmers. Quintero promised help.", day=3)
    person = one(app.db, "Quintero", type_="person")
    assert person.article_count == 3
    assert one(app.db, "Marisol Quintero Achával").id == person.id


def test_different_people_of_one_surname_stay_apart_across_articles(app):
    add_article(app, "Speaker Paul Ryan said on Monday the bill would pass.", day=1)
    add_article(app, "John Ryan, a farmer from Iowa, said the bill would hurt.", day=2)
    assert one(app.db, "Paul Ryan").id != one(app.db, "John Ryan").id


def test_a_lone_word_read_as_a_place_by_its_preposition_alone_joins_the_company_known_by_it(app):
    add_article(app, "Tessvik Marine A/S agreed to merge with a rival. Shares in Tessvik rose.", day=1)
    add_article(app, "Denmark would seek guarantees from Tessvik that the company stays.", day=2)
    add_article(app, "Rescuers arrived in Qamenas on Monday.", day=3)
    company = one(app.db, "Tessvik")
    assert (company.type, company.article_count) == ("organization", 2)
    assert one(app.db, "Qamenas").type == "place"


def test_one_outlet_spelling_a_given_name_two_ways_names_one_person(app):
    add_article(app, "Dr. Hernando Quispe said the quake was strong.", source="Andina", day=1)
    add_article(app, "Hernan Quispe, the seismologist, said aftershocks would go on.", source="Andina", day=2)
    quispe = one(app.db, "Hernando Quispe")
    assert quispe.article_count == 2
    assert one(app.db, "Hernan Quispe").id == quispe.id


def test_other_outlets_and_other_given_names_keep_people_of_one_surname_apart(app):
    add_article(app, "Dr. Hernando Quispe said the quake was strong.", source="Andina", day=1)
    add_article(app, "Hernan Quispe, a farmer, said his house fell.", source="Wire", day=2)
    add_article(app, "Speaker Paul Ryan spoke on Monday.", source="Andina", day=3)
    add_article(app, "Paula Ryan, a nurse, spoke on Tuesday.", source="Andina", day=4)
    assert one(app.db, "Hernan Quispe").id != one(app.db, "Hernando Quispe").id
    assert one(app.db, "Paula Ryan").id != one(app.db, "Paul Ryan").id


def test_a_book_length_article_is_read_for_actors_up_to_its_first_sentences(app, monkeypatch):
    from briefing.service import actors as actor_service

    monkeypatch.setattr(actor_service, "ACTOR_SENTENCES", 50)
    filler = " ".join(f"The council met again on day {n} of the long session." for n in range(60))
    body = f"Mayor Ines Albrecht opened the session. {filler} Later, Governor Tomas Vrba arrived."
    add_article(app, body)
    assert [a.name for a in actor_store.find_actors(app.db, "Albrecht")] == ["Ines Albrecht"]
    assert actor_store.find_actors(app.db, "Vrba") == []  # sentence 62: past the first 50


def test_an_arabic_name_spelt_two_ways_by_two_outlets_is_one_person(app):
    add_article(app, "Iraq's foreign minister Wadah al-Jubouri met his counterpart.", source="A", day=1)
    add_article(app, "Foreign minister Wadah Hassan al-Juburi said talks went well.", source="B", day=2)
    add_article(app, "Libyan leader Muammar al-Qaddafi was killed in 2011.", source="A", day=3)
    add_article(app, "A film about Muammar Gaddafi opened in Tripoli.", source="B", day=4)
    rubaie = one(app.db, "Wadah al-Jubouri")
    assert rubaie.article_count == 2 and rubaie.role == "Foreign minister"
    assert one(app.db, "al-Juburi").id == rubaie.id
    assert one(app.db, "Gaddafi").article_count == 2


def test_the_other_order_of_two_spellings_names_one_person_too(app):
    add_article(app, "Foreign minister Wadah Hassan al-Juburi said talks went well.", source="B", day=1)
    add_article(app, "Iraq's foreign minister Wadah al-Jubouri met his counterpart.", source="A", day=2)
    add_article(app, "A film about Muammar Gaddafi opened in Tripoli.", source="B", day=3)
    add_article(app, "Libyan leader Muammar al-Qaddafi was killed in 2011.", source="A", day=4)
    assert one(app.db, "Wadah Hassan al-Juburi").article_count == 2
    assert one(app.db, "al-Qaddafi").article_count == 2


def test_other_given_names_other_sounds_and_non_arabic_names_stay_apart(app):
    add_article(app, "Minister Wadah al-Jubouri met donors.", source="A", day=1)
    add_article(app, "Minister Nizar al-Juburi met donors.", source="B", day=2)  # another given name
    add_article(app, "Ali al-Hassan, a trader, said prices rose.", source="A", day=3)
    add_article(app, "Ali al-Hussein, a teacher, said schools shut.", source="B", day=4)  # another name
    add_article(app, "Councillor John Smith spoke on Monday.", source="A", day=5)
    add_article(app, "Councillor John Smyth spoke on Tuesday.", source="B", day=6)  # no Arabic name
    for a, b in [("Wadah al-Jubouri", "Nizar al-Juburi"), ("Ali al-Hassan", "Ali al-Hussein")]:
        assert one(app.db, a).id != one(app.db, b).id
    assert one(app.db, "John Smith").id != one(app.db, "John Smyth").id


def test_an_arabic_given_name_spelt_another_way_is_one_person_across_articles(app):
    add_article(app, "Saudi Crown Prince Mohammed bin Salman met the envoy in Riyadh.", source="A", day=1)
    add_article(app, "Crown Prince Muhammad bin Salman said the talks went well.", source="B", day=2)
    add_article(app, "Liverpool forward Mohamed Salah scored twice on Saturday.", source="A", day=3)
    add_article(app, "Mohammed Salah, the Egyptian forward, was rested.", source="B", day=4)
    add_article(app, "Mohammed Hadid said he had bought the site.", source="A", day=5)
    prince = one(app.db, "Mohamad bin Salman")  # a third spelling finds the one actor too
    assert prince.article_count == 2 and prince.name in {"Mohammed bin Salman", "Muhammad bin Salman"}
    assert one(app.db, "Muhammed Salah").article_count == 2
    assert one(app.db, "Mohamed Hadid").article_count == 1  # another surname: another person
    assert one(app.db, "Mohamed Hadid").id != one(app.db, "Mohamed Salah").id


def test_people_stored_before_arabic_given_names_had_one_spelling_are_brought_up_to_it(app):
    # what the store wrote before: the key and the skeleton with the given name as the article spelt it
    app.db.execute(
        "INSERT INTO actors (id, name, type, key, article_count, mention_count)"
        " VALUES (50, 'Mohammed bin Salman', 'person', 'person:mohamed salman', 3, 3)"
    )
    for alias, norm in [
        ("Mohammed bin Salman", "mohammed bin salman"),
        ("Mohammed bin Salman", "mohamed salman"),
        ("bin Salman", "bin salman"),
    ]:
        app.db.execute("INSERT INTO actor_aliases VALUES (50, ?, ?)", [alias, norm])
    assert actor_store.respell_people(app.db) == 1
    assert actor_store.respell_people(app.db) == 0  # once is enough
    assert one(app.db, "Muhammad bin Salman").id == 50
    assert actor_store.find_actors(app.db, "Salman") == []  # the father's name is still no alias
    add_article(app, "Crown Prince Muhammad bin Salman said the talks went well.", day=2)
    assert one(app.db, "Mohamad bin Salman").article_count == 4


def test_the_upgrade_respells_people_an_older_bot_stored(tmp_path):
    """m0022: a database an older bot filled, opened by this one."""
    from store import open_db
    from tests.article_rows import database_before

    path = tmp_path / "old.db"
    old = database_before(path, 22, when=datetime(2026, 11, 1, tzinfo=UTC))
    old.execute(
        "INSERT INTO actors (id, name, type, key, article_count, mention_count)"
        " VALUES (50, 'Mohammed bin Salman', 'person', 'person:mohamed salman', 3, 3)"
    )
    old.execute("INSERT INTO actor_aliases VALUES (50, 'Mohammed bin Salman', 'mohamed salman')")
    old.conn.commit()
    old.conn.close()
    db = open_db(path)
    try:
        assert [a.id for a in actor_store.find_actors(db, "Muhammad bin Salman")] == [50]
    finally:
        db.conn.close()


def test_a_particle_surname_alone_joins_the_one_person_the_archive_knows_by_it(app):
    # qa26 F9: an article that never names her in full ("Jeudi, Le Pen a ajouté") is Marine Le Pen's
    add_article(app, "Marine Le Pen said on Monday she would stand again.", day=1)
    add_article(app, "Jeudi, Le Pen a ajouté que la censure serait déposée.", day=2)
    assert one(app.db, "Marine Le Pen").article_count == 2


def test_a_particle_surname_alone_joins_neither_of_two_people_of_it(app):
    add_article(app, "Marine Le Pen said on Monday she would stand again.", day=1)
    add_article(app, "Jean-Marie Le Pen, her father, was remembered on Tuesday.", day=2)
    add_article(app, "Le Pen said the ruling was political.", day=3)
    assert one(app.db, "Marine Le Pen").article_count == 1
    assert one(app.db, "Jean-Marie Le Pen").article_count == 1
