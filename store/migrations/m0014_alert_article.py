"""The article that made an alert: the newest of a story's articles that arrived and matched a chat's
follows when the alert was queued. An alert for a story that grew leads with that article (its title,
link and first sentence), not with the story's old headline. Alerts from before this migration hold
none and show the story's headline, as they did."""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute("ALTER TABLE alerts ADD COLUMN article_id INTEGER")
