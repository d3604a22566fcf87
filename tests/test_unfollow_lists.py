"""/unfollow with several names in one message, as /follow takes them (``briefing.name_lists``); and
lists of either with many names, a name twice or an empty piece."""

from __future__ import annotations

import pytest

from briefing.service.commands import Asker, answer, load_all
from briefing.service.follows import MAX_AT_ONCE, MAX_FOLLOWS
from store import subscribers
from tests.actor_helpers import LEADERS_NEWS, add_article, two_leaders_listed

ALICE = Asker(chat_id=1001, user_id=1001)
load_all()


@pytest.fixture
async def news(app):
    add_article(app, LEADERS_NEWS)
    await answer(app, "/follow Kellogg, Zelensky, Trump, Putin, grain exports", ALICE)
    return app


def values(app) -> set[str]:
    return {f.value for f in subscribers.follows_of(app.db, 1001)}


def payloads(reply) -> list[str]:
    return [b.payload for row in reply.buttons for b in row]


@pytest.mark.parametrize("typed", two_leaders_listed("unfollow"))
async def test_several_names_in_one_unfollow_are_each_stopped(news, typed):
    reply = await answer(news, f"/unfollow {typed}", ALICE)
    text = reply.document.text
    assert text.startswith("Stopped following Keith Kellogg and Volodymyr Zelensky.\nYou follow:\n"), text
    assert values(news) == {"Donald Trump", "Vladimir Putin", "grain exports"}
    # what is left, each with its own button, as a single /unfollow shows it
    assert sorted(payloads(reply)) == [
        "/unfollow Donald Trump",
        "/unfollow Vladimir Putin",
        "/unfollow grain exports",
    ]


async def test_each_name_of_an_unfollow_list_gets_what_it_would_get_alone(news):
    # "Donald Trump": the person and a topic of that name
    subscribers.follow(news.db, 1001, "topic", "Donald Trump", now=news.now())
    reply = await answer(news, "/unfollow Kellogg, nobody, Donald Trump, Putin (planet), ghost", ALICE)
    text = reply.document.text
    assert text.startswith("Stopped following Keith Kellogg.\nYou don't follow “nobody”, “ghost”.\n"), text
    assert "You follow more than one “Donald Trump”. Which one shall I stop?\n" in text
    assert "/unfollow Donald Trump (person)\n/unfollow Donald Trump (topic)\n" in text
    assert "I don't know the type “planet”" in text
    assert values(news) == {"Volodymyr Zelensky", "Donald Trump", "Vladimir Putin", "grain exports"}
    # the buttons are those of what is still followed, one follow each
    assert {"/unfollow Donald Trump (person)", "/unfollow Donald Trump (topic)"} <= set(payloads(reply))
    assert len(payloads(reply)) == 5


async def test_a_follow_named_twice_in_one_list_is_stopped_once(news):
    reply = await answer(news, "/unfollow Trump, trump, Donald Trump,, Putin", ALICE)
    text = reply.document.text
    assert text.startswith("Stopped following Donald Trump and Vladimir Putin.\n"), text
    assert "You don't follow" not in text


async def test_a_followed_topic_with_a_comma_or_and_is_stopped_whole(news):
    await answer(news, "/follow Kellogg, Zelensky (topic)", ALICE)
    await answer(news, "/follow search and rescue", ALICE)
    reply = await answer(news, "/unfollow Kellogg, Zelensky", ALICE)
    assert reply.document.text.startswith("Stopped following Kellogg, Zelensky.\n")
    await answer(news, "/unfollow search and rescue", ALICE)
    assert values(news) == {
        "Keith Kellogg",
        "Volodymyr Zelensky",
        "Donald Trump",
        "Vladimir Putin",
        "grain exports",
    }


async def test_unfollowing_everything_in_one_list_says_so(news):
    reply = await answer(news, "/unfollow Kellogg, Zelensky, Trump, Putin, grain exports", ALICE)
    assert reply.document.text.endswith("You follow nothing now.")
    assert values(news) == set() and reply.buttons == ()


async def test_unfollow_takes_a_list_as_long_as_what_a_chat_may_follow(news):
    for i in range(MAX_FOLLOWS - 5):
        await answer(news, f"/follow topic {i}", ALICE)
    everything = ", ".join(sorted(values(news)))
    assert len(everything.split(", ")) == MAX_FOLLOWS > MAX_AT_ONCE
    reply = await answer(news, f"/unfollow {everything}", ALICE)
    assert reply.document.text.endswith("You follow nothing now.")
    longer = ", ".join(f"name{i}" for i in range(MAX_FOLLOWS + 1))
    refused = await answer(news, f"/unfollow {longer}", ALICE)
    assert f"That is {MAX_FOLLOWS + 1} names; a chat follows at most {MAX_FOLLOWS} things." in (
        refused.document.text
    )


async def test_nothing_but_separators_is_no_name(news):
    assert "Whom or what shall I follow?" in (await answer(news, "/follow ,, ;", ALICE)).document.text
    assert "Whom or what shall I follow?" in (await answer(news, "/follow /follow", ALICE)).document.text
    listing = await answer(news, "/unfollow , /unfollow", ALICE)  # as /unfollow alone: what is followed
    assert listing.document.text.startswith("You follow:") and len(values(news)) == 5


async def test_a_follow_list_names_each_once(app):
    add_article(app, LEADERS_NEWS)
    reply = await answer(app, "/follow Trump, trump, TRUMP,, Donald Trump, Putin", ALICE)
    text = reply.document.text
    assert text.startswith("Following:\nDonald Trump (person)\nVladimir Putin (person)\n"), text
    assert "You already follow" not in text
    # ten names, some twice: counted once each, so within the limit
    names = ", ".join(f"topic{i % MAX_AT_ONCE}" for i in range(2 * MAX_AT_ONCE))
    many = await answer(app, f"/follow {names}", ALICE)
    assert "at most" not in many.document.text and len(values(app)) == 2 + MAX_AT_ONCE
