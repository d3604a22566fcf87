"""What the test server knows: chats, their messages, files, callback queries, commands, webhook."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.botapi.faults import ApiError, bad_request, forbidden
from tests.botapi.objects import Chat, StoredFile, StoredMessage, User

SUPERGROUP_BASE = -1_000_000_000_000


@dataclass
class ChatState:
    """A chat and what happened in it. ``blocked``: the user blocked the bot; ``removed``: the bot
    was kicked from the group; ``migrated_to``: the group became that supergroup."""

    chat: Chat
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    next_message_id: int = 1
    blocked: bool = False
    removed: bool = False
    migrated_to: int | None = None
    # a group's members by user id: their status ("creator", "administrator", "member", "left"...), and
    # the users themselves; the first user who writes in a group is taken for its creator
    members: dict[int, str] = field(default_factory=dict)
    users: dict[int, User] = field(default_factory=dict)

    def refuse(self) -> ApiError | None:
        """The error Telegram gives a bot that sends here now, if any."""
        if self.migrated_to is not None:
            return bad_request(
                "group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.migrated_to},
            )
        if self.blocked:
            return forbidden("bot was blocked by the user")
        if self.removed:
            return forbidden(f"bot was kicked from the {self.chat.type} chat")
        return None


@dataclass
class CallbackQuery:
    id: str
    user: User
    message: StoredMessage
    data: str | None
    answered: bool = False
    answer: dict[str, Any] | None = None


@dataclass
class Webhook:
    url: str = ""
    secret_token: str | None = None
    max_connections: int = 40
    last_error_date: int | None = None
    last_error_message: str | None = None


class BotState:
    def __init__(self, bot: User, clock: Callable[[], float]):
        self.bot = bot
        self.clock = clock
        self.chats: dict[int, ChatState] = {}
        self.bot_messages: list[StoredMessage] = []
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.callback_queries: dict[str, CallbackQuery] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.descriptions: dict[tuple[str, str], str] = {}
        self.webhook = Webhook()
        self._next_file = 1
        self._next_query = 1

    def now(self) -> int:
        return int(self.clock())

    def add_chat(self, chat: Chat) -> ChatState:
        """Register a chat (or update its details, keeping its history)."""
        state = self.chats.get(chat.id)
        if state is None:
            state = self.chats[chat.id] = ChatState(chat)
        else:
            state.chat = chat
        return state

    def find_chat(self, chat_id: int | str) -> ChatState | None:
        if isinstance(chat_id, str):
            name = chat_id.lstrip("@").lower()
            return next((c for c in self.chats.values() if (c.chat.username or "").lower() == name), None)
        return self.chats.get(chat_id)

    def chat_for(self, chat_id: int | str, *, create: bool) -> ChatState:
        """The chat a request names; with ``create``, a chat the server has not seen is made up
        (positive ids are private chats, negative ones groups, -100... supergroups)."""
        state = self.find_chat(chat_id)
        if state is not None:
            return state
        if not create or not isinstance(chat_id, int) or chat_id == 0:
            raise bad_request("chat not found")
        if chat_id > 0:
            return self.add_chat(Chat(chat_id, "private", first_name=f"User {chat_id}"))
        kind = "supergroup" if chat_id <= SUPERGROUP_BASE else "group"
        return self.add_chat(Chat(chat_id, kind, title=f"Group {chat_id}"))

    def add_message(self, chat: ChatState, sender: User, **fields: Any) -> StoredMessage:
        if chat.chat.type in ("group", "supergroup") and not sender.is_bot:
            chat.users.setdefault(sender.id, sender)
            chat.members.setdefault(sender.id, "member" if chat.members else "creator")
        message = StoredMessage(chat.chat, chat.next_message_id, sender, self.now(), **fields)
        chat.messages[message.message_id] = message
        chat.next_message_id += 1
        if sender.is_bot:
            self.bot_messages.append(message)
        return message

    def add_file(self, data: bytes, width: int, height: int, extension: str) -> StoredFile:
        digest = hashlib.sha256(data).hexdigest()[:16]
        n = self._next_file
        self._next_file += 1
        stored = StoredFile(
            f"AgAD{n:06d}{digest}",
            f"AQAD{digest}",
            f"photos/file_{n}.{extension}",
            data,
            width,
            height,
        )
        self.files[stored.file_id] = stored
        self.files_by_path[stored.file_path] = stored
        return stored

    def find_file(self, file_id: str) -> StoredFile | None:
        return self.files.get(file_id.removesuffix("-s"))

    def new_callback_query(self, user: User, message: StoredMessage, data: str | None) -> CallbackQuery:
        query = CallbackQuery(f"{4_200_000_000_000 + self._next_query}", user, message, data)
        self._next_query += 1
        self.callback_queries[query.id] = query
        return query
