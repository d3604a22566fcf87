"""A state's body named without its state ("the Foreign Ministry") is the body of the country the article
is about, named so, and never merges with another country's body of the same bare name."""

import pytest

from briefing.actors import extract_actors
from briefing.render import to_plain
from briefing.service.commands import Asker, answer, load_all
from briefing.state_bodies import bare_state_body
from tests.actor_helpers import add_article

CHINA = (
    "Foreign Ministry spokesperson Mao Ning said on Monday that China would respond to the tariffs. "
    "The Foreign Ministry said talks with Washington would continue."
)
RUSSIA = (
    "Russia fired a new missile at Ukraine on Thursday, and Russia said more would follow. Russian "
    "officials gave few details. Foreign Ministry spokesperson Maria Zakharova declined to comment."
)


def orgs(text: str) -> dict[str, int]:
    return {a.name: len(a.mentions) for a in extract_actors(text) if a.type == "organization"}


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Foreign Ministry", True),
        ("Ministry of Defence", True),
        ("Supreme Court", True),
        ("Parliament", True),
        ("Court", False),
        ("Russian Defense Ministry", False),
        ("Ministry of Truth", False),
    ],
)
def test_which_names_are_a_state_body_without_its_state(name, bare):
    assert bare_state_body(name) is bare


def test_the_country_the_article_names_names_the_body():
    assert orgs(CHINA).get("Chinese Foreign Ministry") == 2
    assert "Foreign Ministry" not in orgs(CHINA)


def test_a_possessive_before_the_body_gives_its_country():
    found = orgs("Ukraine and Russia traded blame. Russia's Interior Ministry said police would act.")
    assert "Russian Interior Ministry" in found


def test_the_country_of_the_sentence_before_when_the_article_names_two():
    assert "Russian Foreign Ministry" in orgs(RUSSIA + " Ukraine's allies waited.")


def test_the_body_the_text_also_writes_with_its_state_is_one_actor():
    text = "The U.S. Supreme Court took the case. Later the Supreme Court ruled for Senator Menendez."
    assert orgs(text).get("U.S. Supreme Court") == 2


def test_an_article_about_no_country_keeps_the_bare_name():
    assert "Supreme Court" in orgs("The Supreme Court ruled on the health-care law on Thursday.")


@pytest.fixture(autouse=True)
def commands():
    load_all()


async def test_two_countries_foreign_ministries_stay_two_actors(app):
    add_article(app, CHINA, day=3)
    add_article(app, RUSSIA, day=4)
    asker = Asker(chat_id=1, user_id=1)
    china = to_plain((await answer(app, "/actor Chinese Foreign Ministry", asker)).document)
    russia = to_plain((await answer(app, "/actor Russian Foreign Ministry", asker)).document)
    assert "In 1 article" in china and "Mao Ning" in china and "Zakharova" not in china
    assert "In 1 article" in russia and "Zakharova" in russia and "Mao Ning" not in russia


def test_the_sentences_country_counts_only_where_the_article_names_it_most():
    text = (
        "Ukraine said on Monday it needed air defences. Ukraine and its allies met in Kyiv, and Ukraine "
        "asked for more. Russia denied it all. The Defense Ministry said Russian forces attacked Kharkiv."
    )
    names = orgs(text)
    assert "Russian Defense Ministry" not in names


def test_each_possessive_names_its_own_countrys_body():
    text = (
        "Japan's Foreign Ministry protested on Tuesday against the drills. "
        "Germany's Foreign Ministry urged restraint."
    )
    assert orgs(text) == {"Japanese Foreign Ministry": 1, "German Foreign Ministry": 1}


def test_a_body_in_a_city_is_that_citys_countrys():
    text = (
        "Japan's Foreign Ministry protested on Tuesday against the drills. "
        "Officials disagreed, and the Foreign Ministry in Berlin urged restraint."
    )
    assert orgs(text) == {"Japanese Foreign Ministry": 1, "German Foreign Ministry": 1}


def test_a_bare_mention_takes_the_articles_country_not_another_possessive():
    text = (
        "Germany said on Tuesday it would send more troops to Lithuania. Germany has 5,000 soldiers there. "
        "Japan's Foreign Ministry welcomed the decision. Germany expects allies to follow. "
        "The Foreign Ministry said the troops would arrive in March."
    )
    got = orgs(text)
    assert got.get("Japanese Foreign Ministry") == 1
    assert got.get("German Foreign Ministry") == 1


async def test_one_countrys_ministry_never_quotes_anothers(app):
    add_article(
        app,
        "The sanctions were opposed by Japan's Foreign Ministry on Monday.\n\n"
        "In Warsaw, Poland's Foreign Ministry welcomed them and said they should have come sooner.",
        day=3,
    )
    asker = Asker(chat_id=1, user_id=1)
    japan = to_plain((await answer(app, "/actor Japanese Foreign Ministry", asker)).document)
    poland = to_plain((await answer(app, "/actor Polish Foreign Ministry", asker)).document)
    assert "come sooner" not in japan
    assert "come sooner" in poland
