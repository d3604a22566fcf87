"""Actor extraction in military releases and war reporting: transliterated Arabic place names, a country
that says where a place is, a country something is done against (texts of our own)."""

from briefing.actors import extract_actors


def mentions(text, **kw):
    """(surface, type) of every mention, in order."""
    out = [(m.start, m.surface, a.type) for a in extract_actors(text, **kw) for m in a.mentions]
    return [(s, t) for _, s, t in sorted(out)]


def test_the_arabic_article_written_apart_joins_a_place_name():
    text = "Near Dayr az Zawr, two strikes hit a depot. Shelling reached Jisr ash Shughur on Friday."
    for tagger in (None, "shipped"):
        found = mentions(text, tagger=tagger)
        assert ("Dayr az Zawr", "place") in found
    # one name, never two (of what, the words do not say)
    assert "Jisr ash Shughur" in [s for s, _ in mentions(text, tagger=None)]


def test_the_hyphenated_article_before_a_sun_letter_is_part_of_the_name():
    found = mentions("Convoys left Deir ez-Zor at dawn and reached the river by noon.", tagger=None)
    assert found == [("Deir ez-Zor", "place")]


def test_english_words_are_no_arabic_articles():
    # "at" is also a form of the article ("Tal at ..."), but English writes it between names
    found = mentions("Karen Smith at Google met Omar Haddad on Tuesday.", tagger=None)
    assert ("Karen Smith", "person") in found
    assert ("Google", "organization") in found
    assert not any(" at " in s for s, _ in found)


def test_a_second_place_after_and_is_its_own_name():
    text = "Fighters moved between Ras al Ain and Tal Abyad. Ferries crossed Lake Erie and Lake Huron."
    found = mentions(text, tagger=None)
    assert ("Ras al Ain", "place") in found
    assert ("Tal Abyad", "place") in found
    assert ("Lake Erie", "place") in found
    assert ("Lake Huron", "place") in found
    # a body's name keeps its "and"
    assert mentions("The Ministry of Trade and Industry said prices rose.", tagger=None) == [
        ("Ministry of Trade and Industry", "organization")
    ]


def test_a_country_after_a_place_and_a_comma_is_where_the_place_is():
    text = "The Deraa, Syria airstrike inquiry ended. Officials met in Kharkiv, Ukraine on Monday."
    for tagger in (None, "shipped"):
        found = mentions(text, tagger=tagger)
        assert ("Syria", "place") in found
        assert ("Ukraine", "place") in found


def test_countries_listed_with_commas_still_act():
    found = mentions(
        "Iran, Syria and Russia said they would meet. The United Kingdom, France agreed.", tagger=None
    )
    assert ("Syria", "organization") in found
    assert ("France", "organization") in found


def test_a_country_after_a_name_and_a_comma_still_acts_by_its_verb():
    text = "During talks with Defense Minister Pål Jonson, Sweden announced an aid package."
    assert ("Sweden", "organization") in mentions(text, tagger=None)
    text = "As Russia claims gains in Donetsk, Ukraine continues to buy weapons."
    assert ("Ukraine", "organization") in mentions(text, tagger=None)


def test_abu_after_a_place_preposition_begins_a_town():
    text = "Near Abu Kamal, one strike hit a depot. Prisoners were held in Abu Ghraib for years."
    for tagger in (None, "shipped"):
        found = mentions(text, tagger=tagger)
        assert ("Abu Kamal", "place") in found
        assert ("Abu Ghraib", "place") in found
    # a person is still a person, and so is a name whose possessive follows the preposition
    found = mentions("Abu Mohammed said the talks failed. In Abu Mazen's view, they failed.", tagger=None)
    assert ("Abu Mohammed", "person") in found
    assert ("Abu Mazen", "person") in found


def test_an_article_written_as_an_english_word_begins_a_place_after_near():
    text = (
        "Near As Sukhnah, one strike destroyed a vehicle. Near As Sultan Abdallah, two strikes hit a tunnel."
    )
    found = mentions(text, tagger=None)
    assert ("As Sukhnah", "place") in found
    assert ("As Sultan Abdallah", "place") in found
    assert not any(t == "person" for _, t in found)
    # elsewhere "As" is the English word
    assert mentions("As Iraq continues to recover, officials met.", tagger=None) == [("Iraq", "organization")]


def test_a_place_first_word_does_not_join_two_places_over_and():
    found = mentions("Near Ayn Isa and Tabqah Dam, strikes hit weapons caches.", tagger=None)
    assert found == [("Ayn Isa", "place"), ("Tabqah Dam", "place")]
    # over "of" it does
    assert ("Gulf of Aden", "place") in mentions("Ships in the Gulf of Aden were attacked.", tagger=None)


def test_a_name_between_an_opening_near_and_a_comma_is_a_place():
    text = "Near Sultan Abdallah, one strike destroyed a mortar. Near Sheikh Maqsoud, fighting continued."
    for tagger in (None, "shipped"):
        found = mentions(text, tagger=tagger)
        assert ("Sultan Abdallah", "place") in found
        assert ("Sheikh Maqsoud", "place") in found
    # inside a sentence "near" may stand by a person, and a possessive is someone's
    assert ("Biden", "person") in mentions("Protesters stood near President Biden, shouting.", tagger=None)
    found = mentions("Near John Smith's farm, a strike hit a truck.", tagger=None)
    assert ("John Smith", "person") in found


def test_a_countrys_numbered_unit_is_one_name():
    text = "The U.S. 5th Fleet sailed into the Arabian Gulf. The Iraqi 9th Division advanced on Monday."
    for tagger in (None, "shipped"):
        found = mentions(text, tagger=tagger)
        assert ("U.S. 5th Fleet", "organization") in found
        assert ("Iraqi 9th Division", "organization") in found
        assert not any(s in ("U.S.", "Iraqi") for s, _ in found)
    # a possessive country is the country's own mention
    found = mentions("Russia's 58th Army moved south.", tagger=None)
    assert ("Russia", "place") in found
    assert ("58th Army", "organization") in found


def test_letters_and_a_number_in_brackets_are_a_designation():
    text = "The destroyer USS Nitze (DDG 94) fired at radar sites in Yemen after a resolution (UNSCR 2254)."
    assert mentions(text, tagger=None) == [("Yemen", "place")]
    # an acronym alone in brackets is still the body it abbreviates
    found = mentions("Officials of the Gulf Cooperation Council (GCC) met in Riyadh.", tagger=None)
    assert ("GCC", "organization") in found


def test_a_bodys_partners_after_its_name_are_the_body():
    text = "The squadron will fly with Coalition partners over Iraq. NATO allies agreed to spend more."
    found = mentions(text, tagger=None)
    assert ("Coalition partners", "organization") in found
    assert ("NATO allies", "organization") in found
    # a country's partners are other countries: no state named by them
    assert ("U.S.", "place") in mentions("Washington thanked U.S. partners in the region.", tagger=None)


def test_a_place_head_then_a_side_is_a_place():
    text = "Carter visited troops at Qayyarah Airfield West on Monday."
    assert ("Qayyarah Airfield West", "place") in mentions(text, tagger=None)


def test_a_body_of_law_names_no_one():
    text = (
        "The task force follows the Law of Armed Conflict. "
        "Captains study the Law of the Sea and the Laws of War."
    )
    for tagger in (None, "shipped"):
        found = mentions(text, tagger=tagger)
        assert not any(s in ("Armed Conflict", "Sea", "War") for s, _ in found)
    # a surname Law is still a person's
    assert ("John Law", "person") in mentions("John Law of Edinburgh founded a bank.", tagger=None)
