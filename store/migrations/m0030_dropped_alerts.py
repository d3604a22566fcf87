"""Alerts dropped unsent before the 'dropped' state existed were stored as 'failed': the chat had
unfollowed what the alert was about, or had blocked the bot (Telegram refused it), so it never reached
the chat; yet a failed first telling is the story's one alert for the chat, and blocked the story for
good. Such a row is told by the error the drop wrote, which no failed send ever writes: "not sent: the
chat ..." (unfollowed, stopped its alerts, cannot be reached) or "chat unreachable: ..." (Telegram
refused it: blocked, kicked, chat not found). Those become 'dropped', as the code since writes them.

A failure that may have reached the chat stays 'failed' and keeps blocking: a send given up unanswered
("unconfirmed: ...") or refused for itself ("refused by Telegram: ..."). A drop keeps its count of
unanswered sends (``unconfirmed``), so one sent unanswered before it was dropped is still never queued
again (see ``store.alerts``). Before migration 10 an unanswered send was not counted, and was sent again
at once: a drop of that time of an alert a send had been tried for (``claimed_at``) may have followed a
delivery nobody heard of, and stays failed."""

from sqlite_utils import Database

DROPS = (  # the errors the drops wrote (store.alerts.drop_alerts, drop_chat_alerts), old ones too
    "not sent: the chat ",
    "chat unreachable: ",
)


def apply(db: Database) -> None:
    row = db.execute("SELECT applied_at FROM schema_migrations WHERE number = 10").fetchone()
    counted_since = row[0] if row and row[0] else ""  # '' when the database was made counting them
    written_by_drop = " OR ".join("substr(error, 1, ?) = ?" for _ in DROPS)
    db.execute(
        "UPDATE alerts SET state = 'dropped' WHERE state = 'failed' AND message_id IS NULL"
        f" AND ({written_by_drop})"
        " AND NOT (claimed_at IS NOT NULL AND coalesce(sent_at, '') < ?)",
        [*(x for prefix in DROPS for x in (len(prefix), prefix)), counted_since],
    )
