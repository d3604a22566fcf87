"""``follows.value_key`` made anew once more: ``briefing.models.follow_key`` now also counts as one name
what differs only in the apostrophe, dash or double quote a keyboard typed, or in its spaces
(``briefing.letters.fold_punctuation``): "Cote d’Ivoire" (the apostrophe iOS and macOS type) and
"Cote d'Ivoire", "“port strike”" and '"port strike"'. The news matched them alike already; /unfollow with
the other apostrophe did not find the follow. A chat's follows the new key counts twice are kept once as
m0035 keeps them (the one followed first; an alert held for the other still goes out under its name)."""

from sqlite_utils import Database

from store.migrations.m0035_follow_key_letters import apply as _make_keys_anew


def apply(db: Database) -> None:
    _make_keys_anew(db)
