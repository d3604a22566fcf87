"""Delivering queued updates to a webhook on 127.0.0.1, as Telegram does after setWebhook.

Updates go one at a time, in order, as a JSON POST with the ``X-Telegram-Bot-Api-Secret-Token``
header when a secret was set. A 2xx answer confirms the update; anything else (or no answer) is
kept in getWebhookInfo's ``last_error_message`` and the update is retried after ``retry_delay``.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

import aiohttp

if TYPE_CHECKING:
    from tests.botapi.server import BotApiServer


class WebhookDelivery:
    def __init__(self, server: BotApiServer, *, retry_delay: float = 0.2, timeout: float = 5.0):
        self.server = server
        self.retry_delay = retry_delay
        self.timeout = timeout
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Deliver from now on (idempotent); with the URL cleared, delivery just waits."""
        if self._task is None:
            self.server.updates.on_push.append(self._wake.set)
            self._task = asyncio.create_task(self._run(), name="botapi-webhook")
        self._wake.set()

    async def stop(self) -> None:
        if self._task is not None:
            self.server.updates.on_push.remove(self._wake.set)
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            while True:
                if not self.server.updates.pending or not self.server.state.webhook.url:
                    self._wake.clear()
                    await self._wake.wait()
                    continue
                update = self.server.updates.pending[0]
                if await self._post(session, update):
                    self.server.updates.delivered_up_to = update["update_id"]
                    self.server.updates.confirm(update["update_id"] + 1)
                    self.server.journal.notify()
                else:
                    await asyncio.sleep(self.retry_delay)

    async def _post(self, session: aiohttp.ClientSession, update: dict) -> bool:
        hook = self.server.state.webhook
        headers = {"X-Telegram-Bot-Api-Secret-Token": hook.secret_token} if hook.secret_token else {}
        try:
            async with session.post(hook.url, json=update, headers=headers) as response:
                if 200 <= response.status < 300:
                    return True
                error = f"Wrong response from the webhook: {response.status} {response.reason}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            error = f"Connection failed: {exc.__class__.__name__}"
        hook.last_error_date = self.server.state.now()
        hook.last_error_message = error
        return False
