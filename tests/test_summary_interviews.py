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


# an explainer: question subheads over prose, its first-person words quoted and attributed (qa24 F1/F3)
EXPLAINER = (
    "Water bills: what you need to know\n\n"
    "Households in Wales will pay 8% more for water from April, the regulator Ofwat announced on "
    "Thursday, after talks with Environment Secretary Huw Irranca broke down.\n\n"
    "Why are bills rising?\n\n"
    'Ofwat says pipes need 2 billion pounds of repairs. "We have been left with no choice," said '
    "Sian Morgan, its chief executive.\n\n"
    "What will happen to poorer households?\n\n"
    'Welsh Water said a social tariff would continue. "We are asking customers to call us early," '
    "said its director, Gareth Price.\n\n"
    "What happens next?\n\n"
    "The new bills will be posted in March, the company said.\n"
)


def test_an_explainers_question_subheads_give_no_speaker_and_suppress_nothing():
    told = _all(EXPLAINER)
    assert not any(s.startswith(("Huw Irranca:", "Sian Morgan:", "Gareth Price:")) for s in told)
    # the fact paragraphs with first-person quotes are told, each quote with its own speaker
    assert "Ofwat says pipes need 2 billion pounds of repairs." in told
    assert "Welsh Water said a social tariff would continue." in told
    assert any(
        s.startswith('"We are asking customers') and s.endswith("said its director, Gareth Price.")
        for s in told
    )
    assert len(summarize(EXPLAINER, sentences=3, algorithm="lead")) == 3


def test_an_attributed_quote_after_a_question_is_its_speakers_not_the_intros_person():
    body = (
        "Why are rents rising so fast?\n\n"
        "Council leader Ruth Okafor blamed a shortage of homes on Tuesday, as rents rose 9% in a year.\n\n"
        "So who is to blame?\n\n"
        '"I think landlords are taking advantage," said tenant Pedro Alves, who pays 1,400 a month.\n\n'
        "Is there a fix?\n\n"
        '"We need to build 5,000 homes a year," said housing expert Dr. Lena Fischer.\n\n'
        "The council will publish its housing plan in March.\n"
    )
    told = _all(body)
    assert not any("Ruth Okafor:" in s for s in told)
    assert '"We need to build 5,000 homes a year," said housing expert Dr. Lena Fischer.' in told


def test_the_reporters_own_first_person_is_no_interviewees_answer():
    body = (
        "Bus fares to rise\n\n"
        "Transport minister Karen Dahl announced a 5% rise in bus fares on Wednesday.\n\n"
        "Will passengers pay more?\n\n"
        "I asked a commuter at the central station, who said she would.\n\n"
        "What do unions say?\n\n"
        "I spoke to the drivers' union, which said the rise was unfair.\n\n"
        "The rise takes effect in March.\n"
    )
    told = _all(body)
    assert not any("Karen Dahl:" in s for s in told)
    assert "I spoke to the drivers' union, which said the rise was unfair." in told
