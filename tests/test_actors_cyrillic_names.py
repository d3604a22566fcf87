"""A Cyrillic person's name without the title and genitive before it, and no actor of a case form
(``briefing.cyrillic_names``)."""

from briefing.actors import extract_actors


def people(text):
    return {a.name: [m.surface for m in a.mentions] for a in extract_actors(text) if a.type == "person"}


def test_a_title_and_its_genitive_are_no_part_of_a_cyrillic_name():
    found = people(
        "Прем'єр Польщі Дональд Туск у вівторок зустрівся з урядовцями. Речник Кремля Дмитро Пєсков "
        "заявив, що Туск помиляється."
    )
    assert set(found) == {"Дональд Туск", "Дмитро Пєсков"}
    assert found["Дональд Туск"] == ["Дональд Туск", "Туск"]


def test_a_patronymic_stays_with_the_name():
    found = people("Президент России Владимир Владимирович Путин выступил во вторник в Москве.")
    assert set(found) == {"Владимир Владимирович Путин"}


def test_a_name_in_the_instrumental_case_is_no_actor():
    found = people("Глава уряду провів розмову з канцлером Австрії Карлом Нехаммером у понеділок.")
    assert not found
