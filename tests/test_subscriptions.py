"""/subscribe, /unsubscribe and /settings as use cases, answered directly (no Telegram)."""

from __future__ import annotations

from datetime import time

import pytest

from briefing.service.commands import Asker, answer, load_all
from briefing.service.subscriptions import (
    SettingError,
    parse_length,
    parse_subscribe_args,
    parse_time,
    parse_zone,
)
from store import subscribers

ALICE = Asker(chat_id=1001, user_id=1001)
GROUP = Asker(chat_id=-4001, user_id=1001, chat_type="group")
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
    assert parse_subscribe_args("") == (None, None)
    with pytest.raises(SettingError, match="“tomorrow” is not a timezone I know"):
        parse_subscribe_args("08:00 tomorrow")
    with pytest.raises(SettingError, match="I don't understand “8:30”"):
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
        ("EST", "EST"),
        ("buenos aires", "America/Argentina/Buenos_Aires"),
    ],
)
def test_a_city_or_an_abbreviation_names_its_zone(words, zone):
    assert parse_subscribe_args(f"07:30 {words}") == (time(7, 30), zone)


def test_a_misspelt_city_suggests_its_zone():
    with pytest.raises(SettingError, match="Did you mean Asia/Tokyo"):
        parse_zone("Tokio")


def test_length_is_one_to_ten():
    assert parse_length("8") == 8
    for bad in ("0", "11", "five"):
        with pytest.raises(SettingError):
            parse_length(bad)


async def test_subscribe_uses_the_defaults(app):
    reply = await answer(app, "/subscribe", ALICE)
    sub = subscribers.get_subscriber(app.db, 1001)
    assert sub.digest_time == time(8, 0) and sub.timezone == "UTC" and sub.length == 5
    assert "Subscribed." in reply.document.text


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


async def test_est_is_confirmed_with_a_pointer_to_new_york(app):
    reply = await answer(app, "/subscribe EST", ALICE)
    assert "Timezone: EST (UTC-05:00)" in reply.document.text
    assert "without summer time; for the clock in New York send /settings tz America/New_York" in (
        reply.document.text
    )


async def test_two_zones_are_refused_naming_both(app):
    reply = await answer(app, "/subscribe 07:30 Europe/Kyiv Europe/London", ALICE)
    assert reply.document.text == (
        "That is 2 timezones, Europe/Kyiv and Europe/London: pick one, e.g. /subscribe 07:30 Europe/Kyiv"
    )
    assert subscribers.get_subscriber(app.db, 1001) is None


async def test_subscribing_again_keeps_what_is_not_given(app):
    await answer(app, "/subscribe 06:15 Asia/Tokyo", ALICE)
    await answer(app, "/settings length 8", ALICE)
    reply = await answer(app, "/subscribe 07:00", ALICE)
    sub = subscribers.get_subscriber(app.db, 1001)
    assert (sub.digest_time, sub.timezone, sub.length) == (time(7, 0), "Asia/Tokyo", 8)
    assert "Subscription updated." in reply.document.text


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
        ("length", "Say what to set it to, e.g. /settings length 5"),
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
    reply = await answer(app, "/settings length 3", ALICE)
    assert "no daily digest yet" in reply.document.text
    assert reply.buttons[0][0].payload == "/subscribe"
    assert subscribers.get_subscriber(app.db, 1001) is None
