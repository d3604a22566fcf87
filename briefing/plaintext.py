"""What a person means by plain text sent to the bot, before it is taken as a search: people greet a
bot, type a command's name without its slash ("brief", "actor Kellogg"), or ask in words ("what is
happening in Ukraine?", "who is Keith Kellogg"). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Meaning = Literal["greeting", "thanks", "command", "search", "hint"]


def _phrases(text: str) -> frozenset[str]:
    """The phrases of ``text`` ("a|b"), each also with a typographic apostrophe ("gibt’s")."""
    phrases = [p.strip() for p in text.split("|")]
    return frozenset([*phrases, *(p.replace("'", "’") for p in phrases)])


_GREETINGS = _phrases(
    "hi|hello|hey|hiya|howdy|yo|hallo|hola|salut|bonjour|ciao|privet|привет|start|menu|hi there|hey there"
    "|hello there"
    "|good morning|good afternoon|good evening|good day"
    # German, French and Spanish, as people of those languages greet a bot written in English
    "|guten morgen|guten tag|guten abend|servus|moin|bonsoir|coucou|buenos días|buenos dias|buenas tardes"
    "|buenas noches|buenas"
)
# asking for the news in general: the top stories
_NEWS = _phrases(
    "news|the news|latest news|headlines|updates|top stories|anything new|what's new|whats new|what’s new"
    "|what is new|what's happening|what’s happening|what is happening|what's up|what’s up"
    "|was gibt es neues|was gibt's neues|was gibts neues|neuigkeiten|nachrichten|die nachrichten|was ist neu"
    "|quoi de neuf|les nouvelles|nouvelles|les actualités|actualités|les infos|infos"
    "|qué hay de nuevo|que hay de nuevo|noticias|las noticias|novedades|qué pasa|que pasa"
)
_THANKS = _phrases(
    "thanks|thank you|thank you very much|thanks a lot|thx|ty|cheers"
    "|danke|danke schön|danke sehr|vielen dank|merci|merci beaucoup|gracias|muchas gracias"
)
# command names a person may type without the slash: those that only read, so nothing changes by mistake
# (/settings and /following only when bare: with words they change something)
NAMED_COMMANDS = frozenset("brief actor search latest sources help following settings".split())
_BARE_ONLY = frozenset("sources help following settings".split())
# the names of commands that change something, typed alone (or asked about): a pointer to the command,
# never the change itself ("stop" is how people stop a bot's messages)
_CHANGING = {
    "subscribe": "subscribe", "unsubscribe": "unsubscribe", "stop": "unsubscribe", "follow": "follow",
    "unfollow": "unfollow", "how do i subscribe": "subscribe", "how do i unsubscribe": "unsubscribe",
    "how do i stop": "unsubscribe", "how do i follow": "follow", "how do i unfollow": "unfollow",
}  # fmt: skip
# the bot's own words ("stop", "unsubscribe"): a pointer always; a word of another language ("baja",
# "Abo") may be a name in an English archive, and is searched when articles hold it
ENGLISH_POINTERS = frozenset(_CHANGING)
# German, French and Spanish: to subscribe, to unsubscribe (and "stopp"), in the forms people type
_CHANGING |= dict.fromkeys(
    _phrases("abonnieren|abo|anmelden|abonner|s'abonner|m'abonner|je veux m'abonner|suscribirse|suscribirme"
             "|suscribir"),
    "subscribe",
)  # fmt: skip
_CHANGING |= dict.fromkeys(
    _phrases("abbestellen|abmelden|abo beenden|kündigen|stopp|désabonner|se désabonner|me désabonner"
             "|desabonner|se desabonner|me desabonner|désinscrire|se désinscrire|me désinscrire"
             "|arrêter|arreter|darse de baja|darme de baja|baja|cancelar suscripción|cancelar suscripcion"
             "|desuscribirse|desuscribirme|parar"),
    "unsubscribe",
)  # fmt: skip
# a request in words to change something, which a search would answer with articles holding its words
# ("follow Trump" finds articles with "follow" and "Trump", and the user thinks they follow him now):
# the command that does it, as ``(pattern, command, example)``, the example's "{}" the words asked for.
# The first that matches the whole text is taken; the user sends the command, nothing changes here.
_PLEASE = r"(?:(?:please|pls|can\s+you|could\s+you|i\s+want\s+to|i'd\s+like\s+to|i\s+would\s+like\s+to)\s+)?"
# what a stop request is about: the bot's own sending, as the object right after the verb ("stop sending
# me news", "stop the digest", "cancel my subscription"); never a word met anywhere in the message, for
# "stop the war news" and "Cancel the Daily Mail" are searches
_SENDING = r"(?:sending|send|messaging|spamming|texting)(?:\s+(?:me|us))?"
_OWNED = r"(?:the|my|our|your|this|these|all\s+(?:the|these|your)|all)"
_BOT_THINGS = (
    r"(?:(?:daily|morning|evening|bot'?s?)\s+)?"
    r"(?:digests?|news|messages?|subscriptions?|notifications?|updates?|e-?mails?|spam|briefings?|alerts?)"
)
_STOPPED = (
    rf"(?:{_SENDING}(?:\s+(?:{_OWNED}\s+)?{_BOT_THINGS}|\s+(?:it|this|that|anything))?"
    rf"|(?:{_OWNED}\s+)?{_BOT_THINGS}|it|this|that|me)"
    r"(?:\s+(?:please|now|from\s+(?:you|this\s+bot)|to\s+me|for\s+now|every\s+day|anymore|any\s+more))*"
)
_REQUEST_WORDS = 8  # a request is short: a longer message is a headline or a search
_REQUESTS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(f"^{_PLEASE}{pattern}[\\s?!.]*$", re.IGNORECASE), command, example)
    for pattern, command, example in (
        (r"(?:stop|quit)\s+following\s+(.+?)", "unfollow", "/unfollow {}"),
        (r"(?:unfollow|untrack|unwatch)\s+(.+?)", "unfollow", "/unfollow {}"),
        (rf"(?:unsubscribe|unsub)(?:\s+me)?(?:\s+from\s+(?:{_OWNED}\s+)?(?:{_BOT_THINGS}|it|this|you))?",
         "unsubscribe", "/unsubscribe"),
        (rf"(?:stop|cancel|pause|mute|no\s+more|don'?t\s+send|do\s+not\s+send)\s+{_STOPPED}",
         "unsubscribe", "/unsubscribe"),
        (r"(follow|track|watch)\s+(.+?)", "follow", "/follow {}"),
        (r"(?:subscribe|sign\s+me\s+up)(?:\s+me)?(?:\s+(.+?))?", "subscribe", "/subscribe {}"),
        (r"(?:change|set|switch|update|make|move)\s+(?:(my|our)\s+|the\s+)?(?:digest'?s?\s+)?"
         r"(?:time\s*zone|tz|zone)\s+(?:to\s+|as\s+|=\s*)?(.+?)", "settings", "/settings tz {}"),
        (r"(my)\s+(?:time\s*zone|tz)\s+is\s+(.+?)", "settings", "/settings tz {}"),
        (r"(?:change|set|switch|update|make|move)\s+(?:my\s+|the\s+|our\s+)?(?:digest'?s?\s+|delivery\s+)?"
         r"time\s+(?:to\s+|as\s+|=\s*)?(.+?)", "settings", "/settings time {}"),
        (r"(?:change|set|switch|update|make)\s+(?:my\s+|the\s+|our\s+)?(?:digest'?s?\s+)?length\s+"
         r"(?:to\s+|as\s+|=\s*)?(.+?)", "settings", "/settings length {}"),
        (r"(?:what\s+time|when)\s+(?:is|does|do\s+i\s+get)\s+(?:my|the|our)\s+(?:daily\s+)?digest\b.*",
         "settings", "/settings"),
        (r"(?:change|show|see)\s+(?:my\s+|the\s+)?settings", "settings", "/settings"),
    )
)  # fmt: skip
# words after "follow" that make an ordinary phrase of it ("follow the money", "follow up", "follow suit")
_NOT_A_NAME = frozenset(
    "the a an up suit along through on in to me my your our his her their this that these those and or of "
    "for with from at by live now".split()
)
# what a time of day has: a digit, or a word for one ("set my time to noon")
_TIME_WORD = re.compile(r"\d|\b(?:noon|midday|midnight|morning|evening|afternoon|night)\b", re.IGNORECASE)


def _asked_fits(command: str, example: str, found: re.Match[str]) -> bool:
    """Whether the words a request pattern took are what its command takes, so that a phrase that only
    begins like a request ("follow the money", "Track and field championships", "Set the time to act on
    climate", "subscribe to newsletters") is no request: a follow's words are a short name (after "track"
    or "watch" one in capitals), a time has a digit or a time word, a zone is short and written as one is
    (or said to be "my" zone)."""
    groups = found.groups()
    asked = (groups[-1] or "").strip() if groups else ""
    words = asked.split()
    if command == "follow":
        if not words or len(words) > 4 or words[0].lower() in _NOT_A_NAME or ":" in asked:
            return False
        return groups[0].lower() == "follow" or all(w[:1].isupper() or w[:1].isdigit() for w in words)
    if example == "/settings time {}" or command == "subscribe":
        return not words or bool(_TIME_WORD.search(asked))
    if example == "/settings tz {}":
        possessive = len(groups) > 1 and bool(groups[0])
        written = asked[:1].isupper() or "/" in asked or bool(re.match(r"(?i)(?:utc|gmt)", asked))
        return 0 < len(words) <= 3 and (possessive or written)
    return True


def _request(words: str) -> Plain | None:
    """A request in words to change something ("follow Trump", "change my timezone to Berlin"): a hint
    with the command that does it (``args``: the command to send), or None. A request is short, and its
    words fit the command (see ``_asked_fits``)."""
    if len(words.split()) > _REQUEST_WORDS:
        return None
    for pattern, command, example in _REQUESTS:
        found = pattern.match(words)
        if found and _asked_fits(command, example, found):
            asked = (found.groups()[-1] or "") if found.groups() else ""
            return Plain("hint", example.format(asked.strip()).strip(), command)
    return None


_HELP = _phrases("help me|help please|please help|help me please|how does this work|how do i use this")
# a question's lead-in, dropped before a search: "what's happening in", "tell me about", "any news on"
_LEAD = re.compile(
    r"^(?:(?:so|and|ok|okay|please),?\s+)?"
    r"(?:what(?:'s|’s| is| are)\s+(?:(?:the\s+)?(?:latest|news|new|happening|going\s+on)\s+)?"
    r"(?:(?:in|on|with|about|from|at)\s+)?"
    r"|(?:(?:can|could)\s+you\s+)?tell\s+me\s+(?:more\s+)?about\s+"
    r"|(?:any\s+)?(?:latest\s+)?(?:news|updates?)\s+(?:on|about|from|in)\s+"
    r"|what\s+about\s+|how\s+about\s+|show\s+me\s+"
    # German, French and Spanish: "was gibt es Neues zu X", "Neuigkeiten über X", "quoi de neuf sur X",
    # "nouvelles sur X", "qué hay de nuevo sobre X", "noticias sobre X": the search is for X
    r"|(?:was\s+gibt(?:\s+es|['’]?s)\s+neues\s+(?:zu[mr]?|über|ueber|bei|von|vom|aus|in|im|mit)\s+"
    r"|(?:neuigkeiten|nachrichten|news)\s+(?:zu[mr]?|über|ueber|von|vom|aus)\s+"
    r"|quoi\s+de\s+neuf\s+(?:sur|à|a|en|au|aux|avec|chez|du|de|des)\s+"
    r"|(?:des\s+|les\s+)?(?:nouvelles|actualités|actualites|infos?)\s+(?:sur|de|du|des|à\s+propos\s+de)\s+"
    r"|¿?\s*qu[ée]\s+hay\s+de\s+nuevo\s+(?:sobre|de|del|en|con)\s+"
    r"|(?:las\s+)?(?:noticias|novedades)\s+(?:sobre|de|del|acerca\s+de)\s+)"
    r"(?:(?:la|le|les|el|los|las|der|die|das|den|dem)\s+|l['’])?)",  # the article before X: "sur la Syrie"
    re.IGNORECASE,
)
_WHO = re.compile(
    r"^(?:who(?:'s|’s| is| are| was)|what(?:'s|’s| is)\s+(?:the\s+)?role\s+of)\s+", re.IGNORECASE
)
_ON = re.compile(
    r"^(?:(?:the\s+)?(?:latest\s+)?(?:news|updates?|stories|articles)\s+(?:on|about|from|in|of)\s+)",
    re.IGNORECASE,
)
_THE_BOT = _phrases("you|u|this|this bot|that|it|briefing")
_TAIL = re.compile(r"(?:\s+(?:today|now|lately|these\s+days|right\s+now|please))*[\s?!.]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Plain:
    """What the text asks: a greeting or thanks, a command by its name (``command``, ``args``), a hint
    to the command that does a change asked for (``args``: the command to send, or none), or a search for
    ``args``; ``read`` when the words were taken as something other than typed; ``by_name``
    when the text began with the command's name ("search and rescue" may be a search as typed)."""

    meaning: Meaning
    args: str
    command: str = "search"
    read: bool = False
    by_name: bool = False


def read_plain(text: str, *, requests: bool = True) -> Plain:
    """The meaning of plain text sent to the bot in a private chat; what it means besides a request in
    words when not ``requests`` (the search a request's hint goes with)."""
    words = " ".join(text.split())
    folded = words.lower().strip(" !.?,¿¡")
    if folded in _GREETINGS:
        return Plain("greeting", "")
    if folded in _THANKS:
        return Plain("thanks", "")
    if folded in _NEWS:
        return Plain("command", "", "brief", read=True)
    if folded in _HELP:
        return Plain("command", "", "help", read=True)
    if folded in _CHANGING:
        return Plain("hint", "", _CHANGING[folded])
    if requests and (request := _request(words)) is not None:
        return request
    first, _, rest = words.partition(" ")
    name = first.lower().rstrip(":!?.,")  # "help!", "settings?"
    if name in NAMED_COMMANDS and not (rest and name in _BARE_ONLY) and len(words.split()) <= 8:
        # "latest news on Kellogg": the news words are how people ask, not words an article must hold
        return Plain("command", _TAIL.sub("", _ON.sub("", rest)), name, read=True, by_name=True)
    who = _WHO.match(words)
    if who and words[who.end() :].strip(" ?!."):
        asked = _TAIL.sub("", words[who.end() :])
        if asked.lower() in _THE_BOT:  # "who are you?": what the bot is
            return Plain("greeting", "")
        if asked[:1].isupper() or asked[:1].isdigit():  # a name: "who is Keith Kellogg?"
            return Plain("command", asked, "actor", read=True)
        return Plain("search", asked, read=True)  # "who is to blame for the blackout?": its words
    lead = _LEAD.match(words)
    if lead and words[lead.end() :].strip(" ?!."):
        asked = _TAIL.sub("", words[lead.end() :])
        return Plain("search", asked, read=asked != words)
    # its lines kept: a reply's entry pasted ("Headline", then "The Guardian · 3 h ago") is a headline
    # where its first line ends (``briefing.pasted``)
    return Plain(
        "search", "\n".join(" ".join(line.split()) for line in text.strip().splitlines() if line.strip())
    )
