"""m0045: ``chat_threads.lost_told_at``. A topic lost before the upgrade had its one try at the notice,
so it counts as told (no group hears of an old loss again); a loss after it is told until Telegram took
the notice, and a topic set again forgets both."""

from datetime import UTC, datetime

from store import open_db
from store.subscribers import (
    lose_delivery_thread,
    lost_topic_untold,
    note_lost_topic_told,
    set_delivery_thread,
)
from tests.article_rows import database_before

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_a_loss_recorded_before_the_upgrade_counts_as_told(tmp_path):
    path = tmp_path / "old.db"
    old = database_before(path, 45, when=WHEN)
    old.execute(
        "INSERT INTO chat_threads (chat_id, thread_id, set_at, lost_at, lost_error)"
        " VALUES (?, NULL, ?, ?, ?)",
        [-42, WHEN.isoformat(), WHEN.isoformat(), "TOPIC_CLOSED"],
    )
    old.conn.close()
    db = open_db(path)
    try:
        assert not lost_topic_untold(db, -42)
        set_delivery_thread(db, -42, 9, now=WHEN)
        assert lose_delivery_thread(db, -42, 9, error="TOPIC_DELETED", now=WHEN)
        assert lost_topic_untold(db, -42)  # a new loss: told before the chat's next message
        note_lost_topic_told(db, -42, now=WHEN)
        assert not lost_topic_untold(db, -42)
        set_delivery_thread(db, -42, 12, now=WHEN)
        assert not lost_topic_untold(db, -42)  # a topic again: nothing lost
    finally:
        db.conn.close()
