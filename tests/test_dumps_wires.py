"""Text dumps → articles: wire stories back to back, related-story lists, live pages, press releases."""

from datetime import UTC, datetime

import pytest

from briefing.dumps import split_dump

HARBOUR = (
    "Port of Gdansk halts night shifts as fog closes the bay\n\n"
    "GDANSK, Jan 21 (Reuters) - The port of Gdansk halted night shifts on Tuesday after thick fog closed "
    "the bay to shipping for a second day, the port authority said.\n\n"
    "About 40 ships were waiting at anchor outside the breakwater, a spokesman for the authority said, "
    "and pilots expected the fog to lift by Thursday.\n\n"
)
MINES = (
    "Chilean copper output falls 4% as mines flood\n\n"
    "SANTIAGO, Jan 21 (Reuters) - Chile's copper output fell 4% in December from a year earlier after "
    "heavy rain flooded two mines in the north, the national statistics institute said on Tuesday.\n\n"
    "The Escondida mine, the world's largest, was not affected, its operator said.\n\n"
)


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Anna Koper in Gdansk; Editing by Mark Potter)",
        "Reporting by Anna Koper in Gdansk; Editing by Mark Potter",
        "(Reporting by Anna Koper; Writing by Joanna Plucinska; Editing by Mark Potter.)",
    ],
)
@pytest.mark.parametrize("under_title", ["", "By Fabian Cambero\n\n", "January 21, 2025 3:12 PM GMT\n\n"])
def test_a_wire_storys_closing_credits_end_it_and_the_next_headline_starts_the_next(credit, under_title):
    second = MINES.replace("\n\n", "\n\n" + under_title, 1)
    first, mines = split_dump(HARBOUR + credit + "\n\n" + second, source="wire.txt")
    assert first.title == "Port of Gdansk halts night shifts as fog closes the bay"
    assert first.body.endswith("pilots expected the fog to lift by Thursday.")
    assert mines.title == "Chilean copper output falls 4% as mines flood"
    assert mines.body.startswith("SANTIAGO, Jan 21 (Reuters) - Chile's copper output")
    assert "Reporting" not in first.body + mines.body


def test_a_headline_over_a_wire_dateline_starts_a_story_even_without_credits_before_it():
    first, mines = split_dump(HARBOUR + MINES, source="wire.txt")
    assert first.body.endswith("pilots expected the fog to lift by Thursday.")
    assert mines.title == "Chilean copper output falls 4% as mines flood"


def test_a_subheading_over_an_ordinary_paragraph_stays_in_the_story():
    text = (
        HARBOUR + "Ships at anchor\n\nThe pilots said the fog was the thickest in ten years, the port said.\n"
    )
    [story] = split_dump(text, source="wire.txt")
    assert "Ships at anchor\n\nThe pilots said" in story.body


def test_a_wire_storys_credits_at_the_end_of_the_dump_go():
    [story] = split_dump(HARBOUR + "(Reporting by Anna Koper; Editing by Mark Potter)\n", source="wire.txt")
    assert story.body.endswith("to lift by Thursday.")


def test_a_bracketed_sentence_about_reporting_stays_prose():
    text = HARBOUR + "(Reporting by the port's own staff found no fault; editing by hand was rare.)\n"
    [story] = split_dump(text, source="wire.txt")
    assert story.body.endswith("editing by hand was rare.)")


STORY = (
    "Library opens a reading room for children\n\n"
    "The town library opened a reading room for children on Monday, with two thousand new books.\n\n"
    "The room will stay open until eight in the evening on school days, the librarian said.\n\n"
)
TEASERS = (
    "Town hall roof to be repaired before winter\n"
    "Bakery on Mill Street wins regional prize.\n"
    "Who will run the swimming pool next year?\n"
)


@pytest.mark.parametrize(
    "label",
    ["Related Posts", "Related stories", "Related", "You may also like", "More on this story", "Read more"],
)
def test_every_headline_of_a_related_list_goes_whatever_its_final_mark(label):
    most_read = "\nMost Read\n1. Zoo welcomes twin otters\n"
    articles = split_dump(STORY + label + "\n" + TEASERS + most_read, source="x")
    assert [a.title for a in articles] == ["Library opens a reading room for children"]
    assert articles[0].body.endswith("the librarian said.")


def test_after_read_more_a_title_with_its_lead_is_the_next_article():
    text = (
        STORY + "Read more\n\n"
        "Harbour board approves new dredging plan\n\n"
        "The harbour board approved a dredging plan for the northern channel on Tuesday.\n\n"
        "Read more\n"
    )
    library, harbour = split_dump(text, source="section.txt")
    assert library.body.endswith("the librarian said.")
    assert harbour.title == "Harbour board approves new dredging plan"
    assert harbour.body == "The harbour board approved a dredging plan for the northern channel on Tuesday."


LIVE = (
    "LIVE: Storm Arwen - power cuts across the north as trains halted\n"
    "Last updated: 27 November 2024, 16:20 GMT\n\n"
    "Key events\n"
    "15:45 Network Rail suspends all northern lines\n"
    "14:10 Red warning extended to Sunday\n\n"
    "16:20 GMT\n"
    "About 120,000 homes are still without power across the north-east, the grid operator says.\n\n"
    "15:45 GMT\n"
    "Network Rail suspends all northern lines\n"
    "Network Rail has suspended all services north of York until Sunday morning because of fallen trees.\n\n"
    "Share\n\n"
    "14:10 GMT\n"
    "Red warning extended to Sunday\n"
    "The Met Office has extended its red wind warning to Sunday, with gusts of up to 90mph expected.\n\n"
    "Share\n"
)


def test_a_live_page_is_one_article_dated_by_its_last_update_with_its_key_events_dropped():
    [live] = split_dump(LIVE, source="live.txt")
    assert live.title == "LIVE: Storm Arwen - power cuts across the north as trains halted"
    assert live.section is None
    assert live.published_at == datetime(2024, 11, 27, 16, 20, tzinfo=UTC)
    assert live.body.split("\n\n") == [
        "About 120,000 homes are still without power across the north-east, the grid operator says.",
        "Network Rail suspends all northern lines",
        "Network Rail has suspended all services north of York until Sunday morning because of fallen trees.",
        "Red warning extended to Sunday",
        "The Met Office has extended its red wind warning to Sunday, with gusts of up to 90mph expected.",
    ]


def test_a_time_on_the_line_under_a_date_gives_the_time():
    text = (
        "Harbour cranes idle as dockers strike\n\n27 November 2024\n09:40 GMT\n\n"
        "Dockers at the port walked out on Monday over pay, leaving the cranes idle at every terminal.\n"
    )
    [story] = split_dump(text, source="x")
    assert story.published_at == datetime(2024, 11, 27, 9, 40, tzinfo=UTC)
    assert story.body.startswith("Dockers")


RELEASE = (
    "FOR IMMEDIATE RELEASE\n\n"
    "Fjordline Ferries Reports Higher Winter Bookings\n\n"
    "BERGEN, Norway, Jan. 21, 2025 /PRNewswire/ -- Fjordline Ferries AS (Oslo Bors: FJORD), an operator of "
    "coastal ferries, today announced that winter bookings rose 18% from a year earlier.\n\n"
    '"Families are travelling by sea again," said Ingrid Solberg, Chief Executive Officer of Fjordline.\n\n'
    "About Fjordline Ferries AS\n"
    "Fjordline Ferries AS is a Bergen-based operator of 12 coastal ferries. For more information, visit "
    "www.fjordline.test.\n\n"
    "Media Contact:\n"
    "Per Hansen\n"
    "Head of Communications\n"
    "+47 55 12 34 56\n"
    "press@fjordline.test\n\n"
    "SOURCE Fjordline Ferries AS\n"
)


def test_a_press_releases_label_contact_block_and_company_boilerplate_are_furniture():
    [release] = split_dump(RELEASE, source="release.txt")
    assert release.title == "Fjordline Ferries Reports Higher Winter Bookings"
    assert release.section is None
    assert release.body.split("\n\n")[1:] == [
        '"Families are travelling by sea again," said Ingrid Solberg, Chief Executive Officer of Fjordline.'
    ]


def test_about_a_subject_inside_an_article_is_a_subheading_not_boilerplate():
    text = (
        STORY.rstrip("\n") + "\n\nAbout the new books\n"
        "Most of the new books were given by a local charity, the librarian said.\n"
    )
    [article] = split_dump(text, source="x")
    assert article.body.endswith(
        "About the new books\n\nMost of the new books were given by a local charity, the librarian said."
    )


BBC_LIKE = (
    "Storm Darragh: Roads closed as rivers burst their banks\n\n"
    "2 hours ago\n\n"
    "Share\nSave\n\n"
    "Gwen Price\n"
    "BBC Wales News\n\n"
    "Image source, Getty Images\n"
    "Image caption, The high street in Builth Wells was under water on Sunday morning\n\n"
    "Dozens of roads were closed across mid Wales on Sunday after two rivers burst overnight.\n\n"
    "The Wye reached its highest level in forty years at Builth Wells, the environment agency said.\n\n"
    "Photographers from Powys were at the scene. Picture: Powys County Times\n\n"
    "Associated Press writer Tom Roe contributed to this report.\n"
)


def test_a_bbc_style_header_gives_the_author_and_leaves_no_buttons_or_captions():
    [story] = split_dump(BBC_LIKE, source="bbc.txt")
    assert story.author == "Gwen Price"
    assert story.body.split("\n\n") == [
        "Dozens of roads were closed across mid Wales on Sunday after two rivers burst overnight.",
        "The Wye reached its highest level in forty years at Builth Wells, the environment agency said.",
    ]


def test_a_name_over_a_desk_inside_the_text_is_no_byline():
    text = (
        STORY + "The new room was opened by two guests:\n"
        "Maria Lopez\nRegional Editor\n\n"
        "Both spoke about reading to children at home.\n"
    )
    [article] = split_dump(text, source="x")
    assert article.author is None
    assert "Maria Lopez" in article.body


@pytest.mark.parametrize(
    "label",
    ["Lire aussi : ", "À lire aussi : ", "Lesen Sie auch: ", "Lea también: ", "Leer más: ", "Leia também: "],
)
def test_links_to_other_stories_go_in_other_languages_too(label):
    text = (
        STORY
        + label
        + "La bibliothèque municipale rouvre ses portes\n\nThe room has a garden too, she said.\n"
    )
    [article] = split_dump(text, source="x")
    assert "bibliothèque" not in article.body
    assert article.body.endswith("The room has a garden too, she said.")


GALE = (
    "Gale closes the ferry port at Kilvaren\n\n"
    "A gale closed the ferry port at Kilvaren on Sunday, stranding 300 passengers, the harbour master "
    "said.\n\n"
)


@pytest.mark.parametrize(
    ("heading", "paragraph"),
    [
        (
            "About Storm Ingrid",
            "Storm Ingrid was named by the weather office on Friday, its ninth this year.",
        ),
        ("About Harbourline", "Harbourline runs six ferries from Kilvaren and said it would refund tickets."),
    ],
)
def test_about_a_storm_or_a_company_in_the_news_keeps_every_paragraph(heading, paragraph):
    last = "The mayor said the town's schools would stay open on Monday whatever the weather."
    [story] = split_dump(GALE + heading + "\n\n" + paragraph + "\n\n" + last + "\n", source="x")
    assert story.body.split("\n\n")[1:] == [heading, paragraph, last]


BARE_RELEASE = (
    "Fjordline Ferries Reports Higher Winter Bookings\n\n"
    "BERGEN, Norway, Jan. 21, 2025 -- Fjordline Ferries AS, an operator of coastal ferries, today announced "
    "that winter bookings rose 18% from a year earlier.\n\n"
    '"Families are travelling by sea again," said Ingrid Solberg, Chief Executive Officer of Fjordline.\n\n'
    "About Fjordline Ferries AS\n"
    "Fjordline Ferries AS is a Bergen-based operator of 12 coastal ferries.\n"
)


@pytest.mark.parametrize(
    ("before", "dateline", "after"),
    [
        ("FOR IMMEDIATE RELEASE\n\n", "2025 --", ""),
        ("", "2025 /PRNewswire/ --", ""),
        ("", "2025 (BUSINESS WIRE) --", ""),
        ("", "2025 /GLOBE NEWSWIRE/ --", ""),
        ("", "2025 --", "\nMedia Contact:\nPer Hansen\n+47 55 12 34 56\n"),
        ("", "2025 --", "\nSOURCE Fjordline Ferries AS\n"),
    ],
)
def test_the_about_boilerplate_goes_with_any_sign_of_a_press_release(before, dateline, after):
    release = before + BARE_RELEASE.replace("2025 --", dateline) + after
    [story] = split_dump(release, source="release.txt")
    assert story.body.endswith("Chief Executive Officer of Fjordline.")


def test_without_a_sign_of_a_release_about_the_company_stays():
    [story] = split_dump(BARE_RELEASE, source="x")
    assert story.body.endswith(
        "About Fjordline Ferries AS\n\nFjordline Ferries AS is a Bergen-based operator of 12 coastal ferries."
    )


def test_a_news_story_next_to_a_release_keeps_its_about_paragraphs():
    about = "About Harbourline\n\nHarbourline runs six ferries from Kilvaren and will refund tickets.\n\n"
    credit = "(Reporting by Anna Koper; Editing by Mark Potter)\n\n"
    story, release = split_dump(GALE + about + credit + RELEASE, source="x")
    assert story.body.endswith(
        "About Harbourline\n\nHarbourline runs six ferries from Kilvaren and will refund tickets."
    )
    assert "Bergen-based operator" not in release.body


AP_STORY = (
    "Harbour workers strike over pay\n\n"
    "BALTIMORE (AP) — Dock workers at the port of Baltimore walked out on Monday over pay, halting cargo "
    "at every terminal, their union said.\n\n"
    "The port authority said talks would resume on Wednesday.\n\n"
    "Associated Press writer Tom Roe contributed to this report.\n\n"
    "___\n\n"
)


@pytest.mark.parametrize(
    "note",
    [
        "The Associated Press receives support from several private foundations to enhance its coverage of "
        "labor. The AP is solely responsible for all content.",
        "Follow AP's coverage of labor at https://apnews.com/hub/labor",
        "Follow the AP's coverage of labor at https://apnews.com/hub/labor.",
        "This story has been corrected to show the strike began on Monday, not Sunday.",
        "AP writer Jane Doe contributed from Annapolis.",
        "Associated Press journalists Jane Doe in Annapolis and Li Wei in Boston contributed.",
    ],
)
def test_aps_note_under_the_line_after_a_story_is_no_article(note):
    [story] = split_dump(AP_STORY + note + "\n", source="ap.txt")
    assert story.title == "Harbour workers strike over pay"
    assert story.body.endswith("talks would resume on Wednesday.")


def test_a_sentence_about_what_contributed_to_a_report_does_not_end_the_story():
    text = (
        GALE + "Readings from 40 weather stations contributed to this report.\n\n"
        "The ferries are expected to sail again on Tuesday, the operator said.\n"
    )
    [story] = split_dump(text, source="x")
    assert story.body.endswith(
        "Readings from 40 weather stations contributed to this report.\n\n"
        "The ferries are expected to sail again on Tuesday, the operator said."
    )


def test_a_key_events_schedule_in_an_ordinary_article_stays():
    schedule = "Key events\n\n08:00 Ferries stay in port\n\n14:00 Harbour master reviews the forecast\n\n"
    last = "Passengers were offered rooms in the town's hotels, the operator said.\n"
    [story] = split_dump(GALE + schedule + last, source="x")
    assert story.title == "Gale closes the ferry port at Kilvaren"
    assert story.body.split("\n\n")[1:] == [
        "Key events",
        "08:00 Ferries stay in port",
        "14:00 Harbour master reviews the forecast",
        last.strip(),
    ]


def test_a_name_over_a_newsroom_job_in_the_header_is_the_byline():
    text = BBC_LIKE.replace("BBC Wales News", "Senior photographer")
    [story] = split_dump(text, source="bbc.txt")
    assert story.author == "Gwen Price"
    assert "Senior photographer" not in story.body


def test_aps_tail_goes_and_the_next_story_after_it_stays_whole():
    text = (
        "Harbour workers strike over pay\n\n"
        "BALTIMORE (AP) — Dock workers walked out on Monday over pay, their union said.\n\n"
        "The port authority said talks would resume on Wednesday.\n\n"
        "___\n\n"
        "Associated Press writers Jane Doe in Annapolis and Li Wei in Boston contributed to this report.\n\n"
        "___\n\n"
        "Follow AP's coverage of the war at https://apnews.com/hub/russia-ukraine\n\n"
        "The Associated Press receives support from several private foundations. The AP is solely "
        "responsible for all content.\n\n"
        "Ferry service resumes after the strike\n\n"
        "Ferries between Baltimore and Annapolis sailed again on Tuesday morning, the operator said.\n"
    )
    story, ferries = split_dump(text, source="x")
    assert story.body.split("\n\n") == [
        "BALTIMORE (AP) — Dock workers walked out on Monday over pay, their union said.",
        "The port authority said talks would resume on Wednesday.",
    ]
    assert ferries.title == "Ferry service resumes after the strike"
    assert (
        ferries.body
        == "Ferries between Baltimore and Annapolis sailed again on Tuesday morning, the operator said."
    )


@pytest.mark.parametrize(
    "prose",
    [
        "Ruth Okafor contributed from her pension.",
        "This article was updated on Tuesday with the board's revised count, which shows 14 closures.",
    ],
)
def test_prose_that_looks_like_an_agency_tail_stays_in_its_story(prose):
    text = (
        "Library fund reaches its goal\n\n"
        "Donors gave 200,000 dollars to keep the town library open, the trustees said on Monday.\n\n"
        f"{prose}\n\n"
        "The library will extend its hours from January, the trustees said.\n"
    )
    [story] = split_dump(text, source="x")
    assert story.body.split("\n\n")[1:] == [
        prose,
        "The library will extend its hours from January, the trustees said.",
    ]
