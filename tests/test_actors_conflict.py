"""Actor extraction in war reporting: armed groups, units, regimes, peoples, weapons (texts of our own)."""

from briefing.actors import extract_actors


def mentions(text, **kw):
    """(surface, type, name) of every mention, in order."""
    out = [(m.surface, a.type, a.name, m.start) for a in extract_actors(text, **kw) for m in a.mentions]
    return [(s, t, n) for s, t, n, _ in sorted(out, key=lambda x: x[3])]


def test_armed_groups_known_by_their_acronyms_and_spellings():
    text = "Kurdish Peshmerga and the SDF held the line while al-Qaida and HTS fighters left the town."
    for tagger in (None, "shipped"):
        found = {s: (t, n) for s, t, n in mentions(text, tagger=tagger)}
        assert found["SDF"] == ("organization", "Syrian Democratic Forces")
        assert found["al-Qaida"] == ("organization", "al-Qaeda")
        assert found["HTS fighters"][1] == "Hayat Tahrir al-Sham"


def test_bomb_acronyms_are_no_actors():
    text = "Engineers cleared an IED from the road, and a strike hit a VBIED near the bridge in Kandahar."
    for tagger in (None, "shipped"):
        assert [s for s, _, _ in mentions(text, tagger=tagger)] == ["Kandahar"]


def test_dateline_in_capitals_is_a_place_and_an_operation_is_no_part_of_the_body():
    text = "ERBIL-Joint Task Force-Operation Steady Shield said on Monday that two convoys had left."
    for tagger in (None, "shipped"):
        found = mentions(text, tagger=tagger)
        assert ("ERBIL", "place", "Erbil") in found
        assert ("Joint Task Force", "organization", "Joint Task Force") in found
        assert not any("Operation" in s or "Shield" in s for s, _, _ in found)


def test_a_units_number_after_its_name_is_part_of_it():
    text = (
        "The destroyer joined Task Force 64 in the Arabian Sea. JTF 12 is led by a Danish commodore. "
        "NATO 2030 is a plan, and the SDF 20 kilometres south of the river held."
    )
    found = mentions(text, tagger=None)
    assert ("Task Force 64", "organization", "Task Force 64") in found
    assert ("JTF 12", "organization", "JTF 12") in found
    assert ("NATO", "organization", "NATO") in found
    assert ("SDF", "organization", "Syrian Democratic Forces") in found


def test_a_possessive_body_keeps_its_head():
    text = "The Defence Ministry's statement came late. U.S. Naval Forces Central Command's ships sailed."
    found = mentions(text, tagger=None)
    assert ("Defence Ministry", "organization", "Defence Ministry") in found
    assert ("U.S. Naval Forces Central Command", "organization", "U.S. Naval Forces Central Command") in found


def test_a_regime_or_government_named_after_its_ruler_or_country():
    text = (
        "Shelling by the Lukashenko regime’s army went on. Observers blamed the regime of Lukashenko. "
        "Aid reached the government of Moldova, and the head of government of Romania visited."
    )
    found = mentions(text, tagger=None)
    assert ("Lukashenko regime", "organization", "Lukashenko regime") in found
    assert ("regime of Lukashenko", "organization", "Lukashenko regime") in found
    assert ("government of Moldova", "organization", "Moldova") in found
    assert ("Romania", "place", "Romania") in found


def test_a_nationalitys_plural_is_the_people_under_their_countrys_name():
    text = "Thousands fled, and the Ukrainians held Kupiansk while Eritreans waited in the Philippines."
    found = mentions(text, tagger=None)
    assert ("Ukrainians", "organization", "Ukraine") in found
    assert ("Eritreans", "organization", "Eritrea") in found
    assert ("Philippines", "place", "Philippines") in found


def test_a_tribe_or_a_nationalitys_people_is_a_body():
    text = (
        "Gunmen attacked the Al bu Khalifa tribe near the river. The Sudanese people and Chadian "
        "civilians fled, and Kenyan religious communities sent food to Syria."
    )
    found = mentions(text, tagger=None)
    assert ("Al bu Khalifa tribe", "organization", "Al bu Khalifa tribe") in found
    assert ("Sudanese people", "organization", "Sudan") in found
    assert ("Chadian civilians", "organization", "Chad") in found
    assert ("Kenyan religious communities", "organization", "Kenya") in found
    assert ("Syria", "place", "Syria") in found


def test_a_body_named_for_what_it_fights_stays_whole():
    text = (
        "The Counter-Piracy Coalition met in Oslo. The Anti-Corruption Bureau opened a case. "
        "Anti-Russia protests grew."
    )
    found = mentions(text, tagger=None)
    assert ("Counter-Piracy Coalition", "organization", "Counter-Piracy Coalition") in found
    assert ("Anti-Corruption Bureau", "organization", "Anti-Corruption Bureau") in found
    assert ("Russia", "place", "Russia") in found


def test_arabic_place_names_without_their_article_or_final_h():
    text = "Troops entered Fallujah on Monday, and a bomb hit a market in al-Hilla. Shelling near Raqqa."
    found = mentions(text, tagger=None)
    assert ("Fallujah", "place", "Al Fallūjah") in found
    assert ("al-Hilla", "place", "Al Hillah") in found
    assert ("Raqqa", "place", "Ar Raqqah") in found


def test_a_country_supported_or_stood_by_is_its_state_but_not_a_country_one_is_in():
    text = (
        "The truce was brokered by Qatar and Egypt last week. Norway stands by Moldova, and its support "
        "for Georgia grew. Officials are working closely with Armenia. The fighting in Sudan was "
        "condemned, and Chad flew aid to Sudan."
    )
    found = mentions(text, tagger=None)
    for state in ("Qatar", "Egypt", "Moldova", "Georgia", "Armenia"):
        assert (state, "organization", state) in found, state
    assert [t for s, t, _ in found if s == "Sudan"] == ["place", "place"]


def test_a_countrys_forces_are_its_state():
    text = (
        "Chadian troops crossed the border, Nigerian security forces followed, and Indian service "
        "members trained them. EU members met in Brussels."
    )
    found = mentions(text, tagger=None)
    assert ("Chadian troops", "organization", "Chad") in found
    assert ("Nigerian security forces", "organization", "Nigeria") in found
    assert ("Indian service members", "organization", "India") in found
    assert ("EU", "organization", "European Union") in found


def test_a_lower_case_coalition_against_a_known_actor_is_a_body():
    text = "Jets of the anti-Houthi coalition struck Hodeidah; anti-government protests grew in Sanaa."
    found = mentions(text, tagger=None)
    assert ("anti-Houthi coalition", "organization", "anti-Houthi coalition") in found
    assert not any("government" in s for s, _, _ in found)


def test_the_people_of_a_country_and_a_cessation_of_hostilities():
    text = "We stand with the people of Sudan. Both sides must respect the Cessation of Hostilities."
    found = mentions(text, tagger=None)
    assert ("people of Sudan", "organization", "Sudan") in found
    assert not any("Cessation" in s or "Hostilities" in s for s, _, _ in found)


def test_a_country_that_is_to_do_something_is_its_state():
    text = (
        "The loan will enable Moldova to access markets. He travelled to Moldova to meet troops. "
        "Exports from Moldova to the south fell, adding Moldova to what critics call a list."
    )
    found = mentions(text, tagger=None)
    assert [t for s, t, _ in found if s == "Moldova"] == ["organization", "place", "place", "place"]


def test_a_name_paired_with_a_known_town_and_the_towns_of():
    text = "Shelling hit Kharkiv and Vovchansk overnight. Floods reached the villages of Zarichne and Lyman."
    found = mentions(text, tagger=None)
    assert ("Vovchansk", "place", "Vovchansk") in found
    assert ("Zarichne", "place", "Zarichne") in found


def test_ships_and_capitalised_soldiers_are_no_actors():
    text = (
        "The frigate HMS Kestrel joined USS Marlow (DDG 91) in the Red Sea. Kestrel will escort tankers. "
        "The Airmen of the wing flew 40 sorties, Admiral Harold Finch said."
    )
    found = mentions(text, tagger=None)
    assert not any(s in ("Kestrel", "HMS Kestrel", "USS Marlow", "Airmen", "DDG 91") for s, _, _ in found)
    assert ("Harold Finch", "person", "Harold Finch") in found
    assert ("Red Sea", "place", "Red Sea") in found


def test_an_opposition_and_a_community_are_bodies_of_their_own():
    text = (
        "The International Community must act. The Belarusian opposition met in Vilnius, and Belarusian "
        "opposition fighters trained nearby."
    )
    found = mentions(text, tagger=None)
    assert ("International Community", "organization", "International Community") in found
    assert ("Belarusian opposition", "organization", "Belarusian opposition") in found
    assert not any(n == "Belarus" and t == "organization" for _, t, n in found)


def test_a_bodys_name_may_say_what_it_is_for():
    text = "The Council to Protect Rural Wales objected. The Navy to Syria was never sent, he said."
    found = mentions(text, tagger=None)
    assert ("Council to Protect Rural Wales", "organization", "Council to Protect Rural Wales") in found
    assert ("Navy", "organization", "Navy") in found
    assert ("Syria", "place", "Syria") in found


def test_a_countrys_message_role_or_interests_are_its_states():
    text = (
        "Envoys delivered the Philippines’ message. Norway's role grew, and the visit to Norway's "
        "capital was short."
    )
    found = mentions(text, tagger=None)
    assert ("Philippines", "organization", "Philippines") in found
    assert [t for s, t, _ in found if s == "Norway"] == ["organization", "place"]


def test_washington_dc_is_a_place():
    found = mentions("Ministers met in Washington D.C. on Monday, then in Washington DC.", tagger=None)
    assert [(s, t) for s, t, _ in found] == [("Washington D.C.", "place"), ("Washington DC", "place")]


def test_irregular_plurals_of_nationalities_are_peoples():
    found = mentions(
        "The Serbs and the Croats signed; Britons voted in the Turks and Caicos Islands.", tagger=None
    )
    assert ("Serbs", "organization", "Serbia") in found
    assert ("Croats", "organization", "Croatia") in found
    assert ("Britons", "organization", "United Kingdom") in found
    assert ("Turks and Caicos Islands", "place", "Turks and Caicos Islands") in found


def test_a_direction_before_a_place_is_part_of_the_mention_not_of_the_name():
    found = mentions(
        "Strikes hit northern Yemen and north-eastern Nigeria; Southern Sudan voted.", tagger=None
    )
    assert ("northern Yemen", "place", "Yemen") in found
    assert ("north-eastern Nigeria", "place", "Nigeria") in found


def test_an_acronym_defined_in_brackets_names_its_body_when_alone():
    text = (
        "The frigate joined the Northern Maritime Group (NMG) on Monday. Last year the Danes led NMG, "
        "and NMG will exercise in the Baltic."
    )
    for tagger in (None, "shipped"):
        found = mentions(text, tagger=tagger)
        assert [n for s, _, n in found if s == "NMG"] == ["Northern Maritime Group"] * 3, tagger


def test_the_west_is_one_place():
    found = mentions(
        "Moscow warned the West. Relations with the West soured; the West Bank waited.", tagger=None
    )
    assert [(s, t, n) for s, t, n in found if s == "West"] == [("West", "place", "the West")] * 2
    assert ("West Bank", "place", "West Bank") in found


def test_a_name_of_the_body_is_its_member():
    found = mentions("According to Halvard Ostrem of the Coastal Pilots Union, talks failed.", tagger=None)
    assert ("Halvard Ostrem", "person", "Halvard Ostrem") in found
    assert ("Coastal Pilots Union", "organization", "Coastal Pilots Union") in found
