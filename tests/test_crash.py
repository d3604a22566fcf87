"""kill -9 in the middle of a fan-out, for real: the next process finishes it, resends only what was
claimed but unconfirmed (the at-least-once edge), and loses nothing."""

import asyncio
import os
import signal
import sys
from datetime import UTC, date, datetime, timedelta

from store import deliveries, open_db
from tests.conftest import ROOT
from tests.digestkit import add_story, received_twice, sends, subscriber

AT = datetime(2025, 1, 23, 8, 0, 30, tzinfo=UTC)
CHATS = range(1, 31)


async def _start(botapi, db_path, per_second: int):
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": botapi.token, "TELEGRAM_API_BASE_URL": botapi.base_url}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.fanout_child", str(db_path), AT.isoformat(), str(per_second),
        cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def test_kill_9_mid_fanout_then_restart_delivers_everything(db, tmp_path, botapi):
    add_story(db, "Story 1", updated=AT - timedelta(hours=1))
    for chat in CHATS:
        subscriber(db, chat, "08:00")
    db_path = tmp_path / "test.db"
    botapi.inject(None, "sendMessage", delay=0.02, times=None)  # every answer takes a moment

    first = await _start(botapi, db_path, per_second=40)
    await botapi.wait_for_requests(12, "sendMessage", since=0, ok=True, timeout=30.0)
    os.kill(first.pid, signal.SIGKILL)
    await first.wait()
    assert first.returncode == -signal.SIGKILL
    # requests the sender wrote before it died are still being answered (each takes 20 ms here):
    # once they are done, the server's record of what the chats received is final
    await asyncio.sleep(0.5)

    look = open_db(db_path)
    claimed = [
        p for c in CHATS for p in deliveries.parts_of(look, c, date(2025, 1, 23)) if p.state == "claimed"
    ]
    counts = deliveries.delivery_counts(look)
    assert counts.get("pending", 0) > 0, counts  # killed half-way
    # the server may already hold a claimed part's message: those, and only those, may come twice
    may_repeat = {p.chat_id for p in claimed if botapi.sent_messages(p.chat_id)}
    look.conn.close()

    second = await _start(botapi, db_path, per_second=40)
    out, err = await asyncio.wait_for(second.communicate(), timeout=60)
    assert second.returncode == 0, err.decode()
    assert out.decode().startswith(f"recovered={len(claimed)} composed=0 ")
    assert deliveries.delivery_counts(db) == {"sent": len(CHATS)}
    assert {r.chat_id for r in sends(botapi)} == set(CHATS)  # nothing lost
    assert {chat for chat, _ in received_twice(botapi)} == may_repeat
    assert len(sends(botapi)) == len(CHATS) + len(may_repeat)
