"""The Bot API methods the test server implements, each checking its input as Telegram does.

A method is a function ``(server, params, files) -> result`` registered with ``@method``; a result
that is a :class:`StoredMessage` is answered as a Message object. Errors are raised as
:class:`ApiError` with Telegram's wording. To add a method, write one more function here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from tests.botapi.entities import EntityParseError, ParsedText, parse_html, utf16_len
from tests.botapi.faults import ApiError, bad_request
from tests.botapi.objects import StoredMessage, UploadedFile, image_size, topic
from tests.botapi.state import ChatState

if TYPE_CHECKING:
    from tests.botapi.server import BotApiServer

Handler = Callable[["BotApiServer", dict[str, Any], dict[str, UploadedFile]], Any | Awaitable[Any]]
METHODS: dict[str, Handler] = {}

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
PHOTO_MAX_BYTES = 10 * 1024 * 1024
CHAT_ACTIONS = frozenset(
    {"typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
     "upload_document", "choose_sticker", "find_location", "record_video_note",
     "upload_video_note"}
)  # fmt: skip
BUTTON_ACTIONS = (
    "callback_data", "url", "web_app", "login_url", "switch_inline_query",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
    "callback_game", "pay",
)  # fmt: skip
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the same "
    "as a current content and reply markup of the message"
)


def method(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        METHODS[name] = handler
        return handler

    return register


# --- shared checks -------------------------------------------------------------------------------


def target_chat(server: BotApiServer, params: dict[str, Any]) -> ChatState:
    """The chat a sending method names, or the error Telegram gives for it."""
    chat_id = params.get("chat_id")
    if chat_id is None or chat_id == "":
        raise bad_request("chat_id is empty")
    chat = server.state.chat_for(chat_id, create=not server.known_chats_only)
    refusal = chat.refuse()
    if refusal is not None:
        raise refusal
    return chat


def formatted(server: BotApiServer, text: str, params: dict[str, Any], *, caption: bool) -> ParsedText:
    """Text or caption after entity parsing, checked against Telegram's limits."""
    parse_mode = params.get("parse_mode")
    given = params.get("caption_entities" if caption else "entities")
    if parse_mode in (None, ""):
        parsed = ParsedText(text, tuple(_checked_entities(given, text)))
    elif parse_mode.lower() == "html":
        try:
            parsed = parse_html(text, strict=server.strict_html)
        except EntityParseError as exc:
            raise bad_request(f"can't parse entities: {exc}") from None
    elif parse_mode.lower() in ("markdown", "markdownv2"):
        raise bad_request(f"parse_mode {parse_mode} is not implemented by the test server; use HTML")
    else:
        raise bad_request("unsupported parse_mode")
    if not caption and not parsed.text.strip():
        raise bad_request("message text is empty")
    if parsed.utf16_length > (CAPTION_LIMIT if caption else TEXT_LIMIT):
        raise bad_request("message caption is too long" if caption else "message is too long")
    return parsed


def _checked_entities(entities: Any, text: str) -> list[dict]:
    if entities is None:
        return []
    size = utf16_len(text)
    ok = isinstance(entities, list) and all(
        isinstance(e, dict)
        and isinstance(e.get("type"), str)
        and isinstance(e.get("offset"), int)
        and isinstance(e.get("length"), int)
        and e["offset"] >= 0
        and e["offset"] + e["length"] <= size
        for e in entities
    )
    if not ok:
        raise bad_request("can't parse entities JSON object")
    return [dict(e) for e in entities]


def checked_markup(markup: Any) -> dict | None:
    """The reply_markup as Telegram would keep it, or its error (callback_data over 64 bytes...)."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        if {"keyboard", "remove_keyboard", "force_reply"} & markup.keys():
            return markup
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise bad_request('can\'t parse inline keyboard: field "inline_keyboard" must be an Array of Arrays')
    for button in (b for row in rows for b in row):
        _check_button(button)
    return markup


def _check_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request('can\'t parse inline keyboard button: Field "text" must be of type String')
    if not button["text"].strip():
        raise bad_request("can't parse inline keyboard button: Text must be non-empty")
    if not any(key in button for key in BUTTON_ACTIONS):
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    data = button.get("callback_data")
    if data is not None and not (isinstance(data, str) and 1 <= len(data.encode("utf-8")) <= 64):
        raise bad_request("BUTTON_DATA_INVALID")
    url = button.get("url")
    if url is not None and not (isinstance(url, str) and re.match(r"^(https?|tg)://\S+$", url)):
        raise bad_request("BUTTON_URL_INVALID")


def replied_message(chat: ChatState, params: dict[str, Any]) -> StoredMessage | None:
    reply = params.get("reply_parameters")
    if reply is None and params.get("reply_to_message_id") is not None:
        reply = {
            "message_id": params["reply_to_message_id"],
            "allow_sending_without_reply": params.get("allow_sending_without_reply"),
        }
    if reply is None:
        return None
    if not isinstance(reply, dict):
        raise bad_request("can't parse reply parameters JSON object")
    target = chat.messages.get(reply.get("message_id"))  # type: ignore[arg-type]
    if target is None or target.deleted:
        if reply.get("allow_sending_without_reply"):
            return None
        raise bad_request("message to be replied not found")
    return target


def editable_message(server: BotApiServer, params: dict[str, Any]) -> StoredMessage:
    if params.get("inline_message_id"):
        raise bad_request("inline messages are not implemented by the test server")
    chat = target_chat(server, params)
    message_id = params.get("message_id")
    if message_id is None:
        raise bad_request("message identifier is not specified")
    message = chat.messages.get(message_id)
    if message is None or message.deleted:
        raise bad_request("message to edit not found")
    if not message.from_bot:
        raise bad_request("message can't be edited")
    return message


# --- methods -------------------------------------------------------------------------------------


@method("getMe")
def get_me(server: BotApiServer, params: dict, files: dict) -> dict:
    return {
        **server.state.bot.to_dict(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


@method("getUpdates")
async def get_updates(server: BotApiServer, params: dict, files: dict) -> list[dict]:
    if server.state.webhook.url:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first",
        )
    limit = params.get("limit") or 100
    if not 1 <= limit <= 100:
        limit = 100
    server.updates.set_allowed(params.get("allowed_updates"))
    timeout = max(0.0, float(params.get("timeout") or 0))
    return await server.updates.poll(params.get("offset"), limit, timeout)


@method("sendMessage")
def send_message(server: BotApiServer, params: dict, files: dict) -> StoredMessage:
    chat = target_chat(server, params)
    text = params.get("text")
    if not isinstance(text, str) or not text:
        raise bad_request("message text is empty")
    parsed = formatted(server, text, params, caption=False)
    markup = checked_markup(params.get("reply_markup"))
    reply_to = replied_message(chat, params)
    return server.state.add_message(
        chat,
        server.state.bot,
        text=parsed.text,
        entities=list(parsed.entities),
        html=text if params.get("parse_mode") else None,
        parse_mode=params.get("parse_mode"),
        reply_markup=markup,
        reply_to=reply_to,
        extra=topic(params.get("message_thread_id")),
    )


@method("sendPhoto")
def send_photo(server: BotApiServer, params: dict, files: dict) -> StoredMessage:
    chat = target_chat(server, params)
    photo = _photo(server, params, files)
    caption = params.get("caption")
    parsed = formatted(server, caption, params, caption=True) if caption else None
    markup = checked_markup(params.get("reply_markup"))
    reply_to = replied_message(chat, params)
    return server.state.add_message(
        chat,
        server.state.bot,
        photo=photo,
        caption=parsed.text if parsed else None,
        entities=list(parsed.entities) if parsed else [],
        html=caption if params.get("parse_mode") else None,
        parse_mode=params.get("parse_mode"),
        reply_markup=markup,
        reply_to=reply_to,
        extra=topic(params.get("message_thread_id")),
    )


def _photo(server: BotApiServer, params: dict, files: dict[str, UploadedFile]):
    given = params.get("photo")
    upload = files.get("photo")
    if isinstance(given, str) and given.startswith("attach://"):
        upload = files.get(given.removeprefix("attach://"))
    if upload is None:
        if isinstance(given, str) and given:
            known = server.state.find_file(given)
            if known is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            return known
        raise bad_request("there is no photo in the request")
    data = upload.data
    if not data:
        raise bad_request("file must be non-empty")
    if len(data) > PHOTO_MAX_BYTES:
        raise bad_request("file is too big")
    sniffed = image_size(data)
    if sniffed is None:
        raise bad_request("IMAGE_PROCESS_FAILED")
    kind, width, height = sniffed
    if width == 0 or height == 0 or width + height > 10_000 or max(width, height) > 20 * min(width, height):
        raise bad_request("PHOTO_INVALID_DIMENSIONS")
    return server.state.add_file(data, width, height, "jpg" if kind == "jpeg" else kind)


@method("editMessageText")
def edit_message_text(server: BotApiServer, params: dict, files: dict) -> StoredMessage:
    message = editable_message(server, params)
    if message.photo is not None:
        raise bad_request("there is no text in the message to edit")
    text = params.get("text")
    if not isinstance(text, str) or not text:
        raise bad_request("message text is empty")
    parsed = formatted(server, text, params, caption=False)
    markup = checked_markup(params.get("reply_markup"))  # no markup given: the keyboard goes
    if (
        parsed.text == message.text
        and list(parsed.entities) == message.entities
        and markup == message.reply_markup
    ):
        raise bad_request(_NOT_MODIFIED)
    message.versions.append(message.text)
    message.text, message.entities, message.reply_markup = (
        parsed.text,
        list(parsed.entities),
        markup,
    )
    message.html = text if params.get("parse_mode") else None
    message.parse_mode = params.get("parse_mode")
    message.edit_date = server.state.now()
    return message


MEDIA_TYPES = frozenset({"animation", "audio", "document", "photo", "video"})


@method("editMessageMedia")
def edit_message_media(server: BotApiServer, params: dict, files: dict) -> StoredMessage:
    """A photo in place of a message's media, or added to a text message (Bot API 7.x: "the message
    type can be changed arbitrarily"); its caption is the new media's, the keyboard the one given."""
    message = editable_message(server, params)
    media = params.get("media")
    if media is None:
        raise bad_request("media is not specified")  # PTB always sends it; only a raw request lacks it
    if not isinstance(media, dict):
        raise bad_request("can't parse input media JSON object")
    kind = media.get("type")
    if kind not in MEDIA_TYPES:
        raise bad_request("can't parse InputMedia: unsupported media type")
    if kind != "photo":
        raise bad_request(f"editMessageMedia to {kind} is not implemented by the test server")
    if not media.get("media"):
        raise bad_request("can't parse InputMedia: Media is not specified")
    photo = _photo(server, {"photo": media["media"]}, files)
    caption = media.get("caption")
    parsed = formatted(server, caption, media, caption=True) if caption else None
    markup = checked_markup(params.get("reply_markup"))
    new_caption = parsed.text if parsed else None
    if photo is message.photo and new_caption == message.caption and markup == message.reply_markup:
        raise bad_request(_NOT_MODIFIED)  # the same file_id again: nothing changes
    message.versions.append(message.text if message.photo is None else message.caption)
    message.photo, message.text, message.html, message.parse_mode = photo, None, None, None
    message.caption = new_caption
    message.entities = list(parsed.entities) if parsed else []
    if parsed and media.get("parse_mode"):
        message.html, message.parse_mode = caption, media.get("parse_mode")
    message.reply_markup = markup
    message.edit_date = server.state.now()
    return message


@method("editMessageReplyMarkup")
def edit_message_reply_markup(server: BotApiServer, params: dict, files: dict) -> StoredMessage:
    message = editable_message(server, params)
    markup = checked_markup(params.get("reply_markup"))
    if markup == message.reply_markup:
        raise bad_request(_NOT_MODIFIED)
    message.reply_markup = markup
    message.edit_date = server.state.now()
    return message


@method("deleteMessage")
def delete_message(server: BotApiServer, params: dict, files: dict) -> bool:
    chat = target_chat(server, params)
    message = chat.messages.get(params.get("message_id"))  # type: ignore[arg-type]
    if message is None or message.deleted:
        raise bad_request("message to delete not found")
    if not message.from_bot and chat.chat.type != "private":
        raise bad_request("message can't be deleted")
    message.deleted = True
    return True


@method("answerCallbackQuery")
def answer_callback_query(server: BotApiServer, params: dict, files: dict) -> bool:
    query = server.state.callback_queries.get(str(params.get("callback_query_id")))
    if query is None or query.answered:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = params.get("text")
    if text is not None and len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    query.answered = True
    query.answer = dict(params)
    return True


@method("sendChatAction")
def send_chat_action(server: BotApiServer, params: dict, files: dict) -> bool:
    target_chat(server, params)
    if params.get("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True


def _scope_key(params: dict) -> tuple[str, str]:
    scope = params.get("scope") or {"type": "default"}
    if not isinstance(scope, dict) or "type" not in scope:
        raise bad_request("can't parse BotCommandScope JSON object")
    return json.dumps(scope, sort_keys=True), params.get("language_code") or ""


@method("setMyCommands")
def set_my_commands(server: BotApiServer, params: dict, files: dict) -> bool:
    commands = params.get("commands")
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > 100:
        raise bad_request("too many commands specified")
    for c in commands:
        if not isinstance(c, dict) or not isinstance(c.get("command"), str):
            raise bad_request("can't parse BotCommand JSON object")
        if not _COMMAND.match(c["command"]):
            raise bad_request("BOT_COMMAND_INVALID")
        description = c.get("description")
        if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    server.state.commands[_scope_key(params)] = [
        {"command": c["command"], "description": c["description"]} for c in commands
    ]
    return True


@method("getMyCommands")
def get_my_commands(server: BotApiServer, params: dict, files: dict) -> list[dict]:
    return [dict(c) for c in server.state.commands.get(_scope_key(params), [])]


@method("deleteMyCommands")
def delete_my_commands(server: BotApiServer, params: dict, files: dict) -> bool:
    server.state.commands.pop(_scope_key(params), None)
    return True


def _set_description(field: str, limit: int) -> Handler:
    def handler(server: BotApiServer, params: dict, files: dict) -> bool:
        text = params.get(field) or ""
        if len(text) > limit:
            raise bad_request(f"{field} is too long")
        server.state.descriptions[(field, params.get("language_code") or "")] = text
        return True

    return handler


method("setMyDescription")(_set_description("description", 512))
method("setMyShortDescription")(_set_description("short_description", 120))


@method("getChat")
def get_chat(server: BotApiServer, params: dict, files: dict) -> dict:
    chat_id = params.get("chat_id")
    if chat_id is None or chat_id == "":
        raise bad_request("chat_id is empty")
    state = server.state.chat_for(chat_id, create=False)
    return {
        **state.chat.to_dict(),
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    }


_ADMIN_RIGHTS = (
    "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
    "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories",
    "can_delete_stories", "can_pin_messages",
)  # fmt: skip


def _chat_member(user: dict[str, Any], status: str) -> dict[str, Any]:
    """A ChatMember object as Telegram gives it, with the fields each status has."""
    member: dict[str, Any] = {"status": status, "user": user}
    if status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member.update(can_be_edited=False, is_anonymous=False, **dict.fromkeys(_ADMIN_RIGHTS, True))
    elif status == "kicked":
        member["until_date"] = 0
    return member


def _group(server: BotApiServer, params: dict[str, Any]) -> ChatState:
    chat_id = params.get("chat_id")
    if chat_id is None or chat_id == "":
        raise bad_request("chat_id is empty")
    return server.state.chat_for(chat_id, create=False)


@method("getChatMember")
def get_chat_member(server: BotApiServer, params: dict, files: dict) -> dict:
    """A private chat's user is its member; in a group, the status set for the user (``left`` for one
    never seen there: Telegram says so of a user not in the group)."""
    chat = _group(server, params)
    user_id = params.get("user_id")
    if not isinstance(user_id, int):
        raise bad_request("user_id is empty" if user_id in (None, "") else "invalid user_id specified")
    if user_id == server.state.bot.id:
        return _chat_member(server.state.bot.to_dict(), "administrator" if chat.chat.is_group else "member")
    if not chat.chat.is_group:
        if user_id != chat.chat.id:
            raise bad_request("user not found")
        person = {"id": user_id, "is_bot": False, "first_name": chat.chat.first_name or ""}
        return _chat_member(person, "member")
    user = chat.users.get(user_id)
    shown = user.to_dict() if user is not None else {"id": user_id, "is_bot": False, "first_name": "User"}
    return _chat_member(shown, chat.members.get(user_id, "left"))


@method("getChatAdministrators")
def get_chat_administrators(server: BotApiServer, params: dict, files: dict) -> list[dict]:
    chat = _group(server, params)
    if not chat.chat.is_group:
        raise bad_request("there are no administrators in the private chat")
    return [
        _chat_member(chat.users[uid].to_dict(), status)
        for uid, status in chat.members.items()
        if status in ("creator", "administrator") and uid in chat.users
    ]


@method("getFile")
def get_file(server: BotApiServer, params: dict, files: dict) -> dict:
    stored = server.state.find_file(str(params.get("file_id") or ""))
    if stored is None:
        raise bad_request("invalid file_id")
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
        "file_path": stored.file_path,
    }


@method("setWebhook")
def set_webhook(server: BotApiServer, params: dict, files: dict) -> bool:
    url = params.get("url") or ""
    if url and not re.match(r"^https?://(127\.0\.0\.1|localhost)(:\d+)?(/|$)", url):
        raise bad_request("bad webhook: the test server delivers only to http(s)://127.0.0.1")
    server.updates.set_allowed(params.get("allowed_updates"))
    if params.get("drop_pending_updates"):
        server.updates.drop_pending()
    server.set_webhook(
        url, secret_token=params.get("secret_token"), max_connections=params.get("max_connections")
    )
    return True


@method("deleteWebhook")
def delete_webhook(server: BotApiServer, params: dict, files: dict) -> bool:
    if params.get("drop_pending_updates"):
        server.updates.drop_pending()
    server.set_webhook("")
    return True


@method("getWebhookInfo")
def get_webhook_info(server: BotApiServer, params: dict, files: dict) -> dict:
    hook = server.state.webhook
    info: dict[str, Any] = {
        "url": hook.url,
        "has_custom_certificate": False,
        "pending_update_count": len(server.updates.pending),
    }
    if hook.url:
        info.update(max_connections=hook.max_connections, allowed_updates=sorted(server.updates.allowed))
        info["ip_address"] = "127.0.0.1"
    if hook.last_error_date is not None:
        info.update(last_error_date=hook.last_error_date, last_error_message=hook.last_error_message)
    return info


@method("logOut")
def log_out(server: BotApiServer, params: dict, files: dict) -> bool:
    return True


@method("close")
def close(server: BotApiServer, params: dict, files: dict) -> bool:
    return True
