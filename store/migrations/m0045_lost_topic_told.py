"""``chat_threads.lost_told_at``: when the group whose topic was lost (m0036's ``lost_at``) was told so, in
General. The notice was sent once, when the loss was recorded, and a send that failed lost it for good
(only logged); now it is remembered as told once Telegram took it (or refused it outright: the same
refusal would come again), and a loss not told yet is told before the chat's next message. The losses
recorded before count as told: their one try was made."""

from sqlite_utils import Database

STATEMENTS = (
    "ALTER TABLE chat_threads ADD COLUMN lost_told_at TEXT",
    "UPDATE chat_threads SET lost_told_at = lost_at WHERE lost_at IS NOT NULL",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
