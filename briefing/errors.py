"""Errors of the Briefing core. Each is one line, named after the condition.

BriefingError
 ├── SourceError            a source could not be read or understood
 │    ├── EmptySourceError
 │    ├── PaywallError      (a page showing a teaser over "Subscribe to continue reading")
 │    ├── WallPageError     (a cookie consent wall, a "page not found" answered 200, a sign-in form)
 │    ├── BinarySourceError
 │    ├── DecodeError
 │    ├── MalformedFeedError
 │    └── FetchError        (HTTP status, timeout, too large, refused scheme)
 ├── QueryError             a user's query cannot be answered as written
 └── NotFoundError          no such actor, story, article or chat
      └── UnsubscribedError  the chat stopped its digest (/unsubscribe, or it blocked the bot)
"""


class BriefingError(Exception):
    """Base of every error the bot reports to a user instead of crashing."""


class SourceError(BriefingError):
    """A source (file, page, feed) could not be read or understood."""


class EmptySourceError(SourceError):
    """The source holds no text."""


class PaywallError(SourceError):
    """The page shows only a teaser of the article; the rest is behind a paywall."""


class WallPageError(SourceError):
    """The page stands where an article should be: a consent wall, a soft 404, a sign-in form, or a
    page that has nothing of the feed entry it was fetched for."""


class BinarySourceError(SourceError):
    """The source is binary data, not text."""


class DecodeError(SourceError):
    """The bytes are not text in any encoding we accept."""


class MalformedFeedError(SourceError):
    """The feed cannot be parsed as RSS or Atom."""


class FetchError(SourceError):
    """An HTTP fetch failed: status, timeout, size limit or refused scheme. ``transient`` when trying
    again later may succeed (a timeout, no connection, a 5xx, 408 or 429); a 404, a refused scheme or a
    body over the limit will fail the same way next time."""

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class QueryError(BriefingError):
    """A user's query cannot be answered as written."""


class NotFoundError(BriefingError):
    """The thing asked for does not exist."""


class UnsubscribedError(NotFoundError):
    """The chat has a subscription, but stopped: nothing may be sent to it until it subscribes again."""
