"""A labelled set of articles for story clustering: which articles report one event, and pairwise
precision and recall of a clustering against it.

``tests/fixtures/stories/labelled.jsonl`` holds one article a line: its title, summary (or lead),
source, date, the actors the actor index found in it (type and name), its ``group`` (the event) and,
where a reader could fairly put it either way, the groups it ``may`` join (pairs with those are not
counted). The articles are the seed dumps', the QA dumps' and pages', and some written for the set:
events that share words or common actors with others (a second earthquake, a second flood, a second
merger, Peru's president in another story) and follow-ups that share few words with the first report.
``python -m tests.story_labels`` prints the batch clustering's figures on it.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from pathlib import Path

from briefing.stories import StoryArticle
from briefing.terms import terms_of

LABELLED = Path(__file__).parent / "fixtures" / "stories" / "labelled.jsonl"


@dataclass(frozen=True)
class Labelled:
    articles: list[StoryArticle]
    group: dict[int, str]
    may: dict[int, frozenset[str]]
    actor_frequency: dict[int, int]  # actor id -> articles mentioning it

    def actor_idf(self) -> dict[int, float]:
        n = len(self.articles)
        return {a: math.log((1 + n) / (1 + df)) + 1.0 for a, df in self.actor_frequency.items()}


def load_labelled(path: Path = LABELLED) -> Labelled:
    articles, group, may = [], {}, {}
    actor_ids: dict[tuple[str, str], int] = {}
    frequency: Counter[int] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        actors = frozenset(actor_ids.setdefault((t, n), len(actor_ids) + 1) for t, n in row["actors"])
        frequency.update(actors)
        summary = tuple(row["summary"])
        articles.append(
            StoryArticle(
                id=row["id"],
                title=row["title"],
                lead=" ".join(summary) or row.get("lead", ""),
                source=row["source"],
                when=datetime.fromisoformat(row["when"]),
                summary=summary,
                actors=actors,
                names=frozenset(t for _, n in row["actors"] for t in terms_of(n)),
                places=frozenset(actor_ids[t, n] for t, n in row["actors"] if t == "place"),
                people=frozenset(actor_ids[t, n] for t, n in row["actors"] if t == "person"),
                organizations=frozenset(actor_ids[t, n] for t, n in row["actors"] if t == "organization"),
            )
        )
        group[row["id"]] = row["group"]
        may[row["id"]] = frozenset(row.get("may", ()))
    return Labelled(articles, group, may, dict(frequency))


def pairwise(groups: list[list[int]], labelled: Labelled) -> tuple[float, float, list, list]:
    """Pairwise precision and recall of ``groups``, with the wrongly joined and the missed pairs."""
    story = {i: k for k, g in enumerate(groups) for i in g}
    joined_right = joined_wrong = missed = 0
    wrong, miss = [], []
    for a, b in combinations(sorted(labelled.group), 2):
        ga, gb = labelled.group[a], labelled.group[b]
        same = ga == gb
        if not same and (gb in labelled.may[a] or ga in labelled.may[b]):
            continue
        together = story[a] == story[b]
        if together and same:
            joined_right += 1
        elif together:
            joined_wrong += 1
            wrong.append((a, b))
        elif same:
            missed += 1
            miss.append((a, b))
    precision = joined_right / ((joined_right + joined_wrong) or 1)
    recall = joined_right / ((joined_right + missed) or 1)
    return precision, recall, wrong, miss


def main() -> None:
    """Print the batch clustering's pairwise precision and recall on the labelled set, and its errors."""
    from datetime import timedelta

    from briefing.stories import cluster_articles

    labelled = load_labelled()
    groups = cluster_articles(labelled.articles, window=timedelta(hours=72), actor_idf=labelled.actor_idf())
    precision, recall, wrong, missed = pairwise(groups, labelled)
    title = {a.id: a.title for a in labelled.articles}
    events = len(set(labelled.group.values()))
    print(f"{len(labelled.articles)} articles, {events} events, {len(groups)} stories")
    print(f"pairwise precision {precision:.3f}, recall {recall:.3f}")
    for label, pairs in (("joined wrongly", wrong), ("missed", missed)):
        for a, b in pairs:
            print(f"  {label}: {title[a][:50]!r} / {title[b][:50]!r}")


if __name__ == "__main__":
    main()
