"""The start's crash recovery off the event loop (``briefing.adapters.jobs.recovered``), as the start's
prune: it ran in ``install_jobs``, on the bot's connection, in the loop, where another process's write lock
(a ``bot.py ingest``) held up the start, and every answer after it, for up to ``busy_timeout`` (10 s). Now
the loop answers meanwhile; the digest and feed ticks send nothing until it is done (a recovery after a
tick claimed its own sends would make them pending while they are sent: twice sent)."""

import asyncio
import time
from datetime import date, timedelta
from types import SimpleNamespace

import time_machine

from briefing.adapters.jobs import Jobs, install_jobs, recovered
from briefing.service import App
from store import deliveries, open_db
from tests.botapi import application_builder
from tests.digestkit import add_story, fast_pacer, sends, subscriber
from tests.test_jobs import AT

DAY = date(2025, 1, 23)


def crashed(db) -> None:
    """Chat 2's digest part, claimed by a process that died before Telegram confirmed it; chat 1 is due."""
    add_story(db, "Story 1", updated=AT - timedelta(hours=1))
    subscriber(db, 1, "08:00")
    subscriber(db, 2, "08:00")
    deliveries.add_digest(db, 2, DAY, [deliveries.NewPart("<b>hi</b>", "hi")], due_at=AT, now=AT)
    deliveries.claim_part(db, deliveries.PartKey(2, DAY, 0), now=AT)


async def test_the_start_recovers_off_the_loop_and_the_ticks_wait_for_it(tmp_path, settings, botapi):
    db = open_db(tmp_path / "bot.db")
    crashed(db)
    writer = open_db(tmp_path / "bot.db")
    try:
        with time_machine.travel(AT, tick=True):
            application = application_builder(botapi).build()
            install_jobs(application, App(db=db, settings=settings), digest_seconds=0.2, pacer=fast_pacer())
            assert deliveries.delivery_counts(db) == {"claimed": 1}  # not in install_jobs
            writer.execute("BEGIN IMMEDIATE")  # another process's write lock (a `bot.py ingest`)
            async with application:
                await application.start()
                start = time.monotonic()
                for _ in range(10):
                    await asyncio.sleep(0.05)
                    assert deliveries.delivery_counts(db) == {"claimed": 1}  # the bot's connection reads
                assert time.monotonic() - start < 1.0  # the loop answered while the recovery waited
                assert sends(botapi) == []  # no tick sends before the recovery
                writer.execute("COMMIT")
                await botapi.wait_for_requests(2, "sendMessage", since=0, ok=True, timeout=10.0)
                await application.stop()
        assert sorted(r.chat_id for r in sends(botapi)) == [1, 2]
        assert deliveries.delivery_counts(db) == {"sent": 2}
    finally:
        writer.conn.close()
        db.conn.close()


async def test_a_recovery_given_up_is_tried_again_by_the_next_tick(tmp_path, settings, caplog):
    db = open_db(tmp_path / "bot.db")
    crashed(db)
    writer = open_db(tmp_path / "bot.db")
    writer.execute("BEGIN IMMEDIATE")
    app = App(db=db, settings=settings, clock=lambda: AT)
    try:
        assert await recovered(app, wait=0.3) is None
        assert any("could not recover" in r.getMessage() for r in caplog.records)
        jobs = Jobs(app)
        writer.execute("COMMIT")
        assert await jobs.recover_at_start(SimpleNamespace())
        assert deliveries.delivery_counts(db) == {"pending": 1}
        assert await jobs.recover_at_start() and deliveries.delivery_counts(db) == {"pending": 1}
    finally:
        writer.conn.close()
        db.conn.close()
