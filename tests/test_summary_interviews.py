"""Interviews: an interviewer's questions are no summary sentences, and an answer is told with its
speaker, whole, in "Q:"/"A:" layout and in questions and answers set as paragraphs; an answer whose
speaker no paragraph names is not told as the outlet's own words."""

from briefing.summary import summarize

INTRO = (
    "Ferry Strike Talks\n\n"
    "Ferries to the islands have not sailed for nine days, leaving hundreds of residents without "
    "supplies. We talked to harbour master Ingrid Solberg about the dispute.\n\n"
)
LABELLED = INTRO + (
    "Q: When will the ferries sail again?\n"
    "A: Not before Monday. The crews want a written offer first.\n\n"
    "Q: Will ticket prices rise?\n"
    "A: No. Prices are fixed by the county until 2028.\n\n"
    "Q: What about the islanders?\n"
    "A: I am sorry for them. A supply boat will leave on Saturday with food and medicine.\n"
)
PLAIN = INTRO + (
    "When will the ferries sail again?\n"
    "Not before Monday, I think. We want the crews back at work as soon as possible.\n\n"
    "Will ticket prices rise?\n"
    "No. Our prices are fixed by the county until 2028.\n\n"
    "What about the islanders?\n"
    "I am sorry for them. We will send a supply boat on Saturday with food and medicine.\n"
)


def _all(body: str) -> tuple[str, ...]:
    return summarize(body, sentences=20, algorithm="lead")


def test_questions_are_no_summary_sentences_and_answers_keep_their_speaker():
    for body in (LABELLED, PLAIN):
        told = _all(body)
        assert not any(s.rstrip().endswith("?") for s in told)
        answers = [s for s in told if "2028" in s or "Saturday" in s or "Monday" in s]
        assert len(answers) == 3
        assert all(s.startswith("Ingrid Solberg: ") for s in answers)
        for algorithm in ("default", "lexrank"):
            assert not any(s.endswith("?") for s in summarize(body, sentences=3, algorithm=algorithm))
    # the answer's first sentence is no field ("A: No."): it is told with the rest
    assert "Ingrid Solberg: No. Prices are fixed by the county until 2028." in _all(LABELLED)


def test_answers_without_a_named_speaker_are_not_told_as_the_outlets_words():
    body = LABELLED.replace("We talked to harbour master Ingrid Solberg about the dispute.", "")
    told = _all(body)
    assert not any("2028" in s or "sorry" in s for s in told)
    assert any("Ferries to the islands" in s for s in told)


def test_a_question_of_the_writer_before_prose_attributes_nothing():
    body = (
        "Port fees\n\n"
        "The council raised port fees by 12% on Tuesday, the second rise this year.\n\n"
        "What does that mean for fishermen?\n"
        "Boats under ten metres will pay about 300 kroner more a month, the council said.\n"
    )
    told = _all(body)
    assert "What does that mean for fishermen?" not in told
    assert "Boats under ten metres will pay about 300 kroner more a month, the council said." in told
