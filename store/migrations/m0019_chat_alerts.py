"""Each chat's own alert settings: the timezone of a chat that follows without a digest (a subscriber's
zone is its digest's), and its quiet hours ("23:00-06:00", "off"); NULL keeps the bot's default."""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS chat_alerts (chat_id INTEGER PRIMARY KEY, timezone TEXT,"
        " quiet_hours TEXT, updated_at TEXT NOT NULL)"
    )
