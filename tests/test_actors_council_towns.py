"""A town a council in the text is named after ("Ashford Borough Council") is the town where the text
names it alone, in a local paper's masthead too, though a person of that surname is in the same news."""

from briefing.actors import extract_actors

PAPER = (
    "Ashford & District Echo\n\n"
    "Council tax to rise by 4.99 per cent, cabinet agrees\n\n"
    "Ashford Borough Council's cabinet has agreed to raise council tax by 4.99 per cent from April.\n\n"
    "Ashford has a population of about 132,000.\n\n"
    "Mrs Janet Ashford, headteacher of the primary school, will retire in July. Governors said Mrs Ashford "
    "had led the school through two inspections.\n"
)


def kinds(text: str) -> dict[str, tuple[str, list[int]]]:
    return {a.name: (a.type, [m.start for m in a.mentions]) for a in extract_actors(text)}


def test_a_town_its_council_names_is_no_surname_of_a_namesake():
    found = kinds(PAPER)
    town = PAPER.index("Ashford has")
    assert found["Ashford"] == ("place", [0, town])
    assert all(s > town for s in found["Janet Ashford"][1])


def test_the_town_alone_is_a_place_where_no_namesake_is_named():
    text = "Ashford Borough Council agreed the budget. Ashford has a population of about 132,000."
    assert kinds(text)["Ashford"][0] == "place"
