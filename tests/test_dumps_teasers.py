"""Text dumps → articles: blocks of teaser headlines under any heading, section labels without a title,
and section labels under a site's menu."""

import pytest

from briefing.dumps import dump_as_one_article, split_dump
from briefing.titles import title_from_body

FERRY = (
    "The island ferry will run a night crossing from March, the operator said on Wednesday, after a "
    "petition signed by two thousand residents.\n\n"
    "Tickets go on sale next week at the same price as the day crossing, a spokesman said.\n\n"
)
TEASERS = [
    "Harbour crane toppled by storm gusts",
    "Fishermen protest over new quota rules",
    "Lighthouse keeper retires after forty years",
    "School roof repairs delayed until spring",
]
LIBRARY_TITLE = "Library reading room opens for children on Monday"
LIBRARY = (
    "Culture\n\n"
    f"{LIBRARY_TITLE}\n\n"
    "Published: Tue 24 Nov 2026, 9:40 AM\n\n"
    "By Marit Olsen\n\n"
    "The town library opened a reading room for children on Monday, with two thousand new books on "
    "its shelves.\n\n"
    "The room stays open until eight in the evening on school days, the librarian said.\n"
)


def _dump(heading: str, *, gap: str = "\n") -> str:
    teasers = gap.join(TEASERS)
    ferry = f"Ferry adds a night crossing to the islands\n\n{FERRY}"
    return f"{ferry}12 Comments\n\n{heading}\n\n{teasers}\n\n{LIBRARY}"


def _assert_no_teaser(articles) -> None:
    for article in articles:
        for teaser in TEASERS:
            assert teaser not in article.title
            assert teaser not in article.body


@pytest.mark.parametrize(
    "heading",
    [
        "Trending",
        "Popular",
        "Top Stories",
        "Latest News",
        "Editor's Picks",
        "Editor’s Picks",
        "More from Politics",
        "Latest in Europe",
        "More Sport news",
        "Most Popular",
        "Most Viewed",
        "Recommended",
        "Don't Miss",
        "Read Next",
        "In Case You Missed It",
        # headings that no list names: the shape tells
        "Around the Coast",
        "Elsewhere Tonight",
        "Nordland Roundup",
    ],
)
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_block_of_teasers_under_any_heading_is_dropped_and_the_next_article_keeps_its_title(heading, gap):
    ferry, library = split_dump(_dump(heading, gap=gap), source="x.txt")
    assert ferry.title == "Ferry adds a night crossing to the islands"
    assert ferry.body.endswith("a spokesman said.")
    assert (library.title, library.section, library.author) == (LIBRARY_TITLE, "Culture", "Marit Olsen")
    assert library.body.startswith("The town library opened")
    assert heading not in library.body
    _assert_no_teaser([ferry, library])


def test_teasers_after_an_ending_with_no_heading_are_dropped():
    text = _dump("").replace("12 Comments\n\n\n\n", "12 Comments\n\n")
    ferry, library = split_dump(text, source="x.txt")
    assert (library.title, library.section, library.author) == (LIBRARY_TITLE, "Culture", "Marit Olsen")
    _assert_no_teaser([ferry, library])


def test_teasers_straight_after_the_last_paragraph_are_dropped():
    text = _dump("").replace("12 Comments\n\n\n\n", "")
    ferry, library = split_dump(text, source="x.txt")
    assert ferry.body.endswith("a spokesman said.")
    assert (library.title, library.section, library.author) == (LIBRARY_TITLE, "Culture", "Marit Olsen")
    _assert_no_teaser([ferry, library])


@pytest.mark.parametrize("heading", ["Trending", "Around the Coast"])
def test_teasers_with_their_times_go_with_the_times(heading):
    text = _dump(heading).replace("\n".join(TEASERS), "\n".join(f"{t}\n2 hours ago" for t in TEASERS))
    ferry, library = split_dump(text, source="x.txt")
    assert (library.title, library.section, library.author) == (LIBRARY_TITLE, "Culture", "Marit Olsen")
    assert "ago" not in ferry.body + library.body
    _assert_no_teaser([ferry, library])


def test_teasers_asking_questions_under_any_heading_are_dropped():
    questions = ["Will the storm close the coast road again?", "Why are the island ferries always late?"]
    text = _dump("Around the Coast").replace("\n".join(TEASERS), "\n".join(questions))
    ferry, library = split_dump(text, source="x.txt")
    assert (library.title, library.section, library.author) == (LIBRARY_TITLE, "Culture", "Marit Olsen")
    for question in questions:
        assert question not in ferry.body + library.body + library.title


def test_a_single_line_under_a_heading_no_list_names_is_no_teaser_list():
    text = (
        f"Ferry adds a night crossing to the islands\n\n{FERRY}Continue Reading\n\n"
        "Culture\n\nLibrary opens\n\nA reading room for children and two thousand books\n\n"
        "By Marit Olsen\n\nThe town library opened a reading room for children on Monday, with two "
        "thousand new books on its shelves.\n"
    )
    _, library = split_dump(text, source="x.txt")
    assert (library.title, library.section, library.author) == ("Library opens", "Culture", "Marit Olsen")
    assert library.body.startswith("A reading room for children and two thousand books\n\nThe town library")


def test_teasers_over_a_title_with_only_its_section_label_and_lead_are_dropped():
    text = _dump("Around the Coast").replace("Published: Tue 24 Nov 2026, 9:40 AM\n\nBy Marit Olsen\n\n", "")
    ferry, library = split_dump(text, source="x.txt")
    assert (library.title, library.section) == (LIBRARY_TITLE, "Culture")
    _assert_no_teaser([ferry, library])


def test_a_title_and_its_standfirst_over_the_byline_are_no_teaser_list():
    text = (
        f"{FERRY}Continue Reading\n\nCulture\n\n{LIBRARY_TITLE}\n\n"
        "Two thousand new books for the town's youngest readers\n\n"
        "By Marit Olsen\n\nThe town library opened a reading room for children on Monday, with two "
        "thousand new books on its shelves.\n"
    )
    _, library = split_dump(text, source="x.txt")
    assert (library.title, library.section, library.author) == (LIBRARY_TITLE, "Culture", "Marit Olsen")
    assert library.body.startswith("Two thousand new books for the town's youngest readers")


def test_a_list_of_fixtures_in_an_article_is_no_teaser_list():
    fixtures = ["Harbour Rovers v Mill Town", "Castle United v Bridge Athletic", "Old Pier v Town"]
    fixtures.append("Quay v Docks")
    text = (
        f"Cup draw pairs Rovers with Mill Town\n\n{FERRY}"
        + "\n\n".join(fixtures)
        + "\n\nSt Anne's v Harbour Rovers or the Lighthouse Club\n\nTies are to be played on 19 February.\n"
    )
    [draw] = split_dump(text, source="x.txt")
    assert draw.title == "Cup draw pairs Rovers with Mill Town"
    for fixture in fixtures:
        assert fixture in draw.body
    assert draw.body.endswith("Ties are to be played on 19 February.")


def test_subheadings_of_an_article_are_kept_when_no_new_article_follows():
    text = (
        f"Ferry adds a night crossing to the islands\n\n{FERRY}"
        "What changes\n\nMidnight departures daily\n\nCabins booked online\n\n"
        "The operator said it would review the timetable after the first month of night crossings.\n"
    )
    [ferry] = split_dump(text, source="x.txt")
    assert "What changes\n\nMidnight departures daily\n\nCabins booked online" in ferry.body
    assert ferry.body.endswith("first month of night crossings.")


BRIDGE = (
    "The city council voted on Monday to close the old river bridge to cars from next summer, after a "
    "two-year debate over traffic in the centre.\n\n"
    "Council leader Kari Strand said the decision would cut traffic in the centre by a quarter.\n\n"
)


@pytest.mark.parametrize("label", ["Politics", "Middle East", "Russia-Ukraine War"])
def test_a_section_label_over_an_untitled_article_is_its_section_and_the_title_comes_from_the_text(label):
    teasers = "\n".join(TEASERS)
    bridge = f"{label}\n\nPublished: Tue 24 Nov 2026, 8:05 AM\n\n{BRIDGE}"
    text = f"{bridge}23 Comments\n\nTrending\n\n{teasers}\n\n{LIBRARY}"
    bridge, library = split_dump(text, source="x.txt")
    assert bridge.section == label
    assert bridge.title == title_from_body(bridge.body)
    assert bridge.title.startswith("The city council voted on Monday")
    assert bridge.published_at is not None and bridge.published_at.hour == 8
    assert (library.title, library.section) == (LIBRARY_TITLE, "Culture")
    assert dump_as_one_article(text)[0] == ""  # the first article gives no headline to summarize under


def test_a_short_title_whose_words_come_back_in_the_lead_stays_the_title():
    text = (
        "Storm Arwen\n\nPublished: Tue 24 Nov 2026, 8:05 AM\n\n"
        "Storm Arwen brought gusts of almost 100 mph to the north-east coast overnight, the forecasters "
        "said on Saturday.\n\nThousands of homes were left without power.\n"
    )
    [storm] = split_dump(text, source="x.txt")
    assert (storm.title, storm.section) == ("Storm Arwen", None)


FRIGATES = (
    "Norway orders four frigates from a Bergen yard\n\nBy Ola Berg\n\n"
    "Norway's defence minister signed a contract on Monday for four new frigates from a Bergen yard, "
    "the largest order in forty years.\n\nThe first ship is due in 2031, the ministry said.\n"
)


@pytest.mark.parametrize("blanks", ["\n\n", "\n\n\n", "\nConnect with us\n\n", "\n\nPolitics\n\n"])
@pytest.mark.parametrize("label", ["Europe", "Politics", "Russia-Ukraine War"])
def test_a_section_label_set_apart_from_the_menu_above_it_is_kept(label, blanks):
    text = f"Home\nWorld\nBusiness\nSport{blanks}{label}\n\n{FRIGATES}"
    [article] = split_dump(text, source="x.txt")
    assert (article.title, article.section, article.author) == (
        "Norway orders four frigates from a Bergen yard",
        label,
        "Ola Berg",
    )
    for word in ("Home", "World", "Business", "Sport"):
        assert word not in article.body


def test_words_of_a_menu_printed_with_gaps_between_them_are_no_section():
    text = f"Home\n\nWorld\n\nBusiness\n\nSport\n\nEurope\n\n{FRIGATES}"
    [article] = split_dump(text, source="x.txt")
    assert article.section is None


def test_the_last_word_of_a_menu_printed_without_gaps_is_no_section():
    text = f"Home\nWorld\nBusiness\nSport\nEurope\n\n{FRIGATES}"
    [article] = split_dump(text, source="x.txt")
    assert (article.title, article.section) == ("Norway orders four frigates from a Bergen yard", None)
