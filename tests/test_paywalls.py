"""A paywall's pitch ("Subscribe to continue reading.", "Already a subscriber? Sign in") is not article text
in pages, feed entries and dumps; a page showing a teaser over it is no article; news about subscribers
keeps its sentences."""

import pytest

from briefing.boilerplate import strip_boilerplate
from briefing.dumps import dump_as_one_article, looks_like_dump, split_dump
from briefing.errors import PaywallError
from briefing.feeds import parse_feed
from briefing.pages import parse_page
from briefing.paywalls import has_gate, is_pitch
from briefing.service.ingest import ingest_sources
from store.articles import find_by_url

LEAD = (
    "Harbour officials in Gdynia are weighing a ban on cruise ships at the old quay after residents "
    "complained about fumes, according to two people familiar with the talks."
)
PITCHES = [
    "Subscribe to continue reading.",
    "Subscribe to keep reading",
    "Sign in or register to read the full article.",
    "To continue reading, please log in.",
    "This article is for subscribers only.",
    "This content is available only to premium members.",
    "You have reached your limit of free articles.",
    "You've read 3 of 3 free articles this month.",
    "Already a subscriber? Sign in",
    "Already have an account? Log in",
    "Get unlimited access to Baltic Times journalism for just $1 for 4 weeks.",
    "Unlock full digital access today.",
    "Start your free trial.",
    "Become a subscriber.",
    "Subscribe for €2 a month.",
    "Just $1 for your first 4 weeks.",
    "Cancel anytime.",
    "Subscribe now",
    "Log in",
    "Subscribers only",
    "Subscribe to read more.",
]
NEWS = [
    "The streaming service said it had gained 2 million subscribers in the quarter.",
    "Readers can subscribe to the newsletter for free, and more than 40,000 already have.",
    "Subscribers to the paper's print edition fell by a third last year.",
    "Netflix raised the price of its standard plan to $15.49 a month for new subscribers.",
    "Register to vote by Friday, the electoral commission urged residents.",
    "Sign in at the front desk before visiting patients, the hospital said.",
    "Already a subscriber to three streaming services, Lee said she would cancel one.",
    "Get unlimited access to the park with the new annual pass, the council said.",
    "This article is based on interviews with 40 subscribers of the service.",
    "Premium members will get early access to tickets from Monday.",
]


@pytest.mark.parametrize("pitch", PITCHES)
def test_each_form_of_a_pitch_is_dropped_alone_or_ending_a_paragraph(pitch):
    assert is_pitch(pitch)
    assert strip_boilerplate([LEAD, pitch]) == [LEAD]
    assert strip_boilerplate([f"{LEAD} {pitch}"]) == [LEAD]


@pytest.mark.parametrize("sentence", NEWS)
def test_news_about_subscribers_keeps_its_sentences(sentence):
    assert not is_pitch(sentence)
    assert strip_boilerplate([LEAD, sentence]) == [LEAD, sentence]
    assert strip_boilerplate([f"{LEAD} {sentence}"]) == [f"{LEAD} {sentence}"]


def test_a_gate_says_the_rest_is_for_subscribers_and_a_button_or_an_offer_does_not():
    assert has_gate(["Subscribe to continue reading. Get unlimited access for $1."])
    assert has_gate(["Already a subscriber? Sign in", "This story is for subscribers only."])
    assert not has_gate(["Subscribe now", "Start your free trial.", "Subscribe to read more.", *NEWS])


def page(body: str, *, title: str = "Gdynia weighs cruise ship ban") -> str:
    return (
        f"<!doctype html><html><head><title>{title} - Baltic Times</title></head><body>"
        f"<article><h1>{title}</h1>{body}</article></body></html>"
    )


PAYWALL_BOX = (
    '<div class="paywall"><p>Subscribe to continue reading. Get unlimited access to Baltic Times journalism '
    'for just $1 for 4 weeks.</p><p>Already a subscriber? <a href="/login">Sign in</a></p>'
    '<a href="/subscribe">Subscribe now</a></div>'
)
STORY = [
    LEAD,
    "The city council will vote on the ban in January. Residents of the streets around the quay have "
    "collected more than 3,000 signatures and say the ships run their engines all day while in port.",
    "Cruise operators say the quay brings the city more than 200,000 visitors a year and that newer ships "
    "can plug into shore power, which the port has promised to install by 2028.",
    "The port authority said it would publish its own measurements of the air near the quay next month, "
    "and that a ban was one of several options, including limits on the hours ships may stay.",
    "A similar ban in Bergen cut the number of cruise calls by a quarter in its first season, though the "
    "city says spending by visitors in the old town barely changed.",
]


def test_a_teaser_over_a_paywall_is_no_article():
    with pytest.raises(PaywallError, match=r"^behind a paywall: the page shows only the first 28 words$"):
        parse_page(page(f"<p>{LEAD}</p>{PAYWALL_BOX}"), "http://baltic.example/gdynia")


def test_a_full_article_keeps_its_text_and_loses_the_pitch_under_it():
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    draft = parse_page(page(paragraphs + PAYWALL_BOX), "http://baltic.example/gdynia")
    assert draft.body.split("\n\n") == STORY


def test_a_box_marked_as_a_paywall_goes_whole_and_a_premium_articles_body_stays():
    box = (
        '<div id="subscribe-prompt"><p>Independent reporting from the Baltic depends on readers like you.</p>'
        "<p>Subscribe now</p></div>"
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    draft = parse_page(
        page(f'<div class="premium-content">{paragraphs}</div>{box}'), "http://baltic.example/a"
    )
    assert draft.body.split("\n\n") == STORY


def test_an_article_about_newsletters_keeps_its_call_to_subscribe():
    story = [
        "Local newsletters are booming in Poland, with more than 400 launched in the past two years, a "
        "study by the University of Warsaw found.",
        "Readers can subscribe to the newsletter for free, and more than 40,000 already have, its founder "
        "Anna Nowak said of her weekly on Gdańsk politics.",
        "The streaming service said it had gained 2 million subscribers in the quarter, a sign that people "
        "will pay for what they value, Nowak added.",
        "Most of the new titles are written by one or two people, and few of them carry advertising; the "
        "study found that a third of them charge their readers a monthly fee.",
    ]
    draft = parse_page(
        page("".join(f"<p>{p}</p>" for p in story), title="Newsletters boom"), "http://x.example/n"
    )
    assert draft.body.split("\n\n") == story


def test_a_dump_drops_the_pitch_lines_and_a_pitch_ending_a_paragraph():
    text = (
        "Gdynia weighs cruise ship ban\n\n"
        f"{LEAD}\n\n"
        f"{STORY[1]} Subscribe to continue reading.\n\n"
        "Get unlimited access to Baltic Times journalism for just $1 for 4 weeks.\n\n"
        "Already a subscriber? Sign in\n\n"
        "Subscribe now\n"
    )
    assert looks_like_dump(text)
    [article] = split_dump(text, source="dump.txt")
    assert article.title == "Gdynia weighs cruise ship ban"
    assert article.body.split("\n\n") == [LEAD, STORY[1]]
    assert dump_as_one_article(f"{LEAD}\n\nSubscribe to continue reading.\n") == ("", LEAD)


def test_a_feed_entry_loses_the_pitch_ending_its_summary():
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Times</title>'
        "<link>http://baltic.example/</link><item><title>Gdynia weighs cruise ship ban</title>"
        f"<link>http://baltic.example/gdynia</link><description><![CDATA[<p>{LEAD}</p>"
        "<p>Subscribe to continue reading.</p><p>Already a subscriber? Sign in</p>]]></description>"
        "</item></channel></rss>"
    )
    [entry] = parse_feed(rss.encode()).entries
    assert entry.draft.body == LEAD


async def test_a_feed_entry_whose_page_is_a_teaser_behind_a_paywall_keeps_the_feeds_summary(app, site):
    summary = f"{LEAD} The city council will vote on the ban in January."
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Times</title>'
        f"<link>{site.base}/</link><item><title>Gdynia weighs cruise ship ban</title>"
        f"<link>{site.url('/gdynia')}</link><description>{summary}</description>"
        "<pubDate>Tue, 21 Jan 2025 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    site.add_bytes("/rss", rss.encode(), "application/rss+xml")
    site.add_bytes("/gdynia", page(f"<p>{LEAD}</p>{PAYWALL_BOX}").encode(), "text/html")
    report = await ingest_sources(app, [site.url("/rss")])
    assert report.new == 1
    assert report.notes == (
        (
            site.url("/gdynia"),
            "feed entry page: behind a paywall: the page shows only the first 28 words; "
            "kept the feed's summary",
        ),
    )
    stored = find_by_url(app.db, site.url("/gdynia"))
    assert (stored.title, stored.body) == ("Gdynia weighs cruise ship ban", summary)
    alone = await ingest_sources(app, [site.url("/gdynia")])
    assert alone.new == 0 and alone.failed == (
        (site.url("/gdynia"), "behind a paywall: the page shows only the first 28 words"),
    )
