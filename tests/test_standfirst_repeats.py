"""A standfirst and the lead that retells its figure with the names in full are one fact: a story's
summary tells it once (QA17a F9)."""

from article_rows import FOLLOWUP_START, insert_article

from briefing.facts import fact_weights, is_near_duplicate, restates
from briefing.service.enrich import enrich_article
from briefing.stories import story_summary, told_once
from store.articles import get_article
from store.stories import get_story

STANDFIRST = (
    "Trump says the golf course is worth more than $50m but the Palm Beach County property tax appraiser "
    "says it is actually worth $19m"
)
LEAD = "Donald Trump says the Trump National Golf Club in Florida is worth more than $50m."
DISSENT = (
    "Palm Beach County property tax appraiser Dorothy Jacks disagrees, saying the Jupiter course, where "
    "Trump plays when he visits nearby Mar-a-Lago, is actually worth $19m."
)
BOUGHT = "Donald Trump bought the Trump National Golf Club in Florida for $50m."


def test_a_figure_retold_with_only_names_added_is_no_new_fact():
    weights = fact_weights([STANDFIRST, LEAD, DISSENT])
    assert restates(LEAD, STANDFIRST, weights=weights)
    assert is_near_duplicate(STANDFIRST, LEAD, weights=weights)


def test_a_figure_told_with_another_act_is_a_fact_of_its_own():
    weights = fact_weights([STANDFIRST, BOUGHT])
    assert not restates(BOUGHT, STANDFIRST, weights=weights)


def test_names_alone_without_a_shared_figure_are_judged_as_before():
    later = "Donald Trump played golf at the Trump National Golf Club in Florida in 2018."
    assert not restates(later, "Trump played golf in 2018 with Suzann Pettersen, who says he cheats.")


def test_the_story_summary_tells_the_50m_once():
    summary = story_summary([[STANDFIRST, LEAD, DISSENT]], sentences=3)
    assert sum("$50m" in sentence for sentence in summary) == 1


def test_an_articles_summary_is_told_each_fact_once_in_its_order():
    # the lead adds only names to the standfirst's $50m; the appraiser's sentence goes on (who, where)
    assert told_once([STANDFIRST, LEAD, DISSENT]) == (STANDFIRST, DISSENT)
    assert told_once([LEAD, DISSENT]) == (LEAD, DISSENT)


def _golf_story(app, standfirst: str):
    article = insert_article(
        app.db,
        title="Trump sues over property tax bill for Florida golf club",
        body="\n\n".join([standfirst, f"{LEAD} {DISSENT}"]),
        source="The Guardian",
        when=FOLLOWUP_START,
        url="https://www.theguardian.com/us-news/2018/jan/30/trump-national-golf-club-florida",
    )
    enrich_article(app, article)
    return get_article(app.db, article.id)


def test_a_one_article_story_tells_its_summary_each_fact_once(app):
    # a standfirst with its full stop is a sentence like any other
    stored = _golf_story(app, STANDFIRST + ".")
    assert stored.summary == (STANDFIRST + ".", LEAD, DISSENT)  # the article's own summary is unchanged
    assert get_story(app.db, stored.story_id).summary == (STANDFIRST + ".", DISSENT)


def test_a_standfirst_without_its_full_stop_is_no_summary_sentence(app):
    """Shown as a sentence it ran into the next one, or read as a heading (QA17d F8): it is read as one."""
    stored = _golf_story(app, STANDFIRST)
    assert stored.summary == (LEAD, DISSENT)
    assert get_story(app.db, stored.story_id).summary == (LEAD, DISSENT)


def test_a_later_sentence_telling_more_than_a_short_earlier_one_is_no_repeat():
    """A lead's short claim, then a spokesperson on what it would mean: the article going on, not the
    same fact twice (QA17d F5: NATO's spokesperson left a story's summary, "he told DW" stayed)."""
    short = "Signs are mounting that North Korean soldiers are fighting on Russia’s side in Ukraine."
    more = (
        "On Wednesday, NATO spokesperson Farah Dakhallah in Brussels told DW that if North Korean troops "
        "were indeed designated to fight in Ukraine, “it would mark a significant escalation in North "
        "Korea’s support for Russia’s illegal war and yet another sign of Russia’s significant losses on "
        "the front lines.”"
    )
    assert told_once([short, more]) == (short, more)
