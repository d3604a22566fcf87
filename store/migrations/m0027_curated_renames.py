"""Twitter and Facebook are organisations of their own (``seeds/actors.toml``): the lists of older releases
made them other names of X and Meta, which every archive stored before holds as aliases. They are dropped,
so a new article's "Twitter" of 2017 is Twitter, as on a new installation; a rename an article states ("X,
formerly Twitter") is read by ``briefing.renames`` from now on. Mentions counted under X or Meta before
stay there (which text wrote "Twitter" is not stored apart)."""

from sqlite_utils import Database

# (the actor the old lists gave the name to, the name's folded form)
CURATED = (("X", "twitter"), ("Meta", "facebook"))


def apply(db: Database) -> None:
    for name, norm in CURATED:
        db.execute(
            "DELETE FROM actor_aliases WHERE norm = ? AND actor_id IN"
            " (SELECT id FROM actors WHERE name = ? AND type = 'organization')",
            [norm, name],
        )
