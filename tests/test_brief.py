"""``/brief [topic]``: the top stories, or the stories about a topic or an actor, one section each."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from article_rows import insert_actor, insert_article, undated

from bot import main
from briefing.ages import ago as when_text
from briefing.briefs import compose_articles, compose_brief, story_section
from briefing.document import Document
from briefing.models import Article, Story
from briefing.render import html_messages, to_plain
from briefing.service.brief import only_in_other_names
from briefing.service.commands import Asker, answer, load_all
from briefing.service.enrich import enrich_article
from store import open_db

NOW = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)
ASKER = Asker(1, 1)


def a_story(i=1, *, sources=("dw.com", "bbc.com"), links=("https://dw.com/a", ""), hours_ago=3, summary=()):
    return Story(
        id=i,
        headline=f"Kellogg named envoy {i}",
        article_ids=tuple(range(len(sources) + 1)),
        sources=tuple(sources),
        first_seen=NOW - timedelta(hours=hours_ago + 1),
        last_updated=NOW - timedelta(hours=hours_ago),
        summary=summary,
        links=tuple(links),
    )


def test_a_story_section_has_headline_summary_outlets_links_and_freshness():
    section = story_section(a_story(summary=("One.", "Two.", "Three.")), NOW)
    text = [b.text for b in section.blocks]
    assert text == [
        "Kellogg named envoy 1",
        "One. Two.",
        "2 outlets: dw.com, bbc.com",
        "3 articles, updated 3 h ago",
    ]
    links = [s.url for b in section.blocks for s in b.spans if s.url]
    assert links == ["https://dw.com/a"]


def test_a_story_of_many_outlets_names_six_and_counts_the_rest():
    sources = tuple(f"outlet{n}.com" for n in range(40))
    section = story_section(a_story(sources=sources, links=tuple(f"https://{s}/a" for s in sources)), NOW)
    outlets = section.blocks[-2]
    assert outlets.text == "40 outlets: " + ", ".join(sources[:6]) + " and 34 more"
    assert [s.url for s in outlets.spans if s.url] == [f"https://{s}/a" for s in sources[:6]]


def test_a_standfirst_without_a_full_stop_is_not_run_into_the_next_sentence():
    standfirst = "The Democrats still have no idea how to deal with Trump and the Republican hegemony"
    section = story_section(a_story(summary=(standfirst, "During the speech, Republicans rallied.")), NOW)
    assert section.blocks[1].text == f"{standfirst}. During the speech, Republicans rallied."


def test_each_story_is_one_section_under_a_heading():
    doc = compose_brief([a_story(1), a_story(2, sources=("ap.org",), links=("",))], now=NOW)
    assert isinstance(doc, Document)
    assert [b.text for b in doc.header] == ["Top stories"]
    assert len(doc.sections) == 2
    assert doc.sections[1].blocks[-2].text == "1 outlet: ap.org"


def test_an_old_archive_says_how_old_its_news_is():
    doc = compose_brief([a_story(hours_ago=24 * 60)], now=NOW, as_of=NOW - timedelta(days=60))
    assert "The newest news in the archive is from 24 Nov 2024." in doc.text


def test_a_topic_brief_names_its_topic_and_a_long_topic_is_shortened():
    doc = compose_brief([a_story()], now=NOW, topic="Kellogg " * 30)
    assert doc.header[0].text.startswith("Stories about “Kellogg Kellogg")
    assert len(doc.header[0].text) < 80


@pytest.mark.parametrize("topic", ["Kellogg", "Kellogg " * 30, "U.S.", "x" * 200])
def test_a_long_topics_heading_has_the_style_of_a_short_ones(topic):
    heading = to_plain(compose_brief([a_story()], now=NOW, topic=topic)).split("\n")[0]
    assert heading == heading.upper() and heading.startswith("STORIES ABOUT “")


def test_a_storys_headline_links_to_its_lead_article_and_an_overlong_link_is_left_out():
    story = replace(a_story(), headline_url="https://dw.com/lead")
    [headline] = story_section(story, NOW).blocks[0].spans
    assert (headline.text, headline.bold, headline.url) == (
        "Kellogg named envoy 1",
        True,
        "https://dw.com/lead",
    )
    html = html_messages(compose_brief([story], now=NOW))[0]
    assert '<a href="https://dw.com/lead"><b>Kellogg named envoy 1</b></a>' in html
    long = replace(a_story(), headline_url="https://dw.com/" + "a" * 5000)
    assert story_section(long, NOW).blocks[0].spans[0].url is None
    assert story_section(a_story(), NOW).blocks[0].spans[0].url is None  # no lead article's URL: no link


def test_no_stories_gets_a_helpful_reply():
    assert "no stories in the archive yet" in compose_brief([], now=NOW).text
    assert compose_brief([], now=NOW, topic="croissants").text.startswith("No story matches “croissants”.")


def test_when_text_reads_like_a_person():
    assert [when_text(NOW - timedelta(seconds=s), NOW) for s in (5, 600, 7200, 100000, 900000)] == [
        "just now", "10 min ago", "2 h ago", "yesterday", "13 Jan 2025",
    ]  # fmt: skip


def test_yesterday_is_the_day_before_not_any_age_under_two_days():
    tuesday_morning = datetime(2026, 11, 24, 13, 15, tzinfo=UTC)
    assert when_text(datetime(2026, 11, 22, 14, 5, tzinfo=UTC), tuesday_morning) == "22 Nov 2026"  # 47 h
    assert when_text(datetime(2026, 11, 23, 0, 30, tzinfo=UTC), tuesday_morning) == "yesterday"  # 37 h
    assert when_text(datetime(2026, 11, 23, 23, 30, tzinfo=UTC), tuesday_morning) == "13 h ago"


def test_article_lists_link_titles_and_show_the_first_summary_sentence():
    article = Article(
        id=1, title="Scholz visits Kyiv", body="", source="dw.com", ingested_at=NOW, content_hash="h",
        url="https://dw.com/s", summary=("Scholz visited Kyiv.", "He pledged aid."), published_at=NOW,
    )  # fmt: skip
    doc = compose_articles([article], now=NOW, title="Latest articles")
    assert to_plain(doc) == (
        "LATEST ARTICLES\n\nScholz visits Kyiv <https://dw.com/s>\ndw.com · just now\n• Scholz visited Kyiv."
    )
    assert '<a href="https://dw.com/s">Scholz visits Kyiv</a>' in html_messages(doc)[0]


# --- the command, over a real archive --------------------------------------------------------------

EVENTS = [
    ("Trump taps Kellogg as envoy for Ukraine", "Donald Trump named Keith Kellogg special envoy for Ukraine "
     "and Russia. Kellogg is a retired general.", ["voa.com", "bbc.com", "dw.com"], 2),
    ("North Korean troops in combat, Blinken says", "Antony Blinken said North Korean troops are in combat "
     "with Russian forces and demanded a firm response.", ["reuters.com", "afp.com"], 1),
    ("Scholz visits Kyiv", "German Chancellor Olaf Scholz visited Kyiv and pledged more aid to Ukraine.",
     ["dw.com"], 0),
]  # fmt: skip


def fill(app, *, base=NOW):
    for title, body, sources, hours in EVENTS:
        for k, source in enumerate(sources):
            article = insert_article(
                app.db, title=f"{title} ({source})" if k else title, body=body.replace(".", f" ({k}).", 1),
                source=source, url=f"https://{source}/{hours}", when=base - timedelta(hours=hours, minutes=k),
            )  # fmt: skip
            enrich_article(app, article)


async def test_brief_lists_the_top_stories_most_outlets_first(app):
    load_all()
    fill(app)
    reply = await answer(app, "/brief", ASKER)
    headlines = [s.blocks[0].text for s in reply.document.sections]
    assert len(headlines) == 3
    assert headlines[0].startswith("Trump taps Kellogg")
    assert reply.document.sections[0].blocks[-2].text == "3 outlets: voa.com, bbc.com, dw.com"
    assert reply.paged is (app.settings.brief_page_size < 3)


@pytest.mark.parametrize("words", [":", "-", "^", ".", "“”"])
async def test_a_brief_with_no_word_in_its_query_asks_for_words_not_the_top_stories(app, words):
    """QA22b F10: "/brief :" gave the top stories while "/brief -" asked for words: one rule for
    something typed with no word in it; only a bare /brief is the top stories."""
    load_all()
    fill(app)
    reply = await answer(app, f"/brief {words}", ASKER)
    assert reply.document.text == (
        "Tell me what to look for, in words: for example /brief Kellogg; or send /brief alone for the top"
        " stories."
    )  # qa23 F10: the way to the top stories, which "/brief :" gave before, is told
    assert "<code>/brief Kellogg</code>" in html_messages(reply.document)[0]
    bare = await answer(app, "/brief  ", ASKER)  # blanks alone: a bare /brief
    assert [b.text for b in bare.document.header] == ["Top stories"]


async def test_a_field_filter_in_a_brief_is_dropped_and_the_reply_says_so(app):
    """qa23 F9: "/brief title:North Korean" looked for "title" too and found nothing."""
    load_all()
    fill(app)
    reply = await answer(app, "/brief title:north korean", ASKER)
    assert reply.document.sections[0].blocks[0].text.startswith("North Korean troops in combat, Blinken says")
    assert "title: is no search syntax here: I looked for north korean." in to_plain(reply.document)


async def test_brief_on_a_topic_finds_its_stories_by_words(app):
    load_all()
    fill(app)
    reply = await answer(app, "/brief north korean", ASKER)
    [section] = reply.document.sections
    assert section.blocks[0].text.startswith("North Korean troops in combat, Blinken says")
    assert "2 outlets: reuters.com, afp.com" in section.blocks[-2].text


async def test_a_topic_brief_puts_stories_about_it_before_fresher_passing_mentions(app):
    load_all()
    about = insert_article(
        app.db, title="Grain exports resume from Odesa", when=NOW - timedelta(days=5),
        body="Grain exports resumed from Odesa as the first grain ships left port. Grain exports matter.",
    )  # fmt: skip
    passing = insert_article(
        app.db, title="Parliament debates the budget", when=NOW - timedelta(hours=1),
        body="Parliament debated the budget for schools and roads; one member mentioned grain exports.",
    )  # fmt: skip
    for article in (about, passing):
        enrich_article(app, article)
    reply = await answer(app, "/brief grain exports", ASKER)
    assert [s.blocks[0].text for s in reply.document.sections] == [
        "Grain exports resume from Odesa",
        "Parliament debates the budget",
    ]


async def test_brief_on_an_actor_finds_stories_through_the_actor_index(app):
    load_all()
    fill(app)
    scholz = app.db.execute("SELECT id FROM articles WHERE title = 'Scholz visits Kyiv'").fetchone()[0]
    # an alias the text never uses: only the actor index can find the story
    insert_actor(app.db, 10_001, "Olaf Scholz", "Bundeskanzler", mentioned_in=(scholz,))
    reply = await answer(app, "/brief Bundeskanzler", ASKER)
    assert [s.blocks[0].text for s in reply.document.sections] == ["Scholz visits Kyiv"]


async def test_brief_on_an_empty_archive_and_without_matches(app):
    load_all()
    empty = await answer(app, "/brief", ASKER)
    assert "no stories in the archive yet" in empty.document.text
    fill(app)
    nothing = await answer(app, "/brief croissants", ASKER)
    assert "No story matches" in nothing.document.text
    no_words = await answer(app, "/brief ((*))", ASKER)
    assert "Tell me what to look for" in no_words.document.text


async def test_brief_shows_old_news_with_a_note(app):
    load_all()
    fill(app, base=NOW - timedelta(days=30))
    reply = await answer(app, "/brief", ASKER)
    assert len(reply.document.sections) == 3
    assert "The newest news in the archive is from" in reply.document.text


async def test_a_quiet_spell_is_filled_with_the_latest_stories_before_it(app):
    load_all()
    fill(app, base=NOW - timedelta(days=10))  # three stories ten days old
    late = insert_article(
        app.db, title="Harbour reopens after the storm", when=NOW - timedelta(hours=1),
        body="The harbour reopened on Tuesday after the storm. Ferries sailed again in the afternoon.",
    )  # fmt: skip
    enrich_article(app, late)
    reply = await answer(app, "/brief", ASKER)
    headlines = [s.blocks[0].text for s in reply.document.sections]
    assert headlines[0] == "Harbour reopens after the storm"  # the news of the window first
    assert len(headlines) == 4 and headlines[1].startswith("Trump taps Kellogg")


def _months_old_news_and_an_hour_old_story(app) -> None:
    """Three dated stories months old, and one dated an hour ago: the window is now."""
    load_all()
    fill(app, base=NOW - timedelta(days=300))
    dated = insert_article(
        app.db, title="Harbour reopens after the storm", when=NOW - timedelta(hours=1),
        body="The harbour reopened on Tuesday after the storm. Ferries sailed again in the afternoon.",
    )  # fmt: skip
    enrich_article(app, dated)


async def test_undated_articles_read_today_are_the_days_news_before_a_quiet_spells_fill(app):
    _months_old_news_and_an_hour_old_story(app)
    seeded = insert_article(
        app.db, title="Library opens a new wing", when=NOW - timedelta(minutes=5),
        body="The city library opened a new wing for children. Readers queued from early morning.",
    )  # fmt: skip
    undated(app, seeded)  # no date: read today
    reply = await answer(app, "/brief", ASKER)
    headlines = [s.blocks[0].text for s in reply.document.sections]
    # the dated news first, then the undated text read today, and only then the months-old stories
    assert headlines[:2] == ["Harbour reopens after the storm", "Library opens a new wing"]
    assert len(headlines) == 5 and headlines[2].startswith("Trump taps Kellogg")


async def test_undated_stories_are_ranked_by_what_they_hold_not_by_which_was_read_last(app):
    """Stories of undated entries alone were dated when they were read, which says only which came last:
    a feed's placeholder read after the seed dumps ("This item is fine.") does not push a full report out
    of the briefing (QA17d F1)."""
    _months_old_news_and_an_hour_old_story(app)
    report = insert_article(
        app.db, title="Library opens a new wing", when=NOW - timedelta(minutes=10),
        body="The city library opened a new wing for children on Tuesday, with 20,000 books and a reading "
        "garden. Readers queued from early morning, and the mayor cut the ribbon at nine. The wing cost "
        "four million euros, most of it from a regional fund, the council said.",
    )  # fmt: skip
    stubs = [
        insert_article(
            app.db, title=f"Item {n}", when=NOW - timedelta(minutes=5 - n), body="This item is fine."
        )
        for n in range(4)
    ]
    for article in (report, *stubs):
        undated(app, article)
    reply = await answer(app, "/brief", ASKER)
    headlines = [s.blocks[0].text for s in reply.document.sections]
    assert headlines[:2] == ["Harbour reopens after the storm", "Library opens a new wing"]


async def test_stories_stored_in_one_second_are_briefed_newest_first_every_time(app):
    load_all()
    titles = ("Harbour reopens", "Library opens new wing", "Rail strike called off", "Zoo welcomes twins")
    for title in titles:
        article = insert_article(
            app.db, title=title, when=NOW - timedelta(hours=1), body=f"{title} on Tuesday. Crowds gathered.",
        )  # fmt: skip
        enrich_article(app, article)
    reply = await answer(app, "/brief", ASKER)
    assert [s.blocks[0].text for s in reply.document.sections] == list(reversed(titles))


async def test_the_fill_never_outranks_a_story_of_the_window(app):
    load_all()
    wide = insert_article(
        app.db, title="Summit ends with a joint statement", when=NOW - timedelta(hours=80),
        body="The summit ended with a joint statement on trade. Leaders praised the talks.", source="a.com",
    )  # fmt: skip
    enrich_article(app, wide)
    for k, source in enumerate(("b.com", "c.com", "d.com", "e.com", "f.com")):
        copy = insert_article(
            app.db, title=f"Summit ends with a joint statement ({source})", source=source,
            when=NOW - timedelta(hours=80, minutes=k + 1),
            body=f"The summit ended with a joint statement on trade ({k}). Leaders praised the talks.",
        )  # fmt: skip
        enrich_article(app, copy)
    late = insert_article(
        app.db, title="Harbour reopens after the storm", when=NOW - timedelta(hours=70),
        body="The harbour reopened on Tuesday after the storm. Ferries sailed again in the afternoon.",
    )  # fmt: skip
    enrich_article(app, late)
    fresh = insert_article(
        app.db, title="Library opens a new wing", when=NOW - timedelta(hours=1),
        body="The city library opened a new wing for children. Readers queued from early morning.",
    )  # fmt: skip
    enrich_article(app, fresh)
    reply = await answer(app, "/brief", ASKER)
    headlines = [s.blocks[0].text for s in reply.document.sections]
    # the summit (six outlets, 80 hours old) is outside the 72-hour window: it only fills a place
    assert headlines[:2] == ["Library opens a new wing", "Harbour reopens after the storm"]
    assert headlines[2].startswith("Summit ends")


def test_bot_ask_brief_prints_the_briefing(tmp_path, capsys, settings):
    from briefing.service import App

    path = tmp_path / "ask.db"
    db = open_db(path)
    fill(App(db=db, settings=settings, clock=lambda: NOW), base=datetime.now(UTC))
    db.conn.close()
    assert main(["ask", "/brief", "--db", str(path)], environ={}) == 0
    out = capsys.readouterr().out
    assert out.startswith("TOP STORIES")
    assert "Trump taps Kellogg as envoy for Ukraine" in out


async def test_a_type_qualifier_is_read_as_actor_reads_it(app):
    load_all()
    fill(app)
    scholz = app.db.execute("SELECT id FROM articles WHERE title = 'Scholz visits Kyiv'").fetchone()[0]
    insert_actor(app.db, 10_001, "Olaf Scholz", "Bundeskanzler", mentioned_in=(scholz,))
    reply = await answer(app, "/brief Bundeskanzler (person)", ASKER)
    assert reply.document.header[0].text == "Stories about Olaf Scholz"  # the actor, as /actor names him
    assert [s.blocks[0].text for s in reply.document.sections] == ["Scholz visits Kyiv"]
    other_type = await answer(app, "/brief Bundeskanzler (place)", ASKER)
    assert other_type.document.text == "Olaf Scholz is a person, not a place: /brief Olaf Scholz"
    only_a_type = await answer(app, "/brief (person)", ASKER)
    assert "Tell me what to look for" in only_a_type.document.text


async def test_a_topic_qualifier_takes_the_words_alone(app):
    load_all()
    fill(app)
    scholz = app.db.execute("SELECT id FROM articles WHERE title = 'Scholz visits Kyiv'").fetchone()[0]
    insert_actor(app.db, 10_001, "Olaf Scholz", "Bundeskanzler", mentioned_in=(scholz,))
    words = await answer(app, "/brief Bundeskanzler (topic)", ASKER)
    assert words.document.text.startswith("No story matches “Bundeskanzler”.")  # no article has the word
    reply = await answer(app, "/brief north korean [Topic]", ASKER)
    assert reply.document.header[0].text == "Stories about “north korean”"
    assert reply.document.sections[0].blocks[0].text.startswith("North Korean troops in combat")


async def test_a_misspelt_actor_is_named_in_the_heading_with_a_note(app):
    load_all()
    fill(app)
    reply = await answer(app, "/brief Kelog (person)", ASKER)
    assert [b.text for b in reply.document.header] == [
        "Closest match for “Kelog”.",
        "Stories about Keith Kellogg",
    ]
    assert reply.document.sections[0].blocks[0].text.startswith("Trump taps Kellogg")


async def test_a_type_that_does_not_fit_is_answered_as_actor_answers_it(app):
    load_all()
    fill(app)
    reply = await answer(app, "/brief Kyiv (person)", ASKER)
    assert reply.document.text == "Kyiv is a place, not a person: /brief Kyiv"


async def test_an_unknown_qualifier_is_refused_and_words_in_brackets_are_words(app):
    load_all()
    fill(app)
    reply = await answer(app, "/brief Kellogg (company)", ASKER)
    assert reply.document.text == (
        "I don't know the type “company”. After a name I understand (person), (organisation), (place),"
        " (country) or (topic), in round or square brackets: /brief Kellogg (person).\n"
        "To take all the words as a topic: /brief Kellogg (company) (topic)."
    )
    reply = await answer(app, "/brief croissants (2024)", ASKER)
    assert reply.document.text.startswith("No story matches “croissants (2024)”.")


async def test_a_very_long_name_with_a_type_is_refused_politely(app):
    load_all()
    reply = await answer(app, "/brief " + "K" * 3000 + " (person)", ASKER)
    assert reply.document.text == "That is 3,000 characters; a name is at most 120."


def test_a_runaway_headline_or_summary_is_clipped_to_fit_a_message():
    story = Story(
        id=1,
        headline="Headline " * 100,
        summary=("One endless sentence " * 200,),
        article_ids=(1,),
        sources=("An outlet with a very long name " * 5,),
        links=("https://example.com/1",),
        first_seen=NOW,
        last_updated=NOW,
    )
    section = compose_brief([story], now=NOW).sections[0]
    headline, summary, outlets = (b.text for b in section.blocks[:3])
    assert len(headline) <= 200 and headline.endswith("…")
    assert len(summary) <= 600 and summary.endswith("…")
    assert len(outlets) <= len("1 outlet: ") + 60


async def test_an_abbreviation_is_echoed_with_its_last_dot(app):
    load_all()
    fill(app)
    reply = await answer(app, "/brief U.S.", ASKER)
    assert "“U.S.”" in reply.document.text and "“U.S”" not in reply.document.text


NAMESAKES = [
    ("Chad closes its border with Sudan", "Chad closed its border with Sudan on Monday, officials in "
     "N'Djamena said. Refugees had crossed into Chad for weeks."),
    ("Chad Roberts wins the county fair", "Chad Roberts, a local farmer, won the county fair on Saturday. "
     "Roberts said the prize was a surprise."),
    ("Jordan hosts talks on Gaza", "Jordan hosted talks on Gaza in Amman on Tuesday, the foreign ministry "
     "said."),
    ("Michael Jordan sells his stake", "Michael Jordan sold his stake in the Charlotte Hornets on Friday. "
     "Jordan said he would stay involved."),
    ("Farmers' union elects a new head", "Chad Roberts, a farmer who grew up in Chad, was elected head of "
     "the farmers' union in Texas on Wednesday."),
]  # fmt: skip


async def test_a_country_asked_for_is_not_a_persons_given_name_or_surname(app):
    load_all()
    for k, (title, body) in enumerate(NAMESAKES):
        article = insert_article(app.db, title=title, body=body, source=f"s{k}.com", url=f"https://s{k}.com",
                                 when=NOW - timedelta(hours=k))  # fmt: skip
        enrich_article(app, article)
    chad = await answer(app, "/brief Chad", ASKER)
    # the farmer's own story names Chad only in his name; the trip names the country too
    assert sorted(s.blocks[0].text for s in chad.document.sections) == [
        "Chad closes its border with Sudan",
        "Farmers' union elects a new head",
    ]
    jordan = await answer(app, "/brief Jordan", ASKER)
    assert [s.blocks[0].text for s in jordan.document.sections] == ["Jordan hosts talks on Gaza"]
    person = await answer(app, "/brief Michael Jordan", ASKER)
    assert [s.blocks[0].text for s in person.document.sections] == ["Michael Jordan sells his stake"]
    words = await answer(app, "/brief Chad (topic)", ASKER)  # the words alone: every article with them
    assert len(words.document.sections) == 3
    lower = await answer(app, "/brief chad", ASKER)  # in lower case, as "un" finds Kim Jong Un: anywhere
    assert len(lower.document.sections) == 3
    place = await answer(app, "/brief chad (place)", ASKER)  # the place asked for by its type
    assert len(place.document.sections) == 2


ROBERTS = (0, 12, 4, "Chad Roberts")


@pytest.mark.parametrize(
    "title, body, others, expected",
    [
        ("Chad Roberts wins", "Chad Roberts won the fair.", [ROBERTS], True),
        ("Farmer wins", "Chad Roberts won the fair. Chad's harvest was poor.", [ROBERTS], False),
        ("Chad: farmer wins", "Chad Roberts won the fair.", [ROBERTS], False),  # the title's own Chad
        ("Chad Roberts wins", "Chad Roberts won the fair.", [], False),  # no other actor holds it
        ("Farmer wins", "Chad Roberts won in Chad.", [ROBERTS], False),
        ("Farmer wins", "Chád Roberts won the fair.", [ROBERTS], False),  # not found as written: kept
    ],
)
def test_words_only_in_other_actors_names_are_no_match_of_their_own(title, body, others, expected):
    assert only_in_other_names(title, body, ["Chad"], others) is expected


def test_a_storys_other_articles_from_an_outlet_are_on_its_sources_page_only():
    from briefing.paging import sources_view

    story = replace(
        a_story(sources=("wire",), links=("https://wire/a2",)),
        more_links=(("wire", "Ports strike, day one", "https://wire/a1"),),
    )
    doc = compose_brief([story, a_story(2), a_story(3), a_story(4)], now=NOW)
    assert "day one" not in to_plain(doc) and "day one" not in doc.text  # not on the page
    assert "https://wire/a1" not in "".join(html_messages(doc))
    sources = sources_view(doc, 1, 3).document
    listed = [(s.text, s.url) for sec in sources.sections for b in sec.blocks for s in b.spans if s.url]
    assert listed[:2] == [("wire", "https://wire/a2"), ("wire: Ports strike, day one", "https://wire/a1")]


async def test_a_story_loaded_from_the_store_links_each_outlets_older_articles_too(app):
    from store.stories import set_story, stories_by_ids

    load_all()
    first = insert_article(app.db, title="Port strike begins", body="Dockers walked out today. " * 5,
                           source="wire", url="https://wire/a1", when=NOW - timedelta(hours=2))  # fmt: skip
    enrich_article(app, first)
    second = insert_article(app.db, title="Port strike, day two", body="The dockers stay out. " * 5,
                            source="wire", url="https://wire/a2", when=NOW - timedelta(hours=1))  # fmt: skip
    story_id = app.db.execute("SELECT story_id FROM articles WHERE id = ?", [first.id]).fetchone()[0]
    set_story(app.db, [second.id], story_id)
    (story,) = stories_by_ids(app.db, [story_id])
    assert story.links == ("https://wire/a2",)
    assert story.more_links == (("wire", "Port strike begins", "https://wire/a1"),)
