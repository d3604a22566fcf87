"""Gulf royal names: the dynasty ("Al Saud", "Al Nahyan") an optional tail, as a company's legal form is, and
the courtesy titles before the name ("Prince", "Sheikh") no part of the office before them."""

import pytest

from briefing.actors import extract_actors
from briefing.aliases import alias_pairs, fold, shared_name, without_dynasty
from briefing.gazetteer import load_gazetteer
from briefing.render import to_plain
from briefing.service.commands import Asker, answer, load_all
from store import actors as actor_store
from tests.actor_helpers import add_article


@pytest.fixture(autouse=True)
def commands():
    load_all()


def people(text):
    return {a.name: a for a in extract_actors(text) if a.type == "person"}


def test_the_dynasty_is_an_optional_tail_of_a_name_with_bin():
    assert without_dynasty("hamad bin khalifa al thani") == "hamad bin khalifa"
    assert without_dynasty("ahmed hassan al masri") == "ahmed hassan al masri"  # no "bin" chain
    assert without_dynasty("bin al saud") == "bin al saud"


def test_one_text_names_a_royal_with_and_without_the_dynasty():
    found = people(
        "Qatari Prime Minister Sheikh Hamad bin Khalifa Al Thani met envoys in Doha on Monday. Hamad bin "
        "Khalifa said the talks had gone well."
    )
    assert [m.surface for m in found["Hamad bin Khalifa Al Thani"].mentions] == [
        "Hamad bin Khalifa Al Thani",
        "Hamad bin Khalifa",
    ]
    assert "Hamad bin Khalifa" not in found


def test_a_courtesy_title_after_an_office_is_no_part_of_the_role():
    found = people(
        "Qatari Foreign Minister Sheikh Hamad bin Khalifa Al Thani met Jordan's Crown Prince Hussein bin "
        "Abdullah and Kuwaiti Oil Minister Prince Talal bin Nasser in Doha."
    )
    assert found["Hamad bin Khalifa Al Thani"].role == "Qatari Foreign Minister"
    assert found["Talal bin Nasser"].role == "Kuwaiti Oil Minister"
    assert "Crown Prince" in (found["Hussein bin Abdullah"].role or "")


async def test_articles_with_and_without_the_dynasty_are_one_actor_found_either_way(app):
    add_article(app, "Sheikh Hamad bin Khalifa Al Thani opened the summit in Doha on Monday.", day=1)
    add_article(app, "Hamad bin Khalifa thanked the delegates in Doha on Tuesday.", day=2)
    found = actor_store.find_actors(app.db, "Hamad bin Khalifa")
    assert [(a.name, a.article_count) for a in found] == [("Hamad bin Khalifa Al Thani", 2)]
    text = to_plain((await answer(app, "/actor Hamad bin Khalifa", Asker(1, 1))).document)
    assert text.startswith("HAMAD BIN KHALIFA AL THANI") and "no one called" not in text, text


# ---- a house or a patronymic alone is a family's name, no one person's (qa28 F2, F8) -----------------


def shown(name):
    """The aliases the dossier shows (the written side of each pair) and the norms the index finds by."""
    pairs = alias_pairs(name, "person", given=load_gazetteer().given_names)
    return {a for a, _ in pairs if fold(a) != fold(name)}, {n for _, n in pairs}


def test_a_princes_house_and_his_fathers_name_are_not_his_aliases():
    aliases, norms = shown("Nasser bin Hamad Al Khalifa")
    assert aliases <= {"Nasser bin Hamad"}, aliases  # never "Al Khalifa", nor "Hamad Al Khalifa" (his father)
    assert "hamad al khalifa" not in norms
    assert {"bin hamad", "al khalifa"} <= norms  # still found by them, among his brothers and cousins
    assert shared_name("bin hamad") and shared_name("al khalifa", ["nasser bin hamad al khalifa"])
    assert not shared_name("al assad", ["bashar al assad"])  # a surname with an article is no house


def test_the_house_alone_in_a_text_is_no_mention_of_the_prince():
    found = people(
        "Crown Prince Sheikh Saud bin Saqr Al Qasimi opened the port on Monday, the court said. The Al "
        "Qasimi family has ruled the emirate since 1820. Al Qasimi officials did not comment further."
    )
    assert [m.surface for m in found["Saud bin Saqr Al Qasimi"].mentions] == ["Saud bin Saqr Al Qasimi"]
    assert "Al Qasimi" not in found


def test_sheikh_and_a_given_name_is_the_sheikh_the_text_named_in_full():
    found = people(
        "Bahrain's King Sheikh Rashed bin Isa Al Khalifa received envoys in Manama on Monday. Sheikh Rashed "
        "said the talks had gone well."
    )
    assert [m.surface for m in found["Rashed bin Isa Al Khalifa"].mentions] == [
        "Rashed bin Isa Al Khalifa",
        "Rashed",
    ]
    assert "Rashed" not in found


async def test_a_patronymic_two_brothers_share_asks_which_one(app):
    add_article(app, "Minister Sheikh Maktoum bin Rashid signed the budget on Monday.", day=1)
    add_article(app, "Dubai ruler Sheikh Hamdan bin Rashid Al Maktoum opened the expo on Tuesday.", day=2)
    add_article(app, "Sheikh Hamdan bin Rashid thanked the visitors on Wednesday.", day=3)
    text = to_plain((await answer(app, "/actor bin Rashid", Asker(1, 1))).document)
    assert "Which one?" in text and "Hamdan bin Rashid" in text and "Maktoum bin Rashid" in text, text
    text = to_plain((await answer(app, "/actor Hamdan bin Rashid", Asker(1, 1))).document)
    called = next((line for line in text.splitlines() if line.startswith("Also called: ")), "")
    assert text.startswith("HAMDAN BIN RASHID AL MAKTOUM"), text
    assert not {"Al Maktoum", "bin Rashid", "Rashid Al Maktoum"} & set(called[13:].split(", ")), called


async def test_an_article_naming_only_a_shared_patronymic_joins_no_brother(app):
    add_article(app, "Sheikh Hamdan bin Rashid opened the expo on Monday.", day=1)
    add_article(app, "Sheikh Hamdan bin Rashid thanked the visitors on Tuesday.", day=2)
    add_article(app, "Sheikh Maktoum bin Rashid signed the budget on Wednesday.", day=3)
    add_article(app, "Bin Rashid approved the plan, officials said.", day=4)
    counts = {a.name: a.article_count for a in actor_store.find_actors(app.db, "bin Rashid")}
    assert counts.get("Hamdan bin Rashid") == 2 and counts.get("Maktoum bin Rashid") == 1, counts


def test_sheikh_and_a_given_name_two_people_of_the_text_share_is_neither():
    # qa30 F3: "Sheikh Mohammed" was filed under Mohammed bin Salman, the first Mohammed of the text
    found = people(
        "Crown Prince Mohammed bin Salman met President Sheikh Mohamed bin Zayed Al Nahyan on Tuesday. "
        "Sheikh Mohammed said the two countries would deepen ties. Dubai ruler Sheikh Mohammed bin Rashid "
        "Al Maktoum sent a message."
    )
    assert [m.surface for m in found["Mohammed bin Salman"].mentions] == ["Mohammed bin Salman"]
    assert [m.surface for m in found["Mohammed bin Rashid Al Maktoum"].mentions] == [
        "Mohammed bin Rashid Al Maktoum"
    ]
    assert "Mohammed" in found


async def test_a_later_article_calling_a_sheikh_by_his_given_name_joins_no_prince_of_another(app):
    # qa30 F3: the Dubai ruler's "Sheikh Mohammed" was shown on the Saudi crown prince's page
    add_article(
        app,
        "Saudi Crown Prince Mohammed bin Salman met Emirati President Sheikh Mohamed bin Zayed Al Nahyan on "
        "Tuesday. Sheikh Mohammed said the talks went well. Dubai ruler Sheikh Mohammed bin Rashid Al "
        "Maktoum sent a message.",
        day=1,
    )
    add_article(app, "Sheikh Mohammed opened a new terminal at the airport on Wednesday.", day=2)
    text = to_plain((await answer(app, "/actor Mohammed bin Salman", Asker(1, 1))).document)
    assert "terminal" not in text and "Also called: Mohammed" not in text, text
