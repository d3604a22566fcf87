"""Stories: the same event from several outlets is one story; its summary says each fact once."""

from datetime import UTC, datetime, timedelta

import pytest
from article_rows import insert_article
from story_labels import load_labelled, pairwise

from briefing.facts import fact_weights, is_near_duplicate, restates
from briefing.models import Story
from briefing.ranking import rank_stories
from briefing.service.enrich import enrich_article
from briefing.service.stories import assign_article_story, recluster
from briefing.stories import (
    StoryArticle,
    Vectorizer,
    assign_story,
    cluster_articles,
    idf_of,
    medoid_title,
    story_summary,
    told_in_story,
)
from briefing.terms import idf_table, terms_of
from store.articles import get_article
from store.stories import (
    StoryRecord,
    create_story,
    document_frequencies,
    get_story,
    set_story,
    stories_by_ids,
    stories_updated_since,
)
from store.stories import story_article as stored_story_article
from tests.followups import (
    COURT,
    FERRIES,
    FERRIES_RETOLD,
    QUAKE_FIRST,
    QUAKE_TOLL_RISES,
    STRIKE,
    STRIKE_HEADLINE,
    STRIKE_RETOLD,
)

T0 = datetime(2024, 11, 13, 8, 0, tzinfo=UTC)
WINDOW = timedelta(hours=72)

BLINKEN = [
    (
        "US vows firm response to North Korea deployment",
        "Antony Blinken warned that the deployment of North Korean troops alongside Russian forces "
        "demanded a firm response. Blinken spoke in Brussels with Nato chief Mark Rutte.",
        "khaleejtimes.com",
    ),
    (
        "Blinken: North Korean troops in combat demand firm response",
        "Antony Blinken said North Korean troops fighting alongside Russia require a firm response. "
        "The US secretary of state met Nato chief Mark Rutte in Brussels.",
        "dw.com",
    ),
    (
        "North Korean troops now in combat, Blinken tells Nato",
        "Thousands of North Korean troops are in combat with Russian forces, Antony Blinken told Nato "
        "in Brussels, calling for a firm response.",
        "reuters.com",
    ),
]
KELLOGG = [
    (
        "Trump taps Kellogg as special envoy for Ukraine and Russia",
        "Donald Trump named retired general Keith Kellogg as special envoy for Ukraine and Russia.",
        "voa.com",
    ),
    (
        "Kellogg named Trump's envoy for Ukraine",
        "Donald Trump picked Keith Kellogg, a retired general, as his special envoy for Ukraine and Russia.",
        "bbc.com",
    ),
]
SCHOLZ = [
    (
        "Scholz stands by Ukraine amid criticism at home",
        "German Chancellor Olaf Scholz visited Kyiv and pledged support; Germany has given 28 billion euros.",
        "dw.com",
    )
]


def story_article(i, title, lead, source, *, hours=0, actors=frozenset(), story_id=None):
    return StoryArticle(i, title, lead, source, T0 + timedelta(hours=hours), actors=actors, story_id=story_id)


def articles_of(*groups):
    out, i = [], 0
    for group in groups:
        for title, lead, source in group:
            i += 1
            out.append(story_article(i, title, lead, source, hours=i))
    return out


def test_three_outlets_one_event_make_one_story_and_other_events_their_own():
    articles = articles_of(BLINKEN, KELLOGG, SCHOLZ)
    groups = cluster_articles(articles, window=WINDOW)
    assert sorted(map(sorted, groups)) == [[1, 2, 3], [4, 5], [6]]


def test_interleaved_arrivals_cluster_the_same():
    articles = articles_of(BLINKEN, KELLOGG, SCHOLZ)
    shuffled = [articles[i] for i in (3, 0, 5, 1, 4, 2)]
    hours = [story_article(a.id, a.title, a.lead, a.source, hours=h) for h, a in enumerate(shuffled)]
    assert sorted(map(sorted, cluster_articles(hours, window=WINDOW))) == [[1, 2, 3], [4, 5], [6]]


def test_the_same_event_outside_the_time_window_is_a_new_story():
    first, second = BLINKEN[0], BLINKEN[1]
    articles = [story_article(1, *first), story_article(2, *second, hours=100)]
    assert sorted(map(sorted, cluster_articles(articles, window=WINDOW))) == [[1], [2]]


def test_shared_actors_pull_a_borderline_article_in_and_missing_actors_change_nothing():
    a = story_article(
        1,
        "Talks in Riyadh",
        "Delegations met in Riyadh to discuss a ceasefire.",
        "x",
        actors=frozenset({1, 2}),
    )
    b = story_article(
        2, "Ceasefire meeting", "Negotiators gathered for ceasefire talks.", "y", actors=frozenset({1, 2})
    )
    idf = idf_of([a, b])
    without = [StoryArticle(**{**x.__dict__, "actors": frozenset()}) for x in (a, b)]
    assert len(cluster_articles(without, window=WINDOW, idf=idf, threshold=0.4)) == 2
    assert len(cluster_articles([a, b], window=WINDOW, idf=idf, threshold=0.4)) == 1


def test_common_actors_alone_do_not_pull_an_article_in():
    # the same two articles, in an archive where both actors (say Ukraine and Russia) are everywhere
    a, b = (
        story_article(1, "Talks in Riyadh", "Delegations met in Riyadh to discuss a ceasefire.", "x"),
        story_article(2, "Ceasefire meeting", "Negotiators gathered for ceasefire talks.", "y"),
    )
    a, b = (StoryArticle(**{**x.__dict__, "actors": frozenset({1, 2})}) for x in (a, b))
    common = {1: idf_table({1: 900}, 1000)[1], 2: idf_table({2: 700}, 1000)[2]}
    groups = cluster_articles([a, b], window=WINDOW, idf=idf_of([a, b]), actor_idf=common, documents=1000)
    assert len(groups) == 2
    follow_up = cluster_articles([a, b], window=WINDOW, idf=idf_of([a, b]), threshold=0.4)
    assert len(follow_up) == 1  # as rare actors (in the two articles only), they do


def test_assign_story_picks_the_matching_story_among_candidates():
    articles = articles_of(BLINKEN, KELLOGG)
    stored = [StoryArticle(**{**a.__dict__, "story_id": 10 if a.id <= 3 else 20}) for a in articles]
    vectors = Vectorizer(idf_of(stored))
    new = story_article(
        99,
        "Kellogg to lead Ukraine peace push",
        "Keith Kellogg, Trump's envoy for Ukraine and Russia, will lead talks.",
        "ft.com",
        hours=8,
    )
    assert assign_story(new, stored, vectors=vectors, window=WINDOW) == 20
    lonely = story_article(98, *SCHOLZ[0], hours=8)
    assert assign_story(lonely, stored, vectors=vectors, window=WINDOW) is None


def test_terms_are_folded_and_stemmed_like_fts5():
    assert terms_of("The Troops' Zelenskyy’s café organizations in 2024") == [
        "troop", "zelenskyi", "cafe", "organ",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "a, b, same",
    [
        (
            "Thousands of North Korean troops are in combat with Russian forces.",
            "The State Department confirmed thousands of North Korean troops are in combat.",
            True,
        ),
        ("Kellogg was named envoy.", "Kellogg was named special envoy for Ukraine by Trump.", True),
        ("Kellogg was named envoy.", "Scholz visited Kyiv on Monday.", False),
        ("Blinken met Rutte in Brussels.", "Germany has given 28 billion euros in aid.", False),
    ],
)
def test_near_duplicates_are_one_fact_worded_twice(a, b, same):
    assert is_near_duplicate(a, b) is same


STRIKE_WORDS = fact_weights([*STRIKE, *STRIKE_RETOLD, *COURT, *FERRIES, *FERRIES_RETOLD])


@pytest.mark.parametrize(
    "sentence, told, same",
    [
        *((again, first, True) for again, first in zip(STRIKE_RETOLD, STRIKE, strict=True)),
        *((again, first, True) for again, first in zip(FERRIES_RETOLD, FERRIES, strict=True)),
        (QUAKE_TOLL_RISES[1], QUAKE_FIRST[2], True),  # the rescue, told again
        (QUAKE_TOLL_RISES[2], QUAKE_FIRST[1], True),  # the epicentre, told again
        (QUAKE_TOLL_RISES[0], QUAKE_FIRST[0], False),  # 41 dead, not 12: a new figure is news
        (COURT[0], STRIKE[0], False),  # a court ends the strike: the story's words, a new fact
        (COURT[0], STRIKE_RETOLD[0], False),
        (COURT[1], STRIKE[0], False),
        (FERRIES[0], STRIKE_HEADLINE, False),  # naming the story's subject is not telling its news
    ],
)
def test_a_sentence_restates_another_only_if_most_of_its_own_words_and_all_its_figures_are_there(
    sentence, told, same
):
    weights = (
        STRIKE_WORDS if sentence not in QUAKE_TOLL_RISES else fact_weights([*QUAKE_FIRST, *QUAKE_TOLL_RISES])
    )
    assert restates(sentence, told, weights=weights) is same


def test_a_detail_added_to_a_fact_is_no_restatement_of_it_but_still_the_same_fact():
    short, long = "Kellogg was named envoy.", "Kellogg was named special envoy for Ukraine by Trump."
    assert restates(short, long) and not restates(long, short)
    assert is_near_duplicate(long, short) and is_near_duplicate(short, long)
    assert not is_near_duplicate("12 people died in the flood.", "41 people died in the flood.")


def test_a_story_summary_keeps_the_developments_told_in_the_storys_words():
    summary = story_summary([STRIKE, STRIKE_RETOLD, COURT], sentences=9)
    # the court's order and the judge's reason are not lost as repeats of the strike's first facts
    # (Jansen's answer, in nearly the words of his first statement, is: a limit of words alone)
    assert set(COURT[:2]) <= set(summary)
    assert sum(s in summary for s in (*STRIKE, *STRIKE_RETOLD)) == 3
    assert sum("seven percent" in s for s in summary) == 1


def test_a_story_summary_can_leave_out_what_the_reader_knows():
    summary = story_summary([STRIKE_RETOLD, COURT], sentences=2, known=STRIKE)
    assert summary == COURT[:2]  # ranked among all, the court's ruling first; the retold never chosen


def test_a_story_summary_states_a_fact_reported_by_two_outlets_once():
    leads = [
        [
            "Thousands of North Korean troops are in combat with Russian forces, Blinken said.",
            "Blinken spoke in Brussels.",
        ],
        [
            "Blinken said thousands of North Korean troops are now in combat alongside Russian forces.",
            "The EU is preparing new sanctions on Pyongyang.",
        ],
        ["North Korean troops in combat with Russian forces, according to Blinken in Brussels."],
    ]
    summary = story_summary(leads, sentences=3)
    combat = [s for s in summary if "combat" in s]
    assert len(combat) == 1
    assert "The EU is preparing new sanctions on Pyongyang." in summary


def test_identical_wire_copy_from_two_outlets_still_yields_one_sentence():
    lead = ["Kellogg was named special envoy for Ukraine and Russia on Wednesday."]
    assert story_summary([lead, lead, lead], sentences=3) == tuple(lead)


def test_the_headline_is_the_most_typical_title():
    articles = articles_of(BLINKEN)
    vectors = Vectorizer(idf_of(articles))
    assert medoid_title(articles, vectors) in {t for t, _, _ in BLINKEN}
    assert medoid_title(articles[:1], vectors) == BLINKEN[0][0]


def test_a_teaser_title_that_names_nothing_of_the_story_is_not_its_headline():
    """A blog post's "Boom - Watch This Closely", earlier than the report it joined, names nothing the
    report tells; the report's title does."""
    report = "Reports: DOJ could seek CNN sale before AT&T merger"
    articles = [
        story_article(1, "Boom - Watch This Closely",
                      "The Financial Times reported the Justice Department wants AT&T to sell CNN.", "tpm"),
        story_article(2, report, "The Justice Department told AT&T it must sell CNN to win approval.", "tpm",
                      hours=1),
    ]  # fmt: skip
    vectors = Vectorizer(idf_of(articles))
    assert medoid_title(articles, vectors) == report
    assert medoid_title(articles[:1], vectors) == "Boom - Watch This Closely"  # alone, it is all there is


def test_a_sentence_opening_on_a_pronoun_is_not_in_a_story_summary_while_others_are():
    leads = [
        ["Its sources said the Justice Department called for the sale of CNN.",
         "The Justice Department told AT&T it would need to sell CNN to have the merger approved."],
        ["AT&T chief Randall Stephenson said he never offered to sell CNN."],
    ]  # fmt: skip
    summary = story_summary(leads, sentences=3)
    assert summary and not any(s.startswith("Its ") for s in summary)
    assert set(summary) == {leads[0][1], leads[1][0]}
    only = [["He said the talks would resume on Monday."]]
    assert story_summary(only, sentences=3) == ("He said the talks would resume on Monday.",)  # all there is


# a story of two articles whose second names its speaker, then quotes him with "he said"
DOCKS = [
    ["Forty ships were at anchor off the port of Rotterdam on Wednesday, the port authority said.",
     "The dock strike at the port goes on after workers rejected the latest offer over pay."],
    ["Forty ships were at anchor off the port of Rotterdam on Wednesday, union leader Pieter de Vries said.",
     "He said the union would ask the government to mediate in the dispute over pay."],
]  # fmt: skip


def test_a_pronoun_opener_in_a_story_waits_for_an_earlier_sentence_of_its_own_lead():
    """As in an article's summary, "He said ..." later in a lead is told right after an earlier sentence of
    that lead (before, it was left out of every story summary that had anything else)."""
    assert story_summary(DOCKS, sentences=3) == (DOCKS[1][0], DOCKS[1][1], DOCKS[0][1])
    rubble = [
        ["Rescuers pulled 12 people from the rubble of a collapsed apartment block in Izmir on Tuesday.",
         "It was the city's worst building collapse in a decade, the mayor said."],
        ["Twelve people were rescued from a collapsed block of flats in Izmir, officials said on Tuesday.",
         "The building had been declared unsafe in 2019, according to city records."],
    ]  # fmt: skip
    summary = story_summary(rubble, sentences=3)
    assert summary[summary.index(rubble[0][1]) - 1] == rubble[0][0]


def test_a_he_whose_person_the_story_summary_left_out_is_named_from_his_own_lead():
    """The sentence naming the union leader is not told (the reader has it: ``known``); his "He said ..."
    may still be, his name in the pronoun's place, as an article's summary writes it."""
    summary = story_summary(DOCKS, sentences=2, known=[DOCKS[1][0]])
    assert summary == (
        DOCKS[0][1],
        "Pieter de Vries said the union would ask the government to mediate in the dispute over pay.",
    )
    # the leads' own sentences, for a caller that matches them to their articles first
    assert story_summary(DOCKS, sentences=2, known=[DOCKS[1][0]], named=False)[1] == DOCKS[1][1]


def test_a_story_summary_tells_each_sentence_apart_from_its_lead():
    analyst = [
        "Ukraine's arms factories doubled their shell output in the spring, the defence ministry said.",
        "Defence analyst Marta Kowalczyk said the shipments to the front had doubled since March.",
        "“The factories cannot keep up with this pace for long,” she said.",
    ]
    ministry = [
        "The defence ministry said shell output at Ukraine's arms factories doubled this spring.",
        "The analyst Marta Kowalczyk expects the output to grow again in the autumn.",
        "Kowalczyk said the next shipments would go to the eastern front.",
    ]
    leads = [analyst, ministry]
    assert told_in_story([analyst[2], ministry[2]], leads) == (
        "“The factories cannot keep up with this pace for long,” Marta Kowalczyk said.",
        "Kowalczyk said the next shipments would go to the eastern front.",  # named in full just before
    )
    assert told_in_story([ministry[0], ministry[2]], leads) == (
        ministry[0],
        "Marta Kowalczyk said the next shipments would go to the eastern front.",  # as her lead names her
    )
    # told right after the sentence naming her, the "she" stays; a sentence of no lead is told as it is
    assert told_in_story(analyst[1:], leads) == tuple(analyst[1:])
    assert told_in_story(["She left."], leads) == ("She left.",)


def test_a_consequence_in_a_story_is_told_right_after_its_cause_or_not_at_all():
    guide = [
        ["Do not install the plugin with the --global flag on a shared server.",
         "This means every user of the server would load your settings."],
        ["Version 2.0 of the plugin came out on Monday with a faster installer.",
         "Its settings now live in each user's home folder instead of the server's."],
    ]  # fmt: skip
    for n in (1, 2, 3, 4):
        summary = story_summary(guide, sentences=n)
        if guide[0][1] in summary:
            assert summary[summary.index(guide[0][1]) - 1] == guide[0][0]
    assert guide[0][1] not in story_summary(guide, sentences=3, known=[guide[0][0]])


def test_titles_equally_typical_give_the_newest_headline_whatever_the_order_of_the_sums():
    places = ["Arequipa", "Chala", "Camana", "Lima", "Ica"]  # each as often: every title as typical
    articles = [
        StoryArticle(n, f"Rescuers search rubble in {places[n % 5]}", "Rescuers search rubble.", "x.pe",
                     T0 + timedelta(minutes=n))
        for n in range(80)
    ]  # fmt: skip
    assert medoid_title(articles, Vectorizer(idf_of(articles))) == "Rescuers search rubble in Ica"  # n = 79


def story(i, *, sources, articles, hours_ago, now):
    return Story(
        id=i,
        headline=f"S{i}",
        article_ids=tuple(range(articles)),
        sources=tuple(f"s{k}" for k in range(sources)),
        first_seen=now - timedelta(hours=hours_ago),
        last_updated=now - timedelta(hours=hours_ago),
    )


def test_ranking_prefers_more_outlets_then_freshness_then_size():
    now = T0
    many_outlets = story(1, sources=5, articles=5, hours_ago=6, now=now)
    fresh_single = story(2, sources=1, articles=1, hours_ago=0, now=now)
    stale_big = story(3, sources=5, articles=20, hours_ago=96, now=now)
    big_one_outlet = story(4, sources=1, articles=6, hours_ago=0, now=now)
    ranked = [s.id for s in rank_stories([fresh_single, stale_big, many_outlets, big_one_outlet], now)]
    assert ranked == [1, 4, 2, 3]


def test_stories_alike_in_every_figure_are_ranked_newest_stored_first():
    now = T0
    alike = [story(i, sources=1, articles=1, hours_ago=0, now=now) for i in (3, 1, 2)]
    assert [s.id for s in rank_stories(alike, now)] == [3, 2, 1]


# --- the store and the enrichment step ------------------------------------------------------------


def ingest(app, title, body, source, hours):
    article = insert_article(
        app.db,
        title=title,
        body=body,
        source=source,
        when=T0 + timedelta(hours=hours),
        url=f"https://{source}/{hours}",
    )
    enrich_article(app, article)
    return get_article(app.db, article.id)


def test_ingested_articles_join_stories_incrementally(app):
    for i, (title, body, source) in enumerate([*BLINKEN, *KELLOGG, *SCHOLZ]):
        ingest(app, title, body, source, i)
    stories = {s.headline: s for s in stories_updated_since(app.db, T0 - WINDOW)}
    assert sorted(len(s.article_ids) for s in stories.values()) == [1, 2, 3]
    blinken = next(s for s in stories.values() if len(s.article_ids) == 3)
    assert blinken.headline in {t for t, _, _ in BLINKEN}
    assert set(blinken.sources) == {"khaleejtimes.com", "dw.com", "reuters.com"}
    assert blinken.links[0] == "https://reuters.com/2"  # newest first
    assert blinken.summary and len(blinken.summary) <= app.settings.summary_sentences
    row = app.db.execute(
        "SELECT article_count, source_count FROM stories WHERE id = ?", [blinken.id]
    ).fetchone()
    assert tuple(row) == (3, 3)


def test_recluster_rebuilds_the_same_stories(app):
    for i, (title, body, source) in enumerate([*BLINKEN, *KELLOGG, *SCHOLZ]):
        ingest(app, title, body, source, i)
    before = sorted(sorted(s.sources) for s in stories_updated_since(app.db, T0 - WINDOW))
    assert recluster(app) == 3
    after = sorted(sorted(s.sources) for s in stories_updated_since(app.db, T0 - WINDOW))
    assert after == before
    assert app.db.execute("SELECT count(*) FROM stories").fetchone()[0] == 3


def test_an_article_without_a_summary_still_gets_a_story(app):
    article = insert_article(app.db, title="Label Only", body="Label Only\nAnother Label", when=T0)
    story_id = assign_article_story(app, article)
    assert get_story(app.db, story_id).headline == "Label Only"


def test_storing_a_summary_or_story_does_not_reindex_the_article(app):
    article = insert_article(app.db, title="Kyiv", body="Strikes hit Kyiv overnight.", when=T0)

    def segments():
        return app.db.execute("SELECT count(*) FROM articles_fts_data").fetchone()[0]

    def hits(word):
        return app.db.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [word]
        ).fetchone()[0]

    before = segments()
    app.db.execute("UPDATE articles SET summary = 'x', story_id = NULL WHERE id = ?", [article.id])
    assert segments() == before
    app.db.execute("UPDATE articles SET body = 'Drones hit Lviv.' WHERE id = ?", [article.id])
    assert segments() > before
    assert (hits("lviv"), hits("strikes"), hits("kyiv")) == (1, 0, 1)


def test_a_day_of_articles_is_clustered_in_one_pass():
    # 2,000 articles: the inverted index keeps this to about a second (no timing asserted here)
    articles = [
        story_article(
            i,
            f"Event {i % 400} report",
            f"Unique{i % 400} happened in place{i % 400} today.",
            "x",
            hours=i * 24 / 2000,
        )
        for i in range(2000)
    ]
    groups = cluster_articles(articles, window=WINDOW)
    assert len(groups) == 400
    assert all(len(g) == 5 for g in groups)


def test_term_counts_grow_with_each_ingest_and_a_recluster_recounts_them(app):
    for i, (title, body, source) in enumerate(BLINKEN):
        ingest(app, title, body, source, i)
    counts, total = document_frequencies(app.db, ["blinken", "kursk", "rutt"])
    assert total == 3
    assert counts == {"blinken": 3, "rutt": 2}
    app.db.execute("DELETE FROM story_terms WHERE term = 'blinken'")
    recluster(app)
    assert document_frequencies(app.db, ["blinken"]) == ({"blinken": 3}, 3)


def test_a_storys_headline_link_is_the_url_of_the_article_it_is_the_title_of(app):
    first, second = BLINKEN[0], BLINKEN[1]
    plain = insert_article(
        app.db, title=first[0], body=first[1], source="dump.txt", when=T0 + timedelta(hours=1)
    )
    enrich_article(app, plain)
    linked = insert_article(
        app.db, title=second[0], body=second[1], source=second[2], when=T0, url="https://dw.com/b"
    )
    story_id = enrich_article(app, linked) or get_article(app.db, linked.id).story_id
    story = get_story(app.db, story_id)
    assert len(story.article_ids) == 2 and story.headline == first[0]  # the newer report's title
    assert story.links == ("", "https://dw.com/b")  # the newest article's outlet first
    assert story.headline_url is None  # not another outlet's article
    app.db.execute("UPDATE articles SET url = 'https://dump.example/a' WHERE id = ?", [plain.id])
    assert get_story(app.db, story_id).headline_url == "https://dump.example/a"


# --- follow-ups and look-alikes: the labelled set (tests/story_labels.py) ---------------------------


def cluster_labelled(ids=None):
    labelled = load_labelled()
    articles = [a for a in labelled.articles if ids is None or a.id in ids]
    idf, actor_idf = idf_of(labelled.articles), labelled.actor_idf()  # as the whole archive weighs them
    documents = len(labelled.articles)
    groups = cluster_articles(articles, window=WINDOW, idf=idf, actor_idf=actor_idf, documents=documents)
    return labelled, sorted(sorted(g) for g in groups)


def test_follow_ups_of_one_flood_are_one_story_and_a_flood_elsewhere_is_another():
    # Nigeria: first report, toll rises, the president orders relief, the camps run short of water;
    # Kenya: the same words ("floods displace", "death toll rises", "Red Cross", "camps"), no actor shared
    _, groups = cluster_labelled({33, 40, 34, 43, 49, 50})
    assert groups == [[33, 34, 40, 43], [49, 50]]


def test_a_follow_up_in_other_words_joins_on_its_people_and_places():
    # "Peru Quake Death Toll Rises to 41" shares Boluarte, the Geophysical Institute, Peru with the
    # first report, few words; a quake in Japan shares the words, no actor
    _, groups = cluster_labelled({17, 18, 27, 39, 46, 47})
    assert groups == [[17, 18, 27, 39], [46, 47]]


@pytest.mark.parametrize(
    "ids",
    [
        {34, 51},  # Tinubu orders flood relief / Tinubu signs the budget (his spokesman in both)
        {41, 48},  # Peru's Congress passes the quake law / votes on Boluarte's impeachment
    ],
)
def test_one_person_in_two_events_does_not_make_them_one_story(ids):
    _, groups = cluster_labelled(ids)
    assert len(groups) == 2


def test_a_boss_defending_the_merger_joins_the_merger_story_on_the_names_alone():
    # "Nordhavn boss defends merger before Danish parliament" names Strauss, not the companies
    _, groups = cluster_labelled({23, 24, 38, 37, 54})
    assert groups == [[23, 24, 38], [37], [54]]


def test_the_labelled_set_clusters_with_high_precision_and_recall():
    labelled, groups = cluster_labelled()
    precision, recall, wrong, missed = pairwise(groups, labelled)
    assert precision >= 0.9, wrong
    assert recall >= 0.8, missed
    story_of = {i: k for k, g in enumerate(groups) for i in g}
    for event in ([17, 18, 27, 39], [33, 34, 40, 43]):  # the QA report's follow-ups
        assert len({story_of[i] for i in event}) == 1, event
    seeds = [a.id for a in labelled.articles if labelled.group[a.id].startswith("seed-") and a.id <= 16]
    assert len({story_of[i] for i in seeds}) == len(seeds)  # Ukraine and Russia do not glue them
    assert story_of[48] != story_of[17]  # Boluarte's impeachment vote is not the quake


def test_an_article_is_clustered_with_its_actors_and_the_words_of_their_names(app):
    article = ingest(app, *BLINKEN[0], 0)
    seen = stored_story_article(app.db, article.id)
    assert seen.actors and {"blinken", "rutt", "brussel"} <= seen.names


def test_a_loaded_story_lists_its_articles_newest_first_and_each_outlets_newest_link(db):
    t0 = datetime(2026, 11, 1, 9, tzinfo=UTC)
    record = StoryRecord("Quake hits Chile", ("Twelve dead.", "A state of emergency."), t0, t0, 4, 2)
    told, undated, empty = (create_story(db, record) for _ in range(3))
    rows = [  # title, outlet, link, hours after t0
        ("Earlier report", "reuters.com", "https://reuters.example/1", 0),
        ("Quake hits Chile", "bbc.com", None, 1),  # the headline's title, but no link
        ("Quake hits Chile", "reuters.com", "https://reuters.example/3", 2),
        ("Toll rises", "bbc.com", "https://bbc.example/4", 3),
    ]
    ids = [
        insert_article(db, title=t, body=f"Body {n}.", source=s, url=u, when=t0 + timedelta(hours=h)).id
        for n, (t, s, u, h) in enumerate(rows)
    ]
    set_story(db, ids, told)
    lone = insert_article(db, title="A feed's test item", body="Nothing.", source="x.example", when=t0).id
    db.execute("UPDATE articles SET published_at = NULL WHERE id = ?", [lone])  # dated when read
    set_story(db, [lone], undated)
    stories = {s.id: s for s in stories_by_ids(db, [empty, undated, told])}
    assert set(stories) == {told, undated}  # a story without articles is none
    story = stories[told]
    assert story.article_ids == tuple(reversed(ids))
    assert story.sources == ("bbc.com", "reuters.com")
    assert story.links == ("https://bbc.example/4", "https://reuters.example/3")
    assert story.headline_url == "https://reuters.example/3"  # the newest of the headline's title with a link
    assert story.summary == ("Twelve dead.", "A state of emergency.") and story.first_seen == t0
    assert story.dated and not stories[undated].dated
