"""/subscribe, /unsubscribe and /settings as use cases, answered directly (no Telegram)."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from briefing.render import to_html
from briefing.service.commands import Asker, answer, load_all
from briefing.service.subscriptions import SettingError, parse_length, parse_subscribe_args, parse_time
from briefing.zones import parse_zone
from store import subscribers
from tests.conftest import NOW
from tests.digestkit import digest_received

ALICE = Asker(chat_id=1001, user_id=1001)
GROUP = Asker(chat_id=-4001, user_id=1001, chat_type="group")
BOB = Asker(chat_id=77, user_id=77)
load_all()


@pytest.mark.parametrize(
    ("text", "expected"), [("7:30", time(7, 30)), ("07:30", time(7, 30)), ("7pm", time(19, 0))]
)
def test_parse_time(text, expected):
    assert parse_time(text) == expected  # the forms are in test_zones.py


def test_zones_match_case_insensitively():
    assert parse_zone("europe/kyiv") == "Europe/Kyiv"
    assert parse_zone("UTC") == "UTC"


def test_an_unknown_zone_suggests_close_ones():
    with pytest.raises(SettingError, match="Did you mean Europe/Berlin"):
        parse_zone("Europe/Berln")
    with pytest.raises(SettingError, match="not a timezone I know"):
        parse_zone("Mars/Olympus")


def test_subscribe_arguments_come_in_either_order():
    assert parse_subscribe_args("Asia/Tokyo 6:00") == (time(6, 0), "Asia/Tokyo")
    assert parse_subscribe_args("8 中国") == (time(8, 0), "Asia/Shanghai")  # a country in its own script
    assert parse_subscribe_args("") == (None, None)
    assert parse_subscribe_args("08:00 tomorrow") == (time(8, 0), None)  # a digest comes every day (qa29a F5)
    with pytest.raises(SettingError, match="“Wakanda” is not a timezone I know"):
        parse_subscribe_args("08:00 Wakanda")
    with pytest.raises(SettingError, match="That is 2 times, 07:30 and 8:30: pick one"):
        parse_subscribe_args("07:30 8:30")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("7pm", (time(19, 0), None)),
        ("7 pm Kyiv", (time(19, 0), "Europe/Kyiv")),
        ("7:30 a.m. New York", (time(7, 30), "America/New_York")),
        ("Tokyo 19h30", (time(19, 30), "Asia/Tokyo")),
        ("0830 UTC+3", (time(8, 30), "Etc/GMT-3")),
        ("8 São Paulo", (time(8, 0), "America/Sao_Paulo")),
        ("07:30, Kyiv", (time(7, 30), "Europe/Kyiv")),
    ],
)
def test_subscribe_arguments_in_the_forms_people_write(args, expected):
    assert parse_subscribe_args(args) == expected


@pytest.mark.parametrize(
    ("words", "zone"),
    [
        ("Kyiv", "Europe/Kyiv"),
        ("tokyo", "Asia/Tokyo"),
        ("New York", "America/New_York"),
        ("EST", "America/New_York"),
        ("buenos aires", "America/Argentina/Buenos_Aires"),
    ],
)
def test_a_city_or_an_abbreviation_names_its_zone(words, zone):
    assert parse_subscribe_args(f"07:30 {words}") == (time(7, 30), zone)


def test_a_misspelt_city_suggests_its_zone():
    with pytest.raises(SettingError, match="Did you mean Asia/Tokyo"):
        parse_zone("Tokyoo")
    with pytest.raises(SettingError, match=r"Did you mean Delhi \(Asia/Kolkata\)\?"):
        parse_zone("Delhii")
    with pytest.raises(SettingError, match=r"Did you mean Europe/Kyiv\?"):
        parse_zone("Kiyv")  # two letters swapped


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("at 7pm in Kyiv", (time(19, 0), "Europe/Kyiv")),
        ("at 7pm", (time(19, 0), None)),
        ("7pm in Kyiv", (time(19, 0), "Europe/Kyiv")),
        ("7pm Kyiv please", (time(19, 0), "Europe/Kyiv")),
        ("every day at 8 my time zone is Kyiv", (time(8, 0), "Europe/Kyiv")),
        ("daily at 7:30 for New York time", (time(7, 30), "America/New_York")),
        ("Kyiv time, 7 am please", (time(7, 0), "Europe/Kyiv")),
        ("every evening at 7 in Kyiv", (time(19, 0), "Europe/Kyiv")),
        ("every evening at 19:00", (time(19, 0), None)),
        ("every evening at 7:30", (time(19, 30), None)),
        ("07:30 in the evening", (time(7, 30), None)),  # a 24-hour time is taken as written
        ("7 in the morning", (time(7, 0), None)),
        ("12 at night", (time(0, 0), None)),
        ("1 at night", (time(1, 0), None)),
        ("10 at night", (time(22, 0), None)),
        ("3 in the afternoon", (time(15, 0), None)),
        ("12 in the afternoon", (time(12, 0), None)),
        ("8 Kyiv Kyiv", (time(8, 0), "Europe/Kyiv")),
        ("12 noon Kyiv", (time(12, 0), "Europe/Kyiv")),
        ("19:30:00", (time(19, 30), None)),
        ("0830h", (time(8, 30), None)),
    ],
)
def test_words_around_the_time_and_the_place_are_passed_over(args, expected):
    assert parse_subscribe_args(args) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ("7pm 8pm", "That is 2 times, 7pm and 8pm: pick one, e.g. /subscribe 7pm"),
        ("7pm UTC+3 Kyiv", "That is 2 timezones, Etc/GMT-3 and Europe/Kyiv: pick one"),
        ("7pm Kyiv London", "That is 2 timezones, Europe/Kyiv and Europe/London: pick one"),
        ("7pm in Kyiv or in London", "That is 2 timezones, Europe/Kyiv and Europe/London: pick one"),
        ("at 7pm in Kyvi", "“Kyvi” is not a timezone I know"),  # only the words typed together
        ("at 7pm in Atlantis please", "“Atlantis” is not a timezone I know"),
        ("every evening", "Say at what time in the evening, e.g. /subscribe 7pm"),
    ],
)
def test_a_refusal_says_what_is_wrong_and_quotes_only_adjacent_words(args, message):
    with pytest.raises(SettingError) as exc:
        parse_subscribe_args(args)
    assert message in str(exc.value)
    assert "at in" not in str(exc.value)


def test_length_is_one_to_ten():
    assert parse_length("8") == 8
    for bad in ("0", "11", "five", "³", "stories", "3 4 stories"):
        with pytest.raises(SettingError):
            parse_length(bad)


async def test_length_may_be_written_as_the_buttons_write_it(app):
    await answer(app, "/subscribe 06:15 UTC", ALICE)
    reply = await answer(app, "/settings length 3 stories", ALICE)
    assert "Saved." in reply.document.text
    assert subscribers.get_subscriber(app.db, 1001).length == 3
    await answer(app, "/settings length 1 Story", ALICE)
    assert subscribers.get_subscriber(app.db, 1001).length == 1


async def test_subscribe_uses_the_defaults(app):
    reply = await answer(app, "/subscribe", ALICE)
    sub = subscribers.get_subscriber(app.db, 1001)
    assert sub.digest_time == time(8, 0) and sub.timezone == "UTC" and sub.length == 5
    assert "Subscribed." in reply.document.text


@pytest.mark.parametrize(
    ("args", "length", "at", "zone"),
    [
        ("7pm Kyiv 5 stories", 5, time(19, 0), "Europe/Kyiv"),
        ("7pm 3 stories", 3, time(19, 0), "UTC"),
        ("7pm Kyiv length 3", 3, time(19, 0), "Europe/Kyiv"),
        ("1 story at 8am", 1, time(8, 0), "UTC"),
    ],
)
async def test_a_length_typed_with_the_time_is_the_digest_length(app, args, length, at, zone):
    """Not a second time ("That is 2 times, 7pm and 5") nor a timezone "stories"."""
    reply = await answer(app, f"/subscribe {args}", ALICE)
    sub = subscribers.get_subscriber(app.db, 1001)
    assert (sub.length, sub.digest_time, sub.timezone) == (length, at, zone)
    assert f"Length: {length} {'story' if length == 1 else 'stories'}" in reply.document.text


async def test_a_length_out_of_range_in_subscribe_is_refused_and_nothing_subscribed(app):
    reply = await answer(app, "/subscribe 7pm 50 stories", ALICE)
    assert reply.document.text == "The digest length is a number of stories from 1 to 10, e.g. 5."
    assert subscribers.get_subscriber(app.db, 1001) is None


async def test_the_confirmation_shows_the_zone_s_offset(app):
    reply = await answer(app, "/subscribe 7pm Kyiv", ALICE)
    assert "Digest time: 19:00" in reply.document.text
    assert "Timezone: Europe/Kyiv (UTC+02:00 now)" in reply.document.text  # NOW is in January
    reply = await answer(app, "/subscribe 08:00 UTC+3", ALICE)
    assert "Timezone: UTC+03:00 (Etc/GMT-3)" in reply.document.text
    assert subscribers.get_subscriber(app.db, 1001).timezone == "Etc/GMT-3"


async def test_an_etc_name_typed_is_confirmed_with_its_real_offset(app):
    reply = await answer(app, "/subscribe 08:00 Etc/GMT+5", ALICE)
    assert "Timezone: UTC-05:00 (Etc/GMT+5)" in reply.document.text
    assert "Etc/GMT+5 is UTC-05:00: IANA's Etc/GMT names have the sign reversed." in reply.document.text
    reply = await answer(app, "/settings tz UTC+05:00", ALICE)
    assert "Timezone: UTC+05:00 (Etc/GMT-5)" in reply.document.text and "reversed" not in reply.document.text


async def test_an_abbreviation_is_its_region_s_clock_with_a_note_out_of_season(app):
    reply = await answer(app, "/subscribe EST", ALICE)  # NOW is in January: EST is in effect
    assert "Timezone: America/New_York (UTC-05:00 now)" in reply.document.text
    assert "not in effect" not in reply.document.text
    reply = await answer(app, "/subscribe 8 PDT", ALICE)
    assert "Timezone: America/Los_Angeles (UTC-08:00 now)" in reply.document.text
    assert "PDT is not in effect now: the clock in Los Angeles is on UTC-08:00 until 9 March, then" in (
        reply.document.text
    )
    assert "for UTC-07:00 all year, send /settings tz UTC-07:00." in reply.document.text


async def test_a_legacy_zone_name_is_stored_under_its_current_name(app):
    await answer(app, "/subscribe 12:00 UTC", ALICE)
    reply = await answer(app, "/settings tz Europe/Kiev", ALICE)
    assert subscribers.get_subscriber(app.db, 1001).timezone == "Europe/Kyiv"
    assert "✓ Europe/Kyiv" in [b.label for row in reply.buttons for b in row]


async def test_a_country_s_own_zone_is_stored_as_typed_and_the_buttons_compare_with_it(app):
    """Europe/Oslo keeps Europe/Berlin's clock and IANA may make it a link to it; a user of Oslo is shown
    Oslo's name, and the Europe/Berlin button is not ticked for it."""
    reply = await answer(app, "/subscribe 7pm Oslo, NO", ALICE)
    assert "Timezone: Europe/Oslo (UTC+01:00 now)" in reply.document.text
    assert subscribers.get_subscriber(app.db, 1001).timezone == "Europe/Oslo"
    reply = await answer(app, "/settings", ALICE)
    labels = [b.label for row in reply.buttons for b in row]
    assert "Europe/Berlin" in labels and not any(label.startswith("✓ Europe") for label in labels)
    reply = await answer(app, "/settings tz Europe/Berlin", ALICE)  # the button
    assert "✓ Europe/Berlin" in [b.label for row in reply.buttons for b in row]
    await answer(app, "/settings tz europe/oslo", ALICE)
    assert subscribers.get_subscriber(app.db, 1001).timezone == "Europe/Oslo"
    reply = await answer(app, "/settings tz Hanoi", ALICE)
    assert "Timezone: Asia/Ho_Chi_Minh (UTC+07:00)" in reply.document.text


async def test_a_zone_stored_before_under_a_neighbour_s_name_still_works(app):
    """Subscriptions stored as Europe/Brussels for "Amsterdam, NL" keep that name and clock."""
    await answer(app, "/subscribe 12:00 Europe/Brussels", ALICE)
    reply = await answer(app, "/settings", ALICE)
    assert "Timezone: Europe/Brussels (UTC+01:00 now)" in reply.document.text
    assert subscribers.get_subscriber(app.db, 1001).timezone == "Europe/Brussels"


async def test_a_name_that_is_no_place_s_clock_is_refused(app):
    await answer(app, "/subscribe 12:00 UTC", ALICE)
    reply = await answer(app, "/settings tz Factory", ALICE)
    assert "“Factory” is in IANA's database but is no place's clock" in reply.document.text
    assert subscribers.get_subscriber(app.db, 1001).timezone == "UTC"


async def test_a_city_of_several_is_taken_as_the_largest_with_the_choice_shown(app):
    reply = await answer(app, "/subscribe 7pm St. Petersburg", ALICE)
    assert "Timezone: Europe/Moscow (UTC+03:00)" in reply.document.text
    assert (
        "“St. Petersburg” is taken as Saint Petersburg, Russia; there is also St. Petersburg, Florida"
        " (America/New_York): send its zone if you meant it."
    ) in reply.document.text


async def test_settings_shows_the_choice_made_for_a_shared_city_name(app):
    await answer(app, "/subscribe 12:00 UTC", ALICE)
    reply = await answer(app, "/settings tz St. Petersburg", ALICE)
    assert reply.document.text.startswith("Saved. “St. Petersburg” is taken as Saint Petersburg, Russia;")
    assert subscribers.get_subscriber(app.db, 1001).timezone == "Europe/Moscow"


async def test_natural_phrasing_subscribes(app):
    reply = await answer(app, "/subscribe at 7pm in Kyiv", ALICE)
    assert "Digest time: 19:00" in reply.document.text and "Europe/Kyiv" in reply.document.text


async def test_two_zones_are_refused_naming_both(app):
    reply = await answer(app, "/subscribe 07:30 Europe/Kyiv Europe/London", ALICE)
    assert (
        reply.document.text
        == "That is 2 timezones, Europe/Kyiv and Europe/London: pick one, e.g. Europe/Kyiv"
    )
    assert subscribers.get_subscriber(app.db, 1001) is None


async def test_subscribing_again_keeps_what_is_not_given(app):
    await answer(app, "/subscribe 06:15 Asia/Tokyo", ALICE)
    await answer(app, "/settings length 8", ALICE)
    reply = await answer(app, "/subscribe 07:00", ALICE)
    sub = subscribers.get_subscriber(app.db, 1001)
    assert (sub.digest_time, sub.timezone, sub.length) == (time(7, 0), "Asia/Tokyo", 8)
    assert "Subscription updated." in reply.document.text


async def test_subscribing_again_to_the_same_says_nothing_changed(app):
    await answer(app, "/subscribe 08:00 UTC", ALICE)
    reply = await answer(app, "/subscribe 08:00 UTC", ALICE)
    assert "You are subscribed already; nothing changed." in reply.document.text
    assert "updated" not in reply.document.text


async def test_a_group_subscription_records_the_chat_type(app):
    await answer(app, "/subscribe", GROUP)
    assert subscribers.get_subscriber(app.db, -4001).chat_type == "group"


async def test_resubscribing_after_unsubscribing_reactivates(app):
    await answer(app, "/subscribe 09:00", ALICE)
    await answer(app, "/unsubscribe", ALICE)
    assert not subscribers.get_subscriber(app.db, 1001).active
    reply = await answer(app, "/settings", ALICE)
    assert "stopped (send /subscribe to resume)" in reply.document.text
    await answer(app, "/subscribe", ALICE)
    sub = subscribers.get_subscriber(app.db, 1001)
    assert sub.active and sub.digest_time == time(9, 0)


async def test_settings_has_buttons_for_times_lengths_and_zones(app):
    await answer(app, "/subscribe 12:00 Europe/Kyiv", ALICE)
    reply = await answer(app, "/settings", ALICE)
    labels = [b.label for row in reply.buttons for b in row]
    assert (
        "✓ 12:00" in labels
        and "✓ 5 stories" in labels
        and "✓ Europe/Kyiv" in labels
        and "3 stories" in labels
    )
    payloads = [b.payload for row in reply.buttons for b in row]
    assert "/settings length 3" in payloads and "/settings tz Asia/Tokyo" in payloads
    assert "/subscribe 07:30 Europe/Kyiv" in reply.document.text  # for anything the buttons lack


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ("time 25:00", "not a time of day"),
        ("time 13pm", "not a time of day"),
        ("tz Atlantis/Central", "not a timezone I know"),
        ("length 40", "from 1 to 10"),
        ("colour blue", "There is no setting “colour”"),
        ("length", "Length: 5 stories\nChange it with /settings length 5: 1 to 10 stories."),
        ("foo", "There is no setting “foo”"),
    ],
)
async def test_settings_changes_refuse_bad_values_and_keep_the_old_ones(app, args, message):
    await answer(app, "/subscribe 08:00 UTC", ALICE)
    reply = await answer(app, f"/settings {args}", ALICE)
    assert message in reply.document.text
    sub = subscribers.get_subscriber(app.db, 1001)
    assert (sub.digest_time, sub.timezone, sub.length) == (time(8, 0), "UTC", 5)


async def test_settings_change_each_value(app):
    await answer(app, "/subscribe", ALICE)
    await answer(app, "/settings time 9pm", ALICE)
    await answer(app, "/settings tz america/new_york", ALICE)
    reply = await answer(app, "/settings length 3", ALICE)
    sub = subscribers.get_subscriber(app.db, 1001)
    assert (sub.digest_time, sub.timezone, sub.length) == (time(21, 0), "America/New_York", 3)
    assert reply.document.text.startswith("Saved.")


async def test_settings_without_a_subscription_offers_one(app):
    reply = await answer(app, "/settings", ALICE)
    assert "no daily digest yet" in reply.document.text
    assert reply.buttons[0][0].payload == "/subscribe 08:00 UTC"
    assert subscribers.get_subscriber(app.db, 1001) is None


async def test_a_length_set_without_a_subscription_says_nothing_changed_and_how_to_set_it(app):
    reply = await answer(app, "/settings length 3", ALICE)
    assert "no daily digest yet, so there is nothing to change" in reply.document.text
    assert "then send /settings length 3." in reply.document.text  # /subscribe takes no length
    assert reply.buttons[0][0].payload == "/subscribe 08:00 UTC"
    assert subscribers.get_subscriber(app.db, 1001) is None
    reply = await answer(app, "/settings length 30", ALICE)
    assert reply.document.text.startswith("The digest length is a number of stories from 1 to 10")
    assert reply.buttons == ()


async def test_a_time_or_zone_set_without_a_subscription_says_nothing_changed_and_offers_it(app):
    reply = await answer(app, "/settings time 9pm", ALICE)
    assert "no daily digest yet, so there is nothing to change" in reply.document.text
    assert reply.buttons[0][0].payload == "/subscribe 9pm"
    assert subscribers.get_subscriber(app.db, 1001) is None


@pytest.mark.parametrize("name", ["timezone", "zone", "TZ"])
async def test_every_name_of_the_zone_setting_without_a_subscription_sets_the_alerts_zone(app, name):
    """A chat that only follows has a zone of its own for its alerts' quiet hours (QA12b F13); a digest
    in that zone is a button away."""
    reply = await answer(app, f"/settings {name} Kyiv", ALICE)
    assert reply.document.text.startswith("Saved.")
    assert "Timezone: Europe/Kyiv" in reply.document.text
    assert subscribers.chat_alerts(app.db, 1001).timezone == "Europe/Kyiv"
    assert reply.buttons[0][0].payload == "/subscribe Kyiv"
    assert subscribers.get_subscriber(app.db, 1001) is None


@pytest.mark.parametrize(
    ("typed", "why"),
    [("time 25:00", "“25:00” is not a time of day"), ("zone Mars/Base", "“Mars/Base” is not a timezone")],
)
async def test_a_wrong_value_without_a_subscription_is_refused_not_offered_as_a_button(app, typed, why):
    reply = await answer(app, f"/settings {typed}", ALICE)
    assert reply.document.text.startswith(why)
    assert reply.buttons == ()
    assert subscribers.get_subscriber(app.db, 1001) is None


async def test_unsubscribing_says_the_alerts_of_follows_go_on(app):
    await answer(app, "/subscribe", ALICE)
    assert "Alerts" not in (await answer(app, "/unsubscribe", ALICE)).document.text
    await answer(app, "/subscribe", ALICE)
    await answer(app, "/follow ports", ALICE)
    reply = await answer(app, "/unsubscribe", ALICE)
    assert "no more daily digests" in reply.document.text
    assert "Alerts for what you follow still come (/following; /unfollow stops them)." in reply.document.text


async def test_the_settings_say_when_the_next_digest_comes_after_the_gap(app):
    """A time moved later on a day whose digest went a few hours ago is tomorrow's (digests come at least
    8 h apart): the reply says so, or the user waits in vain for a second digest today."""
    await answer(app, "/subscribe 13:00 UTC", ALICE)
    assert "Next digest: today at 13:00" in (await answer(app, "/settings", ALICE)).document.text
    digest_received(app.db, ALICE.chat_id, NOW.replace(hour=11))  # NOW is 12:00 UTC
    text = (await answer(app, "/settings time 13:30", ALICE)).document.text
    assert (
        "Saved." in text
        and (
            "Next digest: tomorrow at 13:30 (digests come at least 8 h apart, and your last one came today at"
            " 11:00)"
        )
        in text
    )
    text = (await answer(app, "/settings time 9:00", ALICE)).document.text
    assert "Next digest: tomorrow at 09:00\n" in text


async def test_a_time_moved_to_earlier_today_is_sent_at_once_and_the_reply_says_so(app):
    """Subscribed for 20:00 long ago, yesterday's digest read: at noon, 08:00 is 4 h late, within the
    late limit (6 h), and 12 h after yesterday's, so the scheduler sends today's at its next tick."""
    long_ago = NOW - timedelta(days=9)
    subscribers.subscribe(app.db, BOB.chat_id, timezone="UTC", digest_time=time(20), now=long_ago)
    digest_received(app.db, BOB.chat_id, NOW - timedelta(hours=16))
    text = (await answer(app, "/settings time 8:00", BOB)).document.text
    assert "Next digest: in a minute (it was due at 08:00)" in text
    text = (await answer(app, "/settings time 5:00", BOB)).document.text  # 7 h late: too late, tomorrow's
    assert "Next digest: tomorrow at 05:00" in text
    await answer(app, "/unsubscribe", ALICE)
    assert "Next digest" not in (await answer(app, "/settings", ALICE)).document.text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("half past 7", time(7, 30)),
        ("quarter past 7 pm", time(19, 15)),
        ("Quarter to 8", time(7, 45)),
        ("at half past 7 in the evening", time(19, 30)),
        ("quarter to 1", time(12, 45)),
        ("half past 7pm", time(19, 30)),
        ("quarter to 7 p.m.", time(18, 45)),
        ("half past midnight", time(0, 30)),
        ("quarter past noon", time(12, 15)),
        ("quarter to midnight", time(23, 45)),
        ("half past seven", time(7, 30)),
        ("half 7", time(7, 30)),  # British: half past
    ],
)
def test_a_spoken_time_is_a_time_not_a_place(args, expected):
    assert parse_subscribe_args(args) == (expected, None)


async def test_a_wrong_time_in_settings_gets_an_example_of_settings(app):
    await answer(app, "/subscribe 8:00 UTC", ALICE)
    text = (await answer(app, "/settings time 25", ALICE)).document.text
    assert text.endswith("e.g. /settings time 07:30")


@pytest.mark.parametrize(
    ("word", "said"),
    [
        ("morning", "in the morning, e.g. /settings time 8am"),
        ("Evening", "in the evening, e.g. /settings time 7pm"),
    ],
)
async def test_a_part_of_the_day_in_settings_is_asked_about_as_subscribe_asks(app, word, said):
    """QA31 F5: "/subscribe morning" asks for a time in the morning, while "/settings time morning" said
    it was no time of day."""
    await answer(app, "/subscribe 8:00 UTC", ALICE)
    text = (await answer(app, f"/settings time {word}", ALICE)).document.text
    assert text.endswith(f"Say at what time {said}")


@pytest.mark.parametrize("place", ["Long Island", "Fire Island", "Island time"])
def test_an_island_the_place_list_lacks_is_no_iceland(place):
    """Icelandic "Ísland" folds to "island": left out of the country names, so the island is refused as
    unknown instead of silently taken for Iceland (UTC+0 for a Long Island user)."""
    with pytest.raises(SettingError, match="is not a timezone I know"):
        parse_subscribe_args(f"8 {place}")


def test_an_island_named_after_its_zone_is_that_zone():
    """ "Easter Island" is the clock IANA calls Pacific/Easter, read as "Easter" (QA20c F9)."""
    assert parse_subscribe_args("8 Easter Island") == (time(8, 0), "Pacific/Easter")


def test_a_country_named_like_an_old_zone_gets_its_own_zone():
    """IANA's old zone "Iceland" links to Africa/Abidjan (the same clock); Iceland's own is Reykjavik's."""
    assert parse_subscribe_args("8 Iceland") == (time(8, 0), "Atlantic/Reykjavik")
    assert parse_subscribe_args("8 Japan") == (time(8, 0), "Asia/Tokyo")


async def test_the_day_before_clocks_go_forward_the_next_digest_is_told_when_it_comes(db, settings):
    """02:30 does not exist in Sydney on 4 October 2026: the digest comes at 03:00, and the reply says so
    (QA12b F4)."""
    from datetime import UTC, datetime

    from briefing.service import App
    from tests.digestkit import Clock

    app = App(db=db, settings=settings, clock=Clock(datetime(2026, 10, 3, 12, 0, tzinfo=UTC)))
    reply = await answer(app, "/subscribe 02:30 Australia/Sydney", ALICE)
    assert "Next digest: tomorrow at 03:00 (02:30 does not exist then: the clocks go forward)" in (
        reply.document.text
    )


async def test_a_chat_with_its_own_zone_is_offered_the_digest_in_that_zone(app):
    """A chat that follows, with its alerts' zone set, is offered what /subscribe will give it."""
    await answer(app, "/follow ports", ALICE)
    await answer(app, "/settings tz Asia/Tokyo", ALICE)
    reply = await answer(app, "/settings length 3", ALICE)
    assert "Subscribe with /subscribe (every day at 08:00 Asia/Tokyo)" in reply.document.text
    assert [b.label for row in reply.buttons for b in row] == ["Subscribe at 08:00 Asia/Tokyo"]
    await answer(app, "/subscribe", ALICE)
    sub = subscribers.get_subscriber(app.db, 1001)
    assert (sub.digest_time, sub.timezone) == (time(8, 0), "Asia/Tokyo")


@pytest.mark.parametrize(
    ("what", "shown"),
    [
        ("quiet", "Alerts: quiet 22:00–07:00 (the default), held until they end"),
        ("time", "Digest time: 08:00\nChange it with /settings time 07:30: any time, such as 7pm or 19:30."),
        ("tz", "Timezone: UTC"),
    ],
)
async def test_a_setting_named_alone_shows_its_value_and_the_forms_it_takes(app, what, shown):
    await answer(app, "/subscribe 08:00 UTC", ALICE)
    text = (await answer(app, f"/settings {what}", ALICE)).document.text
    assert shown in text
    if what == "quiet":
        assert "/settings quiet off for alerts at any hour" in text and "/settings quiet default" in text
    await answer(app, "/settings quiet off", ALICE)
    if what == "quiet":
        again = (await answer(app, "/settings quiet", ALICE)).document.text
        assert "Alerts: at any hour (no quiet hours)" in again


async def test_quiet_named_alone_in_a_chat_that_only_follows_shows_its_quiet_hours(app):
    await answer(app, "/follow ports", ALICE)
    await answer(app, "/settings quiet 23:00-06:00", ALICE)
    text = (await answer(app, "/settings quiet", ALICE)).document.text
    assert text.startswith("Alerts: quiet 23:00–06:00, held until they end")
    assert "/settings quiet off for alerts at any hour" in text
    zone = (await answer(app, "/settings tz", ALICE)).document.text
    assert zone.startswith("Timezone: ") and "(the bot's default)" in zone and "UTC+3" in zone


async def test_settings_with_the_value_already_set_says_nothing_changed(app):
    """As ``/subscribe`` with the same settings does (QA20c F10): "Saved." would suggest a change."""
    await answer(app, "/subscribe 10:30 UTC", ALICE)
    reply = await answer(app, "/settings time 10:30", ALICE)
    assert reply.document.text.startswith("That is the setting already; nothing changed.")
    reply = await answer(app, "/settings time 11:00", ALICE)
    assert reply.document.text.startswith("Saved.")
    reply = await answer(app, "/settings tz UTC", ALICE)
    assert reply.document.text.startswith("That is the setting already; nothing changed.")


async def test_an_alert_setting_already_set_says_nothing_changed(app):
    await answer(app, "/settings tz Kyiv", ALICE)
    reply = await answer(app, "/settings tz Kyiv", ALICE)
    assert reply.document.text.startswith("That is the setting already; nothing changed.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ("morning", "Say at what time in the morning, e.g. /subscribe 8am"),
        ("every morning", "Say at what time in the morning, e.g. /subscribe 8am"),
        ("afternoon", "Say at what time in the afternoon, e.g. /subscribe 3pm"),
        ("8am Monday", "I send one digest every day, at the same time: “Monday” is a choice of days I can't"
         " make. Send /subscribe 8am for every day."),
        ("weekdays", "I send one digest every day, at the same time: “weekdays” is a choice of days I can't"
         " make. Send /subscribe 8am for every day."),
    ],
)  # fmt: skip
async def test_a_part_of_the_day_or_some_days_get_their_own_answer_and_change_nothing(app, args, message):
    """QA29a F4, F5: "morning" was dropped ("nothing changed" at 19:00), "afternoon" was asked "in the
    evening", and "Monday" was "not a timezone I know"."""
    await answer(app, "/subscribe 7pm", ALICE)
    reply = await answer(app, f"/subscribe {args}", ALICE)
    assert reply.document.text == message
    assert "<code>/subscribe " in to_html(reply.document)  # a tap copies the example, sends nothing
    assert subscribers.get_subscriber(app.db, 1001).digest_time == time(19, 0)


@pytest.mark.parametrize(
    ("args", "expected"),
    [("8,30", time(8, 30)), ("8 o clock", time(8, 0)), ("8 30", time(8, 30)), ("8 30pm Berlin", time(20, 30)),
     ("7:30 tomorrow", time(7, 30)), ("9 tomorrow morning", time(9, 0)), ("noon tomorrow", time(12, 0)),
     ("7 45 pm", time(19, 45)), ("8 30 am Berlin", time(8, 30)), ("8 30 p.m., Berlin", time(20, 30))],
)  # fmt: skip
def test_other_ways_of_writing_a_time_are_read(args, expected):
    """QA29a F5: these were "not a timezone I know" (or "2 times, 8 and 30"); QA31 F3: "7 45 pm" was
    "“pm” is not a timezone I know", "8 30 am Berlin" "“am Berlin” is not a timezone I know"."""
    assert parse_subscribe_args(args)[0] == expected


async def test_settings_suggests_a_subscribe_with_a_spaced_time_that_then_subscribes(app):
    """QA31 F3: /settings time 3 30 pm (no digest) suggested /subscribe 3 30 pm, which then refused."""
    await answer(app, "/subscribe 7 45 pm Berlin", ALICE)
    subscriber = subscribers.get_subscriber(app.db, 1001)
    assert (subscriber.digest_time, subscriber.timezone) == (time(19, 45), "Europe/Berlin")


async def test_settings_time_passes_over_a_day_word(app):
    await answer(app, "/subscribe", ALICE)
    await answer(app, "/settings time tomorrow 8,30", ALICE)
    assert subscribers.get_subscriber(app.db, 1001).digest_time == time(8, 30)


async def test_a_refusals_example_is_code_to_copy(app):
    """QA29a F7: "e.g. /subscribe 7pm" as plain text is a link that sends a bare /subscribe."""
    reply = await answer(app, "/subscribe 7pm 8pm", ALICE)
    assert to_html(reply.document).endswith("pick one, e.g. <code>/subscribe 7pm</code>")
    reply = await answer(app, "/settings tz Kyiv London", ALICE)
    assert "/subscribe" not in reply.document.text  # a zone asked for: no example that changes the time
