"""Companies named by a common word, short forms and tickers (QA32b F1, F2, F4, F6, F7, F8)."""

import pytest

from briefing.actors import extract_actors
from briefing.render import to_plain
from briefing.service.commands import Asker, answer, load_all
from store import subscribers
from tests.actor_helpers import add_article

ASKER = Asker(chat_id=1, user_id=1)


@pytest.fixture(autouse=True)
def commands():
    load_all()


def typed(text: str) -> dict[str, tuple[str, int]]:
    return {a.name: (a.type, len(a.mentions)) for a in extract_actors(text)}


async def ask(app, text):
    reply = await answer(app, text, ASKER)
    return to_plain(reply.document)


SHELL = (
    "Shell profit falls 18% on weaker gas trading\n"
    "Shell reported third-quarter adjusted earnings of $5.4bn on Thursday, down 18% from a year earlier.\n"
    "Shell chief executive Wael Sawan said the company would keep its buyback. "
    "Shell shares rose 1% in London.\n"
    "Rival BP posted profit of $2.3bn, while TotalEnergies reported $4.1bn."
)


def test_a_company_named_by_a_common_word_is_typed_by_its_company_words():
    """F1: "Shell" opened every sentence, so capitals said nothing and the text had no Shell at all;
    "Rival BP" was one organisation."""
    found = typed(SHELL)
    assert found["Shell"] == ("organization", 4)
    assert found["BP"][0] == "organization"
    assert "Rival BP" not in found


def test_one_company_cue_types_every_mention_and_the_possessive_is_no_part_of_the_name():
    found = typed(
        "The regulator opened an investigation into Shell's £48 billion bid for BP on Monday. "
        "Shell said it would work with the regulator."
    )
    assert found["Shell"] == ("organization", 2)
    assert "Shell's" not in found


def test_a_company_that_buys_a_rival_is_a_company_in_every_sentence():
    found = typed(
        "Shell is in early talks to acquire rival BP p.l.c., people familiar with the matter said. "
        "Shell declined to comment. A combination of Shell and BP would be worth about £250 billion."
    )
    assert found["Shell"] == ("organization", 3)


def test_an_invented_company_is_read_the_same_way():
    found = typed(
        "Harbour said on Tuesday it would close 40 stores. Harbour shares fell 6% in London. "
        "Analysts said Harbour's profit would halve."
    )
    assert found["Harbour"] == ("organization", 3)


def test_a_brand_only_ever_written_with_its_possessive_keeps_it():
    assert typed("Kellogg's reported higher cereal sales on Tuesday.") == {"Kellogg's": ("organization", 1)}


def test_a_person_who_speaks_of_it_stays_a_person():
    found = typed("The 212th Fighter Wing took part. Lorna Wing wrote it.")
    assert found["Lorna Wing"] == ("person", 1)


FRUIT = (
    "Apple prices soar as frost hits orchards\n"
    "Apple prices at farm gates in Kent rose 40% this autumn after a late frost, growers said on Tuesday.\n"
    "Apple and pear growers have asked the government for emergency help. "
    '"We have never seen a season like it," said Ali Capper, who grows apples near Worcester.'
)


def test_the_fruit_is_no_company():
    """F2: the fruit that opens sentences, written "apples" in lower case too, was Apple Inc."""
    assert "Apple" not in typed(FRUIT)


def test_the_fruit_joined_to_a_lower_case_noun_is_no_company():
    assert "Apple" not in typed("Apple and pear growers have asked the government for help.")


def test_the_company_with_company_words_stays_beside_lower_case_apples():
    found = typed("Apple shares rose 3% after the iPhone launch. Farmers sold fewer apples this year.")
    assert found["Apple"][0] == "organization"


def test_a_company_in_mid_sentence_stays():
    found = typed("Apple raised prices on Monday. Analysts expect Apple to sell phones. Apples are fruit.")
    assert found["Apple"][0] == "organization"


def test_a_company_named_like_a_person_is_an_organisation_by_its_chairman():
    """F4: Berkshire Hathaway was a person, and "Hathaway" its surname alias, taking Anne Hathaway's."""
    found = typed(
        "Warren Buffett, the chairman of Berkshire Hathaway, wrote his annual letter. "
        "Anne Hathaway, the actress, was not mentioned."
    )
    assert found["Berkshire Hathaway"][0] == "organization"
    assert found["Anne Hathaway"][0] == "person"


def test_a_longer_name_only_written_with_its_possessive_drops_it():
    found = typed("Berkshire Hathaway's cash pile rose to a record $381bn in the third quarter.")
    assert found == {"Berkshire Hathaway": ("organization", 1)}


async def test_a_surname_no_longer_opens_the_company(app):
    add_article(app, "Berkshire Hathaway's cash pile rose to $381bn as Warren Buffett's company sold stocks.")
    add_article(app, "Warren Buffett, the chairman of Berkshire Hathaway, wrote his annual letter.", day=2)
    add_article(app, "Anne Hathaway, the actress, opened the festival.", day=3)
    text = await ask(app, "/actor Hathaway")
    assert text.startswith("ANNE HATHAWAY")


def test_a_short_form_in_capitals_begins_the_company_and_names_it_alone():
    """F4: "LVMH Moët Hennessy Louis Vuitton" was LVMH and a person."""
    actors = extract_actors(
        "LVMH Moët Hennessy Louis Vuitton said on Wednesday that Alexandre Arnault would run its wines and "
        "spirits arm, Moët Hennessy, from January. Shares in LVMH fell 4%."
    )
    found = {a.name: a for a in actors}
    lvmh = found["LVMH Moët Hennessy Louis Vuitton"]
    assert lvmh.type == "organization" and "LVMH" in lvmh.aliases and len(lvmh.mentions) == 2
    assert found["Moët Hennessy"].type == "organization"
    assert found["Alexandre Arnault"].type == "person"


def test_a_cashtag_in_brackets_is_the_companys_other_name():
    """F6: "Apple ($AAPL)" made AAPL an actor of its own beside Apple."""
    actors = extract_actors("Shares in Apple ($AAPL) rose 3.2% in after-hours trading.")
    assert [(a.name, a.type) for a in actors] == [("Apple", "organization")]
    assert "AAPL" in actors[0].aliases


def test_a_bodys_possessive_head_keeps_its_whole_name():
    """F6: "the Competition and Markets Authority's decision" gave "Markets Authority"."""
    found = typed("Shell would not appeal the Competition and Markets Authority's decision on Wednesday.")
    assert found["Competition and Markets Authority"][0] == "organization"
    assert "Markets Authority" not in found


def test_initials_joined_by_an_ampersand_are_the_companys_short_form():
    actors = extract_actors(
        "Marks & Spencer reported annual profit of £2.3 billion. Chief executive Stuart Machin said M&S was "
        "in good shape. Procter & Gamble raised its outlook. Shares in P&G rose 2%."
    )
    found = {a.name: a for a in actors}
    assert "M&S" in found["Marks & Spencer"].aliases and "P&G" in found["Procter & Gamble"].aliases
    assert "M&S" not in found and "P&G" not in found


def test_an_index_of_initials_and_a_number_is_named_whole():
    found = typed("The S&P 500 closed up 0.6% at 6,850 and the Nasdaq Composite gained 1.2%.")
    assert "S&P 500" in found and "S&P" not in found


async def test_a_company_is_found_without_its_legal_form_and_by_its_cashtag(app):
    """F6, F7: "/actor Nvidia" was only a closest match for Nvidia Corp.; "$NVDA" found no one."""
    add_article(app, "Nvidia Corp. (NASDAQ: NVDA) said on Wednesday that third-quarter revenue rose 62%.")
    text = await ask(app, "/actor Nvidia")
    assert text.startswith("NVIDIA CORP.") and "Closest match" not in text
    text = await ask(app, "/actor $NVDA")
    assert text.startswith("NVIDIA CORP.") and "Closest match" not in text
    reply = await answer(app, "/follow $NVDA", ASKER)
    assert to_plain(reply.document).startswith("Following Nvidia Corp. (organisation)")
    assert [f.actor_id for f in subscribers.follows_of(app.db, 1)] != [None]


async def test_a_common_word_is_refused_for_what_is_true_of_it(app):
    """F8: "Next" was said to be "in nearly every story" of an archive that had it once in 26 articles."""
    add_article(app, "Next raised its annual profit forecast for the third time this year.")
    text = await ask(app, "/follow Next")
    assert "nearly every story" not in text
    assert "one of the commonest words in English" in text and "/follow grain exports" in text
    assert "in nearly every story" in await ask(app, "/follow the")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Tiffany Porter won the 60m hurdles, finishing ahead of rival Cindy Sember.", "Cindy Sember"),
        ("Shares in the group have risen since Mike Ashley's appointment as chief executive.", "Mike Ashley"),
        ("Since Sarah Jones's arrival as chief executive, shares have doubled.", "Sarah Jones"),
    ],
)
def test_a_company_word_beside_a_persons_full_name_leaves_her_a_person(text, person):
    """qa34 F3: "rival", "chief executive" after a possessive are company cues, but a given name and more
    is a person's name, not a company's (each was an organisation)."""
    assert typed(text)[person][0] == "person"


def test_initials_written_with_a_possessive_keep_the_name_without_it():
    """qa34 F6: "S&N's move" named the company "S&N's" in every mention."""
    found = typed("Scottish and Newcastle (S&N) is to buy a stake. S&N's move was welcomed. S&N will invest.")
    assert found["S&N"] == ("organization", 3)
    assert "S&N's" not in found
