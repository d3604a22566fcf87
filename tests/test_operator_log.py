"""The operator's log at the default level: warnings and what the jobs did, in words, not the scheduler's
line for every run of every job nor 450-character dataclass reprs."""

from __future__ import annotations

import logging

import bot
from briefing.adapters.delivery import FanoutReport
from briefing.adapters.jobs import told
from briefing.service.polling import PollReport


def test_a_runs_report_is_logged_in_words_without_its_zero_counts():
    report = PollReport(polled=2, new_articles=3, failed=(("http://127.0.0.1:9/feed", "HTTP 500"),))
    assert told(report) == "polled 2, new articles 3, failed 1"
    assert told(FanoutReport()) == "nothing"


def test_the_schedulers_chatter_is_left_out_of_the_operators_log(monkeypatch):
    monkeypatch.setattr(logging, "basicConfig", lambda **kw: None)  # leave pytest's handlers alone
    level = logging.getLogger("apscheduler").level
    try:
        bot._setup_logging(verbose=False)
        assert logging.getLogger("apscheduler").getEffectiveLevel() == logging.WARNING
        bot._setup_logging(verbose=True)
        assert logging.getLogger("apscheduler").getEffectiveLevel() == logging.DEBUG
    finally:
        logging.getLogger("apscheduler").setLevel(level)
