import pytest

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


@pytest.mark.parametrize("env", [{"BRIEFING_ADMINS": "alice"}, {"BRIEFING_TZ": "Mars/Olympus"}])
def test_bad_values_are_refused(env):
    with pytest.raises(SettingsError):
        load_settings(env)
