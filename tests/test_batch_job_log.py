"""The half-second remaking jobs log no warning for a tick that finds their batch still running (qa25b F5:
APScheduler warned "skipped: maximum number of running instances reached" ~90 times a minute for hours
of catch-up, burying the real warnings), and a batch that fails is still logged. Run by APScheduler
itself, as python-telegram-bot's job queue runs them."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

import briefing.adapters.jobs as jobs_module
from briefing.adapters.jobs import BATCH_JOB_KWARGS, Jobs
from briefing.service import App

BATCH = 0.25  # seconds a batch takes: five ticks of the interval below
TICK = 0.05


@dataclass(frozen=True)
class _Done:
    articles: int = 1
    found: bool = True


async def _run_ticks(jobs: Jobs, name: str, seconds: float) -> None:
    scheduler = AsyncIOScheduler(event_loop=asyncio.get_running_loop())
    context = SimpleNamespace(job=None)
    scheduler.add_job(getattr(jobs, name), "interval", seconds=TICK, args=[context], **BATCH_JOB_KWARGS)
    scheduler.start()
    await asyncio.sleep(seconds)
    scheduler.remove_all_jobs()
    await asyncio.sleep(2 * BATCH)  # the batch under way ends (a shutdown would cancel it)
    scheduler.shutdown(wait=False)


@pytest.mark.parametrize(
    ("name", "work"), [("resummarize", "resummarize_in_background"), ("reextract", "reextract_in_background")]
)
async def test_a_batch_longer_than_the_interval_is_no_warning(db, settings, monkeypatch, caplog, name, work):
    running, batches = [0], [0]

    async def slow(app, batch):
        running[0] += 1
        assert running[0] == 1  # never two batches at once
        await asyncio.sleep(BATCH)
        running[0] -= 1
        batches[0] += 1
        return _Done()

    monkeypatch.setattr(jobs_module, work, slow)
    with caplog.at_level(logging.INFO):
        await _run_ticks(Jobs(App(db=db, settings=settings)), name, 3 * BATCH)
    assert batches[0] >= 2
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warned == []


async def test_a_failing_batch_is_still_logged(db, settings, monkeypatch, caplog):
    async def broken(app, batch):
        await asyncio.sleep(BATCH)
        raise RuntimeError("disk full")

    monkeypatch.setattr(jobs_module, "resummarize_in_background", broken)
    with caplog.at_level(logging.INFO):
        await _run_ticks(Jobs(App(db=db, settings=settings)), "resummarize", 2 * BATCH)
    failed = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert failed and all("making stale summaries again failed" in r.getMessage() for r in failed)
    assert not any("maximum number of running instances" in r.getMessage() for r in caplog.records)
