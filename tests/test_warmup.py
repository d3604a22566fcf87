"""The start-up's warm-up: the bot loads in the background what the first /actor reply would otherwise
load while its user waits (the gazetteer, the dossier's summarizer, matplotlib and its fonts)."""

import logging
import sys
import threading

import bot
from briefing import charts
from briefing.dossier import quote_summarizer
from briefing.gazetteer import load_gazetteer
from briefing.service import warmup


def test_the_bot_starts_the_warm_up_before_it_reads_the_first_command(tmp_path, monkeypatch):
    from briefing.adapters import console

    events: list[str] = []

    def start_warm_up() -> threading.Thread:
        events.append("warm-up")
        thread = threading.Thread(target=lambda: events.append("warmed"))
        thread.start()
        return thread

    monkeypatch.setattr(warmup, "start_warm_up", start_warm_up)
    monkeypatch.setattr(console, "chat", lambda app: events.append("chat"))
    assert bot.main(["--db", str(tmp_path / "b.db")], environ={}) == 0
    # and the process ends only once it is done (QA20a F2: a native import torn down, status 134)
    assert events[0] == "warm-up" and set(events) == {"warm-up", "chat", "warmed"}


def test_the_warm_up_loads_the_lists_the_summarizer_and_the_chart_library():
    load_gazetteer.cache_clear()
    quote_summarizer.cache_clear()
    charts._chart.cache_clear()
    thread = warmup.start_warm_up()
    thread.join(timeout=120)
    assert not thread.is_alive() and thread.daemon  # a daemon: the end of bot.py waits for it, up to 10 s
    assert load_gazetteer.cache_info().currsize == 1
    assert quote_summarizer.cache_info().currsize == 1
    assert "matplotlib.backends.backend_agg" in sys.modules
    assert charts._chart.cache_info().currsize == 0  # the warm-up's chart is not kept in the cache


def test_a_failed_warm_up_is_logged_and_the_bot_goes_on(monkeypatch, caplog):
    def broken() -> None:
        raise OSError("no fonts")

    monkeypatch.setattr(charts, "warm_up", broken)
    with caplog.at_level(logging.ERROR, logger="briefing.service.warmup"):
        warmup.start_warm_up().join(timeout=120)
    assert any("warming up the actor replies failed" in r.getMessage() for r in caplog.records)
