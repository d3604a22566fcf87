"""``chat_threads``: the forum topic (``message_thread_id``) a supergroup's digest and alerts go to, the one
where an administrator last sent /subscribe, /settings or /follow (NULL: General). Without it the daily
posts of a group that set up a topic for the bot landed in General, refused outright when General is
closed. ``lost_at``/``lost_error``: Telegram refused the topic (closed or deleted), so the chat's posts
went to General since; kept to say why."""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS chat_threads ("
        " chat_id INTEGER PRIMARY KEY,"
        " thread_id INTEGER,"
        " set_at TEXT NOT NULL,"
        " lost_at TEXT,"
        " lost_error TEXT)"
    )
