"""A nation within a state (QA21 F7): "the Scottish government" is a body under its own title, apart from
Scotland the place (a country's government stays its state, "the Iraqi government" Iraq), and "the
Scottish Highlands" is a place, not an organisation."""

from briefing.actors import extract_actors


def actors(text: str) -> dict[tuple[str, str], list[str]]:
    return {(a.name, a.type): [text[m.start : m.end] for m in a.mentions] for a in extract_actors(text)}


def test_a_nations_government_is_its_own_body_apart_from_the_place():
    found = actors("The Scottish government said it would publish the plan. Ministers in Scotland agreed.")
    assert found[("Scottish Government", "organization")] == ["Scottish government"]
    assert found[("Scotland", "place")] == ["Scotland"]


def test_a_nations_government_written_both_ways_is_one_body():
    text = "The Welsh government's plan was delayed, the Welsh Government said on Friday."
    assert actors(text) == {("Welsh Government", "organization"): ["Welsh government", "Welsh Government"]}


def test_a_countrys_government_is_still_its_state():
    found = actors("The Iraqi government said it would act. Troops in Iraq waited.")
    assert ("Iraq", "organization") in found


def test_a_peoples_uplands_are_a_place():
    found = actors("A Welsh village and the Scottish Highlands were cut off by snow on Tuesday.")
    assert found[("Scottish Highlands", "place")] == ["Scottish Highlands"]
    found = actors("Flooding hit the Welsh Valleys overnight.")
    assert found[("Welsh Valleys", "place")] == ["Welsh Valleys"]
