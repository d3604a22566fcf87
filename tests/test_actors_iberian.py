"""Portuguese and Spanish news (QA13c F8): countries by their names there, articles that begin a
sentence, bodies named with "Governo" or "Autoridade", and the EFE/Lusa dateline."""

import pytest

from briefing.actors import extract_actors
from briefing.aliases import fold
from briefing.gazetteer import load_gazetteer
from briefing.sentences import without_dateline


def actors(text):
    return {a.name: a.type for a in extract_actors(text)}


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Estados Unidos", "United States"),
        ("EUA", "United States"),
        ("Reino Unido", "United Kingdom"),
        ("Alemanha", "Germany"),
        ("España", "Spain"),
        ("Japão", "Japan"),
    ],
)
def test_countries_by_their_portuguese_and_spanish_names(name, country):
    assert load_gazetteer().countries[fold(name)] == country


def test_a_country_named_in_portuguese_is_the_country():
    found = actors("O índice fechou em baixa com a tensão comercial entre Estados Unidos e China.")
    assert found.get("United States") == "place" and "Estados Unidos" not in found


def test_an_everyday_english_word_is_no_countrys_foreign_name():
    assert "chili" not in load_gazetteer().countries  # French for Chile
    assert "grenade" not in load_gazetteer().countries


def test_a_portuguese_article_is_no_part_of_a_name():
    found = actors("O Royal Mail apresentou um conjunto de selos sobre a série, que estará à venda.")
    assert "Royal Mail" in found and "O Royal Mail" not in found


def test_an_article_and_a_common_noun_name_no_one():
    found = actors("O Presidente dos Estados Unidos, Donald Trump, disse que o presidente tem um botão.")
    assert set(found) == {"United States", "Donald Trump"}


def test_names_the_lists_know_with_their_article_keep_it():
    assert "Los Angeles Lakers" in actors("Los Angeles Lakers ganaron y el equipo celebró.")
    assert actors("El Chapo was extradited to the United States in 2017.").get("El Chapo") == "person"


def test_portuguese_bodies_and_regions():
    found = actors("Segundo o Governo de Seul, a medida é temporária. O Médio Oriente está em crise.")
    assert found.get("Governo de Seul") == "organization" and found.get("Middle East") == "place"


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Nova York, 24 set (EFE).- O índice Dow Jones fechou.", "O índice Dow Jones fechou."),
        ("Lisboa, 3 jan (Lusa) - O presidente falou.", "O presidente falou."),
        ("MADRID, 24 SET (EFE).- El índice subió.", "El índice subió."),
    ],
)
def test_an_efe_or_lusa_dateline_is_stripped(line, rest):
    assert without_dateline(line) == rest


def test_brackets_that_name_no_agency_stay():
    assert without_dateline("The (EFE).- thing") == "The (EFE).- thing"


def test_a_countrys_name_its_accents_set_apart_from_a_towns_is_the_country_as_written():
    # qa22c F3: "França" folds to Franca, the Brazilian city; written plain it stays the city
    text = "A tempestade vai afetar vastas zonas do Reino Unido, Irlanda, França, Suíça e Alemanha."
    assert actors(text)["France"] == "place"
    assert "Franca" not in actors(text)
    town = "Farmers in Franca, Brazil, said the harvest was poor. Franca is a city in Sao Paulo state."
    assert actors(town)["Franca"] == "place"
    assert "France" not in actors(town)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("O ex-representante da União Europeia em Cabo Verde também falou.", "European Union"),
        ("O Gabinete Antifraude Europeu também investiga o caso.", "Gabinete Antifraude Europeu"),
        ("El Parlamento Europeo votó el lunes, según la agencia.", "Parlamento Europeo"),
    ],
)
def test_a_name_with_european_after_its_noun_is_a_body(sentence, name):
    assert actors(sentence)[name] == "organization"
