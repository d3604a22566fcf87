"""Run the test Bot API server by hand and chat with a real bot through it.

    python -m tests.botapi [--port 8081] [--rate-limits]

It prints the two settings to start the bot with (in another terminal), then every line typed here
is sent to the bot as a message from the test user (a line starting with "/" is a command), and
every request the bot makes is printed with its outcome, the bot's replies in full. Ctrl-D stops it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys

from tests.botapi.objects import RecordedRequest
from tests.botapi.ratelimit import RateLimits
from tests.botapi.server import BotApiServer


def show(record: RecordedRequest) -> None:
    if record.method == "getUpdates" and record.ok and not record.result:
        return  # an empty long poll says nothing
    print(record.summary(), flush=True)
    if record.ok and record.message is not None:
        shown = record.message.text or record.message.caption or "(photo)"
        print("  bot> " + shown.replace("\n", "\n       "), flush=True)
        for button in record.message.buttons:
            print(f"       [{button.text}] -> {button.callback_data or button.url}", flush=True)


async def chat(port: int, rate_limits: bool) -> None:
    server = BotApiServer(rate_limits=RateLimits() if rate_limits else None)
    await server.start(port)
    try:
        server.journal.listeners.append(show)
        print(f"TELEGRAM_API_BASE_URL={server.base_url} TELEGRAM_BOT_TOKEN={server.token}")
        print(
            f"Type as {server.user.first_name} (user id {server.user.id}); Ctrl-D to stop.",
            flush=True,
        )
        loop = asyncio.get_running_loop()
        while line := await loop.run_in_executor(None, sys.stdin.readline):
            if line.strip():
                server.push_message(line.rstrip("\n"))
    finally:
        await server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.botapi", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--port", type=int, default=8081, help="port on 127.0.0.1 (default 8081; 0: any free one)"
    )
    parser.add_argument("--rate-limits", action="store_true", help="enforce Telegram's flood limits")
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(chat(args.port, args.rate_limits))


if __name__ == "__main__":
    main()
