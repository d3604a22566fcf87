"""Text dumps → articles: headlines ending with "?", "." or "…", and one-sentence paragraphs that are not."""

from briefing.dumps import dump_as_one_article, looks_like_dump, split_dump


def test_question_and_full_stop_headlines_under_section_labels_start_articles():
    text = (
        "Culture\n\n"
        "Will the old opera house reopen by spring?\n\n"
        "The old opera house in Bergen may reopen by spring, the city council said on Tuesday after "
        "builders finished the new roof.\n\n"
        "Tickets for the first season go on sale in January.\n\n"
        "Weather\n\n"
        "Storm closes mountain roads in the west…\n\n"
        "A storm closed three mountain roads in western Norway on Wednesday, and the roads agency said "
        "they would stay shut until the wind drops.\n\n"
        "Science\n\n"
        "Glacier melt slows at Jostedal Inc.\n\n"
        "Melt at the Jostedal glacier slowed this summer for the first time in a decade, researchers at "
        "the university said.\n"
    )
    opera, storm, glacier = split_dump(text, source="dump.txt")
    assert (opera.section, opera.title) == ("Culture", "Will the old opera house reopen by spring?")
    assert opera.body.startswith("The old opera house in Bergen") and "Weather" not in opera.body
    assert (storm.section, storm.title) == ("Weather", "Storm closes mountain roads in the west…")
    assert (glacier.section, glacier.title) == ("Science", "Glacier melt slows at Jostedal Inc.")
    assert glacier.body.startswith("Melt at the Jostedal glacier")


def test_a_question_headline_over_a_byline_or_opening_the_dump_is_the_title_not_the_lead():
    text = (
        "Can the ferry company survive the winter?\n\n"
        "The ferry company running the island routes lost money for a third winter, its owners said.\n\n"
        "They will decide in March.\n\n"
        "Who will pay for the new bridge?\n"
        "By Ingrid Dahl\n\n"
        "The new bridge to the islands will cost twice what was planned, and nobody agrees who should pay.\n"
    )
    ferry, bridge = split_dump(text, source="dump.txt")
    assert ferry.title == "Can the ferry company survive the winter?"
    assert ferry.body.startswith("The ferry company running")
    assert (bridge.title, bridge.author) == ("Who will pay for the new bridge?", "Ingrid Dahl")
    assert bridge.body.startswith("The new bridge to the islands")
    assert looks_like_dump("Can the ferry company survive the winter?\n\n" + ferry.body)


def test_one_sentence_paragraphs_stay_paragraphs():
    text = (
        "Harbour authority approves new ferry terminal\n\n"
        "The harbour authority approved a new ferry terminal on Monday after two years of planning.\n\n"
        "Background\n\n"
        "Talks began in 2022.\n\n"
        "Local firms bid for the contract last spring, and the winner will be named in June.\n\n"
        "Is it worth it?\n\n"
        "Critics say the cost of the project has doubled since the plans were first drawn up.\n"
    )
    (article,) = split_dump(text, source="dump.txt")
    assert article.title == "Harbour authority approves new ferry terminal"
    assert "\n\nTalks began in 2022.\n\n" in article.body
    assert "\n\nIs it worth it?\n\n" in article.body
    short_lead = (
        "The minister resigned on Monday.\n\nThe minister, who led the ministry since 2021, gave no reason.\n"
    )
    (lead,) = split_dump(short_lead, source="dump.txt")
    assert lead.body.startswith("The minister resigned on Monday.")


def test_a_link_to_another_story_goes_whatever_its_case_and_length():
    text = (
        "Town council approves the new harbour budget\n\n"
        "The town council approved the harbour budget on Thursday after a long debate.\n\n"
        "Also Read: Harbour master steps down after twenty years in the job at the port\n\n"
        "READ MORE: Fishing fleet counts the cost of a stormy winter on the coast\n\n"
        "The budget will pay for new moorings and a larger fuel dock.\n"
    )
    (article,) = split_dump(text, source="dump.txt")
    assert article.body == (
        "The town council approved the harbour budget on Thursday after a long debate.\n\n"
        "The budget will pay for new moorings and a larger fuel dock."
    )


def test_a_headline_over_a_source_credit_and_a_date_is_the_title_in_any_case():
    """A "Source: www..." line under a title and over the date is the article's credit, not a footer
    ending an article that has not begun: the title (lower case or capitals) stays the title."""
    lead = (
        "Harbour workers in Gdynia ended a three-day strike on Monday after the port authority agreed to "
        "raise wages by nine percent."
    )
    rest = "The union said cranes would be running again by the evening shift."
    for headline in (
        "dock strike: gdynia port workers win pay rise",
        "DOCK STRIKE: GDYNIA PORT WORKERS WIN PAY RISE",
        "dock strike: gdynia port workers win pay rise.",  # a headline with a full stop: by its place
    ):
        credits = "Source: www.balticwire.example\nPublished: 23 November 2026 12:10 UTC"
        text = f"{headline}\n{credits}\n\n{lead}\n\n{rest}\n"
        [article] = split_dump(text, source="dump.txt")
        assert article.title == headline
        assert article.body.split("\n\n") == [lead, rest]
        assert article.source == "balticwire.example"
        assert article.published_at is not None and article.published_at.hour == 12
        assert dump_as_one_article(text) == (headline, f"{lead}\n\n{rest}")


def test_each_article_of_a_dump_keeps_its_title_over_its_source_credit():
    text = (
        "dock strike: gdynia port workers win pay rise\n"
        "Source: www.balticwire.example\n"
        "Published: 23 November 2026 12:10 UTC\n\n"
        "Harbour workers in Gdynia ended a three-day strike on Monday after a pay deal.\n\n"
        "ferry to bornholm adds a winter crossing\n"
        "Source\n"
        "www.islandnews.example\n"
        "Published: 23 November 2026 15:00 UTC\n\n"
        "A ferry to Bornholm will sail twice a day through the winter, its operator said on Monday.\n"
    )
    strike, ferry = split_dump(text, source="dump.txt")
    assert (strike.title, strike.source) == (
        "dock strike: gdynia port workers win pay rise",
        "balticwire.example",
    )
    assert (ferry.title, ferry.source) == ("ferry to bornholm adds a winter crossing", "islandnews.example")
    assert (
        ferry.body
        == "A ferry to Bornholm will sail twice a day through the winter, its operator said on Monday."
    )


def test_a_source_footer_after_a_paragraph_still_ends_its_article():
    text = (
        "The harbour board voted on Tuesday to dredge the northern channel before the winter storms.\n"
        "Source: www.coastpost.example\n"
        "ferry to bornholm adds a winter crossing\n"
        "A ferry to Bornholm will sail twice a day through the winter, its operator said on Monday.\n"
    )
    dredging, ferry = split_dump(text, source="dump.txt")
    assert dredging.source == "coastpost.example"
    assert (
        dredging.body
        == "The harbour board voted on Tuesday to dredge the northern channel before the winter storms."
    )
    assert ferry.title == "ferry to bornholm adds a winter crossing"


def test_a_lower_case_opening_sentence_of_body_text_is_no_title():
    text = (
        "the council met on monday and agreed the budget after a long debate.\n\n"
        "Members said the plan would take effect in spring and cost less than feared.\n\n"
        "The mayor thanked the finance committee for its work over the summer.\n"
    )
    [article] = split_dump(text, source="notes.txt")
    assert article.body.startswith("the council met on monday and agreed the budget")
    assert dump_as_one_article(text)[0] == ""


def test_a_paragraph_over_a_source_footer_and_the_next_articles_date_stays_its_articles():
    text = (
        "dock strike: gdynia port workers win pay rise\n\n"
        "Harbour workers in Gdynia ended a three-day strike on Monday after the port authority agreed to "
        "raise wages by nine percent.\n\n"
        "The union said cranes would be running again by the evening shift, and that the ships waiting in "
        "the roads would be unloaded first.\n"
        "Source: www.balticwire.example\n"
        "Published: 24 November 2026 09:00 UTC\n\n"
        "A ferry to Bornholm will sail twice a day through the winter, its operator said on Monday.\n"
    )
    strike, ferry = split_dump(text, source="dump.txt")
    assert strike.title == "dock strike: gdynia port workers win pay rise"
    assert strike.body.endswith("the ships waiting in the roads would be unloaded first.")
    assert strike.source == "balticwire.example"
    assert ferry.body.startswith("A ferry to Bornholm will sail twice a day through the winter")
