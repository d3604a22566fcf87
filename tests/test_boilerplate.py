"""Link labels, share buttons and syndication footers left in pages' and feeds' text."""

import pytest
from conftest import FIXTURES

from briefing.boilerplate import strip_boilerplate
from briefing.feeds import parse_feed
from briefing.pages import parse_page
from briefing.service.ingest import ingest_files
from store.articles import latest_articles


@pytest.mark.parametrize(
    "paragraph",
    [
        "The post Benue floods: death toll rises to 52 appeared first on Lagos Ledger.",
        "This article was originally published on The Conversation.",
        "This article is republished from The Conversation under a Creative Commons license.",
        "ALSO READ: Tinubu orders emergency relief for flood victims",
        "Read more: Who is the new minister?",
        "READ MORE: Storm hits the coast.",
        "See also - Frost warnings for the weekend",
        "Related: Peru quake toll rises to 41",
        "WATCH: Flood waters sweep through the town",
        "Share this article: Facebook Twitter WhatsApp",
        "Share on Facebook | Share on X | Email",
        "Facebook Twitter LinkedIn Copy link",
        "Lire aussi : Air France-KLM : des résultats en hausse au troisième trimestre",
        "Lesen Sie auch: Was die Rentenreform für Jüngere bedeutet",
        "Lea también: El Gobierno aprueba los presupuestos",
        "Associated Press writer Jane Roe contributed to this report.",
        "Reuters reporters Li Wei and Ana Costa contributed reporting from Shanghai.",
        "Reuters contributed to this report.",
        "Mehmet Kaya in Ankara and Sara Lind contributed to this report.",
        "Reuters analysts Tom Roe and Li Wei contributed to this report.",  # a newsroom job, as a byline's
        "The Associated Press receives support from the Walton Family Foundation for coverage of water "
        "and environmental policy. The AP is solely responsible for all content.",
        "AP's climate coverage receives financial support from multiple private foundations.",
        "Follow AP's coverage of the harbour strike at https://apnews.com/hub/strikes",
        "Follow the AP's coverage of the harbour strike at https://apnews.com/hub/strikes.",
        "This story has been updated to correct the name of the harbour master.",
        "AP writer Jane Roe contributed from Ankara.",
        "Associated Press journalists Li Wei and Ana Costa contributed.",
        "___",
        "* * *",
        "---",
        "===",
        "—",
        "https://apnews.com/hub/strikes",
        "Reuters contributed.",
        "The Associated Press contributed.",
        "Li Wei contributed reporting from Hong Kong.",
        "This article has been corrected to show the bridge opened on Monday, not Sunday.",
        "This story was updated on Nov. 3 to clarify the mayor's title.",
        "This story has been updated with additional details.",
        "This version has been corrected.",
    ],
)
def test_furniture_paragraphs_go(paragraph):
    assert strip_boilerplate(["The mayor opened the bridge on Monday.", paragraph]) == [
        "The mayor opened the bridge on Monday."
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Related: the minister said the talks would go on.",  # a sentence, not a headline
        "The story was first published in a magazine in 1948.",
        "Twitter said on Monday it would cut jobs.",
        "The council met on Tuesday… Read more",  # a teaser's cut marker, for the feed reader to see
        "Read more",
        "The ministry contributed reporting funds to the project.",
        "Records from 40 clinics in six regions contributed to this report.",  # no one credited
        "Exports contributed.",  # nobody: no job, one word
        "Falling prices contributed from the start of the year.",
        "};",  # the end of a code sample in a blog post, not a rule
        ")",
        "...",
        "});",
        "Tom Ruiz contributed from his pension.",  # "from" no place: a donor, not a reporter
        "The Ruiz Brothers contributed.",  # names alone, no newsroom job, no outlet, no report
        "This report was updated in March with the ministry's revised counts, which add 300 homes to the "
        "flooded total.",  # the correction itself is news
        "This article was corrected after the mayor disputed the figure, and the council now puts the cost "
        "at 9 million.",
        "Follow the harbour strike as it happens, the union told members on Monday.",
        "Lire aussi la tribune publiée hier dans nos colonnes.",
        "Read more: " + " ".join(["the rest of the report says a great many things about the harbour"] * 3),
    ],
)
def test_prose_stays(paragraph):
    assert strip_boilerplate([paragraph]) == [paragraph]


def test_a_footer_at_the_end_of_a_paragraph_is_cut_off():
    text = "The library opens on Sundays. [...] The post Library opens on Sundays appeared first on Wire."
    assert strip_boilerplate([text]) == ["The library opens on Sundays. [...]"]


def test_a_wordpress_feed_keeps_only_the_article():
    full, teaser = (
        e for e in parse_feed((FIXTURES / "feeds" / "wordpress-furniture.rss").read_bytes()).entries
    )
    for junk in ("ALSO READ", "Read more", "Share this", "WhatsApp", "appeared first", "Council approves"):
        assert junk not in full.draft.body
    assert full.draft.body.split("\n\n")[-1].startswith("Engineers will inspect the new ramp")
    assert len(full.draft.body.split("\n\n")) == 5 and not full.teaser
    # the footer no longer hides the excerpt's "[…]": the entry is known for a teaser, its page fetched
    assert teaser.teaser and teaser.draft.body.endswith("signed by two thousand residents.")


def test_a_page_keeps_only_the_article():
    draft = parse_page((FIXTURES / "pages" / "link_and_share_furniture.html").read_bytes())
    assert draft.body.split("\n\n") == [
        "Fruit growers in the hill country said on Saturday that a late frost had destroyed up to a third "
        "of the apple blossom in the valley's orchards, the worst damage in a decade.",
        "The growers' association asked the regional government for emergency loans, saying many small "
        "farms could not survive a second poor harvest after last year's drought.",
        "Related: the association will meet the agriculture minister on Monday.",
    ]


def test_no_furniture_reaches_the_stored_summary(app):
    report = ingest_files(app, [FIXTURES / "feeds" / "wordpress-furniture.rss"])
    assert report.new == 1  # and the teaser, whose page is not fetched offline
    [article] = latest_articles(app.db)
    assert article.summary and not any("appeared first" in s or "READ" in s for s in article.summary)
    assert "appeared first" not in article.body


def test_mediums_footer_and_its_note_on_a_post_republished_for_all_are_furniture():
    paragraphs = [
        "How to Infuse Oils and Vinegars with Foraged Ingredients",
        "Previously available only to Medium members, we are now pleased to offer this article for free to "
        "everyone.",
        "Fallen leaves don't mean you have to stop harvesting wild ingredients.",
        "This story is now unlocked and available to all of our readers:",
        "This story is currently available to Medium Members at the following link:",
        "The story will be unlocked and available to all of our readers after 30 days.",
        "Wild Flavors All Year Round was originally published in Invironment on Medium, where people are "
        "continuing the conversation by highlighting and responding to this story.",
        "We ate it all. Wild Flavors was originally published in Invironment on Medium, where people are "
        "continuing the conversation by highlighting and responding to this story.",
        "The recipe was originally published in a cookbook, where people continued to use it for decades.",
    ]
    assert strip_boilerplate(paragraphs) == [
        "How to Infuse Oils and Vinegars with Foraged Ingredients",
        "Fallen leaves don't mean you have to stop harvesting wild ingredients.",
        "We ate it all.",
        "The recipe was originally published in a cookbook, where people continued to use it for decades.",
    ]
