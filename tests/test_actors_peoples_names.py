"""A people's name that is also a surname (QA21 F7): "The novelist Irvine Welsh said" is a person, not the
town of Irvine and Wales, and "Welsh said" after him is he; "Welsh Water", "the Welsh Government" and "The
Welsh, who love rugby," keep their old reading."""

from briefing.actors import extract_actors

NOVELIST = (
    "The novelist Irvine Welsh said on Monday that the film of his new book would be made in Leith. "
    "Welsh, whose book Trainspotting became a film in 1996, told reporters he was pleased."
)


def mentions(text: str) -> dict[str, tuple[str, list[str]]]:
    return {a.name: (a.type, [text[m.start : m.end] for m in a.mentions]) for a in extract_actors(text)}


def test_a_town_then_a_peoples_name_before_said_is_a_person():
    found = mentions(NOVELIST)
    assert found["Irvine Welsh"] == ("person", ["Irvine Welsh", "Welsh"])
    assert "Wales" not in found and "Irvine" not in found


def test_a_peoples_name_alone_that_speaks_is_the_person_of_that_surname():
    found = mentions(
        "Dr Sarah English, a surgeon at the hospital, said the ward was full. English said staff were tired."
    )
    assert found["Sarah English"] == ("person", ["Sarah English", "English"])


def test_the_people_after_the_stays_the_people():
    found = mentions("The Welsh, who love rugby, cheered on Saturday. Irvine Welsh told the BBC he agreed.")
    assert found["Irvine Welsh"] == ("person", ["Irvine Welsh"])


def test_a_peoples_name_before_a_body_is_still_the_body():
    found = mentions("The Welsh Government said it would act. Welsh ministers met in Cardiff.")
    assert found["Welsh Government"][0] == "organization"
    assert found["Wales"] == ("place", ["Welsh"])


def test_a_body_named_after_a_people_that_speaks_is_no_person():
    found = mentions("Welsh Water said on Monday that supplies were safe.")
    assert found == {"Welsh Water": ("organization", ["Welsh Water"])}


def test_a_town_then_a_peoples_name_in_the_possessive_after_a_role_is_a_person():
    found = mentions("Trainspotting author Irvine Welsh's new novel is out. Welsh said it was his darkest.")
    assert found == {"Irvine Welsh": ("person", ["Irvine Welsh", "Welsh"])}


def test_two_towns_after_a_role_are_a_given_name_and_a_surname():
    assert mentions("The writer Washington Irving said so.") == {
        "Washington Irving": ("person", ["Washington Irving"])
    }


def test_two_towns_before_said_alone_stay_towns():
    found = mentions("Officials in Washington Irving said nothing.")
    assert "Washington Irving" not in found


def test_a_body_named_after_the_people_is_no_mention_of_the_person_of_that_surname():
    text = NOVELIST + " The Welsh Government was not consulted, and a Welsh village saw snow."
    found = mentions(text)
    assert found["Irvine Welsh"] == ("person", ["Irvine Welsh", "Welsh"])
    assert found["Welsh Government"] == ("organization", ["Welsh Government"])
    assert found["Wales"] == ("place", ["Welsh"])
