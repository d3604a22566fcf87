"""A byline of several writers with its age on one line ("Jane Doe and John Roe · 3 hours ago"), and
"today" ending a byline ("Jane Doe · today"): the writers are the author and the age dates the article,
in a dump and in a page's header alike (:func:`briefing.furniture.classify`). Headlines and sentences
that end with "today" or an age stay what they are."""

from datetime import timedelta

import pytest

from briefing.dates import age_start, relative_age
from briefing.dumps import split_dump
from briefing.furniture import Kind, classify, dated_ago, looks_like_name
from briefing.header_lines import header_line

TITLE = "Night buses return to the valley towns"
LEAD = (
    "The regional transport board said on Tuesday that night buses would run again between the valley "
    "towns from December, two years after the service was cut to save money."
)
MORE = "Bar and restaurant owners along the route had asked the board to bring the night buses back."

BYLINES = [
    ("Jane Doe and John Roe · 3 hours ago", "Jane Doe and John Roe", timedelta(hours=3)),
    ("By Jane Doe and John Roe · 3 hours ago", "Jane Doe and John Roe", timedelta(hours=3)),
    ("By Marta Lindqvist, Omar Haddad and Li Wei · Updated 2 hours ago",
     "Marta Lindqvist, Omar Haddad and Li Wei", timedelta(hours=2)),
    ("Anna Schmidt und Hans Müller · vor 2 Stunden", "Anna Schmidt und Hans Müller", timedelta(hours=2)),
    ("Jane Doe · today", "Jane Doe", timedelta(0)),
    ("Jane Doe today", "Jane Doe", timedelta(0)),
    ("By Jane Doe · Today", "Jane Doe", timedelta(0)),
    ("Jane Doe and John Roe · today at 9:02", "Jane Doe and John Roe", timedelta(0)),
    ("Katrin Vogel · heute, 09:02 Uhr", "Katrin Vogel", timedelta(0)),
]  # fmt: skip


@pytest.mark.parametrize(("line", "author", "age"), BYLINES)
def test_a_byline_of_several_writers_or_ending_with_today_gives_its_author_and_age(line, author, age):
    assert header_line(line) == (author, age)
    dump = "\n\n".join((TITLE, line, LEAD, MORE)) + "\n"
    (draft,) = split_dump(dump, source="valley.txt")
    assert (draft.title, draft.author, draft.age, draft.published_at) == (TITLE, author, age, None)
    assert draft.body.startswith("The regional transport board")


@pytest.mark.parametrize(
    "line",
    [
        "Markets Rally Today",  # a headline's capitals
        "New York today",  # a place's day: no given name first
        "The Council Meets Today",
        "Jane Doe resigned today.",  # a sentence
        "The ferry and the bridge were both closed three days ago by the storm",
        "Fares and timetables change today",
    ],
)
def test_a_headline_or_sentence_ending_with_today_or_an_age_is_no_byline(line):
    assert header_line(line) is None
    verdict = classify(line)
    writer = verdict.value if verdict.kind is Kind.RELTIME and isinstance(verdict.value, str) else None
    assert writer is None or not looks_like_name(writer)


def test_today_ending_a_byline_is_an_age_of_none():
    assert relative_age("Jane Doe today") == timedelta(0)
    assert age_start("Jane Doe · today") == len("Jane Doe · ")
    assert age_start("today") is None  # alone it is a heading as often (a programme, a section)
    assert dated_ago("Jane Doe · today") == timedelta(0)


@pytest.mark.parametrize(
    ("line", "dating", "told"),
    [
        ("Jane Doe · today", "day", "today"),  # a day's word: its day is sure, not its time
        ("Jane Doe · yesterday", "day", "yesterday"),
        ("Jane Doe · 34 min ago", "time", "34 min ago"),
        ("Jane Doe · 2 hours ago", "time", "2 h ago"),
    ],
)
def test_an_article_dated_by_a_days_word_tells_its_day_not_a_time(app, tmp_path, line, dating, told):
    from briefing.ages import article_age
    from briefing.service.ingest import ingest_files
    from store.articles import get_article

    dump = tmp_path / "council.txt"
    dump.write_text(
        "Politics\n\nCouncil Leader Resigns After Budget Vote Defeat\n\n"
        f"{line}\n\n"
        "The leader of the council resigned on Tuesday evening after councillors voted down her budget"
        " for the second time in a month.\n",
        encoding="utf-8",
    )
    (new,) = ingest_files(app, [dump]).new_ids
    article = get_article(app.db, new)
    assert article is not None and article.author == "Jane Doe"
    assert article.dating == dating
    assert "".join(s.text for s in article_age(article, app.now())) == told


def test_just_now_is_a_moment_and_a_days_word_a_day():
    from briefing.dates import DayAge

    assert not isinstance(relative_age("just now"), DayAge) and relative_age("just now") == timedelta(0)
    assert isinstance(relative_age("Jane Doe today"), DayAge)
    assert isinstance(relative_age("Yesterday at 6:19 PM"), DayAge)
    assert not isinstance(relative_age("3 hours ago"), DayAge)
