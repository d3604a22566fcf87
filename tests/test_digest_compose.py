"""Composing a digest: what it holds, in what order, and how it is cut into messages."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from briefing.digest import (
    ARRIVAL_SLACK,
    Arrival,
    Intro,
    Received,
    compose_digest,
    digest_parts,
    is_news,
    select_stories,
    story_update,
)
from briefing.models import Story
from briefing.render import utf16_len
from store.db import to_iso
from tests.botapi import parse_html
from tests.followups import (
    COURT,
    FERRIES,
    FERRIES_RETOLD,
    QUAKE_FIRST,
    QUAKE_HEADLINE,
    QUAKE_TOLL_RISES,
    STRIKE,
    STRIKE_HEADLINE,
    STRIKE_RETOLD,
)

NOW = datetime(2025, 1, 23, 6, 0, tzinfo=UTC)
KYIV = ZoneInfo("Europe/Kyiv")


def story(
    sid: int, headline: str, *, hours_ago: float = 1, sources=("DW",), summary=("It happened.",)
) -> Story:
    when = NOW - timedelta(hours=hours_ago)
    return Story(
        id=sid,
        headline=headline,
        article_ids=tuple(range(len(sources))),
        sources=tuple(sources),
        first_seen=when,
        last_updated=when,
        summary=tuple(summary),
        links=tuple(f"https://{s.lower()}.example/{sid}" for s in sources),
    )


def pick(stories, *, matches=None, delivered=(), since=None, length=5):
    return select_stories(
        stories, matches=matches or {}, delivered=set(delivered), since=since, length=length, now=NOW
    )


def test_the_top_stories_are_ranked_as_brief_ranks_them():
    wide = story(1, "Wide", sources=("DW", "BBC", "AP"), hours_ago=5)
    narrow = story(2, "Narrow", hours_ago=5)
    old = story(3, "Old", sources=("DW", "BBC", "AP"), hours_ago=60)
    assert [s.id for s in pick([narrow, old, wide]).stories] == [1, 2, 3]


def test_followed_stories_come_first_then_the_top_ones_up_to_the_length():
    stories = [story(i, f"S{i}", sources=("DW", "BBC", "AP")[: 1 + i % 3]) for i in range(1, 8)]
    sel = pick(stories, matches={1: ["Keith Kellogg"], 2: ["NATO"]}, length=4)
    assert [s.id for s in sel.stories][:2] == [2, 1]  # both followed, 2 ranks higher (more sources)
    assert len(sel.stories) == 4
    assert sel.because[:2] == (("NATO",), ("Keith Kellogg",))
    assert all(b == () for b in sel.because[2:])


def test_the_intro_says_when_the_chosen_length_left_stories_out():
    """Four of ten stories told as "4 new stories" would read as all the news there was."""
    stories = [story(i, f"S{i}") for i in range(1, 11)]
    since = NOW - timedelta(hours=12)
    cut = compose_digest(pick(stories, since=since, length=4), digest_date=NOW.date(), tz=KYIV)
    intro = cut.document.text.splitlines()[1]
    assert intro == "The top 4 of 10 new stories since Wednesday 22 January, 20:00."
    first = compose_digest(pick(stories, length=1), digest_date=NOW.date(), tz=KYIV)  # no digest before
    assert first.document.text.splitlines()[1] == "The top one of 10 stories of the day."
    one = compose_digest(pick(stories, since=since, length=1), digest_date=NOW.date(), tz=KYIV)
    assert (
        one.document.text.splitlines()[1]
        == "The top one of 10 new stories since Wednesday 22 January, 20:00."
    )
    three = compose_digest(pick(stories[:3], length=4), digest_date=NOW.date(), tz=KYIV)
    assert three.document.text.splitlines()[1] == "The top 3 stories of the day."
    single = compose_digest(pick(stories[:1], since=since, length=4), digest_date=NOW.date(), tz=KYIV)
    assert single.document.text.splitlines()[1] == "1 new story since Wednesday 22 January, 20:00."
    whole = compose_digest(pick(stories[:3], since=since, length=4), digest_date=NOW.date(), tz=KYIV)
    assert whole.document.text.splitlines()[1] == "3 new stories since Wednesday 22 January, 20:00."


def test_the_intro_counts_updates_left_out_too():
    wide = [story(i, f"S{i}", sources=("DW", "BBC", "AP")) for i in (1, 2)]
    known = [story(i, f"K{i}") for i in (3, 4)]
    since = NOW - timedelta(hours=12)
    sel = select_stories(
        [*wide, *known], matches={}, delivered={3, 4}, since=since, length=2, now=NOW,
        updates={k.id: k for k in known},
    )  # fmt: skip
    assert {s.id for s in sel.stories} == {1, 2} and not sel.updates  # ties: the newest stored first
    intro = compose_digest(sel, digest_date=NOW.date(), tz=KYIV).document.text.splitlines()[1]
    assert intro == "The top 2 of 4 new stories and updates since Wednesday 22 January, 20:00."


def test_nothing_already_received_and_nothing_older_than_the_last_digest():
    stories = [story(1, "Seen"), story(2, "Before", hours_ago=30), story(3, "New")]
    sel = pick(stories, delivered={1}, since=NOW - timedelta(hours=24))
    assert [s.id for s in sel.stories] == [3]


def test_news_dated_before_the_last_digest_but_read_after_it_is_new():
    late = story(2, "Read late", hours_ago=30)  # dated before the last digest, ingested an hour ago
    stories = [late, story(3, "New")]
    since = NOW - timedelta(hours=24)
    sel = select_stories(
        stories,
        matches={},
        delivered=set(),
        since=since,
        length=5,
        now=NOW,
        arrived={2: NOW - timedelta(hours=1)},
    )
    assert [s.id for s in sel.stories] == [3, 2]
    assert [s.id for s in pick(stories, since=since).stories] == [3]  # without the arrival it was lost


def test_a_quiet_day_is_one_line_naming_the_last_digest():
    since = datetime(2025, 1, 22, 5, 30, tzinfo=UTC)
    digest = compose_digest(pick([], since=since), digest_date=date(2025, 1, 23), tz=KYIV)
    assert digest.quiet and digest.story_ids == ()
    assert digest.document.text == (
        "Nothing new since your last digest (Wednesday 22 January, 07:30). /brief shows the top stories now."
    )
    assert len(digest_parts(digest)) == 1


def test_a_first_quiet_digest_does_not_speak_of_what_the_chat_was_sent():
    digest = compose_digest(pick([]), digest_date=date(2025, 1, 23), tz=KYIV)
    assert digest.document.text == "Nothing new in the last day. /brief shows the latest stories."
    alerted = compose_digest(pick([]), digest_date=date(2025, 1, 23), tz=KYIV, intro=Intro(alerts=2))
    assert alerted.document.text.startswith("Nothing new beyond the 2 alerts sent in the last day.")


def test_a_quiet_digest_after_alerts_names_them_as_the_news():
    since = datetime(2025, 1, 22, 5, 30, tzinfo=UTC)
    one = compose_digest(pick([], since=since), digest_date=date(2025, 1, 23), tz=KYIV, intro=Intro(alerts=1))
    assert one.document.text.startswith(
        "Nothing new beyond the alert sent since your last digest (Wednesday 22 January, 07:30)."
    )
    five = compose_digest(
        pick([], since=since), digest_date=date(2025, 1, 23), tz=KYIV, intro=Intro(alerts=5)
    )
    assert "beyond the 5 alerts sent since your last digest" in five.document.text


def test_the_intro_names_when_the_last_digest_was_composed_not_when_it_was_due():
    due = datetime(2025, 1, 22, 5, 30, tzinfo=UTC)
    came = due + timedelta(hours=2, minutes=15)  # the bot was down: composed late
    digest = compose_digest(
        pick([story(1, "Quake in Peru")], since=due),
        digest_date=NOW.date(),
        tz=KYIV,
        intro=Intro(last_composed=came),
    )
    assert digest.document.text.splitlines()[1] == "1 new story since Wednesday 22 January, 09:45."


def test_after_a_long_pause_the_intro_says_the_window_not_a_digest_time():
    window_start = NOW - timedelta(hours=72)
    last = datetime(2025, 1, 13, 7, 0, tzinfo=UTC)
    stories = [story(1, "Quake in Peru"), story(2, "Floods in Spain")]
    intro = Intro(last_composed=last, window_hours=72)
    text = compose_digest(pick(stories, since=window_start), digest_date=NOW.date(), tz=KYIV, intro=intro)
    assert text.document.text.splitlines()[1] == (
        "2 new stories since your last digest on Monday 13 January (showing the last 3 days)."
    )
    unknown = compose_digest(
        pick(stories, since=window_start), digest_date=NOW.date(), tz=KYIV, intro=Intro(window_hours=36)
    )
    assert unknown.document.text.splitlines()[1] == "2 new stories in the last 36 hours."
    quiet = compose_digest(pick([], since=window_start), digest_date=NOW.date(), tz=KYIV, intro=intro)
    assert quiet.document.text.startswith(
        "Nothing new since your last digest on Monday 13 January (showing the last 3 days)."
    )


def test_a_story_many_follows_and_outlets_name_says_the_first_few_and_how_many_more():
    """A big story names everything a chat follows and was carried by dozens of outlets: the digest names
    three follows and six outlets under it, and counts the rest, instead of a wall of names each time."""
    outlets = tuple(f"Outlet{n}" for n in range(20))
    follows = [f"Actor {n}" for n in range(50)]
    stories = [story(1, "Big story", sources=outlets), story(2, "Small story", sources=("DW",))]
    digest = compose_digest(
        pick(stories, matches={1: follows, 2: follows[:3]}), digest_date=NOW.date(), tz=KYIV
    )
    text = digest.document.text
    assert "You follow Actor 0, Actor 1, Actor 2 and 47 more" in text and "Actor 3" not in text
    assert "You follow Actor 0, Actor 1, Actor 2\n" in text  # three are all named
    assert "Sources: Outlet0, Outlet1, Outlet2, Outlet3, Outlet4, Outlet5 and 14 more" in text
    assert "Outlet6" not in text


def test_the_follows_said_under_a_story_are_those_its_headline_and_summary_name_first():
    """Of seven follows a story matched, the three said before "and 4 more" are the ones its headline and
    its told sentences name (why it is there), not the first in the alphabet (qa26 F4)."""
    follows = ["Andre Fernandes", "Douro", "Montenegro", "Porto", "Braga", "Storm Idris", "Lisbon"]
    stories = [story(1, "Storm Idris floods the Douro valley", summary=("Lisbon braced for the rain.",))]
    text = compose_digest(pick(stories, matches={1: follows}), digest_date=NOW.date(), tz=KYIV).document.text
    assert "You follow Douro, Storm Idris, Lisbon and 4 more" in text
    minister = ["Douro", "Montenegro", "Porto", "Braga", "Armindo Tiago"]
    by_surname = pick([story(2, "Tiago orders water tankers for Nampula")], matches={2: minister})
    text = compose_digest(by_surname, digest_date=NOW.date(), tz=KYIV).document.text
    assert "You follow Armindo Tiago, Douro, Montenegro and 2 more" in text  # named by surname (qa28 F5)


def test_the_digest_lists_each_story_once_with_summary_sources_and_the_follow():
    stories = [story(1, "Kellogg visits Kyiv", sources=("DW", "BBC"), summary=("He met officials.", "More."))]
    digest = compose_digest(
        pick(stories, matches={1: ["Keith Kellogg"]}), digest_date=date(2025, 1, 23), tz=KYIV
    )
    text = digest.document.text
    assert "Your digest for Thursday 23 January" in text
    assert "The one story of the day." in text and "top 1" not in text
    assert text.count("Kellogg visits Kyiv") == 1
    assert "You follow Keith Kellogg" in text and "He met officials. More." in text
    assert "Sources: DW, BBC" in text
    html = digest_parts(digest)[0].html
    assert '<a href="https://dw.example/1">DW</a>' in html


def test_a_digest_ends_a_sentence_without_a_stop_before_the_next():
    stories = [story(1, "Speech", summary=("Democrats have no answer to the hegemony", "They lost."))]
    digest = compose_digest(pick(stories), digest_date=date(2025, 1, 23), tz=KYIV)
    assert "Democrats have no answer to the hegemony. They lost." in digest.document.text


def test_hostile_text_is_escaped_in_html_and_left_readable_in_plain():
    evil = story(1, "<b>Tom & Jerry</b> </a>", summary=("x < y & z > w",))
    part = digest_parts(compose_digest(pick([evil]), digest_date=date(2025, 1, 23), tz=KYIV))[0]
    assert parse_html(part.html).text.count("<b>Tom & Jerry</b> </a>") == 1  # valid Telegram HTML
    assert "<b>Tom & Jerry</b> </a>" in part.plain


def test_a_long_digest_is_cut_between_stories_and_every_part_has_a_plain_twin():
    long = " ".join(["A sentence that goes on for a while about the news."] * 7)
    stories = [
        story(i, f"Story {i} " + "x" * 150, summary=(long, long), sources=("DW", "BBC", "AP"))
        for i in range(12)
    ]
    digest = compose_digest(pick(stories, length=12), digest_date=date(2025, 1, 23), tz=KYIV)
    parts = digest_parts(digest)
    assert len(parts) > 1
    assert [i for p in parts for i in p.story_ids] == list(digest.story_ids)
    for p in parts:
        # Telegram counts the text after entity parsing (raises if it would refuse the HTML)
        assert parse_html(p.html).utf16_length <= 4096 and utf16_len(p.plain) <= 4096 and p.plain
    assert "your digest" in parts[0].plain.lower() and "your digest" not in parts[1].plain.lower()
    assert "/settings" in parts[-1].plain and "/settings" not in parts[0].plain


def test_a_digest_with_many_links_is_cut_by_the_text_telegram_counts_not_its_html():
    """Tags and link targets do not count towards Telegram's 4096 (QA12b F14): ten stories of seven
    linked sources each go out in as few messages as their text needs, each within the limit, and the
    plain twin (the fallback) keeps every word, without the URLs where they would not fit."""
    from briefing.render import html_messages

    long = " ".join(["A sentence that goes on for a while about the news."] * 4)
    outlets = tuple(f"Outlet {k}" for k in range(7))
    links = tuple(
        f"https://news.example/2026/11/25/a-long-article-path-for-story-{k}?utm_source=feed" for k in range(7)
    )
    stories = [
        replace(story(i, f"Story {i}", summary=(long, long), sources=outlets), links=links) for i in range(10)
    ]
    digest = compose_digest(pick(stories, length=10), digest_date=date(2025, 1, 23), tz=KYIV)
    parts = digest_parts(digest)
    assert len(parts) < len(html_messages(digest.document))  # what the HTML length alone would need
    texts = [parse_html(p.html) for p in parts]
    assert all(t.utf16_length <= 4096 for t in texts) and max(t.utf16_length for t in texts) > 3000
    assert [i for p in parts for i in p.story_ids] == list(digest.story_ids)
    for p in parts:
        assert p.plain and utf16_len(p.plain) <= 4096 and p.plain.count("Story ") == len(p.story_ids)


def test_a_followed_story_read_after_the_last_digest_reaches_the_next_one(app):
    from briefing.service.digests import compose_for_chat
    from store.subscribers import follow
    from tests.digestkit import add_actor, add_story, digest_received, subscriber

    subscriber(app.db, 7, "07:00")
    digest_received(app.db, 7, NOW - timedelta(hours=2))
    kellogg = add_actor(app.db, "Keith Kellogg")
    follow(app.db, 7, "actor", "Keith Kellogg", actor_id=kellogg, now=NOW - timedelta(days=1))
    # published three hours ago, before the last digest; polled and ingested ten minutes ago
    late = add_story(
        app.db, "Kellogg visits Kyiv", updated=NOW - timedelta(hours=3), actors=[kellogg],
        ingested=NOW - timedelta(minutes=10),
    )  # fmt: skip
    add_story(app.db, "Old news", updated=NOW - timedelta(hours=3))  # ingested then too: not new
    composed = compose_for_chat(app, 7, now=NOW)
    assert composed.digest.story_ids == (late,)


def test_a_digest_that_never_reached_the_chat_does_not_count_as_its_last(app):
    from briefing.service.digests import compose_for_chat
    from store.subscribers import mark_digest_sent
    from tests.digestkit import add_story, digest_received, subscriber

    subscriber(app.db, 8, "07:00")
    digest_received(app.db, 8, NOW - timedelta(hours=26))
    story = add_story(app.db, "Missed by a failed send", updated=NOW - timedelta(hours=5))
    mark_digest_sent(app.db, 8, NOW - timedelta(hours=2))  # composed, but Telegram never confirmed it
    composed = compose_for_chat(app, 8, now=NOW)
    assert composed.digest.story_ids == (story,)


def test_an_old_archive_ingested_today_is_no_news_for_the_digest(app):
    from briefing.service.digests import compose_for_chat
    from tests.digestkit import add_story, digest_received, subscriber

    subscriber(app.db, 9, "07:00")
    digest_received(app.db, 9, NOW - timedelta(hours=2))
    add_story(
        app.db, "A year-old story", updated=NOW - timedelta(days=400), ingested=NOW - timedelta(minutes=10)
    )
    fresh = add_story(app.db, "Today's story", updated=NOW - timedelta(hours=1))
    assert compose_for_chat(app, 9, now=NOW).digest.story_ids == (fresh,)


def test_the_headline_links_to_its_own_article_not_another_outlets():
    retitled = replace(
        story(1, "Alemu breaks course record", sources=("Correio", "sport.txt")),
        links=("https://correio.example/alemu-world-title", ""),
        headline_url=None,  # the headline is the title of the article without a URL
    )
    html = digest_parts(compose_digest(pick([retitled]), digest_date=date(2025, 1, 23), tz=KYIV))[0].html
    assert "<b>Alemu breaks course record</b>" in html
    assert 'href="https://correio.example/alemu-world-title">Correio</a>' in html
    linked = replace(retitled, headline_url="https://sport.example/alemu")
    html = digest_parts(compose_digest(pick([linked]), digest_date=date(2025, 1, 23), tz=KYIV))[0].html
    assert '<a href="https://sport.example/alemu"><b>Alemu breaks course record</b></a>' in html


QUAKE = "Magnitude 7.4 earthquake strikes southern Peru"
STRUCK = "A magnitude 7.4 earthquake struck southern Peru on Tuesday, damaging roads in Arequipa."
TOLL = "Authorities reported at least 12 deaths and dozens of injuries."
RESCUE = "Rescue teams from Chile arrived in Arequipa with search dogs on Wednesday."
RETOLD = "At least 12 people were killed and dozens injured, authorities reported on Tuesday."
SENT_AT = NOW - timedelta(hours=22)  # when the digest that told the chat about the quake was composed


def arrival(article_id, source, hours_ago, *sentences):
    url = f"https://{source.lower()}.example/{article_id}"
    return Arrival(article_id, source, url, NOW - timedelta(hours=hours_ago), tuple(sentences))


def quake(*later: Arrival) -> tuple[Story, list[Arrival]]:
    arrivals = [arrival(1, "DW", 30, STRUCK, TOLL), arrival(2, "BBC", 29, RETOLD), *later]
    told = story(5, QUAKE, sources=("DW", "BBC"), summary=(STRUCK, TOLL), hours_ago=1)
    ids = tuple(a.article_id for a in arrivals)
    return replace(told, article_ids=ids, headline_url="https://dw.example/1"), arrivals  # DW's title


def test_an_update_tells_only_the_new_fact_with_only_the_new_source():
    s, arrivals = quake(arrival(3, "Reuters", 2, RETOLD, RESCUE))
    update = story_update(s, arrivals, Received(SENT_AT, (QUAKE, STRUCK, TOLL)))
    assert update is not None
    assert update.summary == (RESCUE,)  # the toll retold by Reuters is no news to the chat
    assert (update.sources, update.links) == (("Reuters",), ("https://reuters.example/3",))
    assert update.article_ids == (3,) and update.headline == QUAKE


def test_an_updates_he_or_she_is_named_when_the_update_leaves_out_the_sentence_naming_the_person():
    """The sentence naming the rescue chief was told (so the update leaves it out); her "She said ..." is
    news and tells her name in the pronoun's place, as a story's summary does."""
    chief = "Rescue chief Lucia Quispe led the teams that arrived in Arequipa on Wednesday."
    said = "She said survivors could still be found under the rubble of two hotels in the city."
    s, arrivals = quake(arrival(3, "Reuters", 2, chief, said))
    update = story_update(s, arrivals, Received(SENT_AT, (QUAKE, STRUCK, TOLL, chief)))
    assert update is not None
    assert update.summary == (
        "Lucia Quispe said survivors could still be found under the rubble of two hotels in the city.",
    )
    assert update.sources == ("Reuters",)  # matched to its article before it was told apart


def test_an_update_names_the_outlets_whose_articles_bring_its_facts_however_spaced():
    spaced = RESCUE.replace(" ", "  ", 2)
    s, arrivals = quake(
        arrival(3, "AP", 3, RETOLD), arrival(4, "Reuters", 2, spaced), arrival(5, "AFP", 1, RETOLD)
    )
    update = story_update(s, arrivals, Received(SENT_AT, (QUAKE, STRUCK, TOLL)))
    assert update is not None and update.summary == (RESCUE,)
    assert update.sources == ("Reuters",) and update.links == ("https://reuters.example/4",)
    assert update.headline_url == "https://dw.example/1"  # the headline's own article, not Reuters'
    assert update.article_ids == (5, 4, 3)  # every article since counts for its rank, newest first


def test_articles_that_retell_what_the_chat_was_told_bring_no_update():
    s, arrivals = quake(arrival(3, "Reuters", 2, RETOLD), arrival(4, "AP", 1, STRUCK))
    assert story_update(s, arrivals, Received(SENT_AT, (QUAKE, STRUCK, TOLL))) is None
    # nothing came after the digest: no update either, whatever the articles say
    s, arrivals = quake(arrival(3, "Reuters", 23, RESCUE))
    assert story_update(s, arrivals, Received(SENT_AT, (QUAKE, STRUCK, TOLL))) is None
    # what the chat was told counts even when the articles that told it left the story (a re-cluster)
    only_new = [arrival(3, "Reuters", 2, RETOLD)]
    assert story_update(s, only_new, Received(SENT_AT, (QUAKE, STRUCK, TOLL))) is None
    assert story_update(s, only_new, Received(SENT_AT, (QUAKE,))) is not None
    # a story received before the bot kept what it sent (no moment known) is never taken for news
    assert story_update(s, arrivals, Received(None)) is None


def test_a_fact_an_earlier_article_held_is_no_development_even_if_the_digest_left_it_out():
    s, arrivals = quake(arrival(3, "Reuters", 2, RESCUE))
    received = Received(SENT_AT, (QUAKE, STRUCK))  # the toll was not in the summary the chat got
    later = [*arrivals, arrival(4, "AP", 1, TOLL)]
    update = story_update(s, later, received)
    assert update is not None and update.summary == (RESCUE,) and update.sources == ("Reuters",)


def test_a_received_story_comes_back_only_as_its_update_marked_as_one():
    s, arrivals = quake(arrival(3, "Reuters", 2, RESCUE))
    update = story_update(s, arrivals, Received(SENT_AT, (QUAKE, STRUCK, TOLL)))
    fresh = story(6, "Floods in Kenya", sources=("AP",))
    since = NOW - timedelta(hours=22)
    assert [x.id for x in pick([s, fresh], delivered={5}, since=since).stories] == [6]
    sel = select_stories(
        [s, fresh], matches={}, delivered={5}, since=since, length=5, now=NOW, updates={5: update}
    )
    assert {x.id for x in sel.stories} == {5, 6} and sel.updates == {5}
    digest = compose_digest(sel, digest_date=date(2025, 1, 23), tz=KYIV)
    text = digest.document.text
    assert "1 new story and 1 update since Wednesday 22 January, 10:00." in text
    assert f"Update: {QUAKE}" in text and "Floods in Kenya" in text and "Update: Floods" not in text
    assert RESCUE in text and STRUCK not in text and TOLL not in text
    assert "Sources: Reuters" in text and "DW" not in text
    (part,) = digest_parts(digest)
    assert "<b>Update: </b>" in part.html and part.plain.count("Update:") == 1
    # the facts told, not the headlines: a headline names a story, it never makes a sentence told
    assert dict(part.facts) == {5: (RESCUE,), 6: ("It happened.",)}


def test_an_article_stamped_just_before_a_digest_but_stored_after_it_is_not_lost(app):
    from briefing.service.digests import compose_due, compose_for_chat
    from store import deliveries
    from tests.digestkit import add_story, join_story, subscriber

    sent = NOW - timedelta(days=1)
    story = add_story(app.db, "Quake in Peru", updated=sent - timedelta(hours=2), summary=STRUCK)
    subscriber(app.db, 3, "06:00")
    assert compose_due(app, now=sent).composed == 1
    key = deliveries.PartKey(3, sent.date(), 0)
    deliveries.claim_part(app.db, key, now=sent)
    deliveries.confirm_part(app.db, key, message_id=1, now=sent)
    # an ingest stamped this article a second before the digest was composed, and committed it after
    join_story(app.db, story, "Reuters", summary=RESCUE, dated=sent - timedelta(seconds=1))
    join_story(app.db, story, "AP", summary=STRUCK, dated=NOW - timedelta(hours=1))  # news, but no new fact
    text = compose_for_chat(app, 3, now=NOW).digest.document.text
    assert "(Quake in Peru)" in text and RESCUE in text and "Sources: Reuters" in text


def told_of(headline: str, first: Arrival) -> tuple[Story, Received]:
    """A story of one article, as the chat's digest told it: its headline and two sentences."""
    s = replace(story(8, headline, summary=first.sentences, hours_ago=25), article_ids=(first.article_id,))
    return s, Received(SENT_AT, first.sentences[:2])


def test_a_new_figure_is_news_though_the_rest_of_its_sentence_was_told():
    first = arrival(1, "Andes Wire", 23, *QUAKE_FIRST)
    s, received = told_of(QUAKE_HEADLINE, first)
    update = story_update(s, [first, arrival(2, "Lima Today", 1, *QUAKE_TOLL_RISES)], received)
    assert update is not None
    assert update.summary == (QUAKE_TOLL_RISES[0],)  # 41 dead; the rescue and the epicentre were told
    assert update.sources == ("Lima Today",)


def test_a_development_in_the_storys_words_is_news_and_a_retelling_of_it_is_not():
    first = arrival(1, "Harbour News", 23, *STRIKE)
    s, received = told_of(STRIKE_HEADLINE, first)
    retold = arrival(2, "Coastal Post", 2, *STRIKE_RETOLD)
    assert story_update(s, [first, retold], received) is None  # the same three facts in other words
    court = arrival(3, "Delta Daily", 1, *COURT)
    update = story_update(s, [first, retold, court], received)
    assert update is not None
    # the court's order first, not lost to the retold walkout; and a second of the new facts
    assert update.summary[0] == COURT[0] and len(update.summary) == 2 and set(update.summary) <= set(COURT)
    assert (update.sources, update.links) == (("Delta Daily",), ("https://delta daily.example/3",))


def test_a_headline_never_makes_a_sentence_told():
    first = arrival(1, "Harbour News", 23, *STRIKE)
    s, _ = told_of(STRIKE_HEADLINE, first)
    # as a chat's record from before headlines were kept out of it: the headline among the told
    received = Received(SENT_AT, (STRIKE_HEADLINE, *STRIKE[:2]))
    ferries = arrival(2, "Delta Daily", 3, *FERRIES)
    update = story_update(s, [first, ferries], received)
    assert update is not None and update.summary == FERRIES[:2]  # Stena's cancellations lead
    # once that update was received, another outlet telling the same brings nothing
    later = Received(NOW - timedelta(hours=2), (*received.sentences, *update.summary))
    assert story_update(s, [first, ferries, arrival(3, "Coastal Post", 1, *FERRIES_RETOLD)], later) is None


def test_an_article_the_digest_held_is_no_news_however_close_to_it_it_arrived():
    just = SENT_AT - ARRIVAL_SLACK / 2  # stamped this close, it may or may not have been in the digest
    received = Received(SENT_AT, STRIKE[:2], held=frozenset({1}))
    assert not is_news(Arrival(1, "Harbour News", None, just, STRIKE), received)  # it was: told
    assert is_news(Arrival(2, "Coastal Post", None, just, STRIKE), received)  # it was stored after
    assert not is_news(Arrival(3, "Delta Daily", None, SENT_AT - 2 * ARRIVAL_SLACK, COURT), received)
    first = Arrival(1, "Harbour News", None, just, STRIKE)
    s, _ = told_of(STRIKE_HEADLINE, first)
    # its third sentence, which the digest left out, is no development of the story
    assert story_update(s, [first, arrival(4, "Coastal Post", 1, *STRIKE_RETOLD)], received) is None
    update = story_update(s, [first, arrival(5, "Delta Daily", 1, *COURT)], received)
    assert update is not None and update.summary[0] == COURT[0] and set(update.summary) <= set(COURT)


def test_a_story_dated_a_little_ahead_of_the_clock_is_in_the_digest():
    ahead = replace(story(1, "Dated by a clock ahead"), last_updated=NOW + timedelta(minutes=10))
    assert [s.id for s in pick([ahead, story(2, "Other")], since=NOW - timedelta(hours=24)).stories] == [1, 2]
    update = replace(ahead, summary=("A new fact.",))
    sel = select_stories(
        [ahead], matches={}, delivered={1}, since=NOW - timedelta(hours=1), length=5, now=NOW,
        updates={1: update},
    )  # fmt: skip
    assert sel.stories == (update,) and sel.updates == {1}


def test_an_article_a_digest_held_moments_after_it_arrived_brings_no_update_of_its_own(app):
    from briefing.service.digests import compose_due, compose_for_chat
    from store import deliveries
    from store.digests import received_of
    from tests.digestkit import add_story, join_story, subscriber

    sent = NOW - timedelta(days=1)
    # a feed poll stored this article two seconds before the digest was composed: the digest told it
    story = add_story(
        app.db, QUAKE_HEADLINE, updated=sent - timedelta(hours=1), ingested=sent - timedelta(seconds=2),
        sources=(("Andes Wire", "auto"),), summary="\n".join(QUAKE_FIRST),
    )  # fmt: skip
    subscriber(app.db, 3, "06:00")
    assert compose_due(app, now=sent).composed == 1
    key = deliveries.PartKey(3, sent.date(), 0)
    deliveries.claim_part(app.db, key, now=sent)
    deliveries.confirm_part(app.db, key, message_id=1, now=sent)
    (andes,) = app.db.execute("SELECT id FROM articles WHERE story_id = ?", [story]).fetchall()
    assert received_of(app.db, 3)[story].held == {andes[0]}
    join_story(
        app.db, story, "Lima Today", summary="\n".join(QUAKE_TOLL_RISES), dated=NOW - timedelta(hours=1)
    )
    text = compose_for_chat(app, 3, now=NOW).digest.document.text
    assert f"({QUAKE_HEADLINE})" in text and QUAKE_TOLL_RISES[0] in text
    # the rescue the digest left out was no news then, so neither is its retelling now
    assert QUAKE_FIRST[2] not in text and QUAKE_TOLL_RISES[1] not in text
    assert "Sources: Lima Today" in text and "Andes" not in text


def test_a_story_whose_news_is_dated_a_little_ahead_of_the_clock_is_not_held_back(app):
    from briefing.service.digests import compose_for_chat
    from tests.digestkit import add_story, digest_received, join_story, subscriber

    ahead = NOW + timedelta(minutes=10)  # an outlet's clock; ingest keeps dates up to 15 minutes ahead
    add_story(app.db, "Ferries cancelled", updated=ahead, ingested=NOW - timedelta(minutes=1))
    subscriber(app.db, 4, "06:00")
    assert "Ferries cancelled" in compose_for_chat(app, 4, now=NOW).digest.document.text
    # and a story the chat received comes back with its update dated ahead
    strike = add_story(app.db, STRIKE_HEADLINE, updated=NOW - timedelta(hours=3), summary="\n".join(STRIKE))
    subscriber(app.db, 5, "06:00")
    digest_received(app.db, 5, NOW - timedelta(hours=2))
    app.db.execute(
        "INSERT INTO delivered_stories (chat_id, story_id, digest_date, received_at, sentences)"
        " VALUES (5, ?, ?, ?, ?)",
        [strike, NOW.date().isoformat(), to_iso(NOW - timedelta(hours=2)), "\n".join(STRIKE[:2])],
    )
    join_story(app.db, strike, "Delta Daily", summary="\n".join(COURT), dated=ahead, ingested=NOW)
    text = compose_for_chat(app, 5, now=NOW).digest.document.text
    assert f"({STRIKE_HEADLINE})" in text and COURT[0] in text
    # the news leads: the court order's title heads the update, its fact first (QA12b F10)
    assert text.index("Update: Delta Daily") < text.index(COURT[0])


def test_a_fan_out_reads_when_each_chat_last_got_a_digest_in_one_query(app):
    """Each chat's digest is new since the last one that reached it, looked up for the whole batch at
    once: the same digests as composing each chat alone, one query instead of one a chat."""
    from briefing.service.digests import compose_due, compose_for_chat
    from store.deliveries import parts_of
    from store.subscribers import mark_digest_sent
    from tests.digestkit import add_story, digest_received, subscriber

    # last digests a few hours before the 05:00 one (as after a change of time): not what this is about
    app = replace(app, settings=replace(app.settings, min_gap_hours=1))
    for chat in range(1, 6):
        subscriber(app.db, chat, "05:00")
    digest_received(app.db, 1, NOW - timedelta(hours=26))
    digest_received(app.db, 2, NOW - timedelta(hours=9))
    digest_received(app.db, 3, NOW - timedelta(hours=9))
    mark_digest_sent(app.db, 3, NOW - timedelta(hours=7))  # composed, never confirmed: 9 h ago counts
    digest_received(app.db, 4, NOW - timedelta(hours=6, minutes=30))
    # chat 5 never got one
    day, hours, minutes = (
        add_story(app.db, f"Story of {ago}", updated=NOW - ago)
        for ago in (timedelta(hours=20), timedelta(hours=8), timedelta(minutes=30))
    )
    alone = {chat: compose_for_chat(app, chat, now=NOW).digest.story_ids for chat in range(1, 6)}
    whole_day = (minutes, hours, day)
    assert alone == {1: whole_day, 2: (minutes, hours), 3: (minutes, hours), 4: (minutes,), 5: whole_day}
    statements: list[str] = []
    app.db.conn.set_trace_callback(statements.append)
    try:
        assert compose_due(app, now=NOW).composed == 5
    finally:
        app.db.conn.set_trace_callback(None)
    assert len([s for s in statements if "max(coalesce(composed_at, due_at))" in s]) == 1
    stored = {c: tuple(i for p in parts_of(app.db, c, NOW.date()) for i in p.story_ids) for c in alone}
    assert stored == alone


@pytest.mark.parametrize("dated_news", [True, False])
def test_the_digest_ranks_stories_of_undated_entries_as_brief_does(app, dated_news):
    """Entries no outlet dated were all dated when read (a dump read a minute ago): the digest ranks them
    as /brief does (among themselves by outlets, articles and the longest report when the archive has
    dated news, else by when they were read), so the two never show different "top" stories."""
    from briefing.service.brief import top_stories
    from briefing.service.digests import compose_for_chat
    from tests.conftest import NOW as APP_NOW
    from tests.digestkit import add_story, subscriber

    subscriber(app.db, 11, "07:00")
    read = APP_NOW - timedelta(minutes=30)
    if dated_news:
        dated = add_story(app.db, "Dated", updated=read - timedelta(hours=1))
        app.db.execute("UPDATE articles SET published_at = dated_at WHERE story_id = ?", [dated])
    undated = [
        add_story(app.db, f"Report {n}", updated=read, body=f"Report {n} said this. " + "Word " * words + ".")
        for n, words in enumerate([40, 400, 120, 900, 10, 250])
    ]
    brief, _, _ = top_stories(app)
    digest = compose_for_chat(app, 11, now=APP_NOW).digest
    assert len(brief) == app.settings.brief_stories
    assert list(digest.story_ids[: len(brief)]) == [s.id for s in brief]
    if dated_news:  # dated news first, then the longest reports
        assert [s.id for s in brief] == [dated, undated[3], undated[1], undated[5], undated[2]]


STRIKE_TITLE = "Dock workers strike halts Rotterdam port"
WALKOUT = (
    "Dock workers at the port of Rotterdam walked out on Sunday evening, halting the loading of container"
    " ships at Europe's largest port.",
    "The FNV union said the strike over pay would last 48 hours.",
    "Port authority spokesman Sander Baas said about 20 ships were waiting to berth.",
    "Shipping companies warned of delays across northern Europe.",
)
RULING = (
    "A Rotterdam court ordered striking dock workers to return to work by midnight on Monday, ruling the"
    " walkout at Europe's largest port disproportionate.",
    "The FNV union said it would comply with the ruling.",
    "About 40 ships were waiting offshore, the port authority said.",
    "The strike had halted container loading since Sunday evening.",
)
REOPENED = (
    "The port of Rotterdam reopened on Tuesday after dock workers ended their strike at midnight, the port"
    " authority said.",
    "About 40 ships began berthing in the morning.",
    "The FNV union said talks on pay would resume next week.",
    "Shipping companies said delays would ease within three days.",
)


def strike(*later: Arrival) -> tuple[Story, list[Arrival]]:
    arrivals = [replace(arrival(1, "Wire", 30, *WALKOUT), title=STRIKE_TITLE), *later]
    told = story(9, STRIKE_TITLE, sources=("Wire",), summary=WALKOUT[:2], hours_ago=1)
    return replace(told, article_ids=tuple(a.article_id for a in arrivals)), arrivals


def test_an_update_of_two_articles_tells_each_ones_news_though_both_name_the_storys_subject():
    """qa29b F3: the reopening and the court order share the story's words (dock workers, strike,
    Rotterdam, port, and "midnight"), which weigh much in a story of a few sentences; their own words
    ("reopened", "court ordered") tell them apart, so neither is dropped as the other's restatement."""
    s, arrivals = strike(arrival(5, "Wire", 12, *RULING), arrival(7, "Wire", 1, *REOPENED))
    update = story_update(s, arrivals, Received(SENT_AT, (STRIKE_TITLE, *WALKOUT[:2])))
    assert update is not None
    assert REOPENED[0] in update.summary and RULING[0] in update.summary
    assert RULING[2] not in update.summary  # not the side detail "40 ships were waiting" in its place
    # told the court order, the chat hears the reopening from the article that tells it
    update = story_update(
        s, arrivals, Received(NOW - timedelta(hours=5), (STRIKE_TITLE, *WALKOUT[:2], *RULING[:2]))
    )
    assert update is not None and update.summary[0] == REOPENED[0]
