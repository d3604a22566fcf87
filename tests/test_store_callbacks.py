"""Callback ids for inline buttons, and which bot messages answered which user message."""

from __future__ import annotations

from datetime import timedelta

from store.callbacks import ChatReply, get_callback, prune_callbacks, remember_reply, reply_to, save_callback
from tests.conftest import NOW


def test_a_callback_id_is_short_and_resolves_to_its_payload(db):
    key = save_callback(db, 1001, '{"doc": null}', now=NOW)
    assert len(key) == 8 and len(f"{key}:p1234".encode()) <= 64
    found = get_callback(db, key)
    assert (found.chat_id, found.payload, found.created_at) == (1001, '{"doc": null}', NOW)
    assert get_callback(db, "nope") is None


def test_ids_are_distinct(db):
    keys = {save_callback(db, 1, "x", now=NOW) for _ in range(200)}
    assert len(keys) == 200


def test_old_callbacks_are_pruned_when_new_ones_are_saved(db):
    old = save_callback(db, 1, "old", now=NOW - timedelta(days=8))
    recent = save_callback(db, 1, "recent", now=NOW - timedelta(days=6))
    save_callback(db, 1, "now", now=NOW)
    assert get_callback(db, old) is None and get_callback(db, recent) is not None
    assert prune_callbacks(db, NOW + timedelta(days=1)) == 2


def test_the_answer_to_a_message_is_remembered_and_replaced(db):
    remember_reply(db, 1001, 5, (6, 7), now=NOW)
    assert reply_to(db, 1001, 5).bot_message_ids == (6, 7)
    remember_reply(db, 1001, 5, (6,), now=NOW)
    assert reply_to(db, 1001, 5).bot_message_ids == (6,)
    assert reply_to(db, 1002, 5) is None


def test_the_answers_picture_is_remembered_among_its_messages(db):
    remember_reply(db, 1001, 5, (6, 7, 8), now=NOW, photo_id=8)
    assert reply_to(db, 1001, 5) == ChatReply(1001, 5, (6, 7, 8), 8)
    remember_reply(db, 1001, 5, (6, 7), now=NOW)
    assert reply_to(db, 1001, 5).photo_id is None
    db.execute("UPDATE chat_replies SET bot_message_ids = '6,9'")  # a row from before pictures were marked
    assert reply_to(db, 1001, 5) == ChatReply(1001, 5, (6, 9), None)


def test_answers_older_than_two_days_are_forgotten(db):
    remember_reply(db, 1001, 5, (6,), now=NOW - timedelta(days=3))
    remember_reply(db, 1001, 9, (10,), now=NOW)
    assert reply_to(db, 1001, 5) is None and reply_to(db, 1001, 9) is not None


def test_a_migrated_group_keeps_its_buttons_and_answers(db):
    from store.subscribers import migrate_chat

    key = save_callback(db, -100, "x", now=NOW)
    remember_reply(db, -100, 5, (6,), now=NOW)
    migrate_chat(db, -100, -1009, now=NOW)
    assert get_callback(db, key).chat_id == -1009
    assert reply_to(db, -1009, 5).bot_message_ids == (6,) and reply_to(db, -100, 5) is None


def test_a_button_older_than_a_week_is_expired_even_before_it_is_pruned(db):
    key = save_callback(db, 1, "old", now=NOW - timedelta(days=8))
    assert get_callback(db, key) is not None  # still stored: no button was made since
    assert get_callback(db, key, now=NOW) is None
    assert get_callback(db, key, now=NOW - timedelta(days=2)) is not None


def test_an_answer_that_confirms_a_change_is_marked_so(db):
    remember_reply(db, 1001, 5, (6, 7), now=NOW, photo_id=7, changed=True)
    assert reply_to(db, 1001, 5) == ChatReply(1001, 5, (6, 7), 7, changed=True)
    remember_reply(db, 1001, 5, (8,), now=NOW)
    assert reply_to(db, 1001, 5) == ChatReply(1001, 5, (8,), None, changed=False)
