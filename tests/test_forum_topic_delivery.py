"""In a forum supergroup the digest and alerts go to the topic where an administrator set them up
(QA20c F1), not General; a topic Telegram refuses (closed, deleted) sends them to General from then on."""

import asyncio
from pathlib import Path

from briefing.adapters.delivery import run_due_digests, send_due_alerts
from briefing.service.ingest import ingest_files, queue_new_alerts
from store.subscribers import delivery_thread, migrate_chat
from tests.botapi import Chat, User
from tests.botapi.faults import Fault
from tests.botapi.server import BotApiServer
from tests.digestkit import QUICK, Clock, at, dump_article, fast_pacer
from tests.e2e_helpers import harness

ADMIN = User(15001, "Admin")
FORUM = Chat.group(-1000015100, "Forum", supergroup=True)


async def _say(h, text: str, thread: int | None) -> None:
    """An administrator's command in a topic, answered."""
    n = len(h.server.sent_messages(FORUM.id))
    h.server.push_message(text, user=ADMIN, chat=FORUM, thread=thread)
    for _ in range(100):
        if len(h.server.sent_messages(FORUM.id)) > n:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no answer to {text}")


def _ingest(h, tmp: Path, when: str, title: str, url: str, text: str) -> None:
    h.app.clock.now = at(when)
    path = tmp / f"{abs(hash(url))}.txt"
    path.write_text(dump_article(title, url, when.replace("+00:00", "") + "Z", text), encoding="utf-8")
    queue_new_alerts(h.app, list(ingest_files(h.app, [path]).new_ids))


async def _tick(h, when: str) -> None:
    h.app.clock.now = at(when)
    await run_due_digests(h.app, h.application.bot, now=at(when), pacer=fast_pacer(), policy=QUICK)
    await send_due_alerts(h.app, h.application.bot, now=at(when), pacer=fast_pacer(), policy=QUICK)


def _threads(h, since: int) -> list[tuple[int | None, str]]:
    return [
        (r.params.get("message_thread_id"), (r.params.get("text") or "")[:30])
        for r in h.server.requests("sendMessage", chat_id=FORUM.id)[since:]
    ]


async def test_digest_and_alerts_go_to_the_topic_they_were_set_up_in(tmp_path):
    async with BotApiServer() as server:
        server.set_member(FORUM, ADMIN, "creator")
        async with harness(server, tmp_path / "bot.db", clock=Clock(at("2026-11-23T08:00:00"))) as h:
            await _say(h, "/subscribe 09:00 UTC", 77)
            await _say(h, "/follow Odesa", 77)
            assert delivery_thread(h.app.db, FORUM.id) == 77
            mark = len(server.requests("sendMessage", chat_id=FORUM.id))
            _ingest(h, tmp_path, "2026-11-23T08:20:00", "Drone attack on Odesa port", "https://u.example/1",
                    "Russian drones attacked the port of Odesa on Monday, officials said.")  # fmt: skip
            await _tick(h, "2026-11-23T08:30:30")
            _ingest(h, tmp_path, "2026-11-23T08:35:00", "Kenya launches satellite", "https://k.example/1",
                    "Kenya launched a satellite on Monday to watch crops.")  # fmt: skip
            await _tick(h, "2026-11-23T09:00:30")
            sent = _threads(h, mark)
            assert [t for t, _ in sent] == [77, 77], sent  # the alert, then the digest
            assert sent[1][1].startswith("<b>Your digest for")


async def test_a_closed_topic_falls_back_to_general_once_and_is_recorded(tmp_path):
    async with BotApiServer() as server:
        server.set_member(FORUM, ADMIN, "creator")
        async with harness(server, tmp_path / "bot.db", clock=Clock(at("2026-11-23T08:00:00"))) as h:
            await _say(h, "/subscribe 09:00 UTC", 77)
            _ingest(h, tmp_path, "2026-11-23T08:35:00", "Kenya launches satellite", "https://k.example/1",
                    "Kenya launched a satellite on Monday to watch crops.")  # fmt: skip
            mark = len(server.requests("sendMessage", chat_id=FORUM.id))
            server.inject(Fault.topic_closed(), "sendMessage", chat_id=FORUM.id, times=1)
            await _tick(h, "2026-11-23T09:00:30")
            sent = [
                (r.ok, r.params.get("message_thread_id"), r.params.get("text") or "")
                for r in server.requests("sendMessage", chat_id=FORUM.id)
            ]
            assert [(ok, thread) for ok, thread, _ in sent[mark:]] == [
                (False, 77),
                (True, None),
                (True, None),
            ]
            # the group is told, in General, before the digest, why it comes there and how to move it
            notice, digest = sent[mark + 1][2], sent[mark + 2][2]
            assert notice == (
                "The topic this group's digest and alerts were posted in is closed or was deleted, so they"
                " come here, to General, from now on. To have them in another topic, an administrator"
                " sends /subscribe in that topic."
            )
            assert digest.startswith("<b>Your digest for")
            assert delivery_thread(h.app.db, FORUM.id) is None
            lost = h.app.db.execute("SELECT lost_at, lost_error FROM chat_threads").fetchone()
            assert lost[0] is not None and "topic_closed" in lost[1].lower()
            state = h.app.db.execute("SELECT state FROM deliveries WHERE chat_id = ?", [FORUM.id]).fetchall()
            assert {s for (s,) in state} == {"sent"}
            # the topic set again where an administrator subscribes anew
            await _say(h, "/settings time 10:00", 12)
            assert delivery_thread(h.app.db, FORUM.id) == 12


async def test_a_member_showing_settings_or_general_moves_nothing_but_an_admin_in_general_does(tmp_path):
    member = User(15002, "Member")
    async with BotApiServer() as server:
        server.set_member(FORUM, ADMIN, "creator")
        server.set_member(FORUM, member, "member")
        async with harness(server, tmp_path / "bot.db", clock=Clock(at("2026-11-23T08:00:00"))) as h:
            await _say(h, "/subscribe 09:00 UTC", 77)
            n = server.mark()
            server.push_message("/settings", user=member, chat=FORUM, thread=5)
            await server.wait_for_message(FORUM.id, since=n)
            assert delivery_thread(h.app.db, FORUM.id) == 77
            await _say(h, "/follow Odesa", None)
            assert delivery_thread(h.app.db, FORUM.id) is None
            # an administrator's press of a /settings button in a topic is a /settings there
            await _say(h, "/settings", 31)
            assert delivery_thread(h.app.db, FORUM.id) is None
            shown = server.sent_messages(FORUM.id)[-1]
            n = server.mark()
            server.push_callback_query(shown, button="3 stories", chat=FORUM, user=ADMIN)
            await server.wait_for("editMessageText", since=n)
            assert delivery_thread(h.app.db, FORUM.id) == 31


def test_the_topic_moves_with_a_migrated_chat(db):
    from datetime import UTC, datetime

    from store.subscribers import set_delivery_thread

    now = datetime(2026, 11, 23, tzinfo=UTC)
    set_delivery_thread(db, -42, 9, now=now)
    migrate_chat(db, -42, -10042, now=now)
    assert delivery_thread(db, -10042) == 9 and delivery_thread(db, -42) is None


async def test_a_group_with_alerts_alone_is_told_once_to_follow_in_the_topic_it_wants(tmp_path):
    async with BotApiServer() as server:
        server.set_member(FORUM, ADMIN, "creator")
        async with harness(server, tmp_path / "bot.db", clock=Clock(at("2026-11-23T08:00:00"))) as h:
            await _say(h, "/follow Odesa", 77)
            mark = len(server.requests("sendMessage", chat_id=FORUM.id))
            server.inject(
                Fault.bad_request("message thread not found"), "sendMessage", chat_id=FORUM.id, times=1
            )
            _ingest(h, tmp_path, "2026-11-23T08:20:00", "Drone attack on Odesa port", "https://u.example/1",
                    "Russian drones attacked the port of Odesa on Monday, officials said.")  # fmt: skip
            await _tick(h, "2026-11-23T08:30:30")
            _ingest(h, tmp_path, "2026-11-23T10:20:00", "Odesa ferry resumes", "https://u.example/2",
                    "A ferry from Odesa sailed again on Monday after a week in port.")  # fmt: skip
            await _tick(h, "2026-11-23T10:30:30")
            sent = [(r.ok, r.params.get("message_thread_id"), r.params.get("text") or "")
                    for r in server.requests("sendMessage", chat_id=FORUM.id)][mark:]  # fmt: skip
            assert [(ok, thread) for ok, thread, _ in sent] == [
                (False, 77),
                (True, None),
                (True, None),
                (True, None),
            ]
            assert sent[1][2].endswith(
                "an administrator sends /follow with a name this group follows in that topic."
            )
            assert "Odesa port" in sent[2][2] and "ferry" in sent[3][2]  # the later alert: no notice again


def test_a_lost_topic_is_recorded_once_and_not_over_one_set_since(db):
    from datetime import UTC, datetime

    from store.subscribers import lose_delivery_thread, set_delivery_thread

    now = datetime(2026, 11, 23, tzinfo=UTC)
    set_delivery_thread(db, -42, 9, now=now)
    assert lose_delivery_thread(db, -42, 9, error="TOPIC_CLOSED", now=now)
    assert not lose_delivery_thread(db, -42, 9, error="TOPIC_CLOSED", now=now)  # another run, same refusal
    set_delivery_thread(db, -42, 12, now=now)
    assert not lose_delivery_thread(
        db, -42, 9, error="TOPIC_CLOSED", now=now
    )  # a late refusal of the old one
    assert delivery_thread(db, -42) == 12


async def test_a_lost_topic_notice_that_failed_for_now_goes_before_the_next_message_once(tmp_path):
    """The notice was sent once, when the loss was recorded, and one that failed was lost (only logged):
    now it is remembered as told once Telegram took it. Telegram fails it for now (a 5xx): the alert
    goes to General without it, the next alert comes after it, and a third comes alone."""
    async with BotApiServer() as server:
        server.set_member(FORUM, ADMIN, "creator")
        async with harness(server, tmp_path / "bot.db", clock=Clock(at("2026-11-23T08:00:00"))) as h:
            await _say(h, "/follow Odesa", 77)
            mark = len(server.requests("sendMessage", chat_id=FORUM.id))
            server.inject(Fault.topic_closed(), "sendMessage", chat_id=FORUM.id, times=1)
            server.inject(Fault.server_error(), "sendMessage", chat_id=FORUM.id, times=1)  # the notice
            stories = [
                ("Drone attack on Odesa port", "Russian drones attacked the port of Odesa on Monday."),
                ("Odesa ferry resumes", "A ferry from Odesa sailed again on Monday after a week in port."),
                ("Odesa grain deal", "Ships left Odesa with grain on Tuesday under a new deal."),
            ]
            for n, (title, text) in enumerate(stories, start=1):
                _ingest(h, tmp_path, f"2026-11-23T{8 + 2 * n:02d}:20:00", title, f"https://u.example/{n}",
                        f"{text} Officials said so.")  # fmt: skip
                await _tick(h, f"2026-11-23T{8 + 2 * n:02d}:30:30")
            sent = [(r.ok, r.params.get("message_thread_id"), r.params.get("text") or "")
                    for r in server.requests("sendMessage", chat_id=FORUM.id)][mark:]  # fmt: skip
            delivered = [text for ok, _, text in sent if ok]
            assert [ok for ok, _, _ in sent].count(False) == 2, sent  # the topic's refusal, the notice's
            assert len(delivered) == 4, delivered
            assert "Odesa port" in delivered[0]
            assert delivered[1].startswith("The topic this group's alerts were")
            assert "ferry" in delivered[2] and "grain" in delivered[3]
            told = h.app.db.execute("SELECT lost_told_at FROM chat_threads").fetchone()[0]
            assert told is not None


async def test_a_lost_topic_notice_refused_outright_is_not_tried_again(tmp_path):
    async with BotApiServer() as server:
        server.set_member(FORUM, ADMIN, "creator")
        async with harness(server, tmp_path / "bot.db", clock=Clock(at("2026-11-23T08:00:00"))) as h:
            await _say(h, "/follow Odesa", 77)
            mark = len(server.requests("sendMessage", chat_id=FORUM.id))
            server.inject(Fault.topic_closed(), "sendMessage", chat_id=FORUM.id, times=1)
            server.inject(Fault.bad_request("message is too long"), "sendMessage", chat_id=FORUM.id, times=1)
            for n, title in enumerate(("Drone attack on Odesa port", "Odesa ferry resumes"), start=1):
                _ingest(h, tmp_path, f"2026-11-23T{8 + 2 * n:02d}:20:00", title, f"https://u.example/{n}",
                        f"{title} on Monday, officials in Odesa said.")  # fmt: skip
                await _tick(h, f"2026-11-23T{8 + 2 * n:02d}:30:30")
            sent = [(r.ok, r.params.get("text") or "")
                    for r in server.requests("sendMessage", chat_id=FORUM.id)][mark:]  # fmt: skip
            assert [ok for ok, _ in sent] == [False, False, True, True], sent
            assert "Odesa port" in sent[2][1] and "ferry" in sent[3][1]
