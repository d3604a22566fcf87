"""Roles keep the word that makes them true ("former", "ex-", "then", "late", "acting", "deputy", ...):
"The former US envoy Keith Kellogg" is a former envoy, and a dossier must not tell him as a current one."""

import pytest

from briefing.actors import extract_actors
from briefing.render import html_messages, to_plain
from briefing.role_choice import kept_role
from briefing.service.commands import Asker, answer, load_all
from tests.actor_helpers import add_article, role_of

ENVOY = (
    "President-elect Donald Trump named Keith Kellogg as special envoy for Ukraine and Russia on Wednesday. "
    "Kellogg said the war in Ukraine must end with a negotiated settlement."
)
FORMER = "The former US envoy Keith Kellogg said on Monday that the talks had stalled."


def role_in(text: str, name: str) -> str | None:
    (actor,) = [a for a in extract_actors(text) if a.name == name]
    return actor.role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (FORMER, "Keith Kellogg", "former US envoy"),
        ("He stood beside then-Vice President Mike Pence at the rally.", "Mike Pence", "then-Vice President"),
        ("The ex-US envoy Tim Lenderking agreed with the plan.", "Tim Lenderking", "ex-US envoy"),
        ("Ex-Prime Minister Boris Johnson disagreed on Monday.", "Boris Johnson", "Ex-Prime Minister"),
        (
            "Incoming national security adviser Mike Waltz said nothing.",
            "Mike Waltz",
            "Incoming national security adviser",
        ),
        (
            "He met former Trump campaign manager Paul Manafort on Monday.",
            "Paul Manafort",
            "former Trump campaign manager",
        ),
        ("The retired police officer Jim Hall said it was quiet.", "Jim Hall", "retired police officer"),
        ("The caretaker prime minister Anwar Ul Haq spoke.", "Anwar Ul Haq", "caretaker prime minister"),
        ("Lisa Berg, ex-president of the club, agreed.", "Lisa Berg", "ex-president of the club"),
        ("Anna Berg, the outgoing mayor of Bergen, spoke.", "Anna Berg", "outgoing mayor of Bergen"),
        ("The late Queen Elizabeth was remembered in London.", "Elizabeth", "late Queen"),
        ("Talks were led by deputy minister Sergei Ryabkov.", "Sergei Ryabkov", "deputy minister"),
    ],
)
def test_a_role_keeps_its_qualifier(text, name, role):
    assert role_in(text, name) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a nationality alone before the role noun is left out, as before
        ("US envoy Keith Kellogg met officials in Kyiv on Monday.", "Keith Kellogg", "envoy"),
        # "then" alone is the adverb, a verb ("fired") is no part of the role; "national" is (where the
        # office is held, ``ROLE_SCOPES``: QA22a F5)
        (
            "Trump then fired national security adviser John Bolton.",
            "John Bolton",
            "national security adviser",
        ),
        ("Trump then fired security adviser Tom Bossert.", "Tom Bossert", "security adviser"),
        # "Acting on a tip," opens the sentence: a comma ends the role
        ("Acting on a tip, police chief John Doe moved in.", "John Doe", "chief"),
    ],
)
def test_a_qualifier_word_that_is_no_part_of_the_role(text, name, role):
    assert role_in(text, name) == role


def test_a_newer_former_role_replaces_the_office_the_person_left(app):
    add_article(app, ENVOY, source="DW", day=1)
    assert role_of(app.db, "Keith Kellogg") == "special envoy for Ukraine and Russia"
    add_article(app, FORMER, source="Wire", day=3)
    assert role_of(app.db, "Keith Kellogg") == "former US envoy"
    # an older article, from when he held the office, does not bring it back
    add_article(app, "Special envoy Keith Kellogg said on Tuesday that talks would begin soon.", day=2)
    assert role_of(app.db, "Keith Kellogg") == "former US envoy"


def test_an_older_former_role_does_not_replace_the_office(app):
    add_article(app, ENVOY, source="DW", day=5)
    add_article(app, FORMER, source="Wire", day=1)
    assert role_of(app.db, "Keith Kellogg") == "special envoy for Ukraine and Russia"


def test_a_deputy_promoted_to_the_office(app):
    add_article(app, "The talks were led by deputy foreign minister Sergei Ryabkov on Monday.", day=1)
    add_article(app, "Foreign minister Sergei Ryabkov said on Friday that talks would resume.", day=4)
    assert role_of(app.db, "Sergei Ryabkov") == "Foreign minister"
    # the deputy's office, from an older article, says no more of the office he holds now
    add_article(app, "Deputy foreign minister Sergei Ryabkov said on Tuesday that talks were off.", day=2)
    assert role_of(app.db, "Sergei Ryabkov") == "Foreign minister"


async def test_the_dossier_shows_the_former_role(app):
    load_all()
    add_article(app, ENVOY, source="DW", day=1)
    add_article(app, FORMER, source="Wire", day=3)
    reply = await answer(app, "/actor Keith Kellogg", Asker(chat_id=1, user_id=1))
    assert "Person · former US envoy" in to_plain(reply.document)


@pytest.mark.parametrize(
    ("stored", "new", "newer", "kept"),
    [
        ("special envoy for Ukraine and Russia", "former envoy", True, "former envoy"),
        ("special envoy for Ukraine", "former envoy", False, "special envoy for Ukraine"),
        ("former envoy", "special envoy for Ukraine and Russia", False, "former envoy"),
        # of one standing, the longer still says more
        ("former special envoy for Ukraine", "former envoy", True, "former special envoy for Ukraine"),
        ("former envoy", "former special envoy for Ukraine", False, "former special envoy for Ukraine"),
        ("Ex-President", "former President", True, "former President"),
        # a title alone, in another standing, is the newer fact
        ("former President", "President", True, "President"),
        ("President", "former President", False, "President"),
        ("President", "President-elect", False, "President"),
        ("President", "acting President", False, "President"),
        ("President", "Vice President", False, "President"),
        ("Vice President", "President", True, "President"),
        ("foreign minister", "deputy foreign minister", False, "foreign minister"),
        ("deputy foreign minister", "foreign minister", True, "foreign minister"),
        # death is not undone
        ("late Queen", "Queen", True, "late Queen"),
        ("Queen", "late Queen", False, "late Queen"),
        # "retired" is no standing: a retired general is still "General"
        ("retired Army Lieutenant General", "General", True, "retired Army Lieutenant General"),
        # one part of the roles an article gives together
        ("retired general; special envoy for Ukraine", "former envoy", True, "former envoy"),
        ("retired general; special envoy", "envoy", True, "retired general; special envoy"),
    ],
)
def test_the_kept_role_weighs_the_standing(stored, new, newer, kept):
    assert kept_role(stored, new, newer=newer) == kept


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # QA22a F5: "regional president Carlos Mazon" was a "president", a head of state as read
        (
            "At least 40 people died, according to regional president Carlos Mazon on Tuesday.",
            "Carlos Mazon",
            "regional president",
        ),
        ("The talks were led by provincial governor Juan Garcia.", "Juan Garcia", "provincial governor"),
        ("The case was heard by federal judge Amy Berman Jackson.", "Amy Berman Jackson", "federal judge"),
        ("The vote was called by regional President Carlos Mazon.", "Carlos Mazon", "regional President"),
        ("The vote was called by Carlos Mazon, regional president of Valencia.", "Carlos Mazon",
         "regional president of Valencia"),
        ("Sanchez named Carlos Mazon as regional president on Monday.", "Carlos Mazon", "regional president"),
        # as before: capitalised at a sentence's start, and "state" as a portfolio
        ("Regional president Juan Garcia met them on Monday.", "Juan Garcia", "Regional president"),
        ("The bill was backed by state senator John Smith on Monday.", "John Smith", "state senator"),
    ],
)  # fmt: skip
def test_a_role_keeps_where_its_office_is_held(text, name, role):
    assert role_in(text, name) == role


@pytest.mark.parametrize("after", ["in 2024.", "in 2024, officials said.", "since 2019."])
def test_an_as_role_ends_before_the_year(after):
    """ "as special envoy in 2024." was the role "special envoy in 2024." (found with QA22a F5)."""
    text = f"Trump named Keith Kellogg as special envoy {after}"
    assert role_in(text, "Keith Kellogg") == "special envoy"


async def test_the_dossier_of_one_fact_from_two_outlets_quotes_it_once_under_the_regional_role(app):
    """QA22a F4 and F5 through the service, as /actor answers in Telegram: "Person · president" and the
    same fact quoted from each outlet before; now the regional role, and the fact once."""
    load_all()
    add_article(
        app,
        "A violent storm flooded the Spanish city of Valencia on Tuesday, killing at least 40 people,"
        " regional president Carlos Mazon said. Rescue teams searched the streets of Paiporta.",
        title="Floods hit Valencia",
        source="News A",
        day=1,
    )
    add_article(
        app,
        "At least 40 people were killed when a violent storm flooded Valencia on Tuesday, according to"
        " regional president Carlos Mazon. Mazon asked Madrid to send the army to clear the streets.",
        title="Valencia storm toll rises",
        source="News B",
        day=2,
    )
    reply = await answer(app, "/actor mazon", Asker(chat_id=1, user_id=1))
    text = to_plain(reply.document)
    assert "Person · regional president" in text
    assert sum("at least 40 people" in line.casefold() for line in text.splitlines()) == 1, text
    html = "".join(html_messages(reply.document))
    assert "Person · regional president" in html and html.casefold().count("at least 40 people") == 1
