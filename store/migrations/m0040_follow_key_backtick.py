"""``follows.value_key`` made anew for the backtick: ``briefing.letters.fold_punctuation`` wrote every
typed apostrophe as "'" but returned plain ASCII text as it was, so "d`Ivoire" and "O`Brien" (a backtick
typed for an apostrophe) kept keys of their own, and /follow "O'Brien" made a second follow. The news
matched them alike already (the index reads a backtick as the space between words). A chat's follows the
new key counts twice are kept once as m0035 keeps them (the one followed first; an alert held for the
other still goes out under its name)."""

from sqlite_utils import Database

from store.migrations.m0035_follow_key_letters import apply as _make_keys_anew


def apply(db: Database) -> None:
    _make_keys_anew(db)
