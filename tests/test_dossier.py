"""The /actor dossier, composed from plain data: header, key sentences without repeats, sections."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from briefing.dossier import balanced, compose_dossier, key_quotes
from briefing.mentions import ActorRecord, ArticleLink, CoMention, Quote
from briefing.models import Actor
from briefing.render import html_messages, to_plain
from briefing.stories import story_summary

NOW = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)
KELLOGG = Actor(
    id=1,
    name="Keith Kellogg",
    type="person",
    aliases=frozenset({"Kellogg"}),
    role="special envoy for Ukraine and Russia",
    article_count=12,
    first_seen=datetime(2024, 11, 13, tzinfo=UTC),
    last_seen=datetime(2025, 1, 22, tzinfo=UTC),
)


def link(n, source="DW", day=20):
    return ArticleLink(
        n, f"Article {n}", source, datetime(2025, 1, day, tzinfo=UTC), f"https://x.example/{n}"
    )


def q(text, n=1, source="DW", day=20):
    return Quote(text, link(n, source, day), 0)


QUOTES = (
    q("Kellogg said the war in Ukraine must end with a negotiated settlement this year.", 1, "DW"),
    q("Kellogg said the war in Ukraine must end with a negotiated settlement this year!", 2, "AP"),
    q("Kellogg met Ukrainian officials in Kyiv to discuss prisoner exchanges and air defence.", 3, "VOA"),
    q("Kellogg Named Special Envoy", 4, "AP"),
    q("The plan outlined by Kellogg includes:", 5, "AP"),
    q("Kellogg, a retired general, has long argued for arming Ukraine before any negotiation.", 6, "BBC"),
)


def record(**kw):
    base = dict(
        actor=KELLOGG,
        source_count=4,
        quotes=QUOTES,
        co_mentioned=(CoMention(Actor(2, "Volodymyr Zelensky", "person"), 7),),
        latest=(link(1, day=22), link(2, "AP", day=21)),
    )
    base.update(kw)
    return ActorRecord(**base)


def test_header_says_who_and_how_much():
    text = to_plain(compose_dossier(record(), now=NOW))
    assert "KEITH KELLOGG" in text
    assert "Person · special envoy for Ukraine and Russia" in text
    assert "In 12 articles from 4 sources, first seen 13 Nov 2024, last seen yesterday." in text
    assert "Also called: Kellogg" in text


def test_an_abbreviated_title_as_role_is_written_out():
    senator = replace(KELLOGG, name="Rand Paul", role="Sen.")
    assert "Person · Senator" in to_plain(compose_dossier(record(actor=senator), now=NOW))
    admiral = replace(KELLOGG, name="Armando Balilo", role="Rear Adm.")
    assert "Person · Rear Admiral" in to_plain(compose_dossier(record(actor=admiral), now=NOW))


def test_key_sentences_have_no_repeats_headlines_or_fragments():
    chosen = key_quotes(QUOTES, 4)
    texts = [c.sentence for c in chosen]
    assert sum("must end with a negotiated settlement" in t for t in texts) == 1
    assert "Kellogg Named Special Envoy" not in texts
    assert "The plan outlined by Kellogg includes:" not in texts
    assert len(texts) == 3


MAZON_A = (
    "A violent storm flooded the Spanish city of Valencia on Tuesday, killing at least 40 people, regional"
    " president Carlos Mazon said."
)
MAZON_B = (
    "At least 40 people were killed when a violent storm flooded Valencia on Tuesday, according to regional"
    " president Carlos Mazon."
)


def test_one_fact_two_outlets_word_differently_is_a_key_sentence_once_as_in_the_story_summary():
    """QA22a F4: the dossier quoted the same fact from each outlet, though the story summary of the
    same two articles tells it once; both now use one test of a repeat (``repeats_fact``)."""
    quotes = (q(MAZON_A, 1, "News A"), q(MAZON_B, 2, "News B"))
    chosen = key_quotes(quotes, 4)
    assert len(chosen) == 1
    assert len(story_summary([[MAZON_A], [MAZON_B]], sentences=4)) == 1
    other = q("Carlos Mazon asked the government in Madrid to send the army to clear the streets.", 3)
    assert len(key_quotes((*quotes, other), 4)) == 2  # another fact of his is still told


def test_a_quotation_closed_by_guillemets_is_a_whole_sentence():
    quotes = (
        q("« Nous ne laisserons pas tomber les voyageurs de Roissy cet hiver. »", 7, "Le Monde"),
        q("Le ministre a promis des trains pour les voyageurs de Roissy et d'Orly.", 8, "Le Monde"),
        q("« Des navettes partiront toutes les dix minutes dès lundi, a-t-il dit. »", 9, "France Info"),
    )
    assert len(key_quotes(quotes, 4)) == 3


def test_each_key_sentence_has_its_source_and_date():
    doc = compose_dossier(record(), now=NOW)
    says = doc.sections[0]
    assert says.blocks[0].text == "What the news says"
    sources = [b for b in says.blocks if b.text.startswith("— ")]
    assert len(sources) == 3 and all(", 20 Jan" in b.text for b in sources)
    assert any(s.url and s.url.startswith("https://x.example/") for b in sources for s in b.spans)


def test_sections_for_co_mentions_and_latest_articles():
    doc = compose_dossier(record(), now=NOW)
    titles = [s.blocks[0].text for s in doc.sections]
    assert titles == ["What the news says", "Often mentioned with", "Latest articles"]
    assert "Volodymyr Zelensky (7 articles)" in doc.sections[1].blocks[1].text
    assert doc.sections[2].blocks[1].text == "Article 1 — DW, yesterday"


def test_co_mentions_counted_in_the_latest_articles_only_say_so():
    """For an actor of many articles the co-mentions are counted in its latest ones: the heading says in
    how many, so "Russia (299 articles)" under "In 99,359 articles" is not read as the archive's count."""
    big = compose_dossier(record(actor=replace(KELLOGG, article_count=99_359), co_window=300), now=NOW)
    assert big.sections[1].blocks[0].text == "Often mentioned with, in its latest 300 articles"
    assert compose_dossier(record(), now=NOW).sections[1].blocks[0].text == "Often mentioned with"


def test_an_actor_with_nothing_to_quote_still_gets_a_header():
    doc = compose_dossier(record(quotes=(), co_mentioned=(), latest=()), now=NOW)
    assert doc.sections == ()
    assert "Keith Kellogg" in doc.text


def test_fits_a_phone_message():
    long_quote = q("Kellogg " + "spoke at length about the war and the peace " * 40 + "today.", 9)
    messages = html_messages(compose_dossier(record(quotes=(*QUOTES, long_quote)), now=NOW))
    assert len(messages) == 1
    assert "…" in messages[0]


def test_two_quotes_sharing_no_word_are_both_kept():
    """Two sentences with no word in common link nowhere: sumy's power method would divide by zero."""
    quotes = (
        q("Kellogg spoke in Kyiv on Monday about the talks.", 1, "DW"),
        q("Rain flooded three villages near the southern border overnight.", 2, "AP"),
    )
    assert {x.sentence for x in key_quotes(quotes, 3)} == {x.sentence for x in quotes}


def test_ranking_matches_sumys_lexrank():
    """The numpy similarity matrix and idf give exactly sumy's own numbers."""
    import numpy
    from sumy.models.dom import Sentence
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from briefing.dossier import RankedLexRank, WordTokenizer

    texts = [x.sentence for x in QUOTES] + ["Zelensky met Kellogg in Kyiv on Monday to discuss the war."]
    sentences = [Sentence(t, WordTokenizer()) for t in texts]
    ours, theirs = RankedLexRank(), LexRankSummarizer()
    words = [theirs._to_words_set(s) for s in sentences]
    tf = theirs._compute_tf(words)
    idf = theirs._compute_idf(words)
    assert ours._compute_idf(words) == pytest.approx(idf)
    expected = theirs._create_matrix(words, theirs.threshold, tf, idf)
    assert numpy.allclose(ours._create_matrix(words, ours.threshold, tf, idf), expected)


def test_a_quoted_sentence_is_shown_without_its_dateline_and_with_its_quotation_marks_closed():
    quotes = (
        q("NEWARK, N.J. (AP) — Kellogg told jurors the settlement talks had been going on for months.", 1),
        q("“Even at the state level, Kellogg said, the plan only grew by a small amount last year.", 2),
    )
    text = to_plain(compose_dossier(record(quotes=quotes), now=NOW))
    assert "NEWARK" not in text and "Kellogg told jurors the settlement talks" in text
    assert "the plan only grew by a small amount last year.”" in text


@pytest.mark.parametrize(
    "sentence, shown",
    [
        ("“We will win the war.", "“We will win the war.”"),
        ("We will win,” Trump said.", "“We will win,” Trump said."),
        ('"We go on.', '"We go on."'),
        ("He said “no” twice.", "He said “no” twice."),
    ],
)
def test_quotation_marks_are_balanced(sentence, shown):
    assert balanced(sentence) == shown
