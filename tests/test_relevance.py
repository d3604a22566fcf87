"""Ranking articles against a topic's words, without FTS5's bm25()."""

from briefing.relevance import APART, NEAR, PHRASE, closeness, holding, stem, topic_relevance, written_words


def test_words_are_stemmed_as_the_porter_tokenizer_does():
    assert [stem(w) for w in ("Talks", "talking", "Ukraine's", "Zelenskyy")] == [
        "talk",
        "talk",
        "ukrain",
        "zelenskyi",
    ]


def test_the_title_decides_first_and_more_mentions_score_higher():
    texts = {
        1: ("Grain talks resume in Istanbul", "Grain exporters met. The grain corridor talks went on."),
        2: ("Markets today", "Prices rose. Talks on grain were mentioned once."),
        3: ("Weather", "Sunny skies all week."),
    }
    scores = topic_relevance(["grain", "talks"], texts)
    assert [scores[k][0] for k in (1, 2, 3)] == [True, False, False]
    assert scores[1][1] > scores[2][1] > scores[3][1] == 0.0


def test_a_word_found_only_inside_another_word_does_not_count():
    scores = topic_relevance(
        ["US"], {1: ("Useful tips", "Users used the tool."), 2: ("US talks", "The US said.")}
    )
    assert scores[1] == (False, 0.0) and scores[2][0] and scores[2][1] > 0
    # at the start of a text and after a quote, a word; after a letter, a digit or "_", inside one
    texts = {1: ("Kellogg", "x"), 2: ("x", "“Kellogg”"), 3: ("x", "McKellogg 3Kellogg _Kellogg")}
    scores = topic_relevance(["Kellogg"], texts)
    assert scores[1][0] and scores[2][1] > 0 and scores[3] == (False, 0.0)


def test_no_words_or_no_texts():
    assert topic_relevance([], {1: ("a", "b")}) == {1: (False, 0.0)}
    assert topic_relevance(["grain"], {}) == {}


def test_a_topic_of_several_words_is_held_as_a_phrase_near_or_apart():
    texts = {
        1: ("Late-night hosts on State of the Union", "Hosts mocked the speech."),
        2: ("Ukraine talks", "The Christian Democratic Union said so. Member states disagreed."),
        3: ("Budget", "The union of state teachers said no."),
        4: ("Speech", "Trump's State-of-the-Union address ran long."),
    }
    tiers = closeness(["State", "of", "the", "Union"], ["State", "Union"], texts)
    assert tiers == {1: PHRASE, 2: APART, 3: NEAR, 4: PHRASE}
    split = {1: ("x", "They promised. Unity came later."), 2: ("x", "They promised, unity or not.")}
    assert closeness(["promised", "unity"], ["promised", "unity"], split) == {1: NEAR, 2: NEAR}


def test_a_phrase_word_may_take_an_ending_but_is_no_other_word_of_its_stem():
    texts = {1: ("x", "They promised unity."), 2: ("x", "Lords of Shadow"), 3: ("x", "AT&T sues.")}
    assert closeness(["promise", "unity"], ["promise", "unity"], texts)[1] == PHRASE
    assert closeness(["Lorde", "of"], ["Lorde"], texts)[2] == APART
    assert closeness(["AT", "T"], ["AT", "T"], texts)[3] == PHRASE


def test_words_a_search_matches_as_written():
    assert [p.pattern for p in written_words("lorde")] == []  # lower case: any word of its stem
    assert written_words("UN") == [] and written_words("Lorde Grammys") == []
    texts = {
        1: ("Lorde's advert", ""),
        2: ("Lords of Shadow", ""),
        3: ("", "C++11 and AT & T"),
        4: ("C&A", ""),
    }
    assert holding(texts, written_words("Lorde")) == [1]
    assert holding(texts, written_words("Lord")) == [2]
    assert holding(texts, written_words("C++")) == [3] and holding(texts, written_words("AT&T")) == [3]
    assert holding(texts, written_words("Zelenskyy", ["Zelensky"])) == []
    assert holding({5: ("Zelensky speaks", "")}, written_words("Zelenskyy", ["Zelensky"])) == [5]
    accents = {1: ("Zürich votes", ""), 2: ("", "In Zurich, Kukuła spoke.")}
    assert holding(accents, written_words("Zurich")) == [1, 2] == holding(accents, written_words("Zürich"))
    assert holding(accents, written_words("Kukula")) == [2]


def test_a_word_the_stemmer_would_cut_to_another_word_is_matched_with_its_own_ending():
    """Porter reads "wellness" as "well", "useful" as "us", "capitalism" as "capital": such a word must
    be written with its ending (a plural or verb ending may follow); other words keep their stems."""
    texts = {
        1: ("Wellness calendar", ""),
        2: ("", "Talks went well, as well as expected."),
        3: ("", "Two wellnesses compared."),
        4: ("", "Tips that helped us."),
        5: ("", "Useful tips."),
        6: ("", "Capital gains and capitalism."),
    }
    assert holding(texts, written_words("wellness")) == [1, 3]
    assert holding(texts, written_words("useful tips")) == [5]
    assert holding(texts, written_words("capitalism")) == [6]
    assert written_words("tourism") == [] and written_words("well") == [] and written_words("tips") == []
    assert len(written_words("AT&T wellness")) == 2  # beside a word with symbols too


def test_a_word_of_an_ending_of_its_own_finds_its_other_forms():
    """A plural finds the singular and the other way round, "-ful" finds "-fully": only the bare stem
    ("busy", "care") is left out."""
    texts = {
        1: ("", "One business."),
        2: ("", "Two businesses."),
        3: ("", "Done carefully."),
        4: ("", "Be careful."),
        5: ("", "A busy day; take care."),
        6: ("", "Many criticisms."),
    }
    assert holding(texts, written_words("businesses")) == [1, 2] == holding(texts, written_words("business"))
    assert holding(texts, written_words("careful")) == [3, 4]
    assert holding(texts, written_words("criticism")) == [6]


def test_a_word_stands_alone_at_the_start_after_a_symbol_or_an_underscore_not_after_a_letter_or_digit():
    """The word patterns ask for no letter before the word after matching it (a speed-up): the same
    words count as before, at the very start of a text too."""
    texts = {
        1: ("Kellogg visits", ""),
        2: ("", "“Kellogg” and _Kellogg_ met"),
        3: ("", "McKellogg met; 3Kellogg too"),
        4: ("", "ÉKellogg met"),
        5: ("", "the two kelloggs"),
    }
    assert holding(texts, written_words("Kellogg")) == [1, 2, 5]
    tiers = closeness(
        ["Keith", "Kellogg"], ["Keith", "Kellogg"], {1: ("Keith Kellogg", ""), 2: ("", "AKeith Kellogg")}
    )
    assert tiers == {1: PHRASE, 2: APART}
