"""Bylines that say more than who wrote the story (QA19b F3, F10, F11, F12): the writer's job after a comma
("By Dr Jane Doe, Health and science editor") or on the line under the byline ("Business reporter"), the
place a writer filed from ("in Lisbon"), surnames with several particles ("de la", "van der"); and the
furniture printed with them: a live page's "Live updates", a caption under its photo's credit, and a site's
masthead printed once over a dump of several stories."""

from datetime import timedelta

import pytest

from briefing.dumps import split_dump
from briefing.furniture import Kind, Verdict, byline_names, classify, is_newsroom_job
from briefing.header_lines import header_line

LEAD = (
    "The regional water board said on Monday that it would spend £40 million on new pipes under the old "
    "town, after three burst mains left thousands of homes without water last winter."
)
MORE = "Work on the first section is due to start in March and to last about eighteen months."
TRIAL = (
    "A blood pressure pill taken once a week cut the risk of stroke by a fifth in a trial of 9,000 "
    "patients, researchers told a medical conference in Vienna on Sunday."
)
TRIAL_MORE = "The researchers said a larger study would be needed before doctors could prescribe it widely."

BYLINES = [
    ("By Dr Imogen Castellane-Price, Health and science editor", "Dr Imogen Castellane-Price"),
    ("By Rafe Thornbury, Football Correspondent", "Rafe Thornbury"),
    ("By Inés de los Santos", "Inés de los Santos"),
    ("By Pieter van der Linde, Chief political correspondent", "Pieter van der Linde"),
    ("By Marisol de la Vega", "Marisol de la Vega"),
    ("By Marta Quintero in Lisbon and Owen Pryce", "Marta Quintero and Owen Pryce"),
    ("By Owen Pryce in Cardiff", "Owen Pryce"),
    ("By Hana Kovac and Luis Ortega, Staff writers", "Hana Kovac and Luis Ortega"),
    # two writers, no job: both stay
    ("By Ann Lee, Li Wei", "Ann Lee, Li Wei"),
]


@pytest.mark.parametrize(("line", "author"), BYLINES)
def test_a_byline_names_its_writers_without_their_job_or_place(line: str, author: str) -> None:
    assert classify(line) == Verdict(Kind.AUTHOR, author)


@pytest.mark.parametrize(
    "line",
    ["By the river, a quiet revolution", "By Monday, the council said", "By far the largest reporter"],
)
def test_by_words_that_name_no_writer_are_no_byline(line: str) -> None:
    assert classify(line).kind is not Kind.AUTHOR


def test_a_writers_job_is_a_few_words_ending_with_a_newsroom_job() -> None:
    assert is_newsroom_job("Health and science editor")
    assert is_newsroom_job("Local democracy reporter")
    assert not is_newsroom_job("Li Wei")
    assert not is_newsroom_job("She is our best reporter.")
    # the first piece is the writer, whatever it says
    assert byline_names("Sam Editor, Sports reporter") == "Sam Editor"


def test_a_pages_byline_with_a_job_and_an_age_gives_the_writer() -> None:
    assert header_line("By Rafe Thornbury, Football Correspondent · 2 hours ago") == (
        "Rafe Thornbury",
        timedelta(hours=2),
    )


def test_a_byline_with_a_job_keeps_the_next_articles_headline() -> None:
    dump = (
        f"Local\n\nWater board to replace old town pipes\n\nBy Owen Pryce\n24 November 2026\n\n{LEAD}\n\n"
        f"{MORE}\n\nMore from Local\nBus fares frozen for a year\nShare this article\n\nHealth\n\n"
        "Weekly pill cuts stroke risk by a fifth, trial finds\n\n"
        "By Dr Imogen Castellane-Price, Health and science editor\n24 November 2026\n\n"
        f"{TRIAL}\n\n{TRIAL_MORE}\n"
    )
    first, second = split_dump(dump, source="x.txt")
    assert first.author == "Owen Pryce"
    assert second.title == "Weekly pill cuts stroke risk by a fifth, trial finds"
    assert second.author == "Dr Imogen Castellane-Price"
    assert second.section == "Health"
    assert second.body.startswith(TRIAL)


@pytest.mark.parametrize("job", ["Business reporter", "Local democracy reporter", "Football correspondent"])
def test_a_job_line_under_a_byline_is_no_text(job: str) -> None:
    header = f"Water board to replace old town pipes\n\nBy Owen Pryce\n{job}\n24 November 2026"
    dump = f"{header}\n\n{LEAD}\n\n{MORE}\n"
    (article,) = split_dump(dump, source="x.txt")
    assert article.author == "Owen Pryce"
    assert article.body.startswith(LEAD)


def test_a_live_pages_kicker_by_its_age_is_no_text() -> None:
    dump = (
        "Floods live: river rises in the old town\n\nLive updates\nUpdated 12 minutes ago\n\n"
        f"{LEAD}\n\n{MORE}\n"
    )
    (article,) = split_dump(dump, source="x.txt")
    assert article.body.startswith(LEAD)
    assert article.age == timedelta(minutes=12)


def test_a_kicker_over_the_next_articles_date_stays_its_section() -> None:
    dump = (
        f"Water board to replace old town pipes\n\nBy Owen Pryce\n23 November 2026\n\n{LEAD}\n\n"
        f"Analysis\n24 November 2026\n\nWeekly pill cuts stroke risk by a fifth\n\n{TRIAL}\n"
    )
    _, second = split_dump(dump, source="x.txt")
    assert (second.title, second.section) == ("Weekly pill cuts stroke risk by a fifth", "Analysis")


def test_a_caption_under_its_photos_credit_is_no_text() -> None:
    dump = (
        "Water board to replace old town pipes\n\nBy Owen Pryce\n2 hours ago\n\n"
        "Photo: Carys Lloyd-Evans / Getty Images\n"
        "Engineer Dafydd Rhys inspects a burst main under Castle Street.\n\n"
        f"{LEAD}\n\n{MORE}\n"
    )
    (article,) = split_dump(dump, source="x.txt")
    assert article.body.startswith(LEAD)
    assert "inspects" not in article.body


def test_a_lead_under_a_photos_credit_stays() -> None:
    lead = "The water board approved a £40 million plan to replace the pipes under the old town on Monday."
    dump = (
        "Water board to replace old town pipes\n\nBy Owen Pryce\n2 hours ago\n\n"
        f"Photo: Carys Lloyd-Evans / Getty Images\n{lead}\n\n{MORE}\n"
    )
    (article,) = split_dump(dump, source="x.txt")
    assert article.body.startswith(lead)


def _story(title: str, label: str, author: str, text: str) -> str:
    return f"{label}\n\n{title}\n\nBy {author}\n23 November 2026\n\n{text}\n\n{MORE}\n\n"


def test_a_masthead_at_the_top_of_a_dump_is_every_articles_outlet() -> None:
    dump = (
        "Menu\nThe Westbury Courier\nLocal News\n\nWater board to replace old town pipes\n\nBy Owen Pryce\n"
        f"23 November 2026\n\n{LEAD}\n\n{MORE}\n\n"
        + _story("Weekly pill cuts stroke risk by a fifth", "Health", "Hana Kovac", TRIAL)
        + _story("Bus fares frozen for another year", "Transport", "Luis Ortega", TRIAL_MORE + " " + LEAD)
    )
    articles = split_dump(dump, source="courier.txt")
    assert [a.source for a in articles] == ["The Westbury Courier"] * 3


def test_a_later_masthead_is_the_outlet_from_its_article_on() -> None:
    dump = (
        "Menu\nThe Westbury Courier\nLocal News\n\nWater board to replace old town pipes\n\nBy Owen Pryce\n"
        f"23 November 2026\n\n{LEAD}\n\n{MORE}\n\n"
        + _story("Weekly pill cuts stroke risk by a fifth", "Health", "Hana Kovac", TRIAL)
        + "The Harbour Gazette\n"
        + _story("Bus fares frozen for another year", "Transport", "Luis Ortega", TRIAL_MORE + " " + LEAD)
    )
    articles = split_dump(dump, source="courier.txt")
    assert [a.source for a in articles] == [
        "The Westbury Courier",
        "The Westbury Courier",
        "The Harbour Gazette",
    ]


def test_a_dump_without_a_masthead_keeps_its_files_name() -> None:
    dump = _story("Water board to replace old town pipes", "Local", "Owen Pryce", LEAD) + _story(
        "Weekly pill cuts stroke risk by a fifth", "Health", "Hana Kovac", TRIAL
    )
    assert [a.source for a in split_dump(dump, source="courier.txt")] == ["courier.txt"] * 2
