"""Arabic given names in one spelling (``briefing.given_names``): people stored before, "Mohammed bin
Salman", get the key and alias forms a new article's "Muhammad bin Salman" has, so the two join (see
``store.actors.respell_people``); an archive stored before reads as a new one does."""

from sqlite_utils import Database

from store.actors import respell_people


def apply(db: Database) -> None:
    respell_people(db)
