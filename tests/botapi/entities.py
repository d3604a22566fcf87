"""Telegram's HTML parse mode, parsed the way the Bot API server parses it.

The rules follow the server's own parser (tdlib's ``parse_html``): only the tags of the Bot API's
"HTML style" list are allowed, tags must be closed in order, and the error messages are the server's
(``Unsupported start tag "p" at byte offset 0``,
``Can't find end tag corresponding to start tag "b"``).
The result is the plain text a user sees plus its entities, with offsets and lengths in UTF-16 code
units, which is how Telegram counts the 4096-character limit.

The real server forgives two things that a correct renderer never produces: an ``&`` that starts no
known entity is kept as text, and ``>`` needs no escaping; a link whose URL it cannot accept is
dropped without a word. ``strict=True`` (the test server's default) rejects all three, because each
means something was inserted without escaping, or a link silently vanishes in production.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ALLOWED_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
     "tg-emoji", "code", "pre", "blockquote"}
)  # fmt: skip
_SIMPLE_TYPES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "span": "spoiler", "tg-spoiler": "spoiler",
}  # fmt: skip
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPACE = " \t\n\r\f\v"
_SPECIAL = re.compile(r"[<&>]")
_URL_SCHEMES = ("http://", "https://", "tg://", "ton://")
_HEX, _DIGITS, _LETTERS = (
    re.compile(r"[0-9A-Fa-f]*"),
    re.compile(r"[0-9]*"),
    re.compile(r"[A-Za-z]*"),
)
_BARE_DOMAIN = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?([/?#]\S*)?$")


class EntityParseError(ValueError):
    """The text is not valid Telegram HTML (the reason is the server's wording)."""


@dataclass(frozen=True)
class ParsedText:
    """What a user sees: the text without tags and its entities (Bot API MessageEntity dicts)."""

    text: str
    entities: tuple[dict, ...] = ()

    @property
    def utf16_length(self) -> int:
        return utf16_len(self.text)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Open:
    tag: str
    argument: str
    utf16_offset: int
    text_index: int


@dataclass
class _Parser:
    source: str
    strict: bool
    out: list[str] = field(default_factory=list)
    utf16: int = 0
    chars: int = 0
    stack: list[_Open] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)

    def error(self, message: str) -> EntityParseError:
        return EntityParseError(message)

    def byte_offset(self, index: int) -> int:
        return len(self.source[:index].encode("utf-8"))

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.chars += len(text)
        self.utf16 += utf16_len(text)

    def at(self, i: int) -> str:
        return self.source[i] if i < len(self.source) else ""


def parse_html(source: str, *, strict: bool = True) -> ParsedText:
    """Parse Telegram HTML into plain text and entities, or raise :class:`EntityParseError`."""
    p = _Parser(source, strict)
    i, n = 0, len(source)
    while i < n:
        match = _SPECIAL.search(source, i)
        if match is None:
            p.emit(source[i:])
            break
        if match.start() > i:
            p.emit(source[i : match.start()])
        i = match.start()
        c = source[i]
        if c == "&":
            i = _entity(p, i)
        elif c == ">":
            if strict:
                raise p.error(f'Character ">" must be escaped as "&gt;" at byte offset {p.byte_offset(i)}')
            p.emit(">")
            i += 1
        elif p.at(i + 1) == "/":
            i = _end_tag(p, i)
        else:
            i = _start_tag(p, i)
    if p.stack:
        raise p.error(f'Can\'t find end tag corresponding to start tag "{p.stack[-1].tag}"')
    return ParsedText("".join(p.out), tuple(_finish(p.entities)))


def _decode_entity(source: str, pos: int) -> tuple[str, int, bool] | None:
    """The character an ``&...`` reference at ``pos`` stands for, where it ends, and whether a ';'
    closed it; None when it is no reference Telegram knows (then the ``&`` is plain text)."""
    end = pos + 1
    if source[end : end + 1] == "#":
        end += 1
        hexadecimal = source[end : end + 1] == "x"
        if hexadecimal:
            end += 1
        digits = _run(_HEX if hexadecimal else _DIGITS, source, end)
        end += len(digits)
        value = int(digits, 16 if hexadecimal else 10) if digits else 0
        if value == 0 or value >= 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            return None
        char = chr(value)
    else:
        name = _run(_LETTERS, source, end)
        if name not in _NAMED:
            return None
        end += len(name)
        char = _NAMED[name]
    closed = source[end : end + 1] == ";"
    return char, end + 1 if closed else end, closed


def _run(pattern: re.Pattern[str], source: str, pos: int) -> str:
    match = pattern.match(source, pos)
    return match.group() if match else ""


def _entity(p: _Parser, i: int) -> int:
    decoded = _decode_entity(p.source, i)
    if decoded is None or (p.strict and not decoded[2]):
        if p.strict:
            raise p.error(f'Character "&" must be escaped as "&amp;" at byte offset {p.byte_offset(i)}')
        p.emit("&")
        return i + 1
    p.emit(decoded[0])
    return decoded[1]


def _skip_spaces(p: _Parser, i: int) -> int:
    while p.at(i) and p.at(i) in _SPACE:
        i += 1
    return i


def _start_tag(p: _Parser, begin: int) -> int:
    i = begin + 1
    while p.at(i) and p.at(i) not in _SPACE and p.at(i) != ">":
        i += 1
    if not p.at(i):
        raise p.error(f"Unclosed start tag at byte offset {p.byte_offset(begin)}")
    tag = p.source[begin + 1 : i].lower()
    if tag not in ALLOWED_TAGS:
        raise p.error(f'Unsupported start tag "{tag}" at byte offset {p.byte_offset(begin)}')
    argument = ""
    while p.at(i) != ">":
        i = _skip_spaces(p, i)
        if p.at(i) == ">":
            break
        name_start = i
        while p.at(i) and p.at(i) not in _SPACE and p.at(i) != "=" and p.at(i) != ">":
            i += 1
        name = p.source[name_start:i]
        if not name:
            raise p.error(f'Empty attribute name in the tag "{tag}" at byte offset {p.byte_offset(begin)}')
        i = _skip_spaces(p, i)
        if p.at(i) != "=":
            if tag == "blockquote" and name == "expandable" and p.at(i) in (">", *_SPACE):
                argument = "expandable"  # the one attribute Telegram takes without a value
                continue
            raise p.error(
                f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                f"at byte offset {p.byte_offset(begin)}"
            )
        i = _skip_spaces(p, i + 1)
        if not p.at(i):
            raise p.error(f'Unclosed start tag "{tag}" at byte offset {p.byte_offset(begin)}')
        value, i = _attribute_value(p, i)
        if not p.at(i):
            raise p.error(f"Unclosed start tag at byte offset {p.byte_offset(begin)}")
        argument = _argument(tag, name, value, argument)
    if tag == "span" and argument != "spoiler":
        raise p.error(f'Tag "span" must have class "tg-spoiler" at byte offset {p.byte_offset(begin)}')
    p.stack.append(_Open(tag, argument, p.utf16, p.chars))
    return i + 1


def _attribute_value(p: _Parser, i: int) -> tuple[str, int]:
    quote = p.at(i)
    if quote not in ("'", '"'):
        start = i  # an unquoted name token: letters, digits, periods, hyphens
        while p.at(i) and (p.at(i).isalnum() or p.at(i) in ".-"):
            i += 1
        if p.at(i) and p.at(i) not in _SPACE and p.at(i) != ">":
            raise p.error(f"Unexpected end of name token at byte offset {p.byte_offset(start)}")
        return p.source[start:i].lower(), i
    i += 1
    value: list[str] = []
    while p.at(i) and p.at(i) != quote:
        if p.at(i) == "&":
            decoded = _decode_entity(p.source, i)
            if decoded is not None and (decoded[2] or not p.strict):
                value.append(decoded[0])
                i = decoded[1]
                continue
            if p.strict:
                raise p.error(f'Character "&" must be escaped as "&amp;" at byte offset {p.byte_offset(i)}')
        value.append(p.at(i))
        i += 1
    if p.at(i) == quote:
        i += 1
    return "".join(value), i


def _argument(tag: str, name: str, value: str, current: str) -> str:
    if tag == "a" and name == "href":
        return value
    if tag == "code" and name == "class" and value.startswith("language-"):
        return value[len("language-") :]
    if tag == "span" and name == "class" and value.startswith("tg-"):
        return value[len("tg-") :]
    if tag == "tg-emoji" and name == "emoji-id":
        return value
    return current


def _end_tag(p: _Parser, begin: int) -> int:
    if not p.stack:
        raise p.error(f"Unexpected end tag at byte offset {p.byte_offset(begin)}")
    i = begin + 2
    while p.at(i) and p.at(i) not in _SPACE and p.at(i) != ">":
        i += 1
    name = p.source[begin + 2 : i]
    i = _skip_spaces(p, i)
    if p.at(i) != ">":
        raise p.error(f"Unclosed end tag at byte offset {p.byte_offset(begin)}")
    opened = p.stack[-1]
    if name and name != opened.tag:
        raise p.error(
            f'Unmatched end tag at byte offset {p.byte_offset(begin)}, expected "</{opened.tag}>", '
            f'found "</{name}>"'
        )
    p.stack.pop()
    _close(p, opened)
    return i + 1


def _close(p: _Parser, opened: _Open) -> None:
    length = p.utf16 - opened.utf16_offset
    if length <= 0:
        return
    entity: dict = {"type": "", "offset": opened.utf16_offset, "length": length}
    if opened.tag in _SIMPLE_TYPES:
        entity["type"] = _SIMPLE_TYPES[opened.tag]
    elif opened.tag == "tg-emoji":
        if not opened.argument.isdigit():
            raise p.error("Invalid custom emoji identifier specified")
        entity.update(type="custom_emoji", custom_emoji_id=opened.argument)
    elif opened.tag == "blockquote":
        entity["type"] = "expandable_blockquote" if opened.argument else "blockquote"
    elif opened.tag == "code":
        entity["type"] = "code"
        if opened.argument:
            entity["language"] = opened.argument  # kept only if a <pre> wraps it exactly
    elif opened.tag == "pre":
        inner = p.entities[-1] if p.entities else None
        if inner and inner["type"] == "code" and inner.get("language") and _same_span(inner, entity):
            p.entities.pop()
            entity["language"] = inner["language"]
        entity["type"] = "pre"
    else:  # "a"
        url = opened.argument or "".join(p.out)[opened.text_index :]
        checked = _checked_url(url)
        if checked is None:
            if p.strict:
                raise p.error(f'Invalid URL "{url}" in an <a> tag (Telegram would drop the link)')
            return
        entity.update(type="text_link", url=checked)
    p.entities.append(entity)


def _same_span(a: dict, b: dict) -> bool:
    return a["offset"] == b["offset"] and a["length"] == b["length"]


def _checked_url(url: str) -> str | None:
    url = url.strip()
    if url.lower().startswith(_URL_SCHEMES) and " " not in url and len(url) > url.find("//") + 2:
        return url
    if _BARE_DOMAIN.match(url):
        return "http://" + url
    return None


def _finish(entities: list[dict]) -> list[dict]:
    """Sorted as Telegram returns them; code and pre hold no other formatting."""
    blocks = [e for e in entities if e["type"] in ("code", "pre")]
    fixed = [
        e
        for e in entities
        if not any(
            c is not e
            and c["offset"] <= e["offset"]
            and e["offset"] + e["length"] <= c["offset"] + c["length"]
            for c in blocks
        )
    ]
    for e in fixed:
        if e["type"] == "code":
            e.pop("language", None)
    return sorted(fixed, key=lambda e: (e["offset"], -e["length"]))
