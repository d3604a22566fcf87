"""Titles that name people, not places or parts of names (qa32a F8, F9, F11): a title's plural before a
list of names ("former Presidents Barack Obama, Bill Clinton"), a royal title of a place ("the Prince of
Wales" is a person, no news of Wales), "Bush Sr." (a person, no place), and initials typed with spaces
("/actor George H. W. Bush") that the articles write together."""

import pytest

from briefing.render import to_plain
from briefing.service.commands import Asker, answer, load_all
from tests.actor_helpers import add_article
from tests.actor_helpers import surfaces_by_actor as typed


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_titles_plural_is_no_part_of_the_first_name_after_it(tagger):
    found = typed(
        "Mourners included former Presidents Barack Obama, Bill Clinton and Jimmy Carter.", tagger=tagger
    )
    assert ("Barack Obama", "person") in found
    assert not [name for name, _ in found if name.startswith("Presidents")]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_plural_title_before_a_company_makes_no_person_of_it(tagger):
    """qa34 (bbc business/021): "Advisors Goldman Sachs" gave a person Goldman Sachs: a plural title is cut
    off only before a given name."""
    found = typed(
        "Advisors Goldman Sachs are understood to have valued its demerged business at 1bn.", tagger=tagger
    )
    assert not [name for name, kind in found if kind == "person"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_royal_title_of_a_place_is_a_person(tagger):
    text = (
        "The Prince of Wales visited flood-hit homes in Somerset on Tuesday. The Princess of Wales did not "
        "join him. The Duke of Edinburgh visited a school in the county."
    )
    found = typed(text, tagger=tagger)
    assert {
        ("Prince of Wales", "person"),
        ("Princess of Wales", "person"),
        ("Duke of Edinburgh", "person"),
    } <= set(found)
    assert ("Wales", "place") not in found and ("Edinburgh", "place") not in found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_surname_and_sr_is_a_person_not_a_place(tagger):
    found = typed("Bush Sr. was remembered as a decorated Navy pilot.", tagger=tagger)
    assert ("Bush Sr.", "person") in found


async def test_initials_typed_with_spaces_find_the_person(app):
    load_all()
    add_article(
        app, "Former President George H.W. Bush died on Friday in Houston, his spokesman said.", day=3
    )
    reply = await answer(app, "/actor George H. W. Bush", Asker(chat_id=1, user_id=1))
    text = to_plain(reply.document)
    assert text.startswith("GEORGE H.W. BUSH") and "Closest match" not in text


async def test_a_listed_alias_opens_its_owner_over_a_relative_in_more_articles(app):
    """qa32a F12: the lists give "Assad" to Bashar al-Assad; his father, named in two history pieces, is
    offered under "Others by that name", not opened."""
    load_all()
    for day in (3, 4):
        add_article(
            app,
            f"President Hafez al-Assad ordered the assault on Hama in 1982, a history says ({day}).",
            day=day,
        )
    add_article(app, "Syrian President Bashar al-Assad fled to Moscow on Sunday, officials said.", day=5)
    reply = await answer(app, "/actor Assad", Asker(chat_id=1, user_id=1))
    text = to_plain(reply.document)
    assert text.startswith("BASHAR AL-ASSAD") and "Hafez al-Assad" in text


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_an_irish_party_is_no_person(tagger):
    """qa32a F14: "Sinn Féin" read as a person, found by "Féin"."""
    found = typed("He rejected claims by Sinn Féin that the housing plan had failed.", tagger=tagger)
    assert found == {("Sinn Féin", "organization"): ["Sinn Féin"]}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_name_with_and_without_a_middle_name_is_one_person(tagger):
    """qa32a F8: "Hillary Clinton" and "Hillary Rodham Clinton" of one text were two actors; a middle
    initial still tells George H.W. Bush from George W. Bush."""
    text = (
        "Hillary Clinton opened a musical on Broadway. Hillary Rodham Clinton is making her debut as a "
        "producer, and Clinton said she was proud. George H.W. Bush and George W. Bush were in the audience."
    )
    found = typed(text, tagger=tagger)
    assert found[("Hillary Clinton", "person")] == ["Hillary Clinton", "Hillary Rodham Clinton", "Clinton"]
    assert {"George H.W. Bush", "George W. Bush"} <= {name for name, _ in found}
