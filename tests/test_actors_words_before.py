"""What the words before a name say it is (QA20b F6, the science dump): "published in Nature Astronomy" is
a journal, "before the Sun," no person, and the name after "the mission" a craft's, no actor."""

from briefing.actors import extract_actors

SCIENCE = (
    "Grains of dust recovered from Antarctic ice contain material that formed before the Sun, researchers "
    "at the University of Edinburgh said on Wednesday.\n\n"
    'The team, led by Prof. Amara Osei-Bonsu, analysed 40 micrometeorites. "It is like finding a letter '
    'written before the alphabet," Osei-Bonsu said. The findings were published in Nature Astronomy.\n\n'
    "The European Space Agency (ESA) said the results would help plan the sample-return mission Comet "
    "Interceptor. ESA expects to launch the probe in 2029."
)


def types(text: str) -> dict[str, str]:
    return {a.name: a.type for a in extract_actors(text)}


def test_a_name_published_in_is_a_publication_not_a_place():
    assert types(SCIENCE).get("Nature Astronomy") == "organization"


def test_a_lone_word_always_after_the_is_no_person():
    assert types(SCIENCE).get("Sun") != "person"


def test_a_name_after_a_craft_noun_is_no_actor():
    assert "Comet Interceptor" not in types(SCIENCE)


def test_a_surname_before_a_noun_after_the_is_still_the_person():
    found = types("Bashar al-Assad spoke on Monday. Rebels fought the Assad regime for a decade.")
    assert found.get("Bashar al-Assad") == "person"
