"""A deal told over days is one story: the same two companies, and a deal in each title.

A takeover goes from talks to a bid, a regulator's probe and its block, each worded apart ("in early talks
to acquire", "a £48 billion cash-and-shares offer", "opened a formal investigation"): the texts share
little beside the parties' names, and names alone join nothing, so the four reports made three stories and
a digest showed the blocked bid as news (qa32b F3). Each company's other news, and a deal of one of them
with another company, stay apart.
"""

from article_rows import enrich_sentences as ingest

from briefing.service.stories import recluster

TALKS = (
    "Shell in early talks to buy BP, sources say",
    (
        "Shell is in early talks to acquire rival BP p.l.c. in a deal that would create the largest oil "
        "company outside the United States, people familiar with the matter said.",
        "The talks are at a preliminary stage and may not lead to an offer, the people said.",
        "Shell declined to comment. BP said it \u201cdoes not comment on market speculation\u201d.",
    ),
    "reuters.com",
    0,
)
BID = (
    "Shell makes \u00a348 billion bid for BP",
    (
        "Shell has made a \u00a348 billion cash-and-shares offer for BP p.l.c., confirming weeks of "
        "speculation about a takeover of its smaller rival.",
        "The offer values BP shares at 510p each, a premium of 28% to Friday's closing price. Shell chief "
        "executive Wael Sawan said the deal would create \u201ca stronger, more resilient energy "
        "company\u201d.",
        "BP's board said it was considering the proposal and urged shareholders to take no action.",
    ),
    "ft.com",
    21,
)
PROBE = (
    "Competition regulator opens probe into Shell's bid for BP",
    (
        "The Competition and Markets Authority (CMA) said on Monday it had opened a formal investigation "
        "into Shell's \u00a348 billion bid for BP, citing concerns about fuel prices at petrol stations.",
        "The regulator has 40 working days to decide whether to refer the deal for an in-depth review.",
        "Shell said it would \u201cwork constructively\u201d with the CMA.",
    ),
    "bbc.co.uk",
    44,
)
BLOCKED = (
    "CMA blocks Shell's takeover of BP",
    (
        "The Competition and Markets Authority blocked Shell's \u00a348 billion takeover of BP on Tuesday, "
        "saying the deal would raise fuel prices for millions of drivers.",
        "Shell said it was \u201cdisappointed\u201d and was considering an appeal.",
        "BP shares fell 9% to 362p.",
    ),
    "reuters.com",
    66,
)
DEAL = (TALKS, BID, PROBE, BLOCKED)

EARNINGS = (  # Shell's own news between the bid and the probe: one of the parties, no deal
    "Shell profit falls 18% as gas prices slide",
    (
        "Shell reported a third-quarter profit of $5.1 billion on Thursday, down 18% from a year earlier, as "
        "gas prices fell.",
        "Shell chief executive Wael Sawan said the company would keep its share buyback at $3.5 billion.",
        "Shell shares rose 1% in London.",
    ),
    "bloomberg.com",
    30,
)
OTHER_DEAL = (  # a deal of Shell's with another company, worded as a takeover too
    "Shell agrees to buy Equinor's UK gas fields",
    (
        "Shell has agreed to buy Equinor ASA's British North Sea gas fields for $2.1 billion, the two "
        "companies said on Monday.",
        "Equinor said the sale was part of its plan to leave the UK market. Shell shares rose 0.5%.",
    ),
    "bloomberg.com",
    46,
)


def _stories(app, *articles):
    return [ingest(app, *article).story_id for article in articles]


def test_a_takeover_from_talks_to_its_block_is_one_story(app):
    """qa32b F3: talks, bid, probe and block became three stories though each names Shell and BP and a
    deal in its title."""
    talks, bid, probe, blocked = _stories(app, *DEAL)
    assert talks == bid == probe == blocked


def test_the_block_first_gathers_the_earlier_steps_too(app):
    """Arriving newest first (a feed read late), each earlier step joins the block's story."""
    newest_first = [(title, lead, source, 66 - hours) for title, lead, source, hours in reversed(DEAL)]
    stories = _stories(app, *newest_first)
    assert len(set(stories)) == 1


def test_a_partys_earnings_and_its_other_deal_stay_apart(app):
    """Shell's results name no second party, and its purchase from Equinor shares only Shell with the BP
    deal: neither joins the takeover's story, nor each other."""
    articles = (TALKS, BID, EARNINGS, PROBE, OTHER_DEAL, BLOCKED)
    talks, bid, earnings, probe, other, blocked = _stories(app, *articles)
    assert talks == bid == probe == blocked
    assert len({talks, earnings, other}) == 3


def test_a_recluster_keeps_the_deal_together_and_the_rest_apart(app):
    _stories(app, TALKS, BID, EARNINGS, PROBE, OTHER_DEAL, BLOCKED)
    recluster(app)
    rows = dict(app.db.execute("SELECT title, story_id FROM articles").fetchall())
    assert rows[TALKS[0]] == rows[BID[0]] == rows[PROBE[0]] == rows[BLOCKED[0]]
    assert len({rows[TALKS[0]], rows[EARNINGS[0]], rows[OTHER_DEAL[0]]}) == 3
