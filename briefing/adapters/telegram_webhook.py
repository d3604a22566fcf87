"""Webhook mode: an update python-telegram-bot cannot read is answered and skipped, not retried.

python-telegram-bot's webhook server parses each update Telegram posts (``TelegramHandler.post``). One
it cannot read (a field it requires missing, a Bot API version it does not know) was answered 400 with
a CRITICAL line quoting it whole, a user's message: Telegram posts it again and again, and every
update after it waits behind it, so the bot was deaf for every chat (issue 5, as QA22b F1 was for
long polling). Its route is given :class:`ReadableOnly`, python-telegram-bot's handler that first puts
a bare update of its id in the place of such a post, as :class:`~.telegram_backlog.DurableBot` does
with a polled batch: the post is answered 200, so Telegram goes on to the next update, the bare update
is answered by no handler, and one warning names its id and kind, never its content.
"""

from __future__ import annotations

import json
import logging

from telegram.ext import Updater
from telegram.ext._utils.webhookhandler import TelegramHandler, WebhookAppClass

from briefing.adapters.telegram_backlog import readable_or_bare, update_id

log = logging.getLogger(__name__)


class ReadableOnly(TelegramHandler):
    """python-telegram-bot's webhook handler, given a bare update of its id in the place of a post it
    cannot read (which its ``post`` would answer 400 and log whole)."""

    def prepare(self) -> None:
        self._validate_post()  # only a post with the secret token is read, and can log a warning
        try:
            data = json.loads(self.request.body)
        except ValueError:
            return  # not JSON: python-telegram-bot refuses it, as before
        if not isinstance(data, dict) or update_id(data) is None:
            return  # no update: nothing to skip it by
        readable = readable_or_bare(data, self.bot)
        if readable is not data:
            self.request.body = json.dumps(readable).encode()


def skip_unreadable(updater: Updater) -> None:
    """Give the webhook's route, served by ``updater`` once ``start_webhook`` has returned, the handler
    :class:`ReadableOnly`. ``start_webhook`` does not yield to the event loop between starting to
    listen and returning, so no post is read before (one that were would be refused and posted again).
    Without the server where python-telegram-bot 22 keeps it (another version), a warning says
    unreadable updates are refused again, and the bot runs on."""
    server = getattr(getattr(updater, "_httpd", None), "_http_server", None)
    app = getattr(server, "request_callback", None)
    rules = app.wildcard_router.rules if isinstance(app, WebhookAppClass) else []
    ours = [rule for rule in rules if rule.target is TelegramHandler]
    if not ours:
        log.warning(
            "the webhook's handler was not found where python-telegram-bot 22 keeps it: an update it"
            " cannot read is refused (and posted again by Telegram) instead of skipped"
        )
        return
    for rule in ours:
        rule.target = ReadableOnly
