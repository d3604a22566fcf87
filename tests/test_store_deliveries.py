"""The deliveries ledger: pending → claimed → sent, recovery after a crash, expiry, skips."""

from datetime import UTC, date, datetime, timedelta

from briefing.digest import Received
from store import deliveries as d
from store.db import to_iso
from store.subscribers import get_subscriber, migrate_chat
from tests.article_rows import query_plans
from tests.digestkit import subscriber

NOW = datetime(2025, 1, 23, 8, 0, tzinfo=UTC)
DAY = date(2025, 1, 23)


def parts(n: int) -> list[d.NewPart]:
    return [d.NewPart(f"<b>part {i}</b>", f"part {i}", (10 + i,)) for i in range(n)]


def test_a_digest_is_stored_once_per_chat_and_date(db):
    subscriber(db, 1, "08:00")
    assert d.add_digest(db, 1, DAY, parts(2), due_at=NOW, now=NOW)
    assert not d.add_digest(db, 1, DAY, parts(3), due_at=NOW, now=NOW)
    stored = d.parts_of(db, 1, DAY)
    assert [(p.part, p.state, p.text, p.plain, p.story_ids) for p in stored] == [
        (0, "pending", "<b>part 0</b>", "part 0", (10,)),
        (1, "pending", "<b>part 1</b>", "part 1", (11,)),
    ]
    assert get_subscriber(db, 1).last_digest_at == NOW
    later = (1, DAY + timedelta(days=1), NOW + timedelta(days=1))
    assert d.slots_present(db, [(1, DAY, NOW), later]) == {(1, DAY, NOW)}


def test_a_second_digest_of_a_date_due_at_another_instant_is_stored_as_its_next_seq(db):
    """After a change of zone (Tokyo's Thursday, then Honolulu's) two digests share a date; each has
    its own parts, claimed and confirmed by their own keys; the same slot is still stored once."""
    subscriber(db, 1, "08:00")
    later = NOW + timedelta(hours=19)
    assert d.add_digest(db, 1, DAY, parts(1), due_at=NOW, now=NOW)
    assert d.add_digest(db, 1, DAY, parts(2), due_at=later, now=later)
    assert not d.add_digest(db, 1, DAY, parts(1), due_at=later, now=later)
    assert [(p.seq, p.part, p.due_at) for p in d.parts_of(db, 1, DAY)] == [
        (0, 0, NOW),
        (1, 0, later),
        (1, 1, later),
    ]
    second = d.PartKey(1, DAY, 0, seq=1)
    assert d.claim_part(db, second, now=later)
    d.confirm_part(db, second, message_id=9, now=later)
    assert [p.state for p in d.parts_of(db, 1, DAY)] == ["pending", "sent", "pending"]
    assert d.slots_present(db, [(1, DAY, later), (1, DAY, NOW + timedelta(hours=1))]) == {(1, DAY, later)}


def test_a_skipped_slot_is_recorded_once_beside_the_dates_other_digest(db):
    later = NOW + timedelta(hours=19)
    d.add_digest(db, 1, DAY, parts(1), due_at=NOW, now=NOW)
    assert d.record_skipped(db, 1, DAY, due_at=later, reason="down", now=later + timedelta(hours=7))
    assert not d.record_skipped(db, 1, DAY, due_at=later, reason="down", now=later + timedelta(hours=8))
    assert not d.record_skipped(db, 1, DAY, due_at=NOW, reason="down", now=later)  # stored, not skipped
    assert [(p.seq, p.state, p.error) for p in d.parts_of(db, 1, DAY)] == [
        (0, "pending", None),
        (1, "failed", "skipped: down"),
    ]


def test_claim_then_confirm_records_the_message_and_the_stories(db):
    d.add_digest(db, 1, DAY, parts(1), due_at=NOW, now=NOW)
    key = d.PartKey(1, DAY, 0)
    assert d.claim_part(db, key, now=NOW)
    assert not d.claim_part(db, key, now=NOW)  # already claimed: nobody else sends it
    d.confirm_part(db, key, message_id=77, now=NOW, plain=True)
    part = d.get_part(db, key)
    assert (part.state, part.message_id, part.sent_plain, part.sent_at) == ("sent", 77, True, NOW)
    assert db.execute("SELECT chat_id, story_id FROM delivered_stories").fetchall() == [(1, 10)]
    assert d.chats_with_pending(db) == []


def test_recovery_makes_unconfirmed_claims_pending_and_leaves_sent_parts_alone(db):
    d.add_digest(db, 1, DAY, parts(3), due_at=NOW, now=NOW)
    k0, k1 = d.PartKey(1, DAY, 0), d.PartKey(1, DAY, 1)
    d.claim_part(db, k0, now=NOW)
    d.confirm_part(db, k0, message_id=1, now=NOW)
    d.claim_part(db, k1, now=NOW)  # the crash came here
    assert d.recover_claimed(db) == 1
    assert [p.state for p in d.parts_of(db, 1, DAY)] == ["sent", "pending", "pending"]
    assert [p.part for p in d.pending_parts(db, 1)] == [1, 2]


def test_release_counts_attempts_and_fail_chat_gives_up_on_the_rest(db):
    d.add_digest(db, 1, DAY, parts(2), due_at=NOW, now=NOW)
    key = d.PartKey(1, DAY, 0)
    d.claim_part(db, key, now=NOW)
    d.release_part(db, key, error="NetworkError: Bad Gateway")
    part = d.get_part(db, key)
    assert (part.state, part.attempts, part.error) == ("pending", 1, "NetworkError: Bad Gateway")
    assert d.fail_chat(db, 1, error="blocked", now=NOW) == 2
    assert d.delivery_counts(db) == {"failed": 2}


def test_pending_parts_past_the_late_limit_expire(db):
    d.add_digest(db, 1, DAY, parts(1), due_at=NOW - timedelta(hours=7), now=NOW)
    d.add_digest(db, 2, DAY, parts(1), due_at=NOW - timedelta(hours=1), now=NOW)
    assert d.expire_pending(db, due_before=NOW - timedelta(hours=6), now=NOW) == 1
    assert d.get_part(db, d.PartKey(1, DAY, 0)).error.startswith("too late")
    assert d.chats_with_pending(db) == [2]


def test_chats_with_pending_are_longest_due_first(db):
    d.add_digest(db, 5, DAY, parts(1), due_at=NOW, now=NOW)
    d.add_digest(db, 9, DAY, parts(1), due_at=NOW - timedelta(minutes=5), now=NOW)
    assert d.chats_with_pending(db) == [9, 5]


def test_a_skipped_digest_is_recorded_once(db):
    assert d.record_skipped(db, 1, DAY, due_at=NOW, reason="bot was down", now=NOW)
    assert not d.record_skipped(db, 1, DAY, due_at=NOW, reason="bot was down", now=NOW)
    (part,) = d.parts_of(db, 1, DAY)
    assert (part.state, part.error) == ("failed", "skipped: bot was down")
    assert d.has_digest(db, 1, DAY)


def test_migrating_a_group_moves_its_deliveries(db):
    subscriber(db, -100, "08:00")
    d.add_digest(db, -100, DAY, parts(2), due_at=NOW, now=NOW)
    migrate_chat(db, -100, -1001234, now=NOW)
    assert d.parts_of(db, -100, DAY) == []
    assert [p.part for p in d.pending_parts(db, -1001234)] == [0, 1]


def test_the_digest_tick_looks_up_todays_digests_and_new_articles_by_index(db):
    from store.digests import stories_arrived_since

    (plan,) = query_plans(db, lambda: d.slots_present(db, [(1, date(2025, 1, 23), NOW)]))
    assert plan.startswith("SEARCH deliveries USING INDEX"), plan
    (plan,) = query_plans(db, lambda: stories_arrived_since(db, datetime(2025, 1, 22, tzinfo=UTC)))
    assert "USING INDEX articles_ingested_at" in plan, plan
    # each chat's last confirmed digest: among its own rows, not every part ever sent to anyone
    (plan,) = query_plans(db, lambda: d.last_delivered_at(db, 1))
    assert plan == "SEARCH deliveries USING INDEX sqlite_autoindex_deliveries_1 (chat_id=?)", plan
    (plan,) = query_plans(db, lambda: d.last_delivered_among(db, [1, 2, 3]))
    assert plan.startswith("SEARCH deliveries USING INDEX sqlite_autoindex_deliveries_1 (chat_id=?)"), plan


def test_a_confirmed_part_records_when_its_stories_were_told_and_in_which_sentences(db):
    from store.digests import received_among, received_of

    told = d.NewPart("<b>quake</b>", "quake", (10, 11), ((10, ("Quake", "12 dead.")), (11, ("Flood",))))
    d.add_digest(db, 1, DAY, [told], due_at=NOW, now=NOW + timedelta(minutes=1))
    assert received_of(db, 1) == {}  # nothing counts as received before Telegram confirms it
    key = d.PartKey(1, DAY, 0)
    d.claim_part(db, key, now=NOW)
    d.confirm_part(db, key, message_id=5, now=NOW + timedelta(minutes=2))
    first = NOW + timedelta(minutes=1)  # when the digest was composed, not when it was sent
    assert received_of(db, 1) == {10: Received(first, ("Quake", "12 dead.")), 11: Received(first, ("Flood",))}
    # the next day an update of story 10 adds its new sentence to what the chat was told
    later = NOW + timedelta(days=1)
    update = d.NewPart("<b>update</b>", "update", (10,), ((10, ("Quake", "Rescuers  arrived.")),))
    d.add_digest(db, 1, DAY + timedelta(days=1), [update], due_at=later, now=later)
    d.claim_part(db, d.PartKey(1, DAY + timedelta(days=1), 0), now=later)
    d.confirm_part(db, d.PartKey(1, DAY + timedelta(days=1), 0), message_id=6, now=later)
    got = received_among(db, [1, 2], [10, 12])
    assert got == {1: {10: Received(later, ("Quake", "12 dead.", "Rescuers arrived."))}}


def test_a_confirmed_part_records_the_articles_it_held_that_had_just_arrived(db):
    from store.digests import received_among, received_of

    first = d.NewPart("q", "q", (10, 11), ((10, ("12 dead.",)),), held=((10, (8, 7)),))
    d.add_digest(db, 1, DAY, [first], due_at=NOW, now=NOW)
    d.add_digest(db, 2, DAY, [first], due_at=NOW, now=NOW)  # never confirmed: holds nothing
    d.claim_part(db, d.PartKey(1, DAY, 0), now=NOW)
    d.confirm_part(db, d.PartKey(1, DAY, 0), message_id=5, now=NOW)
    got = received_of(db, 1)
    assert got[10].held == {7, 8} and got[11].held == frozenset()
    later = NOW + timedelta(days=1)
    update = d.NewPart("u", "u", (10,), ((10, ("41 dead.",)),), held=((10, (9, 8)),))
    d.add_digest(db, 1, DAY + timedelta(days=1), [update], due_at=later, now=later)
    d.claim_part(db, d.PartKey(1, DAY + timedelta(days=1), 0), now=later)
    d.confirm_part(db, d.PartKey(1, DAY + timedelta(days=1), 0), message_id=6, now=later)
    assert received_among(db, [1, 2], [10]) == {
        1: {10: Received(later, ("12 dead.", "41 dead."), frozenset({7, 8, 9}))}
    }


def test_stories_received_before_the_upgrade_are_dated_by_their_digest(tmp_path, monkeypatch):
    import store.db
    from store.digests import received_of

    every = store.db._migrations()
    monkeypatch.setattr(store.db, "_migrations", lambda: [m for m in every if m[0] < 12])
    old = store.db.open_db(tmp_path / "old.db")
    old.execute(
        "INSERT INTO deliveries (chat_id, digest_date, part, state, story_ids, due_at, sent_at)"
        " VALUES (1, '2025-01-23', 0, 'sent', '10', ?, ?)",
        [to_iso(NOW), to_iso(NOW + timedelta(minutes=3))],
    )
    old.execute("INSERT INTO delivered_stories (chat_id, story_id, digest_date) VALUES (1, 10, '2025-01-23')")
    monkeypatch.setattr(store.db, "_migrations", lambda: every)
    # every later migration runs, in order (the list grows as migrations are added)
    assert store.db.migrate(old) == [name for number, name, _ in every if number >= 12]
    assert received_of(old, 1) == {10: Received(NOW, ())}
    old.conn.close()


def test_the_last_digest_that_reached_each_chat_is_read_for_many_at_once(db):
    for chat in (1, 2, 3):
        subscriber(db, chat, "08:00")
    for chat, days in ((1, 2), (1, 1), (2, 1)):
        due, day = NOW - timedelta(days=days), DAY - timedelta(days=days)
        d.add_digest(db, chat, day, parts(1), due_at=due, now=due + timedelta(minutes=5))
    for chat, days in ((1, 2), (1, 1)):
        key = d.PartKey(chat, DAY - timedelta(days=days), 0)
        d.claim_part(db, key, now=NOW)
        d.confirm_part(db, key, message_id=days, now=NOW)
    # chat 1: its latest confirmed, as composed (not due, not sent); chat 2: never confirmed; chat 3: nothing
    composed = NOW - timedelta(days=1) + timedelta(minutes=5)
    assert d.last_delivered_among(db, [1, 2, 3]) == {1: composed}
    assert [d.last_delivered_at(db, c) for c in (1, 2, 3)] == [composed, None, None]


def test_a_digest_stored_before_its_composing_was_kept_counts_from_when_it_was_due(db):
    subscriber(db, 1, "08:00")
    due = NOW - timedelta(days=1)
    d.add_digest(db, 1, DAY - timedelta(days=1), parts(1), due_at=due, now=NOW)
    db.execute("UPDATE deliveries SET composed_at = NULL")
    key = d.PartKey(1, DAY - timedelta(days=1), 0)
    d.claim_part(db, key, now=NOW)
    d.confirm_part(db, key, message_id=1, now=NOW)
    assert d.last_delivered_at(db, 1) == due
