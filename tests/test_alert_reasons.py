"""An alert shows why it came (QA12b F5) and a topic of several words is matched as such (F12)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.adapters.delivery import send_due_alerts
from briefing.service import App
from briefing.service.commands import Asker, answer, load_all
from briefing.service.ingest import ingest_files, queue_new_alerts
from store.alerts import alerts_of
from store.search import actor_ids_named
from store.subscribers import follow, follows_of, set_chat_alerts, unfollow
from tests.digestkit import QUICK, Clock, add_actor, fast_pacer

NOW = datetime(2026, 11, 25, 13, 5, tzinfo=UTC)
load_all()

KELLOGG = "\n\n".join(
    [
        "EU ministers meet in Brussels on energy prices",
        "Published: 25 November 2026 13:00 GMT",
        "European Union energy ministers met in Brussels on Wednesday to discuss a cap on gas prices as"
        " winter approaches.",
        "Officials said no agreement was expected before December. Separately, US envoy Keith Kellogg was"
        " due in Kyiv later in the week, a spokesman said.",
        "Germany and the Netherlands opposed a hard cap, diplomats said.",
    ]
)

ODESA = "\n\n".join(
    [
        "Russian missiles hit Odesa overnight",
        "Published: 25 November 2026 12:40 GMT",
        "Russia launched a missile strike on the port of Odesa overnight, damaging grain terminals and"
        " injuring four people, officials said.",
        "Ukraine's air force said it shot down most of the drones.",
    ]
)

STRIKE = "\n\n".join(
    [
        "Dock workers walk out at Rotterdam",
        "Published: 25 November 2026 12:50 GMT",
        "Rotterdam's dock workers began a 48-hour walkout on Wednesday over pay.",
        "The port strike halted container traffic at Europe's largest port, the union said.",
    ]
)


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(NOW))


def ingest(app: App, tmp_path: Path, name: str, text: str) -> list[int]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = ingest_files(app, [path])
    assert report.new_ids
    return list(report.new_ids)


async def sent_alerts(app: App, botapi, bot) -> dict[int, str]:
    await send_due_alerts(app, bot, now=NOW, pacer=fast_pacer(), policy=QUICK)
    return {m.chat_id: m.text for m in botapi.sent_messages()}


async def test_an_alert_for_a_passing_mention_quotes_the_sentence_that_names_the_followed(
    app, db, tmp_path, botapi, botapi_bot
):
    new = ingest(app, tmp_path, "kellogg.txt", KELLOGG)
    (kellogg,) = actor_ids_named(db, "Keith Kellogg")  # the archive knows him from this article
    follow(db, 1, "actor", "Keith Kellogg", actor_id=kellogg, now=NOW)
    follow(db, 2, "topic", "energy prices", now=NOW)
    assert queue_new_alerts(app, new) == 2
    texts = await sent_alerts(app, botapi, botapi_bot)
    lines = texts[1].splitlines()
    assert lines[0] == "New about Keith Kellogg"
    # the headline is the story's; the sentence shown is the one with Kellogg, not the lead without him
    assert "Separately, US envoy Keith Kellogg was due in Kyiv later in the week, a spokesman said." in lines
    assert not any(line.startswith("European Union energy ministers") for line in lines)
    # a topic the headline holds keeps the lead sentence
    assert "European Union energy ministers met in Brussels" in texts[2]
    assert "Kellogg" not in texts[2]


async def test_a_topic_of_two_words_alerts_only_when_they_stand_together(
    app, db, tmp_path, botapi, botapi_bot
):
    follow(db, 1, "topic", "port strike", now=NOW)
    follow(db, 2, "topic", "“port strike”", now=NOW)
    follow(db, 3, "topic", "strike port", now=NOW)
    new = ingest(app, tmp_path, "odesa.txt", ODESA)
    assert queue_new_alerts(app, new) == 0  # "a missile strike on the port of Odesa" is no port strike
    new = ingest(app, tmp_path, "strike.txt", STRIKE)
    assert queue_new_alerts(app, new) == 3
    assert {a.chat_id for c in (1, 2, 3) for a in alerts_of(db, c)} == {1, 2, 3}
    texts = await sent_alerts(app, botapi, botapi_bot)
    # the headline says neither word: the alert quotes the sentence with the phrase
    assert "The port strike halted container traffic" in texts[1]
    assert "began a 48-hour walkout" not in texts[1]


async def test_a_quoted_phrase_matches_only_in_that_order(app, db, tmp_path):
    follow(db, 1, "topic", "“strike port”", now=NOW)  # in quotes: the words side by side, in that order
    follow(db, 2, "topic", "workers strike", now=NOW)  # unquoted: within a word, any order
    new = ingest(app, tmp_path, "strike.txt", STRIKE)
    assert queue_new_alerts(app, new) == 0
    follow(db, 3, "topic", "walkout workers", now=NOW)
    follow(db, 4, "topic", "“dock workers”", now=NOW)
    assert queue_new_alerts(app, new) == 1 and [a.chat_id for a in alerts_of(db, 4)] == [4]


async def test_a_topic_of_three_words_may_have_a_word_between_each_two(app, db, tmp_path):
    """ "Rotterdam dock strike" is in "Dock workers strike halts Rotterdam port" (a word between each two of
    its words), not in an article that names Rotterdam three sentences away from its dock strike."""
    follow(db, 1, "topic", "Rotterdam dock strike", now=NOW)
    follow(db, 2, "topic", "Antwerp dock strike", now=NOW)
    halts = "\n\n".join(["Dock workers strike halts Rotterdam port", "Published: 25 November 2026 12:55",
                          "Ships queued outside the harbour as the walkout went on."])  # fmt: skip
    apart = "\n\n".join(["Antwerp traffic grows", "Published: 25 November 2026 12:56",
                          "Antwerp handled more containers in October. Exports of cars rose. Imports of grain"
                          " fell. A dock strike in Hamburg ended on Tuesday."])  # fmt: skip
    new = ingest(app, tmp_path, "halts.txt", halts) + ingest(app, tmp_path, "apart.txt", apart)
    assert queue_new_alerts(app, new) == 1
    assert [a.chat_id for a in alerts_of(db, 1)] == [1] and not alerts_of(db, 2)


async def test_follow_in_quotes_keeps_the_phrase_and_unfollow_finds_it(app, db):
    asker = Asker(chat_id=7, user_id=7)
    reply = await answer(app, '/follow "port strike"', asker)
    assert "Following the topic “port strike”" in reply.document.text
    reply = await answer(app, "/follow port strike", asker)
    assert "Following the topic port strike." in reply.document.text  # the looser match: another follow
    reply = await answer(app, '/unfollow "port strike"', asker)
    assert "Stopped following “port strike”" in reply.document.text
    assert [f.value for f in follows_of(db, 7)] == ["port strike"]


async def test_a_name_of_letters_joined_by_an_ampersand_is_followed_before_any_article_names_it(
    app, db, tmp_path
):
    """ "AT&T", "H&M" on an empty archive were refused ("in nearly every story", "no words to look for")."""
    for name in ("AT&T", "H&M"):
        reply = await answer(app, f"/follow {name}", Asker(chat_id=8, user_id=8))
        assert reply.document.text.startswith(f"Following the topic {name}.")
    sale = "\n\n".join(["AT&T agrees to sell CNN", "Published: 25 November 2026 12:58",
                        "AT&T said on Wednesday it would sell the network to win approval."])  # fmt: skip
    new = ingest(app, tmp_path, "att.txt", sale)
    assert queue_new_alerts(app, new) == 1
    assert [a.reason for a in alerts_of(db, 8)] == ["AT&T"]


async def test_a_held_alert_still_goes_after_unfollowing_and_following_again_by_another_name(
    app, db, tmp_path, botapi, botapi_bot
):
    """/follow Keith Kellogg; his alert waits for the end of the chat's quiet hours; /unfollow kellogg,
    then /follow KELLOGG (his surname, in capitals): the same follow again, so the alert goes out, with
    the sentence that names him."""
    new = ingest(app, tmp_path, "kellogg.txt", KELLOGG)
    asker = Asker(chat_id=1, user_id=1)
    await answer(app, "/follow Keith Kellogg", asker)
    set_chat_alerts(db, 1, now=NOW, quiet_hours="13:00-14:00")
    assert queue_new_alerts(app, new) == 1
    await answer(app, "/unfollow kellogg", asker)
    assert follows_of(db, 1) == []
    await answer(app, "/follow KELLOGG", asker)
    assert [f.value for f in follows_of(db, 1)] == ["Keith Kellogg"]
    app.clock.now = NOW.replace(hour=14, minute=0)
    await send_due_alerts(app, botapi_bot, now=app.clock.now, pacer=fast_pacer(), policy=QUICK)
    (alert,) = botapi.sent_messages(1)
    assert alert.text.splitlines()[0] == "New about Keith Kellogg"
    assert "Separately, US envoy Keith Kellogg was due in Kyiv later in the week" in alert.text


async def test_a_held_alert_still_goes_when_its_actor_is_followed_again_under_the_name_the_archive_has_now(
    app, db, tmp_path, botapi, botapi_bot
):
    """The chat followed the envoy while the archive knew him as "Kellogg" (his follow keeps that name),
    and his alert waits for the end of its quiet hours; the archive has since learnt his full name. The
    chat unfollows and follows him again: the follow is now "Keith Kellogg", the same actor, so the
    alert held for "Kellogg" goes out, under the name followed now."""
    new = ingest(app, tmp_path, "kellogg.txt", KELLOGG)
    (kellogg,) = actor_ids_named(db, "Keith Kellogg")
    follow(db, 1, "actor", "Kellogg", actor_id=kellogg, now=NOW)  # followed before the rename
    set_chat_alerts(db, 1, now=NOW, quiet_hours="13:00-14:00")
    assert queue_new_alerts(app, new) == 1
    asker = Asker(chat_id=1, user_id=1)
    await answer(app, "/unfollow Kellogg", asker)
    await answer(app, "/follow Kellogg", asker)
    assert [(f.value, f.actor_id) for f in follows_of(db, 1)] == [("Keith Kellogg", kellogg)]
    app.clock.now = NOW.replace(hour=14, minute=0)
    await send_due_alerts(app, botapi_bot, now=app.clock.now, pacer=fast_pacer(), policy=QUICK)
    (alert,) = botapi.sent_messages(1)
    assert alert.text.splitlines()[0] == "New about Keith Kellogg"
    assert "Separately, US envoy Keith Kellogg was due in Kyiv later in the week" in alert.text


async def test_a_held_alert_is_not_sent_for_another_actor_of_its_name(app, db, tmp_path, botapi, botapi_bot):
    """Followed again, a name is the same follow only for the actor the alert's article mentions: a
    chat that now follows another Kellogg (the company) does not get the envoy's alert."""
    new = ingest(app, tmp_path, "kellogg.txt", KELLOGG)
    (kellogg,) = actor_ids_named(db, "Keith Kellogg")
    company = add_actor(db, "Kellogg", "organization")
    db.execute(
        "INSERT INTO actor_aliases (actor_id, alias, norm) VALUES (?, 'Kellogg', 'kellogg')", [company]
    )
    assert company in actor_ids_named(db, "Kellogg")
    follow(db, 1, "actor", "Kellogg", actor_id=kellogg, now=NOW)
    set_chat_alerts(db, 1, now=NOW, quiet_hours="13:00-14:00")
    assert queue_new_alerts(app, new) == 1
    unfollow(db, 1, "Kellogg", actor_id=kellogg)
    follow(db, 1, "actor", "Kellogg Company", actor_id=company, now=NOW)
    app.clock.now = NOW.replace(hour=14, minute=0)
    await send_due_alerts(app, botapi_bot, now=app.clock.now, pacer=fast_pacer(), policy=QUICK)
    assert botapi.sent_messages(1) == []
    assert [a.state for a in alerts_of(db, 1)] == ["dropped"]
