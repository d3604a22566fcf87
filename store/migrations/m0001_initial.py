"""The initial schema: sources, articles (+FTS5), near-duplicates, actors, mentions, stories,
subscribers, follows, deliveries, alerts and callback ids."""

from sqlite_utils import Database

SCHEMA = """
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('file', 'page', 'feed')),
    location TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    added_at TEXT NOT NULL,
    poll INTEGER NOT NULL DEFAULT 0,
    etag TEXT,
    last_modified TEXT,
    last_polled_at TEXT,
    last_ok_at TEXT,
    next_poll_at TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    paused INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);

CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    headline TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    last_updated TEXT NOT NULL,
    article_count INTEGER NOT NULL DEFAULT 0,
    source_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_last_updated ON stories (last_updated);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT UNIQUE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    author TEXT,
    section TEXT,
    published_at TEXT,
    ingested_at TEXT NOT NULL,
    -- published_at when the source gives it, else ingested_at: the one column to sort "newest" by
    dated_at TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    simhash INTEGER NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    story_id INTEGER REFERENCES stories (id) ON DELETE SET NULL
);
CREATE INDEX articles_dated_at ON articles (dated_at);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_source ON articles (source);

-- simhash split into four 16-bit bands: two texts within Hamming distance 3 share at least one band
CREATE TABLE article_bands (
    band INTEGER NOT NULL,
    value INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX article_bands_lookup ON article_bands (band, value);
CREATE INDEX article_bands_article ON article_bands (article_id);

CREATE TABLE near_duplicates (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    url TEXT,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    similarity REAL NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE INDEX near_duplicates_article ON near_duplicates (article_id);

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('person', 'organization', 'place')),
    -- identity used when merging across articles, e.g. 'person:keith kellogg'
    key TEXT NOT NULL UNIQUE,
    role TEXT,
    article_count INTEGER NOT NULL DEFAULT 0,
    mention_count INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen TEXT
);

CREATE TABLE actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,
    PRIMARY KEY (norm, actor_id)
);
CREATE INDEX actor_aliases_actor ON actor_aliases (actor_id);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sentence_index INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    surface TEXT NOT NULL
);
CREATE INDEX mentions_actor ON mentions (actor_id, article_id);
CREATE INDEX mentions_article ON mentions (article_id);

CREATE TABLE subscribers (
    chat_id INTEGER PRIMARY KEY,
    timezone TEXT NOT NULL,
    digest_time TEXT NOT NULL,
    length INTEGER NOT NULL DEFAULT 5,
    active INTEGER NOT NULL DEFAULT 1,
    chat_type TEXT NOT NULL DEFAULT 'private',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_digest_at TEXT
);

CREATE TABLE follows (
    chat_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('actor', 'topic')),
    value TEXT NOT NULL,
    actor_id INTEGER REFERENCES actors (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (chat_id, kind, value)
);

CREATE TABLE deliveries (
    chat_id INTEGER NOT NULL,
    digest_date TEXT NOT NULL,
    part INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'sent', 'failed')),
    text TEXT NOT NULL DEFAULT '',
    story_ids TEXT NOT NULL DEFAULT '',
    message_id INTEGER,
    claimed_at TEXT,
    sent_at TEXT,
    error TEXT,
    PRIMARY KEY (chat_id, digest_date, part)
);
CREATE INDEX deliveries_state ON deliveries (state);

CREATE TABLE delivered_stories (
    chat_id INTEGER NOT NULL,
    story_id INTEGER NOT NULL,
    digest_date TEXT NOT NULL,
    PRIMARY KEY (chat_id, story_id)
);

CREATE TABLE alerts (
    chat_id INTEGER NOT NULL,
    story_id INTEGER NOT NULL,
    sent_at TEXT,
    PRIMARY KEY (chat_id, story_id)
);

-- inline buttons carry a short id, and what it stands for lives here (callback data is 64 bytes at most)
CREATE TABLE callbacks (
    id TEXT PRIMARY KEY,
    chat_id INTEGER NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""


def apply(db: Database) -> None:
    # split on ";" (no comment in SCHEMA may hold one): executescript would commit our transaction
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    db.table("articles").enable_fts(
        ["title", "body"],
        fts_version="FTS5",
        create_triggers=True,
        tokenize="porter unicode61 remove_diacritics 2",
    )
