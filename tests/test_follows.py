"""/follow, /unfollow and /following as use cases."""

from __future__ import annotations

from briefing.service.commands import Asker, answer, load_all
from briefing.service.follows import MAX_FOLLOWS, clean_topic
from store import subscribers
from tests.actor_helpers import add_article

ALICE = Asker(chat_id=1001, user_id=1001)
load_all()


def test_clean_topic_keeps_the_words_and_drops_the_packaging():
    assert clean_topic('  "grain   exports". ') == "grain exports"
    assert clean_topic("<b>x</b> & y") == "<b>x</b> & y"  # escaped when shown, not mangled


async def test_follow_a_topic_once_whatever_its_case(app):
    reply = await answer(app, "/follow Grain Exports", ALICE)
    assert "Following the topic Grain Exports." in reply.document.text
    reply = await answer(app, "/follow grain exports", ALICE)
    assert "You already follow Grain Exports." in reply.document.text
    assert [(f.kind, f.value) for f in subscribers.follows_of(app.db, 1001)] == [("topic", "Grain Exports")]


async def test_follow_without_a_name_explains(app):
    reply = await answer(app, "/follow", ALICE)
    assert "/follow Kellogg" in reply.document.text


async def test_follow_refuses_a_very_long_topic(app):
    reply = await answer(app, "/follow " + "word " * 40, ALICE)
    assert "at most 100" in reply.document.text
    assert subscribers.follows_of(app.db, 1001) == []


async def test_a_chat_follows_at_most_fifty_things(app):
    for i in range(MAX_FOLLOWS):
        await answer(app, f"/follow topic {i}", ALICE)
    reply = await answer(app, "/follow one more", ALICE)
    assert "already follows 50 things" in reply.document.text


async def test_following_lists_with_unfollow_buttons(app):
    await answer(app, "/follow ports", ALICE)
    await answer(app, "/follow grain", ALICE)
    reply = await answer(app, "/following", ALICE)
    assert "ports — topic" in reply.document.text
    assert [row[0].payload for row in reply.buttons] == ["/unfollow grain", "/unfollow ports"]


async def test_following_nothing(app):
    reply = await answer(app, "/following", ALICE)
    assert "You follow nothing yet" in reply.document.text and reply.buttons == ()


async def test_unfollow_without_a_name_shows_the_list(app):
    await answer(app, "/follow ports", ALICE)
    reply = await answer(app, "/unfollow", ALICE)
    assert reply.buttons[0][0].payload == "/unfollow ports"


async def test_unfollow_the_last_one(app):
    await answer(app, "/follow ports", ALICE)
    reply = await answer(app, "/unfollow Ports", ALICE)
    assert "You follow nothing now" in reply.document.text
    reply = await answer(app, "/unfollow ports", ALICE)
    assert "You don't follow “ports”." in reply.document.text


async def test_a_name_of_one_actor_is_followed_as_that_actor(app):
    add_article(app, "Retired general Keith Kellogg met Volodymyr Zelenskyy. Kellogg promised help.")
    reply = await answer(app, "/follow kellogg", ALICE)
    assert "Following the actor Keith Kellogg." in reply.document.text
    (follow,) = subscribers.follows_of(app.db, 1001)
    assert (follow.kind, follow.value) == ("actor", "Keith Kellogg") and follow.actor_id is not None
    listing = await answer(app, "/following", ALICE)
    assert "Keith Kellogg — person" in listing.document.text
    reply = await answer(app, "/follow Keith Kellogg", ALICE)
    assert "You already follow Keith Kellogg." in reply.document.text
    reply = await answer(app, "/unfollow Kellogg", ALICE)
    assert "Stopped following Keith Kellogg" in reply.document.text


async def test_a_name_no_actor_has_is_a_topic(app):
    add_article(app, "Retired general Keith Kellogg met Volodymyr Zelenskyy.")
    reply = await answer(app, "/follow Kellogg Foundation grants", ALICE)
    assert "Following the topic Kellogg Foundation grants." in reply.document.text


async def test_a_type_qualifier_chooses_the_actor_as_actor_does(app):
    add_article(app, "Russia and Ukraine met in Geneva. Russia said little.")
    reply = await answer(app, "/follow Russia (place)", ALICE)
    assert "Following the actor Russia." in reply.document.text
    assert "Your daily digest puts news about Russia first." in reply.document.text
    (follow,) = subscribers.follows_of(app.db, 1001)
    assert (follow.kind, follow.value) == ("actor", "Russia")
    reply = await answer(app, "/unfollow Russia (place)", ALICE)
    assert "Stopped following Russia" in reply.document.text


async def test_a_qualifier_that_does_not_fit_says_what_the_name_is(app):
    add_article(app, "Russian President Vladimir Putin spoke on Monday. Putin said little.")
    reply = await answer(app, "/follow Putin (organisation)", ALICE)
    assert reply.document.text.startswith(
        "Vladimir Putin is a person, not an organisation: /follow Vladimir Putin"
    )
    assert subscribers.follows_of(app.db, 1001) == []


async def test_a_name_only_close_to_an_actor_offers_it_and_the_topic(app):
    add_article(app, "North Korean leader Kim Jong Un met officials. Kim Jong Un said little.")
    reply = await answer(app, "/follow Kim", ALICE)
    assert "/follow Kim Jong Un" in reply.document.text
    assert "Or follow the words as a topic: /follow Kim (topic)." in reply.document.text
    assert subscribers.follows_of(app.db, 1001) == []
    reply = await answer(app, "/follow Kim (topic)", ALICE)
    assert "Following the topic Kim." in reply.document.text
    assert [(f.kind, f.value) for f in subscribers.follows_of(app.db, 1001)] == [("topic", "Kim")]
    reply = await answer(app, "/unfollow kim (topic)", ALICE)
    assert reply.document.text == "Stopped following Kim. You follow nothing now."  # as it was followed


async def test_an_ambiguous_name_offers_the_candidates_to_follow(app):
    add_article(app, "Retired general Keith Kellogg met Volodymyr Zelenskyy. Kellogg promised help.")
    add_article(app, "Kellogg's reported higher cereal sales on Tuesday.", day=2)
    reply = await answer(app, "/follow Kellogg", ALICE)
    assert "“Kellogg” could be more than one actor" in reply.document.text
    assert "/follow Keith Kellogg" in reply.document.text and "/follow Kellogg's" in reply.document.text
    assert subscribers.follows_of(app.db, 1001) == []
    reply = await answer(app, "/follow Kellogg (person)", ALICE)
    assert "Following the actor Keith Kellogg." in reply.document.text


async def test_a_common_word_inside_a_long_name_is_still_a_topic(app):
    add_article(app, "The Institute for the Study of War said the front held. The war goes on.")
    reply = await answer(app, "/follow war", ALICE)
    assert "Following the topic war." in reply.document.text
