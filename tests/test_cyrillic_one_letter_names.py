"""A Chinese name in Cyrillic whose given name is one vowel letter ("Ван И", Wang Yi) can end a sentence:
Punkt took its "И." for an initial and glued the next sentence on
(:func:`briefing.sentences.split_sentences`)."""

import pytest

from briefing.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_a_one_letter_given_name_ends_its_sentence():
    text = "В Пекине министр провёл переговоры с Ван И. Стороны подписали протокол о торговле."
    assert texts(text) == [
        "В Пекине министр провёл переговоры с Ван И.",
        "Стороны подписали протокол о торговле.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Письмо подписал А. С. Петров вчера вечером.",
        "Рейс прибыл в аэропорт имени Джона Ф. Кеннеди утром.",
        "Об этом писал Джордж У. Буш в мемуарах.",
        "Документ подписали Иванов И. И. и Петров П. П. в среду.",
    ],
)
def test_initials_stay_inside_their_sentence(text):
    assert texts(text) == [text]
