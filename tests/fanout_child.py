"""A digest sender in a process of its own, for the kill -9 test and the fan-out benchmark:
``python -m tests.fanout_child DB NOW [PER_SECOND]`` (an int) recovers, then runs one digest tick at NOW
against the Bot API server named by TELEGRAM_BOT_TOKEN and TELEGRAM_API_BASE_URL."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import datetime

os.environ.setdefault("PTB_TIMEDELTA", "1")

from briefing.adapters.delivery import bot_from_settings, recover, run_due_digests
from briefing.adapters.pacer import Limits, Pacer
from briefing.adapters.sender import SendPolicy
from briefing.service import App
from config import load_settings
from store import open_db


async def main(db_path: str, now: datetime, per_second: int) -> None:
    settings = load_settings({**os.environ, "BRIEFING_DB": db_path})
    app = App(db=open_db(db_path), settings=settings, clock=lambda: now)
    recovered = recover(app)
    bot = bot_from_settings(settings, pool=32)
    async with bot:
        report = await run_due_digests(
            app,
            bot,
            now=now,
            pacer=Pacer(Limits(per_window=per_second, window=1.0)),
            policy=SendPolicy(backoff=0.2),
        )
    print(
        f"recovered={recovered} composed={report.composed} sent={report.sent} later={report.later}",
        flush=True,
    )


if __name__ == "__main__":
    rate = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    asyncio.run(main(sys.argv[1], datetime.fromisoformat(sys.argv[2]), rate))
