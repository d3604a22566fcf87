"""Plain text as people type it to a bot: greetings, command names without the slash, questions."""

from __future__ import annotations

import pytest

from briefing.plaintext import Plain, read_plain
from briefing.render import to_html
from briefing.service.commands import Asker, answer, load_all
from store import subscribers

load_all()
ALICE = Asker(chat_id=1001, user_id=1001)


@pytest.mark.parametrize(
    "text", ["hi", "Hello!", "hey there", "Good morning.", "HI", "привет", "who are you?"]
)
def test_a_greeting_is_no_search(text):
    assert read_plain(text) == Plain("greeting", "")


@pytest.mark.parametrize(
    ("text", "command", "args"),
    [
        ("brief", "brief", ""),
        ("Brief Ukraine", "brief", "Ukraine"),
        ("actor Kellogg?", "actor", "Kellogg"),
        ("latest 5", "latest", "5"),
        ("help", "help", ""),
        ("what's new?", "brief", ""),
        ("News", "brief", ""),
        ("who is Keith Kellogg?", "actor", "Keith Kellogg"),
        ("Who's Zelensky", "actor", "Zelensky"),
        ("help!", "help", ""),
        ("settings?", "settings", ""),
        ("latest news on Kellogg", "latest", "Kellogg"),
        ("brief updates about the grain deal?", "brief", "the grain deal"),
    ],
)
def test_a_command_typed_without_its_slash(text, command, args):
    meant = read_plain(text)
    assert (meant.meaning, meant.args, meant.command, meant.read) == ("command", args, command, True)
    assert meant.by_name == text.lower().startswith(command)  # typed by its name, not asked in words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("what is happening in Ukraine?", "Ukraine"),
        ("What's going on with the grain deal today?", "the grain deal"),
        ("tell me about Kim Jong Un", "Kim Jong Un"),
        ("any news on port strikes", "port strikes"),
        ("can you tell me more about Oreshnik please", "Oreshnik"),
        ("Who is to blame for the blackout?", "to blame for the blackout"),
    ],
)
def test_a_question_searches_for_what_it_asks_about(text, words):
    assert read_plain(text) == Plain("search", words, read=True)


@pytest.mark.parametrize(
    "text",
    ["port strike", "settings time 9pm", "following Kellogg", "help desk outage", "hi-tech exports", "what"],
)
def test_other_words_are_searched_as_typed(text):
    """A command with words that would change something (/settings time 9pm) is never run unasked."""
    assert read_plain(text) == Plain("search", text)


async def test_a_greeting_gets_the_welcome_not_thirteen_articles(app):
    reply = await answer(app, "hi", ALICE)
    assert reply.document.text.startswith("Welcome to Briefing.")


@pytest.mark.parametrize("text", ["hi", "hello", "who are you?"])
async def test_a_greeting_says_how_it_was_read_as_every_other_reading_does(app, text):
    """QA18a F6: the README promises that the last line says how plain text was read."""
    reply = await answer(app, text, ALICE)
    assert reply.document.text.splitlines()[-1] == "Commands begin with a slash: I read this as /start."


async def test_a_command_name_runs_the_command_and_says_how_it_was_read(app):
    reply = await answer(app, "sources", ALICE)
    assert reply.document.text.splitlines()[0] == "I have no articles yet."
    assert reply.document.text.splitlines()[-1] == "Commands begin with a slash: I read this as /sources."


async def test_a_question_is_searched_for_its_subject(app):
    reply = await answer(app, "what is happening in Ukraine?", ALICE)
    assert "/search Ukraine" in reply.document.text.splitlines()[-1]


async def test_thanks_gets_a_short_answer(app):
    reply = await answer(app, "Thank you!", ALICE)
    assert reply.document.text == "You're welcome. /brief shows the top stories at any time."


async def test_words_that_begin_with_a_command_name_are_searched_as_typed_when_articles_hold_them(app):
    """ "search and rescue" is a search for those words when the archive has them, not for "and rescue"."""
    from tests.article_rows import insert_article
    from tests.conftest import NOW

    title = "Search and rescue teams reach the village"
    insert_article(app.db, title=title, body="Rescue goes on.", when=NOW)
    reply = await answer(app, "search and rescue", ALICE)
    assert "Search and rescue teams reach the village" in reply.document.text
    assert "Commands begin with a slash" not in reply.document.text
    reply = await answer(app, "search ferries", ALICE)  # no article holds both words: the command
    read_as = reply.document.text.splitlines()[-1]
    assert read_as == "Commands begin with a slash: I read this as /search ferries."


async def test_who_is_a_known_name_is_the_dossier_though_articles_hold_the_question_words(app):
    """An article about Keith Kellogg holds "who", "is" and his name: the question is still /actor."""
    from tests.actor_helpers import add_article

    add_article(app, "Keith Kellogg, who is a retired general, met Zelensky. Kellogg said talks would go on.")
    reply = await answer(app, "who is Keith Kellogg?", ALICE)
    assert reply.document.text.startswith("Keith Kellogg\nPerson")
    read_as = reply.document.text.splitlines()[-1]
    assert read_as == "Commands begin with a slash: I read this as /actor Keith Kellogg."


@pytest.mark.parametrize(
    ("text", "command"),
    [("unsubscribe", "unsubscribe"), ("Stop!", "unsubscribe"), ("subscribe", "subscribe"),
     ("how do I subscribe?", "subscribe"), ("follow", "follow")],
)  # fmt: skip
async def test_a_changing_commands_name_alone_points_to_the_command_and_changes_nothing(app, text, command):
    await answer(app, "/subscribe", ALICE)
    reply = await answer(app, text, ALICE)
    assert reply.document.text.startswith(f"Commands begin with a slash: /{command}")
    assert subscribers.get_subscriber(app.db, 1001).active  # "stop" did not stop the digest by itself
    if command == "unsubscribe":
        assert [b.payload for row in reply.buttons for b in row] == ["/unsubscribe"]


async def test_help_me_is_help(app):
    reply = await answer(app, "help me", ALICE)
    assert reply.document.text.splitlines()[-1] == "Commands begin with a slash: I read this as /help."


@pytest.mark.parametrize(
    ("text", "send"),
    [
        ("stop sending me news", "/unsubscribe"),
        ("unsubscribe me", "/unsubscribe"),
        ("stop the digest", "/unsubscribe"),
        ("Please cancel my subscription.", "/unsubscribe"),
        ("follow Trump", "/follow Trump"),
        ("stop following Keith Kellogg", "/unfollow Keith Kellogg"),
        ("subscribe me at 8am", "/subscribe at 8am"),
        ("change my timezone to Berlin", "/settings tz Berlin"),
        ("set my digest time to 7pm", "/settings time 7pm"),
        ("what time is my digest?", "/settings"),
    ],
)
def test_a_request_in_words_is_read_as_the_command_that_does_it(text, send):
    """QA29a F1, F2: these were searched ("follow Trump" found articles, and the user thought they
    followed him)."""
    meant = read_plain(text)
    assert (meant.meaning, meant.args) == ("hint", send)


@pytest.mark.parametrize(
    "text",
    [
        "stop the war", "end of the news cycle", "subscription economy", "Watchdog report",
        # QA31 F1: a stop verb and a word the bot uses somewhere later is no stop request
        "stop sending weapons to Ukraine", "stop the war news", "Pause in fighting brings updates from Gaza",
        "Cancel the Daily Mail", "Stop the boats: Sunak says it will work", "cancel culture news",
        "No more war, Pope says as it marks Christmas",
        # QA31 F4: a phrase that only begins with a request's verb
        "follow the money", "follow up", "Track and field championships",
        "Watch live: Zelensky addresses NATO",
        "Set the time to act on climate", "Change the time zone debate", "subscribe to newsletters",
    ],
)  # fmt: skip
def test_words_that_only_begin_like_a_request_are_searched(text):
    assert read_plain(text).meaning == "search"


@pytest.mark.parametrize(
    ("text", "send"),
    [("stop sending me the daily digest please", "/unsubscribe"), ("stop messaging me", "/unsubscribe"),
     ("unsubscribe me from the digest", "/unsubscribe"), ("track Keith Kellogg", "/follow Keith Kellogg"),
     ("my timezone is berlin", "/settings tz berlin"), ("set the time to 7pm", "/settings time 7pm")],
)  # fmt: skip
def test_a_request_whose_object_is_the_bots_sending_or_a_name_is_still_read(text, send):
    assert (read_plain(text).meaning, read_plain(text).args) == ("hint", send)


async def test_a_hint_never_replaces_a_search_that_finds_articles(app):
    """QA31 F1: a request in words whose words articles hold is searched as before, the hint under it;
    the /unsubscribe button is not offered next to the articles."""
    from tests.actor_helpers import add_article

    add_article(app, "Trump said he would follow the talks closely. Trump met Zelensky in Paris.")
    await answer(app, "/subscribe 7pm Berlin", ALICE)
    reply = await answer(app, "follow Trump", ALICE)
    lines = reply.document.text.splitlines()
    assert "Trump said he would follow the talks closely" in reply.document.text
    assert lines[-1] == "Commands begin with a slash: to do that, send /follow Trump."
    assert not subscribers.follows_of(app.db, 1001)
    reply = await answer(app, "stop sending weapons to Ukraine", ALICE)
    assert "Commands begin with a slash" not in reply.document.text
    assert not [b for row in reply.buttons for b in row if b.payload == "/unsubscribe"]
    assert subscribers.get_subscriber(app.db, 1001).active


async def test_a_request_in_words_answers_with_the_command_and_changes_nothing(app):
    await answer(app, "/subscribe 7pm Berlin", ALICE)
    reply = await answer(app, "stop sending me news", ALICE)
    assert reply.document.text == "Commands begin with a slash: to do that, send /unsubscribe."
    assert [b.payload for row in reply.buttons for b in row] == ["/unsubscribe"]
    assert subscribers.get_subscriber(app.db, 1001).active
    reply = await answer(app, "follow Trump", ALICE)
    assert reply.document.text.splitlines() == [
        "Commands begin with a slash: to do that, send /follow Trump.",
        "To search for these words, send /search follow Trump.",
    ]
    assert "<code>/follow Trump</code>" in to_html(reply.document)  # a tap copies it, and sends nothing
    assert not reply.buttons and not subscribers.follows_of(app.db, 1001)
    reply = await answer(app, "change my timezone to Tokyo", ALICE)
    assert reply.document.text == "Commands begin with a slash: to do that, send /settings tz Tokyo."
    assert subscribers.get_subscriber(app.db, 1001).timezone == "Europe/Berlin"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("/stop", "/unsubscribe"), ("/cancel", "/unsubscribe"), ("/unsub", "/unsubscribe"), ("/news", "/brief"),
     ("/top", "/brief"), ("/find Kellogg", "/search Kellogg"), ("/stop@briefing_test_bot", "/unsubscribe")],
)  # fmt: skip
async def test_another_bots_name_for_a_command_points_to_it_and_does_nothing(app, typed, meant):
    """QA29a F1: "/stop" was "I don't know the command /stop" and a 15-line list, with no hint."""
    await answer(app, "/subscribe", ALICE)
    reply = await answer(app, typed, ALICE)
    lines = reply.document.text.splitlines()
    name = typed.split("@")[0].split()[0]
    assert lines[0] == f"I don't know the command {name}. Did you mean:"
    assert lines[1].startswith(f"{meant} — ")
    assert len(lines) == 2 and reply.refused == f"unknown command {name}"
    assert [b.payload for row in reply.buttons for b in row] == ([] if " " in meant else [meant])
    assert subscribers.get_subscriber(app.db, 1001).active


async def test_digest_may_mean_the_news_now_or_a_daily_digest(app):
    reply = await answer(app, "/digest", ALICE)
    assert [line.split(" — ")[0] for line in reply.document.text.splitlines()[1:]] == ["/brief", "/subscribe"]


async def test_the_hint_under_a_paged_search_is_on_its_first_page_alone(app):
    """Under a search of many pages the request's hint is a tip: said once, on the first page; the note
    on how the text was read would still close every page."""
    from briefing.paging import page_view, split_pages
    from tests.actor_helpers import add_article

    for day in range(1, 26):
        add_article(app, f"Trump spoke on day {day}. Trump said he would follow the talks.", day=day)
    reply = await answer(app, "follow Trump", ALICE)
    assert reply.paged
    hint = "Commands begin with a slash: to do that, send /follow Trump."
    per_page = reply.per_page or app.settings.brief_page_size
    pages = split_pages(reply.document, per_page)
    assert len(pages) > 1
    first = page_view(reply.document, 1, per_page, split=pages).document
    assert hint in first.text and "<code>/follow Trump</code>" in to_html(first)
    for n in range(2, len(pages) + 1):
        later = page_view(reply.document, n, per_page, split=pages).document
        assert hint not in later.text
        assert f"Page {n} of {len(pages)}" in later.text


async def test_how_the_text_was_read_is_said_on_the_first_page_alone(app):
    """QA33 F8: "I read this as /search Trump." closed every page, page 2 too (the answer to /more, which
    the user typed as a command): it is said once, on the first page, as the request's hint is."""
    from briefing.paging import page_view, split_pages
    from tests.actor_helpers import add_article

    for day in range(1, 26):
        add_article(app, f"Trump spoke on day {day}.", day=day)
    reply = await answer(app, "news about Trump", ALICE)
    read_as = "Commands begin with a slash: I read this as /search Trump."
    per_page = reply.per_page or app.settings.brief_page_size
    pages = split_pages(reply.document, per_page)
    assert reply.paged and len(pages) > 1
    assert read_as in page_view(reply.document, 1, per_page, split=pages).document.text
    for n in range(2, len(pages) + 1):
        assert read_as not in page_view(reply.document, n, per_page, split=pages).document.text


@pytest.mark.parametrize(
    ("text", "command"),
    [("baja", "unsubscribe"), ("Abo", "subscribe"), ("parar", "unsubscribe"), ("arrêter", "unsubscribe"),
     ("anmelden", "subscribe")],
)  # fmt: skip
async def test_one_word_that_articles_hold_is_searched_with_the_hint_as_a_tip(app, text, command):
    """QA33 F9: "baja" (Baja California) or "Abo" (a name) was a pointer to /unsubscribe and no search: a
    hint never replaces a search that finds articles; it is a tip under them. Nothing changes."""
    from tests.actor_helpers import add_article

    await answer(app, "/subscribe", ALICE)
    add_article(app, f"Storms hit the coast. {text.capitalize()} officials said the roads were shut.", day=1)
    reply = await answer(app, text, ALICE)
    lines = reply.document.text.splitlines()
    assert lines[0] == f"Articles with “{text}”, newest first"
    assert lines[-1].startswith(f"Commands begin with a slash: /{command}")
    assert subscribers.get_subscriber(app.db, 1001).active


@pytest.mark.parametrize("text", ["stop", "Stop!", "unsubscribe", "follow"])
async def test_the_bots_own_pointer_words_point_even_when_articles_hold_them(app, text):
    """How people stop a bot ("stop") and a command's own name ("follow") point to the command whatever
    the archive holds: only a word of another language may be a name and is searched."""
    from tests.actor_helpers import add_article

    add_article(app, f"Officials said they would {text.strip('!').lower()} the talks.", day=1)
    reply = await answer(app, text, ALICE)
    assert reply.document.text.startswith("Commands begin with a slash: /")


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("was gibt es Neues zu Selenskyj?", "Selenskyj"),
        ("Was gibt’s Neues über die Ukraine", "Ukraine"),
        ("Neuigkeiten zur Bundestagswahl", "Bundestagswahl"),
        ("nouvelles sur Macron", "Macron"),
        ("Quoi de neuf sur la Syrie ?", "Syrie"),
        ("les actualités de l'Ukraine", "Ukraine"),
        ("noticias sobre Milei", "Milei"),
        ("¿Qué hay de nuevo sobre el Brexit?", "Brexit"),
    ],
)
def test_a_question_in_german_french_or_spanish_searches_for_its_subject(text, asked):
    assert read_plain(text) == Plain("search", asked, read=True)


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("abonnieren", Plain("hint", "", "subscribe")),
        ("s'abonner", Plain("hint", "", "subscribe")),
        ("suscribirme", Plain("hint", "", "subscribe")),
        ("abbestellen", Plain("hint", "", "unsubscribe")),
        ("Désabonner", Plain("hint", "", "unsubscribe")),
        ("me désabonner", Plain("hint", "", "unsubscribe")),
        ("darse de baja", Plain("hint", "", "unsubscribe")),
        ("Stopp!", Plain("hint", "", "unsubscribe")),
        ("Was gibt’s Neues?", Plain("command", "", "brief", read=True)),
        ("quoi de neuf", Plain("command", "", "brief", read=True)),
        ("¿Qué hay de nuevo?", Plain("command", "", "brief", read=True)),
        ("Nachrichten", Plain("command", "", "brief", read=True)),
        ("danke", Plain("thanks", "")),
        ("merci beaucoup", Plain("thanks", "")),
        ("muchas gracias", Plain("thanks", "")),
        ("Guten Morgen", Plain("greeting", "")),
        ("buenos días", Plain("greeting", "")),
    ],
)
def test_common_german_french_and_spanish_forms_are_read_as_their_english_ones(text, meant):
    assert read_plain(text) == meant


async def test_abonnieren_points_to_subscribe_and_changes_nothing(app):
    reply = await answer(app, "abonnieren", ALICE)
    assert reply.document.text.startswith("Commands begin with a slash: /subscribe")
    assert subscribers.get_subscriber(app.db, 1001) is None
