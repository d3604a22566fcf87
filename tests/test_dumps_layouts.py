"""Text dumps → articles: layouts that glue articles, comment forms, repeated headlines, captions, lists."""

import pytest

from briefing.dumps import split_dump


def test_source_footers_end_articles_and_name_each_ones_outlet():
    text = (
        "Photo credit: www.coastpost.com\n"
        "The harbour board voted on Tuesday to dredge the northern channel before the winter storms.\n"
        "Work is due to start next month and will take about ten weeks, the board said.\n"
        "Source\n"
        "www.coastpost.com\n"
        "Ferry operator adds a night crossing to the islands\n"
        "A night ferry to the islands will run from May, the operator said on Wednesday.\n"
        "Tickets go on sale next week at the same price as the day crossing.\n"
        "Source: www.islandnews.org\n"
    )
    dredging, ferry = split_dump(text, source="dump.txt")
    assert dredging.body.startswith("The harbour board voted on Tuesday")
    assert dredging.body.endswith("the board said.")
    assert dredging.source == "coastpost.com"
    assert ferry.title == "Ferry operator adds a night crossing to the islands"
    assert ferry.body.startswith("A night ferry to the islands")
    assert ferry.source == "islandnews.org"


def test_a_blog_comment_form_and_its_related_posts_are_not_article_text():
    text = (
        "Library opens a reading room for children\n\n"
        "The town library opened a reading room for children on Monday, with two thousand new books.\n\n"
        "The room will stay open until eight in the evening on school days, the librarian said.\n\n"
        "Related Posts\n\n"
        "Town hall roof to be repaired before winter\n\n"
        "Bakery on Mill Street wins regional prize\n\n"
        "Leave a Reply Cancel reply\n\n"
        "Your email address will not be published. Required fields are marked *\n\n"
        "Comment *\n\nName *\n\nEmail *\n\nWebsite\n\n"
        "Save my name, email, and website in this browser for the next time I comment.\n\n"
        "Post Comment\n"
    )
    [article] = split_dump(text, source="x")
    assert article.title == "Library opens a reading room for children"
    assert article.body.split("\n\n") == [
        "The town library opened a reading room for children on Monday, with two thousand new books.",
        "The room will stay open until eight in the evening on school days, the librarian said.",
    ]


def test_a_comment_form_notice_after_a_comment_count_is_not_an_article():
    text = (
        "The bridge will close for repairs on Saturday, the council said in a statement.\n"
        "3 Comments\n"
        "Leave a Reply\n"
        "Your email address will not be published.\n"
    )
    assert [a.title for a in split_dump(text, source="x")] == [
        "The bridge will close for repairs on Saturday, the council said in a statement"
    ]


def test_a_related_list_keeps_the_next_articles_label_and_title():
    text = (
        "Old Title\n\nThe first article has a paragraph of prose that ends here.\n\n"
        "You may also like\n\nSome other story about the weather\n\nA teaser on the budget vote\n\n"
        "Local News\n\nBakery on Mill Street wins regional prize\n\nBy Jo Smith\n\n"
        "The bakery on Mill Street won the regional bread prize on Sunday for the second year.\n"
    )
    first, bakery = split_dump(text, source="x")
    assert first.body == "The first article has a paragraph of prose that ends here."
    assert (bakery.title, bakery.section, bakery.author) == (
        "Bakery on Mill Street wins regional prize",
        "Local News",
        "Jo Smith",
    )


def test_a_byline_with_a_relative_time_gives_the_name_without_by():
    text = (
        "Bridge closes for repairs\nBy Jo Smith | 3 hours ago\n"
        "The bridge will close for repairs on Saturday, the council said in a statement.\n"
    )
    [article] = split_dump(text, source="x")
    assert article.author == "Jo Smith"


@pytest.mark.parametrize("label", ["Business\n\n", ""], ids=["with-section", "without-section"])
def test_a_headline_printed_twice_is_the_title_and_the_byline_under_it_the_author(label):
    text = (
        f"{label}Bakery on Mill Street wins the regional bread prize\n\n"
        "Bakery on Mill Street wins the regional bread prize\n\n"
        "J.Doe2 hours ago\n\n"
        "The bakery on Mill Street won the regional bread prize on Sunday for the second year running.\n\n"
        "Its owner said the prize money would pay for a new oven.\n"
    )
    [article] = split_dump(text, source="x")
    assert article.title == "Bakery on Mill Street wins the regional bread prize"
    assert article.section == (label.strip() or None)
    assert article.author == "J.Doe"
    assert article.body.startswith("The bakery on Mill Street won")
    assert "wins the regional bread prize" not in article.body


def test_a_caption_printed_twice_inside_an_article_still_goes():
    text = (
        "Bakery wins the regional bread prize\n\nBy Jo Smith\n\n"
        "The baker holds the trophy outside her shop on Mill Street\n\n"
        "The baker holds the trophy outside her shop on Mill Street\n\n"
        "The bakery on Mill Street won the regional bread prize on Sunday for the second year running.\n"
    )
    [article] = split_dump(text, source="x")
    assert article.title == "Bakery wins the regional bread prize"
    assert "trophy" not in article.body


HEADER = "Local News\n\nBakery wins the regional bread prize\n\nPublished\n\non\n\n"
LEAD = "The bakery on Mill Street won the regional bread prize on Sunday for the second year running.\n\n"


def test_a_caption_ending_with_its_photo_credit_is_not_a_paragraph():
    text = (
        HEADER
        + "The baker holds the trophy in her shop. Photo credit: www.townpaper.com\nSpread the love\n\n"
    )
    [article] = split_dump(text + LEAD, source="x")
    assert article.body == LEAD.strip()


def test_a_caption_shown_with_its_credit_and_again_without_it_goes_both_times():
    text = (
        HEADER
        + "The baker holds the trophy outside her shop © Jo Smith/Town Paper\nSpread the love\n\n"
        + LEAD
        + "The judges praised the rye loaf above all.\n\n"
        + "The baker holds the trophy outside her shop\n\n"
        + "She plans to enter again next year.\n"
    )
    [article] = split_dump(text, source="x")
    assert "trophy" not in article.body
    assert article.body.endswith("She plans to enter again next year.")


def test_an_uncredited_caption_between_the_date_and_the_sharing_buttons_goes():
    text = HEADER + "The baker holds the trophy outside her shop\nSpread the love\n\n"
    [article] = split_dump(text + LEAD, source="x")
    assert article.body == LEAD.strip()


@pytest.mark.parametrize(
    "first",
    [
        "The bakery on Mill Street won the regional bread prize on Sunday.\nSpread the love\n\n",
        "The baker holds the trophy outside her shop\n\nSpread the love\n\n",
    ],
    ids=["a-finished-sentence", "a-blank-line-before-the-buttons"],
)
def test_a_first_paragraph_above_the_sharing_buttons_stays(first):
    [article] = split_dump(HEADER + first + LEAD, source="x")
    assert article.body.startswith(first.split("\n")[0])


def test_a_list_under_a_line_ending_with_a_colon_is_the_articles_not_a_menu():
    text = (
        "Town team wins the county cup\n\n"
        "The town team won the county cup on Saturday, beating the champions 2-1 after extra time.\n\n"
        "The starting line-up:\nAdams\nBrook\nCole\nDunn\nEvans\n\n"
        "The coach said the players had earned a week off before the league resumes.\n\n"
        "Goals:\nFrank 12'\nGrey 95'\n\n"
        "3 Comments\n"
    )
    [article] = split_dump(text, source="x")
    paragraphs = article.body.split("\n\n")
    lineup = paragraphs.index("The starting line-up:")
    assert paragraphs[lineup + 1 : lineup + 6] == ["Adams", "Brook", "Cole", "Dunn", "Evans"]
    assert paragraphs[-3:] == ["Goals:", "Frank 12'", "Grey 95'"]


def test_a_menu_under_the_last_paragraph_is_still_a_menu():
    text = (
        "Town team wins the county cup\n\n"
        "The town team won the county cup on Saturday, beating the champions 2-1 after extra time.\n\n"
        "World\nBusiness\nSport\nWeather\n\n"
        "The coach said the players had earned a week off before the league resumes.\n"
    )
    [article] = split_dump(text, source="x")
    assert "Sport" not in article.body


def test_newsletter_boxes_share_rows_and_cookie_notices_are_furniture():
    text = (
        "Home\n\n"
        "Harbour\n\n"
        "Ferry fares rise by a tenth from January\n\n"
        "By Per Olsen\n\n"
        "Ferry fares across the fjord will rise by ten percent from January, the operator said on Monday.\n\n"
        "Get the Morning Tide newsletter in your inbox\n"
        "Your email address\n"
        "Sign up\n\n"
        "Share this story\n"
        "Facebook X WhatsApp LinkedIn\n\n"
        "Schools\n\n"
        "Teachers in the valley vote to accept a new pay offer\n\n"
        "By Ann Berg\n\n"
        "Teachers in the valley voted to accept a new pay offer on Tuesday, ending a month of strikes.\n\n"
        "This website uses cookies to improve your experience. By continuing to browse, you accept them.\n"
        "Accept all cookies\n"
    )
    fares, teachers = split_dump(text, source="dump.txt")
    assert (fares.section, fares.title, fares.author) == (
        "Harbour",
        "Ferry fares rise by a tenth from January",
        "Per Olsen",
    )
    assert fares.body == (
        "Ferry fares across the fjord will rise by ten percent from January, the operator said on Monday."
    )
    assert teachers.section == "Schools"
    assert teachers.title == "Teachers in the valley vote to accept a new pay offer"
    assert teachers.body == (
        "Teachers in the valley voted to accept a new pay offer on Tuesday, ending a month of strikes."
    )


def test_an_article_about_cookies_or_newsletters_keeps_its_sentences():
    text = (
        "Regulator fines shop over tracking cookies\n\n"
        "The data regulator fined an online shop on Monday for setting tracking cookies before "
        "visitors agreed.\n\n"
        "The shop said more than a million readers subscribe to its newsletter every week.\n"
    )
    (article,) = split_dump(text, source="dump.txt")
    assert article.body.count("\n\n") == 1 and "tracking cookies before visitors agreed" in article.body


def test_news_that_begins_with_sign_up_or_names_networks_in_a_list_is_kept():
    text = (
        "Health\n\nVaccine bookings open for the over-50s\n\nBy Jo Reed\n\n"
        "Booking for the autumn vaccine opened on Monday for everyone over 50, the health service said.\n\n"
        "Sign up for the vaccine opens at 8am on the NHS website and app.\n\n"
        "Subscribe and save offers from pharmacies have drawn complaints, the consumer watchdog said.\n\n"
        "Reminders will go out on:\nWhatsApp\nX\n\n"
        "Sign up for our newsletter\n\nEnter your email\n\nSpread the love\n"
    )
    (article,) = split_dump(text, source="health.txt")
    body = article.body
    assert "Sign up for the vaccine opens at 8am" in body
    assert "Subscribe and save offers" in body
    assert "WhatsApp" in body and "\nX" in body
    assert "newsletter" not in body and "Enter your email" not in body


def test_an_export_of_labelled_fields_gives_titles_urls_authors_and_dates():
    text = (
        "Title: Tram depot to be built on the old rail yard\n"
        "URL: https://harbourtimes.test/local/tram-depot\n"
        "Date: 2026-03-02\n"
        "Author: Nina Kask\n\n"
        "The city will build its new tram depot on the old rail yard, the transport board said on Monday.\n\n"
        "Construction starts in the autumn and the depot will hold forty trams.\n\n"
        "==========\n\n"
        "Headline: Library opens on Sundays from April\n"
        "Link: https://harbourtimes.test/local/library-sundays\n\n"
        "The central library will open on Sundays from April, after a petition signed by 3,000 readers.\n"
    )
    depot, library = split_dump(text, source="export.txt")
    assert (depot.title, depot.url, depot.author) == (
        "Tram depot to be built on the old rail yard",
        "https://harbourtimes.test/local/tram-depot",
        "Nina Kask",
    )
    assert depot.published_at is not None and depot.published_at.date().isoformat() == "2026-03-02"
    assert depot.body.startswith("The city will build") and "https://" not in depot.body
    assert (library.title, library.url) == (
        "Library opens on Sundays from April",
        "https://harbourtimes.test/local/library-sundays",
    )
    assert depot.source == library.source == "harbourtimes.test"  # its URL's site, not the file's name


def test_a_wire_storys_credits_standards_and_ad_labels_are_furniture():
    text = (
        "Floods close schools across the valley\n\n"
        "By Ana Costa, Wire\n"
        "March 4, 2026 7:30 AM GMT+1\n\n"
        "Heavy rain closed schools across the valley on Wednesday as the river rose above its banks.\n\n"
        "Advertisement · Scroll to continue\n\n"
        "Officials said the water would fall by the weekend if the rain stopped.\n\n"
        "Reporting by Ana Costa; Editing by Tom Reed\n"
        "Our Standards: The Wire Trust Principles.\n"
    )
    [article] = split_dump(text, source="wire.txt")
    assert article.body == (
        "Heavy rain closed schools across the valley on Wednesday as the river rose above its banks.\n\n"
        "Officials said the water would fall by the weekend if the rain stopped."
    )
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2026-03-04T07:30:00+01:00"


@pytest.mark.parametrize("mark", [" | ", " · ", ", ", " - ", " — "])
def test_a_byline_with_its_date_on_one_line_heads_an_article(mark):
    text = (
        "BREAKING NEWS\n\n"
        "HARBOUR MASTER RESIGNS AFTER AUDIT\n\n"
        f"By Rui Matos{mark}21 November 2026\n\n"
        "The harbour master resigned on Saturday after an audit found gaps in the port's accounts.\n\n"
        "He denied any wrongdoing and said he would help the investigators.\n\n"
        "Ferry fares to rise by a tenth from January\n\n"
        f"Posted by Ana Lima{mark}November 20, 2026 2 p.m. ET\n\n"
        "Ferry fares will rise by a tenth from January, the operator said on Friday.\n"
    )
    audit, fares = split_dump(text, source="x.txt")
    assert (audit.title, audit.author) == ("HARBOUR MASTER RESIGNS AFTER AUDIT", "Rui Matos")
    assert audit.published_at is not None and audit.published_at.date().isoformat() == "2026-11-21"
    assert audit.body.startswith("The harbour master") and "Ferry" not in audit.body
    assert (fares.title, fares.author) == ("Ferry fares to rise by a tenth from January", "Ana Lima")
    assert fares.published_at is not None and fares.published_at.isoformat() == "2026-11-20T14:00:00-05:00"


def test_a_box_of_bullets_in_an_article_is_its_list_not_a_new_article():
    text = (
        "Harbour budget: what changes\n\nBy Jo Lee\n\nPublished: 20 November 2026\n\n"
        "The harbour board presented its budget for next year on Friday.\n\n"
        "The chairman said the port would invest in new cranes.\n\n"
        "Key points\n• Crane fleet: 4 new cranes\n• Dredging: 2 million euros\n• Staff: 40 new jobs\n\n"
        "The dockers' union said it would study the plan before the vote.\n"
    )
    [article] = split_dump(text, source="x.txt")
    assert article.title == "Harbour budget: what changes"
    assert "Key points\n\n• Crane fleet: 4 new cranes" in article.body
    assert article.body.endswith("study the plan before the vote.")


def test_bullets_under_a_headline_stay_with_that_headlines_article():
    text = (
        "The old article ends here with a sentence of its own.\n\n"
        "Harbour deal agreed\nBy Jo Lee\nKey points\n• Ferries run hourly\n• Fares fall\n"
        "The harbour board agreed a new deal with the ferry company on Monday after months of talks.\n"
    )
    old, deal = split_dump(text, source="x.txt")
    assert "Ferries" not in old.body
    assert (deal.title, deal.author) == ("Harbour deal agreed", "Jo Lee")
    assert "• Ferries run hourly" in deal.body


def test_a_headline_a_later_article_of_the_dump_repeats_titles_it_too():
    day = (
        "Local\n\nHarbour live: the storm day by day\n\nBy Jo Lee\n\nPublished: {d} November 2026\n\n"
        "{text}\n\nThe harbour office will post an update tomorrow morning.\n\n"
    )
    text = day.format(d=20, text="Waves broke over the north pier on Friday and the ferries stayed in port.")
    text += day.format(
        d=21, text="The wind dropped on Saturday and the first ferry left for the islands at noon."
    )
    first, second = split_dump(text, source="x.txt")
    assert first.title == second.title == "Harbour live: the storm day by day"
    assert second.section == "Local" and second.body.startswith("The wind dropped")


def test_an_export_whose_header_and_body_are_split_by_a_rule_keeps_each_header_with_its_body():
    record = "Title: {t}\nURL: https://harbourtimes.test/{u}\nDate: 2026-03-0{d}\n"
    record += "Author: Nina Kask\n----\n{b}\n----\n"
    text = record.format(
        t="Tram depot to be built", u="depot", d=2, b="The city will build a tram depot, the board said."
    )
    text += record.format(
        t="Library opens on Sundays", u="library", d=3, b="The library will open on Sundays from April."
    )
    depot, library = split_dump(text, source="export.txt")
    assert (depot.title, depot.url) == ("Tram depot to be built", "https://harbourtimes.test/depot")
    assert (library.title, library.url) == ("Library opens on Sundays", "https://harbourtimes.test/library")
    assert depot.published_at is not None and depot.published_at.day == 2
    assert library.published_at is not None and library.published_at.day == 3
    assert library.body == "The library will open on Sundays from April."


def test_a_byline_with_on_and_a_date_gives_both():
    text = (
        "Harbour fees to rise\n\nBy Mark Olsen on November 21, 2026\n\n"
        "Harbour fees will rise by a tenth next year, the port authority said on Friday.\n"
    )
    [article] = split_dump(text, source="x.txt")
    assert article.author == "Mark Olsen" and article.published_at is not None
    assert article.published_at.date().isoformat() == "2026-11-21" and article.body.startswith("Harbour fees")


def test_a_live_pages_updated_lines_date_each_of_its_days():
    day = "Harbour live: the storm\n\nUpdated 2{d} November 2026 09:15 GMT\n\n{text}\n\n"
    day += "More updates follow.\n\n"
    text = day.format(d=0, text="Waves broke over the north pier and the ferries stayed in port.")
    text += day.format(d=1, text="The wind dropped and the first ferry left for the islands at noon.")
    first, second = split_dump(text, source="x.txt")
    assert first.title == second.title == "Harbour live: the storm"
    assert (first.published_at.day, second.published_at.day) == (20, 21)
    assert "Harbour live" not in first.body + second.body


def test_a_box_of_bullets_with_blank_lines_around_it_stays_in_the_article():
    text = (
        "Harbour budget agreed\n\nBy Jo Lee\n\n"
        "The harbour board agreed its budget for next year on Friday after a long meeting.\n\n"
        "Key points:\n\n• Cranes: 4 new\n\n• Dredging: 2 million euros\n\n• Staff: 40 new jobs\n\n"
        "The dockers' union said it would study the plan before the vote.\n"
    )
    [article] = split_dump(text, source="x.txt")
    assert "• Cranes: 4 new" in article.body and article.body.endswith("before the vote.")


def test_a_rule_between_paragraphs_is_a_section_break_not_a_new_article():
    """ "* * *" or "—" between two paragraphs of one story breaks a section; a rule before a title still
    ends the article before it."""
    text = "\n\n".join(
        [
            "Ferry strike ends after deal",
            "Ferry workers in Calais ended their strike on Tuesday after a deal on pay, their union said.",
            "* * *",
            "The deal gives workers a 4% raise this year and 3% next year, the union said.",
            "—",
            "Services will resume on Wednesday morning.",
            "-----",
            "Port of Dover reopens",
            "The port of Dover reopened on Wednesday after a two-day closure caused by the strike in Calais.",
        ]
    )
    drafts = split_dump(text, source="rules.txt")
    assert [d.title for d in drafts] == ["Ferry strike ends after deal", "Port of Dover reopens"]
    assert drafts[0].body.split("\n\n")[1:] == [
        "The deal gives workers a 4% raise this year and 3% next year, the union said.",
        "Services will resume on Wednesday morning.",
    ]


BBC_LAYOUT = """Home
News

Ferry sinks off island, killing at least 12

Share
Save

Jonathan Reyes
BBC News, Manila

Image caption,
Coast guard divers search the waters off the island on Monday

At least 12 people died after a passenger ferry sank off the island, the coast guard said.

The ferry was carrying 143 passengers and crew when it capsized in rough seas early on Monday.
"""


def test_a_name_over_a_desk_and_its_city_is_the_byline_and_a_labelled_caption_goes():
    (article,) = split_dump(BBC_LAYOUT, source="bbc.txt")
    assert article.title == "Ferry sinks off island, killing at least 12"
    assert article.author == "Jonathan Reyes"
    assert article.body.startswith("At least 12 people died")
    assert "divers search" not in article.body and "BBC News" not in article.body


def test_a_finished_sentence_under_a_caption_label_is_no_caption():
    text = BBC_LAYOUT.replace(
        "Coast guard divers search the waters off the island on Monday\n",
        "Coast guard divers searched the waters off the island on Monday.\n",
    )
    (article,) = split_dump(text, source="bbc.txt")
    assert "Coast guard divers searched the waters" in article.body
