"""Names of works that hold actors' words (QA17a F2, F14): a rank and its realm written as a game's or a
film's name mention no country; a title opened by a capitalised preposition yields no common nouns as
actors. Where a person holds the rank, or an office or body is named, the country stays."""

from briefing.actors import extract_actors


def places(text):
    return {a.name for a in extract_actors(text) if a.type == "place"}


def names(text):
    return {a.name: a.type for a in extract_actors(text)}


def test_a_rank_and_its_realm_in_a_list_of_games_mention_no_country():
    text = "This week we talk about Halo Wars, Prince of Egypt, Tetris and Mass Effect with our guest."
    assert "Egypt" not in places(text)


def test_a_rank_and_its_realm_before_a_subtitle_mention_nothing():
    found = names("The hosts loved the sword fights of Prince of Persia: The Sands of Time on the show.")
    assert "Iran" not in found and "Sands of Time" not in found, found


def test_a_rank_and_its_realm_opening_a_sentence_mention_no_country():
    assert "Egypt" not in places("Prince of Egypt casting news arrived on Tuesday from the studio.")


def test_a_capitalised_the_inside_a_sentence_opens_a_work():
    assert "Egypt" not in places("She watched The Prince of Egypt with her children last night.")


def test_a_rank_a_person_holds_mentions_the_country():
    assert "Jordan" in places("The King of Jordan met officials in Amman on Monday.")
    assert "Jordan" in places("Abdullah became King of Jordan in 1999.")
    assert "Jordan" in places("Abdullah II, King of Jordan, addressed the parliament.")
    assert "Saudi Arabia" in places("The Crown Prince of Saudi Arabia spoke in Riyadh.")
    assert "Qatar" in places("On Monday, Emir of Qatar Sheikh Tamim bin Hamad met the delegation.")


def test_offices_and_bodies_of_a_country_mention_it():
    assert "Israel" in places("The Prime Minister of Israel spoke to reporters in Jerusalem.")
    assert "Ukraine" in names("The President of Ukraine will travel to Warsaw on Friday.")
    found = names("The Bank of England raised rates while the University of Texas closed.")
    assert (
        found.get("Bank of England") == "organization" and found.get("University of Texas") == "organization"
    )


def test_a_title_opened_by_a_preposition_yields_no_common_nouns():
    found = names(
        "Her best-known work Beyond Tyranny and Silence: Notes on Resistance was translated into Thai."
    )
    assert set(found) == {"Thailand"}, found
    found = names(
        "Most famously, in her seminal work From Tyranny to Freedom: A Guide for Organisers, she won."
    )
    assert not found, found


def test_a_quoted_title_after_a_work_noun_yields_no_common_nouns():
    found = names('She wrote the book "From Dictatorship to Democracy" in Bangkok in 1993.')
    assert "Dictatorship" not in found and "Democracy" not in found, found
    assert found.get("Bangkok") == "place"


def test_a_quoted_title_of_common_nouns_after_a_work_noun_yields_no_actors():
    found = names('The novel "Anger and Hope" sold well in Manchester.')
    assert set(found) == {"Manchester"}, found


def test_a_known_name_inside_such_a_title_stays():
    assert "Iran" in places("He published Letters From Iran with a small press in Boston.")


def test_a_capitalised_preposition_inside_a_body_name_is_no_title():
    found = names("The group Doctors Without Borders works in Sudan and Chad.")
    assert "Sudan" in found and "Chad" in found
    assert any(t == "organization" for t in found.values()), found


def test_a_rank_and_a_territory_no_list_knows_are_one_name():
    found = {
        a.name: (a.type, a.role) for a in extract_actors("He wrote about the Queen of Sheba in his book.")
    }
    assert found == {"Queen of Sheba": ("person", None)}, found
    found = {
        a.name: (a.type, a.role) for a in extract_actors("The Duke of Rothesay visited Lagos on Monday.")
    }
    assert found.get("Duke of Rothesay") == ("person", None), found
