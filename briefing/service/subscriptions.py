"""Subscribing to the daily digest and choosing its time, timezone and length: ``/subscribe``,
``/unsubscribe`` and ``/settings`` (whose buttons send ``/settings time 07:00`` and the like)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from briefing.digest import day_label
from briefing.document import Block, bold, code, item, message, para
from briefing.models import Subscriber
from briefing.place_zones import fold
from briefing.schedule import due_digest, local_date, next_digest, next_due
from briefing.service import App
from briefing.service.alerts import QUIET_EXAMPLE, AlertClock, alert_clock, clock_of, read_quiet
from briefing.service.commands import Asker, Button, Reply, coded, command
from briefing.times_of_day import (
    EVENING_WORDS,
    EXAMPLE,
    HALF_DAY_WORDS,
    PASSED_OVER,
    SettingError,
    looks_like_time,
    parse_time,
    spoken_times,
)
from briefing.zone_offsets import describe_zone, zone_note
from briefing.zones import read_zone, zone_and_note
from store import subscribers as subs
from store.subscribers import follows_of

TIMES = ("07:00", "08:00", "12:00", "18:00", "21:00")
LENGTHS = (3, 5, 8)
MAX_LENGTH = 10
_HALF_DAY_GIVEN = re.compile(r"[ap]\.?m\.?$|^0", re.I)  # "7pm", "07:30": no guessing from "evening"
ZONES = ("UTC", "Europe/London", "Europe/Berlin", "Europe/Kyiv", "America/New_York", "Asia/Tokyo")


_STORIES = re.compile(r"\s*(?:stor(?:y|ies))?\s*$", re.I)


def parse_length(text: str) -> int:
    """A number of stories, alone or as the buttons write it ("3 stories")."""
    number = _STORIES.sub("", text.strip(), count=1)
    if not re.fullmatch(r"[0-9]{1,3}", number) or not 1 <= int(number) <= MAX_LENGTH:
        raise SettingError(f"The digest length is a number of stories from 1 to {MAX_LENGTH}, e.g. 5.")
    return int(number)


# a digest length typed with the time ("/subscribe 7pm Kyiv 5 stories", "... length 3"): /settings length's
_LENGTH_ASKED = re.compile(
    r"(?:^|\s)(?:length\s+(\S+)(?:\s+stor(?:y|ies))?|([0-9]+)\s+stor(?:y|ies))(?=\s|$)", re.I
)


def length_asked(args: str) -> tuple[str, int | None]:
    """The words of ``/subscribe`` other than a digest length, and that length (None if none was given);
    a length out of range is a :class:`SettingError`."""
    found = _LENGTH_ASKED.search(args)
    if found is None:
        return args, None
    length = parse_length(found.group(1) or found.group(2))
    return f"{args[: found.start()]} {args[found.end() :]}".strip(), length


def parse_subscribe_args(args: str, *, now: datetime | None = None) -> tuple[time | None, str | None]:
    """The time and the timezone of ``/subscribe [TIME] [ZONE]``, in either order; the time in any form
    ``parse_time`` reads ("7 pm" and "12 noon" are one time), the zone a name, a city of one or more words
    ("New York") or an offset ("UTC+3"); words such as "at", "in", "daily" or "please" around them are
    passed over ("at 7pm in Kyiv, please")."""
    when, found = read_subscribe_args(args, now=now)
    return when, found[0] if found else None


# "8 o clock", "8 o' clock": the hour, as "8 o'clock" is
_CLOCK_WORDS = re.compile(r"(?<!\S)(\d{1,2})\s+o\s*['’]?\s*clock\b", re.IGNORECASE)
# a two-digit number after an hour: its minutes ("8 30", "8 30pm")
_MINUTES = re.compile(r"([0-5]\d)((?:[ap]\.?m\.?))?", re.IGNORECASE)
# words for the morning, which a digest's time may be asked by ("every morning"): a time is still needed
MORNING_WORDS = frozenset({"morning", "mornings", "breakfast"})
_DAY_PARTS = EVENING_WORDS | MORNING_WORDS
# what to say when a part of the day is named without a time: how to say it, and an example time in it
_DAY_PART_EXAMPLES = {
    "morning": ("in the morning", "8am"), "mornings": ("in the morning", "8am"),
    "breakfast": ("in the morning", "8am"), "afternoon": ("in the afternoon", "3pm"),
    "evening": ("in the evening", "7pm"), "tonight": ("in the evening", "7pm"), "night": ("at night", "10pm"),
}  # fmt: skip
# days of the week, or some days: a digest comes every day, so these are asked for but never done
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
SOME_DAYS = frozenset(
    [
        *_WEEKDAYS,
        *(f"{d}s" for d in _WEEKDAYS),
        *"weekday weekdays weekend weekends workday workdays weekly".split(),
    ]
)


def read_subscribe_args(
    args: str, *, now: datetime | None = None
) -> tuple[time | None, tuple[str, str] | None]:
    """As ``parse_subscribe_args``, with the note on a choice made for the user ("“St. Petersburg” is taken
    as Saint Petersburg, Russia...")."""
    times: list[str] = []
    parts: list[list[str]] = [[]]  # the runs of words between times, each quoted only as typed
    words = _CLOCK_WORDS.sub(r"\1", spoken_times(args)).split()  # "8 o clock" as "8 o'clock" is read
    while words:
        word = words.pop(0)
        bare = word.rstrip(",.;")
        if looks_like_time(bare):
            following = words[0].lower().rstrip(",.;") if words else ""
            if following in HALF_DAY_WORDS or (bare.isdigit() and following in ("noon", "midnight")):
                bare += " " + words.pop(0).rstrip(",.;")
            elif bare.isdigit() and int(bare) <= 23 and (minutes := _MINUTES.fullmatch(following)):
                # "8 30": thirty is no hour, so the minutes of 8 ("8 30pm" too, and "7 45 pm")
                bare = f"{bare}:{minutes.group(1)}{minutes.group(2) or ''}"
                words.pop(0)
                if not minutes.group(2) and words and words[0].lower().rstrip(",.;") in HALF_DAY_WORDS:
                    bare += " " + words.pop(0).rstrip(",.;")
            times.append(bare)
            parts.append([])
        else:
            parts[-1].append(word)
    said = {fold(w).strip(",.;!?") for part in parts for w in part}
    if days := [w for part in parts for w in part if fold(w).strip(",.;!?") in SOME_DAYS]:
        example = f"/subscribe {times[0]}" if len(times) == 1 else "/subscribe 8am"
        raise SettingError(
            f"I send one digest every day, at the same time: “{days[0].strip(',.;!?')}” is a choice of days"
            f" I can't make. Send {example} for every day."
        )
    parts = [[w for w in part if fold(w).strip(",.;!?") not in PASSED_OVER] for part in parts]
    evening = said & EVENING_WORDS
    morning = said & MORNING_WORDS
    kept = [" ".join(w for w in part if fold(w).strip(",.;!") not in _DAY_PARTS) for part in parts]
    if len(times) > 1:
        raise SettingError(
            f"That is {len(times)} times, {' and '.join(times)}: pick one, e.g. /subscribe {times[0]}"
        )
    when = parse_time(times[0]) if times else None
    if when is None and (evening or morning):
        part = min(evening or morning)
        phrase, example = _DAY_PART_EXAMPLES.get(part, ("in the evening", "7pm"))
        raise SettingError(f"Say at what time {phrase}, e.g. /subscribe {example}")
    if when is not None and evening and 1 <= when.hour <= 12 and not _HALF_DAY_GIVEN.search(times[0]):
        night = any(fold(w).strip(",.;!") in ("night", "tonight") for part in parts for w in part)
        # "every evening at 7" is 19:00, "12 at night" 00:00, "1 at night" 01:00
        if (6 <= when.hour < 12) or (when.hour < 6 and not night) or (when.hour == 12 and night):
            when = when.replace(hour=(when.hour + 12) % 24)
    return when, read_zone(*kept, now=now)


def _describe(app: App, sub: Subscriber, *, typed: str = "", chosen: str = "") -> list[Block]:
    """The settings as lines, and when the next digest comes; ``typed`` is the zone as the user just
    wrote it, for a note on it, and ``chosen`` a note on a choice made for them ("“St. Petersburg” is
    taken as...")."""
    now = app.now()
    lines: list[Block] = [_time_line(sub), _zone_line(describe_zone(sub.timezone, now)), _length_line(sub)]
    if sub.active:
        lines.append(item("Next digest: ", bold(_next_digest(app, sub, now))))
    lines.append(_quiet_line(clock_of(app, sub, sub.chat_id)))
    notes = [n for n in (chosen, zone_note(sub.timezone, now, typed=typed)) if n]
    return [*lines, *(para(*coded(n)) for n in notes)]


def _time_line(sub: Subscriber) -> Block:
    return item("Digest time: ", bold(sub.digest_time.strftime("%H:%M")))


def _zone_line(zone: str) -> Block:
    return item("Timezone: ", bold(zone))


def _length_line(sub: Subscriber) -> Block:
    return item("Length: ", bold(f"{sub.length} {'story' if sub.length == 1 else 'stories'}"))


def _quiet_line(clock: AlertClock) -> Block:
    """The quiet hours of the chat's alerts, in its zone ("the bot's default" when not its own)."""
    default = " (the default)" if clock.quiet_is_default else ""
    if clock.window is None:
        return item("Alerts: ", bold("at any hour"), f" (no quiet hours){default}")
    start, end = clock.window
    return item("Alerts: ", bold(f"quiet {start:%H:%M}–{end:%H:%M}"), f"{default}, held until they end")


def _alerts_reply(app: App, chat_id: int, note: str = "", typed: str = "") -> Reply:
    """The alert settings of a chat that follows without a daily digest: its zone and quiet hours."""
    clock, now = alert_clock(app, chat_id), app.now()
    zone = describe_zone(clock.timezone, now) + (" (the bot's default)" if clock.zone_is_default else "")
    lines: list[Block] = [
        para(bold("Your alerts"), " (this chat has no daily digest)"),
        item("Timezone: ", bold(zone)),
        _quiet_line(clock),
    ]
    if note:
        lines.insert(0, para(*coded(note)))
    if typed and (told := zone_note(clock.timezone, now, typed=typed, digest=False)):
        lines.append(para(*coded(told)))
    lines.append(
        para("Change them with ", code("/settings tz Asia/Tokyo"), " or ", code(QUIET_EXAMPLE), " (",
             code("/settings quiet off"), " for alerts at any hour).")
    )  # fmt: skip
    wanted = f"/subscribe {typed[:60]}".strip()  # a digest in the zone just set, if one is wanted
    lines.append(para("For a daily digest too: ", code(wanted), "."))
    return Reply(message(*lines), buttons=((Button(wanted, wanted),),))


def _next_digest(app: App, sub: Subscriber, now: datetime) -> str:
    """When the chat's next digest comes, in its own time, by the scheduler's rules: a digest still due
    (a time moved to earlier today, within the late limit) goes at once; else the next digest time at
    least ``min_gap_hours`` after the last digest, and when a sooner one is passed over the reply says
    why (the user changed the time or the zone and would wait in vain for it)."""
    gap = timedelta(hours=app.settings.min_gap_hours)
    late = due_digest(sub, now, late_limit=timedelta(hours=app.settings.late_limit_hours), min_gap=gap)
    tz = ZoneInfo(sub.timezone)
    if late is not None and not late.expired:  # due when it was: on a spring-forward day, at the jump
        return f"in a minute (it was due at {late.due_at.astimezone(tz):%H:%M})"
    comes = next_digest(sub, now, min_gap=gap)
    told = f"{_day_word(local_date(comes, tz), now, tz)} at {sub.digest_time:%H:%M}"
    local = comes.astimezone(tz)
    if local.time().replace(tzinfo=None) != sub.digest_time.replace(tzinfo=None):  # a spring-forward gap
        told = told.replace(f"at {sub.digest_time:%H:%M}", f"at {local:%H:%M}")
        told += f" ({sub.digest_time:%H:%M} does not exist then: the clocks go forward)"
    if sub.last_digest_at is not None and comes > next_due(sub.digest_time, tz, now):
        last = sub.last_digest_at.astimezone(tz)
        told += (
            f" (digests come at least {app.settings.min_gap_hours} h apart, and your last one came"
            f" {_day_word(last.date(), now, tz)} at {last:%H:%M})"
        )
    return told


def lost_topic_notice(app: App, chat_id: int) -> str:
    """What a forum group is told, once, in General, when the topic its digest or alerts went to was
    closed or deleted: they come to General now, and how to have them in a topic again (the command
    that sets the topic, as ``commands.TOPIC_SETTERS``: /subscribe for a digest, which would start one
    in a group with alerts alone; there /follow of a name it follows)."""
    sub = subs.get_subscriber(app.db, chat_id)
    if sub is not None and sub.active:
        what, move = "digest and alerts", "/subscribe"
    else:
        what, move = "alerts", "/follow with a name this group follows"
    return (
        f"The topic this group's {what} were posted in is closed or was deleted, so they come here, to"
        f" General, from now on. To have them in another topic, an administrator sends {move} in that topic."
    )


def _day_word(day: date, now: datetime, tz: ZoneInfo) -> str:
    """ "today", "yesterday", "tomorrow" or the day's name and date, as seen from ``now`` in ``tz``."""
    offset = (day - local_date(now, tz)).days
    return {-1: "yesterday", 0: "today", 1: "tomorrow"}.get(offset) or day_label(day)


def _failed(exc: SettingError) -> Reply:
    return Reply(message(para(*coded(str(exc)))))


@command("subscribe", "/subscribe [HH:MM] [Area/City]", "a daily digest at your local time", changes="always")
async def subscribe_command(app: App, args: str, asker: Asker) -> Reply:
    """Subscribe this chat, or change the time and zone of its subscription."""
    try:
        args, length = length_asked(args)
        when, found = read_subscribe_args(args, now=app.now())
    except SettingError as exc:
        return _failed(exc)
    zone, chosen = found or (None, "")
    old = subs.get_subscriber(app.db, asker.chat_id)
    if asker.by_button and old is not None and old.active:
        return _subscribed_already(app, old)
    own = subs.chat_alerts(app.db, asker.chat_id).timezone  # set for alerts before there was a digest
    sub = subs.subscribe(
        app.db,
        asker.chat_id,
        timezone=zone or (old.timezone if old else own or app.settings.timezone),
        digest_time=when or (old.digest_time if old else parse_time(app.settings.digest_time)),
        length=length or (None if old else app.settings.digest_length),
        chat_type=asker.chat_type,
        now=app.now(),
    )
    again = old is not None and old.active
    settings = (sub.digest_time, sub.timezone, sub.length)
    if old is not None and again and settings == (old.digest_time, old.timezone, old.length):
        done = "You are subscribed already; nothing changed."
    else:
        done = "Subscription updated." if again else "Subscribed."
    lines = [
        para(bold(done), " Your daily digest:"),
        *_describe(app, sub, typed=args if zone else "", chosen=chosen),
        para("Change it with ", code("/settings"), "; stop it with ", code("/unsubscribe"), "."),
    ]
    if asker.in_terminal:
        lines.append(TERMINAL_DIGEST)
    return Reply(message(*lines))


def _subscribed_already(app: App, sub: Subscriber) -> Reply:
    """A subscribe button pressed in a chat subscribed since it was shown (every such button is offered
    to a chat without a digest): the digest as it is, unchanged. Its message may be days old, and a tap
    on it must not move a digest set to 19:00 Berlin since back to the button's 08:00 UTC."""
    return Reply(
        message(
            para(bold("You are subscribed already; nothing changed."), " Your daily digest:"),
            *_describe(app, sub),
            para(
                "That button was made before you subscribed. Change the digest with ", code("/settings"), "."
            ),
        )
    )


# The terminal chat has no Telegram chat to send to: its digest is for reading on demand.
TERMINAL_DIGEST = para(
    "In the terminal nothing is sent: read this chat's digest with ",
    code("python bot.py digest --chat 0"),
    ".",
)


@command("unsubscribe", "/unsubscribe", "stop the daily digest", changes="always")
async def unsubscribe_command(app: App, args: str, asker: Asker) -> Reply:
    """Stop the digest for this chat (the settings are kept for a later /subscribe)."""
    sub = subs.get_subscriber(app.db, asker.chat_id)
    if sub is None or not sub.active:
        return Reply(message("This chat is not subscribed, so there is nothing to stop."))
    subs.set_active(app.db, asker.chat_id, False, now=app.now())
    lines = [para("Unsubscribed: no more daily digests. ", code("/subscribe"), " brings them back.")]
    if follows_of(app.db, asker.chat_id) and not asker.in_terminal:
        lines.append(
            para("Alerts for what you follow still come (", code("/following"), "; ", code("/unfollow"),
                 " stops them).")
        )  # fmt: skip
    return Reply(message(*lines))


def _settings_buttons(sub: Subscriber) -> tuple[tuple[Button, ...], ...]:
    current_time = sub.digest_time.strftime("%H:%M")

    def mark(label: str, on: bool) -> str:
        return f"✓ {label}" if on else label

    times = tuple(Button(mark(t, t == current_time), f"/settings time {t}") for t in TIMES)
    lengths = tuple(Button(mark(f"{n} stories", n == sub.length), f"/settings length {n}") for n in LENGTHS)
    zones = [Button(mark(z, z == sub.timezone), f"/settings tz {z}") for z in ZONES]
    return times, lengths, tuple(zones[:3]), tuple(zones[3:])


def _settings_reply(app: App, sub: Subscriber, note: str = "", typed: str = "") -> Reply:
    state = "active" if sub.active else "stopped (send /subscribe to resume)"
    lines: list[Block] = [para(bold("Your daily digest"), f" — {state}"), *_describe(app, sub, typed=typed)]
    if note:
        lines.insert(0, para(*coded(note)))
    lines.append(para("Tap to change, or type ", code(EXAMPLE), " for any other time or zone."))
    return Reply(message(*lines), buttons=_settings_buttons(sub))


ZONE_SETTINGS = ("tz", "timezone", "zone")
SETTING_NAMES = ("time", *ZONE_SETTINGS, "length", "quiet")


def _alert_settings(app: App, asker: Asker, what: str, value: str) -> Reply:
    """``/settings``, ``/settings tz ZONE`` or ``/settings quiet HH:MM-HH:MM|off|default`` in a chat that
    follows without a digest: its alerts keep quiet hours in its own zone."""
    if what and not value:
        return _one_setting(app, None, asker.chat_id, what)
    if not what:
        return _alerts_reply(app, asker.chat_id)
    before = subs.chat_alerts(app.db, asker.chat_id)
    try:
        if what == "quiet":
            subs.set_chat_alerts(app.db, asker.chat_id, quiet_hours=read_quiet(value), now=app.now())
            return _alerts_reply(app, asker.chat_id, note=_saved(app, asker.chat_id, before))
        zone, chosen = zone_and_note(value, now=app.now())
    except SettingError as exc:
        return _failed(exc)
    subs.set_chat_alerts(app.db, asker.chat_id, timezone=zone, now=app.now())
    note = f"{_saved(app, asker.chat_id, before)} {chosen}".strip()
    return _alerts_reply(app, asker.chat_id, note=note, typed=value)


def _saved(app: App, chat_id: int, before: subs.ChatAlerts) -> str:
    """ "Saved." when the chat's alert settings changed, else that nothing did."""
    return "Saved." if subs.chat_alerts(app.db, chat_id) != before else UNCHANGED


def _one_setting(app: App, sub: Subscriber | None, chat_id: int, what: str) -> Reply:
    """``/settings quiet`` (a setting named with no value): what it is now, and the values it takes, as
    the example alone ("e.g. 23:00-07:00") would not say that ``off`` works, nor what it was. ``sub`` is
    None for a chat that follows without a digest (its alerts' zone and quiet hours)."""
    now = app.now()
    if what == "quiet":
        clock = clock_of(app, sub, chat_id) if sub is not None else alert_clock(app, chat_id)
        return Reply(
            message(
                _quiet_line(clock),
                para(
                    "Change them with ",
                    code(QUIET_EXAMPLE),
                    " (when they start and when they end), ",
                    code("/settings quiet off"),
                    " for alerts at any hour, or ",
                    code("/settings quiet default"),
                    " for the bot's default.",
                ),
            )
        )
    if what in ZONE_SETTINGS:
        if sub is not None:
            zone = describe_zone(sub.timezone, now)
        else:
            clock = alert_clock(app, chat_id)
            default = " (the bot's default)" if clock.zone_is_default else ""
            zone = describe_zone(clock.timezone, now) + default
        forms = para(
            "Change it with ",
            code(f"/settings {what} Asia/Tokyo"),
            ": a city, an Area/City zone or an offset such as UTC+3.",
        )
        zones = _settings_buttons(sub)[2:] if sub is not None else ()
        return Reply(message(_zone_line(zone), forms), buttons=zones)
    assert sub is not None  # time and length are a digest's
    times, lengths, *_ = _settings_buttons(sub)
    if what == "time":
        forms = para("Change it with ", code("/settings time 07:30"), ": any time, such as 7pm or 19:30.")
        return Reply(message(_time_line(sub), forms), buttons=(times,))
    current = _length_line(sub)
    forms = para("Change it with ", code("/settings length 5"), f": 1 to {MAX_LENGTH} stories.")
    return Reply(message(current, forms), buttons=(lengths,))


def _change(app: App, asker: Asker, what: str, value: str) -> tuple[Subscriber | None, str]:
    """The subscriber with one setting (``what``, one of ``SETTING_NAMES``) changed, and a note on a choice
    made for the user, if any."""
    if what == "time":
        if (part := fold(value).strip(",.;!? ")) in _DAY_PART_EXAMPLES:  # asked, as /subscribe asks
            phrase, example = _DAY_PART_EXAMPLES[part]
            raise SettingError(f"Say at what time {phrase}, e.g. /settings time {example}")
        when = parse_time(value, example="/settings time 07:30")
        return subs.update_subscriber(app.db, asker.chat_id, digest_time=when, now=app.now()), ""
    if what in ZONE_SETTINGS:
        zone, chosen = zone_and_note(value, now=app.now())
        return subs.update_subscriber(app.db, asker.chat_id, timezone=zone, now=app.now()), chosen
    if what == "quiet":
        subs.set_chat_alerts(app.db, asker.chat_id, quiet_hours=read_quiet(value), now=app.now())
        return subs.get_subscriber(app.db, asker.chat_id), ""
    return subs.update_subscriber(app.db, asker.chat_id, length=parse_length(value), now=app.now()), ""


@command(
    "settings",
    "/settings",
    "your digest's time, timezone and length, with buttons to change them",
    changes="with words",
)
async def settings_command(app: App, args: str, asker: Asker) -> Reply:
    """Show the digest settings; ``/settings time|tz|length|quiet VALUE`` changes one. A chat without a
    digest has its alerts' zone and quiet hours to set."""
    sub = subs.get_subscriber(app.db, asker.chat_id)
    words = args.split(maxsplit=1)
    what = words[0].lower() if words else ""
    if sub is None and (
        what in ("quiet", *ZONE_SETTINGS) or (not words and follows_of(app.db, asker.chat_id))
    ):
        return _alert_settings(app, asker, what, words[1].strip() if len(words) == 2 else "")
    if sub is None:
        # the zone /subscribe will take: the one the chat set for its alerts, else the bot's
        zone = subs.chat_alerts(app.db, asker.chat_id).timezone or app.settings.timezone
        default = f"{app.settings.digest_time} {zone}"
        # the button subscribes at what its label says, pressed later too (after a /subscribe 7pm Tokyo
        # and an /unsubscribe, a bare /subscribe would take the stopped digest's time and zone)
        subscribe = Button(f"Subscribe at {default}", f"/subscribe {default}")
        if len(words) == 2 and what in ("time", *ZONE_SETTINGS):  # "/settings time 9pm": nothing to change
            try:  # a value that /subscribe would refuse is not offered as a button
                _ = parse_time(words[1]) if what == "time" else zone_and_note(words[1], now=app.now())
            except SettingError as exc:
                return _failed(exc)
            wanted = f"/subscribe {words[1][:60]}"
            return Reply(
                message(
                    para("This chat has no daily digest yet, so there is nothing to change."),
                    para("Subscribe with that setting: ", code(wanted), "."),
                ),
                buttons=((Button(wanted, wanted),),),
            )
        if len(words) == 2 and what == "length":  # /subscribe takes no length: subscribe, then set it
            try:
                length = parse_length(words[1])
            except SettingError as exc:
                return _failed(exc)
            return Reply(
                message(
                    para("This chat has no daily digest yet, so there is nothing to change."),
                    para(
                        "Subscribe with ",
                        code("/subscribe"),
                        f" (every day at {default}), then send ",
                        code(f"/settings length {length}"),
                        ".",
                    ),
                ),
                buttons=((subscribe,),),
            )
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
            buttons=((subscribe,),),
        )
    if not words:
        return _settings_reply(app, sub)
    if what not in SETTING_NAMES:
        return _failed(
            SettingError(
                f"There is no setting “{words[0]}”: try time, tz, length or quiet, e.g. /settings length 5."
            )
        )
    if len(words) < 2:
        return _one_setting(app, sub, asker.chat_id, what)
    before = _setting_values(app, sub)
    try:
        changed, chosen = _change(app, asker, what, words[1].strip())
    except SettingError as exc:
        return _failed(exc)
    assert changed is not None
    saved = "Saved." if _setting_values(app, changed) != before else UNCHANGED
    return _settings_reply(
        app, changed, note=f"{saved} {chosen}".strip(), typed=words[1] if what in ZONE_SETTINGS else ""
    )


UNCHANGED = "That is the setting already; nothing changed."


def _setting_values(app: App, sub: Subscriber) -> tuple[object, ...]:
    """What ``/settings`` can change of a digest chat, to tell "Saved." from nothing changed, as
    ``/subscribe`` tells them apart."""
    return (sub.digest_time, sub.timezone, sub.length, subs.chat_alerts(app.db, sub.chat_id))
