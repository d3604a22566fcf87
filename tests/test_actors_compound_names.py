"""Names of several words that are one part of a name: a hyphenated Korean or Chinese given name ("Han
Duck-soo"), an Arabic given name of two words ("Abdel Aziz"), a body's full name before its acronym in
brackets ("the Council for Trade and Co-operation in Asia (CTCA)"); and a rank after an office ("army
chief Gen. X")."""

import pytest

from briefing.actors import extract_actors
from briefing.aliases import alias_pairs, family_first, fold
from briefing.gazetteer import load_gazetteer
from briefing.given_names import compound_given
from briefing.render import to_plain
from briefing.service.commands import Asker, answer, load_all
from store import actors as actor_store
from tests.actor_helpers import add_article, surfaces_by_actor

GIVEN = load_gazetteer().given_names


def norms(name):
    return {norm for _, norm in alias_pairs(name, "person", frozenset(), GIVEN)}


def people(text, **kw):
    return {a.name: a for a in extract_actors(text, **kw) if a.type == "person"}


@pytest.fixture(autouse=True)
def commands():
    load_all()


async def ask(app, text):
    reply = await answer(app, text, Asker(chat_id=1, user_id=1))
    return to_plain(reply.document)


# ---- a hyphenated given name after a family name -----------------------------------------------------


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_hyphenated_given_name_is_part_of_the_name_and_the_family_name_refers_back(tagger):
    text = (
        'Prime Minister Han Duck-soo on Tuesday met union leaders in Seoul. "We will listen," Han said. '
        "Finance Minister Choi Sang-mok said the budget would grow."
    )
    found = people(text, tagger=tagger)
    assert [m.surface for m in found["Han Duck-soo"].mentions] == ["Han Duck-soo", "Han"]
    assert found["Han Duck-soo"].role == "Prime Minister"
    assert [m.surface for m in found["Choi Sang-mok"].mentions] == ["Choi Sang-mok"]
    assert "Han" not in found and "Choi" not in found


def test_two_people_of_one_family_name_stay_two_with_hyphens():
    text = (
        "Kim Yo-jong, a senior official, mocked the offer. Kim, the sister of leader Kim Jong-un, said "
        "Seoul could not be trusted."
    )
    found = people(text)
    assert [m.surface for m in found["Kim Yo-jong"].mentions] == ["Kim Yo-jong", "Kim"]
    assert [m.surface for m in found["Kim Jong Un"].mentions] == ["Kim Jong-un"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_family_name_the_apposition_makes_a_relative_is_the_other_person(tagger):
    text = (
        "Kim Yo-jong criticised the drills. Leader Kim Jong-un watched a launch. Kim, the powerful sister "
        "of Kim Jong-un, said Seoul lied. Mara Delcourt met donors. Senator Paul Delcourt spoke. Delcourt, "
        "the daughter of Paul Delcourt, said she would run. Delcourt, the senator, said no."
    )
    found = people(text, tagger=tagger)
    assert [m.surface for m in found["Kim Yo-jong"].mentions] == ["Kim Yo-jong", "Kim"]
    assert [m.surface for m in found["Kim Jong Un"].mentions] == ["Kim Jong-un", "Kim Jong-un"]
    assert [m.surface for m in found["Mara Delcourt"].mentions] == ["Mara Delcourt", "Delcourt"]
    # an apposition that names no relative leaves the surname with the person named last
    assert [m.surface for m in found["Paul Delcourt"].mentions] == [
        "Paul Delcourt",
        "Paul Delcourt",
        "Delcourt",
    ]


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Ahn Gyu-back", True),
        ("Roh Moo-hyun", True),
        ("Chung Eui-yong", True),
        ("Lee Hsien Loong", True),
        ("Lee Anderson", False),
        ("Kim Davis", False),
        ("Min Aung Hlaing", False),
    ],
)
def test_more_family_names_and_spellings_come_first(name, first):
    assert family_first([fold(w) for w in name.split()]) is first


def test_a_family_name_first_has_no_parts_of_the_given_name_as_aliases():
    for name, family in (("Lee Hsien Loong", "lee"), ("Roh Moo-hyun", "roh")):
        found = norms(name)
        assert {n for n in found if " " not in n} == {family}  # never "Loong" nor "Hyun"
        assert all(n.startswith(family[:2]) for n in found)  # never "Hsien Loong" nor "Moo Hyun"
        assert "lee hsien" not in found
    assert "oswald" in norms("Lee Harvey Oswald")


def test_a_compound_adjective_after_a_family_name_is_no_given_name():
    found = surfaces_by_actor(
        "A Hong Kong-run fund bought the stake. Western-supplied jets arrived in Seoul."
    )
    assert ("Hong Kong-run", "person") not in found
    assert not any("supplied" in s for surfaces in found.values() for s in surfaces)


async def test_spaced_and_hyphenated_spellings_are_one_actor_across_articles(app):
    add_article(app, "Foreign Minister Cho Tae-yul proposed talks. Cho said the door was open.", day=1)
    add_article(app, "Foreign Minister Cho Tae Yul repeated his offer on Friday.", day=2)
    found = actor_store.find_actors(app.db, "Cho Tae-yul")
    assert [(a.name, a.article_count) for a in found] == [("Cho Tae-yul", 2)]
    assert (await ask(app, "/actor Cho Tae Yul")).startswith("CHO TAE-YUL")


# ---- a given name of two words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "span"),
    [
        ("abdel aziz bouteflika", 2),
        ("abd al aziz al rantisi", 3),
        ("abu bakr al baghdadi", 2),
        ("abdullah abdullah", 0),
        ("mohammed bin salman", 0),
    ],
)
def test_a_given_name_of_two_words(words, span):
    assert compound_given(words.split()) == span


def test_a_given_name_of_two_words_is_no_first_surname_nor_alias():
    # the name under its skeleton too: "Abdel Rahman Haidari" is the same name spelt another way
    assert norms("Abdul Rahman Haidari") == {"abdul rahman haidari", "abdel rahman haidari", "haidari"}
    assert "abdul rahman" not in norms("Abdul Rahman Haidari")
    assert "claudia sheinbaum" in norms("Claudia Sheinbaum Pardo")  # two surnames still give the first
    assert "aziz" not in norms("Abdel Aziz")  # a given name alone has no surname
    assert "hannity" in norms("Sean Hannity")


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_given_name_of_two_words_alone_is_the_one_person_with_it(tagger):
    text = (
        "Gen. Abdel Aziz Haftari inspected troops on Monday. Haftari said the city would be retaken. "
        "Abdel Aziz said the offensive would last weeks."
    )
    found = people(text, tagger=tagger)
    assert [m.surface for m in found["Abdel Aziz Haftari"].mentions] == [
        "Abdel Aziz Haftari",
        "Haftari",
        "Abdel Aziz",
    ]
    assert "Abdel Aziz" not in found["Abdel Aziz Haftari"].aliases


async def test_two_people_of_one_given_name_of_two_words_stay_apart_across_articles(app):
    add_article(app, "Libyan President Abdel Aziz Sallal opened a port. Sallal praised the workers.", day=1)
    add_article(
        app,
        "Sudan's army chief Gen. Abdel Aziz Karrar rejected the plan. Karrar told troops to hold. "
        "Abdel Aziz said the army would keep fighting.",
        day=2,
    )
    add_article(app, "Abdel Aziz Sallal met bankers on Friday.", day=3)
    sallal = actor_store.find_actors(app.db, "Sallal")
    karrar = actor_store.find_actors(app.db, "Karrar")
    assert [(a.name, a.article_count, a.role) for a in sallal] == [
        ("Abdel Aziz Sallal", 2, "Libyan President")
    ]
    assert [(a.name, a.article_count, a.role) for a in karrar] == [("Abdel Aziz Karrar", 1, "army chief")]


# ---- an office before a rank ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Pakistan's army chief Gen. Tariq Mahmood met envoys.", "Tariq Mahmood", "army chief"),
        ("Retired Gen. Tariq Mahmood met envoys.", "Tariq Mahmood", "Retired Gen."),
        ("The chief Gen. Tariq Mahmood met envoys.", "Tariq Mahmood", "chief Gen."),
        ("Navy commander Adm. Lisa Franchetti spoke.", "Lisa Franchetti", "Navy commander"),
    ],
)
def test_an_office_before_an_abbreviated_rank_is_the_role(text, name, role):
    assert people(text)[name].role == role


# ---- a body's full name before its acronym ----------------------------------------------------------------


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_full_name_with_and_in_and_a_hyphen_before_its_acronym_is_one_body(tagger):
    text = (
        "Anna Vick, an observer with the Council for Trade and Co-operation in Asia (CTCA), said the vote "
        "was fair. The CTCA will publish its report in May."
    )
    found = surfaces_by_actor(text, tagger=tagger)
    assert found[("Council for Trade and Co-operation in Asia", "organization")] == [
        "Council for Trade and Co-operation in Asia",
        "CTCA",
        "CTCA",
    ]
    assert ("Asia", "place") not in found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_an_acronym_of_another_language_names_the_body_in_english(tagger):
    text = "Lena Roux, the leader of the far-right Popular Renewal (RP), spoke in Lyon. The RP won 30%."
    found = surfaces_by_actor(text, tagger=tagger)
    assert found[("Popular Renewal", "organization")] == ["Popular Renewal", "RP", "RP"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Andrés Manuel López Obrador (AMLO) spoke on Monday.", ("Andrés Manuel López Obrador", "person")),
        ("The United Arab Emirates (UAE) agreed on Monday.", ("United Arab Emirates", "place")),
        ("Ministers met in Rome and Paris (RP) on Monday.", ("Rome", "place")),
    ],
)
def test_acronyms_of_people_places_and_known_names_are_read_as_before(text, kept):
    found = surfaces_by_actor(text)
    assert kept in found
    assert not any(type_ == "organization" and " " in name for name, type_ in found)


async def test_actor_finds_a_body_by_its_full_name_and_its_acronym(app):
    add_article(
        app,
        "Lena Roux, the leader of the far-right Popular Renewal (RP), spoke in Lyon. The RP won 30%.",
        day=1,
    )
    assert (await ask(app, "/actor Popular Renewal")).startswith("POPULAR RENEWAL")
    assert (await ask(app, "/actor RP")).startswith("POPULAR RENEWAL")


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_shared_family_name_alone_is_the_subject_of_the_sentence_before(tagger):
    # the latest named ("Delcourt" of the appositive's Paul Delcourt) is not who the next sentence means
    text = (
        "Ines Delcourt, the niece of Senator Paul Delcourt, criticised the budget on Monday. Delcourt said "
        "the cuts would hurt farmers."
    )
    found = people(text, tagger=tagger)
    assert [m.surface for m in found["Ines Delcourt"].mentions] == ["Ines Delcourt", "Delcourt"]
    assert [m.surface for m in found["Paul Delcourt"].mentions] == ["Paul Delcourt"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_shared_family_name_alone_beside_both_people_is_no_one(tagger):
    text = (
        "Ines Delcourt thanked Senator Paul Delcourt, and Delcourt said the cuts would hurt farmers. "
        "The vote is due on Friday."
    )
    found = people(text, tagger=tagger)
    assert [m.surface for m in found["Ines Delcourt"].mentions] == ["Ines Delcourt"]
    assert [m.surface for m in found["Paul Delcourt"].mentions] == ["Paul Delcourt"]
    assert "Delcourt" not in found
