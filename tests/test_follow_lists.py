"""/follow with several names in one message, a topic the archive does not hold yet, and markup in what
is followed (QA18a F1, F9)."""

from __future__ import annotations

import pytest

from briefing.name_lists import JOINED, LIST, cut, repeated
from briefing.service.commands import Asker, answer, load_all
from briefing.service.follows import MAX_AT_ONCE, MAX_FOLLOWS
from store import subscribers
from tests.actor_helpers import LEADERS_NEWS, add_article, two_leaders_listed

ALICE = Asker(chat_id=1001, user_id=1001)
TERMINAL = Asker(chat_id=0, user_id=0)
load_all()


@pytest.fixture
def news(app):
    add_article(app, LEADERS_NEWS)
    return app


def followed(app, chat_id: int = 1001) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in subscribers.follows_of(app.db, chat_id)]


def test_a_list_is_cut_at_its_separators_outside_quotes():
    assert cut("Kellogg, Zelensky, and Trump", LIST) == ["Kellogg", "Zelensky", "Trump"]
    assert cut('"bread, butter", jam', LIST) == ['"bread, butter"', "jam"]
    assert cut("1,000 troops; ports\nwheat", LIST) == ["1,000 troops", "ports", "wheat"]
    assert cut("Hamas and Hezbollah & AT&T", JOINED) == ["Hamas", "Hezbollah", "AT&T"]
    assert cut("and more", JOINED) == ["and more"]  # one piece keeps its words


def test_the_command_typed_again_on_the_line_cuts_it():
    again = repeated("follow")
    assert cut("Trump /follow Putin", again) == ["Trump", "Putin"]
    assert cut("Trump ／follow@YourBot Putin", again) == ["Trump", "Putin"]
    assert cut("Trump /follower x", again) == ["Trump /follower x"]  # another word, not the command


@pytest.mark.parametrize("typed", two_leaders_listed("follow"))
async def test_several_names_in_one_follow_are_followed_each(news, typed):
    reply = await answer(news, f"/follow {typed}", ALICE)
    text = reply.document.text
    assert text.startswith("Following:\nKeith Kellogg (person)\nVolodymyr Zelensky (person)\n"), text
    assert set(followed(news)) == {("actor", "Keith Kellogg"), ("actor", "Volodymyr Zelensky")}
    assert "When a new story about any of them arrives, I send you an alert" in text
    assert "For a daily digest with news about them first: /subscribe." in text


async def test_the_qa_report_s_two_lines_follow_four_people(news):
    await answer(news, "/follow Trump /follow Putin", ALICE)
    await answer(news, "/follow Kellogg, Zelensky", ALICE)
    assert [kind for kind, _ in followed(news)] == ["actor"] * 4
    assert {value for _, value in followed(news)} == {
        "Donald Trump",
        "Vladimir Putin",
        "Keith Kellogg",
        "Volodymyr Zelensky",
    }


async def test_names_joined_by_and_may_be_followed_together_as_a_topic_instead(news):
    reply = await answer(news, "/follow Trump and Putin", ALICE)
    assert "To follow the words together as one topic instead: /follow Trump and Putin (topic)." in (
        reply.document.text
    )
    together = await answer(news, "/follow Trump and Putin (topic)", ALICE)
    assert together.document.text.startswith("Following the topic Trump and Putin.")
    listed = await answer(news, "/follow Kellogg, Zelensky", ALICE)  # a list: no one topic offered
    assert "(topic)" not in listed.document.text
    bob = Asker(chat_id=2002, user_id=2002)
    typed = await answer(news, "/follow Trump (person) and Zelensky (person)", bob)  # types: no topic
    assert "Volodymyr Zelensky (person)" in typed.document.text and "(topic)" not in typed.document.text


async def test_words_joined_by_and_that_are_no_two_actors_stay_one_topic(news):
    reply = await answer(news, "/follow search and rescue", ALICE)
    assert reply.document.text.startswith("Following the topic search and rescue.")
    await answer(news, "/follow Kellogg and grain", ALICE)  # only one of them an actor: one topic
    assert ("topic", "Kellogg and grain") in followed(news)


async def test_a_name_of_the_archive_with_a_comma_or_and_is_one_name(app):
    add_article(app, "Bosnia and Herzegovina voted on Sunday. Bosnia and Herzegovina counts the ballots.")
    reply = await answer(app, "/follow Bosnia and Herzegovina", ALICE)
    assert "Following Bosnia and Herzegovina" in reply.document.text
    assert "Following:" not in reply.document.text and len(followed(app)) == 1


async def test_each_name_of_a_list_gets_what_it_would_get_alone(news):
    await answer(news, "/follow Trump", ALICE)
    reply = await answer(news, "/follow Trump, Kellogg, the, ports", ALICE)
    text = reply.document.text
    assert "\nKeith Kellogg (person)\n" in text and "\nthe topic ports\n" in text
    assert "You already follow Donald Trump." in text
    assert "“the” is in nearly every story" in text
    assert {v for _, v in followed(news)} == {"Donald Trump", "Keith Kellogg", "ports"}


async def test_a_list_keeps_the_limit_of_follows(news):
    for i in range(MAX_FOLLOWS - 1):
        await answer(news, f"/follow topic {i}", ALICE)
    reply = await answer(news, "/follow Kellogg, Zelensky, Trump", ALICE)
    text = reply.document.text
    assert "\nKeith Kellogg (person)\n" in text
    assert "This chat already follows 50 things, so not “Zelensky”, “Trump”; /unfollow some first." in text
    assert len(followed(news)) == MAX_FOLLOWS


async def test_a_very_long_list_is_refused_whole(news):
    names = ", ".join(f"name{i}" for i in range(MAX_AT_ONCE + 1))
    reply = await answer(news, f"/follow {names}", ALICE)
    assert f"I follow at most {MAX_AT_ONCE} at once" in reply.document.text
    assert followed(news) == []


async def test_a_list_asked_for_as_one_topic_is_one_topic(news):
    reply = await answer(news, "/follow Kellogg, Zelensky (topic)", ALICE)
    assert reply.document.text.startswith("Following the topic Kellogg, Zelensky.")


async def test_a_list_of_typed_items_is_followed_item_by_item(news):
    """Each item typed: the last one's "(topic)" is its own, not the line's (qa27 F1: one topic
    "North Korean troops (topic), peace talks" that nothing could ever match)."""
    await answer(news, "/follow North Korean troops (topic), peace talks (topic)", ALICE)
    assert set(followed(news)) == {("topic", "North Korean troops"), ("topic", "peace talks")}
    await answer(news, "/follow Kellogg (person), grain exports (topic)", ALICE)
    assert {("actor", "Keith Kellogg"), ("topic", "grain exports")} <= set(followed(news))
    await answer(news, "/follow maize (topic) and saline (topic)", ALICE)  # joined by "and" (qa28 F3)
    assert {("topic", "maize"), ("topic", "saline")} <= set(followed(news))


async def test_in_the_terminal_a_list_says_how_to_see_the_news_of_each(news):
    reply = await answer(news, "/follow Kellogg, Zelensky", TERMINAL)
    assert "here, /brief Keith Kellogg shows the news of one of them." in reply.document.text


async def test_a_topic_nothing_matches_yet_is_followed_and_says_so(news):
    reply = await answer(news, "/follow xyzzyqq", ALICE)
    text = reply.document.text
    assert text.startswith("Following the topic xyzzyqq.")
    assert "Nothing in the archive matches xyzzyqq yet; news to come may." in text
    assert followed(news) == [("topic", "xyzzyqq")]
    held = await answer(news, "/follow peace", ALICE)  # in the archive: no such note
    assert "Nothing in the archive" not in held.document.text


async def test_a_topic_nothing_matches_suggests_the_names_its_words_come_close_to(news):
    reply = await answer(news, "/follow Zelenski peace plan", ALICE)
    text = reply.document.text
    assert "Nothing in the archive matches Zelenski peace plan yet" in text
    assert "Close names in the news: /follow Volodymyr Zelensky (person)." in text
    # a lowercase word one letter from a name ("peace", "Pence") is no misspelling of it
    add_article(news, "Mike Pence spoke in Ohio. Pence said little.")
    reply = await answer(news, "/follow peace plan of nobody", ALICE)
    assert "Pence" not in reply.document.text


async def test_follow_drops_markup_as_actor_does(news):
    reply = await answer(news, '/follow "quoted" & <i>x</i> &amp;', ALICE)
    assert reply.document.text.startswith('Following the topic "quoted" & x.')
    assert followed(news) == [("topic", '"quoted" & x')]
    await answer(news, "/follow <b>Kellogg</b>", ALICE)
    await answer(news, "/follow AT&amp;T", ALICE)
    assert set(followed(news)[1:]) == {("actor", "Keith Kellogg"), ("topic", "AT&T")}
    empty = await answer(news, "/follow <b></b>", ALICE)
    assert "has no words to look for" in empty.document.text


async def test_a_topic_followed_with_its_markup_before_is_still_unfollowed_by_its_button(news):
    subscribers.follow(news.db, 1001, "topic", "<b>x</b> & y", now=news.now())
    listed = await answer(news, "/following", ALICE)
    (button,) = [b for row in listed.buttons for b in row]
    reply = await answer(news, button.payload, ALICE)
    assert "Stopped following" in reply.document.text and followed(news) == []


async def test_actor_decodes_character_references(news):
    reply = await answer(news, "/actor Keith&nbsp;Kellogg&#59;", ALICE)
    assert "KEITH KELLOGG" in reply.document.text.upper()
    assert "I have no one" not in reply.document.text
