"""The things the test server keeps: users, chats, messages, uploaded files, recorded requests.

Each knows its Bot API JSON form (``to_dict()``), the shape python-telegram-bot de-serialises.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Any

from tests.botapi.faults import Fault


@dataclass(frozen=True)
class User:
    """A Telegram user (a person by default; the bot itself is one with ``is_bot=True``)."""

    id: int
    first_name: str
    username: str | None = None
    last_name: str | None = None
    language_code: str | None = "en"
    is_bot: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data


@dataclass(frozen=True)
class Chat:
    """A chat: ``private`` (its id is the user's), ``group``, ``supergroup`` or ``channel``."""

    id: int
    type: str = "private"
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None

    @classmethod
    def private(cls, user: User) -> Chat:
        return cls(user.id, "private", None, user.username, user.first_name, user.last_name)

    @classmethod
    def group(cls, chat_id: int, title: str = "Test group", *, supergroup: bool = False) -> Chat:
        if chat_id >= 0:
            raise ValueError(f"group chat ids are negative, not {chat_id}")
        return cls(chat_id, "supergroup" if supergroup else "group", title)

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request, as received (``name`` is the form field's)."""

    name: str
    filename: str | None
    content_type: str | None
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class StoredFile:
    """A file the server holds under a file_id (what getFile and the file URL serve)."""

    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes = field(repr=False)
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class InlineButton:
    """One button of an inline keyboard, with its row and column."""

    text: str
    callback_data: str | None
    url: str | None
    row: int
    column: int


@dataclass
class StoredMessage:
    """A message in a chat as the server holds it now (edits change it; ``versions`` keeps the
    earlier texts). ``text`` is what the user sees; ``html`` what the bot sent with parse_mode HTML.
    Treat it as read-only."""

    chat: Chat
    message_id: int
    sender: User
    date: int
    text: str | None = None
    entities: list[dict] = field(default_factory=list)
    html: str | None = None
    parse_mode: str | None = None
    reply_markup: dict | None = None
    photo: StoredFile | None = None
    caption: str | None = None
    reply_to: StoredMessage | None = None
    edit_date: int | None = None
    deleted: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    versions: list[str | None] = field(default_factory=list)

    @property
    def chat_id(self) -> int:
        return self.chat.id

    @property
    def from_bot(self) -> bool:
        return self.sender.is_bot

    @property
    def buttons(self) -> list[InlineButton]:
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return [
            InlineButton(b.get("text", ""), b.get("callback_data"), b.get("url"), r, c)
            for r, row in enumerate(rows)
            for c, b in enumerate(row)
        ]

    def button(self, text: str) -> InlineButton:
        """The button whose label contains ``text`` (case-insensitive); KeyError if none."""
        for b in self.buttons:
            if text.lower() in b.text.lower():
                return b
        raise KeyError(f"no button {text!r} in message {self.message_id}: {[b.text for b in self.buttons]}")

    def to_dict(self, *, with_reply: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "from": self.sender.to_dict(),
            "chat": self.chat.to_dict(),
            "date": self.date,
        }
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        if self.reply_to is not None and with_reply:
            data["reply_to_message"] = self.reply_to.to_dict(with_reply=False)
        if self.photo is not None:
            data["photo"] = photo_sizes(self.photo)
            if self.caption is not None:
                data["caption"] = self.caption
                if self.entities:
                    data["caption_entities"] = [dict(e) for e in self.entities]
        elif self.text is not None:
            data["text"] = self.text
            if self.entities:
                data["entities"] = [dict(e) for e in self.entities]
        if self.reply_markup is not None:
            data["reply_markup"] = self.reply_markup
        data.update(self.extra)
        return data


@dataclass(frozen=True)
class RecordedRequest:
    """One request the server answered: what came in and what went out.

    ``params`` are typed (ints, bools, parsed JSON for reply_markup/entities/commands...);
    ``files`` the multipart uploads by field name; times are ``time.monotonic()`` seconds.
    ``fault`` is the injected fault that answered it, ``rate_limited`` whether the flood limits did,
    ``message`` the message it sent or edited (its current state).
    """

    seq: int
    method: str
    params: dict[str, Any]
    files: dict[str, UploadedFile]
    received_at: float
    answered_at: float
    status: int
    response: dict[str, Any]
    fault: Fault | None = None
    rate_limited: bool = False
    message: StoredMessage | None = None

    @property
    def chat_id(self) -> int | str | None:
        return self.params.get("chat_id")

    @property
    def ok(self) -> bool:
        return bool(self.response.get("ok"))

    @property
    def result(self) -> Any:
        return self.response.get("result")

    @property
    def description(self) -> str | None:
        return self.response.get("description")

    def summary(self) -> str:
        outcome = "ok" if self.ok else f"{self.status} {self.description}"
        text = self.params.get("text") or self.params.get("caption") or ""
        shown = f" {text[:60]!r}" if text else ""
        return f"#{self.seq} {self.method} chat={self.chat_id}{shown} -> {outcome}"


def image_size(data: bytes) -> tuple[str, int, int] | None:
    """(format, width, height) of a PNG, JPEG or GIF image; None if it is none of them."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return "png", width, height
    if data.startswith((b"GIF87a", b"GIF89a")) and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return "gif", width, height
    if data.startswith(b"\xff\xd8\xff"):
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[str, int, int] | None:
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if i + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return "jpeg", width, height
        i += 2 + length
    return None


def photo_sizes(photo: StoredFile) -> list[dict[str, Any]]:
    """Telegram answers a photo with several sizes; a thumbnail and the photo itself will do."""
    scale = min(1.0, 90 / max(photo.width, photo.height, 1))
    thumb = {
        "file_id": photo.file_id + "-s",
        "file_unique_id": photo.file_unique_id + "s",
        "file_size": len(photo.data),
        "width": max(1, round(photo.width * scale)),
        "height": max(1, round(photo.height * scale)),
    }
    full = {
        "file_id": photo.file_id,
        "file_unique_id": photo.file_unique_id,
        "file_size": len(photo.data),
        "width": photo.width,
        "height": photo.height,
    }
    return [thumb, full]


def topic(thread: int | None) -> dict[str, Any]:
    """A message's fields saying it is in a forum topic (none when ``thread`` is None)."""
    return {} if thread is None else {"message_thread_id": thread, "is_topic_message": True}
