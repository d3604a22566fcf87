"""Summaries of one article: the document model, the algorithms, the caps and the budgets."""

from datetime import UTC, datetime

import pytest
from article_rows import insert_article
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.summarizers.text_rank import TextRankSummarizer

from briefing.sentences import Tokenizer
from briefing.service.enrich import enrich_article
from briefing.summarizers import ALGORITHMS, build_summarizer, stemmer, stop_words
from briefing.summarizers.textrank import (
    LooplessTextRankSummarizer,
    MatrixTextRankSummarizer,
    NewsTextRankSummarizer,
)
from briefing.summary import (
    UnknownAlgorithmError,
    build_document,
    cap_document,
    is_caption,
    is_field,
    is_label,
    is_lead_in,
    sentence_cap,
    split_headline,
    summarize,
    summarize_document,
)
from store.articles import get_article
from store.summaries import save_summary

TOKENIZER = Tokenizer()
NOW = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)


def build_document_of(*paragraphs):
    """sumy's model straight from sentences; a string starting with '# ' is a heading."""
    return ObjectDocumentModel(
        Paragraph(
            Sentence(s[2:], TOKENIZER, is_heading=True) if s.startswith("# ") else Sentence(s, TOKENIZER)
            for s in paragraph
        )
        for paragraph in paragraphs
    )


WAR = [
    "Russia launched a new offensive in eastern Ukraine on Monday.",
    "The offensive in eastern Ukraine involved thousands of Russian troops.",
    "Ukraine said its troops held the line against the Russian offensive.",
    "Officials in Kyiv said the offensive was the largest this year in Ukraine.",
]
OFF_TOPIC = "Meanwhile a bakery in Lyon won a prize for its croissants."


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_returns_article_sentences_in_article_order(algorithm):
    document = build_document_of([*WAR[:2], OFF_TOPIC], WAR[2:])
    summary = summarize_document(document, sentences=2, algorithm=algorithm)
    order = [str(s) for s in document.sentences]
    assert len(summary) == 2
    assert all(s in order for s in summary)
    assert [order.index(s) for s in summary] == sorted(order.index(s) for s in summary)


@pytest.mark.parametrize("algorithm", ["default", "luhn", "lsa"])
def test_five_sentences_but_the_off_topic_one_never_wins(algorithm):
    document = build_document_of(WAR[:2], [OFF_TOPIC], WAR[2:])
    assert OFF_TOPIC not in summarize_document(document, sentences=3, algorithm=algorithm)


def test_sumys_textrank_lets_an_isolated_sentence_win_and_the_default_does_not():
    # the self-loop of a sentence that shares no word with the others is an absorbing state
    document = build_document_of(WAR[:2], [OFF_TOPIC], WAR[2:])
    assert OFF_TOPIC in summarize_document(document, sentences=3, algorithm="textrank")
    assert OFF_TOPIC not in summarize_document(document, sentences=3, algorithm="default")


def test_headings_are_never_summary_sentences():
    document = build_document_of(["# Russia launches offensive in Ukraine", *WAR], ["# Ukraine offensive"])
    summary = summarize_document(document, sentences=10)
    assert summary == tuple(WAR)


def test_an_empty_document_has_an_empty_summary():
    assert summarize_document(build_document_of([]), sentences=3) == ()
    assert summarize("") == ()
    assert summarize("Just A Label\n\nAnother Label") == ()


def test_unknown_algorithm_is_refused_with_the_choices():
    with pytest.raises(UnknownAlgorithmError, match="textrank"):
        summarize("Some text here.", algorithm="magic")


def test_the_title_and_labels_become_headings_and_captions_are_dropped():
    body = "\n".join(
        [
            "Russia-Ukraine War",
            WAR[0],
            "Russia's President Vladimir Putin (L) and Kim Jong Un (R) meet © Vladimir Smirnov/POOL/TASS",
            "Photo: Reuters",
            WAR[1],
            "Intensifying Conflict",
            WAR[2],
        ]
    )
    document = build_document(body, title="Russia attacks")
    assert [str(h) for h in document.headings] == [
        "Russia attacks",
        "Russia-Ukraine War",
        "Intensifying Conflict",
    ]
    assert [str(s) for s in document.sentences] == WAR[:3]


def test_a_paragraph_printed_twice_is_page_furniture():
    caption = "US Secretary of State Antony Blinken talks to the press at Nato headquarters on Wednesday."
    body = "\n\n".join([caption, caption, WAR[0], WAR[1]])
    assert [str(s) for s in build_document(body).sentences] == WAR[:2]


def test_a_wire_dateline_is_no_part_of_a_summary_sentence():
    body = f"KYIV, Ukraine (AP) — {WAR[0]} {WAR[1]}\nWASHINGTON — {WAR[2]}"
    assert [str(s) for s in build_document(body).sentences] == WAR[:3]


def test_a_sentence_repeated_inside_paragraphs_is_kept_once():
    body = f"{WAR[0]} {WAR[1]}\n{WAR[0]} {WAR[2]}"
    assert [str(s) for s in build_document(body).sentences] == WAR[:3]


def test_the_title_repeated_in_the_body_is_not_a_sentence():
    body = f"Russia attacks\n{WAR[0]}"
    assert [str(s) for s in build_document(body, title="Russia attacks").sentences] == [WAR[0]]


DECK = (
    "Killer whales able to copy words such as ‘hello’ and ‘bye bye’ as well as sounds from other orcas, "
    "study shows, in research that tested a captive orca in France"
)


def test_a_standfirst_without_final_punctuation_is_a_heading_whatever_its_length():
    """QA17d F8: shown as a summary sentence, it read as a heading or ran into the next sentence."""
    document = build_document("\n\n".join([DECK, WAR[0], WAR[1]]), title="Orcas can imitate speech")
    assert [str(h) for h in document.headings] == ["Orcas can imitate speech", DECK]
    assert [str(s) for s in document.sentences] == WAR[:2]
    assert DECK not in summarize("\n\n".join([DECK, WAR[0], WAR[1], WAR[2]]), sentences=3)


def test_a_standfirst_is_the_first_paragraph_only_and_needs_a_punctuated_lead_after_it():
    # with its full stop it is a sentence like any other
    assert DECK + "." in [str(s) for s in build_document("\n\n".join([DECK + ".", WAR[0]])).sentences]
    # further down, a long line that lost its full stop is still prose
    assert DECK in [str(s) for s in build_document("\n\n".join([WAR[0], DECK, WAR[1]])).sentences]
    # a lead ending on a web address is no standfirst
    lead = f"{WAR[0]} Read the full report at https://example.org/reports/ukraine-offensive-2024"
    assert WAR[0] in [str(s) for s in build_document("\n\n".join([lead, WAR[1]])).sentences]
    # with no punctuated prose after it, it is all the text there is (a podcast's one-line description)
    assert summarize("\n\n".join([DECK, "Subscribe"])) == (DECK,)


def test_a_long_caption_over_a_photo_credit_is_no_sentence():
    caption = (
        "Republican presidential nominee Donald Trump has sworn to cut back foreign spending on aid and "
        "arms, which would affect Ukraine’s war efforts against Russia"
    )
    body = "\n\n".join([WAR[0], caption, "© Shannon Stapleton/REUTERS", WAR[1]])
    assert [str(s) for s in build_document(body).sentences] == WAR[:2]
    assert [str(h) for h in build_document(body).headings] == []


@pytest.mark.parametrize(
    "line, label",
    [
        ("Intensifying Conflict", True),
        ("Published: Wed 13 Nov 2024, 6:19 PM", True),
        ("The plan outlined by Kellogg includes:", True),
        ("NATO has yet to respond to the idea.", False),
        ("“Only NATO membership could offer that kind of guarantee,” he said.", False),
        ("Where is this going?", False),
        (" ".join(["word"] * 30), False),  # a long line that lost its full stop is still prose
        ("The minister resigned after a vote. Her party lost seats on Sunday", False),  # two sentences
        ("Lt. Gen. Keith Kellogg meets Zelensky in Kyiv", True),  # abbreviations end no sentence
    ],
)
def test_labels_are_short_lines_without_final_punctuation(line, label):
    assert is_label(line) is label


@pytest.mark.parametrize(
    "line, caption",
    [
        ("Putin (L) and Kim (R) at the summit", True),
        ("Kyiv after the strike © AFP", True),
        ("Photo credit: www.bbc.com", True),
        ("Image caption: Rescue workers in Dnipro", True),
        ("Putin said the photo op was staged.", False),
        ("Rep. Jane Doe (R) said the bill would pass.", False),
        ("Zelenskyy (C) with soldiers near Bakhmut", True),
        ("The treaty was signed in Moscow.", False),
    ],
)
def test_captions_are_recognised_by_their_credits(line, caption):
    assert is_caption(line) is caption


@pytest.mark.parametrize(
    "text, headline",
    [
        ("Ad sales boost Time Warner profit\n\nQuarterly profits rose.", "Ad sales boost Time Warner profit"),
        ("\ufeffTitle Line\r\n\r\nBody text here.", "Title Line"),
        ("Quarterly profits rose.\n\nMore text.", ""),
        ("Title Line\nBody text right after.", ""),
        ("Only one line", ""),
    ],
)
def test_a_headline_is_a_first_line_without_final_punctuation_and_a_blank_line(text, headline):
    title, body = split_headline(text)
    assert title == headline
    assert ("Body" in body or "profits" in body or body == text) and headline not in body.split("\n")[0:1]


def test_cap_document_keeps_the_first_sentences_and_their_headings():
    document = build_document_of(["# Head", "A one.", "A two."], ["# Mid", "B one.", "B two."], ["C one."])
    capped = cap_document(document, 3)
    assert [str(s) for s in capped.sentences] == ["A one.", "A two.", "B one."]
    assert [str(h) for h in capped.headings] == ["Head", "Mid"]
    assert cap_document(document, 10) is document


def test_a_huge_input_is_read_only_up_to_the_cap():
    body = " ".join(f"Sentence {i} is about the war in Ukraine and peace talks." for i in range(10_000))
    assert len(build_document(body, limit=400).sentences) == 400
    summary = summarize(body, max_sentences=50)
    assert len(summary) == 3
    # only the first 50 sentences were candidates
    assert all(int(s.split()[1]) < 50 for s in summary)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_sees_at_most_its_cap(algorithm):
    body = "\n".join(f"Report {i} says troops and talks and peace in Ukraine matter." for i in range(300))
    summary = summarize(body, algorithm=algorithm, max_sentences=40)
    cap = sentence_cap(algorithm, 40)
    assert cap <= 40
    assert summary and all(int(s.split()[1]) < cap for s in summary)


def test_kl_which_is_cubic_sees_a_quarter_of_the_cap():
    assert sentence_cap("kl", 400) == 100
    assert sentence_cap("lexrank", 400) == sentence_cap("default", 400) == 400


def test_a_word_budget_gives_exactly_that_many_words_when_the_text_has_them():
    document = build_document_of(WAR, [OFF_TOPIC])
    summary = summarize_document(document, words=20)
    assert sum(len(s.split()) for s in summary) == 20
    assert summarize_document(document, words=1000) == tuple(str(s) for s in document.sentences)


def test_the_matrix_textrank_rates_exactly_as_sumys_textrank():
    document = build_document_of(WAR, [OFF_TOPIC, "Short.", "Ukraine."])
    ours, theirs = MatrixTextRankSummarizer(stemmer()), TextRankSummarizer(stemmer())
    ours.stop_words = theirs.stop_words = stop_words()
    a, b = ours.rate_sentences(document), theirs.rate_sentences(document)
    assert a.keys() == b.keys()
    assert all(a[s] == pytest.approx(b[s]) for s in a)


def test_the_default_is_textrank_without_self_loops():
    summarizer = build_summarizer("default")
    assert isinstance(summarizer, NewsTextRankSummarizer)
    assert isinstance(summarizer, LooplessTextRankSummarizer)
    matrix = summarizer.matrix_of([["ukrain", "war"], ["ukrain", "troop"], ["croissant"]])
    damping_floor = (1 - summarizer.damping) / 3
    assert matrix.diagonal() == pytest.approx([damping_floor] * 3)
    # a sentence linked to nothing jumps anywhere else, like a dangling page in PageRank
    assert matrix[2, :2].sum() == pytest.approx(1 - damping_floor, abs=1e-6)
    assert matrix.sum(axis=1) == pytest.approx([1.0] * 3, abs=1e-6)


def test_summaries_need_no_nltk_data(monkeypatch, tmp_path):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    for algorithm in ALGORITHMS:
        assert summarize(" ".join(WAR), algorithm=algorithm, sentences=2)


def test_enrichment_stores_the_summary_with_the_configured_length(app):
    article = insert_article(app.db, title="Russia attacks", body="\n".join([*WAR, OFF_TOPIC]), when=NOW)
    enrich_article(app, article)
    stored = get_article(app.db, article.id).summary
    assert len(stored) == app.settings.summary_sentences == 3
    assert all(s in WAR for s in stored)


def test_a_stored_summary_reads_back_sentence_for_sentence(db):
    article = insert_article(db, title="T", body="B.", when=NOW)
    save_summary(db, article.id, ["One\nsentence  here.", "", "Two."])
    assert get_article(db, article.id).summary == ("One sentence here.", "Two.")


@pytest.mark.parametrize(
    "line",
    [
        "„Das Werk bleibt offen“, sagte Betriebsrat Jonas Keller. „Darauf haben wir uns geeinigt.“",
        "Die Sprecherin sagte: »Die Brücke ist wieder frei.«",
        "Er nannte es ‚unfair.‘",
        "« La ligne rouvrira lundi », a indiqué la préfète Claire Roux. « Les bus restent en service. »",
        "Elle a dit : « C'est fini. »",
        "「工事は予定通り終わった」と市長は語った。「来月から通行できる」",
    ],
)
def test_a_paragraph_closing_on_a_german_french_or_japanese_quotation_is_prose(line):
    assert not is_label(line)


@pytest.mark.parametrize("line", ["Bürgermeister: „Wir bauen neu“", "Grève : « non »", "市長「来月再開」"])
def test_a_headline_quoting_someone_is_still_a_label(line):
    assert is_label(line)


def test_german_and_french_quotations_reach_the_summary():
    german = (
        "Die Fähre nach Sylt fährt wieder.\n\n„Der Schaden ist behoben“, sagte Kapitän Ole Jensen. "
        "„Wir fahren ab Montag nach Plan.“"
    )
    french = (
        "Le bac pour l'île d'Yeu reprend du service.\n\n« La panne est réparée », a dit le capitaine Luc "
        "Morel. « Nous partons lundi. »"
    )
    assert summarize(german, sentences=5)[1:] == (
        "„Der Schaden ist behoben“, sagte Kapitän Ole Jensen.",
        "„Wir fahren ab Montag nach Plan.“",
    )
    assert summarize(french, sentences=5)[1:] == (
        "« La panne est réparée », a dit le capitaine Luc Morel.",
        "« Nous partons lundi. »",
    )


FLOOD_TITLE = "Floods cut rail line between Lyon and Grenoble"
FLOOD_LEAD = (
    "Floods cut the rail line between Lyon and Grenoble on Tuesday, stranding about 3,000 passengers, "
    "the operator SNCF said."
)
FLOOD = (
    f"LYON — {FLOOD_LEAD}\n\n"
    "The mayor of Voiron opened two gymnasiums for the night. "
    '"We have blankets and hot soup for everyone," the mayor said.\n\n'
    "Forecasters expect more rain in the Isère valley on Wednesday, the mayor said.\n"
)


def test_a_short_articles_lead_that_repeats_the_headline_comes_first():
    # the lead shares its words with the headline, hardly with the body: plain TextRank leaves it out
    lead = FLOOD_LEAD
    document = build_document(FLOOD, title=FLOOD_TITLE)
    loopless = LooplessTextRankSummarizer(stemmer())
    loopless.stop_words = stop_words()
    assert lead not in [str(s) for s in loopless(document, 3)]
    assert summarize(FLOOD, title=FLOOD_TITLE, sentences=3)[0] == lead
    assert summarize(FLOOD, title=FLOOD_TITLE, sentences=1) == (lead,)
    assert summarize(FLOOD, title=FLOOD_TITLE, words=30)[0] == lead


def test_the_lead_rule_needs_a_headline_it_repeats_and_a_short_article():
    summarizer = build_summarizer("default")
    assert summarizer.is_lead(build_document(FLOOD, title=FLOOD_TITLE))
    assert not summarizer.is_lead(build_document(FLOOD))  # no headline
    assert not summarizer.is_lead(build_document(FLOOD, title="Voiron opens gymnasiums"))
    # another sentence repeats the headline as much: the lead is not told apart
    echo = FLOOD + "\nFloods cut the rail line between Lyon and Grenoble twice last winter.\n"
    assert not summarizer.is_lead(build_document(echo, title=FLOOD_TITLE))
    # a long article: centrality over many sentences is trusted
    longer = FLOOD + "".join(
        f"\nVoiron family {k} slept in the gymnasium, the mayor said.\n" for k in range(8)
    )
    assert not summarizer.is_lead(build_document(longer, title=FLOOD_TITLE))


@pytest.mark.parametrize(
    "line",
    [
        "Residents who want to comment on the plan before the council votes have several options:",
        "In a statement released late on Tuesday evening, the ferry company said:",
        "“The harbour will stay closed,” the harbour master wrote in a message to skippers:",
    ],
)
def test_a_sentence_ending_on_a_colon_is_a_lead_in(line):
    assert is_lead_in(line)


@pytest.mark.parametrize(
    "line",
    ["The ferry will sail at 10:30.", "Don't worry, the repairs should take about an hour :)", "Ratio 3:1"],
)
def test_a_time_a_smiley_or_a_ratio_is_no_lead_in(line):
    assert not is_lead_in(line)


FERRY = (
    "The ferry company cancelled every crossing to the islands on Tuesday as a storm closed the harbour.\n\n"
    "Islanders who need to reach the mainland for a hospital visit have several other ways to travel, "
    "which the company listed on its website:\n\n"
    "- a seat on the coastguard's daily supply flight, booked through the island council's office at "
    "the harbour\n"
    "- the fishing co-operative's boat, which sails when the wind drops below gale force and carries up to "
    "twelve passengers\n"
    "2. Taxis from the mainland airport, which the company pays for when a crossing is cancelled and the "
    "traveller shows a ticket\n\n"
    "In a statement released late on Tuesday evening, the ferry company said:\n\n"
    "“We expect to sail again on Thursday morning once the storm has passed the islands.”\n\n"
    "The harbour master said the storm was the worst to reach the islands in ten years.\n"
)


@pytest.mark.parametrize("algorithm", ["default", "lead", "lexrank"])
def test_a_lead_in_and_the_fragments_of_its_list_are_no_summary_sentences(algorithm):
    """A sentence ending on ":" introduces a list, a quotation or code: alone it promises what the summary
    does not show. The list's items without final punctuation are fragments, however long, with their
    markers ("- ", "2. ") or without (a web page's list); a number split from its item is none either."""
    document = build_document(FERRY, title="Storm closes harbour")
    sentences = [str(s) for s in document.sentences]
    assert sentences == [
        "The ferry company cancelled every crossing to the islands on Tuesday as a storm closed the harbour.",
        "“We expect to sail again on Thursday morning once the storm has passed the islands.”",
        "The harbour master said the storm was the worst to reach the islands in ten years.",
    ]
    assert summarize(FERRY, sentences=5, algorithm=algorithm) == tuple(sentences)
    web_page = FERRY.replace("- ", "").replace("2. ", "")  # an HTML list's items, their bullets gone
    assert [str(s) for s in build_document(web_page).sentences] == sentences


def test_a_list_item_that_is_a_sentence_stays_one_and_a_list_ends_at_a_finished_paragraph():
    body = (
        "The council set out its budget for the coming year on Monday:\n\n"
        "1. Bus fares will be frozen for pupils and pensioners until the end of next year.\n"
        "2. higher taxes on tobacco and on sugary drinks sold in the city's shops, cafes and restaurants\n\n"
        "The council will vote on the budget next week after a public consultation.\n\n"
        "Opposition councillors said the plan did far too little for the north of the city and for its "
        "schools and libraries\n\n"
        "The mayor said the budget would balance the books by 2027.\n"
    )
    assert [str(s) for s in build_document(body).sentences] == [
        "Bus fares will be frozen for pupils and pensioners until the end of next year.",
        "The council will vote on the budget next week after a public consultation.",
        "Opposition councillors said the plan did far too little for the north of the city and for its "
        "schools and libraries",
        "The mayor said the budget would balance the books by 2027.",
    ]


@pytest.mark.parametrize("algorithm", ["default", "lead", "lexrank"])
def test_code_citations_and_bare_addresses_are_never_summary_sentences(algorithm):
    body = (
        'uint64_t t = dispatch_benchmark(iterations, ^{ [mutableArray addObject:x]; }); NSLog(@"%d", t);\n'
        "Benchmarking the array shows that adding objects costs a few nanoseconds each on a modern phone.\n"
        'curl -X GET "https://nshipster.com/benchmarking" -H "Accept: text/html"\n'
        "(0:27) Source: “Schedule 13G/A for Square Inc.” Securities and Exchange Commission, February 2017.\n"
        "Visual Capitalist, August 2017. http://bit.ly/2hoewDI “What Happens in an Internet Minute?”\n"
        "http://bit.ly/2hoewDI\n"
        "A developer who measures the array can reason about the performance of the code that uses it.\n"
    )
    chosen = summarize(body, title="Benchmarking", sentences=5, algorithm=algorithm)
    assert chosen == (
        "Benchmarking the array shows that adding objects costs a few nanoseconds each on a modern phone.",
        "A developer who measures the array can reason about the performance of the code that uses it.",
    )


def test_sentences_sharing_no_word_are_summarized_by_lexrank_without_a_warning():
    # pytest turns warnings into errors: numpy's "invalid value encountered in divide" would fail this
    body = "The minister resigned on Monday after losing a vote. Coalition partners walked out of talks."
    assert summarize(body, algorithm="lexrank", sentences=1)


def test_lsa_on_fewer_words_than_sentences_prints_no_warning_and_gives_the_first_sentences():
    # sumy's LSA warns "Number of words (1) is lower than number of sentences (3)" on the user's stderr;
    # pytest turns that warning into an error
    assert summarize("Rain. Rain again. Rain.", algorithm="lsa", sentences=2) == ("Rain.", "Rain again.")


def test_lsa_on_a_real_text_is_sumys_own():
    from sumy.summarizers.lsa import LsaSummarizer

    document = build_document_of([*WAR[:2], OFF_TOPIC], WAR[2:])
    sumys = LsaSummarizer(stemmer())
    sumys.stop_words = stop_words()
    assert summarize_document(document, sentences=2, algorithm="lsa") == tuple(
        str(s) for s in sumys(document, 2)
    )


HEADPHONES = (
    "Lumo Audio has launched the Arc, a pair of wireless headphones aimed at commuters who want quiet on "
    "crowded trains.\n\n"
    "The Arc cancels noise with six microphones and adjusts to the wearer's ears after a short test tone.\n\n"
    "Price: $499.\n\n"
    "Availability: from March. Battery: 30 hours.\n\n"
    "Lumo says the headphones will be sold in its own shops first and in electronics chains later in the "
    "year.\n\n"
    "Update: Lumo has delayed the launch in Norway.\n"
)


@pytest.mark.parametrize("algorithm", ["default", "lead"])
def test_the_fields_of_a_list_of_labelled_values_are_no_summary_sentences(algorithm):
    """A fact sheet's line ("Price: $499." next to "Availability: from March.") is no sentence; a labelled
    sentence alone ("Update: ...") and a speaker's words after "said:" stay sentences."""
    sentences = [str(s) for s in build_document(HEADPHONES).sentences]
    assert not {"Price: $499.", "Availability: from March.", "Battery: 30 hours."} & set(sentences)
    assert "Update: Lumo has delayed the launch in Norway." in sentences
    assert len(summarize(HEADPHONES, sentences=5, algorithm=algorithm)) == 4
    assert is_field("Subs not used: Weaver, Onuoha, Flood.")
    assert not is_field("He said: the plan works.")
    assert not is_field('Mr Letwin said: "This is a very murky area."')
    assert not is_field(
        "Bridget Jones: The Edge of Reason was named Evening Standard Readers' Film of 2004 at the central "
        "London ceremony on Sunday night."
    )


@pytest.mark.parametrize(
    "title, body, expected",
    [
        (
            "Storm hits coast",
            "Storm hits coast.\n\nA storm hit the coast on Monday. Thousands lost power.",
            ("A storm hit the coast on Monday.", "Thousands lost power."),
        ),
        (
            "FERRY STRIKE HALTS CROSSINGS TO THE ISLANDS",
            "Ferry strike halts crossings to the islands! Crews walked out at dawn. Talks resume on Friday.",
            ("Crews walked out at dawn.", "Talks resume on Friday."),
        ),
    ],
)
def test_the_title_told_again_as_a_sentence_is_no_summary_sentence(title, body, expected):
    assert summarize(body, title=title, algorithm="lead") == expected


def test_an_articles_one_sentence_is_its_summary_though_it_is_its_title():
    body = "The minister resigned on Tuesday after a week of protests."
    assert summarize(body, title="The minister resigned on Tuesday after a week of protests") == (body,)
