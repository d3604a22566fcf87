"""An occasion's name before its noun (QA20b F6): "a State of the Union address" is a speech, no
organisation, though its head ("Union") would make it one; a body's own speech keeps the body."""

from briefing.actors import extract_actors


def names(text: str) -> set[str]:
    return {a.name for a in extract_actors(text)}


def test_a_name_with_of_before_address_is_an_occasion_not_an_actor():
    found = names(
        "Donald Trump has promised a “new American moment” in a State of the Union address that sought "
        "harmony. Critics said the State of the Union ran long."
    )
    assert "State of the Union" not in found and "Donald Trump" in found


def test_a_bodys_speech_keeps_the_body():
    found = names("Mark Carney gave a Bank of England speech on Monday. The Bank of England raised rates.")
    assert "Bank of England" in found


def test_a_persons_speech_keeps_the_person():
    assert "Theresa May" in names("Theresa May gave a speech. The May speech was short.")
