"""A live blog's running total replaces the older total in the story summary, whatever words each
outlet tells it in (figures spelled out too), and a story summary tells one figure's fact once when two
outlets word it apart (QA19b F2, F9)."""

from datetime import UTC, datetime, timedelta

from article_rows import enrich_sentences as ingest

from briefing.facts import revises, revisions, tells_a_figure_of, with_figures
from briefing.stories import latest_figures, story_summary
from store.stories import get_story

DAY = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)

# the first reports: a total told with its part, the total alone, and figures spelled out
FLOOD_PARTS = (
    "The regional safety board says the death toll in Gelderland has risen to 29, taking the total "
    "across Gelderland and Utrecht to 41.",
    "The Rhine at Arnhem has reached 16.2 metres, its highest level since records began, engineers say.",
)
FLOOD_TOTAL = (
    "The death toll from the Rhine floods has risen to 41, officials in the Netherlands said on Sunday, "
    "as dykes across the Betuwe gave way.",
    "Twenty-nine people have died in Gelderland and twelve in Utrecht, according to the safety board.",
    "More than 9,000 people have been moved from their homes, the board said.",
)
FLOOD_SPELLED = (
    "Forty-one people have died after the floods hit Gelderland and Utrecht, officials said.",
    "King Willem-Alexander visited the dykes at Tiel.",
)
# a live blog's new top post: where the new dead were found, then the new running total
FLOOD_UPDATE = (
    "Police say three more bodies have been recovered near Tiel, bringing the total death toll across "
    "Gelderland and Utrecht to 44.",
    "The Rhine at Arnhem has reached 16.2 metres, its highest level since records began, engineers say.",
)


def test_figures_spelled_out_are_figures_where_news_style_spells_them():
    assert (
        with_figures("Forty-one people have died, and twelve in Utrecht.")
        == "41 people have died, and 12 in Utrecht."
    )
    assert with_figures("“Seven men were held,” police said.") == "“7 men were held,” police said."
    assert with_figures("About two hundred homes were flooded.") == "About 200 homes were flooded."
    # under ten inside a sentence, and "one", stay words: small counts of no news weight
    assert (
        with_figures("The two ministers met one of the nine mayors.")
        == "The two ministers met one of the nine mayors."
    )


def test_a_running_total_revises_the_total_an_earlier_sentence_told_in_other_words():
    assert revises(FLOOD_UPDATE[0], FLOOD_PARTS[0])
    assert revises(FLOOD_UPDATE[0], FLOOD_SPELLED[0])  # "Forty-one people have died": 41


def test_a_running_total_of_a_place_the_earlier_count_never_named_is_another_count():
    limburg = (
        "Police say three more bodies have been recovered, bringing the total death toll in Limburg to 44."
    )
    assert not revises(limburg, FLOOD_PARTS[0])


def test_a_figure_revised_in_one_sentence_is_revised_wherever_it_is_told():
    sentences = [FLOOD_TOTAL[0], FLOOD_PARTS[0], FLOOD_UPDATE[0]]
    told = {
        FLOOD_TOTAL[0]: DAY,
        FLOOD_PARTS[0]: DAY + timedelta(hours=2),
        FLOOD_UPDATE[0]: DAY + timedelta(hours=5),
    }
    # "The death toll ... has risen to 41, ..." shares no words with the update, but its 41 is the total
    # the update replaced in the live blog's earlier post
    assert revisions(sentences, told) == {0: 2, 1: 2}


def test_a_story_summary_tells_the_live_blogs_new_total_and_no_older_one():
    leads = [FLOOD_TOTAL, FLOOD_SPELLED, FLOOD_PARTS, (*FLOOD_UPDATE, *FLOOD_PARTS)]
    dates = [
        (DAY, 1),
        (DAY + timedelta(hours=1), 2),
        (DAY + timedelta(hours=2), 3),
        (DAY + timedelta(hours=5), 4),
    ]
    revised = latest_figures(leads, dates)
    summary = story_summary(leads, sentences=3, revised=revised)
    assert summary[0] == FLOOD_UPDATE[0]
    assert not [s for s in summary if "41" in s or "Forty-one" in s or "Twenty-nine" in s or "29" in s]


def test_a_live_blogs_new_total_reaches_the_stored_story(app):
    first = ingest(app, "Rhine floods: death toll rises to 41", FLOOD_TOTAL, "lowlands.nl", 0)
    later = ingest(app, "Rhine floods live: toll rises to 41", FLOOD_PARTS, "liveblog.nl", 2)
    update = ingest(
        app, "Rhine floods live: toll rises to 44", (*FLOOD_UPDATE, *FLOOD_PARTS), "liveblog.nl", 5
    )
    assert first.story_id == later.story_id == update.story_id
    story = get_story(app.db, first.story_id)
    assert story.summary[0] == FLOOD_UPDATE[0]
    assert not [s for s in story.summary if "41" in s or "Twenty-nine" in s]


# F9: two outlets, one figure, their own words
SLUMP = (
    "Shares in Brindle Foods (AMS: BRND), the Dutch snack maker, fell 12% on Wednesday after the company "
    "cut its full-year profit forecast for the second time in four months."
)
SLUMP_AGAIN = (
    "Brindle Foods has cut its annual earnings guidance for a second time, sending its shares down 12% and "
    "prompting the snack chain to announce the closure of three factories."
)
PARTS = "Twenty-nine people have died in Gelderland and twelve in Utrecht, according to the safety board."


def test_two_outlets_paraphrasing_one_figure_tell_one_fact():
    assert tells_a_figure_of(SLUMP_AGAIN, SLUMP)
    assert tells_a_figure_of(PARTS, FLOOD_PARTS[0])  # 29 dead in Gelderland, told twice
    # what caused the count ("from the Rhine floods") is no place: the total across Gelderland and Utrecht
    assert tells_a_figure_of(
        "The death toll from the Rhine floods has risen to 41, officials said.", FLOOD_PARTS[0]
    )


def test_one_figure_of_two_things_or_two_places_is_two_facts():
    assert not tells_a_figure_of(
        "Twelve people were killed in Kenya.", "Twelve people were killed in Somalia."
    )
    assert not tells_a_figure_of(
        "Police arrested 12 people on Monday.", "Paramedics treated 12 people at the scene on Monday."
    )
    assert not tells_a_figure_of(  # one magnitude, two tolls: which is newer, revisions decide
        "A magnitude 7.4 earthquake struck southern Peru, killing at least 12 people in Arequipa.",
        "The death toll from the magnitude 7.4 earthquake in southern Peru rose to 41 people in Arequipa.",
    )
    assert not tells_a_figure_of(
        "United scored 2 goals in the first half.", "Barcelona had 2 goals disallowed."
    )


def test_a_day_a_year_a_names_figure_or_another_amount_ties_no_two_sentences():
    # "15%" and "£15.4m" are two amounts; "31 December" is a day, "2004" a year, "Band Aid 20" a name
    assert not tells_a_figure_of(
        "Brindle's pre-tax profit for the year to 31 March was £15.4m, the company said.",
        "Brindle's pre-tax profit for the three months to 31 March rose 15% to £9m, the company said.",
    )
    assert not tells_a_figure_of(
        "2004 will be remembered as the year the club's profit rose.",
        "The club said profit rose to £3m, making 2004 its best year.",
    )
    assert not tells_a_figure_of(
        "The charity single by Band Aid 20 has held the chart's top spot for a second week.",
        "Fans bought two copies each of the charity single by Band Aid 20 at the chart's launch.",
    )


def test_a_story_summary_tells_a_paraphrased_figure_once():
    leads = [
        (
            SLUMP,
            "Chief executive Anna Veld said trading in January had been weak.",
        ),
        (SLUMP_AGAIN, "The company now expects sales of €610m to €640m, against €700m previously."),
    ]
    summary = story_summary(leads, sentences=3)
    assert len([s for s in summary if "12%" in s]) == 1
