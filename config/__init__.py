"""Settings: defaults from ``config/defaults.toml``, overridden by a few environment variables.

Usage::

    settings = load_settings(os.environ)
    settings.db_path          # Path
    settings.token            # Secret | None; str(secret) never shows the value

Only ``bot.py`` calls :func:`load_settings`; everything else receives the ``Settings`` it needs.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = Path(__file__).resolve().parent / "defaults.toml"


class SettingsError(ValueError):
    """A setting has a value that cannot be used."""


@dataclass(frozen=True)
class Secret:
    """A value that must not reach a log: its repr and str are masked."""

    value: str = field(repr=False)

    def __str__(self) -> str:
        return "***"

    def __repr__(self) -> str:
        return "Secret('***')"


@dataclass(frozen=True)
class Settings:
    db_path: Path
    seeds_dir: Path
    token: Secret | None = None
    admins: frozenset[int] = frozenset()
    api_base_url: str = ""
    telegram_mode: str = "polling"
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_url: str = ""
    chat_window: float = 3.0
    timezone: str = "UTC"
    summary_sentences: int = 3
    summary_algorithm: str = "default"
    summary_max_sentences: int = 400
    brief_stories: int = 5
    brief_page_size: int = 3
    story_window_hours: int = 72
    digest_time: str = "08:00"
    digest_length: int = 5
    late_limit_hours: int = 6
    min_gap_hours: int = 8
    retention_days: int = 90
    fetch_timeout: float = 15.0
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 5
    user_agent: str = "BriefingBot/0.1"
    poll_minutes: int = 30
    feed_max_failures: int = 5
    feed_concurrency: int = 4
    alert_quiet_hours: str = "22:00-07:00"
    alerts_per_hour: int = 4
    alert_max_age_hours: int = 24


# every section of the settings file and its keys: a name not here is a typo ("poll_minuts", "[feed]")
# that would otherwise leave the default in force without a word
KNOWN: dict[str, frozenset[str]] = {
    "store": frozenset({"db", "seeds"}),
    "telegram": frozenset(
        {"api_base_url", "mode", "webhook_listen", "webhook_port", "webhook_url", "chat_window_seconds"}
    ),
    "summary": frozenset({"sentences", "algorithm", "max_sentences"}),
    "brief": frozenset({"stories", "page_size", "story_window_hours"}),
    "digest": frozenset(
        {"default_time", "timezone", "length", "late_limit_hours", "min_gap_hours", "retention_days"}
    ),
    "fetch": frozenset({"timeout_seconds", "max_bytes", "max_redirects", "user_agent"}),
    "feeds": frozenset(
        {
            "poll_minutes",
            "max_failures",
            "concurrency",
            "alert_quiet_hours",
            "alerts_per_hour",
            "alert_max_age_hours",
        }
    ),
}


def _nearest(name: str, known: Iterable[str]) -> str | None:
    """The known name closest to a misspelt one ("feed" -> "feeds"), or None when none is close."""
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return close[0] if close else None


def _check_names(raw: Mapping[str, Any], path: Path) -> None:
    """A SettingsError naming the first section or key of the file that no setting has, with the nearest
    known name: the operator believes a misspelt setting applied, while its default stays in force."""
    for section, keys in raw.items():
        if section not in KNOWN:
            if isinstance(keys, dict):  # "[feed]"
                close = _nearest(section, KNOWN)
                hint = f" (did you mean [{close}]?)" if close else ""
                raise SettingsError(f"unknown section [{section}] in {path}{hint}")
            # a key above every section, or one whose section header was lost
            owner = next((name for name, known in KNOWN.items() if section in known), None)
            hint = f" (it belongs under [{owner}])" if owner else ""
            raise SettingsError(f"unknown setting {section} in {path}, outside any section{hint}")
        if not isinstance(keys, dict):
            raise SettingsError(f"{section} in {path} must be a section [{section}], got {keys!r}")
        for key in keys:
            if key not in KNOWN[section]:
                close = _nearest(key, KNOWN[section])
                hint = f" (did you mean {section}.{close}?)" if close else ""
                raise SettingsError(f"unknown setting {section}.{key} in {path}{hint}")


def _resolve(path: str) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else PROJECT_ROOT / p


def _admins(raw: str) -> frozenset[int]:
    """Ids separated by commas or spaces: "1, 2" and "1 2" are two admins, never the one id 12."""
    ids = set()
    for part in re.split(r"[,\s]+", raw):
        if not part:
            continue
        if not (part.isascii() and part.isdigit()):
            raise SettingsError(f"BRIEFING_ADMINS must be Telegram user ids and commas, got {part!r}")
        ids.add(int(part))
    return frozenset(ids)


# IANA names that are no place's clock: a subscriber's digest time in them would mean nothing
NOT_ZONES = frozenset({"factory", "localtime", "posixrules"})  # briefing.place_zones.NOT_PLACES, folded


def _exact_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _zone_spelt(name: str) -> str:
    """``name`` as IANA spells it ("europe/kyiv" -> "Europe/Kyiv"): a scan of the zone files, done only
    for a name not spelt so already."""
    return {zone.casefold(): zone for zone in available_timezones()}.get(name.casefold(), name)


def _timezone(name: str, setting: str) -> str:
    """An IANA zone name as IANA spells it, read in any case ("europe/kyiv"); else the zone of a city, a
    country or an offset as /subscribe reads it ("Kyiv" -> "Europe/Kyiv", "UTC+3"), so the operator's
    ``BRIEFING_TZ`` takes what a subscriber may type. Not "Factory": IANA's, but no place's clock."""
    name = name.strip()
    if name.casefold() in NOT_ZONES:
        raise SettingsError(
            f"{setting} {name!r} is in IANA's database but is no place's clock;"
            " use a city or an IANA name such as Europe/Kyiv"
        )
    spelt = name if _exact_zone(name) else _zone_spelt(name)
    if _exact_zone(spelt):
        return spelt
    from briefing.zones import SettingError, zone_and_note  # not at the top: as _check_summary

    try:
        # the time now, as the chat's /settings passes it: an abbreviation names the zones that use it
        # at this time of year ("CHADT" is Chatham's summer time, not Chad)
        return zone_and_note(name, now=datetime.now(UTC))[0]
    except SettingError as exc:
        raise SettingsError(f"{setting}: {exc}") from exc


def _quiet_hours(value: str) -> str:
    start, _, end = value.partition("-")
    try:
        time.fromisoformat(start.strip()), time.fromisoformat(end.strip())
    except ValueError as exc:
        raise SettingsError(f"feeds.alert_quiet_hours must be HH:MM-HH:MM, got {value!r}") from exc
    return value


DAY_HOURS = 24


def _number(
    kind: type[int] | type[float],
    section: Mapping[str, Any],
    name: str,
    default: float,
    least: float = 1,
    most: float | None = None,
    sane: float | None = None,
) -> Any:
    """A numeric setting (``name`` is ``section.key``) from ``least`` to ``most``, or a SettingsError that
    names it: a zero page size or poll interval would start a bot that misbehaves later, not at once, and
    a number past any use (``stories = 99999999999999999999``) failed in SQLite with a traceback: ``sane``
    is a bound beyond any real need, named only to a value past it."""
    value = section.get(name.rpartition(".")[2], default)
    try:
        if isinstance(value, bool) or (kind is int and isinstance(value, float)):
            raise ValueError
        number = kind(value)
    except OverflowError as exc:  # an integer past any float (fetch.timeout_seconds = 10**400)
        raise SettingsError(f"{name} must be an ordinary number, got {value!r}") from exc
    except (TypeError, ValueError) as exc:
        raise SettingsError(
            f"{name} must be {'a whole number' if kind is int else 'a number'}, got {value!r}"
        ) from exc
    if not math.isfinite(number):  # nan compares false to every bound, and inf passes "at least"
        raise SettingsError(f"{name} must be an ordinary number, got {value!r}")
    if number < least or (most is not None and number > most):
        span = f"from {least} to {most}" if most is not None else f"at least {least}"
        raise SettingsError(f"{name} must be {span}, got {value!r}")
    if sane is not None and number > sane:
        raise SettingsError(f"{name} must be at most {sane}, got {value!r}")
    return number


def _text(section: Mapping[str, Any], name: str, default: str, *, blank: bool = True) -> str:
    """A text setting (``name`` is ``section.key``), or a SettingsError that names it: a TOML number or
    list where text belongs would fail later with a traceback, and an empty path or address (``blank``
    False) would silently mean the project folder or every interface."""
    value = section.get(name.rpartition(".")[2], default)
    if not isinstance(value, str):
        raise SettingsError(f"{name} must be text in quotes, got {value!r}")
    if not blank and not value.strip():
        raise SettingsError(f"{name} is empty; give a value, or remove the line for the default {default!r}")
    return value


def _clock(section: Mapping[str, Any], name: str, default: str) -> str:
    """A time of day setting as HH:MM ("07:30"); TOML's own time (``08:00:00`` unquoted) is one too."""
    given = section.get(name.rpartition(".")[2], default)
    if isinstance(given, time) and given.tzinfo is None and not (given.second or given.microsecond):
        return given.strftime("%H:%M")
    value = str(given).strip()
    try:
        if not re.fullmatch(r"\d{1,2}:\d{2}", value):
            raise ValueError(value)
        hour, minute = (int(part) for part in value.split(":"))
        return time(hour, minute).strftime("%H:%M")
    except ValueError as exc:
        raise SettingsError(f"{name} must be a time of day such as 08:00, got {value!r}") from exc


def _check_summary(settings: Settings) -> None:
    from briefing.summarizers import ALGORITHMS  # not at the top: importing config must not load sumy

    if settings.summary_algorithm not in ALGORITHMS:
        raise SettingsError(
            f"summary.algorithm must be one of {', '.join(ALGORITHMS)}, got {settings.summary_algorithm!r}"
        )


def _check_retention(settings: Settings) -> None:
    # a digest and its stories must outlive the story window (a received story can still grow) and the
    # late limit (a digest may still be sent), with a day to spare for the chats' timezones
    least = -(-(settings.story_window_hours + settings.late_limit_hours) // 24) + 1
    if settings.retention_days < least:
        raise SettingsError(
            f"digest.retention_days must be at least {least} (longer than brief.story_window_hours and"
            f" digest.late_limit_hours, with a day to spare), got {settings.retention_days}"
        )


def _check_gap(settings: Settings) -> None:
    # the gap counts from when the last digest was made: a digest sent late by more than a day less the
    # gap would pass over the next day's, which nothing would then send or record
    if settings.late_limit_hours + settings.min_gap_hours > 24:
        raise SettingsError(
            f"digest.late_limit_hours ({settings.late_limit_hours}) and digest.min_gap_hours"
            f" ({settings.min_gap_hours}) must add up to at most 24: a digest sent that late would pass"
            " over the next day's"
        )


def _api_base_url(value: str) -> str:
    """A self-hosted Bot API server's address in python-telegram-bot's form, to which the token is
    appended: anything else sends the token to a wrong address, and the error quotes it."""
    value = value.strip()
    if value and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?/bot", value):
        shown = re.sub(r"(/bot).+$", r"\1…", value)  # what follows /bot may be a token pasted in
        raise SettingsError(
            "TELEGRAM_API_BASE_URL must be the server's address ending in /bot, to which the token is"
            f" appended, e.g. http://127.0.0.1:8081/bot; got {shown!r}"
        )
    return value


def load_settings(environ: Mapping[str, str], *, path: Path = DEFAULTS) -> Settings:
    """Read the defaults file, apply the environment, validate, and return the settings."""
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"cannot read settings file {path}: {exc}") from exc
    _check_names(raw, path)
    store, tg = raw.get("store", {}), raw.get("telegram", {})
    summary, brief = raw.get("summary", {}), raw.get("brief", {})
    digest, fetch, feeds = raw.get("digest", {}), raw.get("fetch", {}), raw.get("feeds", {})

    token = environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    if "BRIEFING_DB" in environ and not environ["BRIEFING_DB"].strip():
        # as an empty --db is: an unset "$DB" (systemd's Environment=, a compose file) must not mean
        # the project's default archive, which would then be read, and seeded if new
        raise SettingsError(
            "BRIEFING_DB is set but empty (an unset variable?); give the database's path, or unset it"
        )
    settings = Settings(
        # a path in the environment is the user's, read from where they are (as --db is); the file's
        # default belongs to the project
        db_path=(
            Path(environ["BRIEFING_DB"]).expanduser().absolute()
            if environ.get("BRIEFING_DB")
            else _resolve(_text(store, "store.db", "data/briefing.db", blank=False))
        ),
        seeds_dir=_resolve(_text(store, "store.seeds", "seeds", blank=False)),
        token=Secret(token) if token else None,
        admins=_admins(environ.get("BRIEFING_ADMINS", "")),
        api_base_url=_api_base_url(
            environ.get("TELEGRAM_API_BASE_URL") or _text(tg, "telegram.api_base_url", "")
        ),
        telegram_mode=_text(tg, "telegram.mode", "polling"),
        # empty, the web server would listen on every interface, not only the proxy's
        webhook_listen=_text(tg, "telegram.webhook_listen", "127.0.0.1", blank=False).strip(),
        webhook_port=_number(int, tg, "telegram.webhook_port", 8443, most=65535),
        webhook_url=_text(tg, "telegram.webhook_url", ""),
        chat_window=_number(float, tg, "telegram.chat_window_seconds", 3.0, least=0.01, most=60),
        timezone=(
            _timezone(environ["BRIEFING_TZ"], "BRIEFING_TZ")
            if environ.get("BRIEFING_TZ", "").strip()  # blank is not set, as the README says
            else _timezone(str(digest.get("timezone", "UTC")), "digest.timezone")
        ),
        summary_sentences=_number(int, summary, "summary.sentences", 3, sane=50),
        summary_algorithm=str(summary.get("algorithm", "default")).strip().lower(),
        summary_max_sentences=_number(int, summary, "summary.max_sentences", 400, sane=100_000),
        brief_stories=_number(int, brief, "brief.stories", 5, sane=50),
        brief_page_size=_number(int, brief, "brief.page_size", 3, sane=50),
        story_window_hours=_number(int, brief, "brief.story_window_hours", 72, sane=DAY_HOURS * 366),
        digest_time=_clock(digest, "digest.default_time", "08:00"),
        digest_length=_number(int, digest, "digest.length", 5, least=1, most=10),  # as /settings length
        late_limit_hours=_number(int, digest, "digest.late_limit_hours", 6, least=0, sane=23),
        min_gap_hours=_number(int, digest, "digest.min_gap_hours", 8, least=1, most=23),
        retention_days=_number(int, digest, "digest.retention_days", 90, least=0, sane=36_500),
        fetch_timeout=_number(float, fetch, "fetch.timeout_seconds", 15.0, least=0.1, sane=3600),
        fetch_max_bytes=_number(int, fetch, "fetch.max_bytes", 5_000_000, least=1024, sane=2**31),
        fetch_max_redirects=_number(int, fetch, "fetch.max_redirects", 5, least=0, sane=50),
        user_agent=str(fetch.get("user_agent", "BriefingBot/0.1")),
        poll_minutes=_number(int, feeds, "feeds.poll_minutes", 30, sane=DAY_HOURS * 60 * 7),
        feed_max_failures=_number(int, feeds, "feeds.max_failures", 5, sane=1000),
        feed_concurrency=_number(int, feeds, "feeds.concurrency", 4, most=16),
        alert_quiet_hours=_quiet_hours(str(feeds.get("alert_quiet_hours", "22:00-07:00"))),
        alerts_per_hour=_number(int, feeds, "feeds.alerts_per_hour", 4, sane=60),
        alert_max_age_hours=_number(int, feeds, "feeds.alert_max_age_hours", 24, sane=DAY_HOURS * 366),
    )
    if settings.telegram_mode not in ("polling", "webhook"):
        raise SettingsError(f"telegram.mode must be 'polling' or 'webhook', got {settings.telegram_mode!r}")
    if settings.telegram_mode == "webhook" and not settings.webhook_url.strip():
        raise SettingsError("telegram.mode is 'webhook' but telegram.webhook_url is empty")
    _check_summary(settings)
    _check_retention(settings)
    _check_gap(settings)
    return settings
