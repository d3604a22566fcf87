"""Gulf royal names: the dynasty ("Al Saud", "Al Nahyan") an optional tail, as a company's legal form is, and
the courtesy titles before the name ("Prince", "Sheikh") no part of the office before them."""

import pytest

from briefing.actors import extract_actors
from briefing.aliases import without_dynasty
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
