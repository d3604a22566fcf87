"""How replies tell the age of news as its date is known. An article its outlet gave no date is dated by
the moment the archive read it: replies say "added 3 h ago", never "3 h ago" or "updated just now", which
would pass the reading for the news's own time. A story's "updated" age follows its newest article: by
the day ("updated today") when that article's clock is unknown, "added" when it has no date of its own.
Ranking is unchanged."""

from dataclasses import replace
from datetime import time, timedelta

from conftest import NOW

from briefing.ages import retold
from briefing.briefs import compose_articles, story_section
from briefing.document import Document
from briefing.models import Article, Story
from briefing.service.commands import Asker, answer, load_all
from briefing.service.digests import dry_run
from briefing.service.ingest import ingest_files
from store.articles import latest_articles
from store.subscribers import subscribe

ASKER = Asker(1, 1)
READ = NOW - timedelta(hours=3)  # when the dumps were ingested; NOW is 23 Jan 2025 12:00 UTC

TEXTS = {
    "ferry": (
        "Ferry line to the islands will start in spring",
        "The harbour authority said on Tuesday that the new ferry line to the islands would start in "
        "spring, after two years of delays, its director Maria Lindqvist told reporters.",
        "Residents of the islands have waited for the service since the old line closed in 2019.",
    ),
    "tram": (
        "Town library reopens after the winter flood",
        "The town library reopened its doors on Wednesday after repairs to the damage the winter flood "
        "did to its cellar and its archive of maps, Maria Lindqvist said.",
        "Volunteers dried more than four thousand books by hand in the school gymnasium.",
    ),
    "bus": (
        "Bus line to the airport opens in spring",
        "The transport company said its new bus line to the airport would carry its first passengers in "
        "spring, with a bus every twelve minutes at rush hour.",
        "Taxi drivers at the airport said they feared losing a third of their fares to the new line.",
    ),
}
HEADERS = {
    "ferry": (),  # no date of its own: dated when read
    "tram": ("Published: Thu 23 Jan 2025, 7:00 AM",),  # a time without a zone, and no site: its day only
    "bus": ("Published: Thu 23 Jan 2025, 7:00 AM GMT",),  # its outlet's time
}


def ingest(app, tmp_path) -> dict[str, Article]:
    for name, (title, *paragraphs) in TEXTS.items():
        text = "\n\n".join((title, *HEADERS[name], *paragraphs)) + "\n"
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    app.clock = lambda: READ
    assert ingest_files(app, [tmp_path / f"{name}.txt" for name in TEXTS]).new == 3
    app.clock = lambda: NOW
    load_all()
    return {a.title.split()[0]: a for a in latest_articles(app.db, limit=10)}


def freshness(doc: Document) -> dict[str, str]:
    """Each story's first word and its last line ("1 article, updated 5 h ago")."""
    return {s.blocks[0].text.split()[0]: s.blocks[-1].text for s in doc.sections}


def dated_lines(doc: Document) -> dict[str, str]:
    """Each listed article's first word and its outlet-and-age line, the age alone."""
    return {s.blocks[0].text.split()[0]: s.blocks[1].text.split(" · ")[1] for s in doc.sections}


async def test_brief_tells_each_storys_age_as_its_newest_article_is_dated(app, tmp_path):
    stored = ingest(app, tmp_path)
    assert stored["Ferry"].dating == "ingest" and stored["Town"].dating == "day"
    assert stored["Bus"].dating == "time"
    reply = await answer(app, "/brief", ASKER)
    assert freshness(reply.document) == {
        "Bus": "1 article, updated 5 h ago",
        "Town": "1 article, updated today",  # 7:00 read as UTC may be 14 h off: only the day is sure
        "Ferry": "1 article, added 3 h ago",  # when it was read, not when it was written
    }
    # ranking is unchanged: the undated story still comes after the dated ones
    assert list(freshness(reply.document)) == ["Bus", "Town", "Ferry"]


async def test_a_topic_brief_tells_ages_the_same_way(app, tmp_path):
    ingest(app, tmp_path)
    reply = await answer(app, "/brief said", ASKER)
    assert set(freshness(reply.document).values()) == {
        "1 article, updated 5 h ago",
        "1 article, updated today",
        "1 article, added 3 h ago",
    }


async def test_latest_and_search_say_an_undated_article_was_added(app, tmp_path):
    ingest(app, tmp_path)
    latest = await answer(app, "/latest", ASKER)
    assert dated_lines(latest.document) == {"Ferry": "added 3 h ago", "Town": "today", "Bus": "5 h ago"}
    found = await answer(app, "/search said", ASKER)
    assert dated_lines(found.document) == dated_lines(latest.document)


async def test_an_actors_latest_articles_and_quotes_say_added(app, tmp_path):
    ingest(app, tmp_path)
    reply = await answer(app, "/actor Maria Lindqvist", ASKER)
    text = reply.document.text
    assert "Ferry line to the islands will start in spring — ferry.txt, added today" in text
    assert "Town library reopens after the winter flood — tram.txt, today" in text
    assert "— ferry.txt, added today" in text.split("Latest articles")[0]  # under its quote too


async def test_a_digest_tells_no_age_that_passes_a_reading_for_the_news(app, tmp_path):
    """A digest shows no ages at all (its intro says since when): nothing in it can say "3 h ago" of an
    article whose clock is unknown, or "updated" of one dated by its reading."""
    ingest(app, tmp_path)
    subscribe(app.db, 7, timezone="UTC", digest_time=time(8), now=READ)
    text = dry_run(app, 7, now=NOW)
    assert "Ferry line to the islands" in text and "Town library reopens" in text
    assert " ago" not in text and "updated" not in text


def story(articles: int, dating, hours: float = 3) -> Story:
    return Story(
        id=1,
        headline="Ferry line to the islands",
        article_ids=tuple(range(articles)),
        sources=("harbour.example",),
        first_seen=NOW - timedelta(days=2),
        last_updated=NOW - timedelta(hours=hours),
        newest_dating=dating,
    )


def test_a_storys_line_follows_how_its_newest_article_is_dated():
    lines = {
        (n, dating): story_section(story(n, dating), NOW).blocks[-1].text
        for n in (1, 4)
        for dating in ("time", "day", "ingest")
    }
    assert lines == {
        (1, "time"): "1 article, updated 3 h ago",
        (1, "day"): "1 article, updated today",
        (1, "ingest"): "1 article, added 3 h ago",
        (4, "time"): "4 articles, updated 3 h ago",
        (4, "day"): "4 articles, updated today",
        (4, "ingest"): "4 articles, last added 3 h ago",
    }
    # yesterday's unknown clock is "yesterday", not "18 h ago"
    assert story_section(story(1, "day", hours=18), NOW).blocks[-1].text == "1 article, updated yesterday"


def test_a_page_kept_behind_more_tells_added_and_days_again_later():
    kept = Document(sections=(story_section(story(1, "ingest"), NOW), story_section(story(1, "day"), NOW)))
    later = retold(kept, NOW + timedelta(days=1))
    told = [s.blocks[-1].text for s in later.sections]
    assert told == ["1 article, added yesterday", "1 article, updated yesterday"]


def test_an_article_list_says_added_only_for_an_article_without_a_date():
    read = Article(1, "Ferry", "Text.", "harbour", NOW - timedelta(minutes=5), "h")
    dated = replace(read, id=2, title="Tram", published_at=NOW - timedelta(hours=2))
    doc = compose_articles([read, dated], now=NOW, title="Latest")
    assert dated_lines(doc) == {"Ferry": "added 5 min ago", "Tram": "2 h ago"}
    assert dated.dating == "time" and read.dating == "ingest"
    assert replace(dated, clock_unknown=True).dating == "day"
