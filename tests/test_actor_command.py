"""/actor NAME through the command registry: dossiers, candidates, close names, usage, hostile input."""

import html

import pytest

from briefing.render import html_messages, to_plain
from briefing.service.commands import Asker, answer, load_all
from store.actors import mentions_per_day
from tests.actor_helpers import add_article, add_article_naming

ASKER = Asker(chat_id=1, user_id=1)
ENVOY = (
    "President-elect Donald Trump named retired Army Lieutenant General Keith Kellogg special envoy for "
    "Ukraine and Russia. Kellogg said the war in Ukraine must end with a negotiated settlement."
)


@pytest.fixture(autouse=True)
def commands():
    load_all()


@pytest.fixture
def archive(app):
    add_article(app, ENVOY, source="DW", day=20, url="https://dw.example/kellogg")
    add_article(app, "Volodymyr Zelenskyy met Kellogg in Kyiv on Monday, and Kellogg promised help.", day=21)
    return app


async def ask(app, text):
    reply = await answer(app, text, ASKER)
    return reply, to_plain(reply.document)


async def test_actor_gives_the_dossier(archive):
    reply, text = await ask(archive, "/actor Kellogg")
    assert text.startswith("KEITH KELLOGG")
    assert "retired Army Lieutenant General" in text
    assert "In 2 articles from 2 sources" in text
    assert "What the news says" in text and "https://dw.example/kellogg" in text
    assert reply.photo_bytes().startswith(b"\x89PNG")
    assert reply.photo_caption.startswith("Keith Kellogg: mentions per day (")
    assert reply.photo_caption.endswith(" in 2 articles)")


@pytest.mark.parametrize("name", ["keith kellogg", "KELLOGG", "Gen. Kellogg", "zelenskiy", "Zelensky"])
async def test_lookup_is_case_and_alias_insensitive(archive, name):
    _, text = await ask(archive, f"/actor {name}")
    assert "What the news says" in text
    assert "Closest match" not in text  # a name or surname the actor goes by is not a near miss


@pytest.mark.parametrize("name", ["the US", "The U.S.", "US"])
async def test_a_leading_the_never_makes_a_name_a_near_miss(app, name):
    add_article(app, "The US said on Monday that talks would go on. US officials met in Geneva.", day=20)
    _, text = await ask(app, f"/actor {name}")
    assert text.startswith("UNITED STATES") and "Closest match" not in text


async def test_a_typo_shows_the_closest_actor_and_says_so(archive):
    _, text = await ask(archive, "/actor Kelog")
    assert "Closest match for “Kelog”" in text and "KEITH KELLOGG" in text


async def test_an_unknown_name_suggests_close_names(archive):
    _, text = await ask(archive, "/actor Zelinsky")
    assert "no one called “Zelinsky”" in text
    assert "/actor Volodymyr Zelensky" in text


async def test_an_unknown_name_with_nothing_close(archive):
    _, text = await ask(archive, "/actor Xyzzyplugh")
    assert text == "I have no one called “Xyzzyplugh” in the news I know."


async def test_an_ambiguous_name_offers_the_candidates(archive):
    add_article(archive, "Kellogg's reported higher cereal sales on Tuesday.", day=22)
    _, text = await ask(archive, "/actor Kellogg")
    assert "could be more than one actor" in text
    assert "/actor Keith Kellogg" in text and "/actor Kellogg's" in text
    _, chosen = await ask(archive, "/actor Kellogg (organisation)")
    assert chosen.startswith("KELLOGG'S")


async def test_empty_argument_gets_usage(archive):
    _, text = await ask(archive, "/actor")
    assert "/actor Kellogg" in text and "Tell me whom to look up" in text


@pytest.mark.parametrize(
    "hostile",
    ["<b>Kellogg</b>", '"Kellogg"', "'; DROP TABLE actors; --", "<script>alert(1)</script>", "&amp;&lt;"],
)
async def test_hostile_input_gets_a_clear_reply(archive, hostile):
    reply, text = await ask(archive, f"/actor {hostile}")
    assert text
    for message in html_messages(reply.document):
        assert "<script>" not in message
    assert archive.db.execute("SELECT count(*) FROM actors").fetchone()[0] > 0


async def test_markup_around_a_name_is_ignored(archive):
    _, text = await ask(archive, "/actor <b>Kellogg</b>")
    assert text.startswith("KEITH KELLOGG")


async def test_very_long_input_is_refused_politely(archive):
    _, text = await ask(archive, "/actor " + "Kellogg " * 625)
    assert "characters" in text
    _, text = await ask(archive, "/actor " + "K" * 300)
    assert "a name is at most 120" in text


async def test_a_country_and_its_state_are_one_actor(app):
    add_article(app, "The United States strongly condemns the attack. Troops in the United States wait.")
    add_article(app, "A series of U.S. airstrikes hit the depot, officials said.", day=2)
    add_article(app, "Tourists flocked to the United States this summer.", day=3)
    _, text = await ask(app, "/actor United States")
    assert "could be more than one actor" not in text
    assert text.startswith("UNITED STATES\nCountry\nIn 3 articles")


async def test_a_later_bare_title_does_not_replace_the_role(archive):
    add_article(archive, "Gen. Kellogg arrived in Kyiv on Monday for talks with officials.", day=25)
    _, text = await ask(archive, "/actor Kellogg")
    assert "Person · retired Army Lieutenant General" in text and "Person · Gen." not in text


async def test_part_of_a_name_suggests_the_actors_that_hold_it(archive):
    add_article(archive, "North Korea sent troops to Russia. South Korea protested on Monday.", day=23)
    _, text = await ask(archive, "/actor Korea")
    assert "no one called “Korea”. Did you mean" in text
    assert "/actor North Korea" in text and "/actor South Korea" in text


async def test_a_name_one_actor_dominates_gives_its_dossier_and_names_the_others(app):
    for day in range(1, 12):
        add_article(app, f"{ENVOY} Talks on day {day} went on.", day=day)
    add_article(app, "Kellogg's reported higher cereal sales on Tuesday.", day=20)
    _, text = await ask(app, "/actor Kellogg")
    assert text.startswith("KEITH KELLOGG") and "could be more than one actor" not in text
    assert "Others by that name: Kellogg's (organisation, 1 article) /actor Kellogg's (organisation)" in text
    _, chosen = await ask(app, "/actor Kellogg's (organization)")
    assert chosen.startswith("KELLOGG'S")


async def test_a_type_that_does_not_fit_says_what_the_name_is(archive):
    _, text = await ask(archive, "/actor Kellogg (organisation)")
    assert text == "Keith Kellogg is a person, not an organisation: /actor Keith Kellogg"


async def test_a_type_that_fits_none_of_several_lists_them(archive):
    add_article(archive, "Kellogg's reported higher cereal sales on Tuesday.", day=22)
    _, text = await ask(archive, "/actor Kellogg (place)")
    assert text.startswith("No place is called “Kellogg”, but there is:")
    assert "/actor Keith Kellogg (person)" in text and "/actor Kellogg's (organisation)" in text


async def test_suggestions_are_only_close_names(archive):
    add_article(archive, "North Korea sent troops to Russia. South Korea protested on Monday.", day=23)
    add_article(archive, "EU foreign policy chief Josep Borrell spoke. Borrell said little.", day=24)
    _, text = await ask(archive, "/actor Korea")
    assert "/actor North Korea" in text and "/actor South Korea" in text
    assert "Borrell" not in text  # "borel", a spelling of Borrell, is two letters from "korea"
    _, text = await ask(archive, "/actor Borel")
    assert "JOSEP BORRELL" in text


async def test_a_qualifier_that_picks_one_of_a_name_still_names_the_others(app):
    add_article_naming(
        app,
        "Leaders of the West met in Kyiv. Storms hit West on Monday.",
        [("West", "organization"), ("West", "place")],
    )
    _, text = await ask(app, "/actor West (place)")
    assert text.startswith("WEST\nPlace")
    assert text.endswith("Others by that name: West (organisation, 1 article) /actor West (organisation)")
    _, text = await ask(app, "/actor West [Organization]")
    assert text.startswith("WEST\nOrganisation")
    assert text.endswith("Others by that name: West (place, 1 article) /actor West (place)")


@pytest.mark.parametrize("qualifier", ["(people)", "(company)", "[Company]", "(persons)"])
async def test_an_unknown_qualifier_is_refused_with_the_ones_understood(archive, qualifier):
    _, text = await ask(archive, f"/actor Kellogg {qualifier}")
    word = qualifier.strip("()[]")
    assert text == (
        f"I don't know the type “{word}”. After a name I understand (person), (organisation), (place) or"
        " (country), in round or square brackets: /actor Kellogg (person)."
    )


@pytest.mark.parametrize("qualifier", ["(person)", "[person]", "(PERSON)", "[Person]."])
async def test_a_qualifier_in_either_bracket_and_any_case_chooses(archive, qualifier):
    _, text = await ask(archive, f"/actor Kellogg {qualifier}")
    assert text.startswith("KEITH KELLOGG")


async def test_a_topic_is_not_an_actor(archive):
    _, text = await ask(archive, "/actor Kellogg (topic)")
    assert text == (
        "/actor looks up people, organisations and places, not topics.\n"
        "For the news on the words: /brief Kellogg (topic)."
    )


async def test_a_qualifier_alone_gets_the_usage(archive):
    _, text = await ask(archive, "/actor (person)")
    assert text.startswith("Tell me whom to look up")


@pytest.mark.parametrize("asked", ["<script>", "<script> (person)", "***", "&", "<b>&</a>"])
async def test_a_name_of_markup_or_symbols_alone_has_no_name_to_look_up(archive, asked):
    add_article_naming(archive, "Hamas and Hezbollah traded fire.", [("Hamas and Hezbollah", "organization")])
    reply, text = await ask(archive, f"/actor {asked}")
    shown = asked.removesuffix(" (person)")
    assert text.startswith(f"“{shown}” has no name in it to look up: a name has letters or digits")
    if "<" in asked:  # quoted back, escaped
        assert f"“{html.escape(shown, quote=False)}”" in html_messages(reply.document)[0]


async def test_a_word_every_name_may_hold_suggests_no_name_holding_it(archive):
    add_article_naming(archive, "Hamas and Hezbollah traded fire.", [("Hamas and Hezbollah", "organization")])
    _, text = await ask(archive, "/actor and")
    assert text == "I have no one called “and” in the news I know."
    _, text = await ask(archive, "/actor Hezbollah")  # a telling word still finds the name holding it
    assert "/actor Hamas and Hezbollah" in text


async def test_control_characters_are_not_echoed(archive):
    _, text = await ask(archive, "/actor Xyzzy\x01plugh\x02\x7f\x9b")
    assert text == "I have no one called “Xyzzyplugh” in the news I know."
    _, text = await ask(archive, "/actor Kel\x00logg")
    assert text.startswith("KEITH KELLOGG")


async def test_a_title_typed_before_a_shared_surname_chooses_the_one_who_holds_it(app):
    add_article(app, "House Speaker Mike Johnson said the vote would wait until January.", day=2)
    add_article(app, "Senator Ron Johnson said he would vote against the bill.", day=3)
    add_article(app, "Rep. Alicia Johnson, an Ohio Democrat, said the bill was flawed.", day=4)
    _, either = await ask(app, "/actor Johnson")
    assert "could be more than one actor" in either
    _, senator = await ask(app, "/actor Sen. Johnson")
    assert senator.startswith("RON JOHNSON"), senator
    _, speaker = await ask(app, "/actor Speaker Johnson")
    assert speaker.startswith("MIKE JOHNSON"), speaker
    _, nobody = await ask(app, "/actor Gov. Johnson")  # a title no Johnson holds changes nothing
    assert "could be more than one actor" in nobody


async def test_a_name_a_company_and_a_person_share_offers_both(app):
    add_article(
        app,
        "Halvorsen to close Leeds depot\n\nHalvorsen Freight Ltd said on Monday it would close its depot in "
        "Leeds. Councillor Maria Halvorsen said she was angry. The company's chief executive said that "
        "Halvorsen remained committed to the north.",
        day=20,
    )
    _, text = await ask(app, "/actor Halvorsen")
    assert "could be more than one actor" in text
    assert "/actor Halvorsen Freight Ltd" in text and "/actor Maria Halvorsen" in text
    _, person = await ask(app, "/actor Maria Halvorsen")
    assert "remained committed" not in person  # the company's statement is no news about the councillor


async def test_a_name_whose_first_word_is_a_title_is_found_as_typed(app):
    """ "Justice Department" is no Department with the title "Justice"; "Gen. Kellogg" is still Kellogg."""
    add_article_naming(
        app,
        "The Justice Department told AT&T to sell CNN. General Motors cut jobs.",
        [("Justice Department", "organization"), ("General Motors", "organization")],
    )
    _, text = await ask(app, "/actor Justice Department")
    assert text.startswith("JUSTICE DEPARTMENT\nOrganisation")
    _, text = await ask(app, "/actor general motors")
    assert text.startswith("GENERAL MOTORS\nOrganisation")
    add_article(app, ENVOY, day=20)
    _, text = await ask(app, "/actor Gen. Kellogg")
    assert text.startswith("KEITH KELLOGG")


async def test_a_refusal_quotes_the_whole_name_typed(app):
    add_article_naming(app, "Isuzu Motors opened a plant.", [("Isuzu Motors", "organization")])
    _, text = await ask(app, "/actor General Motors")
    assert text.splitlines()[0] == "I have no one called “General Motors”. Did you mean:"
    assert "/actor Isuzu Motors" in text


async def test_names_alike_but_for_case_are_offered_with_their_types(app):
    """The lookup ignores case: "/actor MANGALURU" alone would ask the same question again."""
    add_article_naming(
        app,
        "Rain hit Mangaluru. MANGALURU: the port reopened.",
        [("Mangaluru", "place"), ("MANGALURU", "organization")],
    )
    _, text = await ask(app, "/actor Mangaluru")
    assert "/actor Mangaluru (place)" in text and "/actor MANGALURU (organisation)" in text


async def test_any_spelling_of_an_arabic_given_name_finds_the_one_person(app):
    add_article(app, "Crown Prince Mohammed bin Salman met the envoy in Riyadh.", source="A", day=1)
    add_article(app, "Crown Prince Muhammad bin Salman said the talks went well.", source="B", day=2)
    for asked in ("Mohamed bin Salman", "muhammad bin salman", "Mohammad bin Salman"):
        _, text = await ask(app, f"/actor {asked}")
        assert "BIN SALMAN" in text.split("\n")[0] and "In 2 articles from 2 sources" in text, text


async def test_a_lone_quotation_mark_quotes_nothing_back(archive):
    _, text = await ask(archive, '/actor "')
    assert text.startswith("That has no name to look up: a name has letters or digits")


def school_and_envoy(app, *, school_day: int = 1, envoy_day: int = 20) -> None:
    """A business school "Kellogg" in an old video blurb (one article, named once) and the envoy in the
    day's news (one article, named twice): as many articles each, the name the school's very own."""
    add_article_naming(
        app, "She taught at Kellogg and at Stern.", [("Kellogg", "organization")], day=school_day
    )
    add_article(app, ENVOY, source="DW", day=envoy_day)


async def test_a_name_goes_to_the_actor_the_news_is_plainly_more_about(app):
    """A tie on articles no longer goes to the actor whose full name is the word typed: the envoy is
    named more and in newer news than the school, and a reader typing "Kellogg" means him."""
    school_and_envoy(app)
    _, text = await ask(app, "/actor Kellogg")
    assert text.startswith("KEITH KELLOGG"), text
    assert "Others by that name: Kellogg (organisation, 1 article) /actor Kellogg (organisation)" in text
    _, school = await ask(app, "/actor Kellogg (organisation)")
    assert school.startswith("KELLOGG\nOrganisation")


async def test_an_exact_name_with_a_rival_in_newer_news_offers_both(app):
    """The school named more often, but the envoy in as many articles and newer news: the name is its
    own, yet the reader may well mean him; both are offered."""
    add_article_naming(
        app, "Kellogg teaches strategy. Kellogg ranks high.", [("Kellogg", "organization")], day=1
    )
    add_article_naming(app, "Keith Kellogg arrived in Kyiv.", [("Keith Kellogg", "person")], day=20)
    _, text = await ask(app, "/actor Kellogg")
    assert "could be more than one actor" in text
    assert "/actor Keith Kellogg" in text and "/actor Kellogg" in text


async def test_an_exact_name_in_the_newer_news_still_wins_a_tie(app):
    school_and_envoy(app, school_day=22, envoy_day=20)  # the school the news of the day, the envoy older
    _, text = await ask(app, "/actor Kellogg")
    assert text.startswith("KELLOGG\nOrganisation"), text


async def test_a_given_name_one_person_is_called_by_finds_them(app):
    """ "Sir Keir", "Keir": no alias, but the news calls Keir Starmer so, and no other Keir; a title
    (Sir, Mr) is no part of the name."""
    add_article(
        app,
        "Prime Minister Keir Starmer spoke in London. Sir Keir said the talks would go on. "
        "Defence analyst Keir Giles disagreed.",
        day=20,
    )
    for asked in ("Sir Keir", "Keir", "keir", "Mr Keir", "Keir (person)"):
        _, text = await ask(app, f"/actor {asked}")
        assert "KEIR STARMER" in text, (asked, text)
        # the other person of that given name is still in reach
        assert text.endswith(
            "Others by that name: Keir Giles (person, Defence analyst, 1 article) /actor Keir Giles (person)"
        )
    _, text = await ask(app, "/actor Keir (place)")
    assert "KEIR STARMER" not in text.split("\n")[0]


async def test_a_given_name_of_only_one_person_finds_them(app):
    add_article(app, "Defence analyst Keir Giles said the front would hold.", day=20)
    _, text = await ask(app, "/actor Keir")
    assert "KEIR GILES" in text and "Closest match for “Keir”" in text


async def test_a_given_name_of_several_people_none_is_called_by_offers_them(app):
    """Both are called so in full: "no one called Keir" would be untrue (qa25c F8)."""
    add_article(app, "Keir Starmer met Keir Giles in London on Monday.", day=20)
    _, text = await ask(app, "/actor Keir")
    assert text.startswith("“Keir” could be more than one actor. Which one?")
    assert "/actor Keir Starmer" in text and "/actor Keir Giles" in text


async def test_a_name_far_more_in_older_news_offers_the_newer_one_too(app):
    """A games podcast's "Ryan" in a dozen articles on the first of the month, Paul Ryan in one a month
    later: ten times the articles no longer settle it, so both are offered."""
    for game in range(12):
        body = f"Ryan reviews game number {game}."
        add_article_naming(app, body, [("Ryan", "person")], day=1, source="Giant Bomb")
    add_article(app, "House Speaker Paul Ryan said the vote would wait.", day=31)
    _, text = await ask(app, "/actor Ryan")
    assert "could be more than one actor" in text, text
    assert "/actor Paul Ryan" in text and "/actor Ryan" in text


async def test_one_undated_article_read_today_is_no_newer_news_than_ten_dated_ones(app):
    """Ten dated Boris Johnson articles of the first days of January, and one undated page on Dwayne
    Johnson read a month later: its reading time is no date of the news, so Boris Johnson is still meant."""
    for n in range(10):
        add_article_naming(app, f"Boris Johnson spoke on Ukraine, speech {n}.", [("Boris Johnson", "person")])
    undated = add_article_naming(
        app, "Dwayne Johnson opened a gym.", [("Dwayne Johnson", "person")], day=31, source="Blog"
    )
    app.db.execute("UPDATE articles SET published_at = NULL WHERE id = ?", [undated])
    _, text = await ask(app, "/actor Johnson")
    assert text.startswith("BORIS JOHNSON"), text


async def test_the_charts_caption_counts_mentions_apart_from_articles(archive):
    """A bar of 4 beside "In 2 articles" reads as four articles: the caption tells both counts."""
    reply, _ = await ask(archive, "/actor Kellogg")
    (actor_id,) = [r[0] for r in archive.db.execute("SELECT id FROM actors WHERE name = 'Keith Kellogg'")]
    mentions = sum(n for _, n in mentions_per_day(archive.db, actor_id))
    assert mentions > 2
    assert reply.photo_caption == f"Keith Kellogg: mentions per day ({mentions} mentions in 2 articles)"
