"""An honorific before a surname alone says whether it names a woman or a man (qa32a F3): "Mrs Clinton"
is never Bill Clinton, whom the text has called "he" or "his"; where the text names a woman of the
surname, it is she, and `/actor Mrs Clinton` opens the person the archive's articles called so."""

import pytest

from briefing.render import to_plain
from briefing.service.commands import Asker, answer, load_all
from tests.actor_helpers import add_article
from tests.actor_helpers import surfaces_by_actor as typed

GALA = (
    "Bill Clinton and his wife attended a gala in New York on Friday. Mrs Clinton received an award for "
    "her work on women's rights."
)
CAMPAIGN = (
    "Former President Bill Clinton was admitted to a hospital in Washington on Monday, an aide said, "
    "adding that he was in good spirits. Clinton, 78, was taken to a hospital for tests. His wife, former "
    "Secretary of State Hillary Clinton, was at his side. Mrs Clinton has cancelled an appearance in New "
    "York this week. Mr Clinton is expected home on Friday."
)


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_mrs_is_never_the_man_of_the_surname(tagger):
    found = typed(GALA, tagger=tagger)
    assert found[("Bill Clinton", "person")] == ["Bill Clinton"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_mrs_and_mr_go_to_the_woman_and_the_man_the_text_names(tagger):
    found = typed(CAMPAIGN, tagger=tagger)
    assert found[("Hillary Clinton", "person")] == ["Hillary Clinton", "Clinton"]
    assert found[("Bill Clinton", "person")] == ["Bill Clinton", "Clinton", "Clinton"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_mrs_goes_to_the_woman_named_most_not_her_daughter_named_once(tagger):
    text = (
        "Hillary Clinton accepted the Democratic nomination on Thursday. Clinton told delegates that "
        "America faced a moment of reckoning. She was introduced by her daughter, Chelsea Clinton. "
        "Mrs Clinton will face Donald Trump in November."
    )
    found = typed(text, tagger=tagger)
    assert found[("Hillary Clinton", "person")] == ["Hillary Clinton", "Clinton", "Clinton"]
    assert found[("Chelsea Clinton", "person")] == ["Chelsea Clinton"]


async def test_actor_mrs_opens_the_woman_the_archive_called_so(app):
    load_all()
    add_article(app, CAMPAIGN, day=3)
    add_article(app, "Former President Bill Clinton spoke in Little Rock. Clinton said he was well.", day=4)
    add_article(app, "Former President Bill Clinton opened a library. Mr Clinton thanked donors.", day=5)
    reply = await answer(app, "/actor Mrs Clinton", Asker(chat_id=1, user_id=1))
    assert to_plain(reply.document).startswith("HILLARY CLINTON")
    reply = await answer(app, "/actor Mr Clinton", Asker(chat_id=1, user_id=1))
    assert to_plain(reply.document).startswith("BILL CLINTON")
