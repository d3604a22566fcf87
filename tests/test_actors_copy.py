"""Actor extraction on ordinary news copy: datelines, codes and figures, an office and its body, bylines,
companies named by a web address, rivers and storms, roles that describe no one, and German and French
words that look like names."""

from briefing.actors import extract_actors


def actors(text, **kw):
    """{(name, type): actor} of ``text``."""
    return {(a.name, a.type): a for a in extract_actors(text, **kw)}


def typed(text, **kw):
    """{surface: type} of every mention of ``text``."""
    return {m.surface: a.type for a in extract_actors(text, **kw) for m in a.mentions}


def named(text, **kw):
    return {a.name for a in extract_actors(text, **kw)}


def test_an_office_with_a_possessive_names_an_event_or_nothing_not_a_person():
    text = (
        "Opposition leader Priya Nandakumar pressed Prime Minister Owen Hale at Prime Minister's Questions "
        "on Wednesday. The Prime Minister's spokesman said later that the President's Cup would go ahead."
    )
    for tagger in ("shipped", None):
        found = named(text, tagger=tagger)
        assert {"Priya Nandakumar", "Owen Hale"} <= found
        assert not found & {"Minister", "Prime Minister", "President", "Questions"}


def test_a_dateline_city_is_a_place_and_no_surname_of_an_exchange_named_after_it():
    text = (
        "OSLO, Norway, March 3, 2027 /PRNewswire/ -- Fjordlys Energi ASA (Euronext Oslo: FJRD), a "
        "supplier of offshore cables, today reported higher orders. The Oslo-based company employs 900."
    )
    for tagger in ("shipped", None):
        found = actors(text, tagger=tagger)
        assert ("Euronext Oslo", "organization") in found
        assert {m.surface for m in found[("Oslo", "place")].mentions} == {"OSLO", "Oslo"}
        assert not [a for a in found.values() if a.type == "person"]


def test_the_body_after_an_officers_title_and_of_is_the_organisation_not_a_person():
    text = (
        'Fjordlys Energi ASA raised its forecast. "Orders are strong," said Kari Strand, Chief '
        "Executive Officer of Fjordlys Energi. The Mayor of Tromsdal, a town of 9,000, welcomed the news."
    )
    found = actors(text)
    company = found[("Fjordlys Energi ASA", "organization")]
    assert "Fjordlys Energi" in company.aliases
    assert found[("Kari Strand", "person")].role == "Chief Executive Officer of Fjordlys Energi"
    assert [a.name for a in found.values() if a.type == "person"] == ["Kari Strand"]


def test_a_byline_with_the_same_surname_is_another_person():
    text = (
        "Floods close roads across the valleys\n\nGethin Price\nValley Herald\n\n"
        "First Minister Rhiannon Price said the damage was severe. Price promised help for businesses."
    )
    found = actors(text)
    minister = found[("Rhiannon Price", "person")]
    assert minister.role == "First Minister"
    assert [m.surface for m in minister.mentions] == ["Rhiannon Price", "Price"]
    assert text.index("Gethin") + 7 not in {m.start for m in minister.mentions}


def test_a_company_named_by_its_web_address_is_one_name_and_and_splits_two_companies():
    text = (
        "Booking.com B.V. and Vextra Group signed a travel deal on Monday. Amazon.com Inc. also bid. "
        "Campaigners said cattle ranching drives fires in the Amazon."
    )
    found = actors(text)
    assert ("Booking.com B.V.", "organization") in found
    assert ("Vextra Group", "organization") in found
    assert not [name for name, _ in found if name.startswith("B.V.")]
    assert [m.surface for m in found[("Amazon", "organization")].mentions] == ["Amazon.com Inc."]
    assert [m.surface for m in found[("Amazon", "place")].mentions] == ["Amazon"]


def test_datelines_are_places_and_time_zones_currencies_and_figures_are_no_actors():
    text = (
        "NAIROBI, Jan 5 (Reuters) - The National Flood Prevention and Response Agency (NFPRA) said 3,000 "
        "people had fled. Sales were SEK 4.1 billion and EBITDA rose 9% to EUR 310 million.\n\n"
        "PHOENIX (AP) — The update came at 14:05 GMT on Tuesday, and again at 16:30 GMT."
    )
    for tagger in ("shipped", None):
        found = actors(text, tagger=tagger)
        assert ("Nairobi", "place") in found
        assert ("Phoenix", "place") in found
        agency = found[("National Flood Prevention and Response Agency", "organization")]
        assert "NFPRA" in agency.aliases
        names = {name for name, _ in found}
        assert not names & {"GMT", "SEK", "EUR", "EBITDA", "Response Agency", "NAIROBI", "PHOENIX"}


def test_a_river_named_head_first_is_a_place_a_storm_is_no_actor_and_a_photo_agency_a_company():
    text = (
        "Storm Elspeth swept in overnight. The River Wharfe burst its banks near the town, and "
        "Elspeth closed roads for hours. Image source, Getty Images"
    )
    found = typed(text)
    assert found["River Wharfe"] == "place"
    assert found["Getty Images"] == "organization"
    assert "Elspeth" not in found and "Storm Elspeth" not in found


def test_a_role_is_the_phrase_a_role_noun_heads_never_a_cut_name_or_a_first_word():
    text = (
        "President Tomasz Wrobel arrived in Hanoi for talks with Vietnamese President Lan Pham, the "
        "first official visit by a Polish leader in two decades. Goldbridge Partners & Co. economist "
        "Dana Whitfield said trade would grow. Housing Minister Ilse Brandt agreed."
    )
    found = actors(text)
    assert found[("Lan Pham", "person")].role == "Vietnamese President"
    assert found[("Dana Whitfield", "person")].role == "economist"
    assert found[("Ilse Brandt", "person")].role == "Housing Minister"


def test_german_and_french_articles_and_words_are_no_people():
    german = (
        "Der Stadtrat hat am Montag den Haushalt beschlossen. Für das Projekt stimmten 30 Abgeordnete. "
        "Auch Helmut Brandt, Bürgermeister der Stadt, stimmte zu. Der Bundestag muss noch zustimmen."
    )
    found = actors(german)
    people = {name for name, type_ in found if type_ == "person"}
    assert people == {"Helmut Brandt"}
    assert found[("Helmut Brandt", "person")].role is None
    assert ("Bundestag", "organization") in found
    french = (
        "Le Syndicat a voté la grève. Jacques Garnier, ministre, a réagi. Selon M. Garnier, la grève "
        "coûte cher."
    )
    found = actors(french)
    assert {name for name, type_ in found if type_ == "person"} == {"Jacques Garnier"}
    garnier = found[("Jacques Garnier", "person")]
    assert [m.surface for m in garnier.mentions] == ["Jacques Garnier", "Garnier"]
    assert garnier.role is None


def test_an_article_first_in_english_copy_stays_in_the_name():
    found = actors("Marine Le Pen spoke in Paris. Le Pen said the vote was lost.")
    assert [m.surface for m in found[("Marine Le Pen", "person")].mentions] == ["Marine Le Pen", "Le Pen"]
    assert ("Le Pen", "person") in actors("Le Pen said the vote was lost in Paris on Sunday.")
    found = actors("Der Spiegel reported the deal first. Le Monde et Die Zeit ont publié la suite.")
    papers = {name for name, type_ in found if type_ == "organization"}
    assert papers == {"Der Spiegel", "Le Monde", "Die Zeit"}


def test_a_german_title_before_a_name_is_the_role_and_no_part_of_the_name():
    found = {
        a.name: a.role
        for a in extract_actors(
            "Präsident Emmanuel Macron traf am Montag die Bundeskanzlerin Angela Merkel. "
            "Außenministerin Annalena Baerbock reiste nach Paris."
        )
        if a.type == "person"
    }
    assert found == {
        "Emmanuel Macron": "Präsident",
        "Angela Merkel": "Bundeskanzlerin",
        "Annalena Baerbock": "Außenministerin",
    }, found


def test_an_inflected_or_compound_german_office_is_the_role_in_its_dictionary_form():
    found = {
        a.name: a.role
        for a in extract_actors(
            "Merz hat am Dienstag den ukrainischen Präsidenten Oleksandr Kowalenko empfangen. Die Worte des "
            "Bundeskanzlers Jonas Albrecht seien klar, sagte Regierungssprecherin Petra Lindner. Auch "
            "Gesundheitsminister Tobias Brandl und die Stellvertretende Vorsitzende Sabine Roth kamen. "
            "Hamburgs Erster Bürgermeister Lars Vogt fehlte."
        )
        if a.type == "person"
    }
    assert found["Oleksandr Kowalenko"] == "Präsident", found
    assert found["Jonas Albrecht"] == "Bundeskanzler", found
    assert found["Petra Lindner"] == "Regierungssprecherin", found
    assert found["Tobias Brandl"] == "Gesundheitsminister", found
    assert found["Sabine Roth"] == "Stellvertretende Vorsitzende", found
    assert "Lars Vogt" in found, found


def test_a_weekday_or_adverb_before_a_german_office_is_no_part_of_the_role():
    found = {
        a.name: a.role
        for a in extract_actors(
            "Am Montag Bundeskanzlerin Angela Merkel und am Dienstag Außenministerin Annalena Baerbock. "
            "Auch Innenministerin Nancy Faeser kam. Berlins Regierender Bürgermeister Kai Wegner blieb."
        )
        if a.type == "person"
    }
    assert found == {
        "Angela Merkel": "Bundeskanzlerin",
        "Annalena Baerbock": "Außenministerin",
        "Nancy Faeser": "Innenministerin",
        "Kai Wegner": "Berlins Regierender Bürgermeister",
    }, found


def test_english_words_ending_like_a_german_office_are_no_titles():
    from briefing.german_titles import german_office

    assert german_office("präsidenten") and german_office("regierungssprecher") and german_office("csu-chef")
    assert not german_office("administer") and not german_office("ministers") and not german_office("chef")
    assert not german_office("presidents") and not german_office("minister")


def test_a_german_noun_after_a_place_is_neither_the_place_nor_a_person():
    text = (
        "Wüst fordert Reformen\n\nDer Ministerpräsident Hendrik Wüst hat am Dienstag in Düsseldorf Reformen "
        "gefordert. Die Opposition wies das zurück, sagte ein Sprecher. Über die Reformen wird im Landtag "
        "beraten."
    )
    found = actors(text)
    assert not [name for name, type_ in found if "Reformen" in name], found
    assert ("Düsseldorf", "place") in found, found
    assert ("Hendrik Wüst", "person") in found, found


def test_a_german_place_and_a_noun_the_text_writes_alone_are_cut_apart():
    text = (
        "Die Kommission hat am Montag in Brüssel Sanktionen beschlossen. Sanktionen seien nötig, sagte die "
        "Außenbeauftragte Kaja Kallas. Die Mitgliedstaaten müssen noch zustimmen."
    )
    found = actors(text)
    assert ("Brüssel", "place") in found, found
    assert not [name for name in found if "Sanktionen" in name[0]], found


def test_bayern_speaking_in_german_copy_is_the_state_and_in_football_copy_the_club():
    text = (
        "Söder sagte, Bayern werde weitere Hilfe leisten. Die Landesregierung in München stellt dafür "
        "zehn Millionen Euro bereit, wie das Ministerium mitteilte."
    )
    found = actors(text)
    assert ("Bayern", "place") in found and ("Bayern Munich", "organization") not in found, found
    found = actors("Bayern said it would sign the striker. He scored twice against Dortmund on Saturday.")
    assert ("Bayern Munich", "organization") in found, found
    found = actors("Bayern will pay for the new road, the Bavarian premier said on Monday.")
    assert ("Bayern", "place") in found, found


def test_a_relation_von_or_of_a_name_is_the_person_named_after_it():
    for tagger in ("shipped", None):
        found = named(
            "Die Witwe von Alexej Nawalny, Julija Nawalnaja, hat am Montag in Berlin gesprochen. Der Anwalt "
            "von Peter Maffay sagte, er sei zufrieden.",
            tagger=tagger,
        )
        assert {"Alexej Nawalny", "Julija Nawalnaja", "Peter Maffay"} <= found, (tagger, found)
        assert not [name for name in found if "Witwe" in name or "Anwalt" in name], (tagger, found)
    found = named("Ursula von der Leyen and Richard von Weizsäcker met the Son of Sam film crew.")
    assert {"Ursula von der Leyen", "Richard von Weizsäcker"} <= found, found


def test_a_german_noun_after_an_article_is_no_part_of_the_name_after_it():
    found = named(
        "Die Tochter des Sängers Udo Lindenberg kam auch, sagte der Veranstalter. Er hat es nicht gesagt. "
        "Die Rede von Ursula von der Leyen wurde gelobt."
    )
    assert {"Udo Lindenberg", "Ursula von der Leyen"} <= found, found
    assert not [name for name in found if "Sängers" in name or "Rede" in name], found
