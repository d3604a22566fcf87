"""A body named after a person ("the Biden administration") stays a body, and still counts for the person."""

import pytest
from actor_helpers import add_article, surfaces_by_actor

from bot import main
from briefing.service import App
from store import open_db


def test_an_administration_is_a_body_and_a_mention_of_its_president():
    found = surfaces_by_actor(
        "Joe Biden won the election in 2020. The Biden administration said on Monday that tariffs would stay."
    )
    assert found[("Biden administration", "organization")] == ["Biden administration"]
    assert found[("Joe Biden", "person")] == ["Joe Biden", "Biden"]


def test_a_surname_the_lists_know_names_the_person_behind_the_body():
    found = surfaces_by_actor("Officials in the Biden administration said the plan was dead.")
    assert found[("Joe Biden", "person")] == ["Biden"]


def test_a_regime_of_a_ruler_the_text_names_mentions_him():
    found = surfaces_by_actor(
        "Colonel Omar Haddad took power in 1999. Rebels fought the regime of Haddad for a decade."
    )
    assert found[("Omar Haddad", "person")] == ["Omar Haddad", "Haddad"]
    assert any(type_ == "organization" and "regime of Haddad" in s for (_, type_), s in found.items())


def test_a_government_named_after_a_party_names_no_one():
    found = surfaces_by_actor("The Conservative government announced cuts to the budget on Monday.")
    assert not any(type_ == "person" for _, type_ in found)


def test_actor_counts_the_article_that_names_only_the_administration(tmp_path, settings, capsys):
    path = tmp_path / "ask.db"
    db = open_db(path)
    app = App(db=db, settings=settings)
    add_article(app, "President Joe Biden signed the bill on Tuesday. He said it would help farmers.", day=1)
    add_article(app, "Officials in the Biden administration said the tariff plan was dead.", day=2)
    db.conn.close()
    assert main(["ask", "/actor Biden", "--db", str(path)], environ={}) == 0
    out = capsys.readouterr().out
    assert out.startswith("JOE BIDEN")
    assert "In 2 articles from 1 source" in out
    assert "Officials in the Biden administration said the tariff plan was dead." in out


def test_a_rulers_possessive_regime_is_a_body_and_a_mention_of_him():
    found = surfaces_by_actor("The sanctions put pressure on Assad's brutal regime, the minister said.")
    assert found[("Assad regime", "organization")] == ["Assad's brutal regime"]
    assert found[("Bashar al-Assad", "person")] == ["Assad"]


@pytest.mark.parametrize(
    "text",
    [
        "The rebels vowed to fight Putin's regime, their leader said.",
        "The rebels vowed to fight Putin's regime.",
    ],
)
def test_a_rulers_regime_before_a_comma_or_full_stop_is_a_body(text):
    found = surfaces_by_actor(text)
    assert found[("Putin regime", "organization")] == ["Putin's regime"]


def test_a_persons_training_regime_is_no_body_and_the_person_stays():
    found = surfaces_by_actor("Critics admire how Cristiano Ronaldo's training regime kept him fit at 39.")
    assert found == {("Cristiano Ronaldo", "person"): ["Cristiano Ronaldo"]}


def test_an_unknown_rulers_authoritarian_regime_is_a_body_and_still_names_him():
    found = surfaces_by_actor("Exiles say Nicolas Maduro's authoritarian regime jailed thousands.")
    assert found[("Nicolas Maduro regime", "organization")] == ["Nicolas Maduro's authoritarian regime"]
    assert found[("Nicolas Maduro", "person")] == ["Nicolas Maduro"]


@pytest.mark.parametrize(
    "text",
    [
        "The Victoria State Government announced new funding for schools.",
        "The Georgia State Government said it would appeal the ruling.",
        "Fans cheered the Jordan Brand Team at the event.",
    ],
)
def test_a_place_or_a_body_word_before_a_bodys_noun_names_no_person(text):
    assert not any(type_ == "person" for _, type_ in surfaces_by_actor(text))


def test_a_person_named_before_a_regime_of_habits_is_spelt_without_the_possessive():
    found = surfaces_by_actor("John Smith's regime of daily briefings is strict.")
    assert found == {("John Smith", "person"): ["John Smith"]}
