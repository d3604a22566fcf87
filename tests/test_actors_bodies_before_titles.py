"""A body named before a title and a name ("European Commission President Ursula von der Leyen") is an
actor of its own, not a mention of the place its nationality word names."""

from briefing.actors import extract_actors


def found(text: str) -> dict[str, str]:
    return {a.name: a.type for a in extract_actors(text)}


def test_the_commission_before_its_presidents_title_is_the_commission():
    actors = found("European Commission President Ursula von der Leyen met Lula in Brasília.")
    assert actors.get("European Commission") == "organization"
    assert actors.get("Ursula von der Leyen") == "person"
    assert "Europe" not in actors


def test_the_council_before_its_presidents_title_is_the_council():
    actors = found("European Council President Antonio Costa spoke on Friday.")
    assert actors.get("European Council") == "organization"


def test_the_role_keeps_the_whole_title():
    text = "European Commission President Ursula von der Leyen met Lula in Brasília."
    person = next(a for a in extract_actors(text) if a.type == "person")
    assert person.role == "European Commission President"


def test_a_nationality_before_a_title_alone_is_still_the_country():
    actors = found("German Chancellor Olaf Scholz met French President Emmanuel Macron.")
    assert actors.get("Germany") == "place" and actors.get("France") == "place"
