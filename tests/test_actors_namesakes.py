"""Names that two kinds of actor share: a company named after two founders ("Johnson & Johnson"), a person
whose given name is a country ("Chad Okoye"), a surname that is a company's name too ("Ford"), a royal's
possessive that begins a place's name ("Queen's Park"), and an Arabic name's given names."""

import pytest

from briefing.actors import extract_actors
from tests.actor_helpers import surfaces_by_actor

typed = surfaces_by_actor
TAGGERS = ["shipped", None]


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize(
    "firm",
    ["Johnson & Johnson", "Procter & Gamble", "Marks & Spencer", "AT&T", "Ernst & Young", "Dean & Dean"],
)
def test_two_words_joined_by_an_ampersand_are_one_company(firm, tagger):
    text = (
        f"Rep. Sarah Johnson said the hearing would resume on Friday. {firm} said on Tuesday it would "
        f"appeal the verdict. Shares of {firm} fell 3% in New York."
    )
    found = typed(text, tagger=tagger)
    assert found[(firm, "organization")] == [firm, firm]
    people = {name: surfaces for (name, type_), surfaces in found.items() if type_ == "person"}
    assert people == {"Sarah Johnson": ["Sarah Johnson"]}  # no surname of hers inside the company's name


@pytest.mark.parametrize("tagger", TAGGERS)
def test_two_people_of_two_words_each_joined_by_an_ampersand_stay_two(tagger):
    text = "The album was produced by David Christison & Lee Tate in a barn near Leeds."
    found = typed(text, tagger=tagger)
    assert ("David Christison", "person") in found and ("Lee Tate", "person") in found


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize(
    "text",
    [
        "Fans waited for hours as Harry & Meghan arrived in London on Monday.",
        "Crowds cheered when Harry & Meghan visited the school in Leeds.",
        "Neighbours said Jack & Jill had lived in the village for years.",
    ],
)
def test_two_given_names_joined_by_an_ampersand_are_two_people_not_a_company(text, tagger):
    found = typed(text, tagger=tagger)
    assert not any(type_ == "organization" for _, type_ in found), found
    first, second = text.split(" & ")[0].split()[-1], text.split(" & ")[1].split()[0]
    assert (first, "person") in found and (second, "person") in found


@pytest.mark.parametrize("tagger", TAGGERS)
def test_two_given_names_of_the_people_the_text_names_in_full_are_those_people(tagger):
    text = "Prince Harry and Meghan Markle moved to California in 2020. Harry & Meghan said they were happy."
    found = typed(text, tagger=tagger)
    assert found[("Meghan Markle", "person")] == ["Meghan Markle", "Meghan"]
    assert not any(type_ == "organization" for _, type_ in found)


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_brands_possessive_after_two_given_names_is_a_company(tagger):
    found = typed("Ben & Jerry's said it would stop selling ice cream in the region.", tagger=tagger)
    assert [type_ for _, type_ in found] == ["organization"]


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_surname_alone_after_a_full_name_is_still_the_person(tagger):
    text = "Rep. Sarah Johnson voted against the bill on Monday. Johnson said the bill was rushed."
    assert typed(text, tagger=tagger)[("Sarah Johnson", "person")] == ["Sarah Johnson", "Johnson"]


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Chad Okoye, a nurse at the district clinic, said the wards were full.", "Chad Okoye"),
        ("Georgia Lindqvist, a Swedish election observer, said turnout was high.", "Georgia Lindqvist"),
        ("Jordan Mbeki, a farmer near the river, said the water came at night.", "Jordan Mbeki"),
    ],
)
def test_a_country_as_a_given_name_before_a_surname_and_an_apposition_is_a_person(sentence, name, tagger):
    text = f'Floods hit the region on Monday. {sentence} "We lost everything," {name.split()[1]} said.'
    found = typed(text, tagger=tagger)
    assert found[(name, "person")] == [name, name.split()[1]]


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_country_before_a_company_word_stays_no_person(tagger):
    text = "Georgia Power said on Monday that 200,000 homes had no power after the storm in Atlanta."
    found = typed(text, tagger=tagger)
    assert not any(type_ == "person" for _, type_ in found)


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_country_as_a_given_name_before_a_surname_doing_what_people_do_is_a_person(tagger):
    # qa22c F5: "Jordan" a country and "Henderson" a US town; "Georgia Stanway", "Chad Le Clos" bodies
    text = "Jordan Henderson and Georgia Stanway won awards. Chad Le Clos swam in Durban."
    found = typed(text, tagger=tagger)
    assert found == {
        ("Jordan Henderson", "person"): ["Jordan Henderson"],
        ("Georgia Stanway", "person"): ["Georgia Stanway"],
        ("Chad Le Clos", "person"): ["Chad Le Clos"],
        ("Durban", "place"): ["Durban"],
    }


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        (
            "The midfielder Jordan Henderson was substituted in the 80th minute. Henderson later left.",
            ["Jordan Henderson", "Henderson"],
        ),
        (
            "Henderson said he was happy. Jordan Henderson was substituted in the 80th minute.",
            ["Henderson", "Jordan Henderson"],
        ),
    ],
)
def test_a_country_then_a_town_with_no_comma_is_a_person(text, surfaces, tagger):
    # actors36 (qa24 F6): both were two places, "Jordan" and the Nevada town "Henderson"
    assert typed(text, tagger=tagger) == {("Jordan Henderson", "person"): surfaces}


@pytest.mark.parametrize("tagger", TAGGERS)
def test_the_country_speaking_after_a_namesake_stays_the_country(tagger):
    # qa24 b5: the country's "Jordan said" merged with the footballer's given name as one place
    text = (
        "Henderson said he was happy. Jordan Henderson was substituted in the 80th minute. "
        "Jordan said Israel must stop."
    )
    found = typed(text, tagger=tagger)
    assert found[("Jordan Henderson", "person")] == ["Henderson", "Jordan Henderson"]
    # the country speaking is its state, an organisation, in the extractor's reading of each mention
    assert [s for (name, _), s in found.items() if name == "Jordan"] == [["Jordan"]]


@pytest.mark.parametrize("tagger", TAGGERS)
def test_an_occupation_before_a_country_and_a_surname_makes_a_person(tagger):
    text = "The midfielder Chad Okonkwo was substituted in the 80th minute."
    assert typed(text, tagger=tagger) == {("Chad Okonkwo", "person"): ["Chad Okonkwo"]}


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize(
    ("name", "type_"),
    [
        ("Georgia Tech", "organization"),
        ("Israel Railways", "organization"),
        ("Chad Power", "organization"),
        ("Turkey Point", "place"),
        ("Jordan Springs", "place"),
    ],
)
def test_a_country_then_a_word_ending_a_body_or_a_place_is_no_person(name, type_, tagger):
    # actors36 (qa24 F6): "Georgia Tech said" was a person, the verb read as a person's
    text = f"{name} said on Monday that the work would go ahead."
    assert typed(text, tagger=tagger) == {(name, type_): [name]}


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_country_before_a_town_with_no_persons_verb_stays_two_places(tagger):
    text = "Floods hit Jordan Valley farms on Monday, and aid reached Georgia on Tuesday."
    found = typed(text, tagger=tagger)
    assert not any(type_ == "person" for _, type_ in found)


FORD = (
    "Halvorsen to close Leeds depot as orders fall\n\n"
    "Halvorsen Freight Ltd said on Monday it would close its depot in Leeds, cutting 400 jobs. "
    "Councillor Maria Halvorsen, who leads the city council, said she was angry. "
    '"We will fight for these jobs," Halvorsen told reporters at the town hall. '
    "The company's chief executive, Tom Berg, said in a statement that Halvorsen remained committed to "
    "the north."
)


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_name_a_company_and_a_person_share_goes_by_what_the_words_around_say(tagger):
    found = typed(FORD, tagger=tagger)
    # the headline before both full names, where the company is named first, and the name the company's
    # chief executive speaks for are the company; the name that tells reporters is the councillor
    assert found[("Halvorsen Freight Ltd", "organization")] == [
        "Halvorsen",
        "Halvorsen Freight Ltd",
        "Halvorsen",
    ]
    assert found[("Maria Halvorsen", "person")] == ["Maria Halvorsen", "Halvorsen"]


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_surname_alone_with_no_company_of_that_name_stays_the_person(tagger):
    text = (
        "Ontario Premier Doug Ford said on Monday the plant must stay open. The company's plan was a "
        "mistake, Ford said, and Ford later met the company's chief executive."
    )
    found = typed(text, tagger=tagger)
    assert found[("Doug Ford", "person")] == ["Doug Ford", "Ford", "Ford"]


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_person_named_first_keeps_a_later_lone_surname_though_the_company_is_named_too(tagger):
    text = (
        "Maria Halvorsen, who leads the city council, met union leaders on Monday. Halvorsen Freight Ltd "
        "said it would close its depot. Halvorsen said she was angry."
    )
    found = typed(text, tagger=tagger)
    assert found[("Maria Halvorsen", "person")] == ["Maria Halvorsen", "Halvorsen"]


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_royal_possessive_before_a_place_or_a_body_begins_one_name(tagger):
    text = (
        "The premier spoke to reporters at Queen's Park on Monday. She studied at King's College London "
        "before the Queen's speech was read."
    )
    found = typed(text, tagger=tagger)
    assert found[("Queen's Park", "place")] == ["Queen's Park"]
    assert found[("King's College London", "organization")] == ["King's College London"]
    assert ("Park", "organization") not in found and ("Park", "place") not in found


@pytest.mark.parametrize("tagger", TAGGERS)
def test_an_arabic_given_name_no_list_knows_is_no_role(tagger):
    # "Wadah" is in no list of given names, "Hassan" is: the name strings given names before al-Rubaie
    text = "Iraq's foreign minister Wadah Hassan al-Rubaie said talks would go on. Al-Rubaie spoke in Basra."
    found = {a.name: a for a in extract_actors(text, tagger=tagger) if a.type == "person"}
    assert list(found) == ["Wadah Hassan al-Rubaie"]
    assert found["Wadah Hassan al-Rubaie"].role == "foreign minister"


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_capitalised_description_before_a_given_name_is_still_a_role(tagger):
    text = "The inquest was opened by County Coroner William McLaughlin on Friday."
    found = {a.name: a for a in extract_actors(text, tagger=tagger) if a.type == "person"}
    assert found["William McLaughlin"].role == "County Coroner"


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ford said it will recall 200,000 cars over a brake fault.", "Ford"),
        ("Ford shares fell 4% on Tuesday after the results.", "Ford"),
        ("Ford Motor said on Monday it would cut jobs in Germany.", "Ford Motor"),
        ("Brakstad said on Friday it would shut two plants and cut 900 jobs.", "Brakstad"),
    ],
)
def test_a_lone_name_the_words_around_make_a_company_is_one(text, name, tagger):
    found = typed(text, tagger=tagger)
    assert found[(name, "organization")] == [name]
    assert not any(type_ == "person" for _, type_ in found)


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize(
    ("text", "name", "surfaces"),
    [
        ("President Ford pardoned Nixon in 1974; it cost him votes and the jobs of aides.", "Ford", ["Ford"]),
        ("Gerald Ford was the 38th president. Ford said it was no time to cut jobs.", "Gerald Ford",
         ["Gerald Ford", "Ford"]),
        ("Harrison Ford stars in the new film. Ford, 82, said he was thrilled by the sales.", "Harrison Ford",
         ["Harrison Ford", "Ford"]),
        ("Ford said he would keep the plant open, and its workers cheered.", "Ford", ["Ford"]),
    ],
)  # fmt: skip
def test_a_lone_name_with_a_title_a_full_name_or_a_he_stays_a_person(text, name, surfaces, tagger):
    found = typed(text, tagger=tagger)
    assert found.get((name, "person")) == surfaces, found
    assert not any(type_ == "organization" for _, type_ in found)


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_country_as_a_given_name_described_by_a_role_after_it_is_a_person(tagger):
    # qa24 F6: the apposition says it as firmly as a verb right after the name
    text = "Chad Preston, the former Hull City captain, said he was happy. Preston later left."
    found = typed(text, tagger=tagger)
    assert found[("Chad Preston", "person")] == ["Chad Preston", "Preston"]
    assert ("Chad", "place") not in found
