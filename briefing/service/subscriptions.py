"""Subscribing to the daily digest and choosing its time, timezone and length: ``/subscribe``,
``/unsubscribe`` and ``/settings`` (whose buttons send ``/settings time 07:00`` and the like)."""

from __future__ import annotations

from datetime import datetime, time

from briefing.document import Block, bold, code, item, message, para
from briefing.models import Subscriber
from briefing.service import App
from briefing.service.commands import Asker, Button, Reply, command
from briefing.zones import (
    EXAMPLE,
    HALF_DAY_WORDS,
    SettingError,
    describe_zone,
    looks_like_time,
    parse_time,
    parse_zone,
    zone_note,
)
from store import subscribers as subs

TIMES = ("07:00", "08:00", "12:00", "18:00", "21:00")
LENGTHS = (3, 5, 8)
MAX_LENGTH = 10
ZONES = ("UTC", "Europe/London", "Europe/Berlin", "Europe/Kyiv", "America/New_York", "Asia/Tokyo")


def parse_length(text: str) -> int:
    if not text.strip().isdigit() or not 1 <= int(text) <= MAX_LENGTH:
        raise SettingError(f"The digest length is a number of stories from 1 to {MAX_LENGTH}, e.g. 5.")
    return int(text)


def parse_subscribe_args(args: str, *, now: datetime | None = None) -> tuple[time | None, str | None]:
    """The time and the timezone of ``/subscribe [TIME] [ZONE]``, in either order; the time in any form
    ``parse_time`` reads ("7 pm" is one time), the zone a name, a city of one or more words ("New York")
    or an offset ("UTC+3")."""
    when: time | None = None
    place: list[str] = []
    words = args.replace(",", " ").split()  # "07:30, Kyiv"
    while words:
        word = words.pop(0)
        if looks_like_time(word) and words and words[0].lower() in HALF_DAY_WORDS:
            word += words.pop(0)
        if looks_like_time(word) and when is None:
            when = parse_time(word)
        elif looks_like_time(word):
            raise SettingError(f"I don't understand “{word}”. Try {EXAMPLE} (both parts optional).")
        else:
            place.append(word)
    return when, parse_zone(" ".join(place), now=now) if place else None


def _describe(sub: Subscriber, now: datetime, *, typed: str = "") -> list[Block]:
    """The settings as lines; ``typed`` is the zone as the user just wrote it, for a note on it."""
    lines: list[Block] = [
        item("Digest time: ", bold(sub.digest_time.strftime("%H:%M"))),
        item("Timezone: ", bold(describe_zone(sub.timezone, now))),
        item("Length: ", bold(f"{sub.length} stories")),
    ]
    note = zone_note(sub.timezone, now, typed=typed)
    return [*lines, para(note)] if note else lines


def _failed(exc: SettingError) -> Reply:
    return Reply(message(str(exc)))


@command("subscribe", "/subscribe [HH:MM] [Area/City]", "a daily digest at your local time")
async def subscribe_command(app: App, args: str, asker: Asker) -> Reply:
    """Subscribe this chat, or change the time and zone of its subscription."""
    try:
        when, zone = parse_subscribe_args(args, now=app.now())
    except SettingError as exc:
        return _failed(exc)
    old = subs.get_subscriber(app.db, asker.chat_id)
    sub = subs.subscribe(
        app.db,
        asker.chat_id,
        timezone=zone or (old.timezone if old else app.settings.timezone),
        digest_time=when or (old.digest_time if old else parse_time(app.settings.digest_time)),
        length=None if old else app.settings.digest_length,
        chat_type=asker.chat_type,
        now=app.now(),
    )
    again = old is not None and old.active
    return Reply(
        message(
            para(bold("Subscription updated." if again else "Subscribed."), " Your daily digest:"),
            *_describe(sub, app.now(), typed=args if zone else ""),
            para("Change it with ", code("/settings"), "; stop it with ", code("/unsubscribe"), "."),
        )
    )


@command("unsubscribe", "/unsubscribe", "stop the daily digest")
async def unsubscribe_command(app: App, args: str, asker: Asker) -> Reply:
    """Stop the digest for this chat (the settings are kept for a later /subscribe)."""
    sub = subs.get_subscriber(app.db, asker.chat_id)
    if sub is None or not sub.active:
        return Reply(message("This chat is not subscribed, so there is nothing to stop."))
    subs.set_active(app.db, asker.chat_id, False, now=app.now())
    return Reply(message("Unsubscribed: no more daily digests. /subscribe brings them back."))


def _settings_buttons(sub: Subscriber) -> tuple[tuple[Button, ...], ...]:
    current_time = sub.digest_time.strftime("%H:%M")

    def mark(label: str, on: bool) -> str:
        return f"✓ {label}" if on else label

    times = tuple(Button(mark(t, t == current_time), f"/settings time {t}") for t in TIMES)
    lengths = tuple(Button(mark(f"{n} stories", n == sub.length), f"/settings length {n}") for n in LENGTHS)
    zones = [Button(mark(z, z == sub.timezone), f"/settings tz {z}") for z in ZONES]
    return times, lengths, tuple(zones[:3]), tuple(zones[3:])


def _settings_reply(sub: Subscriber, now: datetime, note: str = "", typed: str = "") -> Reply:
    state = "active" if sub.active else "stopped (send /subscribe to resume)"
    lines: list[Block] = [para(bold("Your daily digest"), f" — {state}"), *_describe(sub, now, typed=typed)]
    if note:
        lines.insert(0, para(note))
    lines.append(para("Tap to change, or type ", code(EXAMPLE), " for any other time or zone."))
    return Reply(message(*lines), buttons=_settings_buttons(sub))


SETTING_NAMES = {
    "time": "07:30",
    "tz": "Europe/Kyiv",
    "timezone": "Europe/Kyiv",
    "zone": "Europe/Kyiv",
    "length": "5",
}


def _change(app: App, asker: Asker, what: str, value: str) -> Subscriber | None:
    if what == "time":
        return subs.update_subscriber(app.db, asker.chat_id, digest_time=parse_time(value), now=app.now())
    if what in ("tz", "timezone", "zone"):
        return subs.update_subscriber(
            app.db, asker.chat_id, timezone=parse_zone(value, now=app.now()), now=app.now()
        )
    if what == "length":
        return subs.update_subscriber(app.db, asker.chat_id, length=parse_length(value), now=app.now())
    raise SettingError(f"There is no setting “{what}”: try time, tz or length, e.g. /settings length 5.")


@command("settings", "/settings", "your digest's time, timezone and length, with buttons to change them")
async def settings_command(app: App, args: str, asker: Asker) -> Reply:
    """Show the digest settings; ``/settings time|tz|length VALUE`` changes one."""
    sub = subs.get_subscriber(app.db, asker.chat_id)
    if sub is None:
        default = f"{app.settings.digest_time} {app.settings.timezone}"
        return Reply(
            message(
                para("This chat has no daily digest yet."),
                para(
                    "Subscribe with ",
                    code("/subscribe"),
                    f" (every day at {default}) or ",
                    code(EXAMPLE),
                    ".",
                ),
            ),
            buttons=((Button(f"Subscribe at {default}", "/subscribe"),),),
        )
    words = args.split(maxsplit=1)
    if not words:
        return _settings_reply(sub, app.now())
    if words[0].lower() not in SETTING_NAMES:
        return _failed(
            SettingError(
                f"There is no setting “{words[0]}”: try time, tz or length, e.g. /settings length 5."
            )
        )
    if len(words) < 2:
        return _failed(
            SettingError(
                f"Say what to set it to, e.g. /settings {words[0].lower()} {SETTING_NAMES[words[0].lower()]}"
            )
        )
    try:
        changed = _change(app, asker, words[0].lower(), words[1].strip())
    except SettingError as exc:
        return _failed(exc)
    assert changed is not None
    what = words[0].lower()
    return _settings_reply(
        changed, app.now(), note="Saved.", typed=words[1] if what in ("tz", "timezone", "zone") else ""
    )
