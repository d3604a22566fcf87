"""Ranking articles against a topic's words, without FTS5's bm25()."""

from briefing.relevance import stem, topic_relevance


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


def test_no_words_or_no_texts():
    assert topic_relevance([], {1: ("a", "b")}) == {1: (False, 0.0)}
    assert topic_relevance(["grain"], {}) == {}
