"""What users do, turned into updates for the bot: messages, commands, edits, button presses,
group migrations, blocking the bot. Mixed into :class:`BotApiServer`; each ``push_*`` queues an
update (Bot API JSON) and returns it. Pushed messages also enter the chat's history, so the bot can
reply to them, and ``wait_for...`` calls after a push only look at requests made after it.
"""

from __future__ import annotations

import re
from typing import Any

from tests.botapi.entities import utf16_len
from tests.botapi.journal import Journal
from tests.botapi.objects import Chat, StoredMessage, User, topic
from tests.botapi.state import BotState, ChatState
from tests.botapi.updates import UpdateQueue

DEFAULT_USER = User(1001, "Alice", "alice", "Reader")
_LEADING_COMMAND = re.compile(r"^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?")


class UserActions:
    state: BotState
    updates: UpdateQueue
    journal: Journal
    user: User
    _push_mark: int

    def _push(self, payload: dict[str, Any]) -> dict[str, Any]:
        self._push_mark = len(self.journal)
        return self.updates.push(payload)

    def _chat_state(self, chat: Chat | int | None, user: User) -> ChatState:
        if chat is None:
            return self.state.add_chat(Chat.private(user))
        if isinstance(chat, int):
            known = self.state.find_chat(chat)
            if known is None:
                raise KeyError(f"no chat {chat}; pass a Chat to create it")
            return known
        return self.state.add_chat(chat)

    def push_update(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue a raw update (``{"message": {...}}`` etc.); the update_id is assigned here."""
        return self._push(payload)

    def push_message(
        self,
        text: str,
        *,
        user: User | None = None,
        chat: Chat | int | None = None,
        reply_to: int | None = None,
        entities: list[dict] | None = None,
        thread: int | None = None,
    ) -> dict[str, Any]:
        """A user writes ``text`` (in their private chat unless ``chat`` is given). A leading
        ``/command`` gets its bot_command entity, as Telegram adds it. ``thread``: the forum topic
        (``message_thread_id``) of a supergroup it is written in."""
        user = user or self.user
        chat_state = self._chat_state(chat, user)
        reply = chat_state.messages.get(reply_to) if reply_to is not None else None
        if reply_to is not None and reply is None:
            raise KeyError(f"no message {reply_to} in chat {chat_state.chat.id}")
        if entities is None:
            entities = _command_entities(text)
        extra = topic(thread)
        message = self.state.add_message(
            chat_state, user, text=text, entities=entities, reply_to=reply, extra=extra
        )
        return self._push({"message": message.to_dict()})

    def push_other(
        self,
        fields: dict[str, Any],
        *,
        caption: str | None = None,
        user: User | None = None,
        chat: Chat | int | None = None,
    ) -> dict[str, Any]:
        """A user sends something else than text: ``fields`` are the Bot API Message's for it
        (``{"sticker": {...}}``, ``{"location": {"latitude": 50.4, "longitude": 30.5}}``); a
        ``caption`` starting with a command gets its entity, as Telegram adds it."""
        user = user or self.user
        chat_state = self._chat_state(chat, user)
        extra = dict(fields)
        if caption is not None:
            extra["caption"] = caption
            if entities := _command_entities(caption):
                extra["caption_entities"] = entities
        message = self.state.add_message(chat_state, user, extra=extra)
        return self._push({"message": message.to_dict()})

    def push_command(
        self,
        command: str,
        *,
        user: User | None = None,
        chat: Chat | int | None = None,
        mention: bool = False,
    ) -> dict[str, Any]:
        """A user sends a command: ``push_command("/actor Kellogg")`` (the slash is optional).
        ``mention=True`` writes it as ``/actor@<bot username>``, as group members often do."""
        text = command if command.startswith("/") else "/" + command
        if mention:
            name, _, rest = text.partition(" ")
            text = f"{name}@{self.state.bot.username}" + (f" {rest}" if rest else "")
        return self.push_message(text, user=user, chat=chat)

    def push_edited_message(
        self,
        message_id: int,
        text: str,
        *,
        chat: Chat | int | None = None,
        user: User | None = None,
    ) -> dict[str, Any]:
        """A user edits one of their messages (by id) to say ``text``."""
        user = user or self.user
        chat_state = self._chat_state(chat, user)
        message = chat_state.messages.get(message_id)
        if message is None or message.from_bot:
            raise KeyError(f"no user message {message_id} in chat {chat_state.chat.id}")
        message.versions.append(message.text)
        message.text, message.entities = text, _command_entities(text)
        message.edit_date = self.state.now()
        return self._push({"edited_message": message.to_dict()})

    def push_callback_query(
        self,
        message: StoredMessage | int,
        data: str | None = None,
        *,
        button: str | None = None,
        chat: Chat | int | None = None,
        user: User | None = None,
    ) -> dict[str, Any]:
        """A user presses an inline button of a message the bot sent: the one whose callback_data is
        ``data``, or whose label contains ``button``. The button must be on the message now."""
        user = user or self.user
        if isinstance(message, int):
            chat_state = self._chat_state(chat, user)
            found = chat_state.messages.get(message)
            if found is None:
                raise KeyError(f"no message {message} in chat {chat_state.chat.id}")
            message = found
        if data is None and button is None:
            raise ValueError("say which button: data=... or button=...")
        pressed = message.button(button) if button is not None else None
        if pressed is None:
            matching = [b for b in message.buttons if b.callback_data == data]
            if not matching:
                shown = [b.callback_data for b in message.buttons]
                raise KeyError(f"no button {data!r} on message {message.message_id}: {shown}")
            pressed = matching[0]
        if pressed.callback_data is None:
            raise ValueError(f"button {pressed.text!r} has no callback_data (a URL button opens a page)")
        query = self.state.new_callback_query(user, message, pressed.callback_data)
        payload = {
            "id": query.id,
            "from": user.to_dict(),
            "message": message.to_dict(),
            "chat_instance": str(abs(message.chat_id) * 7 + 1),
            "data": pressed.callback_data,
        }
        return self._push({"callback_query": payload})

    def push_migration(
        self, chat: Chat | int, new_chat_id: int, *, user: User | None = None
    ) -> list[dict[str, Any]]:
        """A group becomes a supergroup: the two service messages Telegram sends, and from now on
        sending to the old id fails with ``migrate_to_chat_id``."""
        user = user or self.user
        old = self._chat_state(chat, user)
        if not old.chat.is_group:
            raise ValueError(f"chat {old.chat.id} is not a group")
        new = self.state.add_chat(Chat(new_chat_id, "supergroup", old.chat.title))
        first = self.state.add_message(old, user, extra={"migrate_to_chat_id": new_chat_id})
        old.migrated_to = new_chat_id
        second = self.state.add_message(new, user, extra={"migrate_from_chat_id": old.chat.id})
        return [self._push({"message": first.to_dict()}), self._push({"message": second.to_dict()})]

    def push_my_chat_member(
        self,
        chat: Chat | int | None = None,
        new_status: str = "kicked",
        *,
        old_status: str | None = None,
        user: User | None = None,
    ) -> dict[str, Any]:
        """The bot's membership changes (``member``, ``left`` or ``kicked``). In a private chat
        ``kicked`` means the user blocked the bot and ``member`` that they unblocked it; sending
        there fails (403) while blocked or removed."""
        user = user or self.user
        state = self._chat_state(chat, user)
        if new_status not in ("member", "left", "kicked"):
            raise ValueError(f"status {new_status!r}: use member, left or kicked")
        if old_status is None:
            old_status = "member" if new_status != "member" else "kicked"
        removed = new_status != "member"
        if state.chat.type == "private":
            state.blocked = removed
        else:
            state.removed = removed
        payload = {
            "chat": state.chat.to_dict(),
            "from": user.to_dict(),
            "date": self.state.now(),
            "old_chat_member": _member(self.state.bot, old_status),
            "new_chat_member": _member(self.state.bot, new_status),
        }
        return self._push({"my_chat_member": payload})

    def push_blocked(self, user: User | None = None) -> dict[str, Any]:
        """The user blocks the bot (a ``my_chat_member`` update with status ``kicked``)."""
        return self.push_my_chat_member(None, "kicked", user=user or self.user)

    def set_member(self, chat: Chat | int, user: User, status: str = "administrator") -> None:
        """Make ``user`` a member of a group with ``status`` ("creator", "administrator", "member",
        "left"...), as getChatMember and getChatAdministrators then answer. A user who writes in a group
        first is its creator, later ones members, unless set here."""
        state = self._chat_state(chat, user)
        state.users[user.id] = user
        state.members[user.id] = status

    def set_blocked(self, chat_id: int, blocked: bool = True) -> None:
        """Mark a chat blocked (403 on send) without an update, as if it happened while the bot
        was away."""
        self.state.chat_for(chat_id, create=True).blocked = blocked


def _member(bot: User, status: str) -> dict[str, Any]:
    member: dict[str, Any] = {"status": status, "user": bot.to_dict()}
    if status == "kicked":
        member["until_date"] = 0
    return member


def _command_entities(text: str) -> list[dict]:
    match = _LEADING_COMMAND.match(text)
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group())}] if match else []
