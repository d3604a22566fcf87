"""The scheduled jobs in a real python-telegram-bot Application (JobQueue, APScheduler) against the
loopback server, with the wall clock set by time-machine."""

import asyncio
from datetime import UTC, date, datetime, timedelta

import time_machine

from briefing.adapters.jobs import JOB_KWARGS, install_jobs
from briefing.service import App
from store import deliveries
from tests.botapi import application_builder
from tests.digestkit import QUICK, add_story, fast_pacer, sends, subscriber

AT = datetime(2025, 1, 23, 8, 0, 5, tzinfo=UTC)


async def test_the_digest_job_is_scheduled_so_a_late_run_still_runs(db, settings, botapi):
    application = application_builder(botapi).build()
    install_jobs(application, App(db=db, settings=settings), pacer=fast_pacer(), policy=QUICK)
    jobs = application.job_queue.jobs()
    assert sorted(j.name for j in jobs) == ["digests", "feeds", "prune", "prune at start", "recover at start"]
    (prune,) = application.job_queue.get_jobs_by_name("prune")
    assert prune.job.trigger.interval == timedelta(days=1)
    for job in jobs:
        assert (job.job.misfire_grace_time, job.job.coalesce, job.job.max_instances) == (None, True, 1)
    assert JOB_KWARGS == {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


async def test_after_a_crash_the_started_bot_recovers_and_sends_what_is_due(db, settings, botapi):
    add_story(db, "Story 1", updated=AT - timedelta(hours=1))
    subscriber(db, 1, "08:00")  # due now, not composed yet
    subscriber(db, 2, "08:00")
    # the previous process composed chat 2's digest and died after claiming its part
    deliveries.add_digest(
        db, 2, date(2025, 1, 23), [deliveries.NewPart("<b>hi</b>", "hi")], due_at=AT, now=AT
    )
    deliveries.claim_part(db, deliveries.PartKey(2, date(2025, 1, 23), 0), now=AT)
    with time_machine.travel(AT, tick=True):
        application = application_builder(botapi).build()
        install_jobs(application, App(db=db, settings=settings), digest_seconds=0.2, pacer=fast_pacer())
        assert deliveries.delivery_counts(db) == {"claimed": 1}  # recovered once the application runs
        async with application:
            await application.start()
            await botapi.wait_for_requests(2, "sendMessage", since=0, ok=True, timeout=5.0)
            await application.stop()
    assert {r.chat_id for r in sends(botapi)} == {1, 2}
    assert len(sends(botapi)) == 2
    assert deliveries.delivery_counts(db) == {"sent": 2}


async def test_the_started_bot_prunes_old_history_at_once(db, settings, botapi):
    old, recent = date(2024, 9, 1), date(2025, 1, 22)
    for day in (old, recent):
        due = datetime.combine(day, datetime.min.time(), UTC)
        deliveries.add_digest(db, 3, day, [deliveries.NewPart("<b>hi</b>", "hi", (7,))], due_at=due, now=due)
        deliveries.claim_part(db, deliveries.PartKey(3, day, 0), now=due)
        deliveries.confirm_part(db, deliveries.PartKey(3, day, 0), message_id=1, now=due)
    with time_machine.travel(AT, tick=True):
        application = application_builder(botapi).build()
        install_jobs(application, App(db=db, settings=settings, clock=lambda: AT), pacer=fast_pacer())
        assert len(deliveries.parts_of(db, 3, old)) == 1  # not at install: once the application runs
        async with application:
            await application.start()
            for _ in range(100):
                await asyncio.sleep(0.05)
                if not deliveries.parts_of(db, 3, old):
                    break
            await application.stop()
    assert [p.digest_date for d in (old, recent) for p in deliveries.parts_of(db, 3, d)] == [recent]
