"""Bylines as pasted pages print them (issue 2, left by dumps13/14/16): a name in capitals, a name under
the date, a writer's age in the byline, a job run into the name on a page."""

import subprocess
import sys
from datetime import timedelta

import pytest
from conftest import ROOT

from briefing.dumps import split_dump
from briefing.furniture import Kind, author_name, classify, name_case

# two stories of a local paper's page, its furniture around them; {byline} is the first story's header
PAGE = """Menu
Search
Wendle Valley Post

Harbour dredging to start in spring after funding deal

{byline}

The county council agreed on Tuesday to fund the dredging of Port Wendle's inner harbour, closing a two-year
dispute with the fishing co-operative.

Work will start in March and take eleven weeks, the harbour master said.

Share this article

Ferry timetable cut for the winter months

By Ruairi Quinn

Published: 11 March 2025, 10:00 GMT

The Holm Island ferry will run four times a day instead of six from November, the operator said on Monday.

Islanders said the cut would make hospital visits on the mainland harder.

Most read
"""


def first(byline: str):
    articles = split_dump(PAGE.format(byline=byline), source="post.txt")
    assert [a.title for a in articles] == [
        "Harbour dredging to start in spring after funding deal",
        "Ferry timetable cut for the winter months",
    ]
    assert articles[1].author == "Ruairi Quinn"
    return articles[0]


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By HELENA MARSH\nPublished: 12 March 2025", "Helena Marsh"),
        ("HELENA MARSH\nPublished: 12 March 2025", "Helena Marsh"),  # no "By": a name over the date
        ("By JEAN-LUC DE LA FONTAINE\nPublished: 12 March 2025", "Jean-Luc de la Fontaine"),
        ("By SEAN MCCARTHY AND AOIFE O'BRIEN\nPublished: 12 March 2025", "Sean McCarthy and Aoife O'Brien"),
        ("By HELENA MARSH, SCIENCE CORRESPONDENT\nPublished: 12 March 2025", "Helena Marsh"),
    ],
)
def test_a_byline_in_capitals_is_stored_as_a_name_is_written(byline, author):
    article = first(byline)
    assert article.author == author
    assert article.body.startswith("The county council agreed")


@pytest.mark.parametrize(
    ("field", "cased"),
    [
        ("HELENA MARSH", "Helena Marsh"),
        ("JOOST VAN DER BERG", "Joost van der Berg"),  # no known given name, but no acronym either
        ("MARÍA LÓPEZ Y JUAN PÉREZ", "María López y Juan Pérez"),
        ("JOHN E SMITH", "John E Smith"),  # a letter alone is an initial, not "y"/"e" joining two names
        ("J.R. HARTLEY", "J.R. Hartley"),
        ("ANGUS MACDONALD", "Angus Macdonald"),  # "Mac" is not guessed at ("Machado")
        ("BBC NEWS", "BBC NEWS"),  # an acronym: a desk's capitals stay
        ("AFP", "AFP"),
        ("Helena Marsh", "Helena Marsh"),
        ("Anna DE LA CRUZ", "Anna DE LA CRUZ"),  # not in capitals: as written
    ],
)
def test_name_case(field, cased):
    assert name_case(field) == cased


def test_a_long_field_in_capitals_is_cased_in_time_linear_in_its_words():
    """Each word was looked up in a list of the particles before it, so a field of 40,000 took 40 s. A hang
    guard in a process of its own, not a speed measurement: it takes a fraction of a second."""
    code = (
        "from briefing.furniture import name_case; "
        "print(name_case('JEAN ' + 'DE LA ' * 20_000 + 'FONTAINE').startswith('Jean de la de la'))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=20)
    assert done.returncode == 0 and done.stdout.strip() == "True", done.stderr


def test_a_feeds_or_pages_author_in_capitals_is_cased_too():
    assert author_name("HELENA MARSH in Port Wendle") == "Helena Marsh"


@pytest.mark.parametrize(
    "byline",
    [
        "Published: 12 March 2025\nHelena Marsh",
        "Published: 12 March 2025\n\nHelena Marsh",  # a blank line between the date's and the name's blocks
        "12 March 2025\nHelena Marsh, Environment Correspondent",
        "Published: 12 March 2025\nAna Lucía Pérez in Port Wendle",
    ],
)
def test_a_byline_under_the_date_is_read(byline):
    article = first(byline)
    assert article.author in ("Helena Marsh", "Ana Lucía Pérez")
    assert article.body.startswith("The county council agreed")


@pytest.mark.parametrize(
    "under",
    [
        "Storm Arwen",  # no given name, no job, no place: not read as a writer
        "Council Budget Talks",
    ],
)
def test_a_heading_under_the_date_that_names_no_writer_is_no_byline(under):
    article = first(f"Published: 12 March 2025\n{under}")
    assert article.author is None


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Sarah Okafor, 42\nPublished: 12 March 2025", "Sarah Okafor"),
        ("By Sarah Okafor, 42, and Tom Baines\nPublished: 12 March 2025", "Sarah Okafor and Tom Baines"),
    ],
)
def test_a_writers_age_in_the_byline_leaves_a_byline(byline, author):
    article = first(byline)
    assert article.author == author
    assert article.body.startswith("The county council agreed")


STACKED = """Environment
Coastal erosion
Sea Wall Repairs Begin At Three Villages

By Sarah Okafor, 42, and Tom Baines

Repairs to the sea wall at Kessock, Holm and Arden began on Monday after winter storms opened a breach.

The council said the work would take six weeks and close the coast road at night.

Most read
"""


def test_a_byline_with_an_age_marks_the_headline_under_labels():
    [article] = split_dump(STACKED, source="coast.txt")
    assert article.title == "Sea Wall Repairs Begin At Three Villages"
    assert (article.section, article.author) == ("Coastal erosion", "Sarah Okafor and Tom Baines")
    assert article.body.startswith("Repairs to the sea wall")


@pytest.mark.parametrize(
    ("field", "name"),
    [
        ("Ingrid Solberg Political Editor, Europe", "Ingrid Solberg"),  # a page's byline element, one line
        ("Tom Reyes Senior Correspondent", "Tom Reyes"),
        ("Mary Ann Lee Editor", "Mary Ann Lee"),  # "Lee" is a given name: no job's word
        ("Damian Carrington Environment editor", "Damian Carrington"),
        ("Guardian Staff", "Guardian Staff"),  # no name before the job: as it came
    ],
)
def test_a_job_run_into_the_name_in_capitals_goes(field, name):
    assert author_name(field) == name


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By JEAN-LUC DE LA FONTAINE Political Editor, Europe", "Jean-Luc de la Fontaine"),
        ("By ANNA VAN DER BERG Political Editor, Europe\nPublished: 12 March 2025", "Anna van der Berg"),
        ("By LUDWIG VON ESSEN Business Reporter", "Ludwig von Essen"),
        ("By Tomás de la Fuente Senior Correspondent", "Tomás de la Fuente"),
        ("By HELENA MARSH Political Editor, Europe", "Helena Marsh"),
    ],
)
def test_a_names_particles_stay_in_it_when_a_job_follows(byline, author):
    article = first(byline)
    assert article.author == author
    assert article.body.startswith("The county council agreed")


@pytest.mark.parametrize(
    ("field", "name"),
    [
        ("JEAN-LUC DE LA FONTAINE Political Editor, Europe", "Jean-Luc de la Fontaine"),
        ("Joost van der Berg Chief Correspondent", "Joost van der Berg"),
        ("Yusuf bin Rashid Health Reporter", "Yusuf bin Rashid"),
        ("OMAR AL-HASSAN Political Editor", "Omar Al-Hassan"),
        ("AOIFE O'BRIEN Political Editor", "Aoife O'Brien"),
        ("MARÍA DE LOS ÁNGELES GARCÍA LÓPEZ Chief Correspondent", "María de los Ángeles García López"),
        ("MARIA GARCIA LOPEZ Chief Correspondent", "Maria Garcia Lopez"),  # the capitals end the name
        ("JANE DOE BBC Correspondent", "Jane Doe"),  # an acronym may open the job
        ("LUDWIG VAN BEETHOVEN Music Critic", "Ludwig van Beethoven"),  # QA24 F8: a critic's is a job
        ("Ann Lee Film critic", "Ann Lee"),
        ("Tom Reyes Senior Columnist", "Tom Reyes"),
    ],
)
def test_a_job_after_a_name_with_particles_or_in_capitals_goes(field, name):
    assert author_name(field) == name


@pytest.mark.parametrize(
    ("byline", "author", "age"),
    [
        ("By Sarah Okafor, 42, and Tom Baines · 3 hours ago", "Sarah Okafor and Tom Baines", 3),
        ("Sarah Okafor, 42, and Tom Baines · 3 hours ago", "Sarah Okafor and Tom Baines", 3),
        ("Sarah Okafor, 42 · 3 hours ago", "Sarah Okafor", 3),
        ("By Sarah Okafor, 42, Tom Baines, 38, and Ann Lee | Updated 2 hours ago",
         "Sarah Okafor, Tom Baines and Ann Lee", 2),
        ("Katrin Vogel, 34 · gestern", "Katrin Vogel", 24),
    ],
)  # fmt: skip
def test_a_writers_age_and_the_storys_age_on_one_line(byline, author, age):
    article = first(byline)
    assert (article.author, article.age) == (author, timedelta(hours=age))
    assert article.body.startswith("The county council agreed")


def test_writers_ages_in_a_sentence_with_a_time_are_no_byline():
    line = "Sarah Okafor, 42, and Tom Baines, 38, were arrested two days ago."
    assert classify(line).kind is Kind.PROSE
