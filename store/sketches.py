"""MinHash sketches of stored articles, and the band-key index that finds near-duplicate candidates.

``article_sketches`` holds each article's signature (``dedupe.SIGNATURE`` 32-bit minimums as a blob),
its number of features and its size (content words), so most candidates are dropped unread;
``article_sketch_bands`` its ``dedupe.BANDS`` band keys, indexed, so the articles sharing a key with a
new text are found with one indexed lookup per band, however large the archive.
"""

from __future__ import annotations

import numpy as np

from briefing.dedupe import (
    Sketch,
    pack_signature,
    sketch,
    unpack_signature,
    worth_comparing,
)
from store.db import Database

MAX_CANDIDATES = 4  # the most similar by signature are read and compared; chance candidates come after


def save_sketch(db: Database, article_id: int, found: Sketch) -> None:
    """Store ``found`` as the sketch of article ``article_id`` (inside the article's transaction)."""
    if not found.keys:
        return  # a text without content words is never a near-duplicate of anything
    db.execute(
        "INSERT OR REPLACE INTO article_sketches (article_id, signature, features, size) VALUES (?, ?, ?, ?)",
        [article_id, pack_signature(found.signature), len(found.features), found.size],
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO article_sketch_bands (key, article_id) VALUES (?, ?)",
        [(key, article_id) for key in found.keys],
    )


def sketch_candidates(db: Database, found: Sketch) -> list[int]:
    """Ids of stored articles sharing a band key with ``found`` that are ``dedupe.worth_comparing``,
    most similar by signature first, at most ``MAX_CANDIDATES``."""
    if not found.keys:
        return []
    marks = ",".join("?" * len(found.keys))
    rows = db.execute(
        "SELECT article_id, signature, features, size FROM article_sketches WHERE article_id IN"
        f" (SELECT article_id FROM article_sketch_bands WHERE key IN ({marks}))",
        list(found.keys),
    ).fetchall()
    if not rows:
        return []
    ids, blobs, features, sizes = zip(*rows, strict=True)
    signatures = unpack_signature(b"".join(blobs)).reshape(len(rows), -1)
    estimates = worth_comparing(found, signatures, np.array(features), np.array(sizes))
    scored = sorted(((e, -i) for e, i in zip(estimates.tolist(), ids, strict=True) if e >= 0), reverse=True)
    return [-negated for _, negated in scored[:MAX_CANDIDATES]]


def backfill_sketches(db: Database, *, batch: int = 1000) -> int:
    """Sketch every stored article that has no sketch yet (a database made before sketches); return
    how many were sketched."""
    done, last = 0, 0
    while True:
        rows = db.execute(
            "SELECT id, body FROM articles WHERE id > ?"
            " AND id NOT IN (SELECT article_id FROM article_sketches) ORDER BY id LIMIT ?",
            [last, batch],
        ).fetchall()
        if not rows:
            return done
        for article_id, body in rows:
            save_sketch(db, article_id, sketch(body))
        done += len(rows)
        last = rows[-1][0]
