"""Text dumps → articles: layouts that glue articles, comment forms, repeated headlines, captions, lists."""

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
