"""An agency's long name holds "for ... and ..." after a plural head ("Centers for Disease Control and
Prevention"), and its acronym binds to it however the text writes the name: without the country before it,
from the part before "and" ("CDC"), or with the head first ("Justice Department" is "Department of
Justice", so "DOJ")."""

from briefing.actors import extract_actors


def orgs(text: str) -> dict[str, int]:
    return {a.name: len(a.mentions) for a in extract_actors(text) if a.type == "organization"}


def test_a_plural_head_keeps_its_for_and_and_in_one_name():
    found = {
        a.name: a.type
        for a in extract_actors("The director of US Centers for Disease Control and Prevention has resigned.")
    }
    assert found == {"US Centers for Disease Control and Prevention": "organization"}


def test_an_acronym_of_the_name_before_and_is_that_body():
    text = (
        "Director of CDC resigns\n\n"
        "The director of US Centers for Disease Control and Prevention has resigned, officials said."
    )
    assert orgs(text) == {"US Centers for Disease Control and Prevention": 2}


def test_the_head_first_and_head_last_names_and_their_acronym_are_one_body():
    text = (
        "The Department of Justice told AT&T to sell CNN. Its sources said the Justice Department "
        "called for the sale. Politico said the DOJ wants structural remedies."
    )
    assert orgs(text).get("Department of Justice") == 3
    assert "Justice Department" not in orgs(text) and "DOJ" not in orgs(text)


def test_an_acronym_binds_to_a_head_last_name_alone():
    text = "The Justice Department okays the deal. The Financial Times says the DOJ wants CNN sold."
    assert orgs(text).get("Justice Department") == 2


def test_initials_of_another_body_stay_apart():
    text = "The Justice Department sued. The DHS said nothing."
    assert "DHS" in orgs(text) and orgs(text).get("Justice Department") == 1


def test_a_headline_acronym_is_an_alias_of_the_body_it_spells():
    text = "The director of US Centers for Disease Control and Prevention has resigned, officials said."
    found = {a.name: a.aliases for a in extract_actors(text, title="Director of CDC resigns")}
    assert "CDC" in found["US Centers for Disease Control and Prevention"]


def test_a_headline_acronym_no_body_spells_is_no_alias():
    text = "The director of US Centers for Disease Control and Prevention has resigned, officials said."
    found = {a.name: a.aliases for a in extract_actors(text, title="FBI opens inquiry")}
    assert "FBI" not in found["US Centers for Disease Control and Prevention"]


def test_a_body_with_and_without_its_country_is_one_body_its_acronym_binds_to():
    text = (
        "The US Centers for Disease Control and Prevention said on Friday that cases had risen. Officials "
        "at the Centers for Disease Control and Prevention advised people to stay at home. The CDC said "
        "the risk was low."
    )
    assert orgs(text) == {"Centers for Disease Control and Prevention": 3}
    places = {a.name: [text[m.start : m.end] for m in a.mentions] for a in extract_actors(text)}
    assert places["United States"] == ["US"]


def test_a_country_before_another_body_of_that_name_stays_its_name():
    text = (
        "The Badminton Hall of Fame honours players. There is also a USA Badminton Hall of Fame, which "
        "opened later."
    )
    assert orgs(text) == {"Badminton Hall of Fame": 1, "USA Badminton Hall of Fame": 1}
