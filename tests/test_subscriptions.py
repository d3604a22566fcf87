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
    ("text", "expected"), [("7:30", time(7, 30)), ("07:30", time(7, 30)), ("23.59", time(23, 59))]
)
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "7:60", "7", "noon", "07:3"])
def test_a_bad_time_says_how_to_write_one(text):
    with pytest.raises(SettingError, match=r"not a time of day; write it as HH:MM"):
        parse_time(text)


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
    ("words", "zone"),
    [("Kyiv", "Europe/Kyiv"), ("tokyo", "Asia/Tokyo"), ("New York", "America/New_York"), ("EST", "EST")],
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
    await answer(app, "/settings time 21:00", ALICE)
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
