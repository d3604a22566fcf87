"""Why an alert came: what the chat's follows matched in the article that made it, for the alert to
show (see ``briefing.alerts.compose_alert``)."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.alerts import Why
from briefing.models import Follow
from briefing.service import App
from briefing.topics import read_topic, sentence_about
from store.alerts import actor_mentioned
from store.search import article_texts


def why_alerted(app: App, follows: Sequence[Follow], reasons: Sequence[str], article_id: int) -> list[Why]:
    """For each of the alert's reasons the chat still follows: the names it goes by in the article and
    the first sentence that holds it (an actor's mention, a topic's words near each other)."""
    by_value = {f.value: f for f in follows}
    whys: list[Why] = []
    body: str | None = None
    for reason in reasons:
        f = by_value.get(reason)
        if f is None:
            continue
        if f.actor_id is not None:
            found = actor_mentioned(app.db, article_id, f.actor_id)
            if found is not None:
                whys.append(Why((f.value, *found.surfaces), found.sentence))
                continue
        if body is None:
            body = article_texts(app.db, [article_id]).get(article_id, ("", ""))[1]
        whys.append(Why((f.value,), sentence_about(body, read_topic(f.value)), topic=True))
    return whys
