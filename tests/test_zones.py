"""Reading times of day and timezones as people type them (briefing/zones.py, briefing/times_of_day.py)."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from briefing.times_of_day import SettingError, parse_time
from briefing.zone_offsets import describe_zone, zone_note
from briefing.zones import parse_zone, read_zone

WINTER = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)
SUMMER = datetime(2025, 7, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7:30", time(7, 30)),
        ("07:30", time(7, 30)),
        ("23.59", time(23, 59)),
        ("7pm", time(19, 0)),
        ("7PM", time(19, 0)),
        ("7:30pm", time(19, 30)),
        ("7 am", time(7, 0)),
        ("7 a.m.", time(7, 0)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("19h30", time(19, 30)),
        ("19h", time(19, 0)),
        ("0830", time(8, 30)),
        ("830", time(8, 30)),
        ("8", time(8, 0)),
        ("0", time(0, 0)),
        ("noon", time(12, 0)),
        ("midnight", time(0, 0)),
        ("12 noon", time(12, 0)),
        ("12 midnight", time(0, 0)),
        ("19:30:00", time(19, 30)),
        ("0830h", time(8, 30)),
        ("8.30h", time(8, 30)),
    ],
)
def test_times_in_the_forms_people_write(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text", ["24:00", "7:60", "07:3", "13pm", "0am", "2460", "12345", "soon", "7:30:60", "7 noon"]
)
def test_a_bad_time_says_how_to_write_one(text):
    with pytest.raises(SettingError, match=r"not a time of day; write it as 07:30, 7:30pm, 7 am, 19h30"):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("UTC+3", "Etc/GMT-3"),
        ("GMT+3", "Etc/GMT-3"),
        ("utc +3", "Etc/GMT-3"),
        ("UTC-5", "Etc/GMT+5"),
        ("UTC−5", "Etc/GMT+5"),  # a typographic minus
        ("+03:00", "Etc/GMT-3"),
        ("-0500", "Etc/GMT+5"),
        ("UTC+14", "Etc/GMT-14"),
        ("UTC+0", "UTC"),
    ],
)
def test_an_offset_is_a_fixed_zone_with_the_sign_iana_uses(text, zone):
    assert parse_zone(text) == zone


def test_an_offset_no_clock_uses_is_refused():
    with pytest.raises(SettingError, match="UTC-13:00 is not an offset any clock uses"):
        parse_zone("UTC-13")


def test_a_half_hour_offset_suggests_the_places_on_it():
    with pytest.raises(SettingError, match=r"no fixed-offset zone for UTC\+05:30.*Asia/Kolkata"):
        parse_zone("UTC+5:30", now=WINTER)


def test_a_fixed_zone_is_shown_by_its_offset_first():
    assert describe_zone("Etc/GMT-3", WINTER) == "UTC+03:00 (Etc/GMT-3)"
    assert describe_zone("Etc/GMT+5", WINTER) == "UTC-05:00 (Etc/GMT+5)"
    assert describe_zone("UTC", WINTER) == "UTC"


def test_a_zone_shows_its_offset_and_whether_it_changes():
    assert describe_zone("Europe/Kyiv", WINTER) == "Europe/Kyiv (UTC+02:00 now)"
    assert describe_zone("Europe/Kyiv", SUMMER) == "Europe/Kyiv (UTC+03:00 now)"
    assert describe_zone("Asia/Tokyo", SUMMER) == "Asia/Tokyo (UTC+09:00)"
    assert describe_zone("EST", SUMMER) == "EST (UTC-05:00)"


def test_a_typed_etc_name_gets_a_note_on_its_reversed_sign():
    note = zone_note("Etc/GMT+5", WINTER, typed="08:00 Etc/GMT+5")
    assert note == (
        "Etc/GMT+5 is UTC-05:00: IANA's Etc/GMT names have the sign reversed."
        " If you meant UTC+05:00, send /settings tz UTC+05:00."
    )
    assert parse_zone("UTC+05:00") == "Etc/GMT-5"
    assert zone_note("Etc/GMT-3", WINTER, typed="UTC+3") is None  # they said what they meant


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("PDT", "America/Los_Angeles"),
        ("edt", "America/New_York"),
        ("EST", "America/New_York"),
        ("ET", "America/New_York"),
        ("Eastern", "America/New_York"),
        ("CT", "America/Chicago"),
        ("MT", "America/Denver"),
        ("PT", "America/Los_Angeles"),
        ("Pacific", "America/Los_Angeles"),
        ("CET", "Europe/Berlin"),
        ("PST8PDT", "America/Los_Angeles"),
    ],
)
def test_an_abbreviation_is_its_region_s_clock(text, zone):
    assert parse_zone(text) == zone


def test_an_abbreviation_out_of_season_gets_a_note():
    note = zone_note("America/Los_Angeles", WINTER, typed="8 PDT")
    assert note == (
        "PDT is not in effect now: the clock in Los Angeles is on UTC-08:00 until 9 March, then UTC-07:00."
        " Your digest follows that clock all year; for UTC-07:00 all year, send /settings tz UTC-07:00."
    )
    assert zone_note("America/Los_Angeles", SUMMER, typed="8 PDT") is None
    assert "EST is not in effect now" in zone_note("America/New_York", SUMMER, typed="EST")
    assert zone_note("America/New_York", SUMMER, typed="ET") is None  # ET is both halves of the year
    assert zone_note("Europe/Kyiv", SUMMER) is None


@pytest.mark.parametrize("text", ["IST", "CST", "BST", "AST"])
def test_an_abbreviation_of_several_clocks_asks_which(text):
    with pytest.raises(SettingError, match=f"“{text}” names more than one timezone; say which"):
        parse_zone(text)


def test_an_ambiguous_abbreviation_asks_which():
    with pytest.raises(SettingError, match="“IST” names more than one timezone; say which: Asia/Kolkata"):
        parse_zone("IST")


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Europe/Kiev", "Europe/Kyiv"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("US/Eastern", "America/New_York"),
        ("Japan", "Asia/Tokyo"),
        ("america/buenos_aires", "America/Argentina/Buenos_Aires"),
        ("GMT", "UTC"),
        ("Etc/UTC", "UTC"),
        ("Zulu", "UTC"),
    ],
)
def test_an_old_name_is_stored_as_the_current_one(text, zone):
    assert parse_zone(text) == zone


@pytest.mark.parametrize("text", ["Factory", "localtime", "posixrules", "right/Europe/Kyiv"])
def test_names_that_are_no_place_s_clock_are_refused(text):
    with pytest.raises(SettingError):
        parse_zone(text)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Beijing", "Asia/Shanghai"),
        ("Mumbai", "Asia/Kolkata"),
        ("Bombay", "Asia/Kolkata"),
        ("Delhi", "Asia/Kolkata"),
        ("Frankfurt", "Europe/Berlin"),
        ("Washington", "America/New_York"),
        ("NYC", "America/New_York"),
        ("New York City", "America/New_York"),
        ("LA", "America/Los_Angeles"),
        ("Portland", "America/Los_Angeles"),  # Portland, Maine is smaller than 100,000
        ("Kyiv, Ukraine", "Europe/Kyiv"),
        ("Kyiv Ukraine", "Europe/Kyiv"),
        ("Киев", "Europe/Kyiv"),
        ("Київ", "Europe/Kyiv"),
        ("كييف", "Europe/Kyiv"),  # a city of a million in any script
        ("東京", "Asia/Tokyo"),
        ("도쿄", "Asia/Tokyo"),
        ("मुंबई", "Asia/Kolkata"),
        ("القاهرة", "Africa/Cairo"),
        ("Germany", "Europe/Berlin"),
        ("Ukraine", "Europe/Kyiv"),
        ("UK", "Europe/London"),
        ("India", "Asia/Kolkata"),
        ("China", "Asia/Shanghai"),
        ("Spain", "Europe/Madrid"),  # the capital's zone: most Spaniards are not on the Canaries
        ("Poland", "Europe/Warsaw"),
        ("Texas", "America/Chicago"),  # most Texans are not on El Paso's Denver time
        ("Portland, Oregon", "America/Los_Angeles"),
        ("Portland, ME", "America/New_York"),  # a small city: its state's clock
        ("Springfield, Missouri", "America/Chicago"),
        ("Atlanta, Georgia", "America/New_York"),  # the state, not the country
        ("Tbilisi, Georgia", "Asia/Tbilisi"),
        ("Paris, Texas", "America/Chicago"),
        ("washington d.c.", "America/New_York"),
    ],
)
def test_cities_and_countries_name_their_zone(text, zone):
    assert parse_zone(text) == zone


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("中国", "Asia/Shanghai"),  # its own name, as its cities' own names are read
        ("日本", "Asia/Tokyo"),
        ("대한민국", "Asia/Seoul"),
        ("भारत", "Asia/Kolkata"),
        ("مصر", "Africa/Cairo"),
        ("ישראל", "Asia/Jerusalem"),
        ("Ελλάδα", "Europe/Athens"),
        ("Magyarország", "Europe/Budapest"),  # its own name in Latin letters too
        ("Япония", "Asia/Tokyo"),  # a widely used language's name for another country
        ("اليابان", "Asia/Tokyo"),
        ("Германия", "Europe/Berlin"),
        ("北京, 中国", "Asia/Shanghai"),  # a city and its country
    ],
)
def test_countries_are_read_in_their_own_and_other_scripts(text, zone):
    assert parse_zone(text) == zone


def test_a_countrys_name_in_another_language_never_takes_a_citys_or_a_regions():
    """The names CLDR gives countries are added only where no city, region or other country goes by them
    (bench/make_zone_places.py): what read as a city before still does. The names shared are English ones
    the list always had (Mexico the country and the city, Georgia the country and the state)."""
    from briefing.place_zones import place_table

    places = place_table()
    clash = sorted(k for k in places.countries if k in places.other_names or k in places.regions)
    assert clash == ["benin", "georgia", "guatemala", "hong kong", "macao", "mexico", "paraguay"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("US", "United States spans several timezones; name your city, or one of: America/New_York"),
        ("Russia", r"Russia spans several timezones; name your city, or one of: Europe/Moscow \(Moscow\)"),
        ("Springfield", "There is more than one “Springfield”; say which timezone: America/Chicago"),
    ],
)
def test_a_place_of_several_zones_asks_which(text, message):
    with pytest.raises(SettingError, match=message):
        parse_zone(text)


@pytest.mark.parametrize("text", ["Delhi", "China", "Portland", "ET", "Tomorrow", "Texas"])
def test_no_far_fetched_suggestion(text):
    try:
        parse_zone(text)
    except SettingError as exc:
        assert "Did you mean" not in str(exc)


def test_a_suggestion_is_only_for_a_close_spelling():
    with pytest.raises(SettingError) as exc:
        parse_zone("Narnia")
    assert "Did you mean" not in str(exc.value)
    with pytest.raises(SettingError, match=r"Did you mean Frankfurt am Main \(Europe/Berlin\)"):
        parse_zone("Frankfurt am Mein")


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("São Paulo", "America/Sao_Paulo"),
        ("sao paulo", "America/Sao_Paulo"),
        ("SÃO PAULO", "America/Sao_Paulo"),
        ("Port-au-Prince", "America/Port-au-Prince"),
        ("port au prince", "America/Port-au-Prince"),
    ],
)
def test_a_city_matches_with_or_without_accents(text, zone):
    assert parse_zone(text) == zone


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("buenos aires", "America/Argentina/Buenos_Aires"),  # not ambiguous with America/Buenos_Aires
        ("Indianapolis", "America/Indiana/Indianapolis"),
        ("Istanbul", "Europe/Istanbul"),  # Asia/Istanbul is a link to it
    ],
)
def test_a_city_with_old_names_is_one_zone_under_its_current_name(text, zone):
    assert parse_zone(text) == zone


@pytest.mark.parametrize("text", ["West", "north", "Center"])
def test_a_compass_point_is_no_city_though_old_zone_names_end_in_one(text):
    with pytest.raises(SettingError) as exc:
        parse_zone(text)  # Brazil/West, Australia/North, America/North_Dakota/Center
    assert "is not a timezone I know" in str(exc.value) and "Did you mean" not in str(exc.value)


def test_two_zones_at_once_are_refused_as_such():
    with pytest.raises(SettingError, match="That is 2 timezones, Europe/Kyiv and Europe/London: pick one"):
        parse_zone("Europe/Kyiv Europe/London")
    with pytest.raises(SettingError, match="That is 2 timezones"):
        parse_zone("Kyiv London")
    with pytest.raises(SettingError, match="That is 2 timezones, Etc/GMT-3 and Europe/Kyiv"):
        parse_zone("UTC+3 Kyiv")


def test_without_iana_s_link_table_a_city_s_zones_are_still_one(monkeypatch):
    from briefing import place_zones

    monkeypatch.setattr(place_zones, "_tzdata_text", lambda: "")
    for cached in (place_zones._links, place_zones.city_zones):
        cached.cache_clear()
    try:
        assert parse_zone("buenos aires") == "America/Argentina/Buenos_Aires"
    finally:
        monkeypatch.undo()
        for cached in (place_zones._links, place_zones.city_zones):
            cached.cache_clear()
    assert parse_zone("Istanbul") == "Europe/Istanbul"


def _package_tzdata(name: str) -> str:
    from importlib import resources

    return (resources.files("tzdata.zoneinfo") / name).read_text(encoding="utf-8")


def test_a_country_s_zone_keeps_its_name_where_iana_makes_it_a_link(monkeypatch):
    """The tzdata package links Europe/Oslo to Europe/Berlin (a system's database may be built with them
    apart): either way a user of Oslo reads Europe/Oslo, and an old name is still renamed."""
    from briefing import place_zones

    monkeypatch.setattr(place_zones, "_tzdata_file", _package_tzdata)
    caches = (place_zones._links, place_zones.city_zones, place_zones._country_zones)
    for cached in caches:
        cached.cache_clear()
    try:
        assert place_zones._links()["Europe/Oslo"] == "Europe/Berlin"  # what this test is about
        for name in ("Europe/Oslo", "Europe/Amsterdam", "Asia/Kuwait", "Europe/Zagreb", "Asia/Kuala_Lumpur"):
            assert place_zones.canonical(name) == name and parse_zone(name.lower()) == name
        assert parse_zone("Oslo") == "Europe/Oslo" and parse_zone("Stockholm") == "Europe/Stockholm"
        assert (
            place_zones.canonical("Europe/Kiev") == "Europe/Kyiv"
            and parse_zone("Europe/Kiev") == "Europe/Kyiv"
        )
        assert parse_zone("Asia/Calcutta") == "Asia/Kolkata"
        assert parse_zone("US/Eastern") == "America/New_York"
        assert parse_zone("buenos aires") == "America/Argentina/Buenos_Aires"
    finally:
        monkeypatch.undo()
        for cached in caches:
            cached.cache_clear()


def test_an_old_zone_name_that_is_a_region_gives_way_to_the_place_list():
    """Australia/Victoria is an old name of Melbourne's zone, but "Victoria" is also the capital of
    British Columbia (and an old name of Hong Kong): asked, not Melbourne in silence."""
    with pytest.raises(SettingError, match="There is more than one “Victoria”") as exc:
        read_zone("Victoria")
    assert "Australia/Melbourne (Victoria, Australia)" in str(exc.value)
    assert "America/Vancouver (Victoria, British Columbia)" in str(exc.value)
    assert parse_zone("Victoria, BC") == "America/Vancouver"
    assert parse_zone("Victoria, Australia") == "Australia/Melbourne"
    assert parse_zone("Samoa") == "Pacific/Apia"  # the country, not Pacific/Samoa, American Samoa's
    assert parse_zone("Pacific/Samoa") == "Pacific/Pago_Pago"  # typed as a zone name, it is that zone
    assert parse_zone("NSW") == "Australia/Sydney" and parse_zone("Calcutta") == "Asia/Kolkata"


def test_the_place_list_is_small_and_credits_geonames():
    from briefing.gazetteer import SEEDS

    path = SEEDS / "place_zones.toml"
    assert path.stat().st_size < 500_000
    assert "GeoNames (CC-BY 4.0, https://www.geonames.org/)" in path.read_text(encoding="utf-8")[:600]


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Berlin for me", "Europe/Berlin"),  # "me" is a word here, not Maine
        ("Berlin, DE", "Europe/Berlin"),  # DE is Germany, which holds Berlin, before Delaware
        ("Munich, DE", "Europe/Berlin"),
        ("Mumbai, IN", "Asia/Kolkata"),  # India, not Indiana
        ("Portland, ME", "America/New_York"),  # set off by a comma, ME is Maine
        ("Chisinau, MD", "Europe/Chisinau"),  # Moldova by its common name, not Maryland
        ("Seoul, KR", "Asia/Seoul"),
    ],
)
def test_a_word_or_a_code_after_a_city_names_its_region_only_when_it_holds_the_city(typed, zone):
    found = read_zone(typed)
    assert found is not None and found[0] == zone


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Amsterdam, NL", "Europe/Amsterdam"),  # was Europe/Brussels, where IANA links Amsterdam's zone
        ("Amsterdam", "Europe/Amsterdam"),
        ("Netherlands", "Europe/Amsterdam"),
        ("Oslo, NO", "Europe/Oslo"),  # was Europe/Berlin
        ("Oslo", "Europe/Oslo"),
        ("Norway", "Europe/Oslo"),
        ("Bergen, Norway", "Europe/Oslo"),  # a city of no zone's name: its country's
        ("Hanoi", "Asia/Ho_Chi_Minh"),  # was Asia/Bangkok, GeoNames' zone for Hanoi
        ("Hanoi, VN", "Asia/Ho_Chi_Minh"),
        ("Hanoi, Vietnam", "Asia/Ho_Chi_Minh"),
        ("Stockholm, Sweden", "Europe/Stockholm"),
        ("Copenhagen", "Europe/Copenhagen"),
        ("Sarajevo", "Europe/Sarajevo"),
        ("Zagreb, HR", "Europe/Zagreb"),
        ("Split", "Europe/Zagreb"),
        ("Kuwait", "Asia/Kuwait"),
        ("Reykjavik", "Atlantic/Reykjavik"),
        ("Kuala Lumpur", "Asia/Kuala_Lumpur"),
        ("Johor Bahru", "Asia/Kuala_Lumpur"),  # not Singapore's, across the strait
        ("Frankfurt", "Europe/Berlin"),
        ("Canberra", "Australia/Sydney"),  # Australia/Canberra is an old name, not zone.tab's
        ("Pristina", "Europe/Belgrade"),  # zone.tab has no Kosovo: GeoNames' zone
    ],
)
def test_a_city_or_country_is_shown_a_zone_of_its_own_country_named_after_it_if_one_is(typed, zone):
    found = read_zone(typed)
    assert found == (zone, "")


def test_the_reversed_sign_note_suggests_only_an_offset_some_clock_keeps():
    now = datetime(2025, 1, 10, tzinfo=UTC)
    far = zone_note("Etc/GMT-14", now, typed="Etc/GMT-14")
    assert far is not None and "sign reversed" in far and "/settings tz" not in far  # no UTC-14:00
    near = zone_note("Etc/GMT+5", now, typed="Etc/GMT+5")
    assert near is not None and near.endswith("send /settings tz UTC+05:00.")


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Hanoi, VN", "Asia/Ho_Chi_Minh"),  # Viet Nam's zone; GeoNames gives Hanoi Thailand's Asia/Bangkok
        ("Haiphong VN", "Asia/Ho_Chi_Minh"),
        ("Ho Chi Minh City, VN", "Asia/Ho_Chi_Minh"),
        ("Kinshasa, CD", "Africa/Kinshasa"),  # pycountry: "Congo, The Democratic Republic of the"
        ("Busan, KR", "Asia/Seoul"),
        ("Moscow, RU", "Europe/Moscow"),
        ("Tehran, IR", "Asia/Tehran"),
        ("Dar es Salaam, TZ", "Africa/Dar_es_Salaam"),
        ("La Paz, BO", "America/La_Paz"),
        ("Damascus, SY", "Asia/Damascus"),
        ("Vientiane, LA", "Asia/Vientiane"),  # Laos, not Louisiana
        ("Chisinau, MD", "Europe/Chisinau"),
    ],
)
def test_a_country_code_after_a_city_whatever_iso_calls_the_country(typed, zone):
    found = read_zone(typed)
    assert found is not None and found[0] == zone


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Perth, WA", "Australia/Perth"),  # Western Australia holds Perth, Washington does not
        ("Seattle, WA", "America/Los_Angeles"),
        ("Vancouver, WA", "America/Los_Angeles"),
        ("Vancouver, BC", "America/Vancouver"),
        ("London, Ontario", "America/Toronto"),
        ("London, ON", "America/Toronto"),
        ("Halifax, NS", "America/Halifax"),
        ("Melbourne, VIC", "Australia/Melbourne"),
        ("Brisbane QLD", "Australia/Brisbane"),
        ("Perth, Western Australia", "Australia/Perth"),  # not "Perth Western" in Australia
        ("Darwin, NT", "Australia/Darwin"),
        ("Yellowknife, NT", "America/Edmonton"),
        ("St. John's, NL", "America/St_Johns"),
        ("Canberra, ACT", "Australia/Sydney"),
        ("Hobart TAS", "Australia/Hobart"),
        ("Iqaluit, NU", "America/Iqaluit"),
        ("Charlottetown, PE", "America/Halifax"),  # a small city: its province's clock
        ("Lima, PE", "America/Lima"),  # Peru, which holds Lima, before Prince Edward Island
        ("Saskatoon, SK", "America/Regina"),
        ("Bratislava, SK", "Europe/Bratislava"),
        ("Adelaide, SA", "Australia/Adelaide"),
        ("Riyadh, SA", "Asia/Riyadh"),
        ("Pyongyang, North Korea", "Asia/Pyongyang"),  # the longest tail: not "Korea", the South
    ],
)
def test_a_city_with_its_canadian_or_australian_province(typed, zone):
    found = read_zone(typed)
    assert found is not None and found[0] == zone


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Queensland", "Australia/Brisbane"),
        ("British Columbia", "America/Vancouver"),  # Dawson Creek and Fort Nelson are small
        ("Quebec", "America/Toronto"),
        ("Alberta", "America/Edmonton"),
        ("Nova Scotia", "America/Halifax"),
        ("Tasmania", "Australia/Hobart"),
        ("Newfoundland", "America/St_Johns"),
        ("Western Australia", "Australia/Perth"),
    ],
)
def test_a_province_or_australian_state_alone_is_its_zone(typed, zone):
    assert parse_zone(typed) == zone


def test_a_province_named_like_a_smaller_city_is_the_province_and_says_so():
    zone, note = read_zone("Ontario") or ("", "")
    assert zone == "America/Toronto"
    assert "Ontario, California (America/Los_Angeles)" in note


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Nunavut", "Nunavut spans several timezones; name your city, or one of: America/Iqaluit"),
        ("WA", r"There is more than one “WA”; say which timezone: America/Los_Angeles \(Washington, United"
         r" States\) or Australia/Perth \(Western Australia, Australia\)"),
        ("NT", "America/Edmonton .Northwest Territories, Canada. or Australia/Darwin .Northern Territory"),
        ("Springfield, WA", "“Springfield, WA”: no Springfield is known in either WA; say which timezone"),
        ("Macon, Georgia", r"no Macon is known in either Georgia; say which timezone: Asia/Tbilisi"
         r" \(Georgia\) or America/New_York \(Georgia, United States\)"),
    ],
)  # fmt: skip
def test_a_region_of_several_zones_or_an_abbreviation_of_several_regions_asks_which(typed, message):
    with pytest.raises(SettingError, match=message):
        read_zone(typed)


@pytest.mark.parametrize(
    ("typed", "zone", "note"),
    [
        ("Berlin ok", "Europe/Berlin", "for the clock of Oklahoma, send “Berlin, OK”"),  # was Chicago
        ("Paris TX", "Europe/Paris", "for the clock of Texas, send “Paris, TX”"),
        ("Kyiv WA", "Europe/Kyiv", "for the clock of Washington or Western Australia, send “Kyiv, WA”"),
        ("Berlin pls", "Europe/Berlin", ""),
        ("Paris, TX", "America/Chicago", ""),  # set off by a comma: Texas, a Paris it does not list
        ("Perth WA", "Australia/Perth", ""),  # the region holds the city
        ("Seattle WA", "America/Los_Angeles", ""),
        ("Springfield ok", "America/Chicago", ""),  # no one Springfield alone: Oklahoma's clock
    ],
)
def test_a_two_letter_abbreviation_without_a_comma_does_not_move_a_city_known_elsewhere(typed, zone, note):
    found = read_zone(typed)
    assert found is not None and found[0] == zone and note in found[1]
    assert note or not found[1]


def test_a_country_that_shares_its_name_with_a_us_state_says_so():
    assert read_zone("Georgia", now=WINTER) == (
        "Asia/Tbilisi",
        "“Georgia” is taken as the country; for Georgia, United States, send America/New_York.",
    )
    assert read_zone("Ukraine", now=WINTER) == ("Europe/Kyiv", "")


def test_a_close_old_and_new_name_are_suggested_once():
    """ "Europe/Kyev" is close to Europe/Kiev and Europe/Kyiv, one zone: suggested once (QA12b F3)."""
    with pytest.raises(SettingError) as exc:
        parse_zone("Europe/Kyev")
    assert str(exc.value).endswith(" Did you mean Europe/Kyiv?")


def test_an_area_city_name_typed_with_spaces_is_taken():
    """ "America/New York" is America/New_York, not a question (QA12b F9)."""
    assert parse_zone("America/New York") == "America/New_York"
    assert parse_zone("america / los angeles") == "America/Los_Angeles"


NOVEMBER = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Chatham Islands", "Pacific/Chatham"),
        ("Lord Howe Island", "Australia/Lord_Howe"),
        ("chatham island", "Pacific/Chatham"),
        ("Kuwait City", "Asia/Kuwait"),
        ("Faroe Islands", "Atlantic/Faroe"),  # a name with the word kept where the place list has it
        ("Marshall Islands", "Pacific/Majuro"),
    ],
)
def test_a_place_named_with_a_generic_word_is_that_place(text, zone):
    """QA20c F9: "Chatham" and "Lord Howe" alone were read, "Chatham Islands" and "Lord Howe Island"
    refused; "Islands", "Island", "City" say what kind of place it is, not which."""
    assert parse_zone(text, now=NOVEMBER) == zone


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("CHADT", "Pacific/Chatham"),  # Chatham's summer time, which IANA writes "+1345"; not Chad
        ("CHAST", "Pacific/Chatham"),
        ("LHDT", "Australia/Lord_Howe"),  # Lord Howe's initials
        ("WIB", "Asia/Jakarta"),  # an abbreviation IANA's database uses
    ],
)
def test_an_abbreviation_not_taken_suggests_the_zones_of_that_abbreviation(text, suggested):
    with pytest.raises(SettingError) as exc:
        parse_zone(text, now=NOVEMBER)
    hint = str(exc.value).partition("Did you mean")[2]
    assert suggested in hint and "Chad" not in hint and "Ndjamena" not in hint


def test_a_summer_abbreviation_suggests_only_zones_with_summer_time():
    with pytest.raises(SettingError) as exc:
        parse_zone("CHADT", now=NOVEMBER)
    assert "Chagos" not in str(exc.value)  # Chagos starts so too, but keeps one clock all year


@pytest.mark.parametrize("text", ["NZDT", "AEDT", "nzdt"])
def test_the_abbreviations_taken_stay_taken(text):
    assert parse_zone(text, now=NOVEMBER) in {"Pacific/Auckland", "Australia/Sydney"}
