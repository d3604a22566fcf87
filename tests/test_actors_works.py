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


def roles(text):
    return {a.name: (a.type, a.role) for a in extract_actors(text)}


def test_a_title_of_a_country_before_the_holders_name_mentions_the_country():
    """ "X of COUNTRY" before the name: the country is an actor mentioned there, and the person keeps the
    whole title as the role."""
    found = roles("Crown Prince of Saudi Arabia Mohammed bin Salman met the envoy on Monday.")
    assert found.get("Saudi Arabia") == ("place", None), found
    assert found.get("Mohammed bin Salman") == ("person", "Crown Prince of Saudi Arabia"), found
    found = roles("On Tuesday, Prime Minister of Japan Shigeru Ishiba said the talks would go on.")
    assert found.get("Japan") == ("place", None), found
    assert found.get("Shigeru Ishiba") == ("person", "Prime Minister of Japan"), found
    found = roles("King of Jordan Abdullah II visited Washington last week.")
    assert found.get("Jordan") == ("place", None), found
    assert found.get("Abdullah II") == ("person", "King of Jordan"), found


def test_a_rank_of_a_plural_or_a_numbered_name_is_a_work_not_a_person():
    """A realm is a place or a people: "Fighters" and "Rings" are plural common nouns, and a numeral
    numbers a sequel (a holder's numeral follows the holder's name, "Abdullah II")."""
    for text in (
        "Fans lined up on Friday to play King of Fighters XII at the arcade.",
        "The King of Fighters series returns next year, said Mark Smith.",
        "He reread Lord of the Rings on the train, said Mark Smith.",
        "Players of King of Fighters 2002 met in Osaka.",
    ):
        found = names(text)
        assert not any("King" in n or "Lord" in n or "Fighters" in n for n in found), (text, found)
    assert names("Players of King of Fighters 2002 met in Osaka.") == {"Osaka": "place"}


def test_a_numbered_work_and_a_work_of_common_nouns_are_no_people():
    """A guard: the tagger's reading already takes neither for a person's name."""
    found = names("Final Fantasy VII sold well, and Call of Duty sold better.")
    assert not [n for n, t in found.items() if t == "person"], found
    assert names("Pope John Paul II visited Krakow.").get("John Paul II") == "person"


def test_a_rank_and_a_possessive_holders_name_is_a_person_with_an_epithet():
    """QA18b F4: the possessive's "s" of "Jackson's" made "Pop Michael Jackson's" a plural, so a work, and
    left the place "Jackson"; the person is Michael Jackson, and "King of Pop" his epithet."""
    for text, name, role in (
        ("King of Pop Michael Jackson's estate sued the studio on Monday.", "Michael Jackson", "King of Pop"),
        ("Fans said King of Pop Michael Jackson's music still sells.", "Michael Jackson", "King of Pop"),
        ("King of Pop Michael Jackson died in 2009.", "Michael Jackson", "King of Pop"),
        (
            "Queen of Soul Aretha Franklin's estate sued the label on Monday.",
            "Aretha Franklin",
            "Queen of Soul",
        ),
    ):
        found = roles(text)
        assert found.get(name) == ("person", role), (text, found)
        assert not [n for n in found if n != name and found[n][0] != "person"], (text, found)


def test_a_rank_of_an_epithet_before_a_full_name_is_no_part_of_it():
    """QA18b F12: "King of Rock and Roll" is Elvis Presley's epithet, over its "and" too, not two people."""
    found = roles("King of Rock and Roll Elvis Presley and Queen of Crime Agatha Christie were the theme.")
    assert found == {
        "Elvis Presley": ("person", "King of Rock and Roll"),
        "Agatha Christie": ("person", "Queen of Crime"),
    }, found
    # a realm is no epithet, and a rank with no given name after it stays the name
    assert roles("King of Spain Felipe VI arrived.").get("Felipe VI") == ("person", "King of Spain")
    assert roles("The Duke of Sussex spoke.") == {"Duke of Sussex": ("person", None)}
    assert roles("Princess of Wales Kate Middleton spoke.").get("Kate Middleton") == (
        "person",
        "Princess of Wales",
    )


def test_an_epithet_before_two_name_words_is_a_role_though_the_given_name_is_unlisted():
    """ "Prince of Darkness Ozzy Osbourne": no list knows "Ozzy", yet the last two words read as a name
    and nothing before them as a realm the lists know, so the rank and its "of" are his epithet."""
    found = roles("Baron of Thunder Ozric Vellacott sang, and Prince of Darkness Quill Osterby closed.")
    assert found == {
        "Ozric Vellacott": ("person", "Baron of Thunder"),
        "Quill Osterby": ("person", "Prince of Darkness"),
    }, found
    # a work's plural ("Hearts ... Tarts"), a head ("Castle"), a numeral and a word the text writes in
    # lower case are no name; one word after the realm is a name the rank keeps ("Duke of Sussex")
    assert "Jam Tarts" not in roles("The Queen of Hearts Jam Tarts sold out.")
    assert "Castle Stalker" not in roles("Duke of Darkness Castle Stalker opened.")
    assert "Fighters Turbo XII" not in roles("King of Fighters Turbo XII sold well.")
    assert "Ozric Vellacott" not in roles("Baron of Thunder Ozric Vellacott sang of thunder and vellacott.")
    assert roles("The Duke of Darkness Vellacott spoke.") == {"Duke of Darkness Vellacott": ("person", None)}


def test_a_word_and_any_roman_numeral_is_a_sequel():
    """ "Final Fantasy XVI" opening a sentence is read as "Fantasy XVI": a sequel's number, no person."""
    found = names("Final Fantasy XVI sold three million copies.")
    assert not [n for n, t in found.items() if t == "person"], found
    assert names("Pope Benedict XVI died in 2022. Louis XIV was king.") == {
        "Benedict XVI": "person",
        "Louis XIV": "person",
    }
