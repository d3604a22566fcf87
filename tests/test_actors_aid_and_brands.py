"""A company's possessive name beside a person of that surname ("Kellogg's reported..." and the envoy
Keith Kellogg), aid agencies written in words a reader could take for a person's ("Save the Children"),
and a trade noun before a company's name ("the German carmaker Volkswagen") (QA15a F3, F4)."""

import pytest

from tests.actor_helpers import surfaces_by_actor

typed = surfaces_by_actor
TAGGERS = ["shipped", None]


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize("verb", ["reported", "said", "announced", "sold"])
def test_a_company_named_as_the_subject_stays_the_company_beside_a_person_of_that_surname(verb, tagger):
    text = (
        f"Kellogg's {verb} higher cereal sales on Tuesday.\n\n"
        "Separately, US envoy Keith Kellogg met President Volodymyr Zelenskyy in Kyiv. Kellogg said talks "
        "went well."
    )
    found = typed(text, tagger=tagger)
    assert found[("Kellogg's", "organization")] == ["Kellogg's"]
    assert found[("Keith Kellogg", "person")] == ["Keith Kellogg", "Kellogg"]


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_persons_possessive_before_what_is_theirs_stays_the_person(tagger):
    text = "US envoy Keith Kellogg met officials in Kyiv. Kellogg's plans were discussed at length."
    found = typed(text, tagger=tagger)
    assert ("Kellogg's", "organization") not in found
    assert found[("Keith Kellogg", "person")][0] == "Keith Kellogg"
    assert len(found[("Keith Kellogg", "person")]) == 2


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize(
    ("sentence", "name", "canonical"),
    [
        ("He said the World Food Programme had cut rations.", "World Food Programme", "World Food Programme"),
        ("The World Food Program said it needed money.", "World Food Program", "World Food Programme"),
        ("Save the Children said it needed money.", "Save the Children", "Save the Children"),
        (
            "Doctors Without Borders said it needed money.",
            "Doctors Without Borders",
            "Médecins Sans Frontières",
        ),
        ("Unicef said children were at risk.", "Unicef", "UNICEF"),
    ],
)
def test_aid_agencies_are_organisations_under_their_usual_names(sentence, name, canonical, tagger):
    found = typed(sentence, tagger=tagger)
    assert found == {(canonical, "organization"): [name]}


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize("trade", ["carmaker", "automaker", "drugmaker", "chipmaker", "insurer"])
def test_a_trade_noun_before_a_name_makes_it_a_company(trade, tagger):
    found = typed(f"Analysts said the German {trade} Vellmark said sales fell.", tagger=tagger)
    assert found[("Vellmark", "organization")] == ["Vellmark"]
