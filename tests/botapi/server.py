"""A Bot API server of the project's own, on 127.0.0.1, for tests and benchmarks.

python-telegram-bot talks to it as to Telegram (``base_url=server.base_url``); tests push updates
as users would, inject faults, switch on Telegram's flood limits, and assert on what it recorded::

    async with BotApiServer() as server:
        bot = telegram.Bot(server.token, base_url=server.base_url)
        server.push_command("/start")
        ...                                      # the bot polls and answers
        reply = await server.wait_for_message(server.user.id)
        assert "Welcome" in reply.text

See tests/botapi/README.md for the whole API.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import random
import re
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

from tests.botapi.actions import DEFAULT_USER, UserActions
from tests.botapi.faults import ApiError, Fault, FaultRule, bad_request
from tests.botapi.journal import Journal, Predicate
from tests.botapi.methods import METHODS
from tests.botapi.objects import RecordedRequest, StoredMessage, UploadedFile, User
from tests.botapi.ratelimit import RateLimiter, RateLimits, RateLimitStats
from tests.botapi.state import BotState
from tests.botapi.updates import UpdateQueue
from tests.botapi.webhook import WebhookDelivery

DEFAULT_TOKEN = "123456789:AAE-test-token-of-the-loopback-bot-api"
MESSAGE_SENDING = frozenset({"sendMessage", "sendPhoto"})
MAX_UPLOAD = 60 * 1024 * 1024
_API_PATH = re.compile(r"^/bot([^/]+)/([A-Za-z]+)/?$")
_FILE_PATH = re.compile(r"^/file/bot([^/]+)/(.+)$")
_JSON_FIELDS = frozenset(
    {"reply_markup", "entities", "caption_entities", "commands", "scope", "allowed_updates",
     "link_preview_options", "reply_parameters", "media", "results", "options", "reaction",
     "menu_button", "rights", "explanation_entities", "question_entities"}
)  # fmt: skip
_INT_FIELDS = frozenset(
    {"offset", "limit", "message_id", "reply_to_message_id", "message_thread_id", "cache_time",
     "max_connections", "user_id", "from_chat_id", "duration", "width", "height", "until_date"}
)  # fmt: skip
_BOOL_FIELDS = frozenset(
    {"disable_notification", "protect_content", "show_alert", "drop_pending_updates",
     "disable_web_page_preview", "allow_sending_without_reply", "has_spoiler",
     "show_caption_above_media", "allow_paid_broadcast", "revoke_messages", "is_personal"}
)  # fmt: skip


class BotApiServer(UserActions):
    """The server. Options are keyword-only:

    ``token``: the only token accepted (others get 401 Unauthorized); the bot's id is its number.
    ``strict_html``: reject bare ``&``/``>`` and links Telegram would drop (see entities.py).
    ``known_chats_only``: sending to a chat no update has mentioned is 400 "chat not found"
    (by default such a chat is made up on the fly, which suits delivery benchmarks).
    ``rate_limits``: enforce Telegram's flood limits (off by default; see ratelimit.py).
    ``seed``: for faults with a probability. ``clock``: wall-clock seconds for message dates;
    ``monotonic``: seconds for the flood limits and request times.
    """

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        bot_username: str = "briefing_test_bot",
        bot_name: str = "Briefing (test)",
        user: User = DEFAULT_USER,
        strict_html: bool = True,
        known_chats_only: bool = False,
        rate_limits: RateLimits | None = None,
        seed: int = 0,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.user = user
        self.strict_html = strict_html
        self.known_chats_only = known_chats_only
        self.monotonic = monotonic
        bot = User(int(token.split(":", 1)[0]), bot_name, bot_username, language_code=None, is_bot=True)
        self.state = BotState(bot, clock)
        self.journal = Journal()
        self.updates = UpdateQueue(on_change=self.journal.notify)
        self.faults: list[FaultRule] = []
        self.rng = random.Random(seed)
        self.limiter = RateLimiter(rate_limits, monotonic) if rate_limits else None
        self._push_mark = 0
        self._method_names = {m.lower(): m for m in METHODS}  # Telegram ignores the case
        self._webhook = WebhookDelivery(self)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle -------------------------------------------------------------------------------

    async def start(self, port: int = 0) -> BotApiServer:
        """Listen on 127.0.0.1:``port`` (0: a free port, read it from ``.port``)."""
        app = web.Application(client_max_size=MAX_UPLOAD)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        self.updates.close()
        await self._webhook.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotApiServer:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """For python-telegram-bot's ``base_url`` (it appends the token)."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    @property
    def bot(self) -> User:
        return self.state.bot

    # --- faults and limits -----------------------------------------------------------------------

    def inject(
        self,
        fault: Fault | None,
        method: str | None = None,
        *,
        chat_id: int | str | None = None,
        times: int | None = 1,
        probability: float | None = None,
        delay: float = 0.0,
        deliver: bool = False,
    ) -> FaultRule:
        """Answer matching requests with ``fault`` (see :class:`FaultRule`); rules are tried in the
        order they were added and the first that fires answers. Returns the rule (``.fired``)."""
        if fault is None and not delay:
            raise ValueError("inject a fault, a delay, or both")
        rule = FaultRule(fault, method, chat_id, times, probability, delay, deliver)
        self.faults.append(rule)
        return rule

    def clear_faults(self) -> None:
        self.faults.clear()

    def enable_rate_limits(self, limits: RateLimits | None = None) -> RateLimiter:
        self.limiter = RateLimiter(limits or RateLimits(), self.monotonic)
        return self.limiter

    def disable_rate_limits(self) -> None:
        self.limiter = None

    @property
    def rate_limit_stats(self) -> RateLimitStats:
        return self.limiter.stats if self.limiter else RateLimitStats()

    def set_webhook(
        self, url: str, *, secret_token: str | None = None, max_connections: int | None = None
    ) -> None:
        hook = self.state.webhook
        hook.url, hook.secret_token = url, secret_token
        hook.max_connections = max_connections or 40
        hook.last_error_date = hook.last_error_message = None
        if url:
            self.updates.close()  # a waiting long poll ends, as on Telegram
            self._webhook.start()

    # --- queries ---------------------------------------------------------------------------------

    def mark(self) -> int:
        """The current end of the record: pass it as ``since=`` to look only at what follows."""
        return len(self.journal)

    def requests(
        self,
        method: str | None = None,
        *,
        chat_id: int | str | None = None,
        since: int = 0,
        ok: bool | None = None,
    ) -> list[RecordedRequest]:
        """Recorded requests in the order they were answered, optionally of one method/chat."""
        return self.journal.select(method, chat_id=chat_id, since=since, ok=ok)

    def last(self, method: str | None = None, *, chat_id: int | str | None = None) -> RecordedRequest:
        found = self.requests(method, chat_id=chat_id)
        if not found:
            raise LookupError(
                f"no {method or 'request'} recorded" + (f" for chat {chat_id}" if chat_id else "")
            )
        return found[-1]

    def sent_messages(self, chat_id: int | None = None) -> list[StoredMessage]:
        """Messages the bot sent (as they are now, edits applied), in sending order."""
        if chat_id is None:
            return list(self.state.bot_messages)
        return [m for m in self.messages(chat_id) if m.from_bot]

    def messages(self, chat_id: int) -> list[StoredMessage]:
        """The chat's whole history held here: users' messages and the bot's, in order."""
        chat = self.state.find_chat(chat_id)
        return list(chat.messages.values()) if chat else []

    def message(self, chat_id: int, message_id: int) -> StoredMessage:
        chat = self.state.find_chat(chat_id)
        if chat is None or message_id not in chat.messages:
            raise LookupError(f"no message {message_id} in chat {chat_id}")
        return chat.messages[message_id]

    def commands(self, scope: dict | None = None, language_code: str = "") -> list[dict[str, str]]:
        """The commands set with setMyCommands for that scope (default scope) and language."""
        key = (json.dumps(scope or {"type": "default"}, sort_keys=True), language_code)
        return list(self.state.commands.get(key, []))

    def callback_answer(self, update: dict[str, Any]) -> dict[str, Any] | None:
        """The answerCallbackQuery parameters for a pushed callback query, or None if unanswered."""
        return self.state.callback_queries[update["callback_query"]["id"]].answer

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        return list(self.updates.pending)

    # --- waiting ---------------------------------------------------------------------------------

    async def wait_for(
        self,
        method: str | None = None,
        predicate: Predicate | None = None,
        *,
        chat_id: int | str | None = None,
        since: int | None = None,
        ok: bool | None = None,
        timeout: float = 5.0,
    ) -> RecordedRequest:
        """The first request matching ``method``, ``chat_id``, ``ok`` and ``predicate`` answered
        since ``since`` (default: the last push_*), waiting up to ``timeout`` seconds for it."""
        found = await self.wait_for_requests(
            1, method, predicate, chat_id=chat_id, since=since, ok=ok, timeout=timeout
        )
        return found[0]

    async def wait_for_requests(
        self,
        n: int,
        method: str | None = None,
        predicate: Predicate | None = None,
        *,
        chat_id: int | str | None = None,
        since: int | None = None,
        ok: bool | None = None,
        timeout: float = 5.0,
    ) -> list[RecordedRequest]:
        """The first ``n`` such requests; TimeoutError (listing the last requests) if fewer come."""
        start = self._push_mark if since is None else since
        return await self.journal.wait_for_requests(
            n, method, predicate, chat_id=chat_id, since=start, ok=ok, timeout=timeout
        )

    async def wait_for_message(
        self,
        chat_id: int | None = None,
        *,
        text: str | None = None,
        since: int | None = None,
        timeout: float = 5.0,
    ) -> StoredMessage:
        """The next message the bot sends successfully (to ``chat_id``; whose text or caption
        contains ``text``), as the server holds it."""

        def wanted(record: RecordedRequest) -> bool:
            m = record.message
            return m is not None and (text is None or text in (m.text or m.caption or ""))

        record = await self.wait_for(
            None,
            lambda r: r.method in MESSAGE_SENDING and wanted(r),
            chat_id=chat_id,
            since=since,
            ok=True,
            timeout=timeout,
        )
        assert record.message is not None
        return record.message

    async def wait_until_polling(self, *, timeout: float = 5.0) -> None:
        """Wait until the bot's getUpdates long poll is waiting: it is started and listening."""

        def check() -> bool | None:
            return True if self.updates.polling else None

        await self.journal.until(check, timeout, lambda: f"no long poll waiting within {timeout}s")

    async def wait_until_fetched(self, update: dict[str, Any] | None = None, *, timeout: float = 5.0) -> None:
        """Wait until the bot has fetched ``update`` (default: the last pushed) by getUpdates or
        webhook."""
        target = update["update_id"] if update else self.updates._next_id - 1

        def check() -> bool | None:
            return True if self.updates.delivered_up_to >= target else None

        await self.journal.until(check, timeout, lambda: f"update {target} was not fetched within {timeout}s")

    # --- HTTP ------------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        received = self.monotonic()
        api = _API_PATH.match(request.path)
        if api is None:
            file = _FILE_PATH.match(request.path)
            if file is not None and request.method == "GET":
                return self._serve_file(*file.groups())
            return _json(404, ApiError(404, "Not Found").payload())
        token, name = api.groups()
        canonical = self._method_names.get(name.lower(), name)
        params: dict[str, Any] = {}
        files: dict[str, UploadedFile] = {}
        problem: ApiError | None = None
        message: StoredMessage | None = None
        try:
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            if canonical not in METHODS:
                raise ApiError(404, "Not Found")
            params, files = await _read_params(request)
            result = await self._call(canonical, params, files)
            if isinstance(result, StoredMessage):
                message, result = result, result.to_dict()
            status, body = 200, {"ok": True, "result": result}
        except ApiError as error:
            problem, message = error, error.message
            status, body = error.status, error.payload()
        except web.HTTPRequestEntityTooLarge:
            status, body = 413, ApiError(413, "Request Entity Too Large").payload()
        record = RecordedRequest(
            len(self.journal), canonical, params, files, received, self.monotonic(), status, body,
            problem.fault if problem else None, problem.rate_limited if problem else False, message,
        )  # fmt: skip
        self.journal.add(record)
        return _json(status, body)

    async def _call(self, method: str, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        rule = next(
            (r for r in self.faults if r.matches(method, params.get("chat_id")) and r.fire(self.rng)),
            None,
        )
        if rule is not None and rule.delay:
            await asyncio.sleep(rule.delay)
        if rule is not None and rule.fault is not None and not rule.deliver:
            raise rule.fault.error()
        self._check_rate(method, params)
        result = METHODS[method](self, params, files)
        if inspect.isawaitable(result):
            result = await result
        if rule is not None and rule.fault is not None:  # delivered, then the answer is lost
            raise rule.fault.error(result if isinstance(result, StoredMessage) else None)
        return result

    def _check_rate(self, method: str, params: dict[str, Any]) -> None:
        chat_id = params.get("chat_id")
        if self.limiter is None or chat_id is None or not self.limiter.counts(method):
            return
        known = self.state.find_chat(chat_id)
        group = known.chat.is_group if known else isinstance(chat_id, int) and chat_id < 0
        wait = self.limiter.check(chat_id, group=group)
        if wait is not None:
            error = ApiError(429, f"Too Many Requests: retry after {wait}", {"retry_after": wait})
            error.rate_limited = True
            raise error

    def _serve_file(self, token: str, path: str) -> web.Response:
        if token != self.token:
            return _json(401, ApiError(401, "Unauthorized").payload())
        stored = self.state.files_by_path.get(path)
        if stored is None:
            return _json(404, ApiError(404, "Not Found").payload())
        return web.Response(body=stored.data, content_type="application/octet-stream")


def _json(status: int, body: dict[str, Any]) -> web.Response:
    return web.Response(
        status=status, body=json.dumps(body, ensure_ascii=False), content_type="application/json"
    )


async def _read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    """Parameters from the query string and a form, multipart or JSON body, typed as Telegram
    types them (python-telegram-bot sends every value as a form string, nested ones as JSON)."""
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if request.can_read_body:
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise bad_request("can't parse JSON encoded request") from None
            if not isinstance(body, dict):
                raise bad_request("can't parse JSON encoded request")
            raw.update(body)
        else:
            form = await request.post()
            for name, value in form.items():
                if isinstance(value, web.FileField):
                    files[name] = UploadedFile(name, value.filename, value.content_type, value.file.read())
                else:
                    raw[name] = value
    return {name: _typed(name, value) for name, value in raw.items()}, files


def _typed(name: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if name in _JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {name} JSON object") from None
    if name == "chat_id":
        return int(value) if re.fullmatch(r"-?\d+", value) else value
    if name in _INT_FIELDS or name == "timeout":
        try:
            return float(value) if name == "timeout" else int(value)
        except ValueError:
            raise bad_request(f"invalid {name} specified") from None
    if name in _BOOL_FIELDS:
        return value.lower() in ("true", "1")
    return value
