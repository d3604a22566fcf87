"""The role a dossier shows across articles (QA15a F8): a later, vaguer mention keeps the detailed role;
a new office in a later article is shown."""

import pytest

from briefing.render import to_plain
from briefing.role_choice import kept_role
from briefing.service.commands import Asker, answer, load_all
from tests.actor_helpers import add_article, role_of

ENVOY = (
    "President-elect Donald Trump named retired Army Lieutenant General Keith Kellogg special envoy for "
    "Ukraine and Russia. Kellogg said the war in Ukraine must end with a negotiated settlement."
)
MET = "US envoy Keith Kellogg met President Volodymyr Zelenskyy in Kyiv. Kellogg said talks went well."
DETAILED = "retired Army Lieutenant General"


def test_a_later_vaguer_role_does_not_replace_the_detailed_one(app):
    add_article(app, ENVOY, source="DW", day=1)
    add_article(app, MET, source="Wire", day=2)
    assert role_of(app.db, "Keith Kellogg") == DETAILED


def test_a_detailed_role_from_an_older_article_replaces_a_vaguer_one(app):
    add_article(app, MET, source="Wire", day=5)
    add_article(app, ENVOY, source="DW", day=1)
    assert role_of(app.db, "Keith Kellogg") == DETAILED


def test_a_new_office_in_a_later_article_is_shown(app):
    add_article(app, ENVOY, source="DW", day=1)
    add_article(app, "Former envoy Keith Kellogg said on Monday that the talks had failed.", day=2)
    assert role_of(app.db, "Keith Kellogg") == "Former envoy"


def test_another_portfolio_replaces_the_role_only_when_newer(app):
    add_article(app, "Defence Minister Pål Jonson said on Monday that the army would grow.", day=1)
    add_article(app, "Foreign Minister Pål Jonson said on Friday that talks would resume.", day=3)
    assert role_of(app.db, "Pål Jonson") == "Foreign Minister"
    add_article(app, "Trade Minister Pål Jonson said on Tuesday that tariffs would fall.", day=2)
    assert role_of(app.db, "Pål Jonson") == "Foreign Minister"


def test_a_title_alone_does_not_replace_an_office(app):
    add_article(
        app, "Ukraine's commander-in-chief Oleksandr Syrskyi said on Monday that reserves were coming.", day=1
    )
    add_article(app, "General Syrskyi warned on Wednesday that the winter would be hard.", day=3)
    assert role_of(app.db, "Oleksandr Syrskyi") == "commander-in-chief"


def test_an_office_taken_up_replaces_the_provisional_one(app):
    add_article(app, "President-elect Donald Trump said on Monday that the talks would start soon.", day=1)
    assert role_of(app.db, "Donald Trump") == "President-elect"
    add_article(app, "President Donald Trump said on Monday that the talks had started.", day=20)
    assert role_of(app.db, "Donald Trump") == "President"


@pytest.mark.parametrize(
    ("stored", "new", "newer", "kept"),
    [
        ("special envoy for Ukraine and Russia", "envoy", True, "special envoy for Ukraine and Russia"),
        (
            "special envoy for Ukraine and Russia",
            "top envoy for Ukraine",
            True,
            "special envoy for Ukraine and Russia",
        ),
        ("envoy", "special envoy for Ukraine", False, "special envoy for Ukraine"),
        ("special envoy for Ukraine", "deputy envoy", True, "deputy envoy"),
        ("special envoy for Ukraine", "US envoy", True, "US envoy"),
        ("special envoy", "US envoy", True, "special envoy"),
        ("Ukrainian President", "President", True, "Ukrainian President"),
        ("Ukrainian President", "President of Ukraine", True, "President of Ukraine"),
        ("Ukrainian President", "President of Ukraine", False, "Ukrainian President"),
        ("mayor of Bergen", "Oslo mayor", True, "Oslo mayor"),
        ("mayor of Bergen", "mayor", True, "mayor of Bergen"),
        ("Senator", "President", True, "President"),
        ("Senator", "President", False, "Senator"),
        ("President-elect", "President", True, "President"),
        ("President-elect", "President", False, "President-elect"),
        ("acting President", "President of Ukraine", True, "President of Ukraine"),
        ("incoming security adviser", "security adviser", True, "security adviser"),
        ("commander-in-chief", "General", True, "commander-in-chief"),
        ("Gen.", "commander-in-chief", False, "commander-in-chief"),
        ("commander-in-chief", "Gen.", True, "commander-in-chief"),
        (None, "Gen.", True, "Gen."),
        ("mayor", None, True, "mayor"),
        # roles one article gives together: "envoy" says less than one of them
        (
            "retired general; special envoy for Ukraine",
            "envoy",
            True,
            "retired general; special envoy for Ukraine",
        ),
        (
            "envoy",
            "retired general; special envoy for Ukraine",
            False,
            "retired general; special envoy for Ukraine",
        ),
    ],
)
def test_the_kept_role(stored, new, newer, kept):
    assert kept_role(stored, new, newer=newer) == kept


async def test_the_dossier_and_the_candidates_show_the_detailed_role(app):
    load_all()
    add_article(app, ENVOY, source="DW", day=1)
    add_article(app, MET, source="Wire", day=2)
    add_article(app, "Kellogg's reported higher cereal sales on Tuesday.", source="Wire", day=3)
    reply = await answer(app, "/actor Keith Kellogg", Asker(chat_id=1, user_id=1))
    assert f"Person · {DETAILED}" in to_plain(reply.document)
    reply = await answer(app, "/actor Kellogg", Asker(chat_id=1, user_id=1))
    assert f"Keith Kellogg — person, {DETAILED}" in to_plain(reply.document)
