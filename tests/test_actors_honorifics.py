"""India's honorifics, "Shri", "Sri", "Shrimati" and "Smt.", are titles before a name, never part of it
or a role ("Shri Narendra Modi" is Narendra Modi); "Sri" stays where it begins a name the lists know, is
doubled ("Sri Sri Ravi Shankar") or stands before one word ("Sri Srinivasan")."""

import pytest

from briefing.actors import extract_actors
from briefing.sentences import split_sentences


def people(text):
    return {a.name: a.role for a in extract_actors(text) if a.type == "person"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shri Rajesh Kumar Verma, the collector, said the roads would reopen.", "Rajesh Kumar Verma"),
        ("The budget, said Smt. Anita Rao, is sound.", "Anita Rao"),
        ("Smt Anita Rao presented the budget on Monday.", "Anita Rao"),
        ("Shrimati Kavita Desai attended the ceremony.", "Kavita Desai"),
        ("Sri Vikram Sethi spoke later in Chennai.", "Vikram Sethi"),
    ],
)
def test_an_honorific_is_no_part_of_the_name_nor_a_role(text, name):
    found = people(text)
    assert name in found, found
    assert not any(n.split()[0] in {"Shri", "Smt", "Smt.", "Shrimati", "Sri"} for n in found), found
    assert found[name] is None or not {"Shri", "Smt", "Smt.", "Shrimati", "Sri"} & set(found[name].split())


def test_the_abbreviation_smt_ends_no_sentence():
    assert len(split_sentences("The budget, said Smt. Anita Rao, is sound. She left.")) == 2
    found = people("The budget, said Smt. Anita Rao, is sound. Smt. Anita Rao left.")
    assert set(found) == {"Anita Rao"}, found


def test_sri_beginning_a_listed_name_stays():
    found = people("Finance Minister Sri Mulyani Indrawati said the budget was sound.")
    assert found == {"Sri Mulyani Indrawati": "Finance Minister"}, found
    assert {a.name for a in extract_actors("Sri Lanka and India signed the deal.")} >= {"Sri Lanka", "India"}
    # a name that a listed place begins is no person's after an honorific
    assert "Lanka Cricket" not in {a.name for a in extract_actors("Sri Lanka Cricket fired the coach.")}


def test_a_doubled_sri_is_the_whole_name_and_no_namesake_of_the_sitarist():
    text = (
        "The sitar maestro Ravi Shankar played with George Harrison. Separately, Sri Sri Ravi Shankar, "
        "founder of the Art of Living Foundation, held a meditation event in Bengaluru."
    )
    found = {a.name: a for a in extract_actors(text) if a.type == "person"}
    assert "Sri Sri Ravi Shankar" in found, found
    assert found["Sri Sri Ravi Shankar"].role == "founder of the Art of Living Foundation"
    assert len(found["Ravi Shankar"].mentions) == 1 and found["Ravi Shankar"].role is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sri Srinivasan, chief judge of the D.C. Circuit, wrote the opinion.", "Sri Srinivasan"),
        ("Sri Chinmoy ran peace concerts for decades.", "Sri Chinmoy"),
        ("Karnataka Chief Minister Sri Siddaramaiah met the press.", "Sri Siddaramaiah"),
    ],
)
def test_sri_before_one_word_is_the_given_name(text, name):
    assert name in people(text), people(text)


def test_sri_before_a_full_name_is_still_an_honorific_in_a_sentence_with_others():
    found = people("Shri Narendra Modi met Sri Ram Nath Kovind and Smt. Anita Rao in Delhi.")
    assert {"Narendra Modi", "Ram Nath Kovind", "Anita Rao"} <= set(found), found
