"""Another process's write (``bot.py ingest``) and the bot's delivery ledger: the ingest commits often,
and a ledger write the database refuses is tried again, or leaves the message for a later run."""

import logging
import sqlite3
from datetime import UTC, date, datetime

import briefing.service.batches as batches
import briefing.service.ingest as ingest
from briefing.adapters.pacer import Pacer
from briefing.adapters.sender import Sender
from briefing.service import App
from store import deliveries
from tests.conftest import SEEDS
from tests.digestkit import FAST, QUICK

AT = datetime(2025, 1, 23, 8, 0, tzinfo=UTC)
KEY = deliveries.PartKey(1, date(2025, 1, 23), 0)


def test_an_ingest_commits_at_least_every_transaction_seconds(app, monkeypatch):
    monkeypatch.setattr(batches, "TRANSACTION_SECONDS", 0.0)  # every article is "slow"
    begun: list[str] = []
    app.db.conn.set_trace_callback(lambda sql: begun.append(sql) if sql.startswith("BEGIN") else None)
    try:
        report = ingest.ingest_files(app, [SEEDS / "000_3b77d831465d6327.txt"])
    finally:
        app.db.conn.set_trace_callback(None)
    assert report.new >= 2 and len(begun) >= report.new  # one transaction per article, not per 500


class Flaky:
    """A part's ledger whose writes the database refuses ``busy`` times first (locked by another process)."""

    def __init__(self, app: App, busy: dict[str, int]):
        self.app, self.busy = app, busy

    def _write(self, name: str) -> None:
        if self.busy.get(name, 0):
            self.busy[name] -= 1
            raise sqlite3.OperationalError("database is locked")

    def claim(self, chat_id: int) -> bool:
        self._write("claim")
        return deliveries.claim_part(self.app.db, KEY, now=AT)

    def confirm(self, chat_id: int, message_id: int, plain: bool) -> None:
        self._write("confirm")
        deliveries.confirm_part(self.app.db, KEY, message_id=message_id, now=AT)

    def release(self, chat_id: int, error: str) -> None:
        self._write("release")
        deliveries.release_part(self.app.db, KEY, error=error)

    def fail(self, chat_id: int, error: str) -> None:
        deliveries.fail_part(self.app.db, KEY, error=error, now=AT)

    def unconfirmed(self, chat_id: int, error: str, resends: int) -> bool:
        return deliveries.release_unconfirmed_part(self.app.db, KEY, error=error, now=AT, resends=resends)


async def test_a_busy_database_delays_the_ledger_writes_without_losing_or_doubling(app, botapi, botapi_bot):
    deliveries.add_digest(app.db, 1, KEY.digest_date, [deliveries.NewPart("hi", "hi")], due_at=AT, now=AT)
    sender = Sender(app, botapi_bot, Pacer(FAST), QUICK)
    status, _ = await sender.send(1, "hi", "hi", Flaky(app, {"claim": 1, "confirm": 2}))
    assert status == "sent" and len(botapi.sent_messages(1)) == 1
    assert deliveries.get_part(app.db, KEY).state == "sent"


async def test_a_claim_the_database_keeps_refusing_leaves_the_part_for_the_next_run(
    app, botapi, botapi_bot, caplog
):
    deliveries.add_digest(app.db, 1, KEY.digest_date, [deliveries.NewPart("hi", "hi")], due_at=AT, now=AT)
    sender = Sender(app, botapi_bot, Pacer(FAST), QUICK)
    with caplog.at_level(logging.WARNING):
        status, _ = await sender.send(1, "hi", "hi", Flaky(app, {"claim": 99}))
    assert status == "later" and botapi.requests("sendMessage") == []
    assert deliveries.get_part(app.db, KEY).state == "pending"
    assert not any(r.exc_info for r in caplog.records)  # a line, not a traceback
