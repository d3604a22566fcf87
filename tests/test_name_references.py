"""Names referred to again in shorter forms: a surname that is also a month ("May" after "Theresa May"),
the later part of a long name ("Pinto Luz", "Lula da Silva", "López Obrador"), family names that come
first ("Kim", never "Un"), patronymics ("bin Salman" is not King Salman); within one text, across
articles through the alias index, and through /actor."""

import pytest

from briefing.actors import extract_actors
from briefing.aliases import alias_pairs, family_first, name_tails
from briefing.gazetteer import load_gazetteer
from briefing.render import to_plain
from briefing.service.commands import Asker, answer, load_all
from store import actors as actor_store
from tests.actor_helpers import add_article

GIVEN = load_gazetteer().given_names


def mentions(text):
    """{name: [(surface, start)]} of the people and others of ``text``."""
    return {a.name: [(m.surface, m.start) for m in a.mentions] for a in extract_actors(text)}


def norms(name, aliases=()):
    return {norm for _, norm in alias_pairs(name, "person", frozenset(aliases), GIVEN)}


@pytest.fixture(autouse=True)
def commands():
    load_all()


async def ask(app, text):
    reply = await answer(app, text, Asker(chat_id=1, user_id=1))
    return to_plain(reply.document)


# ---- a month that is a surname ----------------------------------------------------------------------

PREMIER = (
    "Prime Minister Theresa May flew to Brussels on Monday. May told reporters the talks were hard. "
    "Mrs May returns in May 2025 for a summit. May's cabinet met at noon. "
    "The vote, due in early May, was put off. But May has refused to step aside. "
    "May, who backed the plan, smiled."
)


def test_a_month_surname_alone_refers_to_the_person_where_the_words_around_say_person():
    found = mentions(PREMIER)
    at = {start for _, start in found["Theresa May"]}
    assert found["Theresa May"][0] == ("Theresa May", PREMIER.index("Theresa May"))
    for cue in ("May told", "Mrs May", "May's cabinet", "May has refused", "May, who"):
        assert PREMIER.index(cue) + cue.index("May") in at
    # the dates stay dates
    assert PREMIER.index("May 2025") not in at and PREMIER.index("May, was") not in at
    assert set(found) == {"Theresa May", "Brussels"}


@pytest.mark.parametrize(
    "text",
    [
        "May said the harvest was early. Sales in May rose, and May was the warmest month.",
        "General May, the storm, hit in May. In early May, prices fell, and by May the rain stopped.",
        "Brian Cox said sales rose in May. May figures show it.",
    ],
)
def test_a_month_alone_is_no_actor_without_a_person_of_that_surname(text):
    assert not any(a.name == "May" or a.name.endswith(" May") for a in extract_actors(text))


def test_another_person_with_a_month_surname_is_referred_to_the_same_way():
    text = "Brian May played on 3 May in Leeds. May told fans he was thrilled."
    assert [s for s, _ in mentions(text)["Brian May"]] == ["Brian May", "May"]


def test_a_title_before_a_month_names_a_person():
    found = mentions("Mrs May met the Irish premier on Friday. May said the border would stay open in May.")
    assert [s for s, _ in found["May"]] == ["May", "May"]


async def test_actor_may_finds_the_person_across_articles(app):
    add_article(app, PREMIER, day=2)
    add_article(app, "Mrs May met the Irish premier on Friday. May said the border would stay open.", day=3)
    text = await ask(app, "/actor May")
    assert text.startswith("THERESA MAY")
    assert "In 2 articles" in text


# ---- the later part of a long name ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        ("Luiz Inácio Lula da Silva won. Lula da Silva thanked voters.", "Luiz Inácio Lula da Silva",
         "Lula da Silva"),
        ("Miguel Pinto Luz opened the terminal. Pinto Luz said more flights would come.", "Miguel Pinto Luz",
         "Pinto Luz"),
        ("Henry Ulbrecht Faber founded the mill. Ulbrecht Faber later sold it.", "Henry Ulbrecht Faber",
         "Ulbrecht Faber"),
    ],
)  # fmt: skip
def test_a_later_part_of_a_long_name_refers_back_to_it(text, full, short):
    found = mentions(text)
    assert [s for s, _ in found[full]] == [full, short]
    assert short not in found


def test_a_relative_named_by_part_of_the_name_is_another_person():
    text = "Henry Ulbrecht Faber took the mill over from his father, Ulbrecht Faber, in 1901."
    assert {"Henry Ulbrecht Faber", "Ulbrecht Faber"} <= set(mentions(text))


def test_a_given_name_and_surname_inside_a_longer_name_stay_a_name_of_their_own():
    # "Ann Smith" of Mary Ann Smith may be her sister; "Lula da Silva" holds a particle, so is a surname
    assert name_tails("Mary Ann Smith", GIVEN) == []
    assert name_tails("Luiz Inácio Lula da Silva", GIVEN) == ["Inácio Lula da Silva", "Lula da Silva"]
    text = "Mary Ann Smith chairs the board. Ann Smith, who runs the shop, is her sister."
    assert {"Mary Ann Smith", "Ann Smith"} <= set(mentions(text))


def test_a_long_name_is_found_by_its_later_parts_and_a_compound_surname_not_by_its_last_word():
    assert {"lula da silva", "pinto luz"} <= norms("Luiz Inácio Lula da Silva") | norms("Miguel Pinto Luz")
    assert "inacio lula da silva" not in norms("Luiz Inácio Lula da Silva")  # the shortest part only
    # known only by the full name, the last word may be the surname; the text calling him "López
    # Obrador" says it is only half of it
    assert "obrador" in norms("Andrés Manuel López Obrador")
    amlo = norms("Andrés Manuel López Obrador", {"López Obrador"})
    assert "lopez obrador" in amlo and "obrador" not in amlo
    assert "silva" not in norms("Luiz Inácio Lula da Silva", {"Lula da Silva", "Lula"})


async def test_articles_naming_a_person_by_parts_of_a_long_name_are_one_actor(app):
    add_article(
        app, "Luiz Inácio Lula da Silva arrived in Lisbon on Monday. Lula signed a trade deal.", day=1
    )
    add_article(app, "Lula da Silva told the Portuguese parliament that trade would grow.", day=2)
    add_article(app, "Miguel Pinto Luz met airline chiefs in Lisbon on Tuesday.", day=3)
    add_article(app, "Pinto Luz said the new airport would open in 2034.", day=4)
    lula = actor_store.find_actors(app.db, "Lula da Silva")
    assert [(a.name, a.article_count) for a in lula] == [("Luiz Inácio Lula da Silva", 2)]
    assert [(a.name, a.article_count) for a in actor_store.find_actors(app.db, "Lula")] == [
        ("Luiz Inácio Lula da Silva", 2)
    ]
    text = await ask(app, "/actor Pinto Luz")
    assert text.startswith("MIGUEL PINTO LUZ") and "In 2 articles" in text


# ---- family names first, and patronymics ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Kim Jong Un", True),
        ("Kim Jong-un", True),
        ("Xi Jinping", True),
        ("Yoon Suk Yeol", True),
        ("Lee Kuan Yew", True),
        ("Kim Davis", False),
        ("Lee Anderson", False),
        ("Lee Harvey Oswald", False),
    ],
)
def test_a_family_name_comes_first_only_before_syllables_of_a_given_name(name, first):
    from briefing.aliases import fold

    assert family_first([fold(w) for w in name.split()]) is first


def test_a_family_name_first_is_an_alias_and_the_given_name_never():
    assert norms("Kim Jong Un") == {"kim jong un", "kim"}
    assert norms("Kim Jong-un") == {"kim jong un", "kim"}
    assert "davis" in norms("Kim Davis") and "oswald" in norms("Lee Harvey Oswald")
    found = mentions("Kim Jong Un inspected a factory. Kim said output would double. Jong Un smiled.")
    assert [s for s, _ in found["Kim Jong Un"]] == ["Kim Jong Un", "Kim"]


async def test_actor_un_is_the_organisation_not_kim_jong_un(app):
    add_article(app, "North Korean leader Kim Jong Un watched a missile launch. Kim praised the crew.", day=1)
    add_article(app, "The UN Security Council met after the launch. The UN urged restraint.", day=2)
    assert [a.name for a in actor_store.find_actors(app.db, "UN")] == ["United Nations"]
    assert (await ask(app, "/actor un")).startswith("UNITED NATIONS")
    assert (await ask(app, "/actor Kim")).startswith("KIM JONG UN")


def test_a_patronymic_surname_alone_is_the_father():
    text = "Crown Prince Mohammed bin Salman met envoys. King Salman was absent. Bin Salman spoke."
    found = mentions(text)
    assert [s for s, _ in found["Mohammed bin Salman"]] == ["Mohammed bin Salman", "Bin Salman"]
    assert "Salman" in found
    assert "salman" not in norms("Mohammed bin Salman") and "bin salman" in norms("Mohammed bin Salman")


# ---- a party before a name ---------------------------------------------------------------------------


async def test_a_party_before_a_name_is_no_part_of_it_so_articles_meet(app):
    text = "Democrat Phil Murphy will replace Republican Chris Christie in January. Christie said nothing."
    assert [s for s, _ in mentions(text)["Chris Christie"]] == ["Chris Christie", "Christie"]
    add_article(app, text, day=1)
    add_article(app, "Governor Chris Christie signed the budget on Friday.", day=2)
    assert [(a.name, a.article_count) for a in actor_store.find_actors(app.db, "Christie")] == [
        ("Chris Christie", 2)
    ]


def test_a_full_name_absorbs_the_actor_known_so_far_by_a_later_part_of_it(app):
    add_article(app, "Pinto Luz said the new airport would open in 2034.", day=1)
    add_article(app, "Miguel Pinto Luz met airline chiefs in Lisbon on Tuesday.", day=2)
    found = actor_store.find_actors(app.db, "Pinto Luz")
    assert [(a.name, a.article_count) for a in found] == [("Miguel Pinto Luz", 2)]


# ---- a given name alone ------------------------------------------------------------------------------


def test_a_given_name_alone_is_the_one_person_of_the_text_with_it_and_no_alias():
    found = {a.name: a for a in extract_actors("Agents met Nora Brennan and Tom Brennan. They thanked Nora.")}
    assert [m.surface for m in found["Nora Brennan"].mentions] == ["Nora Brennan", "Nora"]
    assert "Nora" not in found["Nora Brennan"].aliases  # another article's Nora may be anyone
    two = {a.name for a in extract_actors("Nora Brennan met Nora Quinn. Later, Nora left.")}
    assert {"Nora Brennan", "Nora Quinn"} <= two and not any(
        [m.surface for m in a.mentions] == ["Nora Quinn", "Nora"] for a in extract_actors("Nora Quinn left.")
    )


def test_a_given_name_that_is_a_country_stays_the_country():
    found = {(a.name, a.type) for a in extract_actors("Jordan Peterson flew to Amman. He praised Jordan.")}
    assert ("Jordan", "place") in found


def test_a_later_part_of_a_name_that_a_company_of_the_text_bears_is_the_company():
    text = (
        "Ulbrecht Faber GmbH makes pencils in Neumarkt. Ulbrecht Faber also makes modelling clay. "
        "Henry Ulbrecht Faber gave his name to a college."
    )
    found = {(a.name, a.type): [m.surface for m in a.mentions] for a in extract_actors(text)}
    assert found[("Ulbrecht Faber GmbH", "organization")] == ["Ulbrecht Faber GmbH", "Ulbrecht Faber"]
    assert found[("Henry Ulbrecht Faber", "person")] == ["Henry Ulbrecht Faber"]


def test_the_first_surname_form_is_found_and_the_last_word_stays_a_surname_unless_the_text_says_not():
    # known only by the full name: found by the first-surname form and by the last word
    henry = norms("Henry Ulbrecht Faber")
    assert {"henry ulbrecht", "faber"} <= henry
    # an article calling her "Claudia Sheinbaum" and "Sheinbaum" says "Pardo" alone is not her
    claudia = norms("Claudia Sheinbaum", {"Claudia Sheinbaum Pardo", "Sheinbaum"})
    assert "sheinbaum" in claudia and "pardo" not in claudia
    found = extract_actors("Claudia Sheinbaum Pardo won. Sheinbaum thanked voters.")
    assert [(a.name, set(a.aliases)) for a in found] == [
        ("Claudia Sheinbaum", {"Claudia Sheinbaum Pardo", "Sheinbaum"})
    ]
