"""What ties an article to another event's story without telling that event stays out of it.

A follow-up names the event it follows, and so may an article with news of its own: a dock strike "a day
after a fire destroyed a grain warehouse at the port" (qa28) tells the fire as what came before the
strike, as a match "postponed after Storm Bert killed five" did the storm (qa30 F2). And an official
quoted on two events is no sign that they are one: "Prime Minister Narendra Modi promised federal help"
after the floods in Kerala and after a landslide in Tamil Nadu (qa30 F8). Each is checked with the
follow-up that must still join.
"""

from article_rows import enrich_sentences as ingest

from briefing.service.stories import recluster

FIRE = (
    "Fire destroys warehouse at Beira port",
    (
        "A fire destroyed a grain warehouse at Beira port on Sunday night, the port authority said.",
        "No one was hurt, but 4,000 tonnes of maize were lost.",
        "Firefighters took six hours to put out the blaze.",
    ),
    "coastwire.example",
    0,
)
STRIKE = (  # the next day, the same port, and the fire as what came before the strike
    "Dock workers strike at Beira port",
    (
        "Dock workers at Beira port walked out on Monday over unpaid wages, their union said.",
        "Ships queued outside the harbour.",
        "The strike comes a day after a fire destroyed a grain warehouse at the port.",
    ),
    "eastafrican.example",
    10,
)
CAUSE = (  # the fire's follow-up
    "Investigators blame wiring for Beira port warehouse fire",
    (
        "Investigators said on Monday that faulty wiring caused the fire that destroyed a grain warehouse at "
        "Beira port on Sunday.",
        "The port authority said 4,000 tonnes of maize were lost.",
    ),
    "eastafrican.example",
    12,
)
REOPENED = (  # the fire's follow-up, the fire in "after ..." and the title
    "Beira port reopens after warehouse fire",
    (
        "Beira port reopened on Tuesday, two days after a fire destroyed a grain warehouse there, the port "
        "authority said.",
        "Ships began unloading again at the berths next to the burnt-out warehouse.",
    ),
    "coastwire.example",
    30,
)


def _stories(app, *articles):
    return [ingest(app, *article).story_id for article in articles]


def test_a_strike_a_day_after_a_fire_is_not_the_fires_story(app):
    """qa28: the strike joined the fire's story on the fire's words of its last sentence ("a fire
    destroyed a grain warehouse at the port"), the town and "port". Words an article tells only in a clause
    of what came before its news ("after ...", "because ...") are no words of its event; the fire's
    follow-ups, which tell it as their news or in their title, still join."""
    fire, strike, cause, reopened = _stories(app, FIRE, STRIKE, CAUSE, REOPENED)
    assert fire == cause == reopened != strike


def test_the_strike_first_keeps_the_fire_out_too(app):
    """The other order: the fire's report is compared with the strike's story, whose words of the fire are
    in its "a day after" clause only; a story's words count as its event's only where one of its articles
    tells them as news."""
    strike, fire, cause = _stories(app, (*STRIKE[:3], 0), (*FIRE[:3], 1), CAUSE)
    assert fire == cause != strike


def test_a_recluster_keeps_the_strike_apart(app):
    _stories(app, FIRE, STRIKE, CAUSE, REOPENED)
    recluster(app)
    rows = dict(app.db.execute("SELECT title, story_id FROM articles").fetchall())
    assert rows[FIRE[0]] == rows[CAUSE[0]] == rows[REOPENED[0]] != rows[STRIKE[0]]


KERALA = (
    "Kerala floods kill at least ten",
    (
        "At least ten people were killed in floods in Kerala on Monday, officials said, as Prime Minister "
        "Narendra Modi promised federal help.",
        "More than 3,000 people were moved to relief camps in Idukki and Wayanad.",
    ),
    "southasiawire.example",
    0,
)
INJURED = (  # the floods' next report, the prime minister in it too
    "Kerala floods: 25 injured as rain continues",
    (
        "At least 25 people were injured in floods in Kerala on Monday, officials said.",
        "Prime Minister Narendra Modi spoke to the state's chief minister, Pinarayi Vijayan.",
        "Idukki and Wayanad remained cut off.",
    ),
    "keralatimes.example",
    2,
)
TAMIL_NADU = (  # the same day, another state, another disaster; the prime minister's same words
    "Landslide in Tamil Nadu kills 14",
    (
        "A landslide in the Nilgiris district of Tamil Nadu killed 14 people on Monday, officials said, and "
        "Prime Minister Narendra Modi promised federal help.",
        "Rescuers were searching for six people still missing near Ooty.",
    ),
    "chennaiexpress.example",
    3,
)
VISIT = (  # the floods' follow-up: the prime minister in a place of theirs
    "Modi visits flood-hit Wayanad",
    (
        "Prime Minister Narendra Modi visited relief camps in Wayanad on Tuesday and promised federal help "
        "to rebuild homes lost in the floods.",
        "The state's chief minister, Pinarayi Vijayan, said 40,000 people were still in camps.",
    ),
    "keralatimes.example",
    24,
)


OTHER_NEWS = [  # the day's other news, so that a name in three of the articles is not in most of them
    (f"Other news {n}", (sentence,), "wire.example", -10 + n)
    for n, sentence in enumerate(
        (
            "The central bank left its main interest rate unchanged at 6.5% on Friday.",
            "Shares in Tokyo closed higher as exporters gained on a weaker yen.",
            "A new bridge over the Danube opened to traffic in Budapest on Saturday.",
            "The national football team named a new coach after a poor World Cup.",
            "Scientists in Chile reported a rare sighting of a blue whale off the coast.",
            "The city council of Lyon approved a plan to plant 10,000 trees by 2030.",
        )
    )
]


def test_a_prime_minister_promising_help_after_two_disasters_is_no_one_event(app):
    """qa30 F8: "Landslide in Tamil Nadu kills 14" joined "Kerala floods kill at least ten", the two sharing
    only "Prime Minister Narendra Modi promised federal help" (and "killed", "officials said"). People
    are the only distinctive actors an article shares with a story while both name places of their own,
    none in common: the words decide, as for a shared country. The prime minister's visit to a place of
    the floods still joins their story."""
    _stories(app, *OTHER_NEWS)
    kerala, injured, tamil_nadu, visit = _stories(app, KERALA, INJURED, TAMIL_NADU, VISIT)
    assert kerala == injured == visit != tamil_nadu
    recluster(app)
    rows = dict(app.db.execute("SELECT title, story_id FROM articles").fetchall())
    assert rows[KERALA[0]] == rows[INJURED[0]] == rows[VISIT[0]] != rows[TAMIL_NADU[0]]
