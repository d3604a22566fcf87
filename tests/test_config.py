import re

import pytest

from briefing.adapters.pacer import Limits
from config import SettingsError, load_settings


def test_defaults_without_environment():
    s = load_settings({})
    assert s.token is None
    assert s.db_path.name == "briefing.db"
    assert s.timezone == "UTC"


def test_environment_overrides():
    s = load_settings(
        {
            "BRIEFING_DB": "/tmp/x.db",
            "BRIEFING_ADMINS": "1, 2",
            "BRIEFING_TZ": "Europe/Kyiv",
            "TELEGRAM_BOT_TOKEN": "123:abc",
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:1/bot",
        }
    )
    assert str(s.db_path) == "/tmp/x.db"
    assert s.admins == {1, 2}
    assert s.timezone == "Europe/Kyiv"
    assert s.api_base_url == "http://127.0.0.1:1/bot"
    assert s.token is not None and s.token.value == "123:abc"


def test_token_never_shows_in_repr():
    s = load_settings({"TELEGRAM_BOT_TOKEN": "123:secret-token"})
    assert "secret-token" not in repr(s)
    assert "secret-token" not in str(s.token)


@pytest.mark.parametrize("raw", ["111 222", "111, 222", "111,222", " 111\t222 ", "111 ,, 222"])
def test_admin_ids_are_separated_by_commas_or_spaces_never_glued(raw):
    assert load_settings({"BRIEFING_ADMINS": raw}).admins == {111, 222}


@pytest.mark.parametrize(
    "env",
    [
        {"BRIEFING_ADMINS": "alice"},
        {"BRIEFING_ADMINS": "1;2"},
        {"BRIEFING_ADMINS": "\u0660"},  # an Arabic-Indic zero is a digit to isdigit(), not an id
        {"BRIEFING_TZ": "Mars/Olympus"},
    ],
)
def test_bad_values_are_refused(env):
    with pytest.raises(SettingsError):
        load_settings(env)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('[feeds]\nalerts_per_hour = "many"', "feeds.alerts_per_hour must be a whole number, got 'many'"),
        ("[feeds]\nalerts_per_hour = 0", "feeds.alerts_per_hour must be at least 1"),
        ("[fetch]\ntimeout_seconds = true", "fetch.timeout_seconds must be a number, got True"),
        ("[digest]\nlength = 2.5", "digest.length must be a whole number, got 2.5"),
        ('[feeds]\nalert_quiet_hours = "late"', "feeds.alert_quiet_hours must be HH:MM-HH:MM"),
        ('[digest]\nretention_days = "forever"', "digest.retention_days must be a whole number"),
        ("[digest]\nretention_days = 2", "digest.retention_days must be at least 5 (longer than"),
        (
            "[brief]\nstory_window_hours = 240\n[digest]\nretention_days = 10",
            "digest.retention_days must be at least 12",
        ),
        ('[digest]\ndefault_time = "25:99"', "digest.default_time must be a time of day such as 08:00"),
        ('[digest]\ndefault_time = "8am"', "digest.default_time must be a time of day such as 08:00"),
        ("[brief]\nstories = 0", "brief.stories must be at least 1, got 0"),
        ("[brief]\npage_size = 0", "brief.page_size must be at least 1, got 0"),
        ("[digest]\nlength = 0", "digest.length must be from 1 to 10, got 0"),
        ("[digest]\nlate_limit_hours = -3", "digest.late_limit_hours must be at least 0, got -3"),
        (
            "[digest]\nlate_limit_hours = 20\nretention_days = 30",
            "digest.late_limit_hours (20) and digest.min_gap_hours (8) must add up to at most 24",
        ),
        ("[digest]\nmin_gap_hours = 0", "digest.min_gap_hours must be from 1 to 23, got 0"),
        ("[digest]\nmin_gap_hours = 24", "digest.min_gap_hours must be from 1 to 23, got 24"),
        ("[digest]\nlength = 11", "digest.length must be from 1 to 10, got 11"),
        ("[feeds]\npoll_minutes = 0", "feeds.poll_minutes must be at least 1, got 0"),
        ("[feeds]\nmax_failures = 0", "feeds.max_failures must be at least 1"),
        ("[fetch]\ntimeout_seconds = 0", "fetch.timeout_seconds must be at least 0.1, got 0"),
        ("[fetch]\nmax_bytes = -1", "fetch.max_bytes must be at least 1024, got -1"),
        ("[fetch]\nmax_redirects = -1", "fetch.max_redirects must be at least 0"),
        ("[telegram]\nwebhook_port = 99999", "telegram.webhook_port must be from 1 to 65535, got 99999"),
        ("[telegram]\nchat_window_seconds = 0", "telegram.chat_window_seconds must be from 0.01 to 60"),
        ("[summary]\nsentences = 0", "summary.sentences must be at least 1"),
        ("[summary]\nmax_sentences = 0", "summary.max_sentences must be at least 1"),
    ],
)
def test_a_wrong_setting_in_the_file_is_named(tmp_path, setting, message):
    path = tmp_path / "settings.toml"
    path.write_text(setting + "\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings({}, path=path)
    assert str(caught.value).startswith(message)


def test_the_defaults_file_gives_every_number_its_documented_default():
    s = load_settings({})
    assert (s.alerts_per_hour, s.poll_minutes, s.digest_length, s.fetch_timeout) == (4, 30, 5, 15.0)
    assert s.retention_days == 90
    assert s.digest_time == "08:00"
    assert s.chat_window == Limits().chat_window  # the pacer's own default: Telegram's figure


def test_a_digest_time_written_without_a_leading_zero_is_read_as_hh_mm(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('[digest]\ndefault_time = "7:30"\n', encoding="utf-8")
    assert load_settings({}, path=path).digest_time == "07:30"


def test_a_relative_briefing_db_is_read_from_the_current_folder_as_db_is(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings({"BRIEFING_DB": "news.db"}).db_path == tmp_path / "news.db"
    assert load_settings({}).db_path.name == "briefing.db"  # the default stays in the project's data/


@pytest.mark.parametrize(("written", "zone"), [("europe/kyiv", "Europe/Kyiv"), ("utc", "UTC")])
def test_briefing_tz_is_read_in_any_case(written, zone):
    assert load_settings({"BRIEFING_TZ": written}).timezone == zone


@pytest.mark.parametrize("name", ["Factory", "localtime", "factory"])
def test_briefing_tz_that_is_no_places_clock_is_refused_as_such(name):
    """IANA has these names, so "unknown" would be wrong: the message says why they are refused."""
    with pytest.raises(SettingsError) as caught:
        load_settings({"BRIEFING_TZ": name})
    assert str(caught.value) == (
        f"BRIEFING_TZ {name!r} is in IANA's database but is no place's clock;"
        " use a city or an IANA name such as Europe/Kyiv"
    )


@pytest.mark.parametrize(
    ("written", "zone"), [("Kyiv", "Europe/Kyiv"), ("sao paulo", "America/Sao_Paulo"), ("UTC+3", "Etc/GMT-3")]
)
def test_briefing_tz_takes_a_city_or_an_offset_as_subscribe_does(written, zone):
    assert load_settings({"BRIEFING_TZ": written}).timezone == zone


def test_an_unknown_briefing_tz_is_named_with_the_reason_subscribe_gives():
    with pytest.raises(SettingsError) as caught:
        load_settings({"BRIEFING_TZ": "Mars/Olympus"})
    assert str(caught.value).startswith("BRIEFING_TZ: “Mars/Olympus” is not a timezone I know; use a city")


@pytest.mark.parametrize("value", ["", " "])
def test_a_briefing_db_set_but_empty_is_refused_not_read_as_the_default(value):
    """An unset "$DB" in BRIEFING_DB="$DB" is refused as an empty --db is (QA18a F3)."""
    with pytest.raises(SettingsError, match=r"^BRIEFING_DB is set but empty \(an unset variable\?\)"):
        load_settings({"BRIEFING_DB": value})


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8081", "http://127.0.0.1:8081/bot/", "127.0.0.1:8081/bot", "ftp://h/bot"]
)
def test_an_api_address_the_token_cannot_be_appended_to_is_refused(url):
    """PTB appends the token: without /bot it lands in the port ("Invalid port: '8081123:abc'") or a
    wrong path, and the error that quotes it would blame the token."""
    with pytest.raises(SettingsError, match="must be the server's address ending in /bot"):
        load_settings({"TELEGRAM_BOT_TOKEN": "123:abc", "TELEGRAM_API_BASE_URL": url})


def test_a_self_hosted_server_behind_a_path_is_accepted():
    s = load_settings({"TELEGRAM_API_BASE_URL": "https://tg.example.org/api/bot"})
    assert s.api_base_url == "https://tg.example.org/api/bot"


def test_the_token_is_masked_in_the_one_line_reason(monkeypatch, capsys):
    """An error's text may quote a URL that holds the token (an httpx InvalidURL does); the line on stderr
    never shows it."""
    import bot
    from briefing.errors import BriefingError

    token = "123456789:AAE-secret-part-of-the-token"

    def failing(settings, args):
        raise BriefingError(f"cannot reach Telegram: Invalid port: '8901{token}'")

    monkeypatch.setitem(bot.COMMANDS, "digest", failing)
    assert bot.main(["digest", "--chat", "5"], environ={"TELEGRAM_BOT_TOKEN": token}) == 1
    err = capsys.readouterr().err
    assert err == "bot.py: cannot reach Telegram: Invalid port: '8901***'\n"


def test_a_token_pasted_into_the_api_address_is_not_printed(capsys):
    """The address check's own message must not quote what follows /bot: it is often the token."""
    import bot

    token = "123456789:AAE-secret-part-of-the-token"
    env = {"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:8081/bot{token}"}
    assert bot.main(["digest", "--chat", "5"], environ=env) == 2
    err = capsys.readouterr().err
    assert "secret-part" not in err and "123456789" not in err
    assert err.startswith("bot.py: TELEGRAM_API_BASE_URL must be the server's address ending in /bot")
    without_token = {"TELEGRAM_API_BASE_URL": f"http://127.0.0.1:8081/bot{token}"}
    assert bot.main(["digest", "--chat", "5"], environ=without_token) == 2
    assert "secret-part" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("[telegram]\nwebhook_url = 5", "telegram.webhook_url must be text in quotes, got 5"),
        ("[telegram]\nmode = 1", "telegram.mode must be text in quotes, got 1"),
        ("[telegram]\nwebhook_listen = [1]", "telegram.webhook_listen must be text in quotes, got [1]"),
        ('[telegram]\nwebhook_listen = ""', "telegram.webhook_listen is empty; give a value"),
        ('[telegram]\nwebhook_listen = "  "', "telegram.webhook_listen is empty; give a value"),
        ('[store]\ndb = ""', "store.db is empty; give a value, or remove the line for the default"),
        ("[store]\ndb = 3", "store.db must be text in quotes, got 3"),
        ('[store]\nseeds = ""', "store.seeds is empty"),
        ("[fetch]\ntimeout_seconds = nan", "fetch.timeout_seconds must be an ordinary number, got nan"),
        ("[fetch]\ntimeout_seconds = inf", "fetch.timeout_seconds must be an ordinary number, got inf"),
        ("[fetch]\ntimeout_seconds = -inf", "fetch.timeout_seconds must be an ordinary number, got -inf"),
    ],
)
def test_a_setting_of_the_wrong_type_or_empty_is_named_not_a_traceback(tmp_path, setting, message):
    path = tmp_path / "settings.toml"
    path.write_text(setting + "\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings({}, path=path)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("blank", [" ", "\t", ""])
def test_a_blank_briefing_tz_is_not_set_as_the_readme_says(tmp_path, blank):
    path = tmp_path / "settings.toml"
    path.write_text('[digest]\ntimezone = "Europe/Kyiv"\n', encoding="utf-8")
    assert load_settings({"BRIEFING_TZ": blank}, path=path).timezone == "Europe/Kyiv"


@pytest.mark.parametrize(
    ("name", "suggested"),
    [("CHADT", "Pacific/Chatham"), ("ACDT", "Australia/Adelaide")],
)
def test_briefing_tz_abbreviation_suggests_the_zone_that_uses_it(name, suggested):
    """The setting reads an abbreviation with the time now, as the chat's /settings does (qa21 F5):
    CHADT is Chatham's, not Chad's; ACDT is Adelaide's, not Sydney's."""
    with pytest.raises(SettingsError) as caught:
        load_settings({"BRIEFING_TZ": name})
    assert f"Did you mean {suggested}" in str(caught.value)
    assert "Ndjamena" not in str(caught.value) and "Sydney" not in str(caught.value)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "[feeds]\npoll_minuts = 5",
            "unknown setting feeds.poll_minuts in {path} (did you mean feeds.poll_minutes?)",
        ),
        ("[feed]\npoll_minutes = 5", "unknown section [feed] in {path} (did you mean [feeds]?)"),
        ("[brief]\nfrobnicate = 1", "unknown setting brief.frobnicate in {path}"),
        (
            "poll_minutes = 5",
            "unknown setting poll_minutes in {path}, outside any section (it belongs under [feeds])",
        ),
        ("feeds = 5", "feeds in {path} must be a section [feeds], got 5"),
    ],
)
def test_a_misspelt_setting_or_section_is_named_with_the_nearest_known_one(tmp_path, setting, message):
    """qa29c F2: a typo in a name left the default in force without a word."""
    path = tmp_path / "settings.toml"
    path.write_text(setting + "\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings({}, path=path)
    assert str(caught.value) == message.format(path=path)


def test_every_setting_of_the_defaults_file_is_a_known_one():
    load_settings({})  # the shipped file names nothing the check refuses


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "[brief]\nstories = 99999999999999999999",
            "brief.stories must be at most 50, got 99999999999999999999",
        ),
        ("[feeds]\npoll_minutes = 99999999999999999999", "feeds.poll_minutes must be at most 10080"),
        ("[fetch]\ntimeout_seconds = " + "9" * 400, "fetch.timeout_seconds must be an ordinary number"),
        ("[digest]\nretention_days = 99999999999999999999", "digest.retention_days must be at most 36500"),
    ],
)
def test_a_count_past_any_use_is_refused_in_one_line_not_an_overflow(tmp_path, setting, message):
    """qa29c F8: ``stories = 99999999999999999999`` reached SQLite and ended in an OverflowError."""
    path = tmp_path / "settings.toml"
    path.write_text(setting + "\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="^" + re.escape(message)):
        load_settings({}, path=path)


def test_a_digest_time_in_tomls_own_time_unquoted_is_read_as_hh_mm(tmp_path):
    """qa29c F9: ``default_time = 08:00:00`` is a TOML time, which was refused as not a time of day."""
    path = tmp_path / "settings.toml"
    path.write_text("[digest]\ndefault_time = 08:30:00\n", encoding="utf-8")
    assert load_settings({}, path=path).digest_time == "08:30"
    path.write_text("[digest]\ndefault_time = 08:30:15\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"digest\.default_time must be a time of day"):
        load_settings({}, path=path)
