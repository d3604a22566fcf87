"""A listed place the text writes with accents of its own is another word (``briefing.marked_places``)."""

from briefing.actors import extract_actors
from briefing.marked_places import other_marks


def places(text):
    return {a.name for a in extract_actors(text) if a.type == "place"}


def test_a_name_with_other_accents_is_not_the_listed_place():
    assert other_marks("Habrá", "Hābra")
    assert not other_marks("Habra", "Hābra")  # English copy drops accents
    assert not other_marks("Bogotá", "Bogota")  # the list holds none
    assert not other_marks("São Paulo", "São Paulo")
    assert not other_marks("São Tomé", "São Tomé and Príncipe")  # another name, not another spelling


def test_a_spanish_verb_opening_a_question_is_no_indian_town():
    text = (
        "Pedro Sánchez y Alberto Núñez Feijóo chocaron el martes en Madrid. ¿Habrá presupuestos este "
        "año? El ministro lo descartó."
    )
    assert places(text) == {"Madrid"}


def test_the_town_written_as_listed_or_without_accents_stays():
    assert "Hābra" in places("Floods hit Hābra in West Bengal on Monday, officials said.")
    assert places("Floods hit Habra in West Bengal on Monday, officials said.") & {"Habra", "Hābra"}


def test_a_common_word_of_spanish_copy_capitalised_is_no_place():
    found = places(
        "SANTIAGO — ¿Habra cambios en el gabinete? Como explicó la ministra Carolina Tohá el martes, Para la "
        "coalición el tema es urgente. Según el diario, Mayo será clave para el gobierno."
    )
    assert not found & {"Habra", "Como", "Para", "Mayo"}, found
    assert "Santiago" in found


def test_a_place_of_spanish_copy_with_a_word_before_it_is_still_the_place():
    found = places("Los turistas llegaron en verano al lago de Como, según la policía local y el alcalde.")
    assert "Como" in found, found
    # an accent the common word lacks makes the name: the Brazilian state, no "para"
    found = places("Pará registrou chuvas fortes, disse o governo. A defesa civil disse que está em alerta.")
    assert "Pará" in found, found


def test_english_copy_keeps_places_that_are_spanish_words():
    found = places(
        "Tourists flocked to Lake Como in May. Como was busy, police said. Floods hit County Mayo, and Mayo "
        "council said roads were shut."
    )
    assert {"Lake Como", "Como", "County Mayo", "Mayo"} <= found, found
